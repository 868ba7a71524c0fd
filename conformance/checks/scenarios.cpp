// The registry entries. Each function gets only the sorts of scenario it
// has a meaning for; a check asking for a missing sort reports UNTESTED.
#include "checks/scenarios.hpp"

#include "checks/verdict.hpp"
#include "checks/world.hpp"
#include "harness/family.hpp"

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
  set.cases = {{"succeeded", set.success}};

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
  r["i2d_SSL_SESSION"].success = [] { return integer(i2d_SSL_SESSION(handshake_session(), nullptr)); };
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
  harness::Contexts ctx;
  harness::Connection conn;
  std::string why;
  if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
  SSL* client = SSL_new(ctx.client);
  BIO *a = nullptr, *b = nullptr;
  if (!client || BIO_new_bio_pair(&a, 0, &b, 0) != 1) throw Unresolved("scenario: no connection objects");
  SSL_set_bio(client, a, a);
  SSL_set_connect_state(client);
  return integer(step(client));
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
               {"repeated", [step] { return first_step_of_client(step); }}};
  };
  add("SSL_do_handshake", [](SSL* s) { return SSL_do_handshake(s); });
  add("SSL_connect", [](SSL* s) { return SSL_connect(s); });
  r["SSL_accept"].cases = {{"completed", [] { return completing_step([](SSL* s) { return SSL_accept(s); }, true); }},
                           {"repeated", [] {
                              harness::Contexts ctx;
                              std::string why;
                              if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
                              SSL* server = SSL_new(ctx.server);
                              BIO *a = nullptr, *b = nullptr;
                              if (!server || BIO_new_bio_pair(&a, 0, &b, 0) != 1)
                                throw Unresolved("scenario: no connection objects");
                              SSL_set_bio(server, b, b);
                              return integer(SSL_accept(server));  // nothing from the client yet
                            }}};

  auto& shutdown = r["SSL_shutdown"];
  shutdown.cases = {{"not been received", [] { return integer(SSL_shutdown(live().conn.client)); }},
                    {"complete", [] {
                       Live l = live();
                       SSL_shutdown(l.conn.client);
                       SSL_shutdown(l.conn.server);
                       return integer(SSL_shutdown(l.conn.client));
                     }},
                    {"failed", [] { return integer(SSL_shutdown(fresh_connection())); }}};

  auto& error = r["SSL_get_error"];
  error.cases = {{"succeeded", [] { return integer(SSL_get_error(live().conn.client, 1)); }},
                 {"read bio", [] {
                    harness::Contexts ctx;
                    std::string why;
                    if (!harness::make_contexts({}, ctx, why)) throw Unresolved("scenario: " + why);
                    SSL* client = SSL_new(ctx.client);
                    BIO *a = nullptr, *b = nullptr;
                    BIO_new_bio_pair(&a, 0, &b, 0);
                    SSL_set_bio(client, a, a);
                    SSL_set_connect_state(client);
                    return integer(SSL_get_error(client, SSL_do_handshake(client)));
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

  auto& ctx_new = r["SSL_CTX_new"];
  ctx_new.success = [] { return pointer(SSL_CTX_new(TLS_method())); };
  ctx_new.failure = [] { return pointer(SSL_CTX_new(nullptr)); };
  r["SSL_CTX_up_ref"].success = [] { return integer(SSL_CTX_up_ref(server_context())); };

  auto& ssl_new = r["SSL_new"];
  ssl_new.success = [] { return pointer(SSL_new(server_context())); };
  ssl_new.failure = [] { return pointer(SSL_new(nullptr)); };
  ssl_new.cases = {{"could not", ssl_new.failure}, {"new connection", ssl_new.success}};

  r["SSL_clear"].cases = {{"was reset", [] { return integer(SSL_clear(fresh_connection())); }}};
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
#if !defined(SSLCONF_LACKS_SSL_SESSION_set_protocol_version)
  r["SSL_SESSION_set_protocol_version"].success = [] {
    return integer(SSL_SESSION_set_protocol_version(blank_session(), TLS1_2_VERSION));
  };
#endif
  static int slot_value = 0;
  auto slot = [] { return SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr); };
  r["SSL_SESSION_set_ex_data"].success = [slot] {
    return integer(SSL_SESSION_set_ex_data(blank_session(), slot(), &slot_value));
  };
  auto& get = r["SSL_SESSION_get_ex_data"];
  get.success = [slot] {
    SSL_SESSION* s = blank_session();
    const int idx = slot();
    SSL_SESSION_set_ex_data(s, idx, &slot_value);
    return pointer(SSL_SESSION_get_ex_data(s, idx));
  };
  get.failure = [slot] { return pointer(SSL_SESSION_get_ex_data(blank_session(), slot())); };
  r["SSL_SESSION_get_ex_new_index"].success = [slot] { return integer(slot()); };
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
