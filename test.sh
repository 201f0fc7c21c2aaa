#!/usr/bin/env bash
# Runs every test project. Installs what the browser tests need (Debian's Chromium and a CJK font)
# when missing, then restores, builds and tests. Ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore TalentHub.sln || exit 1
dotnet build TalentHub.sln --no-restore -c Debug || exit 1

results="TestResults"
rm -rf "$results"; mkdir -p "$results"
status=0
for project in tests/TalentHub.UnitTests tests/TalentHub.IntegrationTests tests/TalentHub.BrowserTests; do
  name=$(basename "$project")
  dotnet test "$project" --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 | tee "$results/$name.log" || status=1
done

# Sum the counters of every .trx file (one per project).
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
[ "$failed" -eq 0 ] || status=1
[ "$(ls "$results"/*.trx 2>/dev/null | wc -l)" -eq 3 ] || { echo "a test project produced no results"; status=1; }
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
