#!/usr/bin/env bash
# The pruning experiment (docs/RESULTS.md "Structured pruning"): does BEAN buy more removable neurons at equal
# accuracy? MLP and LeNet-5 on MNIST and Fashion-MNIST, vanilla, weight decay, ℓ1, dropout, BEAN-1 and BEAN-2 at
# their default strengths, 5 epochs, seeds 1 and 2; each run then pruned by magnitude of |tanh(γw)| to a ladder of
# sparsities (bean prune --sparsity), without and with one epoch of masked fine-tuning.
# Resumable and shareable like frontier-grid.sh (lock folders; a finished step is skipped). After a hard kill:
#   find runs/prune -name "*.lock" -type d -delete
# Runs train and prune with a frozen copy of the application (scripts/frozen-app.sh). Each finished run's
# report.json and each pruning's pruning.json go to docs/results/prune/<dataset>/<model>/<run>/.
#   scripts/prune-grid.sh train [DATASET/MODEL ...]   (default: mnist/mlp fashion-mnist/mlp mnist/lenet5 fashion-mnist/lenet5)
#   scripts/prune-grid.sh prune [DATASET/MODEL ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=frozen-app.sh
. "$root/scripts/frozen-app.sh"
# shellcheck source=grid-lock.sh
. "$root/scripts/grid-lock.sh"
runs="${BEAN_RUNS:-$root/runs/prune}"
results="${BEAN_RESULTS:-$root/docs/results/prune}"
mode="${1:-}"
shift || true
if [ $# -gt 0 ]; then cells=("$@"); else cells=(mnist/mlp fashion-mnist/mlp mnist/lenet5 fashion-mnist/lenet5); fi
settings=("vanilla|--reg none" "l2|--reg l2" "l1|--reg l1" "dropout|--reg dropout" "bean1|--reg bean1"
  "bean2|--reg bean2")
# every run at each sparsity without fine-tuning, and at two of them with one epoch of masked fine-tuning
prunings=("s0.5|--sparsity 0.5" "s0.8|--sparsity 0.8" "s0.9|--sparsity 0.9" "s0.95|--sparsity 0.95"
  "s0.98|--sparsity 0.98" "s0.9-ft1|--sparsity 0.9 --fine-tune-epochs 1" "s0.98-ft1|--sparsity 0.98 --fine-tune-epochs 1")

plan() {
  local seed cell entry
  for seed in 1 2; do
    for cell in "${cells[@]}"; do
      for entry in "${settings[@]}"; do
        echo "$cell|${entry%%|*}-s$seed|${entry#*|} --seed $seed"
      done
    done
  done
}

case "$mode" in
  train)
    app="$(frozen_app "$root")"
    while IFS='|' read -r cell name flags; do
      run="$runs/$cell/$name"
      [ -f "$run/report.json" ] && continue
      mkdir -p "$(dirname "$run")"
      take "$run" || continue
      resume=()
      [ -f "$run/config.json" ] && resume=(--resume)
      echo "prune-grid: $(date -u +%H:%M) train $cell $name" >&2
      # shellcheck disable=SC2086
      step frozen_bean "$app" train --dataset "${cell%/*}" --model "${cell#*/}" --epochs 5 --threads 1 $flags --out "$run" \
        "${resume[@]}" 2> "$run.log" > /dev/null || { echo "prune-grid: $cell $name failed (see $run.log)" >&2; exit 1; }
      mkdir -p "$results/$cell/$name"
      cp "$run/report.json" "$results/$cell/$name/"
      rm -f "$run.log"
      release
    done < <(plan)
    echo "prune-grid: training complete" >&2 ;;
  prune)
    app="$(frozen_app "$root")"
    failed=0
    while IFS='|' read -r cell name _; do
      run="$runs/$cell/$name"
      [ -f "$run/report.json" ] || continue
      for entry in "${prunings[@]}"; do
        label="${entry%%|*}"
        out="$run.pruned/$label"
        keep="$results/$cell/$name/pruning-$label.json"
        [ -f "$keep" ] && continue
        mkdir -p "$(dirname "$out")"
        take "$out" || continue
        echo "prune-grid: $(date -u +%H:%M) prune $cell $name $label" >&2
        rm -rf "$out"
        # shellcheck disable=SC2086
        step frozen_bean "$app" prune --run "$run" ${entry#*|} --repetitions 20 --out "$out" 2> "$out.log" > /dev/null \
          || { echo "prune-grid: prune $cell $name $label failed (see $out.log)" >&2; release; failed=$((failed + 1)); continue; }
        mkdir -p "$(dirname "$keep")"
        cp "$out/pruning.json" "$keep"
        rm -rf "$out/savedmodel" "$out.log"
        release
      done
    done < <(plan)
    if [ "$failed" -gt 0 ]; then
      echo "prune-grid: $failed prunings failed; the others are done" >&2
      exit 1
    fi
    echo "prune-grid: pruning complete" >&2 ;;
  *) echo "usage: scripts/prune-grid.sh train|prune [DATASET/MODEL ...]" >&2; exit 2 ;;
esac
