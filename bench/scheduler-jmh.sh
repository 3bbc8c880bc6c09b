#!/bin/sh
# Benchmark (3) of issue 3: the scheduler alone, without persistence, on a random 100,000-achievement plan.
# Target: at least 1,000,000 events per second. Installs core, builds bench/jmh and runs it; extra arguments go to
# JMH (e.g. -wi 1 -i 1 for a quick look). Results: bench/out/scheduler-jmh.txt and .json.
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
  printf "scheduler, whole run: %.0f events/s (target >= 1000000)\n", s
  exit (s >= 1000000 ? 0 : 1)
}'
