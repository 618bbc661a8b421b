#!/usr/bin/env bash
# Builds what users download, into one directory (default: artifacts/):
#   bootc-image-builder-<version>-linux-x64.tar.gz    the NativeAOT binary with defs/ and depsolve/ beside it
#   bootc-image-builder-<version>-linux-arm64.tar.gz  the same for arm64 (skipped, with a message, without a cross toolchain)
#   bootc-image-builder.<version>.nupkg               the dotnet tool
#   SHA256SUMS                                        sha256sum of each of the above
# and checks that every artifact this machine can run reports the revision of this checkout in `version`.
# Usage: scripts/release.sh [--output DIR]     Environment: BIB_VERSION (package version, default 1.0.0)
set -euo pipefail
cd "$(dirname "$0")/.."

out=artifacts
while [ $# -gt 0 ]; do
  case $1 in
    --output) out=$2; shift 2 ;;
    --output=*) out=${1#--output=}; shift ;;
    *) echo "release: unknown argument $1" >&2; exit 2 ;;
  esac
done
version=${BIB_VERSION:-1.0.0}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { echo "release: $*" >&2; }

runs_here() {
  case $1 in
    linux-x64) [ "$(uname -m)" = x86_64 ] ;;
    linux-arm64) [ "$(uname -m)" = aarch64 ] ;;
    *) return 1 ;;
  esac
}

# The flags a NativeAOT publish for $1 needs on this machine, or nothing (status 1) when it cannot be built here.
aot_flags_for() {
  runs_here "$1" && return 0
  if [ "$1" = linux-arm64 ] && command -v aarch64-linux-gnu-gcc >/dev/null && command -v aarch64-linux-gnu-objcopy >/dev/null; then
    echo "-p:CppCompilerAndLinker=aarch64-linux-gnu-gcc -p:ObjCopyName=aarch64-linux-gnu-objcopy"
    return 0
  fi
  return 1
}

built_rids=()
for rid in linux-x64 linux-arm64; do
  if ! flags=$(aot_flags_for "$rid"); then
    say "skipping $rid: no cross toolchain on this $(uname -m) machine (Debian: gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu)"
    continue
  fi
  say "publishing the NativeAOT binary for $rid"
  # shellcheck disable=SC2086 # $flags is a list of msbuild properties
  dotnet publish src/BootcImageBuilder.Cli -c Release -r "$rid" -p:PublishAot=true -p:Version="$version" $flags \
    -o "$work/publish-$rid" --verbosity quiet -nologo >&2
  name=bootc-image-builder-$version-$rid
  # The binary looks for its data next to itself (DataDirectories): defs/ and depsolve/ sit beside it.
  mkdir -p "$work/$name"
  cp "$work/publish-$rid/bootc-image-builder" "$work/$name/"
  cp -r "$work/publish-$rid/defs" "$work/publish-$rid/depsolve" "$work/$name/"
  cp LICENSE "$work/$name/"
  tar -C "$work" --owner=0 --group=0 --numeric-owner --sort=name -czf "$out/$name.tar.gz" "$name"
  built_rids+=("$rid")
done

say "packing the dotnet tool"
dotnet pack src/BootcImageBuilder.Cli -c Release -p:Version="$version" -o "$work/nupkg" --verbosity quiet -nologo >&2
cp "$work/nupkg/bootc-image-builder.$version.nupkg" "$out/"

(cd "$out" && rm -f SHA256SUMS && sha256sum -- *.tar.gz *.nupkg > SHA256SUMS)

# Every artifact this machine can run must report this checkout's revision.
expected="build_revision: $(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)"
check_version() {
  local what=$1 binary=$2 first
  first=$("$binary" version | head -1)
  if [ "$first" != "$expected" ]; then
    say "$what reports '$first', expected '$expected'"
    exit 1
  fi
  say "$what: $first"
}
for rid in "${built_rids[@]}"; do
  if runs_here "$rid"; then
    mkdir -p "$work/unpacked-$rid"
    tar -C "$work/unpacked-$rid" -xzf "$out/bootc-image-builder-$version-$rid.tar.gz"
    check_version "tarball $rid" "$work/unpacked-$rid/bootc-image-builder-$version-$rid/bootc-image-builder"
  else
    say "tarball $rid: built for another architecture, not run here"
  fi
done
# A private package cache, so that an older bootc-image-builder.<version> cached by an earlier install is not reused.
NUGET_PACKAGES=$work/nuget-cache dotnet tool install bootc-image-builder --version "$version" --tool-path "$work/tool" \
  --add-source "$out" >/dev/null
check_version "dotnet tool" "$work/tool/bootc-image-builder"

(cd "$out" && ls -1 -- *.tar.gz *.nupkg SHA256SUMS)
