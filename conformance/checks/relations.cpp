// Kinds relating two functions or two objects: aliases and copies.
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "checks/world.hpp"
#include "harness/observers.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <ctime>

namespace sslconf::checks {

namespace {

const Scenario& invokable(const std::string& fn) {
  const Scenario& s = scenario_for(fn);
  if (!s.invoke) throw Untestable("no plain-call scenario for " + fn);
  return s;
}

// The same inputs in two states: before any handshake, and after one.
Verdict same_results(const std::string& fn, const std::string& target) {
  const Scenario& a = invokable(fn);
  const Scenario& b = invokable(target);
  Live l = live();
  const Inputs states[] = {{nullptr, fresh_connection(), blank_session()},
                           {l.ctx.client, l.conn.client, SSL_get_session(l.conn.client)}};
  const char* names[] = {"before a handshake", "after a handshake"};
  std::string detail;
  for (int i = 0; i < 2; ++i) {
    const Result x = a.invoke(states[i]);
    const Result y = b.invoke(states[i]);
    if (!(x == y))
      return fail(names[i] + std::string(": ") + fn + " returned " + x.describe() + ", " + target + " returned " +
                  y.describe());
    detail += std::string(detail.empty() ? "" : "; ") + names[i] + " both returned " + x.describe();
  }
  return pass(detail);
}

SSL_SESSION* duplicate(const std::string& fn, SSL_SESSION* src) {
  const Result r = invokable(fn).invoke({nullptr, nullptr, src});
  if (r.type != Result::Type::pointer || !r.pointer) throw Unresolved("scenario: " + fn + " returned NULL");
  return static_cast<SSL_SESSION*>(const_cast<void*>(r.pointer));
}

harness::Tag* watch(SSL_SESSION* s) {
  if (!harness::DeathWatch::broken().empty()) throw Unresolved(harness::DeathWatch::broken());
  harness::Tag* tag = harness::DeathWatch::watch(s);
  if (!tag) throw Unresolved("observer: the session could not be tagged");
  return tag;
}

// The fields every family exposes: ID bytes, creation time, timeout.
std::string field_difference(const SSL_SESSION* a, const SSL_SESSION* b) {
  unsigned int la = 0, lb = 0;
  const unsigned char* ia = SSL_SESSION_get_id(a, &la);
  const unsigned char* ib = SSL_SESSION_get_id(b, &lb);
  if (la != lb || (la && std::memcmp(ia, ib, la) != 0)) return "session IDs differ";
  if (SSL_SESSION_get_time(a) != SSL_SESSION_get_time(b)) return "creation times differ";
  if (SSL_SESSION_get_timeout(a) != SSL_SESSION_get_timeout(b)) return "timeouts differ";
  return "";
}

}  // namespace

Verdict alias(const Claim& c) {
  const auto p = params_of(c);
  const std::string target = text_param(p, "target");
  if (target.empty()) throw Untestable("the claim names no alias target");
  return same_results(subject(c), target);
}

Verdict alias_plus_ref(const Claim& c) {
  const auto p = params_of(c);
  const std::string target = text_param(p, "target");
  if (target.empty()) throw Untestable("the claim names no alias target");
  const int extra = p.contains("extra_references") && p["extra_references"].is_number_integer()
                        ? p["extra_references"].get<int>()
                        : 1;
  const Verdict results = same_results(subject(c), target);
  if (results.outcome != Outcome::pass) return results;
  const Verdict refs = reference_trial(c, extra);
  return {refs.outcome, results.detail + "; " + refs.detail};
}

Verdict copy(const Claim& c) {
  const auto& fn = subject(c);
  SSL_SESSION* src = handshake_session();
  SSL_SESSION* dup = duplicate(fn, src);
  if (dup == src) return fail(fn + " returned its argument, not a new object");
  const std::string diff = field_difference(src, dup);
  if (!diff.empty()) return fail("the copy differs from the original: " + diff);
  harness::Tag* src_tag = watch(src);
  harness::Tag* dup_tag = watch(dup);  // replaces the tag the copy inherited
  SSL_SESSION_free(src);
  if (src_tag->alive()) return unresolved("scenario: the original outlived its only reference");
  if (!dup_tag->alive()) return fail("freeing the original freed the copy too");
  SSL_SESSION_free(dup);
  if (dup_tag->frees != 1) return fail("the copy was not freed by its own single release");
  return pass("distinct object, same ID, time and timeout; outlived the original and died at its own release");
}

Verdict copy_no_cache(const Claim& c) {
  if (!harness::CacheWatch::broken().empty()) throw Unresolved(harness::CacheWatch::broken());
  const auto& fn = subject(c);
  Live l = live();
  SSL_SESSION* src = SSL_get1_session(l.conn.server);
  if (!src || harness::CacheWatch::size(l.ctx.server) != 1)
    throw Unresolved("scenario: the server's session is not in its context's cache");
  harness::CacheWatch::attach(l.ctx.server);
  SSL_SESSION* dup = duplicate(fn, src);
  harness::Tag* dup_tag = watch(dup);
  const long with_copy = harness::CacheWatch::size(l.ctx.server);
  SSL_CTX_flush_sessions(l.ctx.server, static_cast<long>(std::time(nullptr)) + 100L * 365 * 24 * 3600);
  const auto& gone = harness::CacheWatch::removed(l.ctx.server);
  if (std::find(gone.begin(), gone.end(), src) == gone.end())
    throw Unresolved("scenario: flushing the cache did not remove the original");
  if (with_copy != 1) return fail("the cache held " + std::to_string(with_copy) + " sessions after the copy was made");
  if (std::find(gone.begin(), gone.end(), dup) != gone.end()) return fail("the flush removed the copy from the cache");
  if (!dup_tag->alive()) return fail("the copy died when the cache was flushed");
  return pass("cache count stayed 1 with the copy made; the flush removed only the original; the copy lived on");
}

}  // namespace sslconf::checks
