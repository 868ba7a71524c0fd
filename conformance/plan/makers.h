/* The makers every scenario plan calls, and what a plan reports. The
 * suite builds them on its harness (checks/plans/makers.cpp); a reproducer
 * carries a version written on the public API alone (reproducer_makers.c).
 * C, so that a plan compiles the same way in both. */
#ifndef SSLCONF_PLAN_MAKERS_H
#define SSLCONF_PLAN_MAKERS_H

#include <openssl/ssl.h>
/* Certificates, keys and ciphers exist where ssl.h brings the X509 API
 * with it (every TLS family; not the reference, which has none). */
#if defined(X509_V_OK)
#define SSLCONF_HAVE_X509 1
#endif

#ifdef __cplusplus
extern "C" {
#endif

enum { SSLCONF_CTX_SERVER, SSLCONF_CTX_CLIENT, SSLCONF_CTX_PLAIN };
enum { SSLCONF_SSL_CLIENT_NEW, SSLCONF_SSL_CLIENT_CONNECTED, SSLCONF_SSL_SERVER_CONNECTED, SSLCONF_SSL_SERVER_NEW, SSLCONF_SSL_PLAIN };
enum { SSLCONF_SESSION_ESTABLISHED, SSLCONF_SESSION_NEW };
enum { SSLCONF_FILE_CERT, SSLCONF_FILE_KEY };

SSL_CTX *sslconf_make_ctx(int kind);
SSL *sslconf_make_ssl(int state);
SSL_SESSION *sslconf_make_session(int state);
#ifdef SSLCONF_HAVE_X509
X509 *sslconf_make_cert(void);
EVP_PKEY *sslconf_make_key(void);
const SSL_CIPHER *sslconf_make_cipher(void);
#endif
const char *sslconf_test_file(int which);

/* What one plan saw. */
enum { SSLCONF_SAW_NOTHING, SSLCONF_SAW_INTEGER, SSLCONF_SAW_POINTER, SSLCONF_SAW_COMPARISON, SSLCONF_SAW_REFUSAL };
struct sslconf_obs {
  int saw;
  long long integer;
  const void *pointer;
  int holds;
  char text[400];
};
/* A plan returns one of these. */
enum { SSLCONF_RAN, SSLCONF_SETUP_FAILED, SSLCONF_MISSING };

/* The suite's table of compiled plans (generated plans.c). */
struct sslconf_plan_entry {
  const char *id;
  int (*run)(struct sslconf_obs *o);
};

#ifdef __cplusplus
}
#endif

#endif
