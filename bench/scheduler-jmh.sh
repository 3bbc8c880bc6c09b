#!/bin/sh
# Benchmark (3) of issue 3: the scheduler alone, without persistence, on a random 100,000-achievement plan.
# Target: at least 1,000,000 events per second. Installs core, builds bench/jmh and runs it; extra arguments go to
# JMH (e.g. -wi 1 -i 1 for a quick look). Results: bench/out/scheduler-jmh.txt and .json.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -DskipTests -pl core -am install
./mvnw -q -f bench/jmh/pom.xml -DskipTests package
mkdir -p bench/out
java -jar bench/jmh/target/benchmarks.jar SchedulerBenchmark -rf json -rff bench/out/scheduler-jmh.json "$@" \
  | tee bench/out/scheduler-jmh.txt
score=$(sed -n 's/.*"score" : \([0-9.E+]*\).*/\1/p' bench/out/scheduler-jmh.json | head -1)
awk -v s="$score" 'BEGIN {
  printf "scheduler: %.0f events/s (target >= 1000000)\n", s
  exit (s >= 1000000 ? 0 : 1)
}'
