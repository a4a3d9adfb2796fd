#!/usr/bin/env bash
# Cold start time and idle memory of `plenum serve` on a fresh SQLite data folder, next to a
# baseline measured in the same run: `plenum version` (the .NET runtime starting our executable).
# Usage: bench/startup.sh [runs]   (prints a Markdown table row per measure)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build src/Plenum -c Release -v quiet -nologo >/dev/null
dll=src/Plenum/bin/Release/net10.0/plenum.dll
now() { date +%s.%N; }
port=$(( 20000 + RANDOM % 10000 ))

baseline=0; serve=0; rss_total=0
for i in $(seq "$runs"); do
  t0=$(now); dotnet "$dll" version >/dev/null; t1=$(now)
  baseline=$(echo "$baseline + $t1 - $t0" | bc -l)

  data=$(mktemp -d)
  t0=$(now)
  dotnet "$dll" serve --data-dir "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.02; done
  t1=$(now)
  serve=$(echo "$serve + $t1 - $t0" | bc -l)
  curl -sf "http://127.0.0.1:$port/accounts/login" >/dev/null
  sleep 5
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  rss_total=$((rss_total + rss))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
b=$(echo "$baseline / $runs" | bc -l); s=$(echo "$serve / $runs" | bc -l)
printf '| cold start to first healthy response (fresh database, migrations applied) | %.2f s | `plenum version`: %.2f s | %.1fx |\n' "$s" "$b" "$(echo "$s / $b" | bc -l)"
printf '| idle memory (RSS, 5 s after one page) | %d MiB | | |\n' "$((rss_total / runs / 1024))"
