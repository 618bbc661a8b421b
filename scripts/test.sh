#!/usr/bin/env bash
# Sets up the host, then builds and runs every test project; then publishes the NativeAOT binary and packs the
# dotnet tool and runs the process-level tests against each of them once. Ends with one summary line
# "tests: N passed, N failed, N skipped" and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup-host.sh || exit 1
dotnet restore BootcImageBuilder.sln --verbosity quiet || exit 1
dotnet build BootcImageBuilder.sln --no-restore --verbosity quiet -nologo || exit 1

log=$(mktemp)
shipped=$(mktemp -d)
trap 'rm -rf "$log" "$shipped"' EXIT
dotnet test BootcImageBuilder.sln --no-build --verbosity quiet -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The tool as users get it: the NativeAOT binary and the dotnet tool, each through the tests that run it as a process.
process_tests='FullyQualifiedName~ProcessLevelTests|FullyQualifiedName~FlagDefaultsTests|FullyQualifiedName~ManifestCommandTests|FullyQualifiedName~BootcInstallerCommandTests|FullyQualifiedName~PxeManifestCommandTests|FullyQualifiedName~LegacyIsoEndToEndTests|FullyQualifiedName~UploadGceCommandTests|FullyQualifiedName~BuildGceFlagsTests'
run_against() {
  local binary=$1
  echo "== process-level tests against $binary"
  for project in tests/BootcImageBuilder.Cli.Tests tests/BootcImageBuilder.IntegrationTests; do
    BIB_TEST_BINARY=$binary dotnet test "$project" --no-build --verbosity quiet -nologo --filter "$process_tests" 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  done
}
if dotnet publish src/BootcImageBuilder.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$shipped/aot" --verbosity quiet -nologo >"$shipped/aot.log" 2>&1; then
  run_against "$shipped/aot/bootc-image-builder"
else
  tail -30 "$shipped/aot.log"; echo "Failed!  - Failed: 1, Passed: 0, Skipped: 0, Total: 1 - NativeAOT publish" | tee -a "$log"; status=1
fi
if dotnet pack src/BootcImageBuilder.Cli -c Release -o "$shipped/nupkg" --verbosity quiet -nologo >"$shipped/pack.log" 2>&1 &&
   dotnet tool install bootc-image-builder --tool-path "$shipped/tool" --add-source "$shipped/nupkg" >"$shipped/tool.log" 2>&1; then
  run_against "$shipped/tool/bootc-image-builder"
else
  tail -30 "$shipped/pack.log" "$shipped/tool.log" 2>/dev/null; echo "Failed!  - Failed: 1, Passed: 0, Skipped: 0, Total: 1 - dotnet tool install" | tee -a "$log"; status=1
fi

# dotnet prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test run.
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
