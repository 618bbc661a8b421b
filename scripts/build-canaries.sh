#!/usr/bin/env bash
# Builds bib-canary-<goarch> (src/canary/canary.c, static) into OUTDIR for each GOARCH given, with Debian's cross
# compiler for it (gcc-<triplet> and libc6-dev-<arch>-cross; scripts/setup-host.sh installs ppc64le's).
# Usage: scripts/build-canaries.sh OUTDIR GOARCH...   (GOARCH: amd64 arm64 ppc64le s390x riscv64)
set -euo pipefail
out=$1; shift
source=$(dirname "$0")/../src/canary/canary.c
mkdir -p "$out"
for goarch in "$@"; do
  case $goarch in
    amd64) triplet=x86_64-linux-gnu ;;
    arm64) triplet=aarch64-linux-gnu ;;
    ppc64le) triplet=powerpc64le-linux-gnu ;;
    s390x) triplet=s390x-linux-gnu ;;
    riscv64) triplet=riscv64-linux-gnu ;;
    *) echo "build-canaries: unknown architecture $goarch" >&2; exit 1 ;;
  esac
  # The host's own compiler where it targets that architecture already.
  compiler=$triplet-gcc
  command -v "$compiler" >/dev/null || { [ "$(gcc -dumpmachine)" = "$triplet" ] && compiler=gcc; }
  "$compiler" -static -Os -s -o "$out/bib-canary-$goarch" "$source"
done
