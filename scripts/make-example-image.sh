#!/usr/bin/env bash
# Builds localhost/bib-example:latest: a tiny bootc-like image (busybox plus what a bootc image carries:
# os-release, a kernel under /usr/lib/modules, EFI files, SELinux config, bootc's install configuration and a bootc
# stand-in that prints it, the bootc label).
# No registry is needed. Usage: scripts/make-example-image.sh [IMAGE_REF]
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-localhost/bib-example:latest}
kver=5.14.0-570.example.el9.$(uname -m)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -d "$root"/usr/bin "$root"/usr/lib/modules/"$kver" "$root"/usr/lib/bootupd/updates/EFI/centos \
  "$root"/etc/selinux "$root"/usr/lib/bootc/install "$root"/var "$root"/tmp
install -m 0755 /bin/busybox "$root"/usr/bin/busybox
chroot "$root" /usr/bin/busybox --install -s /usr/bin
ln -s usr/bin "$root"/bin
ln -s usr/bin "$root"/sbin
install -m 0644 examples/bootc-example/os-release "$root"/usr/lib/os-release
install -m 0755 examples/bootc-example/bootc "$root"/usr/bin/bootc
install -m 0644 examples/bootc-example/install.toml "$root"/usr/lib/bootc/install/00-example.toml
echo "example kernel $kver" > "$root"/usr/lib/modules/"$kver"/vmlinuz
echo "example shim" > "$root"/usr/lib/bootupd/updates/EFI/centos/shimx64.efi
printf 'SELINUX=enforcing\nSELINUXTYPE=targeted\n' > "$root"/etc/selinux/config

ctr=$(buildah from scratch)
cleanup_ctr() { buildah rm "$ctr" >/dev/null 2>&1 || true; rm -rf "$root"; }
trap cleanup_ctr EXIT
buildah copy --quiet "$ctr" "$root" / >/dev/null
buildah config --label containers.bootc=1 --label ostree.bootable=true --cmd '["/usr/bin/sh"]' "$ctr"
buildah commit --quiet --rm "$ctr" "$ref" >/dev/null
trap 'rm -rf "$root"' EXIT
echo "$ref"
