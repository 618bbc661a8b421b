#!/usr/bin/env bash
# Times the shipped NativeAOT binary's startup paths (`version`, `--help`, a refused flag) against `skopeo --version`
# (the baseline: a Go binary of the same ecosystem) in the same run, interleaved, and prints each median, the spread
# and the ratio (ours / baseline; lower is better), plus the binary's size.
# Usage: bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-31}
dotnet publish src/BootcImageBuilder.Cli -c Release -r "linux-$(dotnet --info | awk '/RID:/ { split($2, a, "-"); print a[2]; exit }')" \
  -p:PublishAot=true -o bench/.out/aot --verbosity quiet -nologo >/dev/null
aot=bench/.out/aot/bootc-image-builder

now_us() { echo $(( $(date +%s%N) / 1000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
spread() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }

baseline() { skopeo --version >/dev/null; }
version() { "$aot" version >/dev/null; }
help() { "$aot" --help >/dev/null; }
refused() { "$aot" build --no-such-flag >/dev/null 2>&1 || true; }

cases=(baseline version help refused)
for c in "${cases[@]}"; do "$c"; done  # warm the page cache
declare -A times
for _ in $(seq "$runs"); do
  for c in "${cases[@]}"; do
    t=$(now_us); "$c"; times[$c]+="$(( $(now_us) - t )) "
  done
done

base=$(printf '%s\n' ${times[baseline]} | median)
echo "runs: $runs, binary: $(stat -c %s "$aot") bytes ($aot)"
for c in "${cases[@]}"; do
  m=$(printf '%s\n' ${times[$c]} | median)
  s=$(printf '%s\n' ${times[$c]} | spread)
  awk -v c="$c" -v m="$m" -v s="$s" -v b="$base" 'BEGIN { printf "%-9s median %6.1f ms (spread %s us)  ratio %.2f\n", c, m / 1000, s, m / b }'
done
