#!/usr/bin/env bash
# One meeting with every participant's phone on its page, against `plenum serve` on 127.0.0.1: an
# assembly of PARTICIPANTS members, all checked in, on an agenda item under a live vote. The client
# (bench/Plenum.MeetingLoad) opens one hub connection per participant as the page's script does, casts
# VOTES votes through the API and times each from sending it to every screen showing the new count,
# next to a baseline from the same run: GET /healthz.
# Usage: bench/meeting-load.sh [PARTICIPANTS [VOTES [VOTES_PER_SECOND [sqlite|postgres CONNECTION]]]]
#   defaults 500 participants, 200 votes, 0 = each vote once every screen shows the one before.
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${1:-500}; votes=${2:-200}; rate=${3:-0}; database=${4:-sqlite}; connection=${5:-}
dotnet build src/Plenum -c Release -v quiet -nologo >/dev/null
dotnet build bench/Plenum.Seed -c Release -v quiet -nologo >/dev/null
dotnet build bench/Plenum.MeetingLoad -c Release -v quiet -nologo >/dev/null
work=$(mktemp -d); data=$work/data; mkdir -p "$data"
db_args=(); seed_args=()
if [ "$database" = postgres ]; then db_args=(--database postgres --connection "$connection"); seed_args=(postgres "$connection"); fi
read -r slug meeting decision < <(dotnet bench/Plenum.Seed/bin/Release/net10.0/Plenum.Seed.dll "$data" meeting "$participants" "${seed_args[@]}" | tail -n 1)
port=$(( 20000 + RANDOM % 10000 )); base="http://127.0.0.1:$port"
dotnet src/Plenum/bin/Release/net10.0/plenum.dll serve --urls "$base" --data-dir "$data" "${db_args[@]}" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/healthz" >/dev/null; do sleep 0.2; done

dotnet bench/Plenum.MeetingLoad/bin/Release/net10.0/Plenum.MeetingLoad.dll "$base" "$data/participants.tsv" "$slug" "$meeting" "$decision" "$votes" "$rate" \
  | tee "$work/client.txt" | grep -v '^|' || { echo "the load client failed; the server said:"; tail -n 30 "$work/serve.log"; exit 1; }
echo
echo "| run ($database) | vote → all screens p50 | vote → all screens p95 (× baseline) | max | vote → one screen p95 | live message p95 | vote acknowledged p95 | one page alone p95 |"
echo "|---|---|---|---|---|---|---|---|"
grep '^|' "$work/client.txt"
