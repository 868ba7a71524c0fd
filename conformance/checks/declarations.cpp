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

// The family whose releases a release line counts: the claim's `family`
// param where the recogniser read one, else OpenSSL (the recognisers read
// OpenSSL release numbers only).
std::string release_family(const Claim& c) {
  const std::string family = text_param(params_of(c), "family");
  return family.empty() ? "openssl" : family;
}

// Whether the library under test follows the releases the claim counts: a
// library of another family (the reference too) owes nothing to them.
bool follows_releases_of(const Claim& c) { return release_family(c) == harness::family_name(); }

std::string not_followed(const Claim& c) {
  return std::string(harness::family_name()) + " does not follow the " + release_family(c) +
         " releases the page counts";
}

}  // namespace

Verdict prototype(const Claim& c) {
  const auto& fn = subject(c);
  const Probe* p = probe_for(fn);
  if (!p) return unresolved("no configure-time probe result for " + fn);
  if (p->status == "absent" && p->elsewhere) return untested(p->detail);
  if (p->status == "absent") return unsupported(fn + " is not declared by the headers the pages include");
  if (p->status == "unchecked") return untested(fn + " is declared (" + p->actual + "); " + p->detail);
  if (p->status == "documented") return pass("declared as documented: " + p->actual);
  if (p->status == "compatible")
    return pass("declared compatibly: " + p->actual + " (page: " + p->documented + ")" +
                (p->detail.empty() ? "" : "; " + p->detail));
  if ((p->status == "different" || p->status == "unknown") && !p->changed_release.empty()) {
    // The page's HISTORY says these types changed in a release: the
    // declaration as written holds from that release on only.
    harness::Release since;
    const harness::Release claimed = harness::claimed_release();
    if (parse_release(p->changed_release, since) && (!claimed.claimed || !at_least(claimed, since)))
      return untested("the page's HISTORY says the declaration changed in " + p->changed_release + " (\"" +
                      p->changed_text + "\"); " +
                      (claimed.claimed ? "the library claims release " + release_text(claimed) + ", before it"
                                       : std::string("a ") + harness::family_name() + " build claims no release") +
                      ": compared as written only from " + p->changed_release + " on (library: " +
                      (p->actual.empty() ? std::string("no declaration read") : p->actual) + ")");
  }
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
  if (probe && probe->elsewhere) throw Untestable(probe->detail);
  if (probe && probe->status == "unknown") {
    if (!has_scenario(fn)) throw Untestable("the configure-time probe cannot tell whether " + fn + " is present: " + probe->detail);
    probe = nullptr;
  }
  if (!probe && !has_scenario(fn)) throw Untestable("no probe or scenario shows whether " + fn + " is present");
  const bool present = probe ? probe->status != "absent" : true;
  const std::string claims = "the library claims release " + release_text(claimed);
  if (!at_least(claimed, added))
    return untested(claims + ", before " + release_text(added) + ": the claim asks nothing of it");
  if (present) return pass(claims + " and declares " + fn);
  if (!follows_releases_of(c)) return unsupported(fn + " is not declared; " + not_followed(c));
  return fail(claims + " but does not declare " + fn + " (page: added in " + release_text(added) + ")");
}

// "X was removed in R": a library of the family the page counts that claims
// R or later does not declare X.
Verdict version_removed(const Claim& c) {
  const auto p = params_of(c);
  const auto& fn = subject(c);
  harness::Release removed;
  if (!parse_release(text_param(p, "release"), removed)) throw Untestable("the claim names no release number");
  const harness::Release claimed = harness::claimed_release();
  if (!claimed.claimed)
    throw Untestable(std::string("a ") + harness::family_name() + " build claims no OpenSSL release to compare with");
  const Probe* probe = probe_for(fn);
  if (probe && probe->elsewhere) throw Untestable(probe->detail);
  if (!probe || probe->status == "unknown")
    throw Untestable("no configure-time probe shows whether " + fn + " is declared" +
                     (probe ? ": " + probe->detail : std::string()));
  const std::string claims = "the library claims release " + release_text(claimed);
  if (!at_least(claimed, removed))
    return untested(claims + ", before " + release_text(removed) + ": the claim asks nothing of it");
  if (probe->status == "absent") return pass(claims + " and does not declare " + fn);
  if (!follows_releases_of(c)) return untested(fn + " is declared; " + not_followed(c));
  return fail(claims + " but still declares " + fn + (probe->actual.empty() ? "" : ": " + probe->actual) +
              " (page: removed in " + release_text(removed) + ")");
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
  if (!d->marked && !follows_releases_of(c))
    return untested(claims + "the headers declare " + fn + " without a deprecation mark; " + not_followed(c));
  const std::string page = release.empty() ? "page: deprecated" : "page: deprecated in " + release;
  return d->marked ? pass(claims + "the headers mark " + fn + " deprecated: " + d->detail)
                   : fail(claims + "the headers declare " + fn + " without a deprecation mark: " + d->detail + " (" + page + ")");
}

}  // namespace sslconf::checks
