#!/bin/sh
# sslconf lint --patch on a copy of tests/fixtures/patch: the diff applies
# with patch -p1, the lint run again reports none of the fixed findings and
# writes an empty patch, and pod2man (where installed) renders every =head1
# of the fixed pages, which it did not before.
#   patch_round_trip.sh SSLCONF FIXTURE_DIR WORK_DIR
set -eu
tool=$1 fixture=$2 work=$3
command -v patch >/dev/null || { echo "skipped: no patch program"; exit 77; }
rm -rf "$work" && mkdir -p "$work" && cp -R "$fixture/." "$work/"
lint() { "$tool" lint --no-man --header "$work/prefix" --patch "$1" "$work/doc" 2>&1; }
before=$(lint "$work/first.diff" || true)
echo "$before"
for check in command-in-paragraph repeated-word 'L</NOTES>' link-section-missing; do
  echo "$before" | grep -q -- "$check" || { echo "FAIL: the fixture no longer shows $check"; exit 1; }
done
echo "$before" | grep -q "=begin comment has no matching =end" || { echo "FAIL: the unended =begin is not reported"; exit 1; }
# The SYNOPSIS POD read as text before the fix is fixed from the header too.
for fixed in '^+ *SSL_SESSION \*(\*get_cb)' '^+ long SSL_CTX_sess_count(SSL_CTX \*ctx);'; do
  grep -q -- "$fixed" "$work/first.diff" || { echo "FAIL: the patch lacks $fixed"; cat "$work/first.diff"; exit 1; }
done
(cd "$work/doc" && patch -p1 --forward < "$work/first.diff") || { echo "FAIL: patch -p1 did not apply"; exit 1; }
after=$(lint "$work/second.diff" || true)
echo "$after"
[ ! -s "$work/second.diff" ] || { echo "FAIL: a second run still finds certain fixes:"; cat "$work/second.diff"; exit 1; }
echo "$after" | grep -E "command-in-paragraph|repeated-word|NOTES|link-section-missing|synopsis-header|synopsis-syntax|no matching" &&
  { echo "FAIL: fixed findings are reported again"; exit 1; }
# What is not certain stays a finding.
echo "$after" | grep -q "SYNOPSIS declares SSL_CTX_sess_cb_set but NAME does not list it" ||
  { echo "FAIL: the uncertain finding went away"; exit 1; }
if command -v pod2man >/dev/null; then
  for page in "$work"/doc/man3/*.pod; do
    heads=$(grep -c '^=head1' "$page")
    shown=$(pod2man "$page" | grep -c '^\.SH')
    [ "$shown" -ge "$heads" ] || { echo "FAIL: pod2man shows $shown of the $heads sections of $page"; exit 1; }
  done
else
  echo "pod2man absent: section count not checked"
fi
echo "patch round trip ok"
