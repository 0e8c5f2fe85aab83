#!/usr/bin/env bash
# The assembly-accuracy frontier (docs/RESULTS.md "Training to convergence"): MLP and LeNet-5 on MNIST, vanilla and
# BEAN over a small α grid, 5 and 50 epochs, both initialisations (--init glorot|pytorch), seeds 1 and 2. The
# 5-epoch run is a run of its own: with the same seed its first 5 epochs are the 50-epoch run's, bit for bit.
# Resumable and shareable like sweep-defaults.sh: a finished run (report.json) is skipped, a started one resumed, each
# taken under a lock folder, so two copies may run at once on two cores. After a hard kill remove stale locks:
#   find runs/frontier -name "*.lock" -type d -delete
# Runs train with a frozen copy of the application (scripts/frozen-app.sh). Each finished run's report.json and
# metrics.jsonl go to docs/results/frontier/<model>/<run>/, each analysis's analysis.json beside them.
#   scripts/frontier-grid.sh train [MODEL ...]      train (default: mlp lenet5), cheapest and most telling runs first
#   scripts/frontier-grid.sh analyze [MODEL ...]    bean analyze every finished run's last dense layer, once
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=frozen-app.sh
. "$root/scripts/frozen-app.sh"
# shellcheck source=grid-lock.sh
. "$root/scripts/grid-lock.sh"
runs="${BEAN_RUNS:-$root/runs/frontier}"
results="${BEAN_RESULTS:-$root/docs/results/frontier}"
mode="${1:-}"
shift || true
if [ $# -gt 0 ]; then models=("$@"); else models=(mlp lenet5); fi

# settings per model: name|flags. α in this project's units (paper normalisation) unless --normalization none says
# otherwise; "authors" is the authors' LeNet-5 setting (BEAN-1, α = 3 in their units, no 1/M), and the MLP's
# bean1-a30 is the same strength in ours (A¹ = FFᵀ/M with M = 10).
mlp_settings=("vanilla|--reg none" "bean1-a30|--reg bean1 --alpha 30" "bean1-a300|--reg bean1 --alpha 300"
  "bean2-a10000|--reg bean2 --alpha 10000")
lenet5_settings=("vanilla|--reg none" "authors|--reg bean1 --normalization none --alpha 3"
  "bean1-a100|--reg bean1 --alpha 100" "bean2-a100000|--reg bean2 --alpha 100000")
# the paper's last dense layer: W of LeNet-5's fc2 is its fc3 (84 x 10)
last_layer() { case "$1" in mlp) echo hidden ;; lenet5) echo fc2 ;; esac; }

# every run, in the order the grid takes them: seed 1 before seed 2, the authors' initialisation first, then each
# setting at 5 and 50 epochs
plan() {
  local model seed init entry epochs
  for seed in 1 2; do
    for model in "${models[@]}"; do
      for init in pytorch glorot; do
        local -n list="${model}_settings"
        for entry in "${list[@]}"; do
          for epochs in 5 50; do
            echo "$model|${entry%%|*}-$init-e$epochs-s$seed|${entry#*|} --init $init --epochs $epochs --seed $seed"
          done
        done
      done
    done
  done
}

case "$mode" in
  train)
    app="$(frozen_app "$root")"
    while IFS='|' read -r model name flags; do
      run="$runs/$model/$name"
      [ -f "$run/report.json" ] && continue
      mkdir -p "$(dirname "$run")"
      take "$run" || continue   # another process has it
      resume=()
      [ -f "$run/config.json" ] && resume=(--resume)
      echo "frontier: $(date -u +%H:%M) $model $name" >&2
      # shellcheck disable=SC2086
      step frozen_bean "$app" train --model "$model" --dataset mnist --lr 5e-4 --threads 1 $flags --out "$run" \
        "${resume[@]}" 2> "$run.log" > /dev/null || { echo "frontier: $model $name failed (see $run.log)" >&2; exit 1; }
      mkdir -p "$results/$model/$name"
      cp "$run/report.json" "$run/metrics.jsonl" "$results/$model/$name/"
      rm -f "$run.log"
      release
    done < <(plan)
    echo "frontier: training complete" >&2 ;;
  analyze)
    app="$(frozen_app "$root")"
    while IFS='|' read -r model name _; do
      run="$runs/$model/$name"
      keep="$results/$model/$name/analysis.json"
      [ -f "$run/report.json" ] && [ ! -f "$keep" ] || continue
      take "$run.analysis" || continue
      echo "frontier: $(date -u +%H:%M) analyze $model $name" >&2
      rm -rf "$run/analysis"
      step frozen_bean "$app" analyze --run "$run" --layer "$(last_layer "$model")" --seed 1 \
        2> "$run.analysis.log" > /dev/null || { echo "frontier: analyze $name failed (see $run.analysis.log)" >&2; exit 1; }
      cp "$run/analysis/analysis.json" "$keep"
      rm -f "$run.analysis.log"
      release
    done < <(plan)
    echo "frontier: analysis complete" >&2 ;;
  *) echo "usage: scripts/frontier-grid.sh train|analyze [mlp] [lenet5]" >&2; exit 2 ;;
esac
