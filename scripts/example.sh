#!/usr/bin/env bash
# The main job on the built-in example: set up the host, build the tool, build a small bootc-like image
# locally, and generate its osbuild manifest (and, when osbuild is installed, build a qcow2 from it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-host.sh
dotnet build src/BootcImageBuilder.Cli -c Release --verbosity quiet -nologo
bib=src/BootcImageBuilder.Cli/bin/Release/net10.0/bootc-image-builder
ref=$(scripts/make-example-image.sh)

mkdir -p .example
"$bib" manifest --config examples/bootc-example/config.toml "$ref" > .example/manifest.json
echo "manifest for $ref written to .example/manifest.json ($(wc -c < .example/manifest.json) bytes)"

if command -v osbuild >/dev/null; then
  "$bib" build --type qcow2 --config examples/bootc-example/config.toml --output .example/output "$ref"
else
  echo "osbuild is not installed: skipping the qcow2 build (see README)"
fi
