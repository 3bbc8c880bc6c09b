#!/usr/bin/env bash
# Report scale benchmark (issue 5): a 5,000-achievement run rendered to HTML must take under 2 s and stay under
# 5 MB. Generates the plan and a recorded run (bench/ReportScale.java: the real scheduler and ledger), prints the
# in-process times from the ledger to the HTML text (cold first, then warm; CPU and wall), then times the command a
# user runs, `parallel-plan report PLAN -o report.html` (JVM start, plan parsing and validation, ledger reading,
# rendering, writing), with its CPU time. The load average is printed too: on a shared machine wall time mostly
# measures waiting for a core.
# Usage: bench/report-scale.sh [N] [REPEATS]   (defaults 5000 and 3). Builds the jar if it is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-5000}
repeats=${2:-3}
out="$here/bench/out/report"
jar="$here/cli/target/parallel-plan.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -q -DskipTests package)
rm -rf "$out" && mkdir -p "$out"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

java -cp "$jar" "$here/bench/ReportScale.java" "$out/plan" "$n" 60 5

TIMEFORMAT='%R %U %S'
best=""
for i in $(seq 1 "$repeats"); do
  t=$( { time "$here/bin/parallel-plan" report "$out/plan" -o "$out/report.html" >/dev/null; } 2>&1 )
  read -r real user sys <<<"$t"
  echo "command[$i]: wall_s=$real cpu_s=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  best=$(printf '%s\n%s\n' "$best" "$real" | grep . | sort -n | head -1)
done
size=$(wc -c <"$out/report.html")
echo "best command wall_s=$best; html_bytes=$size ($(awk -v s="$size" 'BEGIN { printf "%.2f", s / 1048576 }') MiB)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
