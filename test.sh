#!/usr/bin/env bash
# Runs every test project: counting tests once, the app's tests against SQLite and against a
# real PostgreSQL server started here on 127.0.0.1. Installs what is missing first.
# Ends with one plain line "N passed, N failed" (CI does not read dotnet test's own summary).
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The newest PostgreSQL server's programs (a client-only install has no initdb).
find_pg_bin() { ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 | xargs -r dirname; }
pg_bin=$(find_pg_bin)
# Python's icalendar reads the calendars Plenum writes, as a second reader beside Ical.Net (Debian's own python3).
has_icalendar() { /usr/bin/python3 -c 'import icalendar, zoneinfo; zoneinfo.ZoneInfo("Europe/Berlin")' >/dev/null 2>&1; }
# Only what is missing is asked for: a machine whose Node.js comes from elsewhere (NodeSource, with its own
# npm) cannot also take Debian's npm package.
missing=()
[ -n "$pg_bin" ] || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
has_icalendar || missing+=(python3-icalendar tzdata)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian…"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
  pg_bin=$(find_pg_bin)
fi
if [ -f tests/oracle/package.json ] && [ ! -d tests/oracle/node_modules ]; then
  (cd tests/oracle && npm ci --no-audit --no-fund --silent) || { echo "npm install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

run_dir=$(mktemp -d /tmp/plenum-test.XXXXXX)
chmod 755 "$run_dir"
pg_data="$run_dir/pg"
pg_port=$(( 20000 + RANDOM % 20000 ))
pg_user=postgres
if [ "$(id -u)" = 0 ]; then run_pg() { su "$pg_user" -s /bin/sh -c "$*"; }; else run_pg() { sh -c "$*"; }; fi
mkdir -p "$pg_data" && [ "$(id -u)" = 0 ] && chown "$pg_user" "$pg_data" "$run_dir"

stop_pg() { run_pg "'$pg_bin/pg_ctl' -D '$pg_data' -m immediate stop" >/dev/null 2>&1; rm -rf "$run_dir"; }
trap stop_pg EXIT

run_pg "'$pg_bin/initdb' -D '$pg_data' -U plenum --auth=trust -E UTF8" >/dev/null \
  && run_pg "'$pg_bin/pg_ctl' -D '$pg_data' -l '$run_dir/pg.log' -w -o \"-h 127.0.0.1 -p $pg_port -k '$run_dir' -c fsync=off -c max_connections=300\" start" >/dev/null \
  || { echo "PostgreSQL did not start"; cat "$run_dir/pg.log" 2>/dev/null; echo "0 passed, 1 failed"; exit 1; }

export PLENUM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=plenum;Database=postgres"
export PLENUM_CHROMIUM=$(command -v chromium)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$run_dir/results"
dotnet build Plenum.sln -c Release -v quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }

run_tests() { # project, label, extra env, then any dotnet test options
  local project=$1 label=$2 env=(); shift 2
  while [ $# -gt 0 ] && [[ $1 == *=* ]]; do env+=("$1"); shift; done
  env "${env[@]}" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$label.trx" --results-directory "$results" -v quiet "$@"
}
status=0
run_tests tests/Plenum.Counting.Tests counting PLENUM_ORACLE_DIR="$root/tests/oracle" || { status=1; echo "the counting test run exited with an error"; }
run_tests tests/Plenum.Tests sqlite PLENUM_TEST_DATABASE=sqlite || { status=1; echo "the SQLite test run exited with an error"; }
# The browser journeys (Chromium through the pages) run once, on SQLite, the default: what they add over
# the HTTP tests is the pages, which do not change with the database, and running them twice would take
# CI's two cores past its 20 minutes. Everything that reaches the database runs on both.
run_tests tests/Plenum.Tests postgres PLENUM_TEST_DATABASE=postgres --filter "FullyQualifiedName!~.Browser.&FullyQualifiedName!~JourneyTests" || { status=1; echo "the PostgreSQL test run exited with an error; the end of PostgreSQL's log:"; tail -n 20 "$run_dir/pg.log"; }

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
ran=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$ran" -lt 3 ] || { [ "$status" != 0 ] && [ "$failed" = 0 ]; }; then failed=$((failed + 1)); fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
