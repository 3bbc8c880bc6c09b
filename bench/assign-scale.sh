#!/usr/bin/env bash
# Assignment benchmark (docs/performance.md, "Assignment"): generates a random acyclic plan of N achievements
# (default 1,000, each depending on up to 3 earlier ones) with bench/PlanGenerator.java and times
# `bin/parallel-plan assign PLAN --executors E --format json` end to end (wall clock, JVM start included, best of
# RUNS). Checks that the makespan it prints is the one `analyze --executors E` prints. Exits 1 when the target
# (default 1 s) is missed or the makespans differ.
#
#   bench/assign-scale.sh                  # build the jar if missing, then measure
#   N=10000 E=8 RUNS=3 bench/assign-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
E=${E:-4}
RUNS=${RUNS:-5}
TARGET=${TARGET:-1.0}
out=bench/out
mkdir -p "$out"

if [ ! -f cli/target/parallel-plan.jar ]; then
  ./mvnw -q -DskipTests package
fi

plan="$out/plan-$N.json"
if [ ! -f "$plan" ]; then
  java bench/PlanGenerator.java "$N" 3 42 "$plan" >&2
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $(java -version 2>&1 | head -n 1)"
echo "plan: $N achievements, $(du -h "$plan" | cut -f1); --executors $E; best of $RUNS runs"

best= cpu=
for i in $(seq "$RUNS"); do
  if ! /usr/bin/time -f "%e %U %S" -o "$out/time.txt" bin/parallel-plan assign "$plan" --executors "$E" \
      --format json > "$out/assignment.json" 2> "$out/stderr.txt"; then
    echo "FAILED: assign" >&2
    cat "$out/stderr.txt" >&2
    exit 1
  fi
  read -r wall user sys < <(tail -n 1 "$out/time.txt")
  if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
    best=$wall
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  fi
done

assigned=$(grep -m1 '"makespan_hours"' "$out/assignment.json" | tr -dc '0-9.')
analyzed=$(bin/parallel-plan analyze "$plan" --executors "$E" --format json | grep -m1 '"makespan_hours"' | tr -dc '0-9.')
sync=$(grep -c '"waits_for"' "$out/assignment.json" || true)
verdict=$(awk -v a="$best" -v t="$TARGET" 'BEGIN { print (a <= t ? "ok" : "MISSED") }')
printf 'assign     %6s s wall  %6s s cpu  makespan %s h (analyze: %s h), %s sync points  target <= %s s: %s\n' \
  "$best" "$cpu" "$assigned" "$analyzed" "$sync" "$TARGET" "$verdict"
if [ "$assigned" != "$analyzed" ]; then
  echo "MISMATCH: assign's makespan differs from analyze's" >&2
  exit 1
fi
[ "$verdict" = ok ]
