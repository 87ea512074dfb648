#!/usr/bin/env bash
# Installs, through apt-get, the Debian/Ubuntu packages the tests use as real judges and
# peers (registry, skopeo, umoci, podman, cross compilers, qemu, sudo for the apt-get
# command line test), when they are missing.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

declare -A package_of=(
  [gcc]=gcc [make]=make [file]=file [strip]=binutils [patch]=patch [git]=git [sudo]=sudo
  [aarch64-linux-gnu-gcc]=gcc-aarch64-linux-gnu [musl-gcc]=musl-tools
  [qemu-aarch64-static]=qemu-user-static [docker-registry]=docker-registry
  [htpasswd]=apache2-utils [openssl]=openssl [skopeo]=skopeo [umoci]=umoci
  [podman]=podman [runc]=runc [buildah]=buildah [curl]=curl [ctr]=containerd
)
missing=()
for tool in "${!package_of[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("${package_of[$tool]}")
done
[ -e /usr/aarch64-linux-gnu/include/stdio.h ] || missing+=(libc6-dev-arm64-cross)

need_arm64_crypt=0
[ -e /usr/lib/aarch64-linux-gnu/libcrypt.a ] || need_arm64_crypt=1

if [ ${#missing[@]} -eq 0 ] && [ $need_arm64_crypt = 0 ]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
if [ $need_arm64_crypt = 1 ]; then
  as_root dpkg --add-architecture arm64
  missing+=(libcrypt-dev:arm64)
fi
echo "installing: ${missing[*]}" >&2
as_root apt-get update -qq
as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
