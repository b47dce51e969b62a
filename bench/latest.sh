#!/usr/bin/env bash
# Benchmark of the latest build: bench/latest.sh N [MEMORY]
# Generates N documents (once; kept in the work folder), then measures, each in its own process:
# the mongo-latest-build step over them, and one plain DuckDB query per collection doing the same dedup
# over the same files (the baseline), with the same memory limit. Prints records/s of both, the ratio
# and each one's peak RSS. Each is run BENCH_REPEAT times (default 2), alternately; the best time counts,
# as this is meant to compare the two on a machine whose speed varies.
# Work files go to bench/out/ (or $BENCH_DIR). JVM options: $BENCH_JAVA_OPTS (default: the launcher's).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:?usage: bench/latest.sh N [MEMORY]}"
memory="${2:-2GB}"
repeat="${BENCH_REPEAT:-2}"
work="${BENCH_DIR:-$root/bench/out}"
jar="$root/cli/target/mongo-latest.jar"
export_date=2024-03-04
mkdir -p "$work"

(cd "$root" && mvn -o -B -q -DskipTests package)

input="$work/input-$n"
if [ ! -f "$input/.complete" ]; then
  rm -rf "$input"
  echo "generating $n documents into $input" >&2
  java -jar "$jar" generate --out "$input" --docs "$n" --export-date "$export_date" --state-dir "$work/state" >&2
  touch "$input/.complete"
fi

# Runs a command with its peak RSS (kB) written to $1.rss: from /usr/bin/time, else by sampling VmHWM.
measure() {
  local log="$1"; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak_rss_kb=%M" -o "$log.rss" "$@" >"$log" 2>"$log.err"
  else
    "$@" >"$log" 2>"$log.err" & local pid=$! peak=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${v:-0}" -gt "$peak" ] && peak=$v
      sleep 0.2
    done
    wait "$pid"
    echo "peak_rss_kb=$peak" >"$log.rss"
  fi
}

field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1" | head -1; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

# shellcheck disable=SC2206
java_opts=(${BENCH_JAVA_OPTS:-${MONGO_LATEST_JAVA_OPTS:-}} -cp "$jar")
build_s="" base_s="" build_rss="" base_rss=""
for i in $(seq 1 "$repeat"); do
  rm -rf "$work/warehouse" "$work/baseline"
  echo "run $i/$repeat: mongo-latest-build, memory $memory" >&2
  measure "$work/build.log" java "${java_opts[@]}" "$root/bench/LatestBench.java" build "$input" "$work/warehouse" "$export_date" "$memory"
  echo "run $i/$repeat: baseline DuckDB query, memory $memory" >&2
  measure "$work/baseline.log" java "${java_opts[@]}" "$root/bench/LatestBench.java" baseline "$input" "$work/baseline" "$export_date" "$memory"
  records=$(field "$work/build.log" records)
  build_s=$(min "$build_s" "$(field "$work/build.log" seconds)")
  base_s=$(min "$base_s" "$(field "$work/baseline.log" seconds)")
  build_rss=$(max "$build_rss" "$(field "$work/build.log.rss" peak_rss_kb)")
  base_rss=$(max "$base_rss" "$(field "$work/baseline.log.rss" peak_rss_kb)")
  echo "  build $(field "$work/build.log" seconds) s, baseline $(field "$work/baseline.log" seconds) s" >&2
done
rm -rf "$work/warehouse" "$work/baseline"

awk -v n="$records" -v b="$build_s" -v d="$base_s" -v br="$build_rss" -v dr="$base_rss" -v m="$memory" \
    -v r="$repeat" -v opts="${java_opts[*]:0:${#java_opts[@]}-2}" 'BEGIN {
  printf "documents (input lines):   %d\n", n
  printf "mongo-latest-build:        %.1f s, %.0f records/s, peak RSS %.0f MB\n", b, n / b, br / 1024
  printf "baseline DuckDB query:     %.1f s, %.0f records/s, peak RSS %.0f MB\n", d, n / d, dr / 1024
  printf "ratio (build time / baseline time): %.2f\n", b / d
  printf "memory limit %s; best of %d runs each; JVM options: %s\n", m, r, (opts == "" ? "none" : opts)
}'
