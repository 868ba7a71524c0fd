/* The makers of the scenario plans on the public API alone: what a
 * reproducer carries so that it builds with one compiler line. The test
 * identity is made here (an EC key and a self-signed certificate), the
 * handshake runs over a memory BIO pair. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/pem.h>

static EVP_PKEY *sslconf_key;
static X509 *sslconf_cert;

static int sslconf_identity(void) {
  EC_KEY *ec;
  X509_NAME *name;
  if (sslconf_cert) return 1;
  ec = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);
  sslconf_key = EVP_PKEY_new();
  if (!ec || !sslconf_key || !EC_KEY_generate_key(ec) || !EVP_PKEY_assign_EC_KEY(sslconf_key, ec)) return 0;
  sslconf_cert = X509_new();
  if (!sslconf_cert) return 0;
  X509_set_version(sslconf_cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(sslconf_cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(sslconf_cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(sslconf_cert), 86400);
  name = X509_get_subject_name(sslconf_cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)"sslconf test", -1, -1, 0);
  X509_set_issuer_name(sslconf_cert, name);
  X509_set_pubkey(sslconf_cert, sslconf_key);
  return X509_sign(sslconf_cert, sslconf_key, EVP_sha256()) > 0;
}

X509 *sslconf_make_cert(void) {
  if (!sslconf_identity()) return NULL;
  X509_up_ref(sslconf_cert);
  return sslconf_cert;
}

EVP_PKEY *sslconf_make_key(void) {
  if (!sslconf_identity()) return NULL;
  EVP_PKEY_up_ref(sslconf_key);
  return sslconf_key;
}

const char *sslconf_test_file(int which) {
  static char paths[2][64];
  FILE *f;
  if (!sslconf_identity()) return NULL;
  if (paths[which][0]) return paths[which];
  snprintf(paths[which], sizeof paths[which], "/tmp/sslconf-repro-%ld-%s.pem", (long)getpid(),
           which == SSLCONF_FILE_CERT ? "cert" : "key");
  f = fopen(paths[which], "w");
  if (!f) return NULL;
  if (which == SSLCONF_FILE_CERT) PEM_write_X509(f, sslconf_cert);
  else PEM_write_PrivateKey(f, sslconf_key, NULL, NULL, 0, NULL, NULL);
  fclose(f);
  return paths[which];
}

SSL_CTX *sslconf_make_ctx(int kind) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  if (!ctx) return NULL;
  if (kind == SSLCONF_CTX_PLAIN) return ctx;
  SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
  if (kind == SSLCONF_CTX_SERVER) {
    if (!sslconf_identity() || SSL_CTX_use_certificate(ctx, sslconf_cert) != 1 ||
        SSL_CTX_use_PrivateKey(ctx, sslconf_key) != 1)
      return NULL;
    SSL_CTX_set_session_id_context(ctx, (const unsigned char *)"sslconf", 7);
  }
  return ctx;
}

static int sslconf_handshake(SSL **client, SSL **server) {
  SSL_CTX *cctx = sslconf_make_ctx(SSLCONF_CTX_CLIENT), *sctx = sslconf_make_ctx(SSLCONF_CTX_SERVER);
  BIO *cb = NULL, *sb = NULL;
  int round, cdone = 0, sdone = 0;
  if (!cctx || !sctx) return 0;
  *client = SSL_new(cctx);
  *server = SSL_new(sctx);
  if (!*client || !*server || BIO_new_bio_pair(&cb, 0, &sb, 0) != 1) return 0;
  SSL_set_bio(*client, cb, cb);
  SSL_set_bio(*server, sb, sb);
  SSL_set_connect_state(*client);
  SSL_set_accept_state(*server);
  for (round = 0; round < 64 && !(cdone && sdone); ++round) {
    if (!cdone) cdone = SSL_do_handshake(*client) == 1;
    if (!sdone) sdone = SSL_do_handshake(*server) == 1;
  }
  return cdone && sdone;
}

SSL *sslconf_make_ssl(int state) {
  SSL *client = NULL, *server = NULL;
  if (state == SSLCONF_SSL_PLAIN) {
    SSL_CTX *ctx = sslconf_make_ctx(SSLCONF_CTX_PLAIN);
    return ctx ? SSL_new(ctx) : NULL;
  }
  if (state == SSLCONF_SSL_CLIENT_NEW || state == SSLCONF_SSL_SERVER_NEW) {
    int server_side = state == SSLCONF_SSL_SERVER_NEW;
    SSL_CTX *ctx = sslconf_make_ctx(server_side ? SSLCONF_CTX_SERVER : SSLCONF_CTX_CLIENT);
    SSL *ssl = ctx ? SSL_new(ctx) : NULL;
    if (ssl && server_side) SSL_set_accept_state(ssl);
    else if (ssl) SSL_set_connect_state(ssl);
    return ssl;
  }
  if (!sslconf_handshake(&client, &server)) return NULL;
  return state == SSLCONF_SSL_CLIENT_CONNECTED ? client : server;
}

SSL_SESSION *sslconf_make_session(int state) {
  SSL *client;
  if (state == SSLCONF_SESSION_NEW) return SSL_SESSION_new();
  client = sslconf_make_ssl(SSLCONF_SSL_CLIENT_CONNECTED);
  return client ? SSL_get1_session(client) : NULL;
}

const SSL_CIPHER *sslconf_make_cipher(void) {
  SSL *client = sslconf_make_ssl(SSLCONF_SSL_CLIENT_CONNECTED);
  return client ? SSL_get_current_cipher(client) : NULL;
}
