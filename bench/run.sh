#!/usr/bin/env bash
# npm run bench: installs what the bench needs when it is missing (Debian/Ubuntu, apt-get),
# then runs the TypeScript driver, which writes bench/REPORT.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."

# command -> apt package
declare -A NEED=(
  [wrk]=wrk [nginx]=nginx-light [busybox]=busybox-static [buildah]=buildah [skopeo]=skopeo
  [umoci]=umoci [docker-registry]=docker-registry [gcc]=gcc [musl-gcc]=musl-tools [make]=make
  [file]=file [patch]=patch [gzip]=gzip [tar]=tar [git]=git [strace]=strace [taskset]=util-linux
  # Runs the arm64 binaries, so the size-flag builds for arm64 are smoke-tested, not only built.
  [qemu-aarch64-static]=qemu-user-static
)
missing=()
for cmd in "${!NEED[@]}"; do
  PATH="$PATH:/usr/sbin:/sbin" command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEED[$cmd]}")
done
[ -e /usr/include/crypt.h ] || missing+=(libcrypt-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "bench: missing ${missing[*]} and no apt-get to install them: install them, then run again" >&2
    exit 1
  fi
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  echo "bench: installing ${missing[*]}" >&2
  # Waits for another apt or dpkg (DPkg::Lock::Timeout) rather than failing on its lock.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# busybox-static provides /bin/busybox; the bench calls `busybox httpd`.
busybox httpd --help >/dev/null 2>&1 || { echo "bench: this busybox has no httpd applet: install busybox-static" >&2; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund >&2

export PATH="$PATH:/usr/sbin:/sbin"
exec node --import tsx bench/main.ts "$@"
