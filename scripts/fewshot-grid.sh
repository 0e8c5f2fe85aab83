#!/usr/bin/env bash
# Runs the few-shot grid of Table 1 (docs/RESULTS.md "Few-shot learning (Table 1)") into a store under runs/,
# from a frozen copy of the application, so editing and rebuilding the sources never touches a running grid (to run
# a changed grid, remove runs/fewshot-app once no grid is running: the next run rebuilds it).
# Resumable: kill it at any time and run the same command again; finished lines are skipped. In a fresh checkout
# (runs/ is not committed) a store starts from the committed lines in docs/results/fewshot/<protocol>/.
#   scripts/fewshot-grid.sh strict            the full strict grid: 2 datasets x 1,5,10,20 shots x 8 methods x 20 draws
#   scripts/fewshot-grid.sh strict K/N        shard K (from 0) of N of that grid (bean fewshot --shard K/N), into its
#                                             own store: run 0/2 and 1/2 at once to use two cores (each cell runs on
#                                             one thread)
#   scripts/fewshot-grid.sh authors           MNIST 1- and 10-shot, vanilla, dropout, BEAN-1, BEAN-2, 10 draws
#   scripts/fewshot-grid.sh authors K/N       shard K of N of the authors' grid, into its own store
#   scripts/fewshot-grid.sh merge PROTOCOL    joins the protocol's store and its shards' stores (bean fewshot merge)
#                                             into the protocol's store, with its table.md (safe while the shards
#                                             run: it trains nothing and only reads their stores)
#   scripts/fewshot-grid.sh copy              copies results.jsonl, tuning.jsonl and table.md of the strict and
#                                             authors stores to docs/results/fewshot/ (small files to commit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${BEAN_RUNS:-$root/runs}"
results="$root/docs/results/fewshot"
strict=(--shots 1,5,10,20 --draws 0..19 --protocol strict --methods vanilla,dropout,l2,l1,bean1,bean2,knn,kernel-ridge)
authors=(--draws 0..9 --protocol authors --methods vanilla,dropout,bean1,bean2)

# Copies the committed lines of $1 (a protocol) into a new store $2. A shard's store takes them all: the cells of other
# shards are then done already, and bean fewshot merge keeps one of two agreeing lines.
seed_store() {
  local committed="$results/$1" store="$2"
  [ ! -d "$store" ] && [ -f "$committed/settings.json" ] || return 0
  mkdir -p "$store.tmp"
  for f in settings.json results.jsonl tuning.jsonl; do
    [ -f "$committed/$f" ] && cp "$committed/$f" "$store.tmp/"
  done
  mv "$store.tmp" "$store"
}

# The store of shard $2 (K/N) of protocol $1, after checking K/N as bean fewshot --shard does (the store is named
# after it before bean runs).
shard_store() {
  if ! [[ "$2" =~ ^[0-9]{1,6}/[0-9]{1,6}$ ]] || (( 10#${2%/*} >= 10#${2#*/} )); then
    echo "fewshot-grid: '$2' is not a shard (expected K/N with 0 <= K < N, such as 0/2)" >&2
    exit 2
  fi
  echo "$runs/fewshot-$1-shard-$((10#${2%/*}))-of-$((10#${2#*/}))"
}

case "${1:-}" in
  strict)
    if [ -n "${2:-}" ]; then
      store="$(shard_store strict "$2")"
      args=(--dataset mnist,fashion-mnist "${strict[@]}" --shard "$2" --out "$store")
    else
      args=(--dataset mnist,fashion-mnist "${strict[@]}" --out "$runs/fewshot-strict")
    fi
    seed_store strict "${args[-1]}" ;;
  authors)
    if [ -n "${2:-}" ]; then
      store="$(shard_store authors "$2")"
      args=(--dataset mnist --shots 1,10 "${authors[@]}" --shard "$2" --out "$store")
    else
      args=(--dataset mnist --shots 1,10 "${authors[@]}" --out "$runs/fewshot-authors")
    fi
    seed_store authors "${args[-1]}" ;;
  merge)
    protocol="${2:-}"
    case "$protocol" in
      strict|authors) ;;
      *) echo "usage: scripts/fewshot-grid.sh merge strict|authors" >&2; exit 2 ;;
    esac
    store="$runs/fewshot-$protocol"
    seed_store "$protocol" "$store"
    stores=()
    [ -d "$store" ] && stores+=("$store")
    for shard in "$store"-shard-*-of-*; do
      [ -d "$shard" ] && [[ "$shard" != *.tmp ]] && stores+=("$shard")
    done
    if [ "${#stores[@]}" -eq 0 ]; then
      echo "fewshot-grid: no store of the $protocol grid under $runs to merge" >&2; exit 2
    fi
    merged="$runs/.fewshot-$protocol-merged"
    rm -rf "$merged"
    args=(merge "${stores[@]}" --out "$merged") ;;
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
  *) echo "usage: scripts/fewshot-grid.sh strict [K/N] | authors [K/N] | merge strict|authors | copy" >&2
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
jar="$(ls "$app"/bean-tf-models-*.jar | head -n 1)"
if [ "$1" != merge ]; then
  exec java -jar "$jar" fewshot "${args[@]}"
fi
java -jar "$jar" fewshot "${args[@]}" > /dev/null
# the merged store (every line of the protocol's store and of its shards') takes the place of the protocol's store
rm -rf "$store.old"
[ ! -d "$store" ] || mv "$store" "$store.old"
mv "$merged" "$store"
rm -rf "$store.old"
echo "fewshot-grid: merged ${#stores[@]} stores into $store (table: $store/table.md)"
