#!/usr/bin/env bash
# Builds a small Debian 12 image that bootc-image-builder and real osbuild can turn into disks on these
# machines, and whose disks boot: a debootstrap minbase (from Debian's mirror) with the tools osbuild's stages
# run from the build root, a Debian kernel with a dracut initramfs holding ostree's module, systemd as init,
# imported with `podman import`, whose `bootc` makes a real ostree deployment with a boot entry.
# With --arch, of another Debian architecture (ppc64el, s390x): debootstrap's first stage here, its second stage and
# everything after it run the target's own binaries under qemu-user (binfmt_misc with qemu-user-static's F flag).
# Usage: make-debian-bootc-image.sh [--arch DEBIAN-ARCH] IMAGE-REF LABEL...   (each LABEL is key=value, set on the image)
set -euo pipefail
arch=$(dpkg --print-architecture)
if [ "${1:-}" = --arch ]; then arch=$2; shift 2; fi
ref=$1; shift
# Per architecture: the kernel package, the image's architecture as podman names it, the console the kernel and the
# serial getty use (QEMU's serial port: the 8250 UART, pseries' hypervisor console, s390x's SCLP console).
# ppc64el's kernel comes from bookworm-backports: its pages are 64 KiB, and bookworm's 6.1 mounts an ext4 with
# fs-verity (upstream's ext4 root has it) only when its blocks are that large too; 6.3 lifted that.
case $arch in
  amd64) kernel=linux-image-amd64 goarch=amd64 console=ttyS0 ;;
  ppc64el) kernel=linux-image-powerpc64le/bookworm-backports goarch=ppc64le console=hvc0 ;;
  s390x) kernel=linux-image-s390x goarch=s390x console=ttysclp0 ;;
  *) echo "make-debian-bootc-image: unsupported architecture $arch" >&2; exit 1 ;;
esac
work=$(mktemp -d /var/tmp/bib-e2e-image.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

if [ "$arch" = "$(dpkg --print-architecture)" ]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
else
  [ -e "/proc/sys/fs/binfmt_misc/qemu-$goarch" ] || { echo "make-debian-bootc-image: no qemu-user for $goarch in binfmt_misc (scripts/setup-host.sh registers it)" >&2; exit 1; }
  { debootstrap --foreign --arch "$arch" --variant=minbase bookworm "$root" http://deb.debian.org/debian \
      && chroot "$root" /debootstrap/debootstrap --second-stage; } >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
fi
# The rest through apt inside the tree (debootstrap's --include cannot order these packages' configuration).
mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
chroot "$root" apt-get install -y -qq --no-install-recommends \
  python3 util-linux mount fdisk e2fsprogs xfsprogs dosfstools ostree systemd passwd tar skopeo \
  qemu-utils policycoreutils >"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log" >&2; exit 1; }
# osbuild's btrfs.subvol stage runs `btrfs subvolume create -p`, which bookworm's btrfs-progs 6.2 lacks.
echo 'deb http://deb.debian.org/debian bookworm-backports main' > "$root/etc/apt/sources.list.d/backports.list"
{ chroot "$root" apt-get update -qq && chroot "$root" apt-get install -y -qq --no-install-recommends -t bookworm-backports btrfs-progs; } \
  >>"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log" >&2; exit 1; }
# What boots: the kernel (its own initramfs hook is skipped: dracut runs below), ostree's dracut module, systemd.
INITRD=No chroot "$root" apt-get install -y -qq --no-install-recommends \
  "$kernel" dracut ostree-boot systemd-sysv dbus >>"$work/apt.log" 2>&1 || { tail -20 "$work/apt.log" >&2; exit 1; }
rm "$root/etc/apt/sources.list.d/backports.list"
kver=$(basename "$(echo "$root"/usr/lib/modules/*)")
# Modules a virtio guest never loads (about two thirds of the 440 MB).
rm -rf "$root/usr/lib/modules/$kver/kernel/"{sound,drivers/gpu,drivers/media,drivers/net/wireless,drivers/net/ethernet,drivers/infiniband,drivers/staging,drivers/bluetooth,net/wireless,net/mac80211,net/bluetooth}
chroot "$root" depmod "$kver"
# Where bootc images keep them; the serial console gets its getty from systemd's generator (console=...).
chroot "$root" dracut -q --no-hostonly --add ostree -f "/usr/lib/modules/$kver/initramfs.img" "$kver" >>"$work/apt.log" 2>&1 \
  || { tail -20 "$work/apt.log" >&2; exit 1; }
# ppc64el's kernel is an ELF vmlinux; bootc images name it vmlinuz whatever its format.
cp "$(ls "$root/boot/vmlinuz-$kver" "$root/boot/vmlinux-$kver" 2>/dev/null | head -1)" "$root/usr/lib/modules/$kver/vmlinuz"
rm -f "$root"/boot/vmlinu[zx]-* "$root"/boot/initrd.img-* "$root"/boot/System.map-* "$root"/boot/config-*
umount "$root/proc"
chroot "$root" groupadd --system wheel
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*

cat > "$root/usr/lib/os-release" <<'OS'
NAME="Debian GNU/Linux"
ID=debian
VERSION_ID="12"
VERSION="12 (bookworm)"
PRETTY_NAME="Debian GNU/Linux 12 (bootc test image)"
OS
rm -f "$root/etc/os-release"
ln -s ../usr/lib/os-release "$root/etc/os-release"

# SELinux: this kernel cannot label files, so the policy marks nothing (setfiles then changes nothing).
mkdir -p "$root/etc/selinux/targeted/contexts/files"
printf 'SELINUX=enforcing\nSELINUXTYPE=targeted\n' > "$root/etc/selinux/config"
printf '/.*\t<<none>>\n' > "$root/etc/selinux/targeted/contexts/files/file_contexts"

# osbuild's build root shows only a few files of /etc: keep a copy under /usr for the deployment.
mkdir -p "$root/usr/share/bib-test"
cp -a "$root/etc" "$root/usr/share/bib-test/etc"
mv "$root/usr/share/bib-test/etc/selinux" "$root/usr/share/bib-test/selinux"

cat > "$root/usr/bin/bootc" <<'BOOTC'
#!/bin/bash
# bootc stand-in: `install print-configuration` and `install to-filesystem` with a real ostree deployment.
set -euo pipefail
if [ "$*" = "install print-configuration" ]; then
  echo '{"filesystem":{"root":{"type":"ext4"}},"kargs":["console=@CONSOLE@"]}'
  exit 0
fi
if [ "${1:-} ${2:-}" != "install to-filesystem" ]; then
  echo "bootc stand-in: unsupported arguments: $*" >&2
  exit 2
fi
shift 2
kargs=()
while [ $# -gt 1 ]; do
  case $1 in
    --karg) kargs+=(--karg-append="$2"); shift 2 ;;
    --source-imgref|--target-imgref|--stateroot|--root-mount-spec|--boot-mount-spec|--bootloader|--root-ssh-authorized-keys) shift 2 ;;
    *) shift ;;
  esac
done
dest=$1
echo "bootc stand-in ($(uname -m)): installing to $dest with ${kargs[*]}"
ostree admin init-fs --modern "$dest"
ostree --repo="$dest/ostree/repo" config set sysroot.bootloader none
ostree admin os-init --sysroot="$dest" default
# As real bootc does: the root filesystem by UUID (and its btrfs subvolume), then the kernel arguments it is given.
source=$(findmnt -n -o SOURCE --target "$dest")
root_uuid=$(blkid -s UUID -o value "${source%%\[*}")
subvolume=$(findmnt -n -o FSROOT --target "$dest")
root_kargs=(--karg-append="root=UUID=$root_uuid")
[ "$subvolume" = / ] || root_kargs+=(--karg-append="rootflags=subvol=${subvolume#/}")
kargs=("${root_kargs[@]}" "${kargs[@]}")
tree=$(mktemp -d /var/tmp/bootc-tree.XXXXXX)
# mktemp made it 0700: a root of that mode boots, but every login then ends at once.
chmod 755 "$tree"
# systemd's switch-root needs the API mount points in the deployment (without them it loops back into the initrd).
mkdir -p "$tree/sysroot" "$tree/boot" "$tree/var" "$tree"/{proc,sys,dev,run,mnt}
install -d -m 1777 "$tree/tmp"
ln -s var/home "$tree/home"; ln -s var/roothome "$tree/root"
# As in bootc base images: /ostree leads to the physical root's repository (osbuild's ostree.grub2 stage finds
# the boot path through it in the deployment).
ln -s sysroot/ostree "$tree/ostree"
# The image's /usr (stages chroot into the deployment and run its chown), without documentation.
tar -C / --exclude=usr/share/doc --exclude=usr/share/locale --exclude=usr/share/man -c usr | tar -C "$tree" -x
cp -a /usr/share/bib-test/etc "$tree/usr/etc"
ln -s usr/bin "$tree/bin"; ln -s usr/sbin "$tree/sbin"; ln -s usr/lib "$tree/lib"; ln -s usr/lib64 "$tree/lib64"
commit=$(ostree --repo="$dest/ostree/repo" commit --branch=bootc-test --tree=dir="$tree" --no-xattrs)
rm -rf "$tree"
ostree admin deploy --sysroot="$dest" --os=default --no-prune "${kargs[@]}" "$commit"
deployment=$(echo "$dest"/ostree/deploy/default/deploy/*.0)
cp -a /usr/share/bib-test/selinux "$deployment/etc/selinux"
BOOTC
sed -i "s/@CONSOLE@/$console/" "$root/usr/bin/bootc"
chmod 755 "$root/usr/bin/bootc"

labels=()
for l in "$@"; do labels+=(--change "LABEL $l"); done
tar -C "$root" -c . | podman import --quiet --arch "$goarch" "${labels[@]}" --change 'LABEL containers.bootc=1' - "$ref" >/dev/null
