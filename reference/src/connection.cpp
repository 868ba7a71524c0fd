// SSL: one connection. It borrows its context (holding a reference), holds
// one reference to its session, and owns its BIOs.
#include "internal.hpp"

#include <new>

namespace sslref {
namespace {

bool handshake_finished(const SSL* s) { return s->state == HsState::kDone; }

// OpenSSL's rule: a connection whose handshake completed but that never
// sent close_notify ended badly, and its session must not be resumed.
void remove_session_if_bad_end(SSL* s) {
  if (s->session && handshake_finished(s) && !(s->shutdown & SSL_SENT_SHUTDOWN))
    cache_remove(s->ctx, s->session);
}

// SSL_clear of a connection that ended badly also lets go of the session
// (as OpenSSL 3.0 does): it must not be offered again from this SSL.
void drop_session_if_bad_end(SSL* s) {
  if (!s->session || !handshake_finished(s) || (s->shutdown & SSL_SENT_SHUTDOWN)) return;
  cache_remove(s->ctx, s->session);
  session_release(s->session, "SSL_clear");
  s->session = nullptr;
}

void release_bios(SSL* s) {
  if (s->rbio) BIO_free(s->rbio);
  if (s->wbio && s->wbio != s->rbio) BIO_free(s->wbio);
  s->rbio = s->wbio = nullptr;
}

void reset_connection_state(SSL* s) {
  s->state = HsState::kBefore;
  s->hit = false;
  s->shutdown = 0;
  s->last_error = SSL_ERROR_NONE;
  s->negotiated_version = 0;
  s->renegotiate = false;
  s->in.clear();
  s->out.clear();
}

}  // namespace
}  // namespace sslref

// ---- C ABI ---------------------------------------------------------------
using namespace sslref;

extern "C" SSL* SSL_new(SSL_CTX* ctx) {
  if (!ctx) return nullptr;
  SSL* s = new (std::nothrow) SSL;
  if (!s) return nullptr;
  // Two references, as every OpenSSL-API library takes: one for the
  // context the connection was made from, one for the context whose session
  // cache its sessions go to (the same context here; OpenSSL can change the
  // first with SSL_set_SSL_CTX and keep the second).
  SSL_CTX_up_ref(ctx);
  s->ctx = ctx;
  SSL_CTX_up_ref(ctx);
  s->session_ctx = ctx;
  s->sid_ctx = ctx->sid_ctx;
  if (ctx->method->role != 0) {
    s->server = ctx->method->role == 2;
    s->role_set = true;
  }
  return s;
}

extern "C" void SSL_free(SSL* ssl) {
  if (!ssl) return;
  remove_session_if_bad_end(ssl);
  if (ssl->session) session_release(ssl->session, "SSL_free");
  release_bios(ssl);
  SSL_CTX_free(ssl->session_ctx);
  SSL_CTX_free(ssl->ctx);
  delete ssl;
}

extern "C" int SSL_clear(SSL* s) {
  // As OpenSSL: a reset would silently drop the renegotiation asked for.
  if (!s || s->renegotiate) return 0;
  drop_session_if_bad_end(s);
  reset_connection_state(s);
  return 1;
}

extern "C" int SSL_set_session(SSL* to, SSL_SESSION* session) {
  // After the first handshake step the offer is on the wire (or done):
  // a session set now could only mislead SSL_get_session.
  if (!to || to->state != HsState::kBefore) return 0;
  remove_session_if_bad_end(to);
  if (session) {
    session_check_live(session, "SSL_set_session");
    session->refs.fetch_add(1, std::memory_order_relaxed);
  }
  if (to->session) session_release(to->session, "SSL_set_session");
  to->session = session;
  return 1;
}

extern "C" SSL_SESSION* SSL_get_session(const SSL* ssl) { return ssl ? ssl->session : nullptr; }

extern "C" SSL_SESSION* SSL_get1_session(SSL* ssl) {
  if (!ssl || !ssl->session) return nullptr;
  SSL_SESSION_up_ref(ssl->session);
  return ssl->session;
}

extern "C" int SSL_session_reused(const SSL* s) { return s && s->hit ? 1 : 0; }

extern "C" void SSL_set_connect_state(SSL* s) {
  if (!s) return;
  s->server = false;
  s->role_set = true;
  reset_connection_state(s);
}

extern "C" void SSL_set_accept_state(SSL* s) {
  if (!s) return;
  s->server = true;
  s->role_set = true;
  reset_connection_state(s);
}

extern "C" void SSL_set_bio(SSL* s, BIO* rbio, BIO* wbio) {
  if (!s) return;
  BIO* old_r = s->rbio;
  BIO* old_w = s->wbio;
  s->rbio = rbio;
  s->wbio = wbio;
  // Release what we held and no longer use (each held BIO once).
  if (old_r && old_r != rbio && old_r != wbio) BIO_free(old_r);
  if (old_w && old_w != old_r && old_w != rbio && old_w != wbio) BIO_free(old_w);
}

extern "C" int SSL_do_handshake(SSL* s) { return s ? handshake_step(s) : -1; }

extern "C" int SSL_connect(SSL* s) {
  if (!s) return -1;
  if (!s->role_set || s->server) SSL_set_connect_state(s);
  return handshake_step(s);
}

extern "C" int SSL_accept(SSL* s) {
  if (!s) return -1;
  if (!s->role_set || !s->server) SSL_set_accept_state(s);
  return handshake_step(s);
}

extern "C" int SSL_shutdown(SSL* s) { return s ? shutdown_step(s) : -1; }

extern "C" int SSL_get_error(const SSL* s, int ret_code) {
  if (ret_code > 0) return SSL_ERROR_NONE;
  if (!s) return SSL_ERROR_SSL;
  if (ret_code == 0) return (s->shutdown & SSL_RECEIVED_SHUTDOWN) ? SSL_ERROR_ZERO_RETURN : SSL_ERROR_SYSCALL;
  return s->last_error == SSL_ERROR_NONE ? SSL_ERROR_SSL : s->last_error;
}

extern "C" int SSL_renegotiate(SSL* s) {
  // From the client, on a completed handshake of TLS 1.2 or older (TLS 1.3
  // has no renegotiation).
  if (!s || s->server || s->state != HsState::kDone || s->negotiated_version > TLS1_2_VERSION) return 0;
  s->renegotiate = true;
  return 1;
}

extern "C" int SSL_renegotiate_pending(const SSL* s) { return s && s->renegotiate ? 1 : 0; }
