#!/usr/bin/env bash
# Fast rebuilds: times real `bootc-image-builder build` runs through real osbuild (../shared/tools/osbuild/prepare
# --machine) of the Debian end-to-end test image (s390x layout), and prints each as a ratio to a first build of the
# same round. The tool is measured as shipped: the NativeAOT binary.
# After one untimed manifest and one untimed build (warming podman, the binary and the machine), each round runs, with
# fresh stores:
#   baseline  first build, --checkpoints=never (upstream's behaviour)
#   first     first build, checkpoints (what a kept store gets)
#   again     the baseline once more: its ratio to the baseline is the machine's own spread between two identical
#             runs, what a single first build's ratio cannot be read more finely than
#             (baseline, first and again take turns at each position, a full turn every three rounds)
#   same      the identical rebuild, same store as first
#   type      a rebuild to another disk type (vmdk instead of qcow2), same store
#   user      a rebuild with one more user in the config, same store
# and then the default path, with no --checkpoints flag (a store named with --store is kept, so it reuses):
#   dfirst    first build
#   dsame     the identical rebuild, same store
# Targets (issue 22), checked for every single run, not only the medians: first and dfirst (the default path) <= 1.05x
# baseline, same and dsame <= 0.15x their first build, type <= 0.25x first. Each run's line also splits its time: the
# tool before osbuild (startup, podman, manifest), osbuild's start (on podman < 4.7 this includes the machine
# wrapper's push of the image to its throwaway registry), osbuild's stages, the rest of osbuild (sources, checkpoint
# copies into the store, exports), and osbuild's exit (removing its temporary trees); then osbuild's container-deploy
# stage with the CPU seconds the machine spent in it (user space, kernel), the seconds every task stalled on I/O
# meanwhile (/proc/pressure/io) and what the disk wrote and discarded. Before and after the runs it times 1 GiB
# written into tmpfs eight times: what fresh memory costs the machine, and how much that varies by itself.
# On podman < 4.7 the machine's osbuild wrapper pushes the image to a throwaway registry before every osbuild run (osbuild
# 191 reads local images with `podman --imagestore`, which that podman lacks; with podman >= 4.7, as in the tool's
# container, nothing is pushed). A `podman` first on PATH times each push; every run's line gives it, and its ratio
# twice: as measured, and without the push on either side (what the same runs cost where osbuild reads the image in
# place). Targets are checked on both.
# The format conversions (qemu-img -c to qcow2, streamOptimized vmdk) are zlib's deflate and run with the host's
# libz: BENCH_LIBZ=FILE runs the whole bench in a private mount namespace with FILE bound over the system's libz.so.1
# (nothing outside the bench sees it), e.g. a zlib-ng build with ZLIB_COMPAT=ON, the zlib of Fedora 40 and later and
# so of the tool's container. Debian 12 packages no zlib-ng.
# BENCH_FIRST_ONLY=1 runs only baseline, first and again, each with a fresh store removed right after it (so every
# run follows the same removal), for more rounds of the first-build comparison in the same time.
# Usage (as root, from anywhere): bench/rebuild.sh [ROUNDS]   (BENCH_KEEP=DIR keeps every run's timestamped log;
# BENCH_SETTLE=SECONDS is the pause before each run, after a sync, 10 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
system_libz=$(readlink -f "$(ldd "$(command -v qemu-img)" | awk '$1 == "libz.so.1" { print $3 }')")
if [ -n "${BENCH_LIBZ:-}" ] && [ -z "${BENCH_LIBZ_BOUND:-}" ]; then
  exec env BENCH_LIBZ_BOUND=1 unshare --mount --propagation private \
    bash -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' bind "$(readlink -f "$BENCH_LIBZ")" "$system_libz" \
    "$PWD/bench/rebuild.sh" "$@"
fi
echo "qemu-img's libz: $system_libz${BENCH_LIBZ:+, with $BENCH_LIBZ bound over it}"
rounds=${1:-1}
first_only=${BENCH_FIRST_ONLY:-}
if [ -n "$first_only" ]; then kinds="baseline again first"; else kinds="baseline again first same type user dfirst dsame"; fi
bin=$(../shared/tools/osbuild/prepare --machine | tail -1)/bin
rid=linux-$(dotnet --info | awk '/RID:/ { split($2, a, "-"); print a[2]; exit }')
dotnet publish src/BootcImageBuilder.Cli -c Release -r "$rid" -p:PublishAot=true -o bench/.out/aot --verbosity quiet -nologo >/dev/null
bib=$PWD/bench/.out/aot/bootc-image-builder
work=$(mktemp -d /var/tmp/bib-bench-rebuild.XXXXXX)
fresh=/dev/shm/bib-bench-fresh-memory.$$
trap 'rm -rf "$work" "$fresh"' EXIT
keep=${BENCH_KEEP:-}
[ -z "$keep" ] || mkdir -p "$keep"

# The end-to-end tests' image, declared s390x (no ESP, so the build runs to the end here), with the bootc/install file
# bootc base images carry (saying what the image's bootc stand-in prints), so that the tool reads the root filesystem
# type from it as it does for Fedora or CentOS images, instead of starting a container to ask the stand-in.
script=tests/BootcImageBuilder.IntegrationTests/EndToEnd/make-debian-bootc-image.sh
image=localhost/bib-bench-rebuild:latest
if ! podman image exists localhost/bib-test-e2e-debian:latest; then
  "$script" localhost/bib-test-e2e-debian:latest "bib.test.fingerprint=$(sha256sum "$script" | cut -d' ' -f1)"
fi
# Times the machine wrapper's `podman push` (the only push in a run); everything else goes straight to podman.
mkdir -p "$work/shim"
cat > "$work/shim/podman" <<SHIM
#!/bin/sh
if [ "\$1" = push ]; then
  start=\$(date +%s.%N); $(command -v podman) "\$@"; rc=\$?
  echo "\$start \$(date +%s.%N)" >> "$work/pushes"; exit \$rc
fi
exec $(command -v podman) "\$@"
SHIM
chmod 755 "$work/shim/podman"

container=$(buildah from --quiet localhost/bib-test-e2e-debian:latest)
buildah config --arch s390x "$container"
printf '[install]\nkargs = ["console=ttyS0"]\n\n[install.filesystem.root]\ntype = "ext4"\n' > "$work/00-debian.toml"
buildah copy --quiet --chmod 0644 "$container" "$work/00-debian.toml" /usr/lib/bootc/install/00-debian.toml
buildah commit --quiet "$container" "$image" >/dev/null
buildah rm "$container" >/dev/null

printf '[[customizations.user]]\nname = "alice"\npassword = "bench"\n' > "$work/config.toml"
printf '[[customizations.user]]\nname = "alice"\npassword = "bench"\n\n[[customizations.user]]\nname = "bob"\npassword = "bench"\n' > "$work/config-more.toml"

cleanup_leftovers() {
  local mount loop
  for mount in $(findmnt -rn -o TARGET | grep "^$work" | sort -r); do umount -R "$mount" || true; done
  for loop in $(losetup -n -O NAME,BACK-FILE -l | awk -v w="$work" 'index($2, w) == 1 { print $1 }'); do
    partx -d "$loop" || true; losetup -d "$loop" || true
  done
}

# Prefixes each line with the wall clock, so that the log shows where a run's time went.
stamp() { python3 -u -c 'import sys, time
for line in sys.stdin: sys.stdout.write("%.2f %s" % (time.time(), line))'; }

# phases LOG START END: the run's seconds split as "tool X start Y stages Z osbuild W exit V" (see the header).
phases() {
  awk -v s="$2" -v e="$3" '
    !began && /^[0-9.]+ Building manifest-/ { began = 1; built = $1; next }
    began && !ended && /^[0-9.]+ (Reused from the osbuild store|Build complete!)/ { ended = 1; done = $1; next }
    began && !ended { if (!first) first = $1; last = $1 }
    began && !ended && /Duration: [0-9.]+s/ { match($0, /Duration: [0-9.]+/); stages += substr($0, RSTART + 10, RLENGTH - 10) }
    END {
      if (!first) { first = built; last = built }
      if (!done) done = e
      printf "tool %.1f start %.1f stages %.1f osbuild %.1f exit %.1f", built - s, first - built, stages, last - first - stages, done - last
    }' "$1"
}

# The disk under the work directory, sampled twice a second with the machine's I/O pressure and CPU time: a slow
# container-deploy (the stage whose time varies most between runs of the same manifest) can then be told apart into
# a slow disk (I/O stall) and a slow CPU (the same work taking more CPU seconds, in user space or in the kernel).
disk=$(lsblk -no PKNAME "$(findmnt -no SOURCE -T "$work")" 2>/dev/null | head -1)
[ -n "$disk" ] || disk=$(basename "$(findmnt -no SOURCE -T "$work")")
if [ -r "/sys/class/block/$disk/stat" ] && [ -r /proc/pressure/io ]; then
  while sleep 0.5; do
    echo "$(date +%s.%N) $(cat "/sys/class/block/$disk/stat") $(awk '$1 == "full" { sub("total=", "", $5); print $5 }' /proc/pressure/io) $(head -1 /proc/stat)"
  done > "$work/io" &
  sampler=$!
  trap 'kill "$sampler" 2>/dev/null; rm -rf "$work" "$fresh"' EXIT
fi

# deploy LOG: "deploy S user S system S io-stall S written MB discarded MB" over osbuild's container-deploy stage in
# LOG: the CPU seconds the machine spent in user space and in the kernel (both cores), the seconds every task waited on
# I/O (the pressure's "full" line), and what the disk wrote and discarded meanwhile
deploy() {
  local none="deploy - user - system - io-stall - written - discarded -"
  [ -s "$work/io" ] || { echo "$none"; return; }
  awk -v hz="$(getconf CLK_TCK)" -v none="$none" '
    # time, the 17 counters of the disk, I/O pressure, then the cpu line of /proc/stat: user nice system idle iowait irq softirq
    FNR == NR { t[NR] = $1; w[NR] = $8; d[NR] = $15; f[NR] = $19; u[NR] = $21 + $22; k[NR] = $23 + $26 + $27; n = NR; next }
    /org\.osbuild\.container-deploy:/ && !s { s = $1 }
    s && !e && /Duration: [0-9.]+s/ { e = $1 }
    END {
      if (!s || !e) { print none; exit }
      for (i = 1; i <= n; i++) { if (t[i] <= s) a = i; if (t[i] >= e && !b) b = i }
      if (!a || !b) { print none; exit }
      printf "deploy %.1f user %.1f system %.1f io-stall %.1f written %.0f discarded %.0f", e - s, (u[b] - u[a]) / hz,
        (k[b] - k[a]) / hz, (f[b] - f[a]) / 1e6,
        (w[b] - w[a]) * 512 / 1e6, (d[b] - d[a]) * 512 / 1e6
    }' "$work/io" "$1"
}

# build NAME STORE CONFIG TYPE [FLAGS...]: prints "SECONDS PUSH-SECONDS PHASES DEPLOY" for one build
build() {
  local name=$1 store=$2 config=$3 type=$4; shift 4
  rm -rf "$work/out" "$work/pushes"
  # The runs before wrote and removed gigabytes; their writeback must not be billed to this run. The pause after it
  # is for the virtual disk (this machine's ext4 discards what is removed); docs/rebuilds.md has what it changed.
  sync
  sleep "${BENCH_SETTLE:-10}"
  local start end
  start=$(date +%s.%N)
  PATH=$work/shim:$bin:$PATH "$bib" build --progress verbose --target-arch s390x --rootfs ext4 --type "$type" \
    --config "$config" --store "$store" --output "$work/out" "$@" "$image" 2>&1 | stamp > "$work/$name.log" \
    || { cleanup_leftovers; tail -20 "$work/$name.log" >&2; echo "bench: $name failed" >&2; exit 1; }
  end=$(date +%s.%N)
  [ -z "$keep" ] || cp "$work/$name.log" "$keep/$name-$round.log"
  local push
  push=$(awk '{ t += $2 - $1 } END { printf "%.2f", t }' "$work/pushes" 2>/dev/null || echo 0)
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }') ${push:-0} $(phases "$work/$name.log" "$start" "$end") $(deploy "$work/$name.log")"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# report RUN REF-RUN [TARGET]: one run's line (seconds, push seconds, ratio as measured and without the push, phases),
# flagged when either ratio is over the target
over=""
over_without_push=""
report() {
  local run=$1 refname=$2 target=${3:-} r rp flag=""
  local t=${results[$run]%% *} rest=${results[$run]#* }
  local push=${rest%% *} phases=${rest#* }
  local ref=${results[$refname]%% *} refrest=${results[$refname]#* }
  local refpush=${refrest%% *}
  r=$(ratio "$t" "$ref")
  rp=$(awk -v a="$t" -v b="$push" -v c="$ref" -v d="$refpush" 'BEGIN { printf "%.2f", (a - b) / (c - d) }')
  withouts[$run]+="$rp "
  if [ -n "$target" ] && awk -v r="$r" -v t="$target" 'BEGIN { exit !(r > t) }'; then
    flag+="  OVER TARGET ${target}x"
    over+="round $round $run ${r}x (target ${target}x); "
  fi
  if [ -n "$target" ] && awk -v r="$rp" -v t="$target" 'BEGIN { exit !(r > t) }'; then
    flag+="  OVER TARGET ${target}x WITHOUT THE PUSH"
    over_without_push+="round $round $run ${rp}x (target ${target}x); "
  fi
  printf "  %-9s %7.1f s push %5.1f s %6sx %-8s (without the push %sx)  %s%s\n" "$run" "$t" "$push" "$r" "$refname" "$rp" "$phases" "$flag"
}

# outside_stages RUN REF-RUN: how much longer RUN took than REF-RUN outside osbuild's stages (the tool, osbuild's
# start, sources, checkpoint copies, exports and exit; the push left out). first and baseline run the same stages on
# the same inputs, so what checkpoints add shows here, while their stages differ only by the machine's spread.
outside=""
outside_stages() {
  local line
  line=$(awk -v a="${results[$1]}" -v b="${results[$2]}" '
    function stages(r,  f, i) { split(r, f, " "); for (i = 3; i < length(f); i++) if (f[i] == "stages") return f[i + 1] }
    function rest(r,  f) { split(r, f, " "); return f[1] - f[2] - stages(r) }
    BEGIN {
      split(b, fb, " ")
      printf "%+.1f s (%+.1f %% of %s without the push); their stages %.1f s and %.1f s", \
        rest(a) - rest(b), 100 * (rest(a) - rest(b)) / (fb[1] - fb[2]), "'"$2"'", stages(a), stages(b)
    }')
  echo "  $1 against $2 outside the stages: $line"
  outside+="${line%% s *} "
}

# The round's three first builds: baseline, first (and what it spent outside the stages), again
report_first_builds() {
  report baseline baseline
  report first baseline 1.05
  outside_stages first baseline
  report again baseline
}

declare -A times withouts deploys
paired=""
run_and_keep() {
  local name=$1 out; shift
  out=$(build "$name" "$@")
  times[$name]+="${out%% *} "
  deploys[$name]+="$(awk '{ for (i = 1; i < NF; i++) if ($i == "deploy") printf "%s/%s/%s/%s", $(i + 1), $(i + 3), $(i + 5), $(i + 7) }' <<< "$out") "
  results[$name]=$out
}

# What fresh memory costs this machine: 1 GiB written into tmpfs eight times, freed after each. Nothing else of the
# bench runs then, so the spread is the machine's: a kernel that pays the same for every page gives eight close times;
# on this project's virtual machines they spread up to 3x, as container-deploy's kernel time does (docs/rebuilds.md).
fresh_memory() {
  local i times=""
  for i in $(seq 8); do
    times+="$( { TIMEFORMAT=%R; time dd if=/dev/zero of="$fresh" bs=1M count=1024 status=none; } 2>&1 ) "
    rm -f "$fresh"
  done
  echo "$times" | awk '{ for (i = 1; i <= NF; i++) { if (i == 1 || $i < lo) lo = $i; if ($i > hi) hi = $i }
    printf "%.2f-%.2f s (%.1fx): %s\n", lo, hi, hi / lo, $0 }'
}
echo "fresh memory, 1 GiB into tmpfs eight times, before the runs: $(fresh_memory)"

# A throwaway manifest first: podman, the image's metadata and the binary are then as warm for the first timed run
# as for the others.
PATH=$bin:$PATH "$bib" manifest --target-arch s390x --rootfs ext4 --config "$work/config.toml" "$image" >/dev/null 2>&1 || true
# And one untimed build: the machine's first build after a pause ran 5-12 s faster in its stages than any later one
# (three readings on 2026-12-05), which favoured whichever kind round 1 timed first.
round=0
build warmup "$work/store-warmup" "$work/config.toml" qcow2 --checkpoints never >/dev/null
rm -rf "$work/store-warmup"

for round in $(seq "$rounds"); do
  declare -A results=()
  rm -rf "$work/store-baseline" "$work/store"
  # baseline, first and again take turns at each position, three rounds for a full turn
  case $((round % 3)) in
    1) order="baseline first again" ;;
    2) order="first again baseline" ;;
    0) order="again baseline first" ;;
  esac
  for run in $order; do
    case $run in
      first) run_and_keep first "$work/store" "$work/config.toml" qcow2 --checkpoints always
             [ -z "$first_only" ] || rm -rf "$work/store" ;;
      *) run_and_keep "$run" "$work/store-$run" "$work/config.toml" qcow2 --checkpoints never
         rm -rf "$work/store-$run" ;;
    esac
  done
  paired+="$(awk -v f="${results[first]}" -v b="${results[baseline]}" -v a="${results[again]}" 'BEGIN {
    split(f, F, " "); split(b, B, " "); split(a, A, " "); r = (B[1] - B[2] + A[1] - A[2]) / 2
    printf "%.2f/%.2f", F[1] - F[2] - r, r }') "
  if [ -n "$first_only" ]; then
    echo "round $round:"
    report_first_builds
    continue
  fi
  run_and_keep same "$work/store" "$work/config.toml" qcow2 --checkpoints always
  run_and_keep type "$work/store" "$work/config.toml" vmdk --checkpoints always
  run_and_keep user "$work/store" "$work/config-more.toml" qcow2 --checkpoints always
  store_size=$(du -sh "$work/store" | cut -f1)
  rm -rf "$work/store-default"
  run_and_keep dfirst "$work/store-default" "$work/config.toml" qcow2
  run_and_keep dsame "$work/store-default" "$work/config.toml" qcow2
  rm -rf "$work/store-default"
  echo "round $round:"
  grep -h "Reused from the osbuild store" "$work"/{same,type,user,dsame}.log | cut -d' ' -f2- | sed "s/^/  /" || true
  report_first_builds
  report same first 0.15
  report type first 0.25
  report user first
  report dfirst baseline 1.05
  report dsame dfirst 0.15
done

echo "fresh memory, 1 GiB into tmpfs eight times, after the runs: $(fresh_memory)"
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
spread() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { printf "%.1f-%.1f", a[1], a[NR] }'; }
first=$(echo "${times[first]}" | median)
baseline=$(echo "${times[baseline]}" | median)
printf '%-9s %9s %11s %12s %15s\n' run seconds "single runs" "vs first" "vs baseline"
for run in $kinds; do
  t=$(echo "${times[$run]}" | median)
  printf '%-9s %9.1f %11s %11.2fx %14.2fx\n' "$run" "$t" "$(echo "${times[$run]}" | spread)" "$(ratio "$t" "$first")" "$(ratio "$t" "$baseline")"
done
if [ -z "$first_only" ]; then
  echo "store after one round: $store_size"
  dfirst=$(echo "${times[dfirst]}" | median)
  dsame=$(echo "${times[dsame]}" | median)
  echo "default path (--store, no --checkpoints flag): identical rebuild / its first build = $(ratio "$dsame" "$dfirst")x (median)"
fi
echo "without the push, each run against its own reference (median, single runs):"
for run in ${kinds#baseline }; do
  printf '  %-9s %6.2fx %s\n' "$run" "$(echo "${withouts[$run]}" | median)" "$(echo "${withouts[$run]}" | tr -s ' ' | sed 's/ $//')"
done
echo "first against baseline outside osbuild's stages, per round (seconds): $outside"
echo "${withouts[again]}" | awk '{ for (i = 1; i <= NF; i++) if ($i > 1.05 || $i < 0.95) k++
  printf "the machine'"'"'s own spread: again, the baseline once more, was outside 0.95-1.05x of its baseline in %d of %d rounds (without the push)\n", k, NF }'
echo "container-deploy seconds / CPU seconds in user space / in the kernel / seconds of I/O stall in it, per round:"
for run in $kinds; do [[ "${deploys[$run]:-}" != *[0-9]* ]] || printf '  %-9s %s\n' "$run" "${deploys[$run]}"; done
# Each round's first build against the mean of its two runs without checkpoints: the mean difference and its
# standard error say how far the readings can tell checkpoints' cost from the machine's spread.
echo "$paired" | awk '{ for (i = 1; i <= NF; i++) { split($i, p, "/"); d[i] = p[1]; s += p[1]; r += p[2] }
  n = NF; m = s / n; for (i = 1; i <= n; i++) v += (d[i] - m) ^ 2
  se = n > 1 ? sqrt(v / (n - 1) / n) : 0
  printf "first against the mean of its round'"'"'s baseline and again, without the push: %+.1f s (%+.1f %% of them), standard error %.1f s (%.1f %%), %d rounds\n", m, 100 * m / (r / n), se, 100 * se / (r / n), n }'
if [ -n "$over" ]; then echo "runs over a target as measured: $over"; else echo "every run met its target as measured"; fi
if [ -n "$over_without_push" ]; then echo "runs over a target without the push: $over_without_push"; else echo "every run met its target without the push"; fi
podman rmi "$image" >/dev/null
