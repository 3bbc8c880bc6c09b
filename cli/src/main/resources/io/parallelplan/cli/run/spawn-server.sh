# parallel-plan spawn server (POSIX sh): runs one attempt at a time for the runner, which keeps as many of these
# as attempts run at once. Reads one request per line on standard input:
#   s KEY LOG NAME=VALUE... -- PROGRAM ARG...
# every field a single-quoted word (a newline inside it written as '"$N"'), so evaluating the line only ever
# calls s with literal words. s starts PROGRAM with the variables, reading /dev/null, its output (merged) in LOG,
# and reports "KEY started PID", then "KEY exited STATUS" (128+n after signal n) when it has ended.
N='
'
# A signal to the whole process group (a CI agent stopping the job) must not end the server before the attempt
# is reported: the runner stops attempts itself. Attempts get the default handling back.
trap '' INT TERM HUP
if [ -r /proc/self/stat ]; then
  # Linux: the attempt runs in a foreground subshell, which reads its own pid (the shell's read is no new process).
  s() {
    k=$1 f=$2
    shift 2
    (
      read -r p _ </proc/self/stat
      echo "$k started $p"
      while [ "$1" != -- ]; do export "$1"; shift; done
      shift
      trap - INT QUIT TERM HUP
      exec "$@" </dev/null >"$f" 2>&1
    )
    echo "$k exited $?"
  }
else
  # Elsewhere the pid comes from a background start, so the attempt ignores SIGINT and SIGQUIT as every
  # background command of a shell does (the runner stops attempts with SIGTERM and SIGKILL).
  s() {
    k=$1 f=$2
    shift 2
    {
      while [ "$1" != -- ]; do export "$1"; shift; done
      shift
      trap - TERM HUP
      exec "$@"
    } </dev/null >"$f" 2>&1 &
    echo "$k started $!"
    wait "$!"
    echo "$k exited $?"
  }
fi
while IFS= read -r r; do
  eval "$r"
done
