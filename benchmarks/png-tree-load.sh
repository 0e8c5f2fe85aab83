#!/usr/bin/env bash
# Loading MNIST as a 70,000-file PNG folder tree (--dataset images:DIR) against the IDX loader, each load in a fresh
# JVM (ImageFolderLoad load-png / load-idx) under /usr/bin/time -v for the process's wall time and peak RSS.
# Builds nothing: needs a built benchmarks module in this checkout (docs/BENCHMARKS.md):
#   mvn -B -q -pl benchmarks -am package -DskipTests
# Writes the tree once (ImageFolderLoad write; reused when DIR already holds train/ and test/), checks it against
# the IDX files, then runs ROUNDS paired rounds, each:
#   cold PNG, warm PNG, cold IDX, warm IDX
# where "cold" = the page cache dropped just before (sync; echo 3 > /proc/sys/vm/drop_caches, whole machine; if
# that is not permitted, each file's pages are evicted with posix_fadvise(DONTNEED) and the output says so) and
# "warm" = the same load again at once, the files in the page cache. Every load is a fresh JVM either way.
# Prints each run, then per kind the median and min-max of the load's own wall time (timed inside the JVM), the
# process's wall time, images/s, peak RSS and heap after GC, and the PNG/IDX ratios of the medians.
#   benchmarks/png-tree-load.sh [ROUNDS (5)] [DIR (/tmp/mnist-png)]
set -euo pipefail
rounds="${1:-5}"
dir="${2:-/tmp/mnist-png}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/benchmarks/classpath.sh"
export TF_CPP_MIN_LOG_LEVEL=2
java_cmd=(java -Xmx4g -cp "$cp" org.beantf.benchmarks.ImageFolderLoad)
data="${BEAN_DATA:-$HOME/.cache/bean/datasets}/mnist"

if [ ! -d "$dir/train" ] || [ ! -d "$dir/test" ]; then
  "${java_cmd[@]}" write "$dir"
fi
"${java_cmd[@]}" check "$dir"
echo "tree: $(find "$dir" -type f -name '*.png' | wc -l) PNGs, $(du -sh --apparent-size "$dir" | cut -f1) apparent," \
  "$(du -sh "$dir" | cut -f1) on disk; IDX: $(du -ch --apparent-size "$data"/*-ubyte | tail -n 1 | cut -f1)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; $(java -version 2>&1 | head -n 1)"

evict_how=""
evict() {   # FILES... (or a folder): out of the page cache
  if (sync && echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then
    evict_how="drop_caches (whole page cache, dentries and inodes)"
  else
    evict_how="posix_fadvise DONTNEED per file (drop_caches not permitted; dentries and inodes stay cached)"
    sync
    python3 - "$@" <<'EOF'
import os, sys
for arg in sys.argv[1:]:
    paths = [os.path.join(d, f) for d, _, fs in os.walk(arg) for f in fs] if os.path.isdir(arg) else [arg]
    for p in paths:
        fd = os.open(p, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
EOF
  fi
}

results="$(mktemp)"
trap 'rm -f "$results" "$results.time"' EXIT
run() {   # KIND TEMP ARGS... -> one line in $results: kind temp load_s images_per_s heap_mb process_wall_s rss_mb
  local kind="$1" temp="$2"; shift 2
  local out
  out="$(/usr/bin/time -v -o "$results.time" "${java_cmd[@]}" "$@")"
  local wall rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$results.time")"
  rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$results.time")"
  local load ips heap
  load="$(sed -n 's/.*load_s=\([0-9.]*\).*/\1/p' <<<"$out")"
  ips="$(sed -n 's/.*images_per_s=\([0-9]*\).*/\1/p' <<<"$out")"
  heap="$(sed -n 's/.*heap_after_gc_mb=\([0-9]*\).*/\1/p' <<<"$out")"
  printf '%-4s %-4s load %7.3f s  %6d images/s  process %6.2f s  peak RSS %5d MB  heap after GC %4d MB\n' \
    "$kind" "$temp" "$load" "$ips" "$wall" "$rss" "$heap"
  echo "$kind $temp $load $ips $heap $wall $rss" >> "$results"
}

for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds"
  evict "$dir" "$data"; run png cold load-png "$dir"
  run png warm load-png "$dir"
  evict "$dir" "$data"; run idx cold load-idx
  run idx warm load-idx
done
echo "cold = $evict_how before the run; warm = the same load again at once; each load a fresh JVM (-Xmx4g)"

awk '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function range(list,   n, a, i, lo, hi) {
    n = split(list, a, " "); lo = hi = a[1]
    for (i = 2; i <= n; i++) { if (a[i] + 0 < lo + 0) lo = a[i]; if (a[i] + 0 > hi + 0) hi = a[i] }
    return lo "-" hi
  }
  { k = $1 " " $2; load[k] = load[k] " " $3; ips[k] = ips[k] " " $4; heap[k] = heap[k] " " $5
    wall[k] = wall[k] " " $6; rss[k] = rss[k] " " $7 }
  END {
    printf "\n%-9s %-22s %-22s %-20s %-18s %s\n", "", "load s: median (range)", "process s: median (range)",
      "images/s: median", "peak RSS MB: median (range)", "heap after GC MB"
    split("png cold,png warm,idx cold,idx warm", keys, ",")
    for (i = 1; i <= 4; i++) {
      k = keys[i]
      printf "%-9s %7.2f (%-12s) %7.2f (%-12s) %-20.0f %5d (%-11s) %d\n", k, median(load[k]), range(load[k]),
        median(wall[k]), range(wall[k]), median(ips[k]), median(rss[k]), range(rss[k]), median(heap[k])
    }
    printf "\nPNG/IDX ratio of medians: load cold %.1fx, warm %.1fx; process cold %.1fx, warm %.1fx; peak RSS cold %.2fx, warm %.2fx\n",
      median(load["png cold"]) / median(load["idx cold"]), median(load["png warm"]) / median(load["idx warm"]),
      median(wall["png cold"]) / median(wall["idx cold"]), median(wall["png warm"]) / median(wall["idx warm"]),
      median(rss["png cold"]) / median(rss["idx cold"]), median(rss["png warm"]) / median(rss["idx warm"])
    printf "goal: PNG tree cold <= 20 s: %s (median load %.2f s, process %.2f s)\n",
      (median(wall["png cold"]) <= 20 ? "holds" : "FAILS"), median(load["png cold"]), median(wall["png cold"])
  }' "$results"
