#!/usr/bin/env bash
# Plan scale benchmark (docs/performance.md, "Plan scale"): generates a random acyclic plan of N achievements
# (default 100,000, each depending on up to 3 earlier ones: about 300,000 edges) and the same edges for tsort,
# then times tsort, `bin/parallel-plan validate` and `analyze` end to end (wall clock, JVM start included), the three
# interleaved, RUNS rounds (default 5), with PARALLEL_PLAN_JAVA_OPTS=-Xmx512m. It prints the best and the median
# of each and the ratios of the bests to tsort's; a command misses the target when its best is more than RATIO
# (default 2) times tsort's best. Then it checks that a plan of BIG achievements (default 1,000,000) validates
# within -Xmx512m. Exits 1 when a target is missed. PROFILE=1 also prints where the time goes inside one JVM
# (bench/PlanReadProfile.java).
#
#   bench/plan-scale.sh                 # build the jar if missing, then measure
#   RUNS=3 BIG=0 bench/plan-scale.sh    # fewer runs, skip the 1,000,000-achievement check
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
BIG=${BIG:-1000000}
RUNS=${RUNS:-5}
RATIO=${RATIO:-2}
BIG_HEAP=${BIG_HEAP:--Xmx512m}
out=bench/out
mkdir -p "$out"

if [ ! -f cli/target/parallel-plan.jar ]; then
  ./mvnw -q -DskipTests package
fi

plan="$out/plan-$N.json"
edges="$out/edges-$N.txt"
if [ ! -f "$plan" ] || [ ! -f "$edges" ] || [ bench/PlanGenerator.java -nt "$plan" ]; then
  java bench/PlanGenerator.java "$N" 3 42 "$plan" "$edges"
fi

# measure NAME CMD...: runs CMD once (output discarded) and appends "wall cpu rssMB" to $out/NAME.times.
measure() {
  local name=$1 wall user sys rss
  shift
  if ! /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$@" > /dev/null 2> "$out/stderr.txt"; then
    echo "FAILED: $*" >&2
    cat "$out/stderr.txt" >&2
    exit 1
  fi
  read -r wall user sys rss < <(tail -n 1 "$out/time.txt")
  echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $((rss / 1024))" >> "$out/$name.times"
}

# summary NAME: "best median cpu-of-best rss-of-best" of $out/NAME.times.
summary() {
  sort -n "$out/$1.times" | awk '{ w[NR] = $1; c[NR] = $2; r[NR] = $3 }
    END { m = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2; print w[1], m, c[1], r[1] }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $(java -version 2>&1 | head -n 1)"
echo "plan: $N achievements, $(wc -l < "$edges") edge lines, $(du -h "$plan" | cut -f1); $RUNS interleaved rounds"

rm -f "$out"/tsort.times "$out"/validate.times "$out"/analyze.times
for _ in $(seq "$RUNS"); do
  measure tsort tsort "$edges"
  for command in validate analyze; do
    measure "$command" env PARALLEL_PLAN_JAVA_OPTS=-Xmx512m bin/parallel-plan "$command" "$plan"
  done
done

missed=0
read -r tsort_best tsort_median tsort_cpu tsort_rss < <(summary tsort)
printf '%-10s best %5s s  median %5s s  cpu %5s s  %5s MB\n' tsort "$tsort_best" "$tsort_median" "$tsort_cpu" "$tsort_rss"
for command in validate analyze; do
  read -r best median cpu rss < <(summary "$command")
  ratio=$(awk -v a="$best" -v b="$tsort_best" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  median_ratio=$(awk -v a="$median" -v b="$tsort_median" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  verdict=$(awk -v r="$ratio" -v t="$RATIO" 'BEGIN { print (r <= t ? "ok" : "MISSED") }')
  [ "$verdict" = ok ] || missed=1
  printf '%-10s best %5s s  median %5s s  cpu %5s s  %5s MB  %sx tsort (medians %sx)  target <= %sx: %s\n' \
    "$command" "$best" "$median" "$cpu" "$rss" "$ratio" "$median_ratio" "$RATIO" "$verdict"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${PROFILE:-0}" = 1 ]; then
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=5000 -Xmx512m \
    -cp cli/target/parallel-plan.jar bench/PlanReadProfile.java "$plan" 3
fi

if [ "$BIG" -gt 0 ]; then
  big="$out/plan-$BIG.json"
  if [ ! -f "$big" ] || [ bench/PlanGenerator.java -nt "$big" ]; then
    java bench/PlanGenerator.java "$BIG" 3 42 "$big"
  fi
  rm -f "$out/big.times"
  measure big env PARALLEL_PLAN_JAVA_OPTS="$BIG_HEAP" bin/parallel-plan validate "$big"
  read -r best _ cpu rss < <(summary big)
  printf '%-10s %6s s wall  %6s s cpu  %5s MB  (%s achievements, %s): ok\n' validate "$best" "$cpu" "$rss" "$BIG" \
    "$BIG_HEAP"
fi
exit "$missed"
