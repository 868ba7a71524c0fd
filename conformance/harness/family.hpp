// Which libssl family this translation unit is compiled against, decided at
// compile time from the macros each family's headers define.
#pragma once

#include <openssl/ssl.h>

#if defined(SSLREF_VERSION_TEXT)
#define SSLCONF_FAMILY_REFERENCE 1
#elif defined(OPENSSL_IS_BORINGSSL)
#define SSLCONF_FAMILY_BORINGSSL 1
#elif defined(LIBWOLFSSL_VERSION_STRING)
#define SSLCONF_FAMILY_WOLFSSL 1
#elif defined(LIBRESSL_VERSION_TEXT)
#define SSLCONF_FAMILY_LIBRESSL 1
#else
#define SSLCONF_FAMILY_OPENSSL 1
#endif

// Functions a family does not declare at all. The scenario registry leaves
// them out there (their claims are UNSUPPORTED through the probes); every
// other difference is the adapter's business.
#if defined(SSLCONF_FAMILY_BORINGSSL)
#define SSLCONF_LACKS_SSL_SESSION_dup 1
#define SSLCONF_LACKS_SSL_SESSION_set1_master_key 1
#define SSLCONF_LACKS_CRYPTO_get_ex_new_index 1
#define SSLCONF_LACKS_CRYPTO_set_ex_data 1
#define SSLCONF_LACKS_CRYPTO_get_ex_data 1
#define SSLCONF_LACKS_CRYPTO_new_ex_data 1
#endif
#if defined(SSLCONF_FAMILY_WOLFSSL)
#define SSLCONF_LACKS_SSL_SESSION_set_time 1
#define SSLCONF_LACKS_SSL_SESSION_set1_master_key 1
#define SSLCONF_LACKS_SSL_SESSION_set_protocol_version 1
#define SSLCONF_LACKS_CRYPTO_get_ex_data 1
#define SSLCONF_LACKS_CRYPTO_new_ex_data 1
#define SSLCONF_LACKS_BIO_ctrl_get_write_guarantee 1
#endif
