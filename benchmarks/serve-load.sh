#!/usr/bin/env bash
# bean serve under load, against the same predictions in-process (docs/BENCHMARKS.md, "bean serve under load").
# Needs a built benchmarks module in this checkout (docs/BENCHMARKS.md):
#   mvn -B -q -pl benchmarks -am package -DskipTests
# 1. Trains an MLP on MNIST into DIR (./bean train --model mlp --dataset mnist --epochs 1 --seed 1), or reuses DIR
#    when it already holds savedmodel/mlp.
# 2. Starts ./bean serve --model DIR/savedmodel/mlp --name mlp --port 0 (loopback) and reads the port from its
#    ready line.
# 3. Runs ServeLoad: per batch size (1, then 32) and client thread count (8, then 1), ROUNDS rounds of runs, each
#    round HTTP through the JDK's HttpClient, HTTP through a plain socket per thread, then in-process
#    (BeanModel.predict on the same images in the client's JVM), 5,000 requests per client thread (CLIENT jdk or
#    socket: that HTTP client only); prints every run and a summary (medians across the rounds, with the range)
#    and p50(HTTP) - p50(in-process) per configuration, with the CPU time per request of the client's JVM and of
#    the server's. Any non-200 answer is an error (exit 1). A run stops at
#    10 minutes, the whole at 90 (exit 3, with a message); this script gives up on the server after 5 minutes
#    without a ready line. The server is stopped (SIGTERM) on every exit.
#   benchmarks/serve-load.sh [DIR (/tmp/serve-load/mlp)] [ROUNDS (3)] [CLIENT (both)]
# SERVE_LOAD_ARGS adds ServeLoad options, e.g. "--requests 500" for a quick try.
set -euo pipefail
dir="${1:-/tmp/serve-load/mlp}"
pairs="${2:-3}"
client="${3:-both}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/benchmarks/classpath.sh"
export TF_CPP_MIN_LOG_LEVEL=2
# as ./bean runs the server: oneDNN's kernels on, so both sides of the comparison run the same TensorFlow
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"

echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(java -version 2>&1 | head -n 1);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/bean" --version >/dev/null   # builds the application first if it needs it, outside any timing

base="$dir/savedmodel/mlp"
if [ ! -d "$base" ]; then
  echo "training the MLP into $dir (1 epoch, seed 1)"
  "$root/bean" train --model mlp --dataset mnist --epochs 1 --seed 1 --out "$dir"
fi
version="$(ls "$base" | grep -E '^[0-9]+$' | sort -n | tail -n 1)"
[ -n "$version" ] || { echo "$base holds no numeric version folder" >&2; exit 2; }

work="$(mktemp -d)"
server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_server EXIT
"$root/bean" serve --model "$base" --name mlp --port 0 >"$work/out" 2>"$work/err" &
server=$!
url=""
for _ in $(seq 1 3000); do
  url="$(sed -n 's/^bean serve: ready at \(http:[^ ]*\) .*/\1/p' "$work/out")"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { echo "bean serve exited before it was ready:" >&2; cat "$work/err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "bean serve printed no ready line within 5 minutes:" >&2; cat "$work/err" >&2; exit 1; }
echo "$(cat "$work/out")"
echo "model: $base/$version"
# the server's JVM (a child of ./bean), for its CPU time per request
server_jvm="$(pgrep -P "$server" -x java || true)"

status=0
timeout 100m java -Xms1g -Xmx2g -cp "$cp" org.beantf.benchmarks.ServeLoad "$url" "$base/$version" \
  --model mlp --pairs "$pairs" --client "$client" --max-run-minutes 10 --max-minutes 90 \
  ${server_jvm:+--server-pid "$server_jvm"} ${SERVE_LOAD_ARGS:-} \
  2> >(perl "$root/scripts/tf-log-filter.pl" >&2) || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -q . "$work/err"; then
  echo "server stderr:"; sed 's/^/  /' "$work/err"
fi
exit "$status"
