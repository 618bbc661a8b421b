#!/usr/bin/env bash
# Sets up the host, then builds and runs every test project. Ends with one summary line
# "tests: N passed, N failed, N skipped" and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup-host.sh || exit 1
dotnet restore BootcImageBuilder.sln --verbosity quiet || exit 1
dotnet build BootcImageBuilder.sln --no-restore --verbosity quiet -nologo || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test BootcImageBuilder.sln --no-build --verbosity quiet -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test assembly.
read -r passed failed skipped assemblies < <(awk -F'[:,]' '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(/ /, "", $i)
      if ($i ~ /Failed$/) f += $(i + 1)
      if ($i == "Passed") p += $(i + 1)
      if ($i == "Skipped") s += $(i + 1)
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$log")

if [ "$assemblies" -eq 0 ] || [ "$passed" -eq 0 ]; then
  echo "tests: no test ran" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
