// The adapter calls that every TLS family (the OpenSSL-like ones and
// BoringSSL) answers in the same way; the family files hold the rest.
#include "harness/family.hpp"

#if !defined(SSLCONF_FAMILY_REFERENCE)
#include "harness/adapters/tls_common.hpp"

namespace sslconf::harness {

Release claimed_release() { return tls_common::decode_version_number(OPENSSL_VERSION_NUMBER); }
bool use_test_identity(SSL_CTX* server) { return tls_common::use_pem_identity(server); }
bool pin_protocol(SSL_CTX* ctx, Protocol p) { return tls_common::pin_version(ctx, p); }
void disable_tickets(SSL_CTX* ctx) { SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET); }
bool drain_post_handshake(SSL* client) { return tls_common::read_pending(client); }
bool supports(Protocol) { return true; }
std::string orderly_close_bytes() { return tls_common::close_notify_record(); }

}  // namespace sslconf::harness
#endif
