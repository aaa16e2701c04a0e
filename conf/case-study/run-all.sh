#!/usr/bin/env bash
# Runs the whole case study: every configuration in this folder, each into OUTPUT/<name>. Then
# `spark-job/bin/tea report --input OUTPUT --output DIR` makes its report (notebooks-export/regenerate.sh does both).
# Usage: conf/case-study/run-all.sh OUTPUT [extra tea run options, e.g. --set study.days=60]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:?usage: run-all.sh OUTPUT [tea run options]}"
shift
mkdir -p "$out"
for cfg in "$here"/*.properties; do
  name="$(basename "$cfg" .properties)"
  echo "== $name" >&2
  "$root/spark-job/bin/tea" run --config "$cfg" --output "$out/$name" --overwrite --quiet "$@"
done
