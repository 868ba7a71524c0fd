/**
 * @file bio.h
 * @brief The one kind of BIO libsslref provides: a pair of connected
 * in-memory endpoints, enough to join a client and a server in one process.
 */
#ifndef SSLREF_BIO_H
#define SSLREF_BIO_H

#include <stddef.h>
#include <openssl/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * BIO_new_bio_pair() creates two connected BIO endpoints: what is written
 * to one is read from the other.
 *
 * @param bio1 receives the first endpoint.
 * @param writebuf1 capacity in bytes of the buffer bio1 writes into (0: the
 * default, 17 KiB).
 * @param bio2 receives the second endpoint.
 * @param writebuf2 capacity in bytes of the buffer bio2 writes into.
 * @return 1 on success with *bio1 and *bio2 set, each owned by the caller
 * (release with BIO_free, or hand to SSL_set_bio); 0 on failure with both
 * set to NULL.
 */
int BIO_new_bio_pair(BIO **bio1, size_t writebuf1, BIO **bio2, size_t writebuf2);

/**
 * BIO_free() releases one reference to a; the endpoint is destroyed when
 * the last one goes, and its peer then sees end of stream.
 *
 * @return 1 on success, 0 when a is NULL (nothing is done).
 */
int BIO_free(BIO *a);

#ifdef __cplusplus
}
#endif

#endif
