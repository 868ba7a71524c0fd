/* Core ex_data types (see ssl.h in this folder): the callback types the
 * session's ex_data index takes. CRYPTO_EX_DATA stays incomplete. */
#ifndef SSLCONF_CORE_API_CRYPTO_H
#define SSLCONF_CORE_API_CRYPTO_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct crypto_ex_data_st CRYPTO_EX_DATA;
typedef int CRYPTO_EX_new(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int idx, long argl, void *argp);
typedef void CRYPTO_EX_free(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int idx, long argl, void *argp);
typedef int CRYPTO_EX_dup(CRYPTO_EX_DATA *to, CRYPTO_EX_DATA *from, void *from_d, int idx, long argl, void *argp);

#ifdef __cplusplus
}
#endif
#endif
