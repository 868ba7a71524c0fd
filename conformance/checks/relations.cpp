// Kinds relating two functions or two objects: aliases and copies.
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/scenarios.hpp"
#include "checks/verdict.hpp"
#include "checks/world.hpp"
#include "harness/observers.hpp"
#include "harness/optional.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <ctime>
#include <vector>

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

// A field read through the optional API: a call the library lacks leaves
// that field out of the comparison (it is not the claim's subject).
template <typename Read>
std::string unless_missing(Read read) {
  try {
    return read();
  } catch (const harness::Missing&) {
    return "";
  }
}

std::string master_key_difference(SSL_SESSION* a, SSL_SESSION* b) {
  const std::size_t la = harness::optional::session_get_master_key(a, nullptr, 0);
  const std::size_t lb = harness::optional::session_get_master_key(b, nullptr, 0);
  if (la != lb) return "master key lengths differ (" + std::to_string(la) + ", " + std::to_string(lb) + ")";
  std::vector<unsigned char> ka(la + 1, 0), kb(lb + 1, 0xff);
  harness::optional::session_get_master_key(a, ka.data(), la);
  harness::optional::session_get_master_key(b, kb.data(), lb);
  return std::equal(ka.begin(), ka.begin() + static_cast<long>(la), kb.begin()) ? "" : "master keys differ";
}

std::string id_context_difference(SSL_SESSION* a, SSL_SESSION* b) {
  unsigned int la = 0, lb = 0;
  const unsigned char* ca = harness::optional::session_get0_id_context(a, &la);
  const unsigned char* cb = harness::optional::session_get0_id_context(b, &lb);
  return la == lb && (!la || std::memcmp(ca, cb, la) == 0) ? "" : "session ID contexts differ";
}

// Every other field the page's "copy" covers that the API can read: master
// key, session ID context, protocol version, resumability.
std::string full_field_difference(SSL_SESSION* a, SSL_SESSION* b) {
  for (const std::string& d :
       {unless_missing([&] { return master_key_difference(a, b); }),
        unless_missing([&] { return id_context_difference(a, b); }), unless_missing([&]() -> std::string {
          return harness::optional::session_get_protocol_version(a) == harness::optional::session_get_protocol_version(b)
                     ? ""
                     : "protocol versions differ";
        }),
        unless_missing([&]() -> std::string {
          return harness::optional::session_is_resumable(a) == harness::optional::session_is_resumable(b)
                     ? ""
                     : "one is resumable, the other not";
        })})
    if (!d.empty()) return d;
  return "";
}

// Application data (ex_data) set on the original before the copy is made
// must be found in the copy at the same index.
int copy_marker_index() {
  static const int index = SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}
char copy_marker;

// A client session has an empty ID context: give the original one, so that
// a copy that drops it differs (a library without the setter is left as is).
void give_id_context(SSL_SESSION* s) {
  static const unsigned char context[] = "sslconf-copy";
  try {
    harness::optional::session_set1_id_context(s, context, sizeof context - 1);
  } catch (const harness::Missing&) {
  }
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
  give_id_context(src);
  const bool marked = copy_marker_index() > 0 && SSL_SESSION_set_ex_data(src, copy_marker_index(), &copy_marker) == 1;
  SSL_SESSION* dup = duplicate(fn, src);
  if (dup == src) return fail(fn + " returned its argument, not a new object");
  std::string diff = field_difference(src, dup);
  if (diff.empty()) diff = full_field_difference(src, dup);
  if (diff.empty() && marked && SSL_SESSION_get_ex_data(dup, copy_marker_index()) != &copy_marker)
    diff = "the application data (ex_data) of the original is not in the copy";
  if (!diff.empty()) return fail("the copy differs from the original: " + diff);
  const harness::Tag* src_tag = scenarios::watched(src);
  const harness::Tag* dup_tag = scenarios::watched(dup);  // replaces the tag the copy inherited
  SSL_SESSION_free(src);
  if (src_tag->alive()) return unresolved("scenario: the original outlived its only reference");
  if (!dup_tag->alive()) return fail("freeing the original freed the copy too");
  SSL_SESSION_free(dup);
  if (dup_tag->frees != 1) return fail("the copy was not freed by its own single release");
  return pass(std::string("distinct object, same ID, time, timeout, master key, ID context, version, resumability") + (marked ? ", ex_data" : "") + "; outlived the original and died at its own release");
}

namespace {

// A copy belongs to no cache: once the original is gone, adding the copy
// must succeed as for any new session (and be counted).
Verdict copy_joins_cache_afresh(SSL_CTX* ctx, SSL_SESSION* dup) {
  const int added = SSL_CTX_add_session(ctx, dup);
  const long count = harness::CacheWatch::size(ctx);
  const std::string seen = "cache count stayed 1 with the copy made; the flush removed only the original; the copy lived on; "
                           "adding the copy then returned " + std::to_string(added) + ", count " + std::to_string(count);
  return added == 1 && count == 1 ? pass(seen) : fail(seen + " (expected 1 and 1: the copy was in no cache)");
}

}  // namespace

Verdict copy_no_cache(const Claim& c) {
  if (!harness::CacheWatch::broken().empty()) throw Unresolved(harness::CacheWatch::broken());
  const auto& fn = subject(c);
  Live l = live();
  SSL_SESSION* src = SSL_get1_session(l.conn.server);
  if (!src || harness::CacheWatch::size(l.ctx.server) != 1)
    throw Unresolved("scenario: the server's session is not in its context's cache");
  harness::CacheWatch::attach(l.ctx.server);
  SSL_SESSION* dup = duplicate(fn, src);
  const harness::Tag* dup_tag = scenarios::watched(dup);
  const long with_copy = harness::CacheWatch::size(l.ctx.server);
  SSL_CTX_flush_sessions(l.ctx.server, static_cast<long>(std::time(nullptr)) + 100L * 365 * 24 * 3600);
  const auto& gone = harness::CacheWatch::removed(l.ctx.server);
  if (std::find(gone.begin(), gone.end(), src) == gone.end())
    throw Unresolved("scenario: flushing the cache did not remove the original");
  if (with_copy != 1) return fail("the cache held " + std::to_string(with_copy) + " sessions after the copy was made");
  if (std::find(gone.begin(), gone.end(), dup) != gone.end()) return fail("the flush removed the copy from the cache");
  if (!dup_tag->alive()) return fail("the copy died when the cache was flushed");
  return copy_joins_cache_afresh(l.ctx.server, dup);
}

}  // namespace sslconf::checks
