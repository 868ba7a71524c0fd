// The registry entries. Each function gets only the sorts of scenario it
// has a meaning for; a check asking for a missing sort reports UNTESTED.
#include "checks/scenarios.hpp"

#include "checks/verdict.hpp"
#include "checks/world.hpp"
#include "harness/family.hpp"
#include "harness/observers.hpp"
#include "platform/process.hpp"

#include <cstring>
#include <memory>
#include <type_traits>
#include <ctime>
#include <vector>

namespace sslconf::checks {

std::string Result::describe() const {
  switch (type) {
    case Type::integer: return std::to_string(integer);
    case Type::pointer: return pointer ? "a non-NULL pointer" : "NULL";
    case Type::none: break;
  }
  return "no value";
}

bool Result::operator==(const Result& o) const {
  return type == o.type && integer == o.integer && pointer == o.pointer;
}

namespace {

using Registry = std::map<std::string, Scenario>;

Result integer(long long v) { return Result::of_int(v); }
Result pointer(const void* p) { return Result::of_pointer(p); }

Comparison compare_values(long long returned, long long expected) {
  return {returned == expected, "returned " + std::to_string(returned) + ", value in effect " + std::to_string(expected)};
}

Comparison compare_bytes(const unsigned char* got, unsigned int got_len, const unsigned char* want, unsigned int want_len) {
  const bool same = got && got_len == want_len && std::memcmp(got, want, want_len) == 0;
  return {same, same ? "returned the bytes that were set"
                     : "returned " + std::to_string(got_len) + " bytes that differ from the " + std::to_string(want_len) + " set"};
}

const unsigned char kId[] = "sslconf-session-id";
const unsigned int kIdLength = 18;

// Session objects -----------------------------------------------------------

void add_session_objects(Registry& r) {
  r["SSL_SESSION_new"].success = [] { return pointer(harness::new_blank_session()); };

  auto& up = r["SSL_SESSION_up_ref"];
  up.success = [] { return integer(SSL_SESSION_up_ref(blank_session())); };
  up.references = [] {
    SSL_SESSION* s = blank_session();
    return RefTrial{s, 1, [s] { return integer(SSL_SESSION_up_ref(s)); }};
  };

  auto& free = r["SSL_SESSION_free"];
  free.returns_void = std::is_void_v<decltype(SSL_SESSION_free(nullptr))>;
  free.with_null = [] {
    SSL_SESSION_free(nullptr);
    return Result::nothing();
  };
  free.references = [] {
    SSL_SESSION* s = blank_session();
    if (SSL_SESSION_up_ref(s) != 1) throw Unresolved("scenario: SSL_SESSION_up_ref failed");
    return RefTrial{s, 2, [s] {
                      SSL_SESSION_free(s);
                      return Result::nothing();
                    }};
  };

#if !defined(SSLCONF_LACKS_SSL_SESSION_dup)
  auto& dup = r["SSL_SESSION_dup"];
  dup.success = [] { return pointer(SSL_SESSION_dup(handshake_session())); };
  dup.invoke = [](const Inputs& in) { return pointer(SSL_SESSION_dup(in.session)); };
#endif

  auto& resumable = r["SSL_SESSION_is_resumable"];
  resumable.success = [] { return integer(SSL_SESSION_is_resumable(handshake_session())); };
  resumable.failure = [] { return integer(SSL_SESSION_is_resumable(blank_session())); };
}

// One end of a connection on a BIO pair whose other end the scenario
// drives by hand (raw bytes, or nothing at all).
struct HalfOpen {
  SSL* ssl = nullptr;
  BIO* peer = nullptr;  // the pair's other end, held by the scenario
};

HalfOpen alone(bool server, std::size_t own_buffer = 0) {
  harness::Contexts ctx;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  HalfOpen h;
  h.ssl = SSL_new(server ? ctx.server : ctx.client);
  BIO* own = nullptr;
  if (!h.ssl || BIO_new_bio_pair(&own, own_buffer, &h.peer, 0) != 1) throw Unresolved("scenario: no connection objects");
  SSL_set_bio(h.ssl, own, own);
  if (server) SSL_set_accept_state(h.ssl);
  else SSL_set_connect_state(h.ssl);
  return h;
}

// Connection accessors --------------------------------------------------------

// SSL_get_session, SSL_get0_session, SSL_get1_session share their shape:
// a session while connected, NULL before any handshake.
template <class Get>
void add_connection_getter(Scenario& s, Get get, bool takes_reference) {
  s.success = [get] { return pointer(get(live().conn.client)); };
  s.failure = [get] { return pointer(get(fresh_connection())); };
  s.invoke = [get](const Inputs& in) { return pointer(get(in.ssl)); };
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
  add_connection_getter(r["SSL_get0_session"], [](SSL* s) { return SSL_get0_session(s); }, false);
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
  set.failure = [] {
    SSL* ssl = alone(false).ssl;
    if (const int rc = SSL_do_handshake(ssl); rc > 0 || SSL_get_error(ssl, rc) != SSL_ERROR_WANT_READ)
      throw Unresolved("scenario: the client's first handshake step did not wait for the server");
    return integer(SSL_set_session(ssl, handshake_session()));
  };
  set.cases = {{"succeeded", set.success}, {"already started", set.failure}};

  auto& reused = r["SSL_session_reused"];
  reused.success = [] {
    Live l = live();
    SSL_SESSION* s = SSL_get1_session(l.conn.client);
    harness::Connection again = reconnect(l, s);
    return integer(SSL_session_reused(again.client));
  };
  reused.failure = [] { return integer(SSL_session_reused(live().conn.client)); };
  reused.cases = {{"new session", reused.failure}, {"reused", reused.success}};
}

// Session fields ----------------------------------------------------------------

void add_session_times(Registry& r) {
  auto& get_time = r["SSL_SESSION_get_time"];
  get_time.success = [] { return integer(static_cast<long long>(SSL_SESSION_get_time(handshake_session()))); };
#if !defined(SSLCONF_LACKS_SSL_SESSION_set_time)
  get_time.current = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set_time(s, 1000000);
    return compare_values(static_cast<long long>(SSL_SESSION_get_time(s)), 1000000);
  };
  auto& set_time = r["SSL_SESSION_set_time"];
  set_time.success = [] { return integer(static_cast<long long>(SSL_SESSION_set_time(blank_session(), 1000000))); };
  set_time.previous = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set_time(s, 1000000);
    return compare_values(static_cast<long long>(SSL_SESSION_set_time(s, 2000000)), 1000000);
  };
#endif

  auto& get_timeout = r["SSL_SESSION_get_timeout"];
  get_timeout.success = [] { return integer(static_cast<long long>(SSL_SESSION_get_timeout(handshake_session()))); };
  get_timeout.current = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set_timeout(s, 1234);
    return compare_values(static_cast<long long>(SSL_SESSION_get_timeout(s)), 1234);
  };
  auto& set_timeout = r["SSL_SESSION_set_timeout"];
  set_timeout.success = [] { return integer(static_cast<long long>(SSL_SESSION_set_timeout(blank_session(), 1234))); };
  set_timeout.previous = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set_timeout(s, 1234);
    return compare_values(static_cast<long long>(SSL_SESSION_set_timeout(s, 4321)), 1234);
  };
}

void add_session_ids(Registry& r) {
  auto& set_id = r["SSL_SESSION_set1_id"];
  set_id.success = [] { return integer(SSL_SESSION_set1_id(blank_session(), kId, kIdLength)); };
  // Longer than any session ID (SSL_MAX_SSL_SESSION_ID_LENGTH is 32).
  set_id.failure = [] {
    static const unsigned char too_long[64] = {1};
    return integer(SSL_SESSION_set1_id(blank_session(), too_long, sizeof too_long));
  };

  auto& get_id = r["SSL_SESSION_get_id"];
  get_id.success = [] {
    unsigned int len = 0;
    return pointer(SSL_SESSION_get_id(handshake_session(), &len));
  };
  get_id.current = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set1_id(s, kId, kIdLength);
    unsigned int len = 0;
    const unsigned char* got = SSL_SESSION_get_id(s, &len);
    return compare_bytes(got, len, kId, kIdLength);
  };

  auto& set_ctx = r["SSL_SESSION_set1_id_context"];
  set_ctx.success = [] { return integer(SSL_SESSION_set1_id_context(blank_session(), kId, kIdLength)); };
  set_ctx.failure = [] {
    static const unsigned char too_long[64] = {1};
    return integer(SSL_SESSION_set1_id_context(blank_session(), too_long, sizeof too_long));
  };
  auto& get_ctx = r["SSL_SESSION_get0_id_context"];
  get_ctx.success = [] {
    unsigned int len = 0;
    return pointer(SSL_SESSION_get0_id_context(handshake_session(), &len));
  };
  get_ctx.current = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set1_id_context(s, kId, kIdLength);
    unsigned int len = 0;
    const unsigned char* got = SSL_SESSION_get0_id_context(s, &len);
    return compare_bytes(got, len, kId, kIdLength);
  };
}

void add_session_encoding(Registry& r) {
  auto& i2d = r["i2d_SSL_SESSION"];
  i2d.success = [] { return integer(i2d_SSL_SESSION(handshake_session(), nullptr)); };
  // No session at all: the one failure OpenSSL's encoder checks for besides
  // a session without a cipher.
  i2d.failure = [] { return integer(i2d_SSL_SESSION(nullptr, nullptr)); };
  auto& d2i = r["d2i_SSL_SESSION"];
  d2i.success = [] {
    SSL_SESSION* s = handshake_session();
    std::vector<unsigned char> der(static_cast<std::size_t>(i2d_SSL_SESSION(s, nullptr)));
    unsigned char* out = der.data();
    i2d_SSL_SESSION(s, &out);
    const unsigned char* in = der.data();
    return pointer(d2i_SSL_SESSION(nullptr, &in, static_cast<long>(der.size())));
  };
  d2i.failure = [] {
    static const unsigned char garbage[] = {0x30, 0x03, 0x02, 0x01};
    const unsigned char* in = garbage;
    return pointer(d2i_SSL_SESSION(nullptr, &in, sizeof garbage));
  };
}

// Context cache -----------------------------------------------------------------

void add_context_cache(Registry& r) {
  auto& add = r["SSL_CTX_add_session"];
  add.success = [] { return integer(SSL_CTX_add_session(server_context(), handshake_session())); };
  add.failure = [] {  // the same session a second time
    SSL_CTX* ctx = server_context();
    SSL_SESSION* s = handshake_session();
    SSL_CTX_add_session(ctx, s);
    return integer(SSL_CTX_add_session(ctx, s));
  };
  add.references = [] {
    SSL_CTX* ctx = server_context();
    SSL_SESSION* s = handshake_session();
    return RefTrial{s, 1, [ctx, s] { return integer(SSL_CTX_add_session(ctx, s)); }};
  };

  add.cache_change = [] {
    SSL_CTX* ctx = server_context();
    const long before = static_cast<long>(SSL_CTX_sess_number(ctx));
    SSL_CTX_add_session(ctx, handshake_session());
    return std::make_pair(before, static_cast<long>(SSL_CTX_sess_number(ctx)));
  };

  auto& remove = r["SSL_CTX_remove_session"];
  remove.success = [] {
    SSL_CTX* ctx = server_context();
    SSL_SESSION* s = handshake_session();
    SSL_CTX_add_session(ctx, s);
    return integer(SSL_CTX_remove_session(ctx, s));
  };
  remove.failure = [] { return integer(SSL_CTX_remove_session(server_context(), handshake_session())); };
  remove.cache_change = [] {
    SSL_CTX* ctx = server_context();
    SSL_SESSION* s = handshake_session();
    SSL_CTX_add_session(ctx, s);
    const long before = static_cast<long>(SSL_CTX_sess_number(ctx));
    SSL_CTX_remove_session(ctx, s);
    return std::make_pair(before, static_cast<long>(SSL_CTX_sess_number(ctx)));
  };
  remove.references = [] {
    SSL_CTX* ctx = server_context();
    SSL_SESSION* s = handshake_session();
    if (SSL_CTX_add_session(ctx, s) != 1) throw Unresolved("scenario: SSL_CTX_add_session failed");
    return RefTrial{s, 2, [ctx, s] { return integer(SSL_CTX_remove_session(ctx, s)); }};
  };

  auto& flush = r["SSL_CTX_flush_sessions"];
  flush.returns_void = std::is_void_v<decltype(SSL_CTX_flush_sessions(nullptr, 0))>;

  auto& timeout = r["SSL_CTX_set_timeout"];
  timeout.previous = [] {
    SSL_CTX* ctx = server_context();
    SSL_CTX_set_timeout(ctx, 1234);
    return compare_values(static_cast<long long>(SSL_CTX_set_timeout(ctx, 4321)), 1234);
  };
  r["SSL_CTX_get_timeout"].current = [] {
    SSL_CTX* ctx = server_context();
    SSL_CTX_set_timeout(ctx, 1234);
    return compare_values(static_cast<long long>(SSL_CTX_get_timeout(ctx)), 1234);
  };

  r["SSL_CTX_set_session_cache_mode"].previous = [] {
    SSL_CTX* ctx = server_context();
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT);
    return compare_values(SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_BOTH), SSL_SESS_CACHE_CLIENT);
  };
  r["SSL_CTX_get_session_cache_mode"].current = [] {
    SSL_CTX* ctx = server_context();
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT);
    return compare_values(SSL_CTX_get_session_cache_mode(ctx), SSL_SESS_CACHE_CLIENT);
  };

  r["SSL_CTX_sess_set_cache_size"].previous = [] {
    SSL_CTX* ctx = server_context();
    SSL_CTX_sess_set_cache_size(ctx, 100);
    return compare_values(SSL_CTX_sess_set_cache_size(ctx, 200), 100);
  };
  r["SSL_CTX_sess_get_cache_size"].current = [] {
    SSL_CTX* ctx = server_context();
    SSL_CTX_sess_set_cache_size(ctx, 100);
    return compare_values(SSL_CTX_sess_get_cache_size(ctx), 100);
  };
}

// Lifecycle of contexts, connections and BIOs --------------------------------

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

// The value a handshake function returns on the call that completes it,
// called on the client (or, with on_server, on the server).
template <class Step>
Result completing_step(Step step, bool on_server = false) {
  harness::Contexts ctx;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  SSL* client = SSL_new(ctx.client);
  SSL* server = SSL_new(ctx.server);
  BIO *a = nullptr, *b = nullptr;
  if (!client || !server || BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: no connection objects");
  SSL_set_bio(client, a, a);
  SSL_set_bio(server, b, b);
  SSL_set_connect_state(client);
  SSL_set_accept_state(server);
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
    s.cases = {{"completed", [step] { return completing_step(step); }},
               {"orderly", [step] { return integer(orderly_close_during(step, false).second); }},
               {"repeated", [step] { return first_step_of_client(step); }}};
  };
  add("SSL_do_handshake", [](SSL* s) { return SSL_do_handshake(s); });
  add("SSL_connect", [](SSL* s) { return SSL_connect(s); });
  auto accept = [](SSL* s) { return SSL_accept(s); };
  r["SSL_accept"].cases = {{"completed", [accept] { return completing_step(accept, true); }},
                           {"orderly", [accept] { return integer(orderly_close_during(accept, true).second); }},
                           {"repeated", [accept] { return integer(accept(alone(true).ssl)); }}};  // nothing from the client yet

  auto& shutdown = r["SSL_shutdown"];
  shutdown.cases = {{"not been received", [] { return integer(SSL_shutdown(live().conn.client)); }},
                    {"complete", [] {
                       Live l = live();
                       SSL_shutdown(l.conn.client);
                       SSL_shutdown(l.conn.server);
                       return integer(SSL_shutdown(l.conn.client));
                     }},
                    {"failed", [] { return integer(SSL_shutdown(fresh_connection())); }}};

  auto handshake = [](SSL* s) { return SSL_do_handshake(s); };
  auto& error = r["SSL_get_error"];
  error.cases = {
      {"succeeded", [] { return integer(SSL_get_error(live().conn.client, 1)); }},
      {"close_notify", [handshake] { return error_after([handshake] { return orderly_close_during(handshake, false); }); }},
      {"read bio", [handshake] {
         return error_after([handshake] {
           SSL* client = alone(false).ssl;
           return std::make_pair(client, handshake(client));
         });
       }},
      // A write buffer smaller than the client's first flight.
      {"write bio", [handshake] {
         return error_after([handshake] {
           SSL* client = alone(false, 1).ssl;
           return std::make_pair(client, handshake(client));
         });
       }},
      // The other end of the pair is destroyed before the client writes.
      {"transport failed", [handshake] {
         return error_after([handshake] {
           HalfOpen h = alone(false);
           BIO_free(h.peer);
           return std::make_pair(h.ssl, handshake(h.ssl));
         });
       }},
      // Two clients joined: each receives a client's first message where
      // it expects the server's.
      {"protocol error", [handshake] {
         return error_after([handshake] {
           HalfOpen first = alone(false);
           SSL* second = alone(false).ssl;
           BIO *a = nullptr, *b = nullptr;
           if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: no BIO pair");
           SSL_set_bio(first.ssl, a, a);
           SSL_set_bio(second, b, b);
           handshake(first.ssl);
           return std::make_pair(second, handshake(second));
         });
       }}};
}

void add_objects(Registry& r) {
  auto& ssl_free = r["SSL_free"];
  ssl_free.with_null = [] {
    SSL_free(nullptr);
    return Result::nothing();
  };
  auto& ctx_free = r["SSL_CTX_free"];
  ctx_free.with_null = [] {
    SSL_CTX_free(nullptr);
    return Result::nothing();
  };
  auto& bio_free = r["BIO_free"];
  bio_free.with_null = [] { return integer(BIO_free(nullptr)); };
  bio_free.success = [] {
    BIO *a = nullptr, *b = nullptr;
    if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
    return integer(BIO_free(a));
  };
  bio_free.failure = bio_free.with_null;
  r["BIO_new_bio_pair"].success = [] {
    BIO *a = nullptr, *b = nullptr;
    return integer(BIO_new_bio_pair(&a, 0, &b, 0));
  };

  // A connection's death is its session's: the session set on it is the
  // proxy (the caller's reference to it is dropped once it is tagged).
  ssl_free.references = [] {
    SSL* ssl = fresh_connection();
    SSL_SESSION* proxy = handshake_session();
    if (SSL_set_session(ssl, proxy) != 1) throw Unresolved("scenario: SSL_set_session failed");
    RefTrial t{proxy, 1, [ssl] {
                 SSL_free(ssl);
                 return Result::nothing();
               }};
    t.proxy_references = 1;
    t.release = [] { throw Unresolved("scenario: a connection has no second reference to release"); };
    return t;
  };
  // A context's death is that of a session only its cache holds. `extra`
  // references are taken first, so that a release must count down rather
  // than free at once.
  auto context_trial = [](auto act_on, int extra = 0) {
    SSL_CTX* ctx = server_context();
    SSL_SESSION* proxy = handshake_session();
    if (SSL_CTX_add_session(ctx, proxy) != 1) throw Unresolved("scenario: SSL_CTX_add_session failed");
    for (int i = 0; i < extra; ++i)
      if (SSL_CTX_up_ref(ctx) != 1) throw Unresolved("scenario: SSL_CTX_up_ref failed");
    RefTrial t{proxy, 1 + extra, [ctx, act_on] { return act_on(ctx); }};
    t.proxy_references = 1;
    t.release = [ctx] { SSL_CTX_free(ctx); };
    return t;
  };
  ctx_free.references = [context_trial] {
    return context_trial(
        [](SSL_CTX* ctx) {
          SSL_CTX_free(ctx);
          return Result::nothing();
        },
        1);
  };
  r["SSL_CTX_up_ref"].references = [context_trial] {
    return context_trial([](SSL_CTX* ctx) { return integer(SSL_CTX_up_ref(ctx)); });
  };
  // A pair end's death is seen from the other end (PairWatch).
  auto pair_trial = [](auto act_on, int extra = 0) {
    if (!harness::PairWatch::broken().empty()) throw Unresolved(harness::PairWatch::broken());
    BIO *a = nullptr, *b = nullptr;
    if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
    for (int i = 0; i < extra; ++i)
      if (BIO_up_ref(a) != 1) throw Unresolved("scenario: BIO_up_ref failed");
    RefTrial t{nullptr, 1 + extra, [a, act_on] { return act_on(a); }};
    t.alive = [b] { return harness::PairWatch::alive(b); };
    t.release = [a] { BIO_free(a); };
    return t;
  };
  bio_free.references = [pair_trial] {
    return pair_trial([](BIO* a) { return integer(BIO_free(a)); }, 1);
  };
  auto& bio_up = r["BIO_up_ref"];
  bio_up.success = [] {
    BIO *a = nullptr, *b = nullptr;
    if (BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
    return integer(BIO_up_ref(a));
  };
  bio_up.references = [pair_trial] {
    return pair_trial([](BIO* a) { return integer(BIO_up_ref(a)); });
  };
#if !defined(SSLCONF_LACKS_BIO_ctrl_get_write_guarantee)
  auto& guarantee = r["BIO_ctrl_get_write_guarantee"];
  guarantee.cases = {{"gone", [] {
                        BIO *a = nullptr, *b = nullptr;
                        if (BIO_new_bio_pair(&a, 16, &b, 16) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
                        BIO_free(b);
                        return integer(static_cast<long long>(BIO_ctrl_get_write_guarantee(a)));
                      }}};
  guarantee.success = [] {
    BIO *a = nullptr, *b = nullptr;
    if (BIO_new_bio_pair(&a, 16, &b, 16) != 1) throw Unresolved("scenario: BIO_new_bio_pair failed");
    return integer(static_cast<long long>(BIO_ctrl_get_write_guarantee(a)));
  };
#endif

  auto& ctx_new = r["SSL_CTX_new"];
  ctx_new.success = [] { return pointer(SSL_CTX_new(TLS_method())); };
  ctx_new.failure = [] { return pointer(SSL_CTX_new(nullptr)); };
  r["SSL_CTX_up_ref"].success = [] { return integer(SSL_CTX_up_ref(server_context())); };

  auto& ssl_new = r["SSL_new"];
  ssl_new.success = [] { return pointer(SSL_new(server_context())); };
  ssl_new.failure = [] { return pointer(SSL_new(nullptr)); };
  ssl_new.cases = {{"could not", ssl_new.failure}, {"new connection", ssl_new.success}};
  // The new connection holds its context (the proxy shows the context).
  ssl_new.references = [context_trial] {
    return context_trial([](SSL_CTX* ctx) { return pointer(SSL_new(ctx)); });
  };

  // The only refusal known of SSL_clear (OpenSSL's, and the reference's):
  // a TLS 1.2 client with a renegotiation requested and not yet run.
  auto& clear = r["SSL_clear"];
  clear.cases = {{"was reset", [] { return integer(SSL_clear(fresh_connection())); }},
                 {"renegotiation", [] {
                    Live l = live();
                    if (SSL_renegotiate(l.conn.client) != 1) throw Unresolved("scenario: SSL_renegotiate refused");
                    return integer(SSL_clear(l.conn.client));
                  }}};
  auto& renegotiate = r["SSL_renegotiate"];
  renegotiate.success = [] { return integer(SSL_renegotiate(live().conn.client)); };
  renegotiate.failure = [] {  // TLS 1.3 has no renegotiation
    harness::HandshakeOptions tls13;
    tls13.protocol = harness::Protocol::tls13;
    return integer(SSL_renegotiate(live(tls13).conn.client));
  };
  auto& pending = r["SSL_renegotiate_pending"];
  pending.success = [] {
    Live l = live();
    if (SSL_renegotiate(l.conn.client) != 1) throw Unresolved("scenario: SSL_renegotiate refused");
    return integer(SSL_renegotiate_pending(l.conn.client));
  };
  pending.failure = [] { return integer(SSL_renegotiate_pending(live().conn.client)); };
}

void add_context_settings(Registry& r) {
  auto& sid = r["SSL_CTX_set_session_id_context"];
  sid.success = [] { return integer(SSL_CTX_set_session_id_context(server_context(), kId, kIdLength)); };
  sid.failure = [] {
    static const unsigned char too_long[64] = {1};
    return integer(SSL_CTX_set_session_id_context(server_context(), too_long, sizeof too_long));
  };
  auto& min = r["SSL_CTX_set_min_proto_version"];
  min.success = [] { return integer(SSL_CTX_set_min_proto_version(server_context(), TLS1_2_VERSION)); };
  min.failure = [] { return integer(SSL_CTX_set_min_proto_version(server_context(), 0x1234)); };
  auto& max = r["SSL_CTX_set_max_proto_version"];
  max.success = [] { return integer(SSL_CTX_set_max_proto_version(server_context(), TLS1_2_VERSION)); };
  max.failure = [] { return integer(SSL_CTX_set_max_proto_version(server_context(), 0x1234)); };

  auto& cert = r["SSL_CTX_use_certificate_file"];
  cert.success = [] {
    return integer(SSL_CTX_use_certificate_file(server_context(), harness::test_file("cert.pem").c_str(), SSL_FILETYPE_PEM));
  };
  cert.failure = [] {
    return integer(SSL_CTX_use_certificate_file(server_context(), harness::test_file("absent.pem").c_str(), SSL_FILETYPE_PEM));
  };
  auto& key = r["SSL_CTX_use_PrivateKey_file"];
  key.success = [] {
    return integer(SSL_CTX_use_PrivateKey_file(server_context(), harness::test_file("key.pem").c_str(), SSL_FILETYPE_PEM));
  };
  key.failure = [] {
    return integer(SSL_CTX_use_PrivateKey_file(server_context(), harness::test_file("absent.pem").c_str(), SSL_FILETYPE_PEM));
  };
  r["SSL_CTX_get_options"].current = [] {
    SSL_CTX* ctx = server_context();
    const auto set = SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    return compare_values(static_cast<long long>(SSL_CTX_get_options(ctx)), static_cast<long long>(set));
  };
}

void add_session_data(Registry& r) {
#if !defined(SSLCONF_LACKS_SSL_SESSION_set1_master_key)
  auto& master = r["SSL_SESSION_set1_master_key"];
  master.success = [] {
    static const unsigned char key[48] = {7};
    return integer(SSL_SESSION_set1_master_key(blank_session(), key, sizeof key));
  };
  master.failure = [] {
    static const unsigned char key[4096] = {7};
    return integer(SSL_SESSION_set1_master_key(blank_session(), key, sizeof key));
  };
#endif
#if !defined(SSLCONF_LACKS_SSL_SESSION_set1_master_key)
  master.sets = [] {
    static const unsigned char key[48] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set1_master_key(s, key, sizeof key);
    unsigned char out[64] = {0};
    const auto got = SSL_SESSION_get_master_key(s, out, sizeof out);
    return compare_bytes(out, static_cast<unsigned int>(got), key, sizeof key);
  };
#endif
#if !defined(SSLCONF_LACKS_SSL_SESSION_set_protocol_version)
  auto& version = r["SSL_SESSION_set_protocol_version"];
  version.success = [] { return integer(SSL_SESSION_set_protocol_version(blank_session(), TLS1_2_VERSION)); };
  version.sets = [] {
    SSL_SESSION* s = blank_session();
    SSL_SESSION_set_protocol_version(s, TLS1_1_VERSION);
    return compare_values(SSL_SESSION_get_protocol_version(s), TLS1_1_VERSION);
  };
#endif
  static int slot_value = 0;
  auto slot = [] { return SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr); };
  auto& set = r["SSL_SESSION_set_ex_data"];
  set.success = [slot] { return integer(SSL_SESSION_set_ex_data(blank_session(), slot(), &slot_value)); };
  set.sets = [slot] {
    SSL_SESSION* s = blank_session();
    const int idx = slot();
    SSL_SESSION_set_ex_data(s, idx, &slot_value);
    const bool same = SSL_SESSION_get_ex_data(s, idx) == &slot_value;
    return Comparison{same, same ? "SSL_SESSION_get_ex_data returned the pointer stored"
                                 : "SSL_SESSION_get_ex_data returned another pointer"};
  };
  auto& get = r["SSL_SESSION_get_ex_data"];
  get.success = [slot] {
    SSL_SESSION* s = blank_session();
    const int idx = slot();
    SSL_SESSION_set_ex_data(s, idx, &slot_value);
    return pointer(SSL_SESSION_get_ex_data(s, idx));
  };
  get.failure = [slot] { return pointer(SSL_SESSION_get_ex_data(blank_session(), slot())); };
  auto& index = r["SSL_SESSION_get_ex_new_index"];
  index.success = [slot] { return integer(slot()); };
  // A library may limit the indexes of a class; none is known to fail
  // otherwise short of memory, so a library that grants them all has no
  // failure case to show.
  index.failure = [slot] {
    constexpr int kTries = 4096;
    for (int i = 0; i < kTries; ++i)
      if (const int idx = slot(); idx < 0) return integer(idx);
    throw Untestable("no failure case: " + std::to_string(kTries) + " new session indexes were all granted");
  };
}

// The general ex_data calls, on a set of slots the scenario owns.
void add_general_ex_data(Registry& r) {
  (void)r;  // every entry below is absent on a family without these calls
#if !defined(SSLCONF_LACKS_CRYPTO_get_ex_new_index)
  auto& index = r["CRYPTO_get_ex_new_index"];
  index.success = [] { return integer(CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_APP, 0, nullptr, nullptr, nullptr, nullptr)); };
  index.failure = [] {  // a class that does not exist
    return integer(CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX__COUNT + 7, 0, nullptr, nullptr, nullptr, nullptr));
  };
#endif
#if !defined(SSLCONF_LACKS_CRYPTO_set_ex_data) && !defined(SSLCONF_LACKS_CRYPTO_get_ex_new_index)
  static int value = 0;
  auto app_index = [] { return CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_APP, 0, nullptr, nullptr, nullptr, nullptr); };
  auto& set = r["CRYPTO_set_ex_data"];
  set.success = [app_index] {
    static CRYPTO_EX_DATA ad{};
    return integer(CRYPTO_set_ex_data(&ad, app_index(), &value));
  };
  set.failure = [] {  // no slot has a negative index
    static CRYPTO_EX_DATA ad{};
    return integer(CRYPTO_set_ex_data(&ad, -1, &value));
  };
#if !defined(SSLCONF_LACKS_CRYPTO_get_ex_data)
  auto& get = r["CRYPTO_get_ex_data"];
  get.success = [app_index] {
    static CRYPTO_EX_DATA ad{};
    const int idx = app_index();
    CRYPTO_set_ex_data(&ad, idx, &value);
    return pointer(CRYPTO_get_ex_data(&ad, idx));
  };
  get.failure = [app_index] {  // a slot never set
    static CRYPTO_EX_DATA ad{};
    const int set_idx = app_index();
    CRYPTO_set_ex_data(&ad, set_idx, &value);
    return pointer(CRYPTO_get_ex_data(&ad, app_index()));
  };
  set.sets = [app_index] {
    static CRYPTO_EX_DATA ad{};
    const int idx = app_index();
    CRYPTO_set_ex_data(&ad, idx, &value);
    const bool same = CRYPTO_get_ex_data(&ad, idx) == &value;
    return Comparison{same, same ? "CRYPTO_get_ex_data returned the pointer stored"
                                 : "CRYPTO_get_ex_data returned another pointer"};
  };
#endif
#endif
#if !defined(SSLCONF_LACKS_CRYPTO_new_ex_data)
  auto& init = r["CRYPTO_new_ex_data"];
  init.success = [] {
    static CRYPTO_EX_DATA ad{};
    return integer(CRYPTO_new_ex_data(CRYPTO_EX_INDEX_APP, nullptr, &ad));
  };
  init.failure = [] {  // a class that does not exist
    static CRYPTO_EX_DATA ad{};
    return integer(CRYPTO_new_ex_data(CRYPTO_EX_INDEX__COUNT + 7, nullptr, &ad));
  };
  r["CRYPTO_free_ex_data"].returns_void = std::is_void_v<decltype(CRYPTO_free_ex_data(0, nullptr, nullptr))>;
#endif
}

// libsslref's two builds report which they are; each is loaded by path, so
// the answer is compared with the build it really came from.
void add_reference_build(Registry& r) {
#if defined(SSLCONF_FAMILY_REFERENCE) && defined(SSLCONF_REFERENCE_CHECKED_LIBRARY)
  auto flavour_of = [](const char* library) {
    std::string why;
    void* symbol = platform::library_symbol(library, "sslref_checked_build", why);
    if (!symbol) throw Unresolved("scenario: " + why);
    return integer(reinterpret_cast<int (*)(void)>(symbol)());
  };
  auto& build = r["sslref_checked_build"];
  build.cases.emplace_back("checked build", [flavour_of] { return flavour_of(SSLCONF_REFERENCE_CHECKED_LIBRARY); });
#if defined(SSLCONF_REFERENCE_REGULAR_LIBRARY)
  build.cases.emplace_back("regular build", [flavour_of] { return flavour_of(SSLCONF_REFERENCE_REGULAR_LIBRARY); });
#else
  build.cases.emplace_back("regular build", []() -> Result {
    throw Untestable("this build of libsslref is the checked one (SSLCONF_CHECKED): no regular build to ask");
  });
#endif
#else
  (void)r;
#endif
}

const Registry& registry() {
  static const Registry r = [] {
    Registry built;
    add_session_objects(built);
    add_connection_accessors(built);
    add_session_times(built);
    add_session_ids(built);
    add_session_encoding(built);
    add_context_cache(built);
    add_handshake_steps(built);
    add_objects(built);
    add_context_settings(built);
    add_session_data(built);
    add_general_ex_data(built);
    add_reference_build(built);
    // A setter's read-back is its getter's scenario.
    const std::pair<const char*, const char*> pairs[] = {
        {"SSL_SESSION_set_time", "SSL_SESSION_get_time"}, {"SSL_SESSION_set_timeout", "SSL_SESSION_get_timeout"},
        {"SSL_SESSION_set1_id", "SSL_SESSION_get_id"}, {"SSL_SESSION_set1_id_context", "SSL_SESSION_get0_id_context"},
        {"SSL_CTX_set_timeout", "SSL_CTX_get_timeout"}, {"SSL_CTX_set_session_cache_mode", "SSL_CTX_get_session_cache_mode"},
        {"SSL_CTX_sess_set_cache_size", "SSL_CTX_sess_get_cache_size"}};
    for (const auto& [setter, getter] : pairs)
      if (built.count(getter) && built[getter].current) built[setter].sets = built[getter].current;
    return built;
  }();
  return r;
}

}  // namespace

const Scenario* find_scenario(const std::string& function) {
  const auto& r = registry();
  const auto it = r.find(function);
  return it == r.end() ? nullptr : &it->second;
}

bool has_scenario(const std::string& function) { return find_scenario(function) != nullptr; }

const Scenario& scenario_for(const std::string& function) {
  const Scenario* s = find_scenario(function);
  if (!s) throw Untestable("no scenario for " + function);
  return *s;
}

}  // namespace sslconf::checks
