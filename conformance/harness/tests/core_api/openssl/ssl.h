/* A header set with only the core of the session API: what every
 * OpenSSL-API library the suite targets declares (OpenSSL from 1.0.2 on,
 * LibreSSL, BoringSSL, AWS-LC, wolfSSL's layer), and nothing listed in
 * conformance/harness/availability/optional_api.txt. The harness and the
 * check library must compile against it (core_api_test); nothing links
 * against it. Shapes follow OpenSSL 1.0.2, the oldest release targeted. */
#ifndef SSLCONF_CORE_API_SSL_H
#define SSLCONF_CORE_API_SSL_H

#include <stddef.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OPENSSL_VERSION_NUMBER 0x1000214fL

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_session_st SSL_SESSION;
typedef struct ssl_method_st SSL_METHOD;

#define SSL_ERROR_NONE 0
#define SSL_ERROR_SSL 1
#define SSL_ERROR_WANT_READ 2
#define SSL_ERROR_WANT_WRITE 3
#define SSL_ERROR_SYSCALL 5
#define SSL_ERROR_ZERO_RETURN 6

#define SSL_SESS_CACHE_OFF 0x0000
#define SSL_SESS_CACHE_CLIENT 0x0001
#define SSL_SESS_CACHE_SERVER 0x0002
#define SSL_SESS_CACHE_BOTH (SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER)
#define SSL_SESS_CACHE_NO_INTERNAL_LOOKUP 0x0100
#define SSL_SESS_CACHE_NO_INTERNAL_STORE 0x0200
#define SSL_SESS_CACHE_NO_INTERNAL (SSL_SESS_CACHE_NO_INTERNAL_LOOKUP | SSL_SESS_CACHE_NO_INTERNAL_STORE)

#define SSL_FILETYPE_PEM 1
#define SSL_MAX_SSL_SESSION_ID_LENGTH 32
#define TLS1_1_VERSION 0x0302
#define TLS1_2_VERSION 0x0303
#define SSL_OP_NO_TICKET 0x00004000L
#define SSL_OP_NO_SSLv3 0x02000000L
#define SSL_OP_NO_TLSv1 0x04000000L
#define SSL_OP_NO_TLSv1_1 0x10000000L

/* Sessions. */
SSL_SESSION *SSL_SESSION_new(void);
void SSL_SESSION_free(SSL_SESSION *ses);
long SSL_SESSION_get_time(const SSL_SESSION *s);
long SSL_SESSION_get_timeout(const SSL_SESSION *s);
long SSL_SESSION_set_timeout(SSL_SESSION *s, long t);
const unsigned char *SSL_SESSION_get_id(const SSL_SESSION *s, unsigned int *len);
int SSL_SESSION_get_ex_new_index(long argl, void *argp, CRYPTO_EX_new *new_func, CRYPTO_EX_dup *dup_func,
                                 CRYPTO_EX_free *free_func);
int SSL_SESSION_set_ex_data(SSL_SESSION *ss, int idx, void *data);
void *SSL_SESSION_get_ex_data(const SSL_SESSION *ss, int idx);
int i2d_SSL_SESSION(SSL_SESSION *in, unsigned char **pp);
SSL_SESSION *d2i_SSL_SESSION(SSL_SESSION **a, const unsigned char **pp, long length);

/* Contexts and their cache. */
SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);
void SSL_CTX_free(SSL_CTX *ctx);
int SSL_CTX_add_session(SSL_CTX *ctx, SSL_SESSION *c);
int SSL_CTX_remove_session(SSL_CTX *ctx, SSL_SESSION *c);
void SSL_CTX_flush_sessions(SSL_CTX *ctx, long tm);
long SSL_CTX_set_timeout(SSL_CTX *ctx, long t);
long SSL_CTX_get_timeout(const SSL_CTX *ctx);
long SSL_CTX_ctrl(SSL_CTX *ctx, int cmd, long larg, void *parg);
#define SSL_CTX_sess_number(ctx) SSL_CTX_ctrl(ctx, 20, 0, NULL)
#define SSL_CTX_set_session_cache_mode(ctx, m) SSL_CTX_ctrl(ctx, 44, m, NULL)
#define SSL_CTX_get_session_cache_mode(ctx) SSL_CTX_ctrl(ctx, 45, 0, NULL)
#define SSL_CTX_sess_set_cache_size(ctx, t) SSL_CTX_ctrl(ctx, 42, t, NULL)
#define SSL_CTX_sess_get_cache_size(ctx) SSL_CTX_ctrl(ctx, 43, 0, NULL)
#define SSL_CTX_set_options(ctx, op) SSL_CTX_ctrl((ctx), 32, (op), NULL)
#define SSL_CTX_get_options(ctx) SSL_CTX_ctrl((ctx), 32, 0, NULL)
void SSL_CTX_sess_set_remove_cb(SSL_CTX *ctx, void (*remove_session_cb)(SSL_CTX *ctx, SSL_SESSION *sess));
int SSL_CTX_set_session_id_context(SSL_CTX *ctx, const unsigned char *sid_ctx, unsigned int sid_ctx_len);
int SSL_CTX_use_certificate_file(SSL_CTX *ctx, const char *file, int type);
int SSL_CTX_use_PrivateKey_file(SSL_CTX *ctx, const char *file, int type);

/* Connections. */
SSL *SSL_new(SSL_CTX *ctx);
void SSL_free(SSL *ssl);
int SSL_clear(SSL *s);
SSL_SESSION *SSL_get_session(const SSL *ssl);
SSL_SESSION *SSL_get1_session(SSL *ssl);
int SSL_set_session(SSL *to, SSL_SESSION *session);
long SSL_ctrl(SSL *ssl, int cmd, long larg, void *parg);
#define SSL_session_reused(ssl) SSL_ctrl((ssl), 8, 0, NULL)
void SSL_set_bio(SSL *s, BIO *rbio, BIO *wbio);
void SSL_set_connect_state(SSL *s);
void SSL_set_accept_state(SSL *s);
int SSL_do_handshake(SSL *s);
int SSL_connect(SSL *ssl);
int SSL_accept(SSL *ssl);
int SSL_read(SSL *ssl, void *buf, int num);
int SSL_shutdown(SSL *s);
int SSL_get_error(const SSL *s, int ret_code);
int SSL_renegotiate(SSL *s);
int SSL_renegotiate_pending(SSL *s);

#ifdef __cplusplus
}
#endif
#endif
