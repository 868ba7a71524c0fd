// The harness and its observers on the implementation this build chose.
#define BOOST_TEST_MODULE harness
#include <boost/test/unit_test.hpp>

#include "harness/family.hpp"
#include "harness/handshake.hpp"
#include "harness/observers.hpp"

using namespace sslconf::harness;

BOOST_AUTO_TEST_CASE(tls12_handshake_gives_the_client_a_session) {
  Contexts ctx;
  Connection c;
  std::string why;
  BOOST_REQUIRE_MESSAGE(make_contexts({}, ctx, why), why);
  BOOST_REQUIRE_MESSAGE(connect(ctx, c, why), why);
  BOOST_TEST(SSL_get_session(c.client) != nullptr);
}

BOOST_AUTO_TEST_CASE(tls13_handshake_drains_tickets_and_gives_a_session) {
  Contexts ctx;
  Connection c;
  std::string why;
  BOOST_REQUIRE_MESSAGE(make_contexts({Protocol::tls13, true}, ctx, why), why);
  BOOST_REQUIRE_MESSAGE(connect(ctx, c, why), why);
  BOOST_TEST(SSL_get_session(c.client) != nullptr);
}

BOOST_AUTO_TEST_CASE(observers_work_where_they_were_seen_to_work) {
  BOOST_TEST_MESSAGE("death watch: " << (DeathWatch::broken().empty() ? "works" : DeathWatch::broken()));
  BOOST_TEST_MESSAGE("cache watch: " << (CacheWatch::broken().empty() ? "works" : CacheWatch::broken()));
#if defined(SSLCONF_FAMILY_WOLFSSL)
  // Observed on Debian's wolfSSL 5.5.4: no ex_data free callbacks (built
  // without cleanup hooks) and SSL_CTX_sess_number stays 0. Each observer
  // must notice that itself, so its claims become UNRESOLVED, not FAIL.
  BOOST_TEST(!DeathWatch::broken().empty());
  BOOST_TEST(!CacheWatch::broken().empty());
#else
  BOOST_TEST(DeathWatch::broken().empty(), DeathWatch::broken());
  BOOST_TEST(CacheWatch::broken().empty(), CacheWatch::broken());
#endif
}

// How the reference-count checks use the death watch: the index exists
// before the session (prepare), the tag is set after the handshake made it.
// LibreSSL 4.3 never ran the callback when the index came after the session.
BOOST_AUTO_TEST_CASE(a_handshake_session_tagged_after_the_handshake_dies_at_its_last_release) {
  DeathWatch::prepare();
  Contexts ctx;
  Connection c;
  std::string why;
  BOOST_REQUIRE_MESSAGE(make_contexts({}, ctx, why), why);
  BOOST_REQUIRE_MESSAGE(connect(ctx, c, why), why);
  SSL_SESSION* s = SSL_get1_session(c.client);
  BOOST_REQUIRE(s != nullptr);
  Tag* tag = DeathWatch::watch(s);
  BOOST_REQUIRE(tag != nullptr);
  disconnect(c, true);
  BOOST_TEST(tag->alive());
  SSL_SESSION_free(s);
#if defined(SSLCONF_FAMILY_WOLFSSL)
  BOOST_TEST(tag->frees == 0);  // no free callbacks at all there (see above)
#else
  BOOST_TEST(tag->frees == 1);
#endif
}
