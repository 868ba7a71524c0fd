/* Configure-time probe: prints "<family>|<version>" as the linked library
 * reports it, and fails when the loaded library is not the one whose headers
 * we compiled against (a prefix picking up the system's libssl). */
#include <openssl/ssl.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <string.h>

int main(void) {
#if defined(OPENSSL_IS_AWSLC)
  /* AWS-LC names its own release in OpenSSL_version (its version number
   * reads like OpenSSL 1.1.1): that must be the release the headers name. */
  const char *v = OpenSSL_version(OPENSSL_VERSION);
  printf("aws-lc|%s\n", v);
  if (!strstr(v, AWSLC_VERSION_NUMBER_STRING)) {
    fprintf(stderr, "loaded libssl reports \"%s\", headers say AWS-LC %s\n", v, AWSLC_VERSION_NUMBER_STRING);
    return 3;
  }
  return 0;
#elif defined(OPENSSL_IS_BORINGSSL)
  printf("boringssl|%s\n", OpenSSL_version(OPENSSL_VERSION));
  return 0;
#elif defined(LIBWOLFSSL_VERSION_STRING) || defined(WOLFSSL_VERSION_STRING)
  printf("wolfssl|%s\n", wolfSSL_lib_version());
  return 0;
#elif defined(LIBRESSL_VERSION_TEXT)
  const char *v = OpenSSL_version(OPENSSL_VERSION);
  printf("libressl|%s\n", v);
  return strcmp(v, LIBRESSL_VERSION_TEXT) == 0 ? 0 : 3;
#elif defined(OPENSSL_VERSION_NUMBER) && OPENSSL_VERSION_NUMBER >= 0x10100000L
  unsigned long loaded = OpenSSL_version_num();
  printf("openssl|%s\n", OpenSSL_version(OPENSSL_VERSION));
  if ((loaded >> 12) != ((unsigned long)OPENSSL_VERSION_NUMBER >> 12)) {
    fprintf(stderr, "loaded libssl reports 0x%lx, headers say 0x%lx\n",
            loaded, (unsigned long)OPENSSL_VERSION_NUMBER);
    return 3;
  }
  return 0;
#elif defined(OPENSSL_VERSION_NUMBER)
  unsigned long loaded = SSLeay();
  printf("openssl|%s\n", SSLeay_version(SSLEAY_VERSION));
  return loaded == (unsigned long)OPENSSL_VERSION_NUMBER ? 0 : 3;
#else
  printf("unknown|unknown\n");
  return 0;
#endif
}
