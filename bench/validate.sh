#!/usr/bin/env bash
# Times `parallel-plan validate` on a generated plan (JVM start included) and compares it with tsort on the same
# edge list. Usage: bench/validate.sh [achievements] [heap]   (defaults: 100000, 512m)
# Builds the CLI jar first if it is missing. Writes its files under bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
HEAP=${2:-512m}
OUT=bench/out
mkdir -p "$OUT"
[ -f cli/target/parallel-plan.jar ] || ./mvnw -q -DskipTests package

PLAN="$OUT/validate-$N.json"
EDGES="$OUT/validate-$N.edges"
if [ ! -f "$PLAN" ]; then
  # Each achievement depends on up to 3 earlier ones (about 3 edges per achievement), fixed seed.
  python3 - "$N" "$PLAN" "$EDGES" <<'PY'
import json, random, sys
n, plan, edges = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rnd = random.Random(42)
with open(plan, "w") as p, open(edges, "w") as e:
    p.write('{"plan_name": "BENCH", "achievements": [\n')
    for i in range(n):
        deps = sorted({rnd.randrange(i) for _ in range(3)}) if i > 0 else []
        for d in deps:
            e.write(f"a{d} a{i}\n")
        p.write(("," if i else "") + json.dumps({"achievement_id": f"a{i}", "title": f"Task {i}",
                 "dependencies": [f"a{d}" for d in deps], "estimated_hours": rnd.choice([1, 2, 3.5, "2-4"]),
                 "status": "not_started"}) + "\n")
    p.write("]}\n")
PY
fi
echo "plan: $N achievements, $(wc -l < "$EDGES") edges, $(du -h "$PLAN" | cut -f1)"

best() { # best wall time in seconds of 3 runs of "$@"
  local b=999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    b=$(echo "$e - $s" | bc -l | awk -v b="$b" '{print ($1 < b) ? $1 : b}')
  done
  echo "$b"
}
# The launcher users run, with the heap limit given.
run_validate() { PARALLEL_PLAN_JAVA_OPTS=-Xmx$HEAP bin/parallel-plan validate "$PLAN"; }
run_validate | tail -1
V=$(best run_validate)
T=$(best tsort "$EDGES")
printf 'validate (-Xmx%s, JVM start included): %.2f s\ntsort on the same edges: %.2f s\nratio: %.1fx\n' "$HEAP" "$V" "$T" \
  "$(echo "$V / $T" | bc -l)"
