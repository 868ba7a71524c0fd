// The pages drive the suite. A copy of pod/man3/SSL_SESSION_new.pod is
// edited, its claims re-extracted, the suite regenerated and rebuilt (only
// the suite; the build folder is reused) and run against the reference:
//   (a) "returns 1 on success" → "returns 2 on success" makes that check FAIL
//   (b) a deleted sentence takes its test away
//   (c) a new sentence in a known wording brings a new, working check
// (The installed libssl-doc pages against the system OpenSSL: scripts/test's
// `conform --docs installed` run, with its expectation file.)
#define BOOST_TEST_MODULE pages_drive_the_suite
#include <boost/test/unit_test.hpp>

#include "platform/process.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using sslconf::platform::run_process;

namespace {

const fs::path kWork = SSLCONF_WORK_DIR;
const fs::path kPage = fs::path(SSLCONF_SOURCE_DIR) / "pod/man3/SSL_SESSION_new.pod";

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void run_or_fail(const std::vector<std::string>& argv) {
  sslconf::platform::ProcessOptions o;
  o.timeout = std::chrono::minutes(10);
  const auto r = run_process(argv, o);
  BOOST_REQUIRE_MESSAGE(r.exited && r.exit_code == 0, argv[0] + " " + argv[1] + " failed:\n" + r.out + r.err);
}

// Claims of `docs`, the suite generated from them built against `impl` in
// a folder of its own, run: the results document.
nlohmann::json conform(const std::string& impl, const std::vector<std::string>& docs) {
  const fs::path dir = kWork / impl;
  fs::create_directories(dir);
  const fs::path claims = dir / "claims.json";
  std::vector<std::string> extract{SSLCONF_TOOL_PATH, "claims"};
  extract.insert(extract.end(), docs.begin(), docs.end());
  extract.insert(extract.end(), {"-o", claims.string()});
  run_or_fail(extract);
  const fs::path build = dir / "build";
  if (!fs::exists(build / "CMakeCache.txt"))
    run_or_fail({"cmake", "-S", SSLCONF_SOURCE_DIR, "-B", build.string(), "-G", "Ninja", "-DSSLCONF_IMPL=" + impl,
                 "-DSSLCONF_BUILD_TOOLS=OFF", "-DSSLCONF_BUILD_BENCHMARKS=OFF", "-DSSLCONF_BUILD_DOCS=OFF",
                 "-DSSLCONF_BUILD_TESTS=OFF", "-DSSLCONF_CLAIMS=" + claims.string(), "-DSSLCONF_TOOL=" SSLCONF_TOOL_PATH,
                 // As conform builds a suite: -O1, no debug information (a third of the compile time).
                 "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_C_FLAGS_RELEASE=-O1 -DNDEBUG",
                 "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG"});
  // A changed claims.json re-runs the generator: only changed pages rebuild.
  run_or_fail({"cmake", "--build", build.string(), "--target", "sslconf_suite"});
  const fs::path suite = build / "conformance/suite";
  const fs::path results = dir / "results.json";
  run_process({SSLCONF_TOOL_PATH, "run", "--suite", (suite / "sslconf_suite").string(), "--claims", claims.string(),
               "--manifest", (suite / "generated/manifest.json").string(), "--name", impl, "--family", impl,
               "--out", results.string()});
  std::ifstream in(results);
  return nlohmann::json::parse(in);
}

// The page, edited, as the only document of the run.
std::vector<std::string> edited_page(const std::string& from, const std::string& to) {
  std::string text = read(kPage);
  const auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "the page no longer says: " + from);
  text.replace(at, from.size(), to);
  const fs::path docs = kWork / "docs";
  fs::create_directories(docs);
  std::ofstream(docs / "SSL_SESSION_new.pod") << text;
  return {(docs / "SSL_SESSION_new.pod").string()};
}

std::vector<const nlohmann::json*> find(const nlohmann::json& results, const std::string& function,
                                        const std::string& kind) {
  std::vector<const nlohmann::json*> out;
  for (const auto& r : results["results"])
    if (r["kind"] == kind && !r["functions"].empty() && r["functions"][0] == function) out.push_back(&r);
  return out;
}

const char* const kUpRefReturn = "SSL_SESSION_up_ref() returns 1 on success and 0 on failure.";
const char* const kNullRule = "If I<session> is NULL, nothing is done.";

}  // namespace

BOOST_AUTO_TEST_CASE(the_page_as_written_passes_against_the_reference) {
  const auto results = conform("reference", edited_page(kUpRefReturn, kUpRefReturn));
  const auto up_ref = find(results, "SSL_SESSION_up_ref", "returns-int");
  BOOST_REQUIRE(up_ref.size() == 1u);
  BOOST_TEST((*up_ref[0])["outcome"] == "PASS", (*up_ref[0])["detail"]);
  BOOST_TEST(find(results, "SSL_SESSION_free", "null-noop").size() == 1u);
}

BOOST_AUTO_TEST_CASE(returns_2_on_success_makes_that_check_fail_against_the_reference) {
  const auto results = conform("reference", edited_page(kUpRefReturn, "SSL_SESSION_up_ref() returns 2 on success and 0 on failure."));
  const auto up_ref = find(results, "SSL_SESSION_up_ref", "returns-int");
  BOOST_REQUIRE(up_ref.size() == 1u);
  BOOST_TEST((*up_ref[0])["outcome"] == "FAIL");
  BOOST_TEST((*up_ref[0])["detail"].get<std::string>().find("(page: 2)") != std::string::npos, (*up_ref[0])["detail"]);
}

BOOST_AUTO_TEST_CASE(a_deleted_sentence_takes_its_test_away) {
  const auto results = conform("reference", edited_page(kNullRule, ""));
  BOOST_TEST(find(results, "SSL_SESSION_free", "null-noop").empty());
  const auto manifest = nlohmann::json::parse(read(kWork / "reference/build/conformance/suite/generated/manifest.json"));
  for (const auto& c : manifest["cases"]) BOOST_TEST(c["id"].get<std::string>().find("null-noop") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_new_sentence_in_known_wording_brings_a_working_check) {
  // A second return statement for SSL_SESSION_up_ref, whose scenario the
  // registry has: a second returns-int claim, and a case for it.
  const auto results = conform(
      "reference", edited_page(kNullRule, std::string(kNullRule) + "\nSSL_SESSION_up_ref() returns 1 if the reference was taken and 0 otherwise."));
  const auto up_ref = find(results, "SSL_SESSION_up_ref", "returns-int");
  BOOST_REQUIRE(up_ref.size() == 2u);
  BOOST_TEST((*up_ref[1])["id"].get<std::string>().find("returns-int/2") != std::string::npos);
  BOOST_TEST((*up_ref[1])["outcome"] == "PASS", (*up_ref[1])["detail"]);
}
