#!/usr/bin/env bash
# LeNet-5 at lr 1e-3 (its default learning rate): vanilla, BEAN-1 at α 1e3 and 100, BEAN-2 at α 1e5 and 1e4, and the
# baselines at their default strengths; full MNIST, 5 epochs, seeds 1 and 2 (docs/RESULTS.md "Learning rate").
# Resumable: finished runs (report.json) are skipped, started ones resumed. Copies each report.json and
# metrics.jsonl to docs/results/lenet-lr1e-3/lenet5/. Runs the app jar built by ./bean (set BEAN_JAR to freeze a copy).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ -z "${BEAN_JAR:-}" ]; then
  ./bean --version >/dev/null   # builds the app when its sources changed
fi
jar="${BEAN_JAR:-$(ls tf-models/target/bean-tf-models-*.jar | head -1)}"
for entry in "vanilla|--reg none" "bean1-a1000|--reg bean1 --alpha 1000" "bean2-a100000|--reg bean2 --alpha 100000" \
    "bean1-a100|--reg bean1 --alpha 100" "bean2-a10000|--reg bean2 --alpha 10000" \
    "dropout-p0.5|--reg dropout --dropout 0.5" "l2-1e-3|--reg l2 --l2 1e-3" "l1-1e-4|--reg l1 --l1 1e-4"; do
  for seed in 1 2; do
    name="${entry%%|*}"; flags="${entry#*|}"
    run=runs/lenet-lr1e-3/$name-s$seed
    if [ ! -f $run/report.json ]; then
      resume=(); [ -d $run ] && resume=(--resume)
      TF_CPP_MIN_LOG_LEVEL=2 TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}" java -jar "$jar" train --model lenet5 --dataset mnist --epochs 5 --lr 1e-3 --seed $seed \
        --threads 1 $flags --out $run "${resume[@]}" 2>&1 | tr "\r" "\n" | grep -v "^ *$" | tail -3
    fi
    if [ -f $run/report.json ]; then
      mkdir -p docs/results/lenet-lr1e-3/lenet5/$name-s$seed
      cp $run/report.json $run/metrics.jsonl docs/results/lenet-lr1e-3/lenet5/$name-s$seed/
    fi
  done
done
