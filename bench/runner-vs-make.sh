#!/bin/sh
# Runner benchmarks (issue 3), from one random DAG written both as a parallel.json and as a Makefile:
#   1. 2,000 achievements running `true`, --max-parallel 8, against `make -j8 -k`: wall time; target <= 1.5x make
#      (issue 3), <= 1.1x make for the best of REPEATS and for the median of PAIRS alternating pairs (issue 12).
#   2. 200 achievements sleeping 0.05-0.5 s, --max-parallel 4: makespan (first start to last finish, from the
#      run's JSON) against the lower bound max(critical path, total work / 4) and against `make -j4 -k`;
#      targets <= 1.10x the lower bound and <= make's wall time.
# Usage: [PAIRS=10] bench/runner-vs-make.sh [REPEATS]   (best of REPEATS, default 3; PAIRS=0 skips the pairs).
# Prints each verdict; exits 0 whatever they are. Needs make and a built jar.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repeats=${1:-3}
pairs=${PAIRS:-10}
out="$here/bench/out/runner"
cli="$here/bin/parallel-plan"
[ -f "$here/cli/target/parallel-plan.jar" ] || (cd "$here" && ./mvnw -q -DskipTests package)
if [ ! -x "$here/cli/target/parallel-plan-spawn" ]; then
  echo "note: no cli/target/parallel-plan-spawn (built where /usr/bin/cc exists): attempts start through the JDK" >&2
fi
rm -rf "$out" && mkdir -p "$out"

now() { date +%s.%N; }
best() { sort -n | head -1; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }

java "$here/bench/RandomDag.java" "$out/true" 2000 42 true 8 >/dev/null
bounds=$(java "$here/bench/RandomDag.java" "$out/sleep" 200 7 sleep 0.05 0.5 4)
lower=$(echo "$bounds" | sed 's/.*lower_bound=//')

# Seconds between the earliest started_at and the latest finished_at in a run's JSON.
makespan() {
  grep -o '"\(started\|finished\)_at" *: *"[^"]*"' "$1" | sed 's/.*: *"//; s/"$//' | while read -r t; do
    date -d "$t" +%s.%N
  done | sort -n | sed -n '1p;$p' | tr '\n' ' ' | awk '{ printf "%.3f", $2 - $1 }'
}

i=0; make_true=""; runner_true=""; make_sleep=""; runner_sleep=""; span_sleep=""
while [ $i -lt "$repeats" ]; do
  i=$((i + 1))
  t0=$(now); make -s -j8 -k -C "$out/true" >/dev/null; t1=$(now)
  make_true="$make_true $(sub "$t1" "$t0")"
  t0=$(now); "$cli" run "$out/true" --max-parallel 8 --format json >"$out/true.json" 2>"$out/true.log"; t1=$(now)
  runner_true="$runner_true $(sub "$t1" "$t0")"

  t0=$(now); make -s -j4 -k -C "$out/sleep" >/dev/null; t1=$(now)
  make_sleep="$make_sleep $(sub "$t1" "$t0")"
  t0=$(now); "$cli" run "$out/sleep" --max-parallel 4 --format json >"$out/sleep.json" 2>"$out/sleep.log"; t1=$(now)
  runner_sleep="$runner_sleep $(sub "$t1" "$t0")"
  span_sleep="$span_sleep $(makespan "$out/sleep.json")"
done

pick() { echo "$1" | tr ' ' '\n' | grep . | best; }
mt=$(pick "$make_true"); rt=$(pick "$runner_true")
ms=$(pick "$make_sleep"); rs=$(pick "$runner_sleep"); ss=$(pick "$span_sleep")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
ok() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "ok" : "MISSED") }'; }

echo "1. 2,000 x true, 8 parallel:  make -j8 -k ${mt}s, parallel-plan ${rt}s wall" \
  "= $(ratio "$rt" "$mt")x make (issue 3: <= 1.5x: $(ok "$(ratio "$rt" "$mt")" 1.5); issue 12: <= 1.1x:" \
  "$(ok "$(ratio "$rt" "$mt")" 1.1))"

# Issue 12 also asks for the median of PAIRS alternating pairs (make, then parallel-plan) of benchmark 1.
make_pairs=""; runner_pairs=""
i=0
while [ $i -lt "$pairs" ]; do
  i=$((i + 1))
  t0=$(now); make -s -j8 -k -C "$out/true" >/dev/null; t1=$(now)
  make_pairs="$make_pairs $(sub "$t1" "$t0")"
  t0=$(now); "$cli" run "$out/true" --max-parallel 8 --format json >"$out/true.json" 2>"$out/true.log"; t1=$(now)
  runner_pairs="$runner_pairs $(sub "$t1" "$t0")"
done
median() { echo "$1" | tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
if [ "$pairs" -gt 0 ]; then
  mm=$(median "$make_pairs"); rm_=$(median "$runner_pairs")
  echo "   $pairs alternating pairs: make median ${mm}s (best $(pick "$make_pairs")s), parallel-plan median ${rm_}s" \
    "(best $(pick "$runner_pairs")s) = $(ratio "$rm_" "$mm")x make, median to median (issue 12: <= 1.1x:" \
    "$(ok "$(ratio "$rm_" "$mm")" 1.1))"
fi
echo "2. 200 x sleep, 4 parallel:   lower bound ${lower}s, make -j4 -k ${ms}s wall," \
  "parallel-plan makespan ${ss}s ($(ratio "$ss" "$lower")x bound, target <= 1.10x: $(ok "$(ratio "$ss" "$lower")" 1.10);" \
  "vs make: $(ok "$ss" "$ms")), ${rs}s wall with JVM start"
