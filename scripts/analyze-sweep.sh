#!/usr/bin/env bash
# The neuronal-assembly analysis of the default-strength runs (docs/RESULTS.md "Neuronal assemblies"): bean analyze
# of MLP and LeNet-5, vanilla, dropout, L2, L1, BEAN-1 and BEAN-2 at the default strengths (Defaults), seeds 1 and 2,
# from the runs of scripts/sweep-defaults.sh. The runs are only read; each analysis goes to
# $BEAN_ANALYSES/<model>/<setting>-s<seed> (default /tmp/analysis-runs) and its analysis.json is copied to
# docs/results/analysis/<model>/<setting>-s<seed>/. Resumable: a finished analysis is skipped.
#   BEAN_RUNS=/path/to/runs/sweep scripts/analyze-sweep.sh [MODEL ...]     (default: mlp lenet5)
# BEAN_SETTINGS="bean2-a100000 ..." analyses other settings of the sweep instead of the defaults (with BEAN_ANALYSES
# and BEAN_RESULTS elsewhere, to keep them apart).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="$(cd "${BEAN_RUNS:-$root/runs/sweep}" && pwd)"
analyses="${BEAN_ANALYSES:-/tmp/analysis-runs}"
results="${BEAN_RESULTS:-$root/docs/results/analysis}"
if [ $# -gt 0 ]; then models=("$@"); else models=(mlp lenet5); fi

settings() {
  if [ -n "${BEAN_SETTINGS:-}" ]; then
    echo "$BEAN_SETTINGS"
    return
  fi
  case "$1" in
    mlp) echo "vanilla dropout-p0.5 l2-1e-4 l1-1e-5 bean1-a100 bean2-a10000" ;;
    lenet5) echo "vanilla dropout-p0.5 l2-1e-3 l1-1e-4 bean1-a1000 bean2-a100000" ;;
    *) echo "analyze-sweep: unknown model $1 (expected mlp or lenet5)" >&2; exit 2 ;;
  esac
}

# analysis.json names the run as given: relative to the folder that holds runs/sweep, not this machine's path
base="$(dirname "$(dirname "$runs")")"
for model in "${models[@]}"; do
  for seed in 1 2; do
    for name in $(settings "$model"); do
      run="${runs#"$base"/}/$model/$name-s$seed"
      out="$analyses/$model/$name-s$seed"
      if [ -f "$out/analysis.json" ]; then
        continue
      fi
      echo "analyze-sweep: $model $name seed $seed" >&2
      mkdir -p "$(dirname "$out")"
      (cd "$base" && "$root/bean" analyze --run "$run" --out "$out") > /dev/null 2> "$out.log" \
        || { echo "analyze-sweep: $model $name seed $seed failed (see $out.log)" >&2; exit 1; }
      rm -f "$out.log"
      mkdir -p "$results/$model/$name-s$seed"
      cp "$out/analysis.json" "$results/$model/$name-s$seed/"
    done
  done
done
echo "analyze-sweep: complete" >&2
