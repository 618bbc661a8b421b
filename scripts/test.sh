#!/usr/bin/env bash
# Sets up the host, then builds the release artifacts with scripts/release.sh and checks them (the tarball's binary
# and the installed dotnet tool run version and manifest, and agree on the revision); then runs every test project and
# the process-level tests (hostile, Ctrl-C and build ones included) against each shipped artifact once. The end-to-end
# osbuild builds and VM boots run against the NativeAOT binary only, in the background from the moment it exists,
# beside everything else (they are minutes of osbuild and QEMU, and these machines have two cores). Ends with one
# summary line "tests: N passed, N failed, N skipped" and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup-host.sh || exit 1
dotnet restore BootcImageBuilder.sln --verbosity quiet || exit 1
dotnet build BootcImageBuilder.sln --no-restore --verbosity quiet -nologo || exit 1
# Unpacked once here: prepare is not safe to run twice at the same time, and the end-to-end run starts beside others.
if [ -x ../shared/tools/osbuild/prepare ]; then
  { ../shared/tools/osbuild/prepare && ../shared/tools/osbuild/prepare --machine; } >/dev/null || exit 1
fi
# The end-to-end tests append each build's and boot's time here.
durations=${TMPDIR:-/tmp}/bib-e2e-durations.log
rm -f "$durations"

log=$(mktemp)
shipped=$(mktemp -d)
trap 'rm -rf "$log" "$shipped"' EXIT
end_to_end='FullyQualifiedName~BootcImageBuilder.IntegrationTests.EndToEnd.'
status=0

# The tool as users get it: scripts/release.sh builds the tarball and the dotnet tool once; each is checked by a
# few shell checks and then runs the process-level tests. A shell check prints a line in dotnet's summary format,
# so it is counted below like a test.
check() {
  local name=$1
  shift
  if "$@" >"$shipped/check.log" 2>&1; then
    echo "Passed!  - Failed: 0, Passed: 1, Skipped: 0, Total: 1 - $name" | tee -a "$log"
  else
    tail -30 "$shipped/check.log"
    echo "Failed!  - Failed: 1, Passed: 0, Skipped: 0, Total: 1 - $name" | tee -a "$log"
    status=1
  fi
}
process_tests='FullyQualifiedName~ProcessLevelTests|FullyQualifiedName~FlagDefaultsTests|FullyQualifiedName~ManifestCommandTests|FullyQualifiedName~BootcInstallerCommandTests|FullyQualifiedName~PxeManifestCommandTests|FullyQualifiedName~LegacyIsoEndToEndTests|FullyQualifiedName~ShellCompletionTests|FullyQualifiedName~DocumentedExamplesTests|FullyQualifiedName~AwsUploadCommandTests|FullyQualifiedName~UploadAwsCommandTests|FullyQualifiedName~UploadGceCommandTests|FullyQualifiedName~BuildGceFlagsTests|FullyQualifiedName~BuildCommandTests|FullyQualifiedName~HostileConfigTests|FullyQualifiedName~HostileRunTests|FullyQualifiedName~CtrlCTests'
run_against() {
  local binary=$1 filter=$2
  echo "== process-level tests against $binary"
  for project in tests/BootcImageBuilder.Cli.Tests tests/BootcImageBuilder.IntegrationTests; do
    BIB_TEST_BINARY=$binary dotnet test "$project" --no-build --verbosity quiet -nologo --logger "console;verbosity=minimal" --filter "$filter" 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  done
}
released() {
  scripts/release.sh --output "$shipped/release" >"$shipped/release.log" 2>&1 || { cat "$shipped/release.log"; return 1; }
  (cd "$shipped/release" && sha256sum --check --strict SHA256SUMS)
}
revision="build_revision: $(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)"
reports_revision() { [ "$("$1" version | head -1)" = "$revision" ]; }
# Run from a directory without data/defs, so the binary must find its own (next to it).
writes_manifest() {
  local ref
  ref=$(scripts/make-example-image.sh) || return 1
  (cd "$shipped" && "$1" manifest --config "$OLDPWD/examples/bootc-example/config.toml" "$ref") |
    python3 -c 'import json, sys; assert json.load(sys.stdin)["version"] == "2"'
}
unpack_tarball() {
  mkdir -p "$shipped/unpacked" && tar -C "$shipped/unpacked" -xzf "$shipped"/release/bootc-image-builder-*-linux-x64.tar.gz
}
install_tool() {
  NUGET_PACKAGES=$shipped/nuget-cache dotnet tool install bootc-image-builder --tool-path "$shipped/tool" \
    --add-source "$shipped/release" --version "$(basename "$shipped"/release/bootc-image-builder.*.nupkg .nupkg | cut -d. -f2-)"
}
same_version_text() { [ "$("$1" version)" = "$("$2" version)" ]; }

check "release.sh: linux-x64 tarball, dotnet tool nupkg and SHA256SUMS" released
check "release tarball unpacks" unpack_tarball
binary=$(ls "$shipped"/unpacked/*/bootc-image-builder 2>/dev/null | head -1)
binary=${binary:-$shipped/unpacked/missing/bootc-image-builder}
check "release tarball: defs/ and depsolve/ beside the binary" test -f "$(dirname "$binary")/defs/fedora-42.yaml" -a -f "$(dirname "$binary")/depsolve/bib-depsolve-dnf.py"
check "release tarball binary: version shows this checkout's revision" reports_revision "$binary"
check "release tarball binary: manifest of the example image" writes_manifest "$binary"
check "release nupkg: dotnet tool install --add-source" install_tool
check "release nupkg tool: version shows this checkout's revision" reports_revision "$shipped/tool/bootc-image-builder"
check "release tarball and nupkg: the same version text" same_version_text "$binary" "$shipped/tool/bootc-image-builder"
end_to_end_pid=""
if [ -x "$binary" ]; then
  BIB_TEST_BINARY=$binary nice -n 5 dotnet test tests/BootcImageBuilder.IntegrationTests --no-build --verbosity quiet -nologo --logger "console;verbosity=minimal" \
    --filter "$end_to_end" >"$shipped/end-to-end.log" 2>&1 &
  end_to_end_pid=$!
fi

dotnet test BootcImageBuilder.sln --no-build --verbosity quiet -nologo --logger "console;verbosity=minimal" --filter "${end_to_end/\~/!~}" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
[ -x "$binary" ] && run_against "$binary" "$process_tests"
[ -x "$shipped/tool/bootc-image-builder" ] && run_against "$shipped/tool/bootc-image-builder" "$process_tests"

if [ -n "$end_to_end_pid" ]; then
  wait "$end_to_end_pid" || status=1
  echo "== end-to-end builds and boots against $binary"
  tee -a "$log" <"$shipped/end-to-end.log"
  echo "== end-to-end durations"
  cat "$durations" 2>/dev/null
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
