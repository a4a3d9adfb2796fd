#!/usr/bin/env bash
# One verified alert fanned out to every on-call responder, against `plenum serve` on 127.0.0.1: a network of
# RESPONDERS responders on call in one zone, half with the live alert page open (one hub connection each,
# signed in by cookie), half reached through the network's gateway (a signed webhook to a receiver the load
# client runs on 127.0.0.1). The client (bench/Plenum.AlertLoad) sends the two verifications through the API
# and times every responder's alert from the moment it sends the second, next to baselines from the same run:
# GET /healthz, and the client alone sending as many signed gateway messages to its own receiver.
# Needs the alerts API's POST /api/v1/groups/{slug}/alerts/incidents/{id}/verifications (the reported incident is seeded).
# Usage: bench/alert-fanout.sh [RESPONDERS [sqlite|postgres CONNECTION]]   (default 10,000 responders)
set -euo pipefail
cd "$(dirname "$0")/.."
responders=${1:-10000}; database=${2:-sqlite}; connection=${3:-}
dotnet build src/Plenum -c Release -v quiet -nologo >/dev/null
dotnet build bench/Plenum.Seed -c Release -v quiet -nologo >/dev/null
dotnet build bench/Plenum.AlertLoad -c Release -v quiet -nologo >/dev/null
work=$(mktemp -d); data=$work/data; mkdir -p "$data"
db_args=(); seed_args=()
if [ "$database" = postgres ]; then db_args=(--database postgres --connection "$connection"); seed_args=(postgres "$connection"); fi
seed=(dotnet bench/Plenum.Seed/bin/Release/net10.0/Plenum.Seed.dll "$data")
read -r slug group incident gateway < <("${seed[@]}" alerts "$responders" "${seed_args[@]}" | tail -n 1)
port=$(( 20000 + RANDOM % 10000 )); base="http://127.0.0.1:$port"
dotnet src/Plenum/bin/Release/net10.0/plenum.dll serve --urls "$base" --data-dir "$data" "${db_args[@]}" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/healthz" >/dev/null; do sleep 0.2; done

status=0
dotnet bench/Plenum.AlertLoad/bin/Release/net10.0/Plenum.AlertLoad.dll "$base" "$gateway" "$data" "$slug" "$group" "$incident" \
  | tee "$work/client.txt" | grep -v '^|' || status=$?
[ -s "$work/client.txt" ] || { echo "the load client failed; the server said:"; tail -n 30 "$work/serve.log"; exit 1; }
sleep 3 # the last receipts and the dispatcher's record of what it sent
kill $server; wait $server 2>/dev/null || true
echo
echo "Deliveries saved for the incident afterwards (message, state, channel, count):"
"${seed[@]}" deliveries "$incident" "${seed_args[@]}" | tail -n +1
grep -i "error\|fail" "$work/serve.log" | sort | uniq -c | sort -rn | head -n 5 || true
echo
echo "| run ($database) | responders | arrived | t0 → alert p50 | p95 | max (last delivery) | deliveries/s | 2nd verification acknowledged | vs /healthz p95 | vs client's own signed POSTs |"
echo "|---|---|---|---|---|---|---|---|---|---|"
sed -n "s/^|/| $database |/p" "$work/client.txt"
exit $status
