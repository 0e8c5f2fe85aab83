#!/usr/bin/env bash
# Runs the few-shot grid of Table 1 (docs/RESULTS.md "Few-shot learning (Table 1)") into a store under runs/,
# from a frozen copy of the application, so editing and rebuilding the sources never touches a running grid.
# Resumable: kill it at any time and run the same command again; finished lines are skipped. In a fresh checkout
# (runs/ is not committed) the store starts from the committed lines in docs/results/fewshot/<protocol>/.
#   scripts/fewshot-grid.sh strict            the full strict grid: 2 datasets x 1,5,10,20 shots x 8 methods x 20 draws
#   scripts/fewshot-grid.sh authors           MNIST 1- and 10-shot, vanilla, BEAN-1, BEAN-2, 10 draws
# Every finished (dataset, shots, method) block rewrites the store's table.md; scripts/fewshot-grid.sh copy
# copies results.jsonl, tuning.jsonl and table.md of both stores to docs/results/fewshot/ (small files to commit).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${BEAN_RUNS:-$root/runs}"
results="$root/docs/results/fewshot"

case "${1:-}" in
  strict)
    args=(--dataset mnist,fashion-mnist --shots 1,5,10,20 --draws 0..19 --protocol strict
      --methods vanilla,dropout,l2,l1,bean1,bean2,knn,kernel-ridge --out "$runs/fewshot-strict") ;;
  authors)
    args=(--dataset mnist --shots 1,10 --draws 0..9 --protocol authors --methods vanilla,bean1,bean2
      --out "$runs/fewshot-authors") ;;
  copy)
    for protocol in strict authors; do
      store="$runs/fewshot-$protocol"
      [ -d "$store" ] || continue
      mkdir -p "$results/$protocol"
      for f in settings.json results.jsonl tuning.jsonl table.md; do
        [ -f "$store/$f" ] && cp "$store/$f" "$results/$protocol/"
      done
    done
    exit 0 ;;
  *) echo "usage: scripts/fewshot-grid.sh strict|authors|copy" >&2; exit 2 ;;
esac

store="${args[-1]}"
committed="$results/$1"
if [ ! -d "$store" ] && [ -f "$committed/settings.json" ]; then
  mkdir -p "$store.tmp"
  for f in settings.json results.jsonl tuning.jsonl; do
    [ -f "$committed/$f" ] && cp "$committed/$f" "$store.tmp/"
  done
  mv "$store.tmp" "$store"
fi

app="$runs/fewshot-app"
if [ ! -d "$app" ]; then
  (cd "$root" && mvn -B -q -pl tf-models -am -DskipTests package)
  mkdir -p "$app.tmp"
  cp -r "$root"/tf-models/target/bean-tf-models-*.jar "$root/tf-models/target/lib" "$app.tmp/"
  git -C "$root" rev-parse HEAD > "$app.tmp/commit"
  mv "$app.tmp" "$app"
fi
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
# oneDNN's kernels: LeNet-5 trains 3-4x faster with them (README "Performance"); 0 gives TensorFlow's own
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
exec java -jar "$(ls "$app"/bean-tf-models-*.jar | head -n 1)" fewshot "${args[@]}"
