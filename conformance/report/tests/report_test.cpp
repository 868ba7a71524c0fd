// The terminal summary and the dashboard's data, from fixture results of
// two implementations (tests/fixtures: every outcome, one difference from
// an expectation, one sentence holding "</script>").
#define BOOST_TEST_MODULE report
#include <boost/test/unit_test.hpp>

#include "report/dashboard.hpp"
#include "report/summary.hpp"
#include "report/tests/fixtures.hpp"

#include <fstream>
#include <sstream>

using namespace sslconf::report;
using nlohmann::json;

namespace {

using sslconf::report::testing::fixture;
using sslconf::report::testing::kFixtures;

std::vector<RunRecord> runs() { return {{fixture("results-alpha.json"), 12.0, 1.25}, {fixture("results-beta.json")}}; }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_CASE(summary_is_one_line_per_implementation_with_totals_and_time) {
  const auto lines = lines_of(summary_text(runs()));
  BOOST_REQUIRE_EQUAL(lines.size(), 2u);
  BOOST_TEST(lines[0].rfind("alpha  reference", 0) == 0);
  BOOST_TEST(lines[0].find("8 claims:  PASS 5  FAIL 0  UNSUP 0  UNTESTED 3  UNRES 0  unexpected 0  built in 12.0 s,  ran in 1.2 s") !=
             std::string::npos);
  BOOST_TEST(lines[1].find("OpenSSL 3.0.99 fixture") != std::string::npos);
  BOOST_TEST(lines[1].find("FAIL 2") != std::string::npos);
  BOOST_TEST(lines[1].find("unexpected 1") != std::string::npos);
  BOOST_TEST(lines[1].find(" in ") == std::string::npos, "no time when none was measured");
}

BOOST_AUTO_TEST_CASE(attention_lists_the_unexpected_first_then_known_failures_once_each) {
  const auto lines = lines_of(attention_text(runs()));
  const std::vector<std::string> expected{
      "Unexpected (differs from conformance/expectations):",
      "pod/SSL_SESSION_free.pod:16: beta: SSL_SESSION_free/null-noop/1: expected PASS, got FAIL: the process died of "
      "SIGSEGV",
      "FAIL:",
      "pod/SSL_SESSION_free.pod:9: beta: SSL_SESSION_free/prototype/1: declared as void "
      "SSL_SESSION_free(SSL_SESSION *s, int extra) [known]"};
  BOOST_TEST(lines == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(attention_is_empty_when_everything_passes) {
  BOOST_TEST(attention_text({{fixture("results-alpha.json")}}).empty());
}

BOOST_AUTO_TEST_CASE(sources_under_the_base_folder_are_shown_relative) {
  const auto text = attention_text(runs(), "pod");
  BOOST_TEST(text.find("\nSSL_SESSION_free.pod:16: beta:") != std::string::npos, text);
  BOOST_TEST(text.find("pod/") == std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(dashboard_rows_join_implementations_and_carry_the_catalogue_reason) {
  const auto data = dashboard_data({fixture("results-alpha.json"), fixture("results-beta.json")}, fixture("claims.json"));
  BOOST_REQUIRE_EQUAL(data["implementations"].size(), 2u);
  BOOST_TEST(data["implementations"][1]["unexpected"] == 1);
  BOOST_REQUIRE_EQUAL(data["claims"].size(), 8u);
  const auto& unrecognised = data["claims"][3];
  BOOST_TEST(unrecognised[0] == "SSL_SESSION_free/unrecognised/1");
  BOOST_TEST(unrecognised[6] == "unrecognised");
  const auto& null_rule = data["claims"][2];
  BOOST_TEST(null_rule[7][0] == json({"PASS", "survived", "PASS"}));
  BOOST_TEST(null_rule[7][1] == json({"FAIL", "the process died of SIGSEGV", "PASS"}));
  BOOST_TEST(data["claims"][0][6] == "", "a checkable claim has no reason");
}

BOOST_AUTO_TEST_CASE(a_run_that_lacks_a_claim_leaves_its_cell_empty) {
  auto beta = fixture("results-beta.json");
  beta["results"].erase(beta["results"].begin());
  const auto data = dashboard_data({fixture("results-alpha.json"), beta}, nullptr);
  BOOST_TEST(data["claims"][0][7][1].is_null());
  BOOST_TEST(data["claims"][3][6] == "", "no catalogue, no reason");
}

BOOST_AUTO_TEST_CASE(page_text_cannot_close_the_embedded_script) {
  const auto html = dashboard_html({fixture("results-alpha.json")}, nullptr);
  BOOST_TEST(html.find("mention <\\/script> in") != std::string::npos);
  BOOST_TEST(html.find("mention </script>") == std::string::npos);
  BOOST_TEST(html.find("http://") == std::string::npos, "nothing is fetched from the network");
  BOOST_TEST(html.find("https://") == std::string::npos, "nothing is fetched from the network");
}

BOOST_AUTO_TEST_CASE(dashboard_data_names_the_page_documenting_each_function) {
  auto beta = fixture("results-beta.json");
  auto dup = beta["results"][5];
  dup["id"] = "SSL_SESSION_new/prototype/2";
  dup["kind"] = "prototype";
  dup["functions"] = {"SSL_SESSION_dup"};
  beta["results"].push_back(dup);
  const auto data = dashboard_data({beta}, nullptr);
  BOOST_TEST(data["documents"]["SSL_SESSION_dup"] == "SSL_SESSION_new");
  BOOST_TEST(data["documents"]["SSL_SESSION_free"] == "SSL_SESSION_free");
  BOOST_REQUIRE(data["findings"].is_array());
  BOOST_TEST(data["findings"].size() == 2u);  // beta's two FAILs
}
