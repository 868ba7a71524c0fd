// Which libssl family this translation unit is compiled against, decided at
// compile time from the macros each family's headers define. What a family
// declares is not decided here: that is the configure-time probe's answer
// (<sslconf_available.h>, see availability/optional_api.txt).
#pragma once

#include <openssl/ssl.h>

#if defined(SSLREF_VERSION_TEXT)
#define SSLCONF_FAMILY_REFERENCE 1
#elif defined(OPENSSL_IS_AWSLC)
#define SSLCONF_FAMILY_AWSLC 1
#elif defined(OPENSSL_IS_BORINGSSL)
#define SSLCONF_FAMILY_BORINGSSL 1
#elif defined(LIBWOLFSSL_VERSION_STRING) || defined(WOLFSSL_VERSION_STRING)
#define SSLCONF_FAMILY_WOLFSSL 1
#elif defined(LIBRESSL_VERSION_NUMBER)
#define SSLCONF_FAMILY_LIBRESSL 1
#else
#define SSLCONF_FAMILY_OPENSSL 1
#endif
