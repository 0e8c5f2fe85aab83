#!/usr/bin/env bash
# The sweep that sets the default strengths (docs/RESULTS.md "Default strengths"): MLP and LeNet-5 on full MNIST,
# 5 epochs, seeds 1 and 2; vanilla, BEAN-1 and BEAN-2 over their α grids (paper normalisation), dropout, l2, l1.
# Resumable: a finished run (report.json) is skipped, a started one is resumed; kill it and run it again at will.
# Several copies may run at once (e.g. "sweep-defaults.sh mlp lenet5 & sweep-defaults.sh lenet5 mlp &"): each run
# is taken under a lock folder, so no two processes train the same run. After a hard kill (a session ending),
# remove the stale locks first: find runs/sweep -name "*.lock" -type d -delete
# Each finished run's report.json and metrics.jsonl are copied to docs/results/sweep/ (small files to commit).
#   scripts/sweep-defaults.sh [MODEL ...]          (default: mlp lenet5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${BEAN_RUNS:-$root/runs/sweep}"
results="${BEAN_RESULTS:-$root/docs/results/sweep}"
# shellcheck source=grid-lock.sh
. "$root/scripts/grid-lock.sh"
if [ $# -gt 0 ]; then models=("$@"); else models=(mlp lenet5); fi

configs=(
  "vanilla|--reg none"
  "bean1-a1|--reg bean1 --alpha 1" "bean1-a10|--reg bean1 --alpha 10" "bean1-a100|--reg bean1 --alpha 100"
  "bean1-a1000|--reg bean1 --alpha 1000" "bean1-a10000|--reg bean1 --alpha 10000"
  "bean2-a10|--reg bean2 --alpha 10" "bean2-a100|--reg bean2 --alpha 100" "bean2-a1000|--reg bean2 --alpha 1000"
  "bean2-a10000|--reg bean2 --alpha 10000" "bean2-a100000|--reg bean2 --alpha 100000"
  "dropout-p0.25|--reg dropout --dropout 0.25" "dropout-p0.5|--reg dropout --dropout 0.5"
  "l2-1e-5|--reg l2 --l2 1e-5" "l2-1e-4|--reg l2 --l2 1e-4" "l2-1e-3|--reg l2 --l2 1e-3"
  "l1-1e-6|--reg l1 --l1 1e-6" "l1-1e-5|--reg l1 --l1 1e-5" "l1-1e-4|--reg l1 --l1 1e-4"
)

for model in "${models[@]}"; do
  for seed in 1 2; do
    for entry in "${configs[@]}"; do
      name="${entry%%|*}"
      flags="${entry#*|}"
      run="$runs/$model/$name-s$seed"
      keep="$results/$model/$name-s$seed"
      if [ -f "$run/report.json" ]; then
        continue
      fi
      mkdir -p "$(dirname "$run")"
      take "$run" || continue   # another process has it
      resume=()
      [ -f "$run/config.json" ] && resume=(--resume)
      echo "sweep: $model $name seed $seed" >&2
      # shellcheck disable=SC2086
      step "$root/bean" train --model "$model" --dataset mnist --epochs 5 --seed "$seed" --threads "${BEAN_THREADS:-1}" \
        $flags --out "$run" "${resume[@]}" 2> "$run.log" > /dev/null || { echo "sweep: $model $name failed (see $run.log)" >&2; exit 1; }
      mkdir -p "$keep"
      cp "$run/report.json" "$run/metrics.jsonl" "$keep/"
      rm -f "$run.log"
      release
    done
  done
done
echo "sweep: complete" >&2
