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

  auto& reused = r["SSL_session_reused"];
  reused.success = [] {
    Live l = live();
    SSL_SESSION* s = SSL_get1_session(l.conn.client);
    harness::Connection again = reconnect(l, s);
    return integer(SSL_session_reused(again.client));
  };
  reused.failure = [] { return integer(SSL_session_reused(live().conn.client)); };
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

  auto& remove = r["SSL_CTX_remove_session"];
  remove.success = [] {
    SSL_CTX* ctx = server_context();
    SSL_SESSION* s = handshake_session();
    SSL_CTX_add_session(ctx, s);
    return integer(SSL_CTX_remove_session(ctx, s));
  };
  remove.failure = [] { return integer(SSL_CTX_remove_session(server_context(), handshake_session())); };
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

const Registry& registry() {
  static const Registry r = [] {
    Registry built;
    add_session_objects(built);
    add_connection_accessors(built);
    add_session_times(built);
    add_session_ids(built);
    add_session_encoding(built);
    add_context_cache(built);
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
