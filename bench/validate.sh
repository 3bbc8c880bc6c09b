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

# Best of 3 runs of "$@": wall seconds and CPU seconds (user + sys). On a shared machine the CPU time is the steadier
# figure; the load average is printed with the result.
best() {
  local bw=999 bc=999 line
  for _ in 1 2 3; do
    /usr/bin/time -o "$OUT/time" -f '%e %U %S' "$@" > /dev/null 2>&1 || true
    line=$(tail -1 "$OUT/time")
    bw=$(echo "$line" | awk -v b="$bw" '{print ($1 < b) ? $1 : b}')
    bc=$(echo "$line" | awk -v b="$bc" '{c = $2 + $3; print (c < b) ? c : b}')
  done
  echo "$bw $bc"
}
# The launcher users run, with the heap limit given.
VALIDATE=(env "PARALLEL_PLAN_JAVA_OPTS=-Xmx$HEAP" bin/parallel-plan validate "$PLAN")
"${VALIDATE[@]}" | tail -1
read -r VW VC <<< "$(best "${VALIDATE[@]}")"
read -r TW TC <<< "$(best tsort "$EDGES")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf 'validate (-Xmx%s, JVM start included): %.2f s wall, %.2f s CPU\n' "$HEAP" "$VW" "$VC"
printf 'tsort on the same edges:               %.2f s wall, %.2f s CPU\n' "$TW" "$TC"
printf 'ratio to tsort: %.1fx wall, %.1fx CPU\n' "$(echo "$VW / $TW" | bc -l)" "$(echo "$VC / $TC" | bc -l)"
