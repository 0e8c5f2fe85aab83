#!/usr/bin/env bash
# The training step of two builds of this project, OLD and NEW (commits), for MODEL: each is built in a temporary
# worktree, then their TrainingStepRatio processes alternate (old, new) PAIRS times, and per regularizer each pair's
# ratio of the median ms/step (new / old, < 1 when the new build is faster) and the median over pairs are printed.
# Alternating processes rather than timing one build and then the other keeps a busy machine's load out of the
# ratio. The main class moved between builds (org.beantf.models.train -> org.beantf.benchmarks); both are tried.
#   benchmarks/build-ratio.sh d125853 HEAD lenet5 none,bean1,bean2 300 4
set -euo pipefail
[ $# -eq 6 ] || { echo "usage: benchmarks/build-ratio.sh OLD NEW MODEL REG[,REG...] ROUNDS PAIRS" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true;
      git -C "$root" worktree remove --force "$work/new" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
for side in old new; do
  commit="$1"; [ "$side" = new ] && commit="$2"
  git -C "$root" worktree add --detach "$work/$side" "$commit" >/dev/null 2>&1
  echo "building $side ($(git -C "$root" rev-parse --short "$commit"))..." >&2
  (cd "$work/$side" && mvn -B -q -o -pl benchmarks -am package -DskipTests -Dmaven.install.skip=true >/dev/null)
done
medians() {   # SIDE OLD NEW MODEL REGS ROUNDS -> "reg ms" lines
  local cp="$work/$1/benchmarks/target/bean-benchmarks-0.1.0-SNAPSHOT.jar:$work/$1/benchmarks/target/lib/*"
  local main=org.beantf.benchmarks.TrainingStepRatio
  unzip -l "$work/$1/benchmarks/target/bean-benchmarks-0.1.0-SNAPSHOT.jar" | grep -q 'benchmarks/TrainingStepRatio' \
    || main=org.beantf.models.train.TrainingStepRatio
  TF_CPP_MIN_LOG_LEVEL=3 TF_ENABLE_ONEDNN_OPTS=1 java -cp "$cp" "$main" "$4" "$5" "$6" 2>/dev/null \
    | awk -F'|' '/^\| [a-z0-9]+ \| [0-9]/ { gsub(/ /, "", $2); gsub(/ /, "", $3); print $2, $3 }'
}
declare -A ratios
for pair in $(seq 1 "$6"); do
  old="$(medians old "$@")"
  new="$(medians new "$@")"
  while read -r reg ms_old; do
    ms_new="$(awk -v r="$reg" '$1 == r { print $2 }' <<<"$new")"
    ratio="$(awk -v a="$ms_new" -v b="$ms_old" 'BEGIN { printf "%.3f", a / b }')"
    echo "pair $pair $reg: old $ms_old ms, new $ms_new ms, new/old $ratio"
    ratios[$reg]="${ratios[$reg]:-} $ratio"
  done <<<"$old"
done
for reg in ${4//,/ }; do
  echo "$3 $reg: median new/old over $6 pairs $(tr ' ' '\n' <<<"${ratios[$reg]}" | grep . | sort -n \
    | awk '{ v[NR] = $1 } END { printf "%.3f (range %.3f-%.3f)", v[int((NR + 1) / 2)], v[1], v[NR] }')"
done
