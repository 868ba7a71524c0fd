# Shared by the entry points: where the project is, and how to get the
# sslconf tool built. Sourced, not run.
SSLCONF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The tool lives in the reference build (preset "reference", also used by CI).
SSLCONF_TOOL_BUILD=${SSLCONF_TOOL_BUILD:-$SSLCONF_ROOT/build/reference}
SSLCONF_TOOL=$SSLCONF_TOOL_BUILD/conformance/tool/sslconf

# Configure (first time) and bring the tool up to date. Build chatter goes to
# a log; on failure the log's tail is shown.
# SSLCONF_NO_BUILD=1 skips it (the tests of the scripts use the tool of the
# build they belong to, which ctest runs after building).
sslconf_build_tool() {
  [ "${SSLCONF_NO_BUILD:-}" = 1 ] && return 0
  "$SSLCONF_ROOT/scripts/setup"
  local log="$SSLCONF_TOOL_BUILD.log"
  mkdir -p "$(dirname "$SSLCONF_TOOL_BUILD")"
  if [ ! -f "$SSLCONF_TOOL_BUILD/CMakeCache.txt" ]; then
    (cd "$SSLCONF_ROOT" && cmake --preset reference -B "$SSLCONF_TOOL_BUILD") >"$log" 2>&1 \
      || { tail -30 "$log" >&2; echo "scripts: configure failed, see $log" >&2; return 2; }
  fi
  cmake --build "$SSLCONF_TOOL_BUILD" --target sslconf -j "$(nproc)" >"$log" 2>&1 \
    || { tail -30 "$log" >&2; echo "scripts: build failed, see $log" >&2; return 2; }
}
