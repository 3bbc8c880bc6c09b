#!/usr/bin/env bash
# Growth benchmark (docs/performance.md, "Growth"): how time and peak memory grow with the plan. For plans of 1,000,
# 10,000, 100,000 and 1,000,000 achievements (bench/PlanGenerator.java: up to 3 dependencies each, fixed seed) it
# times `validate`, `analyze`, `report --plan-only` (HTML, written to a file) and `run --dry-run` end to end
# through bin/parallel-plan with PARALLEL_PLAN_JAVA_OPTS=-Xmx512m (JVM start included, best of RUNS, 1 run for
# 1,000,000), and prints wall time, CPU time (user + system), max RSS and the time per 1,000 achievements once the
# JVM's start (`--version`, measured first) is taken off, which stays flat when the growth is linear. Exits 1 unless
# `validate` of the largest plan succeeds within -Xmx512m.
#
#   bench/growth.sh                    # build the jar if missing, then measure (about 2 minutes on 2 cores)
#   SIZES="1000 10000" bench/growth.sh # other sizes; RUNS=5 for more runs; COMMANDS="validate analyze"
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-1000 10000 100000 1000000}
RUNS=${RUNS:-3}
COMMANDS=${COMMANDS:-validate analyze report dry-run}
HEAP=${HEAP:--Xmx512m}
out=bench/out/growth
mkdir -p "$out"

if [ ! -f cli/target/parallel-plan.jar ]; then
  ./mvnw -q -DskipTests package
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $(java -version 2>&1 | head -n 1); PARALLEL_PLAN_JAVA_OPTS=$HEAP"
printf '%-9s %12s %6s %9s %9s %8s %16s\n' command achievements runs "wall s" "cpu s" "RSS MB" "ms/1000 - start"

# time_best RUNS ARGS...: best wall of RUNS runs of bin/parallel-plan ARGS; sets BEST, CPU, RSS, or FAILED.
time_best() {
  local runs=$1 wall user sys maxrss
  shift
  BEST=; CPU=; RSS=; FAILED=
  for _ in $(seq "$runs"); do
    if ! PARALLEL_PLAN_JAVA_OPTS="$HEAP" /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" \
        bin/parallel-plan "$@" > /dev/null 2> "$out/stderr.txt"; then
      FAILED="exit $(grep -o 'status [0-9]*' "$out/time.txt" | cut -d' ' -f2): $(head -n 1 "$out/stderr.txt" | cut -c1-160)"
      return
    fi
    read -r wall user sys maxrss < <(tail -n 1 "$out/time.txt")
    if [ -z "$BEST" ] || awk -v a="$wall" -v b="$BEST" 'BEGIN { exit !(a < b) }'; then
      BEST=$wall
      CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      RSS=$((maxrss / 1024))
    fi
  done
}

time_best "$RUNS" --version
start=$BEST
printf '%-9s %12s %6s %9s %9s %8s\n' --version - "$RUNS" "$BEST" "$CPU" "$RSS"

largest_ok=1
largest=0
for n in $SIZES; do
  [ "$n" -gt "$largest" ] && largest=$n
done
for n in $SIZES; do
  plan="$out/plan-$n/parallel.json"
  if [ ! -f "$plan" ] || [ bench/PlanGenerator.java -nt "$plan" ]; then
    mkdir -p "$out/plan-$n"
    java bench/PlanGenerator.java "$n" 3 42 "$plan" 2> /dev/null
  fi
  runs=$RUNS
  [ "$n" -ge 1000000 ] && runs=1
  for command in $COMMANDS; do
    case "$command" in
      validate) args=(validate "$plan") ;;
      analyze) args=(analyze "$plan") ;;
      report) args=(report --plan-only "$plan" -o "$out/report-$n.html") ;;
      dry-run) args=(run --dry-run --exec true "$plan" --state-dir "$out/state-$n") ;;
      *) echo "unknown command $command" >&2; exit 2 ;;
    esac
    time_best "$runs" "${args[@]}"
    if [ -n "$FAILED" ]; then
      printf '%-9s %12s %6s  FAILED (%s)\n' "$command" "$n" "$runs" "$FAILED"
      if [ "$command" = validate ] && [ "$n" = "$largest" ]; then
        largest_ok=0
      fi
      continue
    fi
    printf '%-9s %12s %6s %9s %9s %8s %16.1f\n' "$command" "$n" "$runs" "$BEST" "$CPU" "$RSS" \
      "$(awk -v w="$BEST" -v s="$start" -v n="$n" 'BEGIN { print (w - s) * 1000 / (n / 1000) }')"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$largest_ok" = 1 ]; then
  echo "validate of $largest achievements within $HEAP: ok"
else
  echo "validate of $largest achievements within $HEAP: FAILED"
  exit 1
fi
