#!/usr/bin/env bash
# Brings every shipped library's PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt up to date with its code, from the
# diagnostics of the build's own checker (Microsoft.CodeAnalysis.PublicApiAnalyzers):
# - public API the files do not list (RS0016) is added to PublicAPI.Unshipped.txt;
# - listed API the code no longer has (RS0017) is taken out of PublicAPI.Unshipped.txt, or, when it had shipped, marked
#   *REMOVED* in PublicAPI.Unshipped.txt, as the checker expects;
# - a project under src/ without the files gets them.
# Moving entries from Unshipped to Shipped is a release step, not done here (CONTRIBUTING.md). Takes no arguments.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

for project in src/*/*.csproj; do
  dir=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -s "$dir/$file" ] || printf '#nullable enable\n' > "$dir/$file"
    # The files are inputs of the compiler: touching them makes every project compile again, so that the checker
    # reports on all of them.
    touch "$dir/$file"
  done
done

for project in src/*/*.csproj; do
  echo "checking $project"
  # The checker's findings stay warnings here so that every project builds and reports; a real compile error stops.
  if ! dotnet build "$project" -p:TreatWarningsAsErrors=false -nologo -clp:NoSummary >> "$log" 2>&1; then
    grep -E ': error ' "$log" | sort -u >&2
    exit 1
  fi
done

/usr/bin/env python3 - "$log" <<'PY'
import collections, pathlib, re, sys

pattern = re.compile(r"^(?P<file>/.*?)\(\d+,\d+\): (?:warning|error) (?P<id>RS0016|RS0017): Symbol '(?P<symbol>.*)' "
                     r"(?:is not part of the declared public API|is part of the declared API).*\[(?P<project>[^\]]+\.csproj)")
added = collections.defaultdict(set)
removed = collections.defaultdict(set)
for line in pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    match = pattern.match(line.strip())
    if match:
        folder = pathlib.Path(match["project"]).parent
        (added if match["id"] == "RS0016" else removed)[folder].add(match["symbol"])

for folder in sorted(set(added) | set(removed)):
    shipped_path, unshipped_path = folder / "PublicAPI.Shipped.txt", folder / "PublicAPI.Unshipped.txt"
    shipped = set(shipped_path.read_text(encoding="utf-8").splitlines())
    unshipped = [line for line in unshipped_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    header = [line for line in unshipped if line.startswith("#")] or ["#nullable enable"]
    entries = {line for line in unshipped if not line.startswith("#")} - removed[folder]
    entries |= {"*REMOVED*" + symbol for symbol in removed[folder] if symbol in shipped}
    entries |= added[folder]
    unshipped_path.write_text("\n".join(header + sorted(entries, key=lambda e: e.removeprefix("*REMOVED*"))) + "\n",
                              encoding="utf-8")
    print(f"{unshipped_path}: {len(added[folder])} added, {len(removed[folder])} removed")
PY
