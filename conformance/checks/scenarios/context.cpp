// Contexts: their lifecycle, the session cache they hold, and their
// settings.
#include "checks/scenarios/common.hpp"

#include "harness/adapter.hpp"

#include <type_traits>
#include <utility>

namespace sslconf::checks::scenarios {

// A context's death is that of a session only its cache holds.
RefTrial context_trial(std::function<Result(SSL_CTX*)> act_on, int extra) {
  SSL_CTX* ctx = server_context();
  SSL_SESSION* proxy = handshake_session();
  if (SSL_CTX_add_session(ctx, proxy) != 1) throw Unresolved("scenario: SSL_CTX_add_session failed");
  for (int i = 0; i < extra; ++i)
    if (optional::ctx_up_ref(ctx) != 1) throw Unresolved("scenario: SSL_CTX_up_ref failed");
  RefTrial t{proxy, 1 + extra, [ctx, act_on] { return act_on(ctx); }};
  t.proxy_references = 1;
  t.release = [ctx] { SSL_CTX_free(ctx); };
  return t;
}

namespace {

void add_context_objects(Registry& r) {
  auto& ctx_free = r["SSL_CTX_free"];
  ctx_free.with_null = [] {
    SSL_CTX_free(nullptr);
    return Result::nothing();
  };
  ctx_free.references = [] {
    return context_trial(
        [](SSL_CTX* ctx) {
          SSL_CTX_free(ctx);
          return Result::nothing();
        },
        1);
  };
  r["SSL_CTX_up_ref"].references = [] {
    return context_trial([](SSL_CTX* ctx) { return integer(optional::ctx_up_ref(ctx)); });
  };
  auto& ctx_new = r["SSL_CTX_new"];
  ctx_new.success = [] { return pointer(SSL_CTX_new(optional::tls_method())); };
  ctx_new.cases = {{{"null-argument"}, [] { return pointer(SSL_CTX_new(nullptr)); }}};
  r["SSL_CTX_up_ref"].success = [] { return integer(optional::ctx_up_ref(server_context())); };
}

Comparison cache_size_in_effect() {
  SSL_CTX* ctx = server_context();
  SSL_CTX_sess_set_cache_size(ctx, 2);
  const long size = SSL_CTX_sess_get_cache_size(ctx);
  for (unsigned char b = 1; b <= 3; ++b) {
    SSL_SESSION* s = blank_session();
    const unsigned char id[8] = {b, 0x5a, b, 0x5a, b, 0x5a, b, 0x5a};
    if (optional::session_set1_id(s, id, sizeof id) != 1) throw Unresolved("scenario: SSL_SESSION_set1_id failed");
    if (SSL_CTX_add_session(ctx, s) != 1) throw Unresolved("scenario: SSL_CTX_add_session refused a new session");
    SSL_SESSION_free(s);
  }
  const long held = static_cast<long>(SSL_CTX_sess_number(ctx));
  // Only the bound is stated: OpenSSL 3.0 evicts before counting the new
  // session and holds one fewer (1 here), which the page does not rule out.
  return {size == 2 && held <= 2, "size read back " + std::to_string(size) + ", the cache held " + std::to_string(held) +
                                      " after three sessions were added (page: 2, and no more than 2 held)"};
}

void add_context_cache(Registry& r) {
  auto& add = r["SSL_CTX_add_session"];
  add.success = [] { return integer(SSL_CTX_add_session(server_context(), handshake_session())); };
  // The same session object a second time: identical to, and already in,
  // the cache's entry.
  add.cases = {{{"identical-object", "already-in-cache"}, [] {
                  SSL_CTX* ctx = server_context();
                  SSL_SESSION* s = handshake_session();
                  SSL_CTX_add_session(ctx, s);
                  return integer(SSL_CTX_add_session(ctx, s));
                }}};
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
  remove.cases = {{{"not-in-cache"}, [] { return integer(SSL_CTX_remove_session(server_context(), handshake_session())); }}};
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
  // The size in effect, not only read back: a cache of size 2 given three
  // sessions holds no more than two.
  r["SSL_CTX_sess_set_cache_size"].sets = [] { return cache_size_in_effect(); };
  r["SSL_CTX_sess_get_cache_size"].current = [] {
    SSL_CTX* ctx = server_context();
    SSL_CTX_sess_set_cache_size(ctx, 100);
    return compare_values(SSL_CTX_sess_get_cache_size(ctx), 100);
  };
}

void add_context_settings(Registry& r) {
  auto& sid = r["SSL_CTX_set_session_id_context"];
  sid.success = [] { return integer(SSL_CTX_set_session_id_context(server_context(), kId, kIdLength)); };
  sid.cases = {{{"too-long"}, [] {  // longer than SSL_MAX_SID_CTX_LENGTH (32)
                  static const unsigned char too_long[64] = {1};
                  return integer(SSL_CTX_set_session_id_context(server_context(), too_long, sizeof too_long));
                }}};
  auto& min = r["SSL_CTX_set_min_proto_version"];
  min.success = [] { return integer(optional::ctx_set_min_proto_version(server_context(), TLS1_2_VERSION)); };
  min.cases = {{{"unknown-version"}, [] { return integer(optional::ctx_set_min_proto_version(server_context(), 0x1234)); }}};
  auto& max = r["SSL_CTX_set_max_proto_version"];
  max.success = [] { return integer(optional::ctx_set_max_proto_version(server_context(), TLS1_2_VERSION)); };
  max.cases = {{{"unknown-version"}, [] { return integer(optional::ctx_set_max_proto_version(server_context(), 0x1234)); }}};

  auto& cert = r["SSL_CTX_use_certificate_file"];
  cert.success = [] {
    return integer(SSL_CTX_use_certificate_file(server_context(), harness::test_file("cert.pem").c_str(), SSL_FILETYPE_PEM));
  };
  cert.cases = {{{"missing-file"}, [] {
                   return integer(
                       SSL_CTX_use_certificate_file(server_context(), harness::test_file("absent.pem").c_str(), SSL_FILETYPE_PEM));
                 }}};
  auto& key = r["SSL_CTX_use_PrivateKey_file"];
  key.success = [] {
    return integer(SSL_CTX_use_PrivateKey_file(server_context(), harness::test_file("key.pem").c_str(), SSL_FILETYPE_PEM));
  };
  key.cases = {{{"missing-file"}, [] {
                  return integer(
                      SSL_CTX_use_PrivateKey_file(server_context(), harness::test_file("absent.pem").c_str(), SSL_FILETYPE_PEM));
                }}};
  r["SSL_CTX_get_options"].current = [] {
    SSL_CTX* ctx = server_context();
    const auto set = SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    return compare_values(static_cast<long long>(SSL_CTX_get_options(ctx)), static_cast<long long>(set));
  };
}

}  // namespace

void add_context(Registry& r) {
  add_context_objects(r);
  add_context_cache(r);
  add_context_settings(r);
}

}  // namespace sslconf::checks::scenarios
