#!/usr/bin/env bash
# Golden comparison for performance work (issue 12): runs the same commands with two builds of the project on the
# same inputs and reports every difference in standard output, standard error or exit code.
#
# Usage: bench/golden.sh BEFORE_ROOT [AFTER_ROOT]
#   BEFORE_ROOT  a built checkout of the reference commit (its bin/parallel-plan and cli/target/parallel-plan.jar)
#   AFTER_ROOT   the checkout under test (default: this one); both must be built (./mvnw -q -DskipTests package)
# Inputs (made once, with BEFORE's generators and jar): the examples, the corpus under ../shared/corpus when it is
# there, generated plans of 1,000 and 20,000 achievements, a few broken plans, and recorded runs (the examples'
# real runs, and runs of 500 and 2,500 achievements from bench/ReportScale.java) for the reports. Outputs go to
# AFTER_ROOT/bench/out/golden/{before,after}/; exit 0 when all are identical, 1 otherwise (the differing commands listed).
# An HTML page whose bytes differ passes when headless Chromium (if installed) makes the same document of both once
# their scripts ran (scripts and the Content-Security-Policy left out): it is listed as "same document, other bytes".
# Run outputs are compared with clock times, durations and run ids masked, at --max-parallel 1 so the order is fixed.
set -uo pipefail
[ $# -ge 1 ] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
before=$(cd "$1" && pwd) || exit 2
here=$(cd "$(dirname "$0")/.." && pwd)
after=$(cd "${2:-$here}" && pwd) || exit 2
for root in "$before" "$after"; do
  [ -f "$root/cli/target/parallel-plan.jar" ] || { echo "golden: $root is not built (./mvnw -q -DskipTests package)" >&2; exit 2; }
done
out="$after/bench/out/golden"
rm -rf "$out" && mkdir -p "$out/in" "$out/before" "$out/after"
in="$out/in"

# ---- inputs -------------------------------------------------------------------------------------------------
cp -r "$before/examples" "$in/examples"
rm -rf "$in"/examples/*/.parallel-plan
corpus="$after/../shared/corpus"
if [ -d "$corpus" ]; then
  cp -r "$corpus" "$in/corpus"
else
  echo "golden: no corpus at $corpus (it is looked for beside AFTER_ROOT): comparing without it" >&2
fi
java "$before/bench/PlanGenerator.java" 1000 3 7 "$in/gen1k.json" 2>/dev/null
java "$before/bench/PlanGenerator.java" 20000 3 42 "$in/gen20k.json" 2>/dev/null
mkdir -p "$in/broken"
printf '{"plan_name": "X", "achievements": [ {"achievement_id": "1.1", "dependencies": [}\n' >"$in/broken/malformed.json"
printf '{"plan_name": "X", "achievements": [\n {"achievement_id": "1.1", "dependencies": ["1.2"]},\n {"achievement_id": "1.2", "dependencies": ["1.1"]}]}\n' >"$in/broken/cycle.json"
printf '{"plan_name": "X", "achievements": [\n {"achievement_id": "1.1", "dependencies": ["9.9"]},\n {"achievement_id": "1.1", "title": 3, "dependencies": "x"}]}\n' >"$in/broken/unknown.json"
printf '{"achievements": [{"achievement_id": "1.10"}, {"achievement_id": "11.0", "estimated_hours": "soon"}, {"achievement_id": "../x"}]}\n' >"$in/broken/warnings.json"
: >"$in/broken/empty.json"
# Recorded runs for the reports: the examples' real runs, and a generated 500-achievement run.
for ex in quickstart partial-failure; do
  "$before/bin/parallel-plan" run "$in/examples/$ex" >/dev/null 2>&1
done
java -cp "$before/cli/target/parallel-plan.jar" "$before/bench/ReportScale.java" "$in/recorded" 500 60 5 >/dev/null 2>&1
# Above 2,000 achievements the HTML report's graph is drawn by its script (issue 12): a recorded run that large too.
java -cp "$before/cli/target/parallel-plan.jar" "$before/bench/ReportScale.java" "$in/recorded-large" 2500 60 1 \
  >/dev/null 2>&1

# The plans every plan command is run on.
plans=("$in"/examples/*/parallel.json "$in"/gen1k.json "$in"/gen20k.json "$in"/broken/*.json)
[ -d "$in/corpus" ] && while IFS= read -r f; do plans+=("$f"); done < <(find "$in/corpus" -name 'parallel*.json' | sort)
folders=("$in"/examples/methodology)
[ -d "$in/corpus" ] && while IFS= read -r f; do folders+=("$(dirname "$f")"); done < <(find "$in/corpus" -name subplans -type d | sort)

# ---- commands -----------------------------------------------------------------------------------------------
commands=()
for p in "${plans[@]}"; do
  commands+=("validate $p" "validate $p --format json" "validate $p --strict"
    "analyze $p" "analyze $p --format json" "analyze $p --executors 1" "analyze $p --executors 3 --estimates lower"
    "graph $p" "graph $p --format dot" "run $p --exec true --dry-run" "report $p --plan-only --format json"
    "report $p --plan-only --format markdown" "report $p --plan-only --format html")
done
for f in "${folders[@]}"; do
  commands+=("status $f" "status $f --format json" "report $f --plan-only --format html")
done
for r in "$in"/examples/quickstart "$in"/examples/partial-failure "$in"/recorded; do
  for fmt in html junit markdown json mermaid dot; do commands+=("report $r --format $fmt"); done
done
commands+=("report $in/recorded-large --format html" "report $in/recorded-large --format json")
commands+=("run $in/gen1k.json --max-parallel 2 --exec true --dry-run" "run $in/gen1k.json --only 1.500 --with-deps --dry-run"
  "--help" "run --help" "validate --help" "analyze --help" "report --help" "status --help")

# Masks what differs from one real run to the next: clock times, durations, run ids.
mask() {
  sed -E 's/\[[0-9]{2}:[0-9]{2}:[0-9]{2}\]/[T]/g; s/[0-9]+(\.[0-9]+)?(ms|s)\b/D/g; s/[0-9]{8}-[0-9]{6}-[0-9]{3}/RUN/g
    s/"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"/"TIME"/g; s/("(duration|elapsed)_[a-z]+" : )[0-9.]+/\1D/g'
}

run_all() { # ROOT DEST
  local root=$1 dest=$2 i=0 c
  for c in "${commands[@]}"; do
    i=$((i + 1))
    # shellcheck disable=SC2086 # the command strings are split on purpose (no paths with spaces in the inputs)
    (cd "$in" && "$root/bin/parallel-plan" $c >"$dest/$i.out" 2>"$dest/$i.err"; echo $? >"$dest/$i.rc")
    # The inputs first: they may sit under AFTER_ROOT, which is masked next.
    sed -i -e "s#$in#IN#g" -e "s#$root#ROOT#g" "$dest/$i.out" "$dest/$i.err"
  done
  # Real runs: a copy of the generated plan with `true` for every achievement, one at a time so the order is fixed.
  rm -rf "$dest/runplan" && mkdir -p "$dest/runplan"
  sed -E 's/"dependencies"/"command": "true", "dependencies"/' "$in/gen1k.json" >"$dest/runplan/parallel.json"
  (cd "$dest" && "$root/bin/parallel-plan" run runplan --max-parallel 1 2>&1 | mask | sed "s#$root#ROOT#g" >"$dest/run.out"; echo "${PIPESTATUS[0]}" >"$dest/run.rc")
  (cd "$dest" && "$root/bin/parallel-plan" report runplan --format json | mask >"$dest/run-report.json")
  cp -r "$in/examples/partial-failure" "$dest/pf" && rm -rf "$dest/pf/.parallel-plan"
  (cd "$dest" && "$root/bin/parallel-plan" run pf --max-parallel 1 2>&1 | mask | sed "s#$root#ROOT#g" >"$dest/pf.out"; echo "${PIPESTATUS[0]}" >"$dest/pf.rc")
  rm -rf "$dest/runplan" "$dest/pf"
}

# The document a browser makes of an HTML output once its script ran (headless Chromium), scripts and the
# Content-Security-Policy (the script's hash) left out: two HTML outputs with the same document look and behave the
# same. Prints nothing when Chromium is missing.
dom() { # HTML-FILE
  local browser
  browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome) || return 0
  cp "$1" "$out/dom.html"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-sync \
    --disable-component-update --no-first-run --user-data-dir="$out/chromium" --virtual-time-budget=10000 \
    --dump-dom "file://$out/dom.html" 2>/dev/null \
    | perl -0pe 's#<script\b[^>]*>.*?</script>#<script></script>#gs; s#<meta http-equiv="Content-Security-Policy"[^>]*>##g'
}

echo "golden: ${#commands[@]} commands + 2 real runs, before=$before after=$after"
run_all "$before" "$out/before"
run_all "$after" "$out/after"
status=0
i=0
for c in "${commands[@]}"; do
  i=$((i + 1))
  for s in out err rc; do
    if ! cmp -s "$out/before/$i.$s" "$out/after/$i.$s"; then
      # An HTML page whose bytes changed but whose document did not (e.g. a graph now drawn by the script).
      if [ "$s" = out ] && head -c 15 "$out/before/$i.out" | grep -q '<!DOCTYPE html>' \
        && dom "$out/before/$i.out" >"$out/before/$i.dom" && dom "$out/after/$i.out" >"$out/after/$i.dom" \
        && [ -s "$out/before/$i.dom" ] && cmp -s "$out/before/$i.dom" "$out/after/$i.dom"; then
        echo "same document, other bytes: parallel-plan ${c//$in/IN}   ($out/{before,after}/$i.{out,dom})"
        continue
      fi
      echo "DIFFERS ($s): parallel-plan ${c//$in/IN}   ($out/{before,after}/$i.$s)"
      status=1
    fi
  done
done
for f in run.out run.rc run-report.json pf.out pf.rc; do
  cmp -s "$out/before/$f" "$out/after/$f" || { echo "DIFFERS: $f ($out/{before,after}/$f)"; status=1; }
done
[ $status -eq 0 ] && echo "golden: all ${#commands[@]} commands and both runs identical"
exit $status
