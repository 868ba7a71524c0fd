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
 * the last one goes, which dissolves the pair: its peer can then neither
 * read nor write.
 *
 * @return 1 on success, 0 when a is NULL (nothing is done).
 */
int BIO_free(BIO *a);

/**
 * BIO_write() appends up to dlen bytes of data to the buffer b writes into,
 * for the other end of the pair to read.
 *
 * @return the number of bytes taken (at least 1); -1 when none could be
 * taken now (the buffer is full: retry after the other end has read) or
 * ever (the other end is gone, or b or data is NULL); 0 when dlen is 0.
 */
int BIO_write(BIO *b, const void *data, int dlen);

/**
 * BIO_read() takes up to dlen bytes that the other end of the pair wrote.
 *
 * @return the number of bytes read (at least 1); -1 when nothing is there
 * yet (retry after the other end has written), when the other end is gone
 * (freeing it dissolved the pair, with any bytes it wrote that were not read),
 * or when b or data is NULL; 0 when dlen is 0.
 */
int BIO_read(BIO *b, void *data, int dlen);

/**
 * BIO_up_ref() takes one more reference to a, to be released with BIO_free.
 *
 * @return 1 (0 only when a is NULL).
 */
int BIO_up_ref(BIO *a);

/**
 * BIO_ctrl_get_write_guarantee() tells how many bytes a write to b would
 * take now: the free room in the buffer b writes into.
 *
 * @return that number; 0 when the buffer is full, when b is NULL, or when
 * the other end of the pair has been destroyed (nothing written could ever
 * be read).
 */
size_t BIO_ctrl_get_write_guarantee(BIO *b);

#ifdef __cplusplus
}
#endif

#endif
