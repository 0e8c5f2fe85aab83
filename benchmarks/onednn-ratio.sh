#!/usr/bin/env bash
# oneDNN's kernels against TensorFlow's own, for the training step of MODEL. TensorFlow reads TF_ENABLE_ONEDNN_OPTS
# once per process, so the two cannot be interleaved in one JVM as TrainingStepRatio interleaves regularizers:
# this alternates processes (off, on) PAIRS times and prints, per regularizer, each pair's ratio of the median
# ms/step (off / on, > 1 when oneDNN is faster) and the median over pairs. Build the jar first:
#   mvn -B -q -pl benchmarks -am package -DskipTests
#   benchmarks/onednn-ratio.sh lenet5 none,bean1,bean2 200 5
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: benchmarks/onednn-ratio.sh MODEL REG[,REG...] ROUNDS PAIRS" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")"
cp="target/bean-benchmarks-0.1.0-SNAPSHOT.jar:target/lib/*"
medians() {   # MODEL REGS ROUNDS ONEDNN -> "reg ms" lines
  TF_CPP_MIN_LOG_LEVEL=3 TF_ENABLE_ONEDNN_OPTS="$4" java -cp "$cp" org.beantf.benchmarks.TrainingStepRatio \
    "$1" "$2" "$3" 2>/dev/null | awk -F'|' '/^\| [a-z0-9]+ \| [0-9]/ { gsub(/ /, "", $2); gsub(/ /, "", $3); print $2, $3 }'
}
declare -A ratios
for pair in $(seq 1 "$4"); do
  off="$(medians "$1" "$2" "$3" 0)"
  on="$(medians "$1" "$2" "$3" 1)"
  while read -r reg ms_off; do
    ms_on="$(awk -v r="$reg" '$1 == r { print $2 }' <<<"$on")"
    ratio="$(awk -v a="$ms_off" -v b="$ms_on" 'BEGIN { printf "%.2f", a / b }')"
    echo "pair $pair $reg: off $ms_off ms, on $ms_on ms, off/on $ratio"
    ratios[$reg]="${ratios[$reg]:-} $ratio"
  done <<<"$off"
done
for reg in ${2//,/ }; do
  echo "$1 $reg: median off/on over $4 pairs $(tr ' ' '\n' <<<"${ratios[$reg]}" | grep . | sort -n \
    | awk '{ v[NR] = $1 } END { printf "%.2f (range %.2f-%.2f)", v[int((NR + 1) / 2)], v[1], v[NR] }')"
done
