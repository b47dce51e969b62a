#!/usr/bin/env bash
# What the runner's bookkeeping costs per step: ledger writes (step start and end), lease heartbeat,
# metrics calls and planning, measured against the steps' own work.
#
#   bench/bookkeeping.sh [STEPS] [LEDGER]       e.g. bench/bookkeeping.sh 200
#                                               LEDGER: sqlite (default) or dynamodb:TABLE with
#                                               DYNAMODB_ENDPOINT=http://127.0.0.1:4567 set
#                                               (a dynalite; the table made with ledger init --no-ttl)
#
# A product of STEPS trivial SQL steps runs once; the report's timestamps give the whole attempt's time
# (Started_At to Updated_At) and each step's own time. Their difference, divided by the steps, is the
# bookkeeping per step. Prints figures; asserts nothing.
set -euo pipefail
steps="${1:-200}"
ledger="${2:-sqlite}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/mongo-latest" --version >/dev/null   # builds the jar if needed

mkdir -p "$work/product/steps" "$work/input/full/2026-01-01_00-00-00/core/contract"
{
  echo 'data_product: BOOKKEEPING_BENCH'
  echo 'version: "1"'
  echo 'steps:'
  for i in $(seq -w 1 "$steps"); do
    echo "  - name: step-$i"
    echo "    sql: true"
    mkdir -p "$work/product/steps/step-$i"
    echo "SELECT 1;" > "$work/product/steps/step-$i/a.sql"
  done
} > "$work/product/pipeline.yaml"
echo '{"_id": {"id": "1"}, "_lastModifiedDateTime": "2026-01-01T00:00:00.000Z"}' \
  > "$work/input/full/2026-01-01_00-00-00/core/contract/part-0.json"

ledger_args=(--state-dir "$work/state")
if [ "$ledger" != "sqlite" ]; then
  ledger_args+=(--ledger "$ledger" --dynamodb-endpoint "${DYNAMODB_ENDPOINT:?set DYNAMODB_ENDPOINT}")
fi

start=$(date +%s%N)
"$root/mongo-latest" run --correlation-id bench "${ledger_args[@]}" --product "$work/product" \
  --input "$work/input" --warehouse "$work/warehouse" --export-date 2026-01-02 >/dev/null
end=$(date +%s%N)
"$root/mongo-latest" report --correlation-id bench "${ledger_args[@]}" --product "$work/product" \
  --format json > "$work/report.json"

python3 - "$work/report.json" "$steps" "$(( (end - start) / 1000000 ))" "$ledger" <<'PY'
import json, sys, datetime
report = json.load(open(sys.argv[1])); steps = int(sys.argv[2]); process_ms = int(sys.argv[3])
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
attempt_ms = (t(report["Updated_At"]) - t(report["Started_At"])).total_seconds() * 1000
work_ms = sum(s["Duration_Seconds"] * 1000 for s in report["Steps"])
first_ms = (t(report["Steps"][0]["Started_At"]) - t(report["Started_At"])).total_seconds() * 1000
print(f"ledger:                      {sys.argv[4]}")
print(f"steps:                       {steps}")
print(f"process wall time:           {process_ms} ms (JVM start, planning, engine open, run)")
print(f"attempt (lease to release):  {attempt_ms:.0f} ms")
print(f"steps' own work:             {work_ms:.0f} ms ({work_ms / steps:.2f} ms per step)")
print(f"lease to first step:         {first_ms:.1f} ms (engine open included)")
print(f"bookkeeping per step:        {(attempt_ms - work_ms - first_ms) / steps:.2f} ms")
print(f"bookkeeping share of attempt: {100 * (attempt_ms - work_ms) / attempt_ms:.0f} %")
PY
