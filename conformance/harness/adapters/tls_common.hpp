// Shared by the adapters of the families that speak real TLS through the
// OpenSSL API (OpenSSL, LibreSSL, BoringSSL, wolfSSL). Included by one
// adapter file only in any build, so these may be ordinary definitions.
#pragma once

#include "harness/adapter.hpp"

namespace sslconf::harness::tls_common {

// OPENSSL_VERSION_NUMBER: 0xMNNFFPPS before 3.0, 0xMNN00PP0 from 3.0 on.
inline Release decode_version_number(unsigned long n) {
  Release r;
  r.major = static_cast<int>((n >> 28) & 0xf);
  r.minor = static_cast<int>((n >> 20) & 0xff);
  r.patch = static_cast<int>(r.major >= 3 ? (n >> 4) & 0xff : (n >> 12) & 0xff);
  return r;
}

inline bool use_pem_identity(SSL_CTX* server) {
  return SSL_CTX_use_certificate_file(server, SSLCONF_HARNESS_DATA "/cert.pem", SSL_FILETYPE_PEM) == 1 &&
         SSL_CTX_use_PrivateKey_file(server, SSLCONF_HARNESS_DATA "/key.pem", SSL_FILETYPE_PEM) == 1;
}

inline bool pin_version(SSL_CTX* ctx, Protocol p) {
  const int v = p == Protocol::tls13 ? TLS1_3_VERSION : TLS1_2_VERSION;
  return SSL_CTX_set_min_proto_version(ctx, v) == 1 && SSL_CTX_set_max_proto_version(ctx, v) == 1;
}

// With nothing more to read, a healthy client reports "want read".
// A TLS alert record: type 21, version 3.1 (accepted before any version is
// agreed), length 2, level warning (1), description close_notify (0).
inline std::string close_notify_record() { return std::string("\x15\x03\x01\x00\x02\x01\x00", 7); }

inline bool read_pending(SSL* client) {
  char byte = 0;
  const int n = SSL_read(client, &byte, 1);
  return n > 0 || SSL_get_error(client, n) == SSL_ERROR_WANT_READ;
}

}  // namespace sslconf::harness::tls_common
