#!/usr/bin/env bash
# Plan scale benchmark (docs/performance.md, "Plan scale"): generates a random acyclic plan of N achievements
# (default 100,000, each depending on up to 3 earlier ones: about 300,000 edges) and the same edges for tsort,
# times `bin/parallel-plan validate` and `analyze` end to end (wall clock, JVM start included, best of RUNS) with
# PARALLEL_PLAN_JAVA_OPTS=-Xmx512m, times tsort on the edge list and prints the ratios; then checks that a plan of
# BIG achievements (default 1,000,000) validates with -Xmx1g. Exits 1 when a target is missed.
#
#   bench/plan-scale.sh                 # build the jar if missing, then measure
#   RUNS=3 BIG=0 bench/plan-scale.sh    # fewer runs, skip the 1,000,000-achievement check
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
BIG=${BIG:-1000000}
RUNS=${RUNS:-5}
TARGET=${TARGET:-1.5}
out=bench/out
mkdir -p "$out"

if [ ! -f cli/target/parallel-plan.jar ]; then
  ./mvnw -q -DskipTests package
fi

plan="$out/plan-$N.json"
edges="$out/edges-$N.txt"
if [ ! -f "$plan" ] || [ ! -f "$edges" ]; then
  java bench/PlanGenerator.java "$N" 3 42 "$plan" "$edges"
fi

# best_of CMD...: runs CMD RUNS times (output discarded); sets BEST (s, wall), CPU (user+sys s of that run), RSS (MB).
best_of() {
  BEST=; CPU=; RSS=
  local i wall user sys rss
  for i in $(seq "$RUNS"); do
    if ! /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$@" > /dev/null 2> "$out/stderr.txt"; then
      echo "FAILED: $*" >&2
      cat "$out/stderr.txt" >&2
      exit 1
    fi
    read -r wall user sys rss < <(tail -n 1 "$out/time.txt")
    if [ -z "$BEST" ] || awk -v a="$wall" -v b="$BEST" 'BEGIN { exit !(a < b) }'; then
      BEST=$wall
      CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      RSS=$((rss / 1024))
    fi
  done
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $(java -version 2>&1 | head -n 1)"
echo "plan: $N achievements, $(wc -l < "$edges") edge lines, $(du -h "$plan" | cut -f1); best of $RUNS runs"

missed=0
best_of tsort "$edges"
tsort_s=$BEST
printf '%-10s %6s s wall  %6s s cpu  %5s MB\n' tsort "$BEST" "$CPU" "$RSS"
for command in validate analyze; do
  best_of env PARALLEL_PLAN_JAVA_OPTS=-Xmx512m bin/parallel-plan "$command" "$plan"
  verdict=$(awk -v a="$BEST" -v t="$TARGET" 'BEGIN { print (a <= t ? "ok" : "MISSED") }')
  [ "$verdict" = ok ] || missed=1
  printf '%-10s %6s s wall  %6s s cpu  %5s MB  %5.1fx tsort  target <= %s s: %s\n' "$command" "$BEST" "$CPU" \
    "$RSS" "$(awk -v a="$BEST" -v b="$tsort_s" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$TARGET" "$verdict"
done

if [ "$BIG" -gt 0 ]; then
  big="$out/plan-$BIG.json"
  if [ ! -f "$big" ]; then
    java bench/PlanGenerator.java "$BIG" 3 42 "$big"
  fi
  RUNS=1 best_of env PARALLEL_PLAN_JAVA_OPTS=-Xmx1g bin/parallel-plan validate "$big"
  printf '%-10s %6s s wall  %6s s cpu  %5s MB  (%s achievements, -Xmx1g): ok\n' validate "$BEST" "$CPU" "$RSS" "$BIG"
fi
exit "$missed"
