#!/usr/bin/env bash
# The mutual aid board under load, with wrk against `plenum serve` on 127.0.0.1: one group with 50,000
# open needs (bench/Plenum.Seed in its "aid" mode). Measures the p95 latency of the board page (first
# page, and a page filtered by kind and area) read by a signed-in volunteer, next to a baseline from the
# same run: GET /healthz (the server's cheapest answer). The board is served by the
# (GroupId, Status, Urgency, CreatedAt, Id) index and shows 25 needs a page.
# Usage: bench/aid-board-load.sh [sqlite|postgres CONNECTION] [NEEDS]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
database=${1:-sqlite}; connection=${2:-}; needs=${3:-50000}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
dotnet build src/Plenum -c Release -v quiet -nologo >/dev/null
dotnet build bench/Plenum.Seed -c Release -v quiet -nologo >/dev/null
work=$(mktemp -d); data=$work/data; mkdir -p "$data"
db_args=(); seed_args=()
if [ "$database" = postgres ]; then db_args=(--database postgres --connection "$connection"); seed_args=(postgres "$connection"); fi
dotnet bench/Plenum.Seed/bin/Release/net10.0/Plenum.Seed.dll "$data" aid "$needs" "${seed_args[@]}" >/dev/null
port=$(( 20000 + RANDOM % 10000 )); base="http://127.0.0.1:$port"
dotnet src/Plenum/bin/Release/net10.0/plenum.dll serve --urls "$base" --data-dir "$data" "${db_args[@]}" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/healthz" >/dev/null; do sleep 0.2; done

# A signed-in volunteer's cookie, through the login form and its antiforgery token.
jar=$work/cookies
form=$(curl -s -c "$jar" "$base/accounts/login")
token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | head -n 1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Pseudonym=volunteer-0" --data-urlencode "Password=load test password" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/accounts/login"
cookie=$(awk '$6 == "plenum" { print "plenum=" $7 }' "$jar")

board=$(curl -s -H "Cookie: $cookie" "$base/groups/aid-load/aid")
grep -q "data-testid=\"need\"" <<<"$board" || { echo "the volunteer could not open the board; see $work/serve.log"; exit 1; }
# The first kind and area in the filter lists, for the filtered page.
category=$(sed -n '/id="category"/,/<\/select>/ s/.*<option value="\([0-9a-f-]\{36\}\)".*/\1/p' <<<"$board" | head -n 1)
area=$(sed -n '/id="area"/,/<\/select>/ s/.*<option value="\([0-9a-f-]\{36\}\)".*/\1/p' <<<"$board" | head -n 1)

export PLENUM_COOKIE=$cookie
wrk -t2 -c50 -d15s -s bench/wrk/p95.lua "$base/healthz" >"$work/health.txt"
wrk -t2 -c50 -d15s -s bench/wrk/page.lua "$base/groups/aid-load/aid" >"$work/board.txt"
wrk -t2 -c50 -d15s -s bench/wrk/page.lua "$base/groups/aid-load/aid?category=$category&area=$area&page=3" >"$work/filtered.txt"

rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
p95() { awk '/^p95/ { print $2 }' "$1"; }
row() { echo "| $1 | $(p95 "$2") ms | $(p95 "$work/health.txt") ms | $(echo "$(p95 "$2") / $(p95 "$work/health.txt")" | bc -l | xargs printf '%.1f') | $(rps "$2") |"; }
echo "| measure ($database, $needs open needs) | p95 | baseline /healthz p95 | ratio | requests/s |"
echo "|---|---|---|---|---|"
row "board, first page, 50 connections" "$work/board.txt"
row "board, one kind and area, page 3" "$work/filtered.txt"
