// The configure-time probe against a small header set of its own: which
// functions the headers mark deprecated, as the compiler shows it.
#define BOOST_TEST_MODULE probe
#include <boost/test/unit_test.hpp>

#include "gen/probe.hpp"

#include <filesystem>

using namespace sslconf::gen;

namespace {

nlohmann::json deprecated_claim(const std::string& function) {
  return {{"id", "page/" + function + "/version-deprecated/1"},
          {"kind", "version-deprecated"},
          {"functions", {function}},
          {"params", {{"release", "3.0"}}}};
}

nlohmann::json probe_fixture() {
  nlohmann::json catalogue = {{"claims", nlohmann::json::array()}};
  for (const char* f : {"fixture_retired", "fixture_current", "fixture_wrapped", "fixture_alias", "fixture_missing"})
    catalogue["claims"].push_back(deprecated_claim(f));
  const std::string work = SSLCONF_PROBE_WORK_DIR;
  std::filesystem::create_directories(work);
  return run_probes(catalogue, Compiler{SSLCONF_CXX, {"-I", SSLCONF_SOURCE_DIR "/conformance/gen/tests/fixtures/deprecation"}, work});
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_name_gets_its_own_mark) {
  const auto marks = probe_fixture().at("deprecated");
  BOOST_TEST(marks.at("fixture_retired").at("marked") == true);
  BOOST_TEST(marks.at("fixture_retired").at("detail").get<std::string>().find("deprecated") != std::string::npos);
  BOOST_TEST(marks.at("fixture_current").at("marked") == false);
}

BOOST_AUTO_TEST_CASE(macros_and_missing_names_give_no_verdict) {
  const auto marks = probe_fixture().at("deprecated");
  BOOST_TEST(marks.at("fixture_wrapped").at("marked").is_null());
  BOOST_TEST(marks.at("fixture_alias").at("marked").is_null());
  BOOST_TEST(marks.at("fixture_missing").at("marked").is_null());
  BOOST_TEST(marks.at("fixture_missing").at("declared") == false);
  // A missing name does not hide the marks of the others.
  BOOST_TEST(marks.at("fixture_retired").at("marked") == true);
}
