// Smoke test against whichever libssl this build chose: a session is
// created, referenced twice, and dies exactly when the last reference goes.
// Death is observed through an ex_data free callback, which every
// OpenSSL-API library provides.
#define BOOST_TEST_MODULE smoke_session_lifecycle
#include <boost/test/unit_test.hpp>

#include <openssl/ssl.h>

#include <string>

namespace {

int g_freed = 0;

void count_free(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {
  if (ptr) ++g_freed;
}

SSL_SESSION* new_session() {
#if defined(OPENSSL_IS_BORINGSSL)
  // BoringSSL's SSL_SESSION_new takes the context whose X509 method it uses.
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = SSL_SESSION_new(ctx);
  SSL_CTX_free(ctx);
  return s;
#else
  return SSL_SESSION_new();
#endif
}

int g_tag = 0;

}  // namespace

BOOST_AUTO_TEST_CASE(library_reports_the_family_configure_found) {
  BOOST_TEST_MESSAGE("implementation: " << SSLCONF_IMPL_FAMILY << " " << SSLCONF_IMPL_VERSION);
  const std::string family = SSLCONF_IMPL_FAMILY;
#if defined(OPENSSL_IS_BORINGSSL)
  BOOST_TEST(family == "boringssl");
#elif defined(LIBWOLFSSL_VERSION_STRING)
  BOOST_TEST(family == "wolfssl");
#elif defined(SSLREF_VERSION_TEXT)
  BOOST_TEST(family == "reference");
#else
  BOOST_TEST((family == "openssl" || family == "libressl"));
#endif
}

BOOST_AUTO_TEST_CASE(session_dies_when_the_last_reference_goes) {
  const int idx = SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, count_free);
  BOOST_REQUIRE(idx >= 0);
  SSL_SESSION* s = new_session();
  BOOST_REQUIRE(s != nullptr);
  BOOST_REQUIRE(SSL_SESSION_set_ex_data(s, idx, &g_tag) == 1);
  BOOST_TEST(SSL_SESSION_get_ex_data(s, idx) == &g_tag);

  BOOST_TEST(SSL_SESSION_up_ref(s) == 1);
  g_freed = 0;
  SSL_SESSION_free(s);
  BOOST_TEST(g_freed == 0);  // one reference left: still alive
  SSL_SESSION_free(s);
  BOOST_TEST(g_freed == 1);  // last reference gone: freed once
}

BOOST_AUTO_TEST_CASE(free_of_null_is_harmless) {
  SSL_SESSION_free(nullptr);
  BOOST_TEST(true);  // reaching here is the observation: no crash
}
