// Page against behaviour: what a results file says each page's maintainers
// should look at.
#define BOOST_TEST_MODULE crosscheck_behaviour
#include <boost/test/unit_test.hpp>

#include "crosscheck/behaviour.hpp"
#include "model/diagnostic.hpp"

using namespace sslconf;
using namespace sslconf::crosscheck;

namespace {
const std::string kFixtures = SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/results/";
}

BOOST_AUTO_TEST_CASE(failed_claims_are_grouped_by_page) {
  const auto s = summarise_results_file(kFixtures + "results-boringssl.json");
  BOOST_TEST(s.implementation == "boringssl");
  BOOST_TEST(s.results == 4u);
  BOOST_TEST(s.contradicted() == 2u);
  BOOST_TEST(s.unsupported() == 1u);
  BOOST_REQUIRE_EQUAL(s.pages.size(), 2u);
  BOOST_TEST(s.pages.at("SSL_SESSION_new").contradicted.size() == 1u);
  BOOST_TEST(s.pages.at("SSL_SESSION_new").contradicted[0].kind == "prototype");
  BOOST_TEST(s.pages.at("SSL_SESSION_new").contradicted[0].known());
  BOOST_TEST(s.pages.at("SSL_get_session").contradicted.size() == 1u);
  BOOST_TEST(!s.pages.at("SSL_get_session").contradicted[0].known());
}

BOOST_AUTO_TEST_CASE(text_names_page_source_and_what_was_observed) {
  const auto text = to_text(summarise_results_file(kFixtures + "results-boringssl.json"));
  BOOST_TEST(text.find("page SSL_get_session: 1 contradicted, 0 unsupported\n"
                       "  pod/SSL_get_session.pod:20: contradicted: SSL_get0_session alias: "
                       "\"SSL_get0_session() is the same as SSL_get_session().\" -- returned a different pointer\n") !=
             std::string::npos);
  BOOST_TEST(text.find("[known divergence]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(implementation_that_contradicts_nothing_has_no_pages) {
  const auto s = summarise_results_file(kFixtures + "results-clean.json");
  BOOST_TEST(s.contradicted() == 0u);
  BOOST_TEST(s.pages.empty());
}

BOOST_AUTO_TEST_CASE(file_that_is_not_a_results_file_is_bad_input) {
  try {
    summarise_results(nlohmann::json{{"schema", 2}}, "x.json");
    BOOST_FAIL("accepted schema 2");
  } catch (const model::InputError& e) {
    BOOST_TEST(std::string(e.what()).rfind("x.json:1: error: not a schema 1 results file", 0) == 0);
  }
  BOOST_CHECK_THROW(summarise_results_file(kFixtures + "missing.json"), model::InputError);
}
