// The normaliser: what the patterns see.
#include "fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace sslconf::claims;
using namespace sslconf::claims::test;

BOOST_AUTO_TEST_SUITE(normaliser)

BOOST_AUTO_TEST_CASE(functions_arguments_numbers_and_versions_become_placeholders) {
  const Normalised n = normalise("SSL_SESSION_up_ref(3) returns 1 on success; see ses, -1 and OpenSSL 1.1.1.", session_page());
  BOOST_TEST(n.text == "FUNC returns NUM on success; see ARG, NUM and openssl VER.");
  BOOST_TEST_REQUIRE(n.numbers.size() == 2u);
  BOOST_TEST(n.numbers[1].value == "-1");
  BOOST_TEST(n.versions.front().value == "1.1.1");
  BOOST_TEST(n.functions.front().value == "SSL_SESSION_up_ref");
}

BOOST_AUTO_TEST_CASE(page_functions_without_parentheses_and_types_kept) {
  const Normalised n = normalise("SSL_SESSION_new returns a pointer to the SSL_SESSION or NULL-pointer.", session_page());
  BOOST_TEST(n.text == "FUNC returns a pointer to the SSL_SESSION or NULL pointer.");
}

BOOST_AUTO_TEST_CASE(everyday_words_stay_words_even_when_they_name_a_parameter) {
  const Normalised n = normalise("If session is NULL nothing is done.", session_page());
  BOOST_TEST(n.text == "if session is NULL nothing is done.");
}

BOOST_AUTO_TEST_CASE(man_references_that_are_not_functions) {
  const Normalised n = normalise("See ssl(7) and SSL_free(3).", session_page());
  BOOST_TEST(n.text == "see PAGE and FUNC.");
}

BOOST_AUTO_TEST_SUITE_END()
