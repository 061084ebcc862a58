#!/usr/bin/env bash
# Runs every benchmark of issue 6 (about 10 to 15 minutes) and prints the summary that
# docs/benchmarks.md quotes; --quick instead runs each benchmark body once on small inputs
# (the JUnit quick mode that CI runs in the test phase). Extra arguments go to JMH, e.g.
#   bench/run.sh OrderMatchingBenchmark -i 10
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--quick" ]]; then
  exec ./mvnw -q -B -ntp -pl bench -am -Dtest=BenchmarksRunOnceTest \
    -Dsurefire.failIfNoSpecifiedTests=false test
fi
./mvnw -q -B -ntp -pl bench -am -DskipTests package
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
echo "load before: $(uptime)"
result=bench/target/jmh-result.json
java -jar bench/target/benchmarks.jar -rf json -rff "$result" "$@" | tee bench/target/jmh-log.txt
echo "load after: $(uptime)"
java -cp bench/target/benchmarks.jar org.computecap.bench.BenchReport "$result"
