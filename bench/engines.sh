#!/usr/bin/env bash
# Both engines on the same input: bench/engines.sh N [SPARK_MASTER]
# Generates N documents (once; kept in the work folder), then runs the whole default pipeline on it with
# --engine duckdb and with --engine spark (SPARK_MASTER, default local[*]), each in its own process through
# ./mongo-latest, with the same --memory (BENCH_MEMORY, default 2GB). Prints each step's seconds from the run
# report, the whole process's wall time and peak RSS, the Spark / DuckDB ratios, whether the two reports
# agree (input accounting and rows of every step), and the load of the machine before and after.
# Work files go to bench/out/ (or $BENCH_DIR). Asserts nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:?usage: bench/engines.sh N [SPARK_MASTER]}"
master="${2:-local[*]}"
memory="${BENCH_MEMORY:-2GB}"
work="${BENCH_DIR:-$root/bench/out}"
export_date=2024-03-04
mkdir -p "$work"

# Both classpaths built before anything is timed.
"$root/mongo-latest" --version >/dev/null
"$root/mongo-latest" run --engine spark --help >/dev/null

input="$work/input-$n"
if [ ! -f "$input/.complete" ]; then
  rm -rf "$input"
  echo "generating $n documents into $input" >&2
  "$root/mongo-latest" generate --out "$input" --docs "$n" --seed 3 --export-date "$export_date" \
    --state-dir "$work/state" >&2
  touch "$input/.complete"
fi

load_before="$(uptime)"
for engine in duckdb spark; do
  base="$work/engines-$engine"
  rm -rf "$base"
  mkdir -p "$base"
  extra=()
  [ "$engine" = spark ] && extra=(--spark-master "$master")
  echo "running the pipeline on $engine" >&2
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$base/peak_rss_kb" "$root/mongo-latest" run --engine "$engine" "${extra[@]}" \
    --memory "$memory" --correlation-id bench --export-date "$export_date" --input "$input" \
    --warehouse "$base/warehouse" --state-dir "$base/state" >"$base/run.log" 2>&1 \
    || { echo "the $engine run failed; see $base/run.log" >&2; exit 1; }
  echo $(( ($(date +%s%N) - start) / 1000000 )) >"$base/wall_ms"
  "$root/mongo-latest" report --correlation-id bench --state-dir "$base/state" --format json \
    >"$base/report.json"
done
load_after="$(uptime)"

python3 - "$work" "$n" "$master" "$memory" "$load_before" "$load_after" <<'PY'
import json, sys
work, n, master, memory, before, after = sys.argv[1:]
runs = {}
for e in ("duckdb", "spark"):
    base = f"{work}/engines-{e}"
    runs[e] = {"report": json.load(open(f"{base}/report.json")),
               "wall": int(open(f"{base}/wall_ms").read()) / 1000,
               "rss": int(open(f"{base}/peak_rss_kb").read()) / 1024}
steps = [s["Name"] for s in runs["duckdb"]["report"]["Steps"]]
def secs(e, name):
    return next(s["Duration_Seconds"] for s in runs[e]["report"]["Steps"] if s["Name"] == name)
def ratio(a, b):
    return f"{b / a:6.2f}" if a > 0 else "     -"
print(f"documents: {int(n):,}; memory {memory}; Spark master {master}")
print(f"{'step':<26}{'duckdb s':>10}{'spark s':>10}{'spark/duckdb':>14}")
for name in steps:
    d, s = secs("duckdb", name), secs("spark", name)
    print(f"{name:<26}{d:>10.1f}{s:>10.1f}{ratio(d, s):>14}")
d, s = runs["duckdb"]["wall"], runs["spark"]["wall"]
print(f"{'whole process (wall)':<26}{d:>10.1f}{s:>10.1f}{ratio(d, s):>14}")
d, s = runs["duckdb"]["rss"], runs["spark"]["rss"]
print(f"{'peak RSS (MB)':<26}{d:>10.0f}{s:>10.0f}{ratio(d, s):>14}")
same = all(a["Status"] == b["Status"] and a["Rows"] == b["Rows"] and a["Detail"] == b["Detail"]
           for a, b in zip(runs["duckdb"]["report"]["Steps"], runs["spark"]["report"]["Steps"]))
print(f"same report (status, rows and detail of every step): {'yes' if same else 'NO'}")
print(f"load before: {before.strip()}")
print(f"load after:  {after.strip()}")
PY
