#!/usr/bin/env bash
# Speed check for the workflow commands (docs/performance.md, "## workflow"): builds a plan folder of 1,000
# achievements and 10,000 files (SUBPLAN, 8 EXECUTION_TASKs and one APPROVED/FIX per achievement) plus its PLAN
# markdown, then times `status` and `discover` in process (bench/WorkflowBench.java: first call and warm median)
# and end to end through bin/parallel-plan (JVM start included, next to a bare `--version` for the JVM's share). Target: each under 1 s.
# Last, `prompt subplan --batch` for one level (20 prompts) and for the 600 achievements not approved (no target).
#
# Usage: bench/workflow.sh [runs]   (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
[ -f cli/target/parallel-plan.jar ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
plan="BENCH"
dir="$work/work-space/plans/$plan"
mkdir -p "$dir/subplans" "$dir/execution/feedbacks"

levels=50 width=20
ids=()
{
  echo "{\"plan_name\": \"$plan\", \"achievements\": ["
  first=1
  for ((l = 1; l <= levels; l++)); do
    for ((k = 1; k <= width; k++)); do
      id=$(printf "%d.%02d" "$l" "$k")
      ids+=("$id")
      deps=""
      if ((l > 1)); then
        deps=$(printf '"%d.%02d", "%d.%02d"' $((l - 1)) "$k" $((l - 1)) $(((k % width) + 1)))
      fi
      ((first)) || echo ","
      first=0
      printf '{"achievement_id": "%s", "title": "Step %s", "estimated_hours": "2-3", "dependencies": [%s]}' \
        "$id" "$id" "$deps"
    done
  done
  echo "]}"
} > "$dir/parallel.json"

{
  echo "# PLAN: $plan"
  echo
  for ((l = 1; l <= levels; l++)); do
    echo "### Priority $l"
    echo
    for ((k = 1; k <= width; k++)); do
      id=$(printf "%d.%02d" "$l" "$k")
      echo "**Achievement $id: Step $id** ⏱️ 2-3 hours"
      echo
      echo "- **Goal**: make step $id happen, with a few lines of prose like a real plan has."
      if ((l > 1)); then
        printf -- "- **Dependencies**: %d.%02d, %d.%02d\n" $((l - 1)) "$k" $((l - 1)) $(((k % width) + 1))
      else
        echo "- **Dependencies**: None"
      fi
      echo "- **Deliverables**: code, tests, notes"
      echo
      echo "---"
      echo
    done
  done
} > "$dir/PLAN_$plan.md"

(
  cd "$dir"
  for ((l = 1; l <= levels; l++)); do
    for ((k = 1; k <= width; k++)); do
      nn=$(printf "%d%02d" "$l" "$k")
      : > "subplans/SUBPLAN_${plan}_${nn}.md"
      for t in 01 02 03 04 05 06 07 08; do : > "execution/EXECUTION_TASK_${plan}_${nn}_${t}.md"; done
      if ((l <= 20)); then : > "execution/feedbacks/APPROVED_${nn}.md"; else : > "execution/feedbacks/FIX_${nn}.md"; fi
    done
  done
)
files=$(find "$dir/subplans" "$dir/execution" -type f | wc -l)
echo "plan folder: $levels x $width = $((levels * width)) achievements, $files files; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

measure() {
  local label="$1"; shift
  local walls=() cpus=()
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" > /dev/null 2> /dev/null
    read -r wall user sys < "$work/time"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
  done
  echo "$label: wall s (sorted) $(printf '%s\n' "${walls[@]}" | sort -n | tr '\n' ' ')| CPU s, all threads (sorted) $(printf '%s\n' "${cpus[@]}" | sort -n | tr '\n' ' ')"
}

java -cp cli/target/parallel-plan.jar bench/WorkflowBench.java "$dir"
measure "status --format json" bin/parallel-plan status "$dir" --format json
measure "status (text)       " bin/parallel-plan status "$dir"
measure "discover            " bin/parallel-plan discover "$dir/PLAN_$plan.md"
# prompt: the 20 achievements of level 20 (their dependencies approved) lose their SUBPLANs and get SUBPLAN prompts;
# then all 600 not approved (levels 20-49, each with a FIX) lose theirs and get one (--ignore-deps: they wait on FIXes).
rm "$dir"/subplans/SUBPLAN_"$plan"_21??.md
measure "prompt subplan --level 20 --batch (20 prompts)" bin/parallel-plan prompt subplan "$dir" --level 20 --batch
failing=("${ids[@]:400}")
for id in "${failing[@]}"; do rm -f "$dir/subplans/SUBPLAN_${plan}_${id/./}.md"; done
measure "prompt subplan --ids <600> --ignore-deps --batch" \
  bin/parallel-plan prompt subplan "$dir" --ids "$(IFS=,; echo "${failing[*]}")" --ignore-deps --batch
measure "JVM start (--version)" bin/parallel-plan --version
