#!/usr/bin/env bash
# Runs the few-shot grid of Table 1 (docs/RESULTS.md "Few-shot learning (Table 1)") into a store under runs/,
# from a frozen copy of the application, so editing and rebuilding the sources never touches a running grid.
# Resumable: kill it at any time and run the same command again; finished lines are skipped. In a fresh checkout
# (runs/ is not committed) a store starts from the committed lines in docs/results/fewshot/<protocol>/.
#   scripts/fewshot-grid.sh strict            the full strict grid: 2 datasets x 1,5,10,20 shots x 8 methods x 20 draws
#   scripts/fewshot-grid.sh strict DATASET    only DATASET's half, into its own store: run one per dataset at once
#                                             to use two cores (TensorFlow runs each cell on one thread)
#   scripts/fewshot-grid.sh authors           MNIST 1- and 10-shot, vanilla, BEAN-1, BEAN-2, 10 draws
#   scripts/fewshot-grid.sh merge             adds the per-dataset stores' lines to the strict store and writes its
#                                             table.md (safe while the halves run: it trains nothing)
#   scripts/fewshot-grid.sh copy              copies results.jsonl, tuning.jsonl and table.md of the strict and
#                                             authors stores to docs/results/fewshot/ (small files to commit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${BEAN_RUNS:-$root/runs}"
results="$root/docs/results/fewshot"
strict=(--shots 1,5,10,20 --draws 0..19 --protocol strict --methods vanilla,dropout,l2,l1,bean1,bean2,knn,kernel-ridge)

# Copies the committed lines of $1 (a protocol), those of dataset $3 only if given, into a new store $2.
seed_store() {
  local committed="$results/$1" store="$2" dataset="${3:-}"
  [ ! -d "$store" ] && [ -f "$committed/settings.json" ] || return 0
  mkdir -p "$store.tmp"
  cp "$committed/settings.json" "$store.tmp/"
  for f in results.jsonl tuning.jsonl; do
    [ -f "$committed/$f" ] || continue
    if [ -n "$dataset" ]; then
      grep -F "\"dataset\":\"$dataset\"" "$committed/$f" > "$store.tmp/$f" || true
    else
      cp "$committed/$f" "$store.tmp/"
    fi
  done
  mv "$store.tmp" "$store"
}

case "${1:-}" in
  strict)
    if [ -n "${2:-}" ]; then
      case "$2" in mnist|fashion-mnist) ;; *) echo "fewshot-grid: unknown dataset '$2' (mnist or fashion-mnist)" >&2; exit 2 ;; esac
      args=(--dataset "$2" "${strict[@]}" --out "$runs/fewshot-strict-$2")
      seed_store strict "${args[-1]}" "$2"
    else
      args=(--dataset mnist,fashion-mnist "${strict[@]}" --out "$runs/fewshot-strict")
      seed_store strict "${args[-1]}"
    fi ;;
  authors)
    args=(--dataset mnist --shots 1,10 --draws 0..9 --protocol authors --methods vanilla,bean1,bean2
      --out "$runs/fewshot-authors")
    seed_store authors "${args[-1]}" ;;
  merge)
    store="$runs/fewshot-strict"
    seed_store strict "$store"
    for dataset in mnist fashion-mnist; do
      half="$runs/fewshot-strict-$dataset"
      [ -d "$half" ] || continue
      mkdir -p "$store"
      [ -f "$store/settings.json" ] || cp "$half/settings.json" "$store/"
      if ! cmp -s "$half/settings.json" "$store/settings.json"; then
        echo "fewshot-grid: $half was made with other settings than $store" >&2; exit 2
      fi
      for f in results.jsonl tuning.jsonl; do
        [ -f "$half/$f" ] || continue
        touch "$store/$f"
        # lines the store lacks, in the half's order
        grep -vxF -f "$store/$f" "$half/$f" >> "$store/$f" || true
      done
    done
    # table.md covers every line of the store, whatever the plan: the plan of one cheap cell (1-NN, no network,
    # already in the halves) renders it without training anything, even while the halves are still running
    args=(--dataset mnist --shots 1 --draws 0..19 --protocol strict --methods knn --out "$store") ;;
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
  *) echo "usage: scripts/fewshot-grid.sh strict [mnist|fashion-mnist] | authors | merge | copy" >&2; exit 2 ;;
esac

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
