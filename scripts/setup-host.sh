#!/usr/bin/env bash
# Installs what building, testing and running bootc-image-builder needs on a Debian 12 machine (as root),
# and configures podman the way these machines need it. Safe to run again.
set -euo pipefail

packages=(
  podman buildah skopeo runc catatonit fuse-overlayfs uidmap bubblewrap
  qemu-utils
  rpm createrepo-c dnf python3-dnf
  fdisk gdisk parted dosfstools mtools e2fsprogs xfsprogs btrfs-progs squashfs-tools xorriso fusefat
  busybox-static python3-jsonschema git ca-certificates
  # bench/upload.sh
  bc curl
  # shell completion tests: the scripts `bootc-image-builder completion zsh|fish` prints, run by real shells
  zsh fish
  # end-to-end disk builds: the test image (debootstrap), osbuild's ostree mounts and its host-side selinux stage
  debootstrap ostree policycoreutils
  # boot tests: the built disks start under QEMU (direct kernel boot, serial console); the PXE tree's README packs
  # rootfs.img into the initrd with cpio
  qemu-system-x86 cpio
  # cross-architecture tests: the ppc64el test image is made and built under qemu-user (binfmt_misc, below), its
  # disk boots under qemu-system-ppc64 (pseries); the tool's ppc64le canary is built with the cross compiler
  qemu-user-static qemu-system-ppc gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross file
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-host: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# crun cannot raise rlimits on these machines and then refuses the cgroup setup; runc with lower limits works.
mkdir -p /etc/containers
if ! grep -qs 'bootc-image-builder host setup' /etc/containers/containers.conf; then
  cat > /etc/containers/containers.conf <<'CONF'
# bootc-image-builder host setup (scripts/setup-host.sh)
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
CONF
fi
# osbuild's containers-storage code reads this file; Debian's podman does not ship one.
if [ ! -e /etc/containers/storage.conf ]; then
  cat > /etc/containers/storage.conf <<'CONF'
# bootc-image-builder host setup (scripts/setup-host.sh)
[storage]
driver = "overlay"
graphroot = "/var/lib/containers/storage"
runroot = "/run/containers/storage"
CONF
fi
# Foreign architectures run through qemu-user-static's interpreters, registered with binfmt_misc (its F flag opens
# the interpreter now, so it works in chroots and osbuild's build roots). Machines without systemd at boot have
# neither the mount nor the registrations.
mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
for arch in ppc64le s390x; do
  [ -e "/proc/sys/fs/binfmt_misc/qemu-$arch" ] || /lib/systemd/systemd-binfmt "/usr/lib/binfmt.d/qemu-$arch.conf"
done

# Creates /var/lib/containers/storage/overlay, which the tool checks for.
podman info >/dev/null

if ! command -v dotnet >/dev/null; then
  echo "setup-host: the .NET 10 SDK is required (dotnet on PATH)" >&2
  exit 1
fi

# The AWS upload tests start moto's server (extended by tests/BootcImageBuilder.IntegrationTests/Upload/
# moto_with_import_snapshot.py, run by the Python that runs moto_server), and bench/upload.sh compares with
# `aws s3 cp`. Where moto_server is missing, both go into a virtual environment linked from /usr/local/bin.
if ! command -v moto_server >/dev/null || ! command -v aws >/dev/null; then
  echo "setup-host: moto_server or aws is missing; installing moto[server] 5.2.1 and awscli into /opt/bib-moto" >&2
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  fi
  python3 -m venv /opt/bib-moto
  /opt/bib-moto/bin/pip install -q 'moto[server]==5.2.1' awscli
  ln -sf /opt/bib-moto/bin/moto_server /usr/local/bin/moto_server
  command -v aws >/dev/null || ln -sf /opt/bib-moto/bin/aws /usr/local/bin/aws
fi
if ! command -v moto_server >/dev/null; then
  echo "setup-host: moto_server is still not on PATH: the AWS upload tests need it (pip install 'moto[server]')" >&2
  exit 1
fi
