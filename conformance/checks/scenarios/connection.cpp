// Connections: their lifecycle, the session accessors, and the handshake
// and shutdown steps with what SSL_get_error says after each.
#include "checks/scenarios/common.hpp"

#include "checks/probes.hpp"
#include "harness/adapter.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace sslconf::checks::scenarios {

namespace {

// ---- the sessions of a TLS 1.3 connection (checks/lifetimes.cpp) ----

using SessionGetter = std::function<SSL_SESSION*(SSL*)>;

// Does a new connection on `ctx` offering `s` resume it?
bool resumes(const harness::Contexts& ctx, SSL_SESSION* s) {
  harness::Connection c;
  std::string why;
  if (!harness::connect(ctx, c, why, s)) throw Unresolved("scenario: connection offering the session: " + why);
  const bool reused = SSL_session_reused(c.client) == 1;
  harness::disconnect(c, true);
  return reused;
}

harness::Contexts tls13_with_tickets() {
  harness::Contexts ctx;
  std::string why;
  if (!harness::make_contexts({harness::Protocol::tls13, /*tickets=*/true}, ctx, why)) throw Unresolved("scenario: " + why);
  return ctx;
}

// A TLS 1.3 client whose handshake is done but which has not read the
// server's tickets yet: what `get` returns, offered to the server; then the
// session after the tickets were read, offered the same way.
Comparison session_before_established(const SessionGetter& get, bool owned) {
  const harness::Contexts ctx = tls13_with_tickets();
  harness::Connection early;
  std::string why;
  if (!harness::connect(ctx, early, why, nullptr, /*read_after=*/false)) throw Unresolved("scenario: " + why);
  SSL_SESSION* before = get(early.client);
  if (!before) return {false, "a TLS 1.3 client, handshake done, tickets unread: no session returned"};
  const bool early_resumed = resumes(ctx, before);
  if (owned) SSL_SESSION_free(before);
  if (!harness::drain_post_handshake(early.client)) throw Unresolved("scenario: the client failed reading its tickets");
  SSL_SESSION* after = SSL_get1_session(early.client);
  const bool later_resumed = after != nullptr && resumes(ctx, after);
  SSL_SESSION_free(after);
  harness::disconnect(early, true);
  return {!early_resumed && later_resumed,
          std::string("a TLS 1.3 client, handshake done, tickets unread: a session returned, ") +
              (early_resumed ? "resumed" : "not resumed") + " when offered; the session once the tickets were read: " +
              (later_resumed ? "resumed" : "not resumed")};
}

// A TLS 1.3 connection whose server sends its tickets; one side's cache on
// and its new-session callback watching: does `get` on that side return
// the last session the callback was handed? With `no_tickets`, the server
// sends none: `get` still returns the connection's session.
Comparison last_session(const SessionGetter& get, bool owned, bool server, bool no_tickets) {
  const harness::Contexts ctx = tls13_with_tickets();
  SSL_CTX* mine = server ? ctx.server : ctx.client;
  SSL_CTX_set_session_cache_mode(mine, server ? SSL_SESS_CACHE_SERVER : SSL_SESS_CACHE_CLIENT);
  optional::ctx_sess_set_new_cb(mine, record_new_session);  // returns 0: no reference kept for the application
  if (no_tickets) optional::ctx_set_num_tickets(ctx.server, 0);
  recorded_sessions() = {};
  harness::Connection conn;
  std::string why;
  if (!harness::connect(ctx, conn, why)) throw Unresolved("scenario: " + why);
  const std::string side = server ? "server" : "client";
  if (!no_tickets && recorded_sessions().calls < 2)
    throw Untestable("one TLS 1.3 connection established " + std::to_string(recorded_sessions().calls) + " session(s) on the " + side +
                     "; the page's situation is several");
  SSL_SESSION* got = get(server ? conn.server : conn.client);
  const bool same = got != nullptr && got == recorded_sessions().last;
  if (owned && got) SSL_SESSION_free(got);
  harness::disconnect(conn, true);
  if (no_tickets)
    return {got != nullptr && recorded_sessions().calls == 0, "a TLS 1.3 server sending no tickets: the callback ran " + std::to_string(recorded_sessions().calls) +
                                                       " time(s), the server's connection " + (got ? "has" : "has no") + " session"};
  return {same, "one TLS 1.3 connection, " + std::to_string(recorded_sessions().calls) + " sessions handed to the " + side + "'s callback: the " +
                    side + "'s session is " + (same ? "the last one handed" : got ? "another one" : "NULL")};
}

// SSL_get_session, SSL_get0_session, SSL_get1_session share their shape:
// a session while connected, NULL before any handshake.
template <class Get>
void add_connection_getter(Scenario& s, Get get, bool takes_reference) {
  s.success = [get] { return pointer(get(live().conn.client)); };
  s.cases = {{{"no-session", "no-handshake"}, [get] { return pointer(get(fresh_connection())); }}};
  s.invoke = [get](const Inputs& in) { return pointer(get(in.ssl)); };
  s.before_established = [get, takes_reference] { return session_before_established(get, takes_reference); };
  s.last_session = [get, takes_reference](bool server, bool no_tickets) {
    return last_session(get, takes_reference, server, no_tickets);
  };
  s.references = [get, takes_reference] {
    auto l = std::make_shared<Live>(live());
    SSL_SESSION* object = SSL_get_session(l->conn.client);
    if (!object) throw Unresolved("scenario: the client has no session after a handshake");
    (void)takes_reference;
    return RefTrial{object, 0, [get, l] { return pointer(get(l->conn.client)); },
                    [l] { harness::disconnect(l->conn, true); }};
  };
}

void add_connection_accessors(Registry& r) {
  add_connection_getter(r["SSL_get_session"], [](SSL* s) { return SSL_get_session(s); }, false);
  add_connection_getter(r["SSL_get0_session"], [](SSL* s) { return optional::get0_session(s); }, false);
  add_connection_getter(r["SSL_get1_session"], [](SSL* s) { return SSL_get1_session(s); }, true);

  auto& set = r["SSL_set_session"];
  set.success = [] {
    SSL_SESSION* s = handshake_session();
    return integer(SSL_set_session(fresh_connection(), s));
  };

  set.references = [] {
    SSL_SESSION* s = handshake_session();
    SSL* ssl = fresh_connection();
    return RefTrial{s, 1, [ssl, s] { return integer(SSL_set_session(ssl, s)); }};
  };
  set.sets = [] {
    SSL_SESSION* s = handshake_session();
    SSL* ssl = fresh_connection();
    SSL_set_session(ssl, s);
    const bool same = SSL_get_session(ssl) == s;
    return Comparison{same, same ? "SSL_get_session returned the session set" : "SSL_get_session returned another session"};
  };
  // Offered after the client's hello went out.
  set.cases = {{{"handshake-started"}, [] {
                  SSL* ssl = alone(false).ssl;
                  if (const int rc = SSL_do_handshake(ssl); rc > 0 || SSL_get_error(ssl, rc) != SSL_ERROR_WANT_READ)
                    throw Unresolved("scenario: the client's first handshake step did not wait for the server");
                  return integer(SSL_set_session(ssl, handshake_session()));
                }}};

  auto& reused = r["SSL_session_reused"];
  reused.success = [] {
    Live l = live();
    SSL_SESSION* s = SSL_get1_session(l.conn.client);
    harness::Connection again = reconnect(l, s);
    return integer(SSL_session_reused(again.client));
  };
  auto first = [] { return integer(SSL_session_reused(live().conn.client)); };
  reused.cases = {{{"new session"}, first}, {{"reused", "resumed"}, reused.success, first}};
}

// The first SSL_do_handshake-style call of a client with a silent peer: it
// must wait for data (a negative return, SSL_ERROR_WANT_READ).
template <class Step>
Result first_step_of_client(Step step) {
  return integer(step(alone(false).ssl));
}

// The step that meets the peer's orderly close (close_notify) instead of
// the next handshake message. The first step must have waited for the peer.
template <class Step>
std::pair<SSL*, int> orderly_close_during(Step step, bool server) {
  HalfOpen h = alone(server);
  const int first = step(h.ssl);
  if (first > 0 || SSL_get_error(h.ssl, first) != SSL_ERROR_WANT_READ)
    throw Unresolved("scenario: the first handshake step did not wait for the peer (returned " + std::to_string(first) + ")");
  const std::string bytes = harness::orderly_close_bytes();
  if (BIO_write(h.peer, bytes.data(), static_cast<int>(bytes.size())) != static_cast<int>(bytes.size()))
    throw Unresolved("scenario: the close could not be written to the pair");
  return {h.ssl, step(h.ssl)};
}

// SSL_get_error after a client's handshake step in a given situation.
template <class Situation>
Result error_after(Situation situation) {
  const auto [ssl, rc] = situation();
  return integer(SSL_get_error(ssl, rc));
}

// The other end of the pair is destroyed before the client writes.
template <class Handshake>
std::pair<SSL*, int> peer_freed(Handshake handshake) {
  HalfOpen h = alone(false);
  BIO_free(h.peer);
  return std::make_pair(h.ssl, handshake(h.ssl));
}

// Two clients joined: each receives a client's first message where it
// expects the server's.
template <class Handshake>
std::pair<SSL*, int> protocol_error(Handshake handshake) {
  HalfOpen first = alone(false);
  SSL* second = alone(false).ssl;
  BIO *a = nullptr, *b = nullptr;
  if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: no BIO pair");
  SSL_set_bio(first.ssl, a, a);
  SSL_set_bio(second, b, b);
  handshake(first.ssl);
  return std::make_pair(second, handshake(second));
}

// The value a handshake function returns on the call that completes it,
// called on the client (or, with on_server, on the server).
// A client and a server connection of fresh contexts (kept in `ctx`),
// joined by a BIO pair, roles set, nothing sent yet.
void unstarted_pair(harness::Contexts& ctx, SSL*& client, SSL*& server) {
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  client = SSL_new(ctx.client);
  server = SSL_new(ctx.server);
  BIO *a = nullptr, *b = nullptr;
  if (!client || !server || BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: no connection objects");
  SSL_set_bio(client, a, a);
  SSL_set_bio(server, b, b);
  SSL_set_connect_state(client);
  SSL_set_accept_state(server);
}

template <class Step>
Result completing_step(Step step, bool on_server = false) {
  harness::Contexts ctx;
  SSL *client = nullptr, *server = nullptr;
  unstarted_pair(ctx, client, server);
  SSL* subject = on_server ? server : client;
  SSL* peer = on_server ? client : server;
  if (on_server) SSL_do_handshake(client);  // the client speaks first
  for (int round = 0; round < 64; ++round) {
    const int rc = step(subject);
    if (rc == 1) return integer(rc);
    if (rc <= 0 && SSL_get_error(subject, rc) != SSL_ERROR_WANT_READ) return integer(rc);
    SSL_do_handshake(peer);
  }
  throw Unresolved("scenario: the handshake did not complete");
}

void add_handshake_steps(Registry& r) {
  auto add = [&r](const char* name, int (*step)(SSL*)) {
    auto& s = r[name];
    s.cases = {{{"orderly"}, [step] { return integer(orderly_close_during(step, false).second); }},
               {{"repeated"}, [step] { return first_step_of_client(step); }},
               {{"completed", "established"}, [step] { return completing_step(step); }}};
  };
  add("SSL_do_handshake", [](SSL* s) { return SSL_do_handshake(s); });
  add("SSL_connect", [](SSL* s) { return SSL_connect(s); });
  auto accept = [](SSL* s) { return SSL_accept(s); };
  r["SSL_accept"].cases = {{{"orderly"}, [accept] { return integer(orderly_close_during(accept, true).second); }},
                           {{"repeated"}, [accept] { return integer(accept(alone(true).ssl)); }},  // nothing from the client yet
                           {{"completed", "established"}, [accept] { return completing_step(accept, true); }}};

  auto& shutdown = r["SSL_shutdown"];
  // The first call of a connected client: its alert goes out, the peer's
  // has not come.
  auto first_call = [] { return integer(SSL_shutdown(live().conn.client)); };
  shutdown.cases = {{{"not been received", "not yet finished", "did not send it back"}, first_call},
                    // Called again once the peer's close_notify came.
                    {{"complete", "finished", "again"}, [] {
                       Live l = live();
                       SSL_shutdown(l.conn.client);
                       SSL_shutdown(l.conn.server);
                       return integer(SSL_shutdown(l.conn.client));
                     }},
                    {{"no-handshake"}, [] { return integer(SSL_shutdown(fresh_connection())); }},
                    // A connected client set to shut down quietly (no alert sent).
                    {{"quiet shutdown", "quiet_shutdown"}, [] {
                       Live l = live();
                       try {
                         optional::set_quiet_shutdown(l.conn.client, 1);
                       } catch (const harness::Missing& m) {
                         throw Untestable("this library has no quiet shutdown (" + m.function + " is not declared)");
                       }
                       return integer(SSL_shutdown(l.conn.client));
                     }},
                    // The client's BIO is full: its close_notify cannot go out yet.
                    {{"would-block"}, [] {
                       Live l = live();
                       static const char filler[512] = {0};
                       int round = 0;
                       while (BIO_write(l.conn.client_end, filler, sizeof filler) > 0)
                         if (++round == 2048) throw Unresolved("scenario: the BIO pair took 1 MiB without filling");
                       return integer(SSL_shutdown(l.conn.client));
                     }}};

  auto handshake = [](SSL* s) { return SSL_do_handshake(s); };
  auto& error = r["SSL_get_error"];
  error.cases = {
      {{"success"}, [] { return integer(SSL_get_error(live().conn.client, 1)); }},
      {{"close_notify"}, [handshake] { return error_after([handshake] { return orderly_close_during(handshake, false); }); }},
      {{"read bio"}, [handshake] {
         return error_after([handshake] {
           SSL* client = alone(false).ssl;
           return std::make_pair(client, handshake(client));
         });
       }},
      // A write buffer smaller than the client's first flight.
      {{"write bio"}, [handshake] {
         return error_after([handshake] {
           SSL* client = alone(false, 1).ssl;
           return std::make_pair(client, handshake(client));
         });
       }},
      // A freed peer: the library reports an error, as for a protocol
      // error, so both run and the case gives a value only when they agree
      // (the item that names a freed peer names protocol errors too).
      {{"peer-gone"}, [handshake] {
         const Result gone = error_after([handshake] { return peer_freed(handshake); });
         const Result protocol = error_after([handshake] { return protocol_error(handshake); });
         if (gone == protocol) return gone;
         Result split = Result::nothing();
         split.input = "the two situations: a freed peer gave " + gone.describe() + ", a protocol error " + protocol.describe();
         return split;
       }},
      {{"protocol error"}, [handshake] { return error_after([handshake] { return protocol_error(handshake); }); }}};
}

// A connection's death is seen through a session only it holds (set on
// it, the caller's reference dropped once the session is tagged).
RefTrial connection_trial(std::function<Result(SSL*)> act_on) {
  SSL* ssl = fresh_connection();
  SSL_SESSION* proxy = handshake_session();
  if (SSL_set_session(ssl, proxy) != 1) throw Unresolved("scenario: SSL_set_session failed");
  RefTrial t{proxy, 1, [ssl, act_on] { return act_on(ssl); }};
  t.proxy_references = 1;
  t.release = [ssl] { SSL_free(ssl); };
  return t;
}

// The random values both ends saw: the client's and the server's view of
// one must be the same bytes, as many as outlen 0 says there are.
template <class Get>
Comparison random_written(Get get) {
  Live l = live();
  const std::size_t size = get(l.conn.client, nullptr, 0);
  std::vector<unsigned char> a(size + 8, 0), b(size + 8, 0xff);
  const std::size_t copied = get(l.conn.client, a.data(), a.size());
  get(l.conn.server, b.data(), b.size());
  const bool same = size > 0 && std::equal(a.begin(), a.begin() + static_cast<long>(size), b.begin());
  return {same && copied == size, "outlen 0 returned " + std::to_string(size) + ", a larger buffer got " +
                                      std::to_string(copied) + " bytes, " +
                                      (same ? "the same on client and server" : "differing between client and server")};
}

// A random getter copying out of the client of a completed handshake; with
// outlen 0 it reports the random's whole size (the size a call with ample
// room writes).
template <class Get>
void add_random_copies(Scenario& s, Get get) {
  s.copy_out = [get](std::size_t outlen) {
    Live l = live();
    return copy_into([&](unsigned char* out, std::size_t n) { return get(l.conn.client, out, n); }, outlen);
  };
  auto asked = [get] {
    Live l = live();
    const std::size_t size = get(l.conn.client, nullptr, 0);
    const CopyCall whole = copy_into([&](unsigned char* out, std::size_t n) { return get(l.conn.client, out, n); }, 4096);
    return Comparison{size == whole.written && size > 0, "outlen 0 returned " + std::to_string(size) +
                                                             "; a 4096-byte buffer got " + std::to_string(whole.written) + " bytes"};
  };
  s.quantities = {{{"outlen is 0"}, asked}, {{"outlen of 0"}, asked}};
}

// A flag of SSL_get_shutdown after a step of a real connection's close;
// the flag's value comes from the headers under test.
Comparison shutdown_flag(SSL* ssl, const std::string& flag_name, const std::string& after) {
  long long flag = 0;
  if (!checks::constant_value(flag_name, flag)) throw Untestable(no_value_reason(flag_name));
  const int flags = optional::get_shutdown(ssl);
  const bool set = (flags & flag) != 0;
  return {set, "SSL_get_shutdown read " + std::to_string(flags) + " after " + after + ": " + flag_name +
                   (set ? " set" : " not set")};
}

void add_shutdown_flags(Registry& r) {
  // The client closes first: its alert goes out, the peer has sent nothing.
  auto sent = [] {
    Live l = live();
    SSL_shutdown(l.conn.client);
    return shutdown_flag(l.conn.client, "SSL_SENT_SHUTDOWN", "the client's first SSL_shutdown");
  };
  // Both ends have sent their alert; the client's second call reads the peer's.
  auto received = [] {
    Live l = live();
    SSL_shutdown(l.conn.client);
    SSL_shutdown(l.conn.server);
    SSL_shutdown(l.conn.client);
    return shutdown_flag(l.conn.client, "SSL_RECEIVED_SHUTDOWN", "the peer's close_notify reached the client's second SSL_shutdown");
  };
  r["SSL_shutdown"].flags = {{"SSL_SENT_SHUTDOWN", {}, sent},
                             {"SSL_SENT_SHUTDOWN", {"first party", "first to send"}, sent},
                             {"SSL_RECEIVED_SHUTDOWN", {"receiv", "processing"}, received}};
  // The shutdown state set by hand on a connection that never closed is the
  // state read back.
  auto state_read_back = [] {
    long long sent = 0;
    if (!checks::constant_value("SSL_SENT_SHUTDOWN", sent)) throw Untestable(no_value_reason("SSL_SENT_SHUTDOWN"));
    Live l = live();
    optional::set_shutdown(l.conn.client, static_cast<int>(sent));
    return compare_values(optional::get_shutdown(l.conn.client), sent);
  };
  r["SSL_set_shutdown"].sets = state_read_back;
  r["SSL_get_shutdown"].current = state_read_back;
  // The peer's close_notify met by a read, not by SSL_shutdown: the
  // adapter's read of what the peer sent is SSL_read in the TLS families
  // (the core API the checks build against has no SSL_read of its own).
  // A client reading after the server's close_notify came: the end of the
  // peer's data.
  r["SSL_read"].cases = {{{"close_notify", "end of the peer data", "end of the data", "peer closed"}, [] {
                            Live l = live();
                            SSL_shutdown(l.conn.server);
                            try {
                              return integer(harness::read_once(l.conn.client));
                            } catch (const harness::Missing& m) {
                              throw Untestable("this library has no " + m.function);
                            }
                          }}};
  r["SSL_read"].flags = {{"SSL_RECEIVED_SHUTDOWN", {"already sent", "processed"}, [] {
                            Live l = live();
                            SSL_shutdown(l.conn.server);
                            harness::drain_post_handshake(l.conn.client);
                            return shutdown_flag(l.conn.client, "SSL_RECEIVED_SHUTDOWN",
                                                 "the server's close_notify was read by SSL_read");
                          }}};
}

// Runs a handshake between a client and a server already given their BIOs.
bool handshake_between(SSL* client, SSL* server) {
  for (int round = 0; round < 64; ++round) {
    const int c = SSL_do_handshake(client);
    const int s = SSL_do_handshake(server);
    if (c == 1 && s == 1) return true;
  }
  return false;
}

// SSL_set_bio with a different BIO for each direction: the client writes
// into one pair and reads from another, the server the other way round. A
// handshake completes only if each connection reads from the rbio and
// writes to the wbio it was given.
Comparison bios_in_use() {
  harness::Contexts ctx;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  SSL* client = SSL_new(ctx.client);
  SSL* server = SSL_new(ctx.server);
  BIO *up_client = nullptr, *up_server = nullptr, *down_server = nullptr, *down_client = nullptr;
  if (!client || !server || BIO_new_bio_pair(&up_client, 0, &up_server, 0) != 1 ||
      BIO_new_bio_pair(&down_server, 0, &down_client, 0) != 1)
    throw Unresolved("scenario: no connection objects");
  SSL_set_bio(client, down_client, up_client);  // reads what the server sends, writes towards it
  SSL_set_bio(server, up_server, down_server);
  SSL_set_connect_state(client);
  SSL_set_accept_state(server);
  const bool done = handshake_between(client, server);
  return {done, done ? "a handshake over separate read and write BIOs completed"
                     : "a handshake over separate read and write BIOs did not complete"};
}

// A setting as the application configured it on a client connection (read
// before its handshake), and as SSL_clear leaves it after the handshake and
// a clean close, when an application reuses the object. State the
// handshake itself changes (the version-specific method it negotiated) is
// no setting; what the application set is.
template <class Read>
Comparison kept_by_clear(const std::string& what, Read read, std::function<void(SSL*)> prepare = [](SSL*) {}) {
  harness::Contexts ctx;
  SSL *client = nullptr, *server = nullptr;
  unstarted_pair(ctx, client, server);
  prepare(client);
  const auto configured = read(client);
  if (!handshake_between(client, server)) throw Unresolved("scenario: the handshake did not complete");
  SSL_shutdown(client);
  SSL_shutdown(server);
  SSL_shutdown(client);
  const int rc = SSL_clear(client);
  const auto after = read(client);
  const bool same = configured == after;
  return {rc == 1 && same, what + (same ? " as configured" : " not as configured") +
                               " after a handshake, a clean close and SSL_clear (returned " + std::to_string(rc) + ")"};
}

void add_clear_settings(Registry& r) {
  r["SSL_clear"].kept = {
      {{"method"}, [] { return kept_by_clear("the method", [](SSL* s) { return optional::get_ssl_method(s); }); }},
      {{"cipher"}, [] {
         return kept_by_clear(
             "the cipher list", [](SSL* s) { return optional::cipher_list(s); },
             [](SSL* s) {
               if (optional::set_cipher_list(s, "ECDHE+AESGCM") != 1)
                 throw Unresolved("scenario: SSL_set_cipher_list refused AES128-SHA:AES256-SHA");
             });
       }},
      {{"bio"}, [] {
         return kept_by_clear("the read and write BIOs", [](SSL* s) {
           return std::make_pair(optional::get_rbio(s), optional::get_wbio(s));
         });
       }}};
}

// A connection made with SSL_new from a context given non-default settings.
void add_new_settings(Registry& r) {
  auto from_context = [](const std::string& what, auto prepare, auto compare) {
    SSL_CTX* ctx = server_context();
    prepare(ctx);
    SSL* ssl = SSL_new(ctx);
    if (!ssl) throw Unresolved("scenario: SSL_new failed");
    const bool same = compare(ctx, ssl);
    return Comparison{same, what + (same ? " the same as the context's" : " not the context's")};
  };
  r["SSL_new"].inherited = {
      {{"method"}, [from_context] {
         return from_context("the connection's method", [](SSL_CTX*) {},
                             [](SSL_CTX* ctx, SSL* ssl) { return optional::get_ssl_method(ssl) == optional::ctx_get_ssl_method(ctx); });
       }},
      {{"option"}, [from_context] {
         return from_context("the connection's options", [](SSL_CTX* ctx) { SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET); },
                             [](SSL_CTX* ctx, SSL* ssl) {
                               return optional::get_options(ssl) == static_cast<unsigned long long>(SSL_CTX_get_options(ctx));
                             });
       }},
      {{"verif"}, [from_context] {
         return from_context("the connection's verification mode (SSL_VERIFY_PEER set on the context)",
                             [](SSL_CTX* ctx) { optional::ctx_set_verify_peer(ctx); },
                             [](SSL_CTX*, SSL* ssl) { return optional::verifies_peer(ssl); });
       }},
      // The timeout shows in the session the connection makes.
      {{"timeout"}, [] {
         harness::Contexts ctx;
         std::string why;
         if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
         SSL_CTX_set_timeout(ctx.server, 1234);
         harness::Connection conn;
         if (!harness::connect(ctx, conn, why)) throw Unresolved("scenario: " + why);
         SSL_SESSION* made = SSL_get_session(conn.server);
         if (!made) throw Unresolved("scenario: the server has no session after a handshake");
         const long timeout = static_cast<long>(SSL_SESSION_get_timeout(made));
         return Comparison{timeout == 1234, "the session of a connection from a context with timeout 1234 has timeout " +
                                                std::to_string(timeout)};
       }}};
}

}  // namespace

// A handshake between fresh contexts whose server connection (or context)
// is given a session ID context first; the ID context of the session the
// server made is what the setter stored.
Comparison server_session_id_context(bool on_connection) {
  harness::Contexts ctx;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  if (!on_connection && SSL_CTX_set_session_id_context(ctx.server, kId, kIdLength) != 1)
    throw Unresolved("scenario: SSL_CTX_set_session_id_context refused");
  SSL* client = SSL_new(ctx.client);
  SSL* server = SSL_new(ctx.server);
  BIO *a = nullptr, *b = nullptr;
  if (!client || !server || BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: no connection objects");
  if (on_connection && optional::set_session_id_context(server, kId, kIdLength) != 1)
    throw Unresolved("scenario: SSL_set_session_id_context refused");
  SSL_set_bio(client, a, a);
  SSL_set_bio(server, b, b);
  SSL_set_connect_state(client);
  SSL_set_accept_state(server);
  bool done = false;
  for (int round = 0; round < 64 && !done; ++round) {
    const int c = SSL_do_handshake(client);
    const int s = SSL_do_handshake(server);
    done = c == 1 && s == 1;
  }
  if (!done) throw Unresolved("scenario: the handshake did not complete");
  SSL_SESSION* made = SSL_get_session(server);
  if (!made) throw Unresolved("scenario: the server has no session after a handshake");
  unsigned int len = 0;
  const unsigned char* got = optional::session_get0_id_context(made, &len);
  Comparison c = compare_bytes(got, len, kId, kIdLength);
  c.observed = "the server's session after a handshake: SSL_SESSION_get0_id_context " + c.observed;
  return c;
}

namespace {

void add_connection_objects(Registry& r) {
  auto& ssl_free = r["SSL_free"];
  ssl_free.with_null = [] {
    SSL_free(nullptr);
    return Result::nothing();
  };

  // SSL_free itself is the call: no second reference to release.
  ssl_free.references = [] {
    RefTrial t = connection_trial([](SSL* ssl) {
      SSL_free(ssl);
      return Result::nothing();
    });
    t.release = [] { throw Unresolved("scenario: a connection has no second reference to release"); };
    return t;
  };
  r["SSL_get_client_random"].outputs = {{{"out"}, [] { return random_written(optional::get_client_random); }}};
  r["SSL_get_server_random"].outputs = {{{"out"}, [] { return random_written(optional::get_server_random); }}};
  add_random_copies(r["SSL_get_client_random"], optional::get_client_random);
  add_random_copies(r["SSL_get_server_random"], optional::get_server_random);

  // A new connection: its creator's reference is the only one.
  ssl_free.creation = [] { return connection_trial([](SSL*) { return Result::nothing(); }); };
  auto& up = r["SSL_up_ref"];
  up.success = [] { return integer(optional::ssl_up_ref(fresh_connection())); };
  up.references = [] { return connection_trial([](SSL* ssl) { return integer(optional::ssl_up_ref(ssl)); }); };
  r["SSL_dup"].success = [] { return pointer(optional::ssl_dup(fresh_connection())); };
  auto& sid = r["SSL_set_session_id_context"];
  sid.sets = [] { return server_session_id_context(true); };
  sid.limits = {{{"sid_ctx", "session id context"}, [](long long limit) {
                   return accepts_up_to(limit, "a sid_ctx", [](const unsigned char* v, unsigned int len) {
                     return optional::set_session_id_context(fresh_connection(), v, len);
                   });
                 }}};
  sid.success = [] { return integer(optional::set_session_id_context(fresh_connection(), kId, kIdLength)); };
  sid.cases = {{{"too-long"}, [] {  // longer than SSL_MAX_SID_CTX_LENGTH (32)
                  static const unsigned char too_long[64] = {1};
                  return integer(optional::set_session_id_context(fresh_connection(), too_long, sizeof too_long));
                }}};

  auto& ssl_new = r["SSL_new"];
  ssl_new.success = [] { return pointer(SSL_new(server_context())); };
  ssl_new.cases = {{{"null-argument"}, [] { return pointer(SSL_new(nullptr)); }},
                   {{"new connection"}, ssl_new.success}};
  // The new connection holds its context (the proxy shows the context).
  ssl_new.references = [] {
    return context_trial([](SSL_CTX* ctx) { return pointer(SSL_new(ctx)); });
  };

  // The only refusal known of SSL_clear (OpenSSL's, and the reference's):
  // a TLS 1.2 client with a renegotiation requested and not yet run.
  auto& clear = r["SSL_clear"];
  clear.success = [] { return integer(SSL_clear(fresh_connection())); };
  clear.cases = {{{"was reset"}, clear.success},
                 {{"renegotiation"}, [] {
                    Live l = live();
                    if (SSL_renegotiate(l.conn.client) != 1) throw Unresolved("scenario: SSL_renegotiate refused");
                    return integer(SSL_clear(l.conn.client));
                  }}};
  auto& renegotiate = r["SSL_renegotiate"];
  renegotiate.success = [] { return integer(SSL_renegotiate(live().conn.client)); };
  renegotiate.cases = {{{"tls13"}, [] {  // TLS 1.3 has no renegotiation
                          harness::HandshakeOptions tls13;
                          tls13.protocol = harness::Protocol::tls13;
                          return integer(SSL_renegotiate(live(tls13).conn.client));
                        }}};
  auto& pending = r["SSL_renegotiate_pending"];
  pending.success = [] {
    Live l = live();
    if (SSL_renegotiate(l.conn.client) != 1) throw Unresolved("scenario: SSL_renegotiate refused");
    return integer(SSL_renegotiate_pending(l.conn.client));
  };
  pending.cases = {{{"requested"}, pending.success, [] { return integer(SSL_renegotiate_pending(live().conn.client)); }}};
}

// A fresh connection holding a session that only it holds (the caller's
// reference let go); the tag tells when that session is freed.
SSL* sole_holder_of_session(const harness::Tag*& tag) {
  SSL* ssl = fresh_connection();
  SSL_SESSION* old = handshake_session();
  if (SSL_set_session(ssl, old) != 1) throw Unresolved("scenario: SSL_set_session refused the first session");
  tag = watched(old);
  SSL_SESSION_free(old);  // the connection's reference is the last
  if (!tag->alive()) throw Unresolved("scenario: the connection did not keep the session it was given");
  return ssl;
}

// SSL_set_session on a connection that already holds a session whose only
// other holder has let go: replacing it must free it.
Comparison replaced_session_released() {
  const harness::Tag* tag = nullptr;
  SSL* ssl = sole_holder_of_session(tag);
  SSL_SESSION* next = handshake_session();
  const int ret = SSL_set_session(ssl, next);
  const bool freed = !tag->alive();
  SSL_SESSION_free(next);
  SSL_free(ssl);
  return {freed, "SSL_set_session with a second session returned " + std::to_string(ret) + "; the first session was " +
                     (freed ? "freed" : "still alive") + " (its only holder was the connection)"};
}

// SSL_set_session(ssl, NULL) on a connection whose session only the
// connection holds: the session must be freed.
Comparison session_cleared_released() {
  const harness::Tag* tag = nullptr;
  SSL* ssl = sole_holder_of_session(tag);
  const int ret = SSL_set_session(ssl, nullptr);
  const bool freed = !tag->alive();
  SSL_free(ssl);
  return {freed, "SSL_set_session with NULL returned " + std::to_string(ret) + "; the session set before was " +
                     (freed ? "freed" : "still alive") + " (its only holder was the connection)"};
}

// SSL_dup of a client after its handshake (no longer in its initial
// state): the page's "returns the same handle".
Comparison dup_of_connected() {
  Live l = live();
  SSL* got = optional::ssl_dup(l.conn.client);
  const bool same = got == l.conn.client;
  if (got && !same) SSL_free(got);
  return {same, std::string("SSL_dup of a client after its handshake returned ") +
                    (same ? "the same handle" : got ? "another SSL object" : "NULL")};
}

void add_connection_state(Registry& r) {
  r["SSL_dup"].effect_cases = {{"returns-argument",
                                {"not in their initial state", "not in its initial state", "handshake has started",
                                 "handshake has been started", "after the handshake"},
                                dup_of_connected}};
  auto& set = r["SSL_set_session"];
  set.effects["releases-previous"] = replaced_session_released;
  set.effect_cases = {{"releases-previous", {"already", "previous", "replac"}, replaced_session_released},
                      {"releases-previous", {"null-argument"}, session_cleared_released}};
}

// A read or a write of one byte through the family's adapter; a library
// with neither call (the reference) cannot show what they show.
int read_byte(SSL* ssl) {
  try {
    return harness::read_once(ssl);
  } catch (const harness::Missing& m) {
    throw Untestable("this library has no " + m.function);
  }
}

int write_byte(SSL* ssl) {
  try {
    return harness::write_once(ssl, 'x');
  } catch (const harness::Missing& m) {
    throw Untestable("this library has no " + m.function);
  }
}

bool received_shutdown(SSL* ssl) {
  long long flag = 0;
  if (!checks::constant_value("SSL_RECEIVED_SHUTDOWN", flag)) throw Untestable(no_value_reason("SSL_RECEIVED_SHUTDOWN"));
  try {
    return (optional::get_shutdown(ssl) & flag) != 0;
  } catch (const harness::Missing& m) {
    throw Untestable("this library has no " + m.function);
  }
}

std::string said(const char* what, int rc) { return std::string(what) + " returned " + std::to_string(rc); }

// The client's first SSL_shutdown, then its SSL_write.
Comparison write_refused_after_shutdown() {
  Live l = live();
  const int closed = SSL_shutdown(l.conn.client);
  const int wrote = write_byte(l.conn.client);
  return {wrote <= 0, said("the client's SSL_shutdown", closed) + ", then its SSL_write " + std::to_string(wrote)};
}

// The client shuts down; the server reads its close_notify, writes one
// byte, and the client reads it: the client's read direction stays open.
Comparison peer_writes_after_close_notify() {
  Live l = live();
  const int closed = SSL_shutdown(l.conn.client);
  const int met = read_byte(l.conn.server);
  const bool received = received_shutdown(l.conn.server);
  const int sent = write_byte(l.conn.server);
  const int got = read_byte(l.conn.client);
  return {met == 0 && received && sent == 1 && got == 1,
          said("the client's SSL_shutdown", closed) + "; the server's SSL_read " + std::to_string(met) +
              (received ? " (close_notify received)" : " (no close_notify received)") + ", its SSL_write " +
              std::to_string(sent) + "; the client's SSL_read " + std::to_string(got)};
}

// The write direction closed by the caller, and (with `only`) nothing else.
Comparison write_direction_closed(bool only) {
  Comparison refused = write_refused_after_shutdown();
  if (!only) return refused;
  const Comparison open = peer_writes_after_close_notify();
  return {refused.holds && open.holds, refused.observed + " | " + open.observed};
}

// After the client's SSL_shutdown its reads find nothing yet (the read
// direction open); after the server's, the end of the data (0) with the
// peer's close_notify received.
Comparison read_direction_closed_by_peer() {
  Live l = live();
  const int closed = SSL_shutdown(l.conn.client);
  const int before = read_byte(l.conn.client);
  const bool early = received_shutdown(l.conn.client);
  const int peer = SSL_shutdown(l.conn.server);
  const int after = read_byte(l.conn.client);
  const bool received = received_shutdown(l.conn.client);
  return {before < 0 && !early && after == 0 && received,
          said("the client's SSL_shutdown", closed) + "; its SSL_read " + std::to_string(before) +
              (early ? " (peer's close_notify already seen)" : "") + "; " + said("the server's SSL_shutdown", peer) +
              "; then the client's SSL_read " + std::to_string(after) + (received ? " (close_notify received)" : " (no close_notify received)")};
}

// The client's SSL_shutdown; the server's two calls: its first sends its
// own alert, its second reads what the client sent and completes (1: both
// alerts sent and received, what every family's SSL_shutdown reports).
Comparison close_notify_reaches_peer() {
  Live l = live();
  const int closed = SSL_shutdown(l.conn.client);
  const int first = SSL_shutdown(l.conn.server);
  const int second = SSL_shutdown(l.conn.server);
  return {second == 1, said("the client's SSL_shutdown", closed) + "; the server's SSL_shutdown " + std::to_string(first) +
                           ", then " + std::to_string(second) + (second == 1 ? " (the client's alert received)" : " (not complete)")};
}

// SSL_dup of a connection in its initial state: a new object whose context
// is the original's.
Comparison dup_shares_context() {
  SSL* ssl = fresh_connection();
  SSL* copy = optional::ssl_dup(ssl);
  if (!copy) return {false, "SSL_dup of a new connection returned NULL"};
  const bool distinct = copy != ssl;
  const bool same = optional::ssl_get_ssl_ctx(copy) == optional::ssl_get_ssl_ctx(ssl);
  return {distinct && same, std::string("SSL_dup of a new connection returned ") + (distinct ? "a new object" : "the same object") +
                                ", whose SSL_get_SSL_CTX is " + (same ? "the original's" : "another context")};
}

// A session offered to a server that never saw it (fresh contexts): the
// handshake does not reuse it, and the reference SSL_set_session took is
// given back, so the caller's release frees it.
Comparison unused_session_released() {
  SSL_SESSION* s = handshake_session();
  const harness::Tag* tag = watched(s);
  harness::Contexts ctx;
  harness::Connection conn;
  std::string why;
  if (!harness::make_contexts({}, ctx, why) || !harness::connect(ctx, conn, why, s)) throw Unresolved("scenario: " + why);
  if (SSL_session_reused(conn.client) != 0) throw Unresolved("scenario: a server that never saw the session resumed it");
  SSL_SESSION_free(s);
  const bool freed = !tag->alive();
  return {freed, std::string("a session offered with SSL_set_session to a server that never saw it: not reused; ") +
                     "the caller's SSL_SESSION_free then " + (freed ? "freed it" : "left it alive") + " (the connection still open)"};
}

// The client's session after a handshake, a clean close and SSL_clear.
Comparison session_kept_by_clear() {
  harness::Contexts ctx;
  SSL *client = nullptr, *server = nullptr;
  unstarted_pair(ctx, client, server);
  if (!handshake_between(client, server)) throw Unresolved("scenario: the handshake did not complete");
  SSL_SESSION* before = SSL_get_session(client);
  if (!before) throw Unresolved("scenario: the client has no session after a handshake");
  SSL_shutdown(client);
  SSL_shutdown(server);
  SSL_shutdown(client);
  const int rc = SSL_clear(client);
  const bool same = SSL_get_session(client) == before;
  return {same, std::string("SSL_get_session after a handshake, a clean close and SSL_clear (returned ") + std::to_string(rc) +
                    "): " + (same ? "the same session" : "another or none")};
}

// The client's second SSL_shutdown once the server's close_notify came,
// with one byte of the server's data before it that the client never read
// (`unread`), or none.
Result second_shutdown_after_peer_close(bool unread) {
  Live l = live();
  if (unread && write_byte(l.conn.server) != 1) throw Unresolved("scenario: the server's SSL_write failed");
  SSL_shutdown(l.conn.client);
  SSL_shutdown(l.conn.server);
  return integer(SSL_shutdown(l.conn.client));
}

void add_connection_facts(Registry& r) {
  auto& shutdown = r["SSL_shutdown"];
  shutdown.cases.push_back({{"not all data was read", "data was not read", "unread data", "data left unread"},
                            [] { return second_shutdown_after_peer_close(true); },
                            [] { return second_shutdown_after_peer_close(false); }});
  shutdown.effects["closes-direction:write:caller"] = [] { return write_direction_closed(false); };
  shutdown.effects["closes-direction:write:caller:only"] = [] { return write_direction_closed(true); };
  shutdown.effects["closes-direction:read:peer"] = read_direction_closed_by_peer;
  shutdown.effects["refuses-after:SSL_write"] = write_refused_after_shutdown;
  shutdown.effects["sends-alert:close_notify"] = close_notify_reaches_peer;
  shutdown.effect_cases.push_back({"sends-alert:close_notify", {"first party", "first to send"}, close_notify_reaches_peer});
  shutdown.effects["peer-may-send:close_notify"] = peer_writes_after_close_notify;
  r["SSL_dup"].effects["same-parent"] = dup_shares_context;
  r["SSL_get_client_random"].effects["same-on-both-ends"] = [] { return random_written(optional::get_client_random); };
  r["SSL_get_server_random"].effects["same-on-both-ends"] = [] { return random_written(optional::get_server_random); };
  r["SSL_set_session"].effect_cases.push_back({"refcount-decrement", {"not reused", "not resumed"}, unused_session_released});
  auto& clear = r["SSL_clear"];
  clear.kept.push_back({{"session"}, session_kept_by_clear});
  clear.kept_when = {"closed cleanly", "clean shutdown", "shut down cleanly"};
  r["SSL_set_session_id_context"].effects["part-of"] = [] { return server_session_id_context(true); };
}

}  // namespace

void add_connection(Registry& r) {
  add_connection_accessors(r);
  add_handshake_steps(r);
  add_connection_objects(r);
  add_shutdown_flags(r);
  r["SSL_set_bio"].sets = bios_in_use;
  add_clear_settings(r);
  add_new_settings(r);
  add_connection_state(r);  // it adds to what the others set
  add_connection_facts(r);
}

}  // namespace sslconf::checks::scenarios
