#!/usr/bin/env bash
# The training step of two builds of this project, OLD and NEW (commits), for MODEL: each is built in a temporary
# worktree, then BuildStepRatio loads both into one JVM (a class loader each, one TensorFlow Java) and interleaves
# their steps round by round, printing per regularizer each build's median ms/step and the median of the per-round
# ratios new / old (< 1 when the new build is faster) with its quartiles. One process, steps milliseconds apart:
# separate processes here land in fast and slow modes at random, which swamps a few percent. Needs a built
# benchmarks module in this checkout (mvn -B -q -pl benchmarks -am package -DskipTests) for the driver.
#   benchmarks/build-ratio.sh d125853 HEAD lenet5 none,bean1,bean2 1000
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: benchmarks/build-ratio.sh OLD NEW MODEL REG[,REG...] ROUNDS" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true;
      git -C "$root" worktree remove --force "$work/new" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
classpath() {   # SIDE -> the build's benchmarks jar and its lib/*, ':'-joined
  local target="$work/$1/benchmarks/target"
  echo "$(ls "$target"/bean-benchmarks-*.jar | head -n 1):$(ls "$target"/lib/*.jar | paste -sd:)"
}
for side in old new; do
  commit="$1"; [ "$side" = new ] && commit="$2"
  git -C "$root" worktree add --detach "$work/$side" "$commit" >/dev/null 2>&1
  echo "building $side ($(git -C "$root" rev-parse --short "$commit"))..." >&2
  (cd "$work/$side" && mvn -B -q -o -pl benchmarks -am package -DskipTests >/dev/null)
done
TF_CPP_MIN_LOG_LEVEL=3 TF_ENABLE_ONEDNN_OPTS=1 java -cp "$root/benchmarks/target/classes" \
  org.beantf.benchmarks.BuildStepRatio "$(classpath old)" "$(classpath new)" "$3" "$4" "$5" 2>/dev/null
