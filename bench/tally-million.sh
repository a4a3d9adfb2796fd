#!/usr/bin/env bash
# `plenum tally` end to end on about a million ballots: the Minneapolis 2013 mayor CVR (.xlsx, 80,101
# ballots) read thirteen times over (1,041,313 ballots), counted by IRV with the RCTab config's rules,
# next to a baseline measured in the same run: `plenum tally --check`, which reads the same input
# without counting. Reports the mean wall time of each and their ratio.
# Usage: bench/tally-million.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet build src/Plenum -c Release -v quiet -nologo >/dev/null
dll=src/Plenum/bin/Release/net10.0/plenum.dll
case_dir=../shared/conformance/rctab/2013_minneapolis_mayor
config=$case_dir/2013_minneapolis_mayor_config.json
files=(); for _ in $(seq 13); do files+=("$case_dir/2013_minneapolis_mayor_cvr.xlsx"); done
now() { date +%s.%N; }

read_only=0; tally=0
for _ in $(seq "$runs"); do
  t0=$(now); dotnet "$dll" tally --check --config "$config" "${files[@]}" >/dev/null; t1=$(now)
  read_only=$(echo "$read_only + $t1 - $t0" | bc -l)
  t0=$(now); out=$(dotnet "$dll" tally --config "$config" "${files[@]}"); t1=$(now)
  tally=$(echo "$tally + $t1 - $t0" | bc -l)
done
grep -q "Elected: BETSY HODGES" <<<"$out" || { echo "unexpected result:"; head -3 <<<"$out"; exit 1; }
printf '| read only (`tally --check`), baseline | %.2f s | 1.00 |\n' "$(echo "$read_only / $runs" | bc -l)"
printf '| IRV count (`tally --config`) | %.2f s | %.2f |\n' "$(echo "$tally / $runs" | bc -l)" "$(echo "$tally / $read_only" | bc -l)"
