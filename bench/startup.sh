#!/usr/bin/env bash
# Times the shipped NativeAOT binary's startup paths (`version`, `--help`, a refused flag) against `skopeo --version`
# (the baseline: a Go binary of the same ecosystem) in the same run, interleaved, and prints for each the median wall
# time, its spread (min-max) and the ratio (ours / baseline; lower is better), plus the binary's size.
# The median CPU time (user + sys, from the kernel's accounting of the finished child) is printed beside it: it is
# what the process itself costs, and it moves far less than wall time when other work shares the machine.
# Usage: bench/startup.sh [RUNS] (BIB_BINARY=path times an already published binary instead of publishing one)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-31}
aot=${BIB_BINARY:-}
if [[ -z $aot ]]; then
  dotnet publish src/BootcImageBuilder.Cli -c Release -r "linux-$(dotnet --info | awk '/RID:/ { split($2, a, "-"); print a[2]; exit }')" \
    -p:PublishAot=true -o bench/.out/aot --verbosity quiet -nologo >/dev/null
  aot=bench/.out/aot/bootc-image-builder
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
spread() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f-%.1f", lo / 1000, hi / 1000 }'; }
# CPU time (user + sys) of this shell's finished children so far, in microseconds, into $cpu_us: `times` runs in this
# shell (a command substitution would be a child with no children of its own).
times_file=$(mktemp)
trap 'rm -f "$times_file"' EXIT
cpu_now() {
  local line
  times >"$times_file"
  { read -r _; read -r line; } <"$times_file"
  [[ $line =~ ^([0-9]+)m([0-9]+)\.([0-9]+)s\ ([0-9]+)m([0-9]+)\.([0-9]+)s$ ]]
  local -a f=("${BASH_REMATCH[@]}")
  cpu_us=$(( ((10#${f[1]} + 10#${f[4]}) * 60 + 10#${f[2]} + 10#${f[5]}) * 1000000 + (10#${f[3]} + 10#${f[6]}) * 1000 ))
}

baseline() { skopeo --version >/dev/null; }
version() { "$aot" version >/dev/null; }
help() { "$aot" --help >/dev/null; }
refused() { "$aot" build --no-such-flag >/dev/null 2>&1 || true; }

cases=(baseline version help refused)
for c in "${cases[@]}"; do "$c"; done  # warm the page cache
declare -A wall cpu
for _ in $(seq "$runs"); do
  for c in "${cases[@]}"; do
    # Microseconds from bash itself: a forked `date` (or any command substitution) would time its own start too.
    cpu_now; c0=$cpu_us; t=${EPOCHREALTIME/[.,]/}; "$c"; t1=${EPOCHREALTIME/[.,]/}; cpu_now
    wall[$c]+="$((t1 - t)) "; cpu[$c]+="$((cpu_us - c0)) "
  done
done

base=$(printf '%s\n' ${wall[baseline]} | median)
base_cpu=$(printf '%s\n' ${cpu[baseline]} | median)
echo "runs: $runs, binary: $(stat -c %s "$aot") bytes ($aot), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in "${cases[@]}"; do
  m=$(printf '%s\n' ${wall[$c]} | median)
  s=$(printf '%s\n' ${wall[$c]} | spread)
  cm=$(printf '%s\n' ${cpu[$c]} | median)
  awk -v c="$c" -v m="$m" -v s="$s" -v b="$base" -v cm="$cm" -v cb="$base_cpu" 'BEGIN {
    printf "%-9s median %6.1f ms (spread %s ms)  ratio %.2f   cpu median %5.1f ms  ratio %.2f\n",
      c, m / 1000, s, m / b, cm / 1000, cb ? cm / cb : 0 }'
done
