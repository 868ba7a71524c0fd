/**
 * @file crypto.h
 * @brief Version reporting and the ex_data (application data slots)
 * machinery of libsslref, with OpenSSL 3.0's names, signatures and values.
 */
#ifndef SSLREF_CRYPTO_H
#define SSLREF_CRYPTO_H

#include <openssl/opensslv.h>
#include <openssl/types.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* OpenSSL_version() selectors (OpenSSL 3.0 values). */
#define OPENSSL_VERSION 0
#define OPENSSL_CFLAGS 1
#define OPENSSL_BUILT_ON 2
#define OPENSSL_PLATFORM 3
#define OPENSSL_DIR 4
#define OPENSSL_ENGINES_DIR 5
#define OPENSSL_VERSION_STRING 6
#define OPENSSL_FULL_VERSION_STRING 7
#define OPENSSL_MODULES_DIR 8
#define OPENSSL_CPU_INFO 9

/**
 * OpenSSL_version() returns a static text describing the library.
 *
 * @return for OPENSSL_VERSION (and OPENSSL_FULL_VERSION_STRING) the text
 * SSLREF_VERSION_TEXT, "sslref 0.1.0"; for OPENSSL_VERSION_STRING "0.1.0";
 * for the other selectors a short fixed text; "not available" for an
 * unknown selector. Never fails; the caller must not free the text.
 */
const char *OpenSSL_version(int type);

/* Object classes of the ex_data machinery (OpenSSL 3.0 values). */
#define CRYPTO_EX_INDEX_SSL 0
#define CRYPTO_EX_INDEX_SSL_CTX 1
#define CRYPTO_EX_INDEX_SSL_SESSION 2
#define CRYPTO_EX_INDEX_X509 3
#define CRYPTO_EX_INDEX_X509_STORE 4
#define CRYPTO_EX_INDEX_X509_STORE_CTX 5
#define CRYPTO_EX_INDEX_DH 6
#define CRYPTO_EX_INDEX_DSA 7
#define CRYPTO_EX_INDEX_EC_KEY 8
#define CRYPTO_EX_INDEX_RSA 9
#define CRYPTO_EX_INDEX_ENGINE 10
#define CRYPTO_EX_INDEX_UI 11
#define CRYPTO_EX_INDEX_BIO 12
#define CRYPTO_EX_INDEX_APP 13
#define CRYPTO_EX_INDEX_UI_METHOD 14
#define CRYPTO_EX_INDEX_RAND_DRBG 15
#define CRYPTO_EX_INDEX_DRBG CRYPTO_EX_INDEX_RAND_DRBG
#define CRYPTO_EX_INDEX_OSSL_LIB_CTX 16
#define CRYPTO_EX_INDEX_EVP_PKEY 17
#define CRYPTO_EX_INDEX__COUNT 18

/** Called when an object of the class is created; ptr is always NULL. */
typedef void CRYPTO_EX_new(void *parent, void *ptr, CRYPTO_EX_DATA *ad,
                           int idx, long argl, void *argp);
/** Called when an object of the class is destroyed, with the slot's value. */
typedef void CRYPTO_EX_free(void *parent, void *ptr, CRYPTO_EX_DATA *ad,
                            int idx, long argl, void *argp);
/** Called when an object is duplicated; may replace *from_d, the value the
 * copy receives; returning 0 makes the duplication fail. */
typedef int CRYPTO_EX_dup(CRYPTO_EX_DATA *to, const CRYPTO_EX_DATA *from,
                          void **from_d, int idx, long argl, void *argp);

/**
 * The application data slots of one object. Public, as in OpenSSL, so an
 * application can keep a set of its own: start from CRYPTO_new_ex_data()
 * (or all zeros), and end with CRYPTO_free_ex_data(). The members belong to
 * the library.
 */
struct crypto_ex_data_st {
    void **slots;    /* slot i at slots[i]; NULL until a slot is set */
    size_t count;    /* number of entries in slots */
};

/**
 * CRYPTO_get_ex_new_index() registers a new application data slot for the
 * objects of class class_index, with optional callbacks.
 *
 * @return the new index (1 or more; index 0 is reserved, as in OpenSSL), or
 * -1 when class_index is out of range or memory runs out. The callbacks and
 * argp stay owned by the caller and must stay valid while objects live.
 */
int CRYPTO_get_ex_new_index(int class_index, long argl, void *argp,
                            CRYPTO_EX_new *new_func, CRYPTO_EX_dup *dup_func,
                            CRYPTO_EX_free *free_func);

/**
 * CRYPTO_set_ex_data() stores val in slot idx of ad.
 *
 * @return 1 on success, 0 when idx is negative or memory runs out. The
 * value is not owned by the library (only the free callback sees it).
 */
int CRYPTO_set_ex_data(CRYPTO_EX_DATA *ad, int idx, void *val);

/**
 * CRYPTO_get_ex_data() returns the value in slot idx of ad.
 *
 * @return the value, or NULL when the slot was never set or idx is out of
 * range. Borrowed: ownership stays with whoever set it.
 */
void *CRYPTO_get_ex_data(const CRYPTO_EX_DATA *ad, int idx);

/**
 * CRYPTO_new_ex_data() makes ad an empty set of slots for obj, an object of
 * class class_index, and runs the class's new callbacks.
 *
 * @return 1 on success, 0 when class_index is out of range or ad is NULL.
 */
int CRYPTO_new_ex_data(int class_index, void *obj, CRYPTO_EX_DATA *ad);

/**
 * CRYPTO_free_ex_data() runs the class's free callbacks for obj with the
 * values in ad, then empties ad. Nothing is done for an out-of-range class
 * or a NULL ad.
 */
void CRYPTO_free_ex_data(int class_index, void *obj, CRYPTO_EX_DATA *ad);

#ifdef __cplusplus
}
#endif

#endif
