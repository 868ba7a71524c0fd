#!/bin/sh
# sslconf report --findings over results written in two folders.
#   findings_cli.sh SSLCONF FIXTURES WORK_DIR
set -eu
tool=$1 fixtures=$2 work=$3
rm -rf "$work" && mkdir -p "$work/a/repro" "$work/b" "$work/out"
cp "$fixtures/results-beta.json" "$work/a/results-openssl.json"
# The alpha run presented as another library's, which passes those claims.
sed 's/"name": "alpha"/"name": "other"/; s/"family": "reference"/"family": "libressl"/' \
  "$fixtures/results-alpha.json" > "$work/b/results-other.json"
echo 'int main(void) { return 1; }' > "$work/a/repro/SSL_SESSION_free_null-noop_1.c"
"$tool" report "$work/a/results-openssl.json" "$work/b/results-other.json" --findings "$work/out/findings.md" >/dev/null
md="$work/out/findings.md"
cat "$md"
[ "$(grep -c '^### ' "$md")" -eq 2 ] || { echo "FAIL: not two divergences"; exit 1; }
grep -q 'Does what the page says on other' "$md" || { echo "FAIL: where it holds is missing"; exit 1; }
grep -q '(../a/repro/SSL_SESSION_free_null-noop_1.c)' "$md" || { echo "FAIL: no reproducer link"; exit 1; }
echo '{}' > "$work/bad.json"
if "$tool" report "$work/a/results-openssl.json" --findings "$work/out/x.md" --lint "$work/bad.json" 2>"$work/err"; then
  echo "FAIL: a lint file that is no array was accepted"; exit 1
fi
grep -q "bad.json: error: not a JSON array" "$work/err" || { echo "FAIL: no file-naming diagnostic"; cat "$work/err"; exit 1; }
echo "findings ok"
