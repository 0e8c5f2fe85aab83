#!/usr/bin/env bash
# Runs the few-shot grid of Table 1 (docs/RESULTS.md "Few-shot learning (Table 1)") into a store under runs/,
# from a frozen copy of the application, so editing and rebuilding the sources never touches a running grid (to run
# a changed grid, remove runs/fewshot-app once no grid is running: the next run rebuilds it).
# Resumable: kill it at any time and run the same command again; finished lines are skipped. In a fresh checkout
# (runs/ is not committed) a store starts from the committed lines in docs/results/fewshot/<protocol>/.
#   scripts/fewshot-grid.sh strict            the full strict grid: 2 datasets x 1,5,10,20 shots x 8 methods x 20 draws
#   scripts/fewshot-grid.sh strict DATASET    only DATASET's half (mnist or fashion-mnist), into its own store: run
#                                             both halves at once to use two cores (each cell runs on one thread)
#   scripts/fewshot-grid.sh authors           MNIST 1- and 10-shot, vanilla, dropout, BEAN-1, BEAN-2, 10 draws
#   scripts/fewshot-grid.sh authors SHOTS     only the SHOTS (1 or 10) half, into its own store
#   scripts/fewshot-grid.sh merge PROTOCOL    adds the halves' lines to the protocol's store and writes its table.md
#                                             (safe while the halves run: it trains nothing)
#   scripts/fewshot-grid.sh copy              copies results.jsonl, tuning.jsonl and table.md of the strict and
#                                             authors stores to docs/results/fewshot/ (small files to commit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${BEAN_RUNS:-$root/runs}"
results="$root/docs/results/fewshot"
strict=(--shots 1,5,10,20 --draws 0..19 --protocol strict --methods vanilla,dropout,l2,l1,bean1,bean2,knn,kernel-ridge)
authors=(--draws 0..9 --protocol authors --methods vanilla,dropout,bean1,bean2)

# Copies the committed lines of $1 (a protocol) into a new store $2; only those holding the text $3 if given.
seed_store() {
  local committed="$results/$1" store="$2" filter="${3:-}"
  [ ! -d "$store" ] && [ -f "$committed/settings.json" ] || return 0
  mkdir -p "$store.tmp"
  cp "$committed/settings.json" "$store.tmp/"
  for f in results.jsonl tuning.jsonl; do
    [ -f "$committed/$f" ] || continue
    # an empty filter matches every line
    grep -F -- "$filter" "$committed/$f" > "$store.tmp/$f" || true
  done
  mv "$store.tmp" "$store"
}

case "${1:-}" in
  strict)
    if [ -n "${2:-}" ]; then
      case "$2" in mnist|fashion-mnist) ;; *) echo "fewshot-grid: unknown dataset '$2' (mnist or fashion-mnist)" >&2; exit 2 ;; esac
      args=(--dataset "$2" "${strict[@]}" --out "$runs/fewshot-strict-$2")
      seed_store strict "${args[-1]}" "\"dataset\":\"$2\""
    else
      args=(--dataset mnist,fashion-mnist "${strict[@]}" --out "$runs/fewshot-strict")
      seed_store strict "${args[-1]}"
    fi ;;
  authors)
    if [ -n "${2:-}" ]; then
      case "$2" in 1|10) ;; *) echo "fewshot-grid: the authors' grid has 1 and 10 shots, not '$2'" >&2; exit 2 ;; esac
      args=(--dataset mnist --shots "$2" "${authors[@]}" --out "$runs/fewshot-authors-$2")
      seed_store authors "${args[-1]}" "\"shots\":$2,"
    else
      args=(--dataset mnist --shots 1,10 "${authors[@]}" --out "$runs/fewshot-authors")
      seed_store authors "${args[-1]}"
    fi ;;
  merge)
    protocol="${2:-}"
    case "$protocol" in
      strict) halves=(mnist fashion-mnist); cell=(--dataset mnist --shots 1 --draws 0..19 --methods knn) ;;
      # the authors' grid has no network-free row: its cheapest cell is a finished 1-shot vanilla block
      authors) halves=(1 10); cell=(--dataset mnist --shots 1 --draws 0..9 --methods vanilla) ;;
      *) echo "usage: scripts/fewshot-grid.sh merge strict|authors" >&2; exit 2 ;;
    esac
    store="$runs/fewshot-$protocol"
    seed_store "$protocol" "$store"
    for name in "${halves[@]}"; do
      half="$runs/fewshot-$protocol-$name"
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
    # table.md covers every line of the store, whatever the plan: the plan of one finished cell renders it without
    # training anything, even while the halves are still running
    args=("${cell[@]}" --protocol "$protocol" --out "$store") ;;
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
  *) echo "usage: scripts/fewshot-grid.sh strict [mnist|fashion-mnist] | authors [1|10] | merge strict|authors | copy" >&2
     exit 2 ;;
esac

app="$runs/fewshot-app"
if [ ! -d "$app" ]; then
  (cd "$root" && mvn -B -q -pl tf-models -am -DskipTests package)
  mkdir -p "$app.tmp"
  cp -r "$root"/tf-models/target/bean-tf-models-*.jar "$root/tf-models/target/lib" "$app.tmp/"
  git -C "$root" rev-parse HEAD > "$app.tmp/commit"
  mv "$app.tmp" "$app"
elif ! git -C "$root" diff --quiet "$(cat "$app/commit")" HEAD -- \
    pom.xml tf-data tf-bean savedmodels tf-models 2>/dev/null; then
  # a grid keeps one build; say so when the sources have moved on (after a change of the grid itself the store
  # refuses the old app's settings anyway)
  echo "fewshot-grid: note: $app was built at $(cut -c1-7 "$app/commit"); the sources have changed since" \
    "(remove it to rebuild, once no grid is running)" >&2
fi
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
# oneDNN's kernels: LeNet-5 trains 3-4x faster with them (README "CPU performance: oneDNN"); 0 gives TensorFlow's own
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
exec java -jar "$(ls "$app"/bean-tf-models-*.jar | head -n 1)" fewshot "${args[@]}"
