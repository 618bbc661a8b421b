#!/usr/bin/env bash
# Fast rebuilds: times real `bootc-image-builder build` runs through real osbuild (../shared/tools/osbuild/prepare
# --machine) of the Debian end-to-end test image (s390x layout), and prints each as a ratio to the first build.
# Runs, in this order:
#   baseline  first build, fresh store, --checkpoints=never (upstream's behaviour)
#   first     first build, fresh store, checkpoints (what a kept store gets)
#   same      the identical rebuild, same store
#   type      a rebuild to another disk type (vmdk instead of qcow2), same store
#   user      a rebuild with one more user in the config, same store
# and then the default path, with no --checkpoints flag (a store named with --store is kept, so it reuses):
#   dfirst    first build, fresh store
#   dsame     the identical rebuild, same store
# Usage (as root, from anywhere): bench/rebuild.sh [ROUNDS]   (each round runs all seven; the median is printed,
# and every round's ratio of the default path's identical rebuild to its first build)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-1}
bin=$(../shared/tools/osbuild/prepare --machine | tail -1)/bin
dotnet build src/BootcImageBuilder.Cli -c Release --verbosity quiet -nologo >/dev/null
bib=$PWD/src/BootcImageBuilder.Cli/bin/Release/net10.0/bootc-image-builder
work=$(mktemp -d /var/tmp/bib-bench-rebuild.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The end-to-end tests' image, declared s390x (no ESP, so the build runs to the end here).
script=tests/BootcImageBuilder.IntegrationTests/EndToEnd/make-debian-bootc-image.sh
image=localhost/bib-bench-rebuild:latest
if ! podman image exists localhost/bib-test-e2e-debian:latest; then
  "$script" localhost/bib-test-e2e-debian:latest "bib.test.fingerprint=$(sha256sum "$script" | cut -d' ' -f1)"
fi
container=$(buildah from --quiet localhost/bib-test-e2e-debian:latest)
buildah config --arch s390x "$container"
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

# build NAME STORE CONFIG TYPE [FLAGS...]: prints the seconds one build took
build() {
  local name=$1 store=$2 config=$3 type=$4; shift 4
  rm -rf "$work/out"
  local start end
  start=$(date +%s.%N)
  PATH=$bin:$PATH "$bib" build --progress verbose --target-arch s390x --rootfs ext4 --type "$type" \
    --config "$config" --store "$store" --output "$work/out" "$@" "$image" > "$work/$name.log" 2>&1 \
    || { cleanup_leftovers; tail -20 "$work/$name.log" >&2; echo "bench: $name failed" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { print e - s }'
}

declare -A times
rounds_default=""
for round in $(seq "$rounds"); do
  rm -rf "$work/store-baseline" "$work/store"
  times[baseline]+="$(build baseline "$work/store-baseline" "$work/config.toml" qcow2 --checkpoints never) "
  rm -rf "$work/store-baseline"
  times[first]+="$(build first "$work/store" "$work/config.toml" qcow2 --checkpoints always) "
  times[same]+="$(build same "$work/store" "$work/config.toml" qcow2 --checkpoints always) "
  times[type]+="$(build type "$work/store" "$work/config.toml" vmdk --checkpoints always) "
  times[user]+="$(build user "$work/store" "$work/config-more.toml" qcow2 --checkpoints always) "
  store_size=$(du -sh "$work/store" | cut -f1)
  rm -rf "$work/store-default"
  dfirst=$(build dfirst "$work/store-default" "$work/config.toml" qcow2)
  dsame=$(build dsame "$work/store-default" "$work/config.toml" qcow2)
  times[dfirst]+="$dfirst "
  times[dsame]+="$dsame "
  rounds_default+="$(awk -v a="$dsame" -v b="$dfirst" 'BEGIN { printf "%.2fx", a / b }') "
  rm -rf "$work/store-default"
  grep -h "Reused from the osbuild store" "$work"/{same,type,user,dsame}.log | sed 's/^/  /' >&2 || true
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
first=$(echo "${times[first]}" | median)
baseline=$(echo "${times[baseline]}" | median)
printf '%-9s %9s %12s %15s\n' run seconds "vs first" "vs baseline"
for run in baseline first same type user dfirst dsame; do
  t=$(echo "${times[$run]}" | median)
  printf '%-9s %9.1f %11.2fx %14.2fx\n' "$run" "$t" "$(awk -v a="$t" -v b="$first" 'BEGIN { print a / b }')" "$(awk -v a="$t" -v b="$baseline" 'BEGIN { print a / b }')"
done
echo "store after one round: $store_size"
dfirst=$(echo "${times[dfirst]}" | median)
dsame=$(echo "${times[dsame]}" | median)
echo "default path (--store, no --checkpoints flag): identical rebuild / its first build = $(awk -v a="$dsame" -v b="$dfirst" 'BEGIN { printf "%.2fx", a / b }') (median); each round: $rounds_default"
podman rmi "$image" >/dev/null
