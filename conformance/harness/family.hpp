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
