#!/usr/bin/env bash
# Delta build against a full rebuild: bench/delta.sh [N] [MEMORY]
# Generates N documents (default 1,000,000; seed 3; once, kept in the work folder): one full and three
# incremental snapshots, the newest holding about 5 % of the documents. Then, each in its own process
# through ./mongo-latest:
#   day 1   a run with the export date before the newest snapshot (it keeps the build's state);
#   delta   a run a day later, which adds only the newest incremental to that state;
#   full    the same day with --full-rebuild, in a warehouse of its own.
# Prints each build step's seconds (from the run report), each whole run, the delta/full ratio with the load
# at the start of each, the mode each build reported, and whether the two warehouses' latest tables hold the
# same rows (count and an order-free hash of every column, table by table). Runs BENCH_REPEAT times (default 2).
# Work files go to bench/out/ (or $BENCH_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000000}"
memory="${2:-}"
repeat="${BENCH_REPEAT:-2}"
work="${BENCH_DIR:-$root/bench/out}"
day1=2026-11-19 day2=2026-11-20
# shellcheck source=bench/input.sh
. "$root/bench/input.sh"
mem_opt=()
[ -n "$memory" ] && mem_opt=(--memory "$memory")
# run WAREHOUSE ID DATE [OPTIONS]: a whole run; prints "<build seconds> <run seconds> <mode>".
run() {
  local wh="$1" id="$2" date="$3"; shift 3
  /usr/bin/time -f "%e" -o "$work/time" "$root/mongo-latest" run --correlation-id "$id" --export-date "$date" \
    --input "$input" --warehouse "$wh" --state-dir "$work/delta-state" "${mem_opt[@]}" "$@" >"$work/run.log" 2>&1 \
    || { cat "$work/run.log" >&2; exit 1; }
  "$root/mongo-latest" report --correlation-id "$id" --state-dir "$work/delta-state" --format json >"$work/report.json"
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
b = next(s for s in d["Steps"] if s["Name"] == "mongo-latest-build")
print(b["Duration_Seconds"], open(sys.argv[2]).read().strip(), b["Detail"].get("mode"))' "$work/report.json" "$work/time"
}
# Every latest table's row count and order-free hash, one line each.
tables() {
  "$root/mongo-latest" query --warehouse "$1" --state-dir "$work/delta-state" --format csv \
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'uc_mongo_latest' ORDER BY 1" |
    tail -n +2 | while read -r t; do
      "$root/mongo-latest" query --warehouse "$1" --state-dir "$work/delta-state" --format csv \
        "SELECT '$t', count(*), sum(hash(id, last_modified, created, snapshot_type, snapshot_id, val)::HUGEINT)
         FROM uc_mongo_latest.$t" | tail -n +2
    done
}

best_delta="" best_full="" same=yes
for i in $(seq 1 "$repeat"); do
  rm -rf "$work/delta-wh" "$work/full-wh" "$work/delta-state"
  l=$(load); read -r b r m < <(run "$work/delta-wh" "day1-$i" "$day1")
  echo "run $i/$repeat: day 1 ($day1): build $b s ($m), whole run $r s (load $l)" >&2
  l=$(load); read -r db dr dm < <(run "$work/delta-wh" "day2-$i" "$day2")
  echo "run $i/$repeat: delta ($day2): build $db s ($dm), whole run $dr s (load $l)" >&2
  l=$(load); read -r fb fr fm < <(run "$work/full-wh" "full-$i" "$day2" --full-rebuild)
  echo "run $i/$repeat: full rebuild ($day2): build $fb s ($fm), whole run $fr s (load $l)" >&2
  [ "$dm" = delta ] && [ "$fm" = full ] || { echo "expected a delta and a full build, got $dm and $fm" >&2; exit 1; }
  if [ "$(tables "$work/delta-wh")" != "$(tables "$work/full-wh")" ]; then same=no; fi
  best_delta=$(awk -v a="$best_delta" -v b="$db" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
  best_full=$(awk -v a="$best_full" -v b="$fb" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
done
tables "$work/delta-wh" | sed 's/^/  /' >&2
rm -rf "$work/delta-wh" "$work/full-wh" "$work/delta-state"

awk -v d="$best_delta" -v f="$best_full" -v s="$same" -v rep="$repeat" -v l="$(load)" 'BEGIN {
  printf "full rebuild build step:   %.1f s\n", f
  printf "delta build step:          %.1f s\n", d
  printf "delta / full:              %.2f\n", d / f
  printf "tables identical:          %s\n", s
  printf "best of %d runs each; load average now %s\n", rep, l
}'
[ "$same" = yes ]
