#!/usr/bin/env bash
# Uploads the same random image (256 MiB unless SIZE_MIB says otherwise) to one moto server with this tool's AWS upload
# code (`bootc-image-builder upload aws`, the NativeAOT binary as shipped; BIB=path runs another build) and with
# `aws s3 cp`, alternating which goes first, and prints both transfer phases and their ratio (ours / aws; lower is
# better). Both phases are measured alike, by the server (bench/upload_moto.py): from its receipt of the
# CreateMultipartUpload to its answer to the CompleteMultipartUpload, so neither client's start, nor our checks before
# and import after, are counted. It also prints moto's CPU use over each phase, to say whether moto is the bottleneck
# (its Python runs about one core's worth at most), and how busy the whole machine was. Usage: bench/upload.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
size_mib=${SIZE_MIB:-256}
work=$(mktemp -d)
moto_pid=
cleanup() {
  [ -z "$moto_pid" ] || kill "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

bib=${BIB:-}
if [ -z "$bib" ]; then
  dotnet publish src/BootcImageBuilder.Cli -c Release -r "linux-$(dotnet --info | awk '/RID:/ { split($2, a, "-"); print a[2]; exit }')" \
    -p:PublishAot=true -o bench/.out/aot --verbosity quiet -nologo >/dev/null
  bib=bench/.out/aot/bootc-image-builder
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
spans=$work/spans
BENCH_SPANS=$spans python3 bench/upload_moto.py -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
export AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret \
  AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent AWS_EC2_METADATA_DISABLED=true
for _ in $(seq 100); do
  curl -sf -o /dev/null "$AWS_ENDPOINT_URL/moto-api/" && break
  sleep 0.1
done
aws s3 mb s3://bench-bucket >/dev/null
aws iam create-role --role-name vmimport --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"vmie.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/disk.raw"

now() { date +%s.%N; }

# Each prints the server's line for its upload (key, phase seconds, moto's CPU seconds, machine busy share, seconds of
# the completion alone), then the CPU seconds of the client's whole process (ours: its checks and the import too).
ours_once() {
  /usr/bin/time -o "$work/cpu" -f '%U + %S' "$bib" upload aws --progress verbose --region us-east-1 --bucket bench-bucket --ami-name "bench-$1" "$work/disk.raw" >/dev/null
  echo "$(grep -- "-bench-$1 " "$spans") $(bc <"$work/cpu")"
}

aws_once() {
  local start
  start=$(now)
  /usr/bin/time -o "$work/cpu" -f '%U + %S' aws s3 cp --quiet "$work/disk.raw" "s3://bench-bucket/aws-$1"
  echo "$(now) - $start" | bc >>"$work/aws-process"
  aws s3 rm --quiet "s3://bench-bucket/aws-$1"
  echo "$(grep -- "/aws-$1 " "$spans") $(bc <"$work/cpu")"
}

: >"$spans"
for run in $(seq "$runs"); do
  if [ $((run % 2)) = 1 ]; then
    ours_once "$run" >>"$work/ours"
    aws_once "$run" >>"$work/aws"
  else
    aws_once "$run" >>"$work/aws"
    ours_once "$run" >>"$work/ours"
  fi
done

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# Prints the phases, their median and spread, and moto's and the machine's CPU use over them (means).
summary() {
  awk '{ t = t " " $2; cpu += $3; wall += $2; busy += $4; completion += $5; client += $6 }
       END { printf "%s s  (moto used %.0f%% of a core, machine %.0f%% busy; means: completion %.1f s, client CPU %.1f s)\n",
                    t, 100 * cpu / wall, 100 * busy / NR, completion / NR, client / NR }' "$1"
  printf '  median %s s, spread %s-%s s\n' "$(cut -d' ' -f2 "$1" | median)" \
    "$(cut -d' ' -f2 "$1" | sort -g | head -1)" "$(cut -d' ' -f2 "$1" | sort -g | tail -1)"
}
ours_median=$(cut -d' ' -f2 "$work/ours" | median)
aws_median=$(cut -d' ' -f2 "$work/aws" | median)
moto_share=$(cat "$work/ours" "$work/aws" | awk '{ cpu += $3; wall += $2 } END { printf "%.2f", cpu / wall }')
echo "upload of ${size_mib} MiB to moto, ${runs} runs, transfer phases as moto saw them (CreateMultipartUpload to CompleteMultipartUpload answered)"
echo "ours:      $(summary "$work/ours")"
echo "aws s3 cp: $(summary "$work/aws")"
echo "aws s3 cp whole process: $(tr '\n' ' ' <"$work/aws-process")s"
printf 'per run ours / aws: %s\n' "$(paste -d' ' <(cut -d' ' -f2 "$work/ours") <(cut -d' ' -f2 "$work/aws") | awk '{ printf "%.2f ", $1 / $2 }')"
printf 'ratio ours / aws (medians): %.2f\n' "$(echo "$ours_median / $aws_median" | bc -l)"
machine_busy=$(cat "$work/ours" "$work/aws" | awk '{ busy += $4 } END { printf "%.2f", busy / NR }')
if [ "$(echo "$machine_busy >= 0.95" | bc)" = 1 ]; then
  echo "the machine's CPUs were saturated (${machine_busy} busy over the phases): every process, moto included, waited for CPU"
fi
if [ "$(echo "$moto_share >= 0.9" | bc)" = 1 ]; then
  echo "moto is the bottleneck: it was busy ${moto_share} of a core over the phases, and its Python runs about one core at most"
else
  echo "moto is not the bottleneck: it was busy ${moto_share} of a core over the phases (its Python runs about one at most)"
fi
