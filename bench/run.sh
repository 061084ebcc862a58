#!/usr/bin/env bash
# Runs every benchmark of issue 6 (about 10 to 15 minutes) and prints the summary that
# docs/benchmarks.md quotes: the JMH benchmarks (order matching, replay, equilibrium,
# simulation), then the HTTP load generator (a main: JMH does not fit many requests in
# flight). --quick instead runs each benchmark body once on small inputs (the JUnit quick mode
# that CI runs in the test phase); --http runs only the HTTP benchmark, its arguments going to
# HttpBenchmark ([requests] [inFlight] [rounds] [seconds]). Other arguments go to JMH and
# select JMH benchmarks only, e.g.
#   bench/run.sh OrderMatchingBenchmark -i 10
# Issue 12 item 4 (mains, single shots): --experiments [FILE] times one experiment on 1 and 2
# threads and on an embedded Spark local[2] (module spark's jars on the class path);
# --scaling [sizes] [periods] [budget s] measures agent-periods/s from 10^3 to 10^6 developers.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--quick" ]]; then
  exec ./mvnw -q -B -ntp -pl bench -am -Dtest=BenchmarksRunOnceTest \
    -Dsurefire.failIfNoSpecifiedTests=false test
fi
if [[ "${1:-}" == "--experiments" ]]; then
  shift
  ./mvnw -q -B -ntp -pl bench,spark -am -DskipTests package
  mapfile -t opens < spark/jvm.options
  exec java -Xms2g -Xmx2g "${opens[@]}" \
    -cp "bench/target/benchmarks.jar:spark/target/computecap-spark.jar:spark/target/lib/*" \
    org.computecap.bench.ExperimentThroughput "$@"
fi
./mvnw -q -B -ntp -pl bench -am -DskipTests package
if [[ "${1:-}" == "--scaling" ]]; then
  shift
  exec java -Xms8g -Xmx8g -cp bench/target/benchmarks.jar org.computecap.bench.AgentPeriods "$@"
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
echo "load before: $(uptime)"
http() {
  java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar org.computecap.bench.HttpBenchmark "$@" \
    | tee bench/target/http-log.txt
}
if [[ "${1:-}" == "--http" ]]; then
  shift
  http "$@"
  echo "load after: $(uptime)"
  exit 0
fi
result=bench/target/jmh-result.json
java -jar bench/target/benchmarks.jar -rf json -rff "$result" "$@" | tee bench/target/jmh-log.txt
if [[ $# -eq 0 ]]; then
  echo "load between JMH and HTTP: $(uptime)"
  http
fi
echo "load after: $(uptime)"
java -cp bench/target/benchmarks.jar org.computecap.bench.BenchReport "$result"
