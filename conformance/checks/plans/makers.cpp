// The makers of the scenario plans (plan/makers.h) on the harness: the
// same states a reproducer makes on the public API, made here the way every
// hand-written scenario makes them, so the reference (which has no X509
// parser) gets them too where it can.
#include "plan/makers.h"

#include "harness/adapter.hpp"
#include "harness/handshake.hpp"
#include "harness/optional.hpp"

#include <sslconf_available.h>

#include <string>

namespace {

using sslconf::harness::Connection;
using sslconf::harness::Contexts;

bool connected(Connection& c) {
  Contexts ctx;
  std::string why;
  return sslconf::harness::make_contexts({}, ctx, why) && sslconf::harness::connect(ctx, c, why);
}

}  // namespace

extern "C" {

SSL_CTX* sslconf_make_ctx(int kind) {
  Contexts ctx;
  std::string why;
  // Nothing set at all: what a page's defaults are read from.
  if (kind == SSLCONF_CTX_PLAIN) return SSL_CTX_new(sslconf::harness::optional::tls_method());
  if (!sslconf::harness::make_contexts({}, ctx, why)) return nullptr;
  return kind == SSLCONF_CTX_SERVER ? ctx.server : ctx.client;
}

SSL* sslconf_make_ssl(int state) {
  if (state == SSLCONF_SSL_PLAIN) {
    SSL_CTX* ctx = sslconf_make_ctx(SSLCONF_CTX_PLAIN);
    return ctx ? SSL_new(ctx) : nullptr;
  }
  if (state == SSLCONF_SSL_CLIENT_NEW || state == SSLCONF_SSL_SERVER_NEW) {
    const bool server = state == SSLCONF_SSL_SERVER_NEW;
    SSL* ssl = SSL_new(sslconf_make_ctx(server ? SSLCONF_CTX_SERVER : SSLCONF_CTX_CLIENT));
    if (ssl && server) SSL_set_accept_state(ssl);
    else if (ssl) SSL_set_connect_state(ssl);
    return ssl;
  }
  Connection c;
  if (!connected(c)) return nullptr;
  return state == SSLCONF_SSL_CLIENT_CONNECTED ? c.client : c.server;
}

SSL_SESSION* sslconf_make_session(int state) {
  if (state == SSLCONF_SESSION_NEW) return sslconf::harness::new_blank_session();
  Connection c;
  if (!connected(c)) return nullptr;
  return SSL_get1_session(c.client);
}

const char* sslconf_test_file(int which) {
  static const std::string cert = sslconf::harness::test_file("cert.pem");
  static const std::string key = sslconf::harness::test_file("key.pem");
  return which == SSLCONF_FILE_KEY ? key.c_str() : cert.c_str();
}

#ifdef SSLCONF_HAVE_X509
X509* sslconf_make_cert(void) {
#if SSLCONF_HAS_PEM_read_bio_X509 && SSLCONF_HAS_BIO_new_file
  BIO* in = BIO_new_file(sslconf_test_file(SSLCONF_FILE_CERT), "r");
  X509* cert = in ? PEM_read_bio_X509(in, nullptr, nullptr, nullptr) : nullptr;
  BIO_free(in);
  return cert;
#else
  return nullptr;
#endif
}

EVP_PKEY* sslconf_make_key(void) {
#if SSLCONF_HAS_PEM_read_bio_PrivateKey && SSLCONF_HAS_BIO_new_file
  BIO* in = BIO_new_file(sslconf_test_file(SSLCONF_FILE_KEY), "r");
  EVP_PKEY* key = in ? PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr) : nullptr;
  BIO_free(in);
  return key;
#else
  return nullptr;
#endif
}

const SSL_CIPHER* sslconf_make_cipher(void) {
#if SSLCONF_HAS_SSL_get_current_cipher
  Connection c;
  return connected(c) ? SSL_get_current_cipher(c.client) : nullptr;
#else
  return nullptr;
#endif
}
#endif

}  // extern "C"
