// Adapter for the families that take OpenSSL's calls unchanged: OpenSSL
// (1.0.2 to 3.x), LibreSSL, and wolfSSL's compatibility layer (its headers
// under wolfssl/openssl map the names onto wolfSSL_*).
#include "harness/family.hpp"

#if defined(SSLCONF_FAMILY_OPENSSL) || defined(SSLCONF_FAMILY_LIBRESSL) || defined(SSLCONF_FAMILY_WOLFSSL)
#include "harness/adapters/tls_common.hpp"

namespace sslconf::harness {

const char* family_name() {
#if defined(SSLCONF_FAMILY_WOLFSSL)
  return "wolfssl";
#elif defined(SSLCONF_FAMILY_LIBRESSL)
  return "libressl";
#else
  return "openssl";
#endif
}

Release claimed_release() { return tls_common::decode_version_number(OPENSSL_VERSION_NUMBER); }

SSL_SESSION* new_blank_session() { return SSL_SESSION_new(); }

bool use_test_identity(SSL_CTX* server) { return tls_common::use_pem_identity(server); }
bool pin_protocol(SSL_CTX* ctx, Protocol p) { return tls_common::pin_version(ctx, p); }
void disable_tickets(SSL_CTX* ctx) { SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET); }
bool drain_post_handshake(SSL* client) { return tls_common::read_pending(client); }
bool supports(Protocol) { return true; }
std::string orderly_close_bytes() { return tls_common::close_notify_record(); }

}  // namespace sslconf::harness
#endif
