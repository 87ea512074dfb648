#!/usr/bin/env bash
# Installs, through apt-get, the Debian/Ubuntu packages the tests use as real judges and
# peers (registry, skopeo, umoci, podman, cross compilers, qemu), when they are missing.
#
# The arm64 cross link needs libcrypt-dev:arm64, a foreign-architecture package. Debian's
# mirrors serve every architecture, so adding arm64 to dpkg is enough. Ubuntu serves arm64
# from a separate archive (ports.ubuntu.com): there the existing sources are pinned to the
# host's architecture (else `apt-get update` fails on 404s for arm64) and a ports source is
# added, the same edits src/build/apt-sources.ts makes (test/repo/install-test-deps.test.ts
# holds the two equal).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Replaces FILE with standard input, through sudo only when its folder is not ours.
write_file() {
  if [ -w "$(dirname "$1")" ]; then cat >"$1"; else as_root tee "$1" >/dev/null; fi
}

# deb822 (*.sources): every stanza with Types: and no Architectures: gets one.
pin_deb822() {
  awk -v arch="$2" '
    BEGIN { RS = ""; ORS = "" }
    {
      stanza = $0
      if (stanza ~ /(^|\n)Types:/ && stanza !~ /(^|\n)Architectures:/) {
        sub(/[ \t\n]+$/, "", stanza)
        stanza = stanza "\nArchitectures: " arch
      }
      printf "%s%s", (NR > 1 ? "\n\n" : ""), stanza
    }
    END { printf "\n" }
  ' "$1"
}

# One-line entries (*.list): `deb URL` gets `[arch=A]`, `deb [opts]` gets arch=A among its
# options unless it already names architectures.
pin_one_line() {
  sed -E \
    -e "/^[[:space:]]*deb(-src)?[[:space:]]+\[([^]]*[[:space:]])?arch=/!s/^([[:space:]]*deb(-src)?)[[:space:]]+\[/\1 [arch=$2 /" \
    -e "s/^([[:space:]]*deb(-src)?)[[:space:]]+([^[[:space:]])/\1 [arch=$2] \3/" \
    "$1"
}

ports_stanza() {
  printf 'Types: deb\nURIs: http://ports.ubuntu.com/ubuntu-ports\nSuites: %s\nComponents: main universe\nArchitectures: %s\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n' "$1" "$2"
}

# ports_source ARCH CODENAME
ports_source() { ports_stanza "$2 $2-updates" "$1" && printf '\n' && ports_stanza "$2-security" "$1"; }

# Makes FOREIGN_ARCH packages installable from the apt sources under ETC (/etc, or a test's
# folder): on Ubuntu pins the sources to HOST_ARCH and adds the ports archive once; on
# Debian there is nothing to do.
prepare_sources() {
  local etc=$1 host_arch=$2 foreign_arch=$3 os_id codename file pinned
  os_id=$(. "$etc/os-release" && printf '%s' "${ID:-}")
  [ "$os_id" = ubuntu ] || return 0
  codename=$(. "$etc/os-release" && printf '%s' "${VERSION_CODENAME:-${UBUNTU_CODENAME:-}}")
  local ports="$etc/apt/sources.list.d/static-thttpd-$foreign_arch.sources"
  [ -e "$ports" ] && return 0
  pinned=$(mktemp)
  for file in "$etc/apt/sources.list" "$etc"/apt/sources.list.d/*.list "$etc"/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    case "$file" in
      *.sources) pin_deb822 "$file" "$host_arch" >"$pinned" ;;
      *) pin_one_line "$file" "$host_arch" >"$pinned" ;;
    esac
    write_file "$file" <"$pinned"
  done
  rm -f "$pinned"
  ports_source "$foreign_arch" "$codename" | write_file "$ports"
}

main() {
  declare -A package_of=(
    [gcc]=gcc [make]=make [file]=file [strip]=binutils [patch]=patch [git]=git
    [aarch64-linux-gnu-gcc]=gcc-aarch64-linux-gnu [musl-gcc]=musl-tools
    [qemu-aarch64-static]=qemu-user-static [docker-registry]=docker-registry
    [htpasswd]=apache2-utils [openssl]=openssl [skopeo]=skopeo [umoci]=umoci
    [podman]=podman [runc]=runc [buildah]=buildah [curl]=curl [ctr]=containerd [jq]=jq
  )
  local missing=() tool host_arch foreign_arch=''
  for tool in "${!package_of[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("${package_of[$tool]}")
  done
  [ -e /usr/aarch64-linux-gnu/include/stdio.h ] || missing+=(libc6-dev-arm64-cross)

  host_arch=$(dpkg --print-architecture)
  if [ ! -e /usr/lib/aarch64-linux-gnu/libcrypt.a ]; then
    if [ "$host_arch" = arm64 ]; then missing+=(libcrypt-dev); else foreign_arch=arm64; missing+=(libcrypt-dev:arm64); fi
  fi

  [ ${#missing[@]} -eq 0 ] && return 0
  export DEBIAN_FRONTEND=noninteractive
  if [ -n "$foreign_arch" ]; then
    prepare_sources /etc "$host_arch" "$foreign_arch"
    dpkg --print-foreign-architectures | grep -qx "$foreign_arch" || as_root dpkg --add-architecture "$foreign_arch"
  fi
  echo "installing: ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Sourced (by the tests), it only defines the functions.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then main "$@"; fi
