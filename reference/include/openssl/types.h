/**
 * @file types.h
 * @brief The opaque object types of libsslref, named as OpenSSL names them.
 */
#ifndef SSLREF_TYPES_H
#define SSLREF_TYPES_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bio_st BIO;
typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_session_st SSL_SESSION;
typedef struct ssl_method_st SSL_METHOD;
typedef struct crypto_ex_data_st CRYPTO_EX_DATA;

#ifdef __cplusplus
}
#endif

#endif
