#!/usr/bin/env bash
# Re-records the monitor streams the build-flow tests replay: this tool's own manifests of the Debian end-to-end
# test image, run through real osbuild (../shared/tools/osbuild/prepare --machine) with the arguments the tool
# itself passes. Run as root from the repository root after `dotnet build`; it needs the e2e image
# (localhost/bib-test-e2e-debian:latest, made by the end-to-end tests). Re-record only on purpose.
set -euo pipefail
here=tests/BootcImageBuilder.Tests/Build/Recordings
bib=src/BootcImageBuilder.Cli/bin/Debug/net10.0/bootc-image-builder
bin=$("$(git rev-parse --show-toplevel)/../shared/tools/osbuild/prepare" --machine | tail -1)/bin
work=$(mktemp -d /var/tmp/bib-record.XXXXXX)
trap 'rm -rf "$work"' EXIT

declare_arch() {
  local container
  container=$(buildah from --quiet localhost/bib-test-e2e-debian:latest)
  buildah config --arch "$1" "$container"
  buildah commit --quiet "$container" "localhost/bib-record-$1:latest" >/dev/null
  buildah rm "$container" >/dev/null
}

# record NAME ARCH EXPECTED-EXIT EXPORTS ARGS...: the manifest and the stream of one osbuild run
record() {
  local name=$1 arch=$2 expected=$3 exports=() status
  read -r -a exports <<<"$4"
  shift 4
  declare_arch "$arch"
  "$bib" manifest --target-arch "$arch" "$@" "localhost/bib-record-$arch:latest" 2>/dev/null | python3 -m json.tool > "$here/$name.manifest.json"
  set +e
  PATH=$bin:$PATH osbuild --store "$work/store" --output-directory "$work/out-$name" --cache-max-size=21474836480 \
    "${exports[@]/#/--export=}" --monitor=JSONSeqMonitor --monitor-fd=3 - \
    < "$here/$name.manifest.json" 3> "$here/$name.jsonseq" > "$work/$name.log" 2>&1
  status=$?
  set -e
  podman rmi "localhost/bib-record-$arch:latest" >/dev/null
  [ "$status" -eq "$expected" ] || { tail -20 "$work/$name.log" >&2; echo "$name: osbuild exited $status, expected $expected" >&2; exit 1; }
}

[ "${1:-}" = failing-only ] || record ppc64le-raw-gce ppc64le 0 "image gce" --rootfs ext4 --type raw --type gce
# A file owned by a user the image does not have: the chown stage fails inside the build root.
printf '[[customizations.files]]\npath = "/etc/owned-by-nobody-known"\nuser = "no-such-user"\ndata = "x"\n' > "$work/unknown-owner.toml"
record s390x-chown-fails s390x 1 "qcow2" --rootfs ext4 --type qcow2 --config "$work/unknown-owner.toml"
for mount in $(findmnt -rn -o TARGET | grep "^$work" | sort -r); do umount -R "$mount"; done
for loop in $(losetup -n -O NAME,BACK-FILE -l | awk -v w="$work" 'index($2, w) == 1 { print $1 }'); do partx -d "$loop"; losetup -d "$loop"; done
