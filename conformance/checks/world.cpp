#include "checks/world.hpp"

#include "checks/verdict.hpp"
#include "harness/adapter.hpp"
#include "harness/optional.hpp"

namespace sslconf::checks {

Live live(const harness::HandshakeOptions& options) {
  Live l;
  std::string why;
  if (!harness::make_contexts(options, l.ctx, why) || !harness::connect(l.ctx, l.conn, why))
    throw Unresolved("scenario: " + why);
  return l;
}

Live live_with(const std::function<void(harness::Contexts&)>& prepare, const harness::HandshakeOptions& options) {
  Live l;
  std::string why;
  if (!harness::make_contexts(options, l.ctx, why)) throw Unresolved("scenario: " + why);
  prepare(l.ctx);
  if (!harness::connect(l.ctx, l.conn, why)) throw Unresolved("scenario: " + why);
  return l;
}

harness::Connection reconnect(const Live& l, SSL_SESSION* resume) {
  harness::Connection c;
  std::string why;
  if (!harness::connect(l.ctx, c, why, resume)) throw Unresolved("scenario: second connection: " + why);
  return c;
}

SSL_SESSION* handshake_session() {
  Live l = live();
  SSL_SESSION* s = SSL_get1_session(l.conn.client);
  if (!s) throw Unresolved("scenario: the client has no session after a handshake");
  harness::disconnect(l.conn, true);  // the caller's reference is now the only one
  return s;
}

SSL_SESSION* resumed_session() {
  Live l = live();
  SSL_SESSION* s = SSL_get1_session(l.conn.client);
  if (!s) throw Unresolved("scenario: the client has no session after a handshake");
  harness::disconnect(l.conn, true);
  harness::Connection again = reconnect(l, s);
  const bool reused = SSL_session_reused(again.client) == 1;
  harness::disconnect(again, true);
  if (!reused) throw Unresolved("scenario: the next connection did not resume the handshake's session");
  return s;
}

SSL_SESSION* blank_session() {
  SSL_SESSION* s = harness::new_blank_session();
  if (!s) throw Unresolved("scenario: no blank session could be made");
  return s;
}

SSL_CTX* server_context() {
  SSL_CTX* ctx = SSL_CTX_new(harness::optional::tls_method());
  if (!ctx) throw Unresolved("scenario: SSL_CTX_new failed");
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER);
  return ctx;
}

SSL* fresh_connection() {
  SSL* ssl = SSL_new(server_context());
  if (!ssl) throw Unresolved("scenario: SSL_new failed");
  return ssl;
}

}  // namespace sslconf::checks
