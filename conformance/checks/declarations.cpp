// Kinds about declarations: the SYNOPSIS prototype (judged from the
// configure-time probe), the release a function appeared in and the
// deprecation the page records (judged from the headers' marks).
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/probes.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "harness/adapter.hpp"

#include <cstdio>

namespace sslconf::checks {

namespace {

std::string release_text(const harness::Release& r) {
  return std::to_string(r.major) + "." + std::to_string(r.minor) + "." + std::to_string(r.patch);
}

bool parse_release(const std::string& text, harness::Release& r) {
  return std::sscanf(text.c_str(), "%d.%d.%d", &r.major, &r.minor, &r.patch) >= 2;
}

bool at_least(const harness::Release& a, const harness::Release& b) {
  if (a.major != b.major) return a.major > b.major;
  if (a.minor != b.minor) return a.minor > b.minor;
  return a.patch >= b.patch;
}

}  // namespace

Verdict prototype(const Claim& c) {
  const auto& fn = subject(c);
  const Probe* p = probe_for(fn);
  if (!p) return unresolved("no configure-time probe result for " + fn);
  if (p->status == "absent") return unsupported(fn + " is not declared by the headers the pages include");
  if (p->status == "documented") return pass("declared as documented: " + p->actual);
  if (p->status == "compatible")
    return pass("declared compatibly: " + p->actual + " (page: " + p->documented + ")" +
                (p->detail.empty() ? "" : "; " + p->detail));
  if (p->status == "different")
    return fail("declared as " + (p->actual.empty() ? std::string("something else") : p->actual) + " (page: " +
                p->documented + ")" + (p->detail.empty() ? "" : "; " + p->detail));
  return unresolved("probe for " + fn + " gave no verdict: " + p->detail);
}

Verdict version_added(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  harness::Release added;
  if (!parse_release(text_param(p, "release"), added)) throw Untestable("the claim names no release number");
  const harness::Release claimed = harness::claimed_release();
  if (!claimed.claimed)
    throw Untestable(std::string("a ") + harness::family_name() + " build claims no OpenSSL release to compare with");
  const Probe* probe = probe_for(fn);
  if (!probe && !has_scenario(fn)) throw Untestable("no probe or scenario shows whether " + fn + " is present");
  const bool present = probe ? probe->status != "absent" : true;
  const std::string claims = "the library claims release " + release_text(claimed);
  if (!at_least(claimed, added))
    return untested(claims + ", before " + release_text(added) + ": the claim asks nothing of it");
  return present ? pass(claims + " and declares " + fn)
                 : fail(claims + " but does not declare " + fn + " (page: added in " + release_text(added) + ")");
}

// "X was deprecated in R" (or "These functions are deprecated", no R): a
// library that claims R or later declares X with a deprecation mark, the
// attribute its compiler warns about when X is used.
Verdict version_deprecated(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  const std::string release = text_param(p, "release");
  harness::Release since;
  std::string claims;
  if (parse_release(release, since)) {
    const harness::Release claimed = harness::claimed_release();
    if (!claimed.claimed)
      throw Untestable(std::string("a ") + harness::family_name() + " build claims no OpenSSL release to compare with");
    claims = "the library claims release " + release_text(claimed);
    if (!at_least(claimed, since))
      return untested(claims + ", before " + release_text(since) + ": the claim asks nothing of it");
    claims += "; ";
  }
  const Deprecation* d = deprecation_for(fn);
  if (!d) throw Untestable("no configure-time probe looked for a deprecation mark on " + fn);
  if (!d->declared) return unsupported(fn + " " + d->detail);
  if (d->marked < 0) throw Untestable(d->detail);
  const std::string page = release.empty() ? "page: deprecated" : "page: deprecated in " + release;
  return d->marked ? pass(claims + "the headers mark " + fn + " deprecated: " + d->detail)
                   : fail(claims + "the headers declare " + fn + " without a deprecation mark: " + d->detail + " (" + page + ")");
}

}  // namespace sslconf::checks
