#!/usr/bin/env bash
# Makes the PXE-capable variant of the bootable Debian test image (make-debian-bootc-image.sh), as upstream's PXE test
# image derives from its bootc image: dracut's live modules (dmsquash-live, livenet and what they need) in the
# initramfs, and squashfs-tools in the build root for rootfs.img.
# Usage: make-debian-pxe-image.sh BASE-REF IMAGE-REF LABEL...   (each LABEL is key=value, set on the image)
set -euo pipefail
base=$1 ref=$2; shift 2
log=$(mktemp /var/tmp/bib-e2e-pxe-image.XXXXXX)
trap 'rm -f "$log"' EXIT
container=$(buildah from --quiet "$base")
trap 'buildah rm "$container" >/dev/null; rm -f "$log"' EXIT

buildah run --isolation chroot "$container" -- /bin/bash -euo pipefail -c '
apt-get update -qq
# livenet needs url-lib (curl) and the network module (iproute2, procps); the kernel hook stays off: dracut runs below.
INITRD=No apt-get install -y -qq --no-install-recommends dracut-live dracut-network curl iproute2 procps squashfs-tools
# The dracut 059 of Debian 12 picks an overlayfs root for a squashfs holding a whole tree (as rootfs.img does), but
# under systemd nothing makes the upper and work directories of that overlay before /sysroot is mounted, so the mount
# fails; dracut-ng makes them in dmsquash-live-root, and so does this copy.
live_root=/usr/lib/dracut/modules.d/90dmsquash-live/dmsquash-live-root.sh
sed -i "s|^if \\[ -n \"\\\$overlayfs\" \\]; then\$|&\\n    mkdir -m 0755 -p /run/overlayfs /run/ovlwork|" "$live_root"
grep -q "^    mkdir -m 0755 -p /run/overlayfs /run/ovlwork$" "$live_root"
kver=$(basename "$(echo /usr/lib/modules/*)")
dracut -q --no-hostonly --add "ostree dmsquash-live livenet" -f "/usr/lib/modules/$kver/initramfs.img" "$kver"
rm -rf /var/cache/apt/archives/*.deb /var/lib/apt/lists/*

# The PXE tree copies EFI/ from /boot/efi. Real bootc (bootupd) installs it on the ESP, but these machines cannot
# mount vfat, so the PXE test builds a layout without an ESP: this wrapper leaves a marked stand-in EFI tree on /boot.
mv /usr/bin/bootc /usr/libexec/bib-test-bootc
cat > /usr/bin/bootc <<"BOOTC"
#!/bin/bash
set -euo pipefail
/usr/libexec/bib-test-bootc "$@"
if [ "${1:-} ${2:-}" = "install to-filesystem" ]; then
  dest=${*: -1}
  mkdir -p "$dest/boot/efi/EFI/debian"
  echo "stand-in for the boot loader binaries bootupd installs on an ESP" > "$dest/boot/efi/EFI/debian/STAND-IN"
fi
BOOTC
chmod 755 /usr/bin/bootc
' >"$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }

labels=()
for l in "$@"; do labels+=(--label "$l"); done
buildah config "${labels[@]}" "$container"
buildah commit --quiet "$container" "$ref" >/dev/null
