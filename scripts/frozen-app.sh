# Sourced by the experiment scripts: frozen_app prints the folder of a frozen copy of the application built at the
# current commit (runs/apps/<commit>/), building and copying it on first use. A long grid keeps the copy it started
# with, so editing, committing and rebuilding the sources never changes a running grid's program; a later run of the
# script picks up the new commit's copy. Refuses a dirty tree: a result must name the commit that made it.
# BEAN_APP=runs/apps/<commit> pins a copy already made (a long loop that must not rebuild under an edited tree).
frozen_app() {
  local root="$1" commit app
  if [ -n "${BEAN_APP:-}" ]; then
    echo "$BEAN_APP"
    return 0
  fi
  if ! git -C "$root" diff --quiet HEAD -- pom.xml tf-data tf-bean savedmodels serving tf-models; then
    echo "$(basename "$0"): the sources differ from HEAD; commit first, so every result names its commit" >&2
    return 2
  fi
  commit="$(git -C "$root" rev-parse HEAD)"
  app="$root/runs/apps/${commit:0:12}"
  if [ ! -d "$app" ]; then
    (cd "$root" && mvn -B -q -pl tf-models -am -DskipTests package) >&2 || return 1
    mkdir -p "$app.tmp.$$"
    cp -r "$root"/tf-models/target/bean-tf-models-*.jar "$root/tf-models/target/lib" "$app.tmp.$$/"
    echo "$commit" > "$app.tmp.$$/commit"
    mv "$app.tmp.$$" "$app" 2>/dev/null || rm -rf "$app.tmp.$$"   # another process made it first
  fi
  echo "$app"
}

# Runs the frozen application in $1 with the remaining arguments, as ./bean runs it.
frozen_bean() {
  local app="$1"; shift
  TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}" TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}" \
    java -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -jar "$(ls "$app"/bean-tf-models-*.jar | head -n 1)" "$@"
}
