#!/usr/bin/env bash
# Regenerates the committed reports from fresh runs: the case study (22 runs, about 25 min on 2 cores) and the
# Monte Carlo study (50 scenarios, about 5 min). Runs go to RUNS (default runs/), reports to notebooks-export/.
# Usage: notebooks-export/regenerate.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-$root/runs}"
tea="$root/spark-job/bin/tea"

"$root/conf/case-study/run-all.sh" "$runs/case-study"
"$tea" report --input "$runs/case-study" --output "$root/notebooks-export/case-study" --overwrite

"$tea" run --config "$root/conf/monte-carlo.properties" --output "$runs/monte-carlo" --overwrite --quiet
"$tea" report --input "$runs/monte-carlo" --output "$root/notebooks-export/monte-carlo" --overwrite
