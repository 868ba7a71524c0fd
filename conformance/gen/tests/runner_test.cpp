// How the runner turns one finished process into an outcome.
#define BOOST_TEST_MODULE runner
#include <boost/test/unit_test.hpp>

#include "report/expectations.hpp"
#include "report/results.hpp"
#include "runner/runner.hpp"
#include "model/diagnostic.hpp"

#include <fstream>

using sslconf::runner::interpret;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_CASE(verdict_line_gives_outcome_and_detail) {
  const auto c = interpret("x", false, 0, "", true, 0, "noise\n@@sslconf PASS freed at release 2\n", "", 1000ms);
  BOOST_TEST(c.outcome == "PASS");
  BOOST_TEST(c.detail == "freed at release 2");
}

BOOST_AUTO_TEST_CASE(a_signal_is_a_fail_naming_it) {
  const auto c = interpret("x", false, 11, "SIGSEGV", false, -1, "", "", 1000ms);
  BOOST_TEST(c.outcome == "FAIL");
  BOOST_TEST(c.detail.find("SIGSEGV") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_hang_is_unresolved) {
  const auto c = interpret("x", true, 0, "", false, -1, "@@sslconf PASS early", "", 250ms);
  BOOST_TEST(c.outcome == "UNRESOLVED");
  BOOST_TEST(c.detail.find("250 ms") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_exit_without_verdict_is_unresolved) {
  const auto c = interpret("x", false, 0, "", true, 3, "", "boom\n", 1000ms);
  BOOST_TEST(c.outcome == "UNRESOLVED");
  BOOST_TEST(c.detail.find("status 3") != std::string::npos);
  BOOST_TEST(c.detail.find("boom") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(results_follow_the_catalogue_and_count_outcomes) {
  const nlohmann::json catalogue = {{"schema", 1},
                                    {"claims",
                                     {{{"id", "p/f/returns-int/1"}, {"page", "p"}, {"kind", "returns-int"},
                                       {"functions", {"f"}}, {"text", "t"}, {"source", "p.pod:3"}, {"checkable", true}},
                                      {{"id", "p/f/informative/1"}, {"page", "p"}, {"kind", "informative"},
                                       {"functions", {"f"}}, {"text", "u"}, {"source", "p.pod:4"}, {"checkable", false}}}}};
  const std::vector<sslconf::runner::CaseOutcome> outcomes{{"p/f/returns-int/1", "FAIL", "returned 0", 1},
                                                           {"p/f/informative/1", "UNTESTED", "informative", 1}};
  const auto r = sslconf::report::build_results(catalogue, outcomes, {"openssl", "openssl", "3.0"}, {});
  BOOST_TEST(r["totals"]["FAIL"] == 1);
  BOOST_TEST(r["results"][0]["expected"] == "PASS");
  BOOST_TEST(r["results"][1]["expected"] == "UNTESTED");
  BOOST_TEST(sslconf::report::unexpected(r).size() == 1u);
  BOOST_TEST(sslconf::report::junit_xml(r).find("<failure message=\"expected PASS, got FAIL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(expectation_lines_are_read_and_bad_ones_located) {
  const std::string path = "/tmp/sslconf-expect-test.txt";
  std::ofstream(path) << "# comment\np/f/returns-int/1 FAIL returned 0 (page: 1)\n";
  const auto e = sslconf::report::load_expectations(path);
  BOOST_TEST(e.at("p/f/returns-int/1").outcome == "FAIL");
  BOOST_TEST(e.at("p/f/returns-int/1").reason == "returned 0 (page: 1)");
  std::ofstream(path) << "p/f/returns-int/1 MAYBE\n";
  try {
    sslconf::report::load_expectations(path);
    BOOST_FAIL("accepted MAYBE");
  } catch (const sslconf::model::InputError& err) {
    BOOST_TEST(std::string(err.what()).rfind(path + ":1: error:", 0) == 0);
  }
}
