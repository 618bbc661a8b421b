#!/usr/bin/env bash
# Uploads the same random image (256 MiB unless SIZE_MIB says otherwise) to one moto server with this tool's AWS upload
# code (`bootc-image-builder upload aws`, the NativeAOT binary as shipped; BIB=path runs another build) and with `aws s3 cp`, in the same run, and prints both times
# and the ratio (ours / aws; lower is better). Ours is the upload phase of the run, from its "Uploading …" line to its
# "File uploaded to …" line (the multipart upload alone; the checks before and the import after are not counted);
# aws is the whole `aws s3 cp` process, which does nothing but the multipart upload. Usage: bench/upload.sh [RUNS]
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
python3 tests/BootcImageBuilder.IntegrationTests/Upload/moto_with_import_snapshot.py -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
export AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret \
  AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent AWS_EC2_METADATA_DISABLED=true
for _ in $(seq 100); do
  curl -sf -o /dev/null "$AWS_ENDPOINT_URL/moto-api/" && break
  sleep 0.1
done
aws s3 mb s3://bench-bucket >/dev/null
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/disk.raw"

now() { date +%s.%N; }

# Prints the seconds between the tool's "Uploading" and "File uploaded" lines.
ours_once() {
  "$bib" upload aws --progress verbose --region us-east-1 --bucket bench-bucket --ami-name "bench-$1" "$work/disk.raw" |
    while IFS= read -r line; do
      case "$line" in
        "Uploading "*) start=$(now) ;;
        "File uploaded to "*) echo "$(now) - $start" | bc ;;
      esac
    done
}

aws_once() {
  local start
  start=$(now)
  aws s3 cp --quiet "$work/disk.raw" "s3://bench-bucket/aws-$1"
  echo "$(now) - $start" | bc
  aws s3 rm --quiet "s3://bench-bucket/aws-$1"
}

ours=()
theirs=()
for run in $(seq "$runs"); do
  ours+=("$(ours_once "$run")")
  theirs+=("$(aws_once "$run")")
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ours_median=$(median "${ours[@]}")
aws_median=$(median "${theirs[@]}")
echo "upload of ${size_mib} MiB to moto, ${runs} runs"
echo "ours (upload phase):   ${ours[*]} s  median ${ours_median} s"
echo "aws s3 cp (process):   ${theirs[*]} s  median ${aws_median} s"
printf 'ratio ours / aws: %.2f\n' "$(echo "$ours_median / $aws_median" | bc -l)"
