// Expectation files recorded from a run: one line per claim away from its
// default, with the observation, the judgement comments kept.
#define BOOST_TEST_MODULE conform_record
#include <boost/test/unit_test.hpp>

#include "conform/record.hpp"
#include "model/diagnostic.hpp"
#include "report/expectations.hpp"

#include <cstdio>
#include <fstream>

using sslconf::conform::record_expectations;

namespace {

const nlohmann::json kCatalogue = {{"schema", 1},
                                   {"claims",
                                    {{{"id", "p/f/returns-int/1"}, {"checkable", true}},
                                     {{"id", "p/f/prototype/1"}, {"checkable", true}},
                                     {{"id", "p/f/caller-obligation/1"}, {"checkable", false}},
                                     {{"id", "p/g/returns-int/1"}, {"checkable", true}}}}};

nlohmann::json run(const std::string& version) {
  return {{"schema", 1},
          {"implementation", {{"name", "openssl"}, {"family", "openssl"}, {"version", version}}},
          {"results",
           {{{"id", "p/f/returns-int/1"}, {"outcome", "PASS"}, {"detail", "returned 1"}},
            {{"id", "p/f/prototype/1"}, {"outcome", "FAIL"}, {"detail", "declared\nint f(void)"}},
            {{"id", "p/f/caller-obligation/1"}, {"outcome", "UNTESTED"}, {"detail", "not machine-checkable: x"}},
            {{"id", "p/g/returns-int/1"}, {"outcome", "UNTESTED"}, {"detail", "no scenario for g"}}}}};
}

std::string error_of(const nlohmann::json& results, const nlohmann::json& catalogue) {
  try {
    record_expectations(results, catalogue, "r.json", "");
  } catch (const sslconf::model::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(only_claims_away_from_their_default_get_a_line) {
  const auto r = record_expectations(run("OpenSSL 3.0.13 30 Jan 2024"), kCatalogue, "r.json", "");
  BOOST_TEST(r.file == "openssl-3.0.txt");
  BOOST_TEST(r.text.find("p/f/prototype/1 FAIL declared int f(void)\n") != std::string::npos);
  BOOST_TEST(r.text.find("p/g/returns-int/1 UNTESTED no scenario for g\n") != std::string::npos);
  BOOST_TEST(r.text.find("p/f/returns-int/1") == std::string::npos);
  BOOST_TEST(r.text.find("caller-obligation") == std::string::npos);
  BOOST_TEST(r.lines_by_outcome.at("FAIL") == 1);
  BOOST_TEST(r.lines_by_outcome.at("UNTESTED") == 1);
}

// What is written reads back, and then expects exactly what was observed.
BOOST_AUTO_TEST_CASE(the_file_reads_back_as_the_observed_outcomes) {
  const auto r = record_expectations(run("OpenSSL 3.0.13"), kCatalogue, "r.json", "");
  const std::string path = "/tmp/sslconf-record-test-" + std::to_string(::getpid()) + ".txt";
  std::ofstream(path) << r.text;
  const auto e = sslconf::report::load_expectations(path);
  std::remove(path.c_str());
  for (const auto& res : run("OpenSSL 3.0.13")["results"]) {
    const std::string id = res["id"];
    bool checkable = false;
    for (const auto& c : kCatalogue["claims"])
      if (c["id"] == id) checkable = c["checkable"];
    BOOST_TEST(sslconf::report::expected_outcome(e, id, checkable) == res["outcome"].get<std::string>());
  }
}

BOOST_AUTO_TEST_CASE(the_judgement_at_the_top_is_kept_and_old_lines_are_not) {
  const auto r = record_expectations(run("3.0.2"), kCatalogue, "r.json",
                                     "# judged by hand: the FAIL is real\np/old/kind/1 FAIL gone\n");
  BOOST_TEST(r.text.rfind("# judged by hand: the FAIL is real\np/f/prototype/1 FAIL", 0) == 0);
  BOOST_TEST(r.text.find("p/old/kind/1") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_release_less_version_names_the_family_file) {
  BOOST_TEST(record_expectations(run("unknown"), kCatalogue, "r.json", "").file == "openssl.txt");
}

BOOST_AUTO_TEST_CASE(bad_input_is_one_line_naming_the_results) {
  BOOST_TEST(error_of(nlohmann::json::object(), kCatalogue) == "r.json: error: not a results file of sslconf conform");
  auto other = kCatalogue;
  other["claims"].erase(3);
  BOOST_TEST(error_of(run("3.0"), other) ==
             "r.json: error: claim p/g/returns-int/1 is not in the --claims catalogue (results of another run?)");
  auto silent = run("3.0");
  silent["results"][1]["detail"] = "";
  BOOST_TEST(error_of(silent, kCatalogue) == "r.json: error: claim p/f/prototype/1: FAIL without an observation");
}
