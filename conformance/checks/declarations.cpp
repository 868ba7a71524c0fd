// Kinds about declarations: the SYNOPSIS prototype (judged from the
// configure-time probe) and the release a function appeared in.
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
  if (p->status == "absent") return unsupported(fn + " is not declared");
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

}  // namespace sslconf::checks
