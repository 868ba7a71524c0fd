// Adapter for BoringSSL: SSL_SESSION_new takes the context whose X.509 method it uses.
#include "harness/family.hpp"

#if defined(SSLCONF_FAMILY_BORINGSSL)
#include "harness/adapters/tls_common.hpp"

namespace sslconf::harness {

const char* family_name() { return "boringssl"; }

Release claimed_release() { return tls_common::decode_version_number(OPENSSL_VERSION_NUMBER); }

// BoringSSL: SSL_SESSION_new(const SSL_CTX *); the session keeps what it
// needs, so the context may go at once.
SSL_SESSION* new_blank_session() {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = SSL_SESSION_new(ctx);
  SSL_CTX_free(ctx);
  return s;
}

bool use_test_identity(SSL_CTX* server) { return tls_common::use_pem_identity(server); }
bool pin_protocol(SSL_CTX* ctx, Protocol p) { return tls_common::pin_version(ctx, p); }
void disable_tickets(SSL_CTX* ctx) { SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET); }
bool drain_post_handshake(SSL* client) { return tls_common::read_pending(client); }
bool supports(Protocol) { return true; }
std::string orderly_close_bytes() { return tls_common::close_notify_record(); }

}  // namespace sslconf::harness
#endif
