# Sourced by the grid scripts (sweep-defaults.sh, frontier-grid.sh, prune-grid.sh): one lock folder per step, so
# several copies of a script share one grid on several cores and never run the same step twice. mkdir is atomic:
# the process that creates STEP.lock holds the step. A lock still held when the script exits (an error, Ctrl-C) is
# removed then; only a hard kill leaves one behind: find runs -name "*.lock" -type d -delete
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
