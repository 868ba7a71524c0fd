/* Core BIO calls (see ssl.h in this folder). */
#ifndef SSLCONF_CORE_API_BIO_H
#define SSLCONF_CORE_API_BIO_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bio_st BIO;

int BIO_new_bio_pair(BIO **bio1, size_t writebuf1, BIO **bio2, size_t writebuf2);
int BIO_free(BIO *a);
int BIO_write(BIO *b, const void *data, int len);
int BIO_read(BIO *b, void *data, int len);

#ifdef __cplusplus
}
#endif
#endif
