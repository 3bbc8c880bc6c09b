#!/bin/sh
# The scheduler alone, without persistence, on a random 100,000-achievement plan (benchmark 3 of issue 3).
# Target (issue 12, target 4): at least 5,000,000 events per second for a whole run. Installs core, builds bench/jmh
# and runs it; extra arguments go to JMH (e.g. -wi 5 -w 2 -i 5 -r 2 for a shorter run). Results:
# bench/out/scheduler-jmh.txt and .json.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -DskipTests -pl core -am install
./mvnw -q -f bench/jmh/pom.xml -DskipTests clean package
mkdir -p bench/out
# core/target/classes first: the local Maven repository may meanwhile hold another checkout's core.
java -cp core/target/classes:bench/jmh/target/benchmarks.jar org.openjdk.jmh.Main SchedulerBenchmark -rf json -rff bench/out/scheduler-jmh.json "$@" \
  | tee bench/out/scheduler-jmh.txt
# The target applies to the whole run, building the scheduler included.
score=$(grep -A40 '"benchmark" : "io.parallelplan.bench.SchedulerBenchmark.runWholePlan"' bench/out/scheduler-jmh.json \
  | sed -n 's/.*"score" : \([0-9.E+]*\).*/\1/p' | head -1)
awk -v s="$score" 'BEGIN {
  printf "scheduler, whole run: %.0f events/s (target >= 5000000)\n", s
  exit (s >= 5000000 ? 0 : 1)
}'
