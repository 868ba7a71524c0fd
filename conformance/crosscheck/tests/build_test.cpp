// build_crosscheck_report, as scripts/conform calls it: every part runs, a
// part that cannot is named in the notes and replaced where possible.
#define BOOST_TEST_MODULE crosscheck_build
#include <boost/test/unit_test.hpp>

#include "crosscheck/build.hpp"
#include "page_builder.hpp"

#include <filesystem>

using namespace sslconf;
using namespace sslconf::crosscheck;

namespace {
const std::string kFixtures = SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/";

CrosscheckInputs inputs() {
  CrosscheckInputs in;
  in.docs_label = "fixture";
  in.pages = {test::good_page()};
  in.man_dirs = {kFixtures + "man-openssl3"};
  in.project_dir = SSLCONF_SOURCE_DIR;
  return in;
}
}  // namespace

BOOST_AUTO_TEST_CASE(all_four_parts_are_gathered) {
  auto in = inputs();
  in.probes = {{"boringssl", kFixtures + "probes/probes-boringssl.json"}};
  in.results_files = {kFixtures + "results/results-boringssl.json"};
  in.compare_with = {{"itself", {kFixtures + "lint/clean.pod"}}};
  const auto r = build_crosscheck_report(in);
  BOOST_TEST(r.notes.empty());
  BOOST_TEST(r.lint.empty());
  BOOST_REQUIRE_EQUAL(r.headers.size(), 1u);
  BOOST_TEST(r.headers[0].count(Agreement::different) == 1u);
  BOOST_REQUIRE_EQUAL(r.behaviours.size(), 1u);
  BOOST_TEST(r.behaviours[0].contradicted() == 2u);
  BOOST_REQUIRE_EQUAL(r.page_diffs.size(), 1u);
  BOOST_TEST(has_differences(r));
}

BOOST_AUTO_TEST_CASE(failed_probes_are_noted_and_the_headers_read_instead) {
  if (!std::filesystem::exists("/usr/include/openssl/ssl.h")) {
    BOOST_TEST_MESSAGE("skipped: no OpenSSL headers");
    return;
  }
  auto in = inputs();
  in.probes = {{"openssl", kFixtures + "probes/probes-failed.json"}};
  const auto r = build_crosscheck_report(in);
  BOOST_REQUIRE_EQUAL(r.notes.size(), 1u);
  BOOST_TEST(r.notes[0].find("the suite's probes failed") != std::string::npos);
  BOOST_REQUIRE_EQUAL(r.headers.size(), 1u);
  BOOST_TEST(r.headers[0].implementation == "openssl");
  BOOST_TEST(r.headers[0].count(Agreement::same) == 2u);  // SSL_SESSION_new, SSL_SESSION_free
}

BOOST_AUTO_TEST_CASE(missing_results_file_is_a_note_not_a_crash) {
  auto in = inputs();
  in.results_files = {kFixtures + "results/absent.json"};
  const auto r = build_crosscheck_report(in);
  BOOST_REQUIRE_EQUAL(r.notes.size(), 1u);
  BOOST_TEST(r.behaviours.empty());
  BOOST_TEST(!has_differences(r));
}

BOOST_AUTO_TEST_CASE(probes_file_names_give_the_implementation) {
  BOOST_TEST(implementation_of_probes_file("out/probes-wolfssl.json") == "wolfssl");
  BOOST_TEST(implementation_of_probes_file("build/probes.json") == "probes");
}
