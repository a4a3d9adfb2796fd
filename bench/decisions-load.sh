#!/usr/bin/env bash
# Decisions under load, with wrk against `plenum serve` on 127.0.0.1: an assembly of 10,000 members
# with 1,000 open decisions. Measures (1) votes per second sustained by 1,000 concurrent voters (each
# connection votes as its own member, again and again, so votes are changes after the first) and
# (2) the p95 latency of one decision's page read by a signed-in member, next to a baseline from the
# same run: GET /healthz (the server's cheapest answer).
# Usage: bench/decisions-load.sh [sqlite|postgres CONNECTION]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
database=${1:-sqlite}; connection=${2:-}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
dotnet build src/Plenum -c Release -v quiet -nologo >/dev/null
dotnet build bench/Plenum.Seed -c Release -v quiet -nologo >/dev/null
work=$(mktemp -d); data=$work/data; mkdir -p "$data"
db_args=(); seed_args=()
if [ "$database" = postgres ]; then db_args=(--database postgres --connection "$connection"); seed_args=(postgres "$connection"); fi
decision=$(dotnet bench/Plenum.Seed/bin/Release/net10.0/Plenum.Seed.dll "$data" 10000 1000 "${seed_args[@]}" | tail -n 1)
port=$(( 20000 + RANDOM % 10000 )); base="http://127.0.0.1:$port"
dotnet src/Plenum/bin/Release/net10.0/plenum.dll serve --urls "$base" --data-dir "$data" "${db_args[@]}" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/healthz" >/dev/null; do sleep 0.2; done

# A signed-in member's cookie, through the login form and its antiforgery token.
jar=$work/cookies
form=$(curl -s -c "$jar" "$base/accounts/login")
token=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | head -n 1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Pseudonym=member-0" --data-urlencode "Password=load test password" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/accounts/login"
cookie=$(awk '$6 == "plenum" { print "plenum=" $7 }' "$jar")

curl -s -H "Cookie: $cookie" "$base/groups/load/decisions/$decision" | grep -q "Proposal number 999" \
  || { echo "the member could not open the decision page; see $work/serve.log"; exit 1; }

export PLENUM_TOKENS=$data/tokens.txt PLENUM_DECISION=$decision PLENUM_COOKIE=$cookie
wrk -t2 -c50 -d15s -s bench/wrk/p95.lua "$base/healthz" >"$work/health.txt"
wrk -t2 -c50 -d15s -s bench/wrk/page.lua "$base/groups/load/decisions/$decision" >"$work/page.txt"
wrk -t2 -c1000 -d20s --timeout 10s -s bench/wrk/vote.lua "$base/api/v1/groups/load/decisions/$decision/votes" >"$work/vote.txt"

rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
p95() { awk '/^p95/ { print $2 }' "$1"; }
non2xx() { awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$1"; }
echo "| measure ($database) | value | baseline /healthz | ratio |"
echo "|---|---|---|---|"
echo "| decision page p95 latency, 50 connections | $(p95 "$work/page.txt") ms | $(p95 "$work/health.txt") ms | $(echo "$(p95 "$work/page.txt") / $(p95 "$work/health.txt")" | bc -l | xargs printf '%.1f') |"
echo "| decision page requests/s | $(rps "$work/page.txt") | $(rps "$work/health.txt") | $(echo "$(rps "$work/page.txt") / $(rps "$work/health.txt")" | bc -l | xargs printf '%.3f') |"
echo "| votes/s, 1,000 concurrent voters (refused: $(non2xx "$work/vote.txt")) | $(rps "$work/vote.txt") | $(rps "$work/health.txt") | $(echo "$(rps "$work/vote.txt") / $(rps "$work/health.txt")" | bc -l | xargs printf '%.3f') |"
