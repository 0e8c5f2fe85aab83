#!/usr/bin/env bash
# Runs a few-shot grid of Table 1 (docs/RESULTS.md "Few-shot learning (Table 1)") into a store under runs/,
# from a frozen copy of the application (scripts/frozen-app.sh; BEAN_APP pins one), so editing and rebuilding the
# sources never touches a running grid.
# Resumable: kill it at any time and run the same command again; finished lines are skipped. In a fresh checkout
# (runs/ is not committed) a store starts from the committed lines in docs/results/fewshot/<grid>/.
#   scripts/fewshot-grid.sh strict            the full strict grid: 2 datasets x 1,5,10,20 shots x 8 methods x 20 draws
#   scripts/fewshot-grid.sh strict K/N        shard K (from 0) of N of that grid (bean fewshot --shard K/N), into its
#                                             own store: run 0/2 and 1/2 at once to use two cores (each cell runs on
#                                             one thread)
#   scripts/fewshot-grid.sh authors           MNIST 1- and 10-shot, vanilla, dropout, BEAN-1, BEAN-2, 10 draws
#   scripts/fewshot-grid.sh authors K/N       shard K of N of the authors' grid, into its own store
#   the last explanations of the authors' protocol (issue 18), MNIST 1-shot, draws 0-9, each also with K/N:
#   scripts/fewshot-grid.sh authors-pytorch   PyTorch's initialisation: vanilla, dropout, BEAN-1 α = 1, BEAN-2 α = 100
#   scripts/fewshot-grid.sh authors-per-draw  α chosen per draw on the validation set from 0.3, 1, 3, 10 (BEAN-1 and
#                                             BEAN-2), dropout's p from 0.25, 0.5, 0.75
#   scripts/fewshot-grid.sh authors-e50       vanilla at 50 epochs instead of 200
#   scripts/fewshot-grid.sh merge GRID        joins the grid's store and its shards' stores (bean fewshot merge)
#                                             into the grid's store, with its table.md (safe while the shards
#                                             run: it trains nothing and only reads their stores)
#   scripts/fewshot-grid.sh copy              copies results.jsonl, tuning.jsonl and table.md of every grid's
#                                             store to docs/results/fewshot/<grid>/ (small files to commit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=frozen-app.sh
. "$root/scripts/frozen-app.sh"
runs="${BEAN_RUNS:-$root/runs}"
results="$root/docs/results/fewshot"
declare -A grids=(
  [strict]="--dataset mnist,fashion-mnist --shots 1,5,10,20 --draws 0..19 --protocol strict
    --methods vanilla,dropout,l2,l1,bean1,bean2,knn,kernel-ridge"
  [authors]="--dataset mnist --shots 1,10 --draws 0..9 --protocol authors --methods vanilla,dropout,bean1,bean2"
  [authors-pytorch]="--dataset mnist --shots 1 --draws 0..9 --protocol authors --methods vanilla,dropout,bean1,bean2
    --init pytorch --grid bean1=1"
  [authors-per-draw]="--dataset mnist --shots 1 --draws 0..9 --protocol authors --methods dropout,bean1,bean2
    --grid dropout=0.25,0.5,0.75 --grid bean1=0.3,1,3,10 --grid bean2=0.3,1,3,10 --select-per-draw"
  [authors-e50]="--dataset mnist --shots 1 --draws 0..9 --protocol authors --methods vanilla --epochs 50"
)

# Copies the committed lines of $1 (a grid) into a new store $2. A shard's store takes them all: the cells of other
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

# The store of shard $2 (K/N) of grid $1, after checking K/N as bean fewshot --shard does (the store is named
# after it before bean runs).
shard_store() {
  if ! [[ "$2" =~ ^[0-9]{1,6}/[0-9]{1,6}$ ]] || (( 10#${2%/*} >= 10#${2#*/} )); then
    echo "fewshot-grid: '$2' is not a shard (expected K/N with 0 <= K < N, such as 0/2)" >&2
    exit 2
  fi
  echo "$runs/fewshot-$1-shard-$((10#${2%/*}))-of-$((10#${2#*/}))"
}

usage="usage: scripts/fewshot-grid.sh GRID [K/N] | merge GRID | copy (GRID: ${!grids[*]})"
case "${1:-}" in
  merge)
    protocol="${2:-}"
    if [ -z "$protocol" ] || [ -z "${grids[$protocol]+set}" ]; then
      echo "$usage" >&2; exit 2
    fi
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
    for protocol in "${!grids[@]}"; do
      store="$runs/fewshot-$protocol"
      [ -d "$store" ] || continue
      mkdir -p "$results/$protocol"
      for f in settings.json results.jsonl tuning.jsonl table.md; do
        [ -f "$store/$f" ] && cp "$store/$f" "$results/$protocol/"
      done
    done
    exit 0 ;;
  *)
    grid="${1:-}"
    if [ -z "$grid" ] || [ -z "${grids[$grid]+set}" ]; then
      echo "$usage" >&2; exit 2
    fi
    read -r -a flags <<< "$(tr '\n' ' ' <<< "${grids[$grid]}")"   # the grid's flags, one word each
    if [ -n "${2:-}" ]; then
      args=("${flags[@]}" --shard "$2" --out "$(shard_store "$grid" "$2")")
    else
      args=("${flags[@]}" --out "$runs/fewshot-$grid")
    fi
    seed_store "$grid" "${args[-1]}" ;;
esac

# oneDNN's kernels (frozen_bean's default): LeNet-5 trains 3-4x faster with them (README "CPU performance: oneDNN")
app="$(frozen_app "$root")"
if [ "$1" != merge ]; then
  frozen_bean "$app" fewshot "${args[@]}"
  exit $?
fi
frozen_bean "$app" fewshot "${args[@]}" > /dev/null
# the merged store (every line of the protocol's store and of its shards') takes the place of the protocol's store
rm -rf "$store.old"
[ ! -d "$store" ] || mv "$store" "$store.old"
mv "$merged" "$store"
rm -rf "$store.old"
echo "fewshot-grid: merged ${#stores[@]} stores into $store (table: $store/table.md)"
