#!/usr/bin/env bash
# Benchmark of a whole run: bench/latest.sh N [MEMORY]
# Generates N documents (seed 3, once; kept in the work folder), then measures, each in its own process:
#   floor     reading every selected byte once (gzip inflated), one thread: the least a build can cost;
#   baseline  one plain DuckDB query per collection doing the same dedup over the same files;
#   run       `mongo-latest run` over them with --memory MEMORY (default: the tool's default): its build and
#             publish steps (from the run report), the whole process and its peak RSS.
# Each is run BENCH_REPEAT times (default 2), alternately; every figure is printed with the load average at
# its start, then the best time of each and the ratios build/floor and publish/build.
# Work files go to bench/out/ (or $BENCH_DIR). JVM options: $MONGO_LATEST_JAVA_OPTS, as for the launcher.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:?usage: bench/latest.sh N [MEMORY]}"
memory="${2:-}"
repeat="${BENCH_REPEAT:-2}"
work="${BENCH_DIR:-$root/bench/out}"
export_date=2026-11-20
# shellcheck source=bench/input.sh
. "$root/bench/input.sh"
field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1" | head -1; }
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
most() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }
# The seconds of step $2 in the run report (JSON) $1.
step_seconds() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(next(s["Duration_Seconds"] for s in d["Steps"] if s["Name"] == sys.argv[2]))' "$1" "$2"
}

mem_opt=()
[ -n "$memory" ] && mem_opt=(--memory "$memory")
floor_s="" base_s="" build_s="" publish_s="" run_s="" rss_kb=""
for i in $(seq 1 "$repeat"); do
  l=$(load)
  java -cp "$jar" "$root/bench/LatestBench.java" floor "$input" "$export_date" >"$work/floor.log"
  echo "run $i/$repeat: floor $(field "$work/floor.log" seconds) s (load $l)" >&2
  floor_s=$(best "$floor_s" "$(field "$work/floor.log" seconds)")

  rm -rf "$work/baseline"; l=$(load)
  java -cp "$jar" "$root/bench/LatestBench.java" baseline "$input" "$work/baseline" "$export_date" "${memory:-2GB}" \
    >"$work/baseline.log"
  echo "run $i/$repeat: DuckDB baseline $(field "$work/baseline.log" seconds) s (load $l)" >&2
  base_s=$(best "$base_s" "$(field "$work/baseline.log" seconds)")
  rm -rf "$work/baseline"

  rm -rf "$work/warehouse" "$work/run-state"; l=$(load)
  /usr/bin/time -f "seconds=%e peak_rss_kb=%M" -o "$work/run.time" "$root/mongo-latest" run --correlation-id "bench-$i" \
    --export-date "$export_date" --input "$input" --warehouse "$work/warehouse" --state-dir "$work/run-state" \
    "${mem_opt[@]}" >"$work/run.log" 2>&1 || { cat "$work/run.log" >&2; exit 1; }
  "$root/mongo-latest" report --correlation-id "bench-$i" --state-dir "$work/run-state" --format json >"$work/report.json"
  b=$(step_seconds "$work/report.json" mongo-latest-build)
  p=$(step_seconds "$work/report.json" mongo-latest-publish)
  r=$(field "$work/run.time" seconds)
  m=$(field "$work/run.time" peak_rss_kb)
  echo "run $i/$repeat: build $b s, publish $p s, whole run $r s, peak RSS $((m / 1024)) MB (load $l)" >&2
  build_s=$(best "$build_s" "$b"); publish_s=$(best "$publish_s" "$p"); run_s=$(best "$run_s" "$r")
  rss_kb=$(most "$rss_kb" "$m")
done
rm -rf "$work/warehouse" "$work/run-state"

awk -v n="$n" -v f="$floor_s" -v d="$base_s" -v b="$build_s" -v p="$publish_s" -v r="$run_s" -v m="$rss_kb" \
    -v mem="${memory:-default}" -v rep="$repeat" -v l="$(load)" 'BEGIN {
  printf "documents:                 %d\n", n
  printf "floor (read every byte):   %.1f s\n", f
  printf "DuckDB baseline query:     %.1f s\n", d
  printf "mongo-latest-build:        %.1f s\n", b
  printf "mongo-latest-publish:      %.1f s\n", p
  printf "whole run:                 %.1f s\n", r
  printf "peak RSS of the run:       %.0f MB (--memory %s)\n", m / 1024, mem
  printf "build / floor:             %.2f\n", b / f
  printf "publish / build:           %.2f\n", p / b
  printf "best of %d runs each (peak RSS: the highest); load average now %s\n", rep, l
}'
