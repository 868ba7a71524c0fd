// Kinds over real handshakes: sessions appear, enter the cache by mode,
// expire at flush, resume connections, and leave the cache when a
// connection ends uncleanly.
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/verdict.hpp"
#include "checks/world.hpp"
#include "harness/observers.hpp"

#include <algorithm>
#include <ctime>
#include <map>

namespace sslconf::checks {

namespace {

void need_cache_watch() {
  if (!harness::CacheWatch::broken().empty()) throw Unresolved(harness::CacheWatch::broken());
}

long mode_flag(const std::string& name) {
  static const std::map<std::string, long> flags{
      {"SSL_SESS_CACHE_OFF", SSL_SESS_CACHE_OFF},
      {"SSL_SESS_CACHE_CLIENT", SSL_SESS_CACHE_CLIENT},
      {"SSL_SESS_CACHE_SERVER", SSL_SESS_CACHE_SERVER},
      {"SSL_SESS_CACHE_BOTH", SSL_SESS_CACHE_BOTH},
      {"SSL_SESS_CACHE_NO_INTERNAL_STORE", SSL_SESS_CACHE_NO_INTERNAL_STORE},
      {"SSL_SESS_CACHE_NO_INTERNAL", SSL_SESS_CACHE_NO_INTERNAL},
  };
  const auto it = flags.find(name);
  if (it == flags.end()) throw Untestable("no scenario for cache mode " + name);
  return it->second;
}

// One handshake with each context in its mode: how many sessions each kept.
std::pair<long, long> cached_after_handshake(long client_mode, long server_mode) {
  harness::Contexts ctx;
  harness::Connection conn;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  SSL_CTX_set_session_cache_mode(ctx.client, client_mode);
  SSL_CTX_set_session_cache_mode(ctx.server, server_mode);
  if (!harness::connect(ctx, conn, why)) throw Unresolved("scenario: " + why);
  return {harness::CacheWatch::size(ctx.client), harness::CacheWatch::size(ctx.server)};
}

// The mode is tried on each side in turn. The client's peer caches (a
// server that does not cache sends no session ID, and a session without an
// ID cannot be cached by the client); the server's peer does not.
std::string mode_check(const std::string& label, long mode, std::string& problems) {
  const bool stores = !(mode & SSL_SESS_CACHE_NO_INTERNAL_STORE);
  const long want_client = (mode & SSL_SESS_CACHE_CLIENT) && stores ? 1 : 0;
  const long want_server = (mode & SSL_SESS_CACHE_SERVER) && stores ? 1 : 0;
  const long client = cached_after_handshake(mode, SSL_SESS_CACHE_SERVER).first;
  const long server = cached_after_handshake(SSL_SESS_CACHE_OFF, mode).second;
  const std::string seen = label + ": client cache " + std::to_string(client) + ", server cache " + std::to_string(server);
  if (client != want_client || server != want_server)
    problems += (problems.empty() ? "" : "; ") + seen + " (expected " + std::to_string(want_client) + ", " +
                std::to_string(want_server) + ")";
  return seen;
}

// The action SSL_clear(3) names, not SSL_free: after a completed handshake
// without SSL_shutdown, SSL_clear takes the session out of the cache and the
// connection lets go of it, so SSL_get_session returns NULL and the session
// dies with the cache's reference gone too (no one else holds it here).
Verdict clear_releases_bad_session() {
  need_cache_watch();
  if (!harness::DeathWatch::broken().empty()) throw Unresolved(harness::DeathWatch::broken());
  Live l = live();
  SSL_SESSION* s = SSL_get_session(l.conn.server);
  if (!s || harness::CacheWatch::size(l.ctx.server) != 1) throw Unresolved("scenario: the server did not cache its session");
  const harness::Tag* tag = harness::DeathWatch::watch(s);
  if (!tag) throw Unresolved("observer: the session could not be tagged");
  harness::CacheWatch::attach(l.ctx.server);
  const int ret = SSL_clear(l.conn.server);
  const long left = harness::CacheWatch::size(l.ctx.server);
  const bool held = SSL_get_session(l.conn.server) != nullptr;
  const bool alive = tag->alive();
  const std::string seen = "after SSL_clear (returned " + std::to_string(ret) + ") without SSL_shutdown the cache held " +
                           std::to_string(left) + ", SSL_get_session returned " + (held ? "a session" : "NULL") +
                           ", the session was " + (alive ? "still alive" : "freed");
  return ret == 1 && left == 0 && !held && !alive ? pass(seen) : fail(seen + "; expected 1, 0, NULL, freed");
}

}  // namespace

Verdict session_from_handshake(const Claim&) {
  Live l12 = live();
  if (!SSL_get_session(l12.conn.client)) return fail("no client session after a TLS 1.2 handshake");
  Live l13 = live({harness::Protocol::tls13, true});
  if (!SSL_get_session(l13.conn.client)) return fail("no client session after a TLS 1.3 handshake (tickets read)");
  return pass("the client had a session after a TLS 1.2 and after a TLS 1.3 handshake");
}

Verdict cache_by_mode(const Claim& c) {
  need_cache_watch();
  const auto p = params_of(c);
  std::vector<std::string> names;
  if (p.contains("mode") && p["mode"].is_array())
    for (const auto& m : p["mode"]) names.push_back(m.get<std::string>());
  if (p.contains("mode") && p["mode"].is_string()) names.push_back(p["mode"].get<std::string>());
  if (names.empty()) names = {"SSL_SESS_CACHE_OFF", "SSL_SESS_CACHE_CLIENT", "SSL_SESS_CACHE_SERVER", "SSL_SESS_CACHE_BOTH"};
  std::string problems, seen;
  for (const auto& n : names) {
    // A modifier flag (SSL_SESS_CACHE_NO_INTERNAL_STORE, ...) enables no
    // side by itself: it is tried on a context that caches on both sides.
    const long flag = mode_flag(n);
    const bool side = flag == SSL_SESS_CACHE_OFF || (flag & ~SSL_SESS_CACHE_BOTH) == 0;
    const std::string label = side ? n : n + " | SSL_SESS_CACHE_BOTH";
    seen += (seen.empty() ? "" : "; ") + mode_check(label, side ? flag : flag | SSL_SESS_CACHE_BOTH, problems);
  }
  return problems.empty() ? pass(seen) : fail(problems);
}

Verdict flush_timeout(const Claim&) {
  need_cache_watch();
  Live l = live();
  SSL_SESSION* s = SSL_get_session(l.conn.server);
  if (!s || harness::CacheWatch::size(l.ctx.server) != 1) throw Unresolved("scenario: the server did not cache its session");
  harness::CacheWatch::attach(l.ctx.server);
  const long timeout = static_cast<long>(SSL_SESSION_get_timeout(s));
  const long born = static_cast<long>(SSL_SESSION_get_time(s));
  // The last second at which the session has not expired: tm equal to
  // creation time plus timeout is not later than it.
  SSL_CTX_flush_sessions(l.ctx.server, born + timeout);
  const long kept = harness::CacheWatch::size(l.ctx.server);
  SSL_CTX_flush_sessions(l.ctx.server, born + timeout + 1);
  const long left = harness::CacheWatch::size(l.ctx.server);
  const auto removed = harness::CacheWatch::removed(l.ctx.server).size();
  const std::string seen = "cache held " + std::to_string(kept) + " after a flush at its last valid second, " +
                           std::to_string(left) + " after a flush past it (" + std::to_string(removed) +
                           " removal reported)";
  return kept == 1 && left == 0 && removed == 1 ? pass(seen) : fail(seen + "; expected 1, then 0 with 1 removal");
}

Verdict resumption(const Claim&) {
  Live l = live();
  SSL_SESSION* s = SSL_get1_session(l.conn.client);
  if (!s) throw Unresolved("scenario: the client has no session after a handshake");
  harness::disconnect(l.conn, true);
  harness::Connection again = reconnect(l, s);
  const int client = SSL_session_reused(again.client);
  const int server = SSL_session_reused(again.server);
  const std::string seen = "second connection: SSL_session_reused client " + std::to_string(client) + ", server " +
                           std::to_string(server);
  return client == 1 && server == 1 ? pass(seen) : fail(seen + " (expected 1 and 1)");
}

Verdict unclean_shutdown_removes(const Claim& c) {
  // The action the sentence names: SSL_clear when it names it, else SSL_free.
  if (std::find(c.functions.begin(), c.functions.end(), "SSL_clear") != c.functions.end())
    return clear_releases_bad_session();
  need_cache_watch();
  Live l = live();
  SSL_SESSION* s = SSL_get_session(l.conn.server);
  if (!s || harness::CacheWatch::size(l.ctx.server) != 1) throw Unresolved("scenario: the server did not cache its session");
  harness::CacheWatch::attach(l.ctx.server);
  harness::disconnect(l.conn, false);
  const long left = harness::CacheWatch::size(l.ctx.server);
  const auto removed = harness::CacheWatch::removed(l.ctx.server).size();
  const std::string seen = "after SSL_free without SSL_shutdown the cache held " + std::to_string(left) + " (" +
                           std::to_string(removed) + " removal reported)";
  return left == 0 ? pass(seen) : fail(seen + "; expected 0");
}

}  // namespace sslconf::checks
