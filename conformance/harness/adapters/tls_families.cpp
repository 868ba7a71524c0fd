// Adapter for every family that speaks real TLS through the OpenSSL API:
// OpenSSL (1.0.2 to 3.x), LibreSSL, BoringSSL, AWS-LC and wolfSSL's
// compatibility layer. What a family declares comes from the configure-time
// probe (<sslconf_available.h>), never from its name; only the name and the
// release it claims are read from the family's own macros.
#include "harness/family.hpp"

#if !defined(SSLCONF_FAMILY_REFERENCE)
#include "harness/adapter.hpp"
#include "harness/optional.hpp"

#include <sslconf_available.h>

namespace sslconf::harness {

namespace {

// OPENSSL_VERSION_NUMBER: 0xMNNFFPPS before 3.0, 0xMNN00PP0 from 3.0 on.
Release decode_version_number(unsigned long n) {
  Release r;
  r.major = static_cast<int>((n >> 28) & 0xf);
  r.minor = static_cast<int>((n >> 20) & 0xff);
  r.patch = static_cast<int>(r.major >= 3 ? (n >> 4) & 0xff : (n >> 12) & 0xff);
  return r;
}

}  // namespace

const char* family_name() {
#if defined(SSLCONF_FAMILY_AWSLC)
  return "aws-lc";
#elif defined(SSLCONF_FAMILY_BORINGSSL)
  return "boringssl";
#elif defined(SSLCONF_FAMILY_WOLFSSL)
  return "wolfssl";
#elif defined(SSLCONF_FAMILY_LIBRESSL)
  return "libressl";
#else
  return "openssl";
#endif
}

Release claimed_release() {
#if defined(SSLCONF_FAMILY_LIBRESSL)
  // LibreSSL fixes OPENSSL_VERSION_NUMBER at 2.0.0 and follows no OpenSSL
  // release: it claims none.
  Release none;
  none.claimed = false;
  return none;
#else
  return decode_version_number(OPENSSL_VERSION_NUMBER);
#endif
}

// BoringSSL and AWS-LC make a session for a context (whose X.509 method it
// uses); the session keeps what it needs, so the context may go at once.
SSL_SESSION* new_blank_session() {
#if SSLCONF_HAS_SSL_SESSION_new_void
  return SSL_SESSION_new();
#elif SSLCONF_HAS_SSL_SESSION_new_ctx
  SSL_CTX* ctx = SSL_CTX_new(optional::tls_method());
  SSL_SESSION* s = SSL_SESSION_new(ctx);
  SSL_CTX_free(ctx);
  return s;
#else
  throw Missing("SSL_SESSION_new");
#endif
}

bool use_test_identity(SSL_CTX* server) {
  return SSL_CTX_use_certificate_file(server, SSLCONF_HARNESS_DATA "/cert.pem", SSL_FILETYPE_PEM) == 1 &&
         SSL_CTX_use_PrivateKey_file(server, SSLCONF_HARNESS_DATA "/key.pem", SSL_FILETYPE_PEM) == 1;
}

bool supports(Protocol p) {
  return p == Protocol::tls12 || optional::has_tls13();
}

// Before OpenSSL 1.1.0 there are no version bounds: TLS 1.2 alone is what
// remains when every other version is switched off.
bool pin_protocol(SSL_CTX* ctx, Protocol p) {
  if (!supports(p)) return false;
#if SSLCONF_HAS_SSL_CTX_set_min_proto_version && SSLCONF_HAS_SSL_CTX_set_max_proto_version
  const int v = p == Protocol::tls13 ? optional::tls13_version() : TLS1_2_VERSION;
  return optional::ctx_set_min_proto_version(ctx, v) == 1 && optional::ctx_set_max_proto_version(ctx, v) == 1;
#else
  SSL_CTX_set_options(ctx, SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1);
  return true;
#endif
}

void disable_tickets(SSL_CTX* ctx) { SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET); }

// With nothing more to read, a healthy client reports "want read".
bool drain_post_handshake(SSL* client) {
  char byte = 0;
  const int n = SSL_read(client, &byte, 1);
  return n > 0 || SSL_get_error(client, n) == SSL_ERROR_WANT_READ;
}

int read_once(SSL* ssl) {
  char byte = 0;
  return SSL_read(ssl, &byte, 1);
}

int write_once(SSL* ssl, char byte) {
#if SSLCONF_HAS_SSL_write
  return SSL_write(ssl, &byte, 1);
#else
  (void)ssl;
  (void)byte;
  throw Missing("SSL_write");
#endif
}

// A TLS alert record: type 21, version 3.1 (accepted before any version is
// agreed), length 2, level warning (1), description close_notify (0).
std::string orderly_close_bytes() { return std::string("\x15\x03\x01\x00\x02\x01\x00", 7); }

}  // namespace sslconf::harness
#endif
