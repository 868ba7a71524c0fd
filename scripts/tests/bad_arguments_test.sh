#!/usr/bin/env bash
# The entry points reject bad arguments with exactly one line on stderr that
# names the problem, a non-zero exit, and nothing written to --out.
# $1: project root; $2: the build folder holding the tool (reused, not rebuilt).
set -uo pipefail
root=$1
export SSLCONF_TOOL_BUILD=$2
export SSLCONF_NO_BUILD=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0; fail=0

# expect_one_line_error NAME PATTERN COMMAND...
expect_one_line_error() {
  local name=$1 pattern=$2; shift 2
  local err rc
  err=$("$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -ne 0 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q -- "$pattern"; then
    pass=$((pass + 1))
  else
    echo "FAILED: $name (exit $rc): $err"; fail=$((fail + 1))
  fi
}

cd "$work"
expect_one_line_error "unknown implementation" "nosuch: error: unknown implementation" \
  "$root/scripts/conform" --impl nosuch --out "$work/out"
expect_one_line_error "missing prefix" "/nonexistent: error: implementation prefix does not exist" \
  "$root/scripts/conform" --impl /nonexistent --out "$work/out"
mkdir -p "$work/noheaders/lib"
expect_one_line_error "prefix without headers" "noheaders/include/openssl/ssl.h: error: not found" \
  "$root/scripts/conform" --impl "$work/noheaders" --out "$work/out"
expect_one_line_error "missing docs" "/no/such/docs: error: documentation path does not exist" \
  "$root/scripts/conform" --docs /no/such/docs --out "$work/out"
expect_one_line_error "unknown option" "" "$root/scripts/conform" --no-such-option
if [ -e "$work/out" ]; then echo "FAILED: --out was created by a rejected run"; fail=$((fail + 1)); else pass=$((pass + 1)); fi

# --libssl over a tree with no libssl page: one line saying so.
mkdir -p "$work/notssl"
printf '=pod\n\n=head1 NAME\n\nBIO_f_thing - a filter BIO\n\n=head1 SYNOPSIS\n\n #include <openssl/bio.h>\n\n const BIO_METHOD *BIO_f_thing(void);\n\n=head1 DESCRIPTION\n\nBIO_f_thing() returns the thing filter.\n\n=cut\n' \
  >"$work/notssl/BIO_f_thing.pod"
expect_one_line_error "--libssl with no libssl page" "notssl: error: no page's NAME lists a libssl name" \
  "$root/scripts/conform" --docs "$work/notssl" --libssl --out "$work/out-libssl"
# --libssl keeps the pages whose NAME lists a libssl name, whatever the
# file is called: --list-docs shows the selection without a build.
cp "$work/notssl/BIO_f_thing.pod" "$work/notssl/BIO_f_other.pod"
sed -i 's/^BIO_f_thing - a filter BIO$/BIO_f_other, SSL_get_thing - a filter BIO and its SSL accessor/' "$work/notssl/BIO_f_other.pod"
listed=$("$root/scripts/conform" --docs "$work/notssl" --libssl --list-docs 2>/dev/null)
if [ "$listed" = "$work/notssl/BIO_f_other.pod" ]; then
  pass=$((pass + 1))
else
  echo "FAILED: --libssl --list-docs gave: $listed"; fail=$((fail + 1))
fi

expect_one_line_error "expectations of a missing results file" "/no/such/results.json: error: cannot read JSON" \
  "$root/scripts/sslconf" expectations /no/such/results.json --claims /no/such/claims.json --into "$work"
expect_one_line_error "expectations into a missing folder" "/no/such/dir: error: --into is not a folder" \
  "$root/scripts/sslconf" expectations /no/such/results.json --claims /no/such/claims.json --into /no/such/dir

expect_one_line_error "read of a missing file" "/no/such/page.pod" "$root/scripts/sslconf" read /no/such/page.pod

# One page costs one page: a folder holding a page and a note that is no
# page gives the page's model on stdout, one line naming the note, status 2.
one_bad="$root/conformance/reader/tests/fixtures/one_bad_page"
expect_one_line_error "folder with a rejected page" "one_bad_page/README.md:1: error: no NAME section" \
  "$root/scripts/sslconf" read "$one_bad"
read_out=$("$root/scripts/sslconf" read "$one_bad" 2>/dev/null)  # status 2: checked above
if printf '%s' "$read_out" | grep -Eq '"title": ?"SSL_SESSION_up_ref"'; then
  pass=$((pass + 1))
else
  echo "FAILED: the good page of the folder was not read"; fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
