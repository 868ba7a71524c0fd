// Adapter for the reference implementation (libsslref): OpenSSL 3.0 shapes,
// a loopback handshake that is not TLS, no session tickets, no SSL_read.
#include "harness/family.hpp"

#if defined(SSLCONF_FAMILY_REFERENCE)
#include "harness/adapter.hpp"
#include "harness/optional.hpp"

namespace sslconf::harness {

const char* family_name() { return "reference"; }

Release claimed_release() { return {OPENSSL_VERSION_MAJOR, OPENSSL_VERSION_MINOR, OPENSSL_VERSION_PATCH}; }

SSL_SESSION* new_blank_session() { return SSL_SESSION_new(); }

bool use_test_identity(SSL_CTX* server) {
  return SSL_CTX_use_certificate_file(server, SSLCONF_HARNESS_DATA "/cert.pem", SSL_FILETYPE_PEM) == 1 &&
         SSL_CTX_use_PrivateKey_file(server, SSLCONF_HARNESS_DATA "/key.pem", SSL_FILETYPE_PEM) == 1;
}

bool pin_protocol(SSL_CTX* ctx, Protocol p) {
  const int v = p == Protocol::tls13 ? TLS1_3_VERSION : TLS1_2_VERSION;
  return SSL_CTX_set_min_proto_version(ctx, v) == 1 && SSL_CTX_set_max_proto_version(ctx, v) == 1;
}

void disable_tickets(SSL_CTX* ctx) { SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET); }

// The reference has no SSL_read: a client whose handshake is done takes the
// tickets that arrived after it when SSL_do_handshake is called again.
bool drain_post_handshake(SSL* client) { return SSL_do_handshake(client) == 1; }

int read_once(SSL*) { throw Missing("SSL_read"); }
int write_once(SSL*, char) { throw Missing("SSL_write"); }

bool supports(Protocol) { return true; }

// The loopback exchange's close message: type 0x15, empty body (ssl.h).
std::string orderly_close_bytes() { return std::string("\x15\x00\x00", 3); }

}  // namespace sslconf::harness
#endif
