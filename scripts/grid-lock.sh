# Sourced by the grid scripts (sweep-defaults.sh, frontier-grid.sh, prune-grid.sh): one lock folder per step, so
# several copies of a script share one grid on several cores and never run the same step twice. mkdir is atomic:
# the process that creates STEP.lock holds the step. A lock still held when the script exits (an error, Ctrl-C, a
# kill) is removed then, once the step's program has ended. Only a hard kill (kill -9, a machine stopping) leaves
# one behind; remove those when no copy is running: find runs -name "*.lock" -type d -delete
held=""

# take STEP: true if this process now holds STEP.lock, false if another process has it.
take() {
  mkdir "$1.lock" 2>/dev/null || return 1
  held="$1.lock"
  # "|| true": a failing rmdir in an EXIT trap would become the script's exit status
  trap 'rmdir "$held" 2>/dev/null || true' EXIT
}

# release: gives up the lock taken last, once its step is done.
release() {
  rmdir "$held"
  held=""
  trap - EXIT
}

# step COMMAND...: runs the held step's program and returns its exit status. A TERM, HUP or INT sent to the script
# is passed on to the program, and the script exits only once the program has ended: killing the script alone
# would otherwise release the lock while an orphaned program still writes the step's folder, and the next copy
# would resume into it.
step() {
  local child status stop=""
  "$@" &
  child=$!
  trap 'stop=1; kill -TERM "$child" 2>/dev/null || true' TERM HUP INT
  while true; do
    status=0
    wait "$child" || status=$?
    kill -0 "$child" 2>/dev/null || break   # a trapped signal also ends wait: wait again until the program ends
  done
  trap - TERM HUP INT
  [ -z "$stop" ] || exit 143
  return "$status"
}
