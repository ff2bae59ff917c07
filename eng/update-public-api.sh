#!/usr/bin/env bash
# Brings every shipped library's PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt up to date with its code: public API
# the files do not list yet is added to PublicAPI.Unshipped.txt, API the code no longer has is taken out, and a project
# without the files gets them. The build checks the files (Microsoft.CodeAnalysis.PublicApiAnalyzers, RS0016 and
# RS0017 are errors); see CONTRIBUTING.md for when entries move from Unshipped to Shipped.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for project in src/*/*.csproj; do
  dir=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -s "$dir/$file" ] || printf '#nullable enable\n' > "$dir/$file"
  done
  echo "updating $dir/PublicAPI.*.txt"
  # RS0016: API missing from the files; RS0017: listed API that no longer exists; RS0036/RS0037: nullability.
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 RS0036 RS0037 --severity info --verbosity quiet
done
