#!/usr/bin/env bash
# Times `bootc-image-builder manifest IMAGE` against the bare sequence of podman commands upstream issues for the same
# result (label check, two container starts with inspect/mount/exec/stop/rm, size), in the same run, and prints the
# ratio (ours / baseline; lower is better). Ours is measured as shipped (the NativeAOT binary) and, for reference,
# as the JIT-compiled Release build. Usage: bench/manifest-vs-podman.sh [RUNS] [IMAGE]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
ref=${2:-}
dotnet build src/BootcImageBuilder.Cli -c Release --verbosity quiet -nologo >/dev/null
jit=src/BootcImageBuilder.Cli/bin/Release/net10.0/bootc-image-builder
dotnet publish src/BootcImageBuilder.Cli -c Release -r "linux-$(dotnet --info | awk '/RID:/ { split($2, a, "-"); print a[2]; exit }')" \
  -p:PublishAot=true -o bench/.out/aot --verbosity quiet -nologo >/dev/null
aot=bench/.out/aot/bootc-image-builder
[ -n "$ref" ] || ref=$(scripts/make-example-image.sh)

upstream_start() {
  local cid image
  cid=$(podman run --rm --init --detach --net host --entrypoint sleep "$ref" infinity)
  image=$(podman inspect -f '{{.Image}}' "$cid")
  podman inspect -f '{{.Architecture}}' "$image" >/dev/null
  podman mount "$cid" >/dev/null
  if [ "$1" = full ]; then
    podman exec "$cid" bootc install print-configuration >/dev/null
    podman image inspect "$ref" --format '{{.Size}}' >/dev/null
  fi
  podman stop "$cid" >/dev/null
  podman rm --ignore "$cid" >/dev/null
}

baseline() {
  podman image inspect "$ref" --format '{{.Labels}}' >/dev/null
  upstream_start full   # ResolveBootcInfo
  upstream_start build  # ResolveBootcBuildInfo starts the same image again
}

ours() { "$aot" manifest "$ref" >/dev/null; }
ours_jit() { "$jit" manifest "$ref" >/dev/null; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

ours; ours_jit; baseline  # warm caches for all three
ours_times=() jit_times=() base_times=()
for _ in $(seq "$runs"); do
  t=$(now_ms); ours; ours_times+=($(( $(now_ms) - t )))
  t=$(now_ms); ours_jit; jit_times+=($(( $(now_ms) - t )))
  t=$(now_ms); baseline; base_times+=($(( $(now_ms) - t )))
done
ours_median=$(printf '%s\n' "${ours_times[@]}" | median)
jit_median=$(printf '%s\n' "${jit_times[@]}" | median)
base_median=$(printf '%s\n' "${base_times[@]}" | median)
echo "image: $ref, runs: $runs"
echo "bootc-image-builder manifest (NativeAOT): median ${ours_median} ms (${ours_times[*]})"
echo "bootc-image-builder manifest (JIT):       median ${jit_median} ms (${jit_times[*]})"
echo "upstream podman sequence (baseline):      median ${base_median} ms (${base_times[*]})"
awk -v o="$ours_median" -v j="$jit_median" -v b="$base_median" \
  'BEGIN { printf "ratio NativeAOT / baseline: %.2f\nratio JIT / baseline: %.2f\n", o / b, j / b }'
