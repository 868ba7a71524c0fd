#!/usr/bin/env bash
# SSLCONF_IMPL=prefix, proved on the system OpenSSL's own files copied into a
# temporary install prefix, and on the LibreSSL and AWS-LC prefixes of
# ../shared/impls: configure reports the library's own family and version,
# the smoke test passes, and both libssl and libcrypto load from the prefix
# (not from /usr/lib). A prefix without headers is a configure error naming
# the missing file.
set -uo pipefail
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else echo "FAILED: $1"; fail=$((fail + 1)); fi; }

arch=$(gcc -print-multiarch)
prefix=$work/prefix
mkdir -p "$prefix/include/openssl" "$prefix/lib"
cp /usr/include/openssl/*.h "$prefix/include/openssl/"
cp /usr/include/"$arch"/openssl/*.h "$prefix/include/openssl/" 2>/dev/null
for lib in libssl libcrypto; do
  real=$(readlink -f /usr/lib/"$arch"/$lib.so)
  cp "$real" "$prefix/lib/"
  ln -s "$(basename "$real")" "$prefix/lib/$lib.so"
done

cmake -S "$src" -B "$work/build" -G Ninja -DSSLCONF_IMPL=prefix -DSSLCONF_PREFIX="$prefix" \
  -DSSLCONF_BUILD_TOOLS=OFF -DSSLCONF_BUILD_BENCHMARKS=OFF -DSSLCONF_BUILD_DOCS=OFF >"$work/configure.log" 2>&1
check "prefix configures" '[ $? -eq 0 ]'
expected=$(openssl version | awk "{print \$2}")
check "configure prints the prefix library's own version ($expected)" \
  'grep -q "implementation under test: openssl OpenSSL $expected" "$work/configure.log"'
cmake --build "$work/build" --target smoke_session_lifecycle_test >"$work/build.log" 2>&1
check "smoke test builds against the prefix" '[ $? -eq 0 ]'
smoke=$work/build/conformance/smoke/smoke_session_lifecycle_test
check "smoke test passes against the prefix" '"$smoke" >/dev/null 2>&1'
# ldd's output is read whole first: with pipefail, `ldd | grep -q` fails
# whenever grep stops reading early and ldd dies of SIGPIPE (seen under load).
loaded=$(ldd "$smoke" 2>&1)
check "libssl loads from the prefix" 'grep -q "libssl.so.* => $prefix/lib/" <<<"$loaded"'
check "libcrypto loads from the prefix" 'grep -q "libcrypto.so.* => $prefix/lib/" <<<"$loaded"'

# Real libraries of other families, where ../shared/impls has them
# (LibreSSL: OPENSSL_VERSION_NUMBER fixed at 2.0.0, gaps in the session API;
# AWS-LC: SSL_SESSION_new takes a context, OPENSSL_IS_AWSLC without
# OPENSSL_IS_BORINGSSL): the family and release come from their own
# headers, the harness and smoke test build and pass against them, and both
# libraries load from the prefix. (The check library is built against these
# prefixes by the conform matrix of scripts/test, and against a header set
# with only the core API by core_api_build_test: not built a third time here.)
impls=$src/../shared/impls
# try_family ARCHIVE-STEM FAMILY VERSION-WORD
try_family() {
  local stem=$1 family=$2 word=$3
  if [ ! -f "$impls/$stem.tar.xz" ]; then
    echo "skipped: $impls/$stem.tar.xz is absent (no $family prefix to test)"
    return
  fi
  tar -xJf "$impls/$stem.tar.xz" -C "$work"
  local p=$work/$stem b=$work/build-$stem
  cmake -S "$src" -B "$b" -G Ninja -DSSLCONF_IMPL=prefix -DSSLCONF_PREFIX="$p" \
    -DSSLCONF_BUILD_TOOLS=OFF -DSSLCONF_BUILD_BENCHMARKS=OFF -DSSLCONF_BUILD_DOCS=OFF >"$b.log" 2>&1
  check "$stem configures" '[ $? -eq 0 ]'
  check "$stem is named by its own headers ($family $word)" \
    'grep -q "implementation under test: $family .*$word" "$b.log"'
  cmake --build "$b" --target smoke_session_lifecycle_test >>"$b.log" 2>&1
  check "the harness and smoke test build against $stem" '[ $? -eq 0 ]'
  local smoke=$b/conformance/smoke/smoke_session_lifecycle_test
  check "smoke test passes against $stem" '"$smoke" >/dev/null 2>&1'
  local loaded
  loaded=$(ldd "$smoke" 2>&1)
  check "$stem: libssl and libcrypto load from the prefix" \
    'grep -q "libssl.so.* => $p/lib/" <<<"$loaded" && grep -q "libcrypto.so.* => $p/lib/" <<<"$loaded"'
}
try_family libressl-4.3.2 libressl 4.3.2
try_family aws-lc-5.5.0 aws-lc 5.5.0

empty=$work/empty
mkdir -p "$empty/lib"
cmake -S "$src" -B "$work/build-empty" -G Ninja -DSSLCONF_IMPL=prefix -DSSLCONF_PREFIX="$empty" \
  -DSSLCONF_BUILD_TOOLS=OFF >"$work/empty.log" 2>&1
check "a prefix without headers fails to configure" '[ $? -ne 0 ]'
check "the error names the missing header" 'grep -q "$empty/include/openssl/ssl.h: not found" "$work/empty.log"'

nolib=$work/nolib
mkdir -p "$nolib/include/openssl" "$nolib/lib"
cp "$prefix/include/openssl/ssl.h" "$nolib/include/openssl/"
cmake -S "$src" -B "$work/build-nolib" -G Ninja -DSSLCONF_IMPL=prefix -DSSLCONF_PREFIX="$nolib" \
  -DSSLCONF_BUILD_TOOLS=OFF >"$work/nolib.log" 2>&1
check "a prefix without libraries fails to configure" '[ $? -ne 0 ]'
check "the error names the missing library" 'grep -q "$nolib/lib/libssl.so: not found" "$work/nolib.log"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
