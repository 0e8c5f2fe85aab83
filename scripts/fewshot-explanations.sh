#!/usr/bin/env bash
# The table of docs/RESULTS.md "Few-shot: the last explanations": every row of the authors' protocol's MNIST 1-shot
# stores under docs/results/fewshot/ (the authors', authors-pytorch, authors-per-draw and authors-e50 grids of
# scripts/fewshot-grid.sh), paired by draw (research/FewShotComparison). Reads the committed stores, trains nothing.
#   scripts/fewshot-explanations.sh > table.md
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../benchmarks/classpath.sh
. "$root/benchmarks/classpath.sh"
f="$root/docs/results/fewshot"
java -cp "$cp" org.beantf.research.FewShotComparison --shots 1 \
  "LeNet-5, Glorot, 200 epochs=$f/authors:vanilla" \
  "LeNet-5, Glorot, 50 epochs=$f/authors-e50:vanilla" \
  "LeNet-5, PyTorch=$f/authors-pytorch:vanilla" \
  "BEAN-1 α = 1, PyTorch=$f/authors-pytorch:bean1" \
  "BEAN-1 α = 1, Glorot=$f/authors-per-draw:bean1@alpha=1" \
  "BEAN-1 α = 3, Glorot=$f/authors:bean1" \
  "BEAN-2 α = 100, PyTorch=$f/authors-pytorch:bean2" \
  "BEAN-2 α = 100, Glorot=$f/authors:bean2" \
  "dropout p = 0.5, PyTorch=$f/authors-pytorch:dropout" \
  "dropout p = 0.5, Glorot=$f/authors:dropout" \
  "BEAN-1, α per draw=$f/authors-per-draw:bean1" \
  "BEAN-2, α per draw=$f/authors-per-draw:bean2" \
  "dropout, p per draw=$f/authors-per-draw:dropout" \
  "LeNet-5, Glorot, 50 epochs~LeNet-5, Glorot, 200 epochs" \
  "LeNet-5, PyTorch~LeNet-5, Glorot, 200 epochs" \
  "BEAN-1 α = 1, PyTorch~LeNet-5, PyTorch" \
  "BEAN-2 α = 100, PyTorch~LeNet-5, PyTorch" \
  "dropout p = 0.5, PyTorch~LeNet-5, PyTorch" \
  "BEAN-1 α = 1, PyTorch~dropout p = 0.5, PyTorch" \
  "BEAN-2 α = 100, PyTorch~dropout p = 0.5, PyTorch" \
  "BEAN-1 α = 1, PyTorch~BEAN-1 α = 1, Glorot" \
  "BEAN-1 α = 1, Glorot~LeNet-5, Glorot, 200 epochs" \
  "BEAN-2 α = 100, PyTorch~BEAN-2 α = 100, Glorot" \
  "dropout p = 0.5, PyTorch~dropout p = 0.5, Glorot" \
  "BEAN-1, α per draw~LeNet-5, Glorot, 200 epochs" \
  "BEAN-2, α per draw~LeNet-5, Glorot, 200 epochs" \
  "dropout, p per draw~LeNet-5, Glorot, 200 epochs" \
  "BEAN-1, α per draw~BEAN-1 α = 3, Glorot" \
  "BEAN-2, α per draw~BEAN-2 α = 100, Glorot" \
  "dropout, p per draw~dropout p = 0.5, Glorot" \
  "BEAN-1, α per draw~dropout, p per draw" \
  "BEAN-2, α per draw~dropout, p per draw"
