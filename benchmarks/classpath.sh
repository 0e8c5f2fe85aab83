# Sourced by the benchmark scripts, with root set to the checkout: sets cp to the benchmarks jar and its libraries,
# or exits 2 saying how to build them.
jar="$(ls "$root"/benchmarks/target/bean-benchmarks-*.jar 2>/dev/null | head -n 1 || true)"
[ -n "$jar" ] && [ -d "$root/benchmarks/target/lib" ] || {
  echo "no benchmarks jar: run mvn -B -q -pl benchmarks -am package -DskipTests first" >&2; exit 2; }
cp="$jar:$root/benchmarks/target/lib/*"
