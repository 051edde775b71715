#!/usr/bin/env bash
# Extract the development set and score it: bash benchmarks/dev_score.sh [--errors]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
gold=${GOLD_DIR:-$here/../shared/gold/seeds}
out=$(mktemp -d)
"$here/.venv/bin/reviewer" extract "$gold"/*.txt -o "$out" >/dev/null
python3 "$gold/../score.py" "$gold" "$out" "$@"
rm -rf "$out"
