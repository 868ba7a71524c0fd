// findings.md from results files of several machines: each divergence once,
// where it reproduces and where it holds, its reproducer when one lies
// beside the results, and the pages' defects with their patch.
#define BOOST_TEST_MODULE report_findings
#include <boost/test/unit_test.hpp>

#include "report/findings.hpp"
#include "report/tests/fixtures.hpp"

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace sslconf::report;
using sslconf::report::testing::fixture;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The fixture run of the "alpha" results, presented as another library
// that passes every claim there.
json libressl_run() {
  auto j = fixture("results-alpha.json");
  j["implementation"] = {{"name", "libressl"}, {"family", "libressl"}, {"version", "LibreSSL 4.3.2"}};
  return j;
}

struct Machines {
  fs::path root = fs::temp_directory_path() / ("sslconf-findings-" + std::to_string(::getpid()));
  Machines() {
    fs::create_directories(root / "a" / "repro");
    fs::create_directories(root / "b");
    fs::create_directories(root / "out");
  }
  ~Machines() { fs::remove_all(root); }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reproducer_file_name_keeps_only_safe_bytes) {
  BOOST_TEST(reproducer_file_name("SSL_free/null-noop/1") == "SSL_free_null-noop_1.c");
  BOOST_TEST(reproducer_file_name("a b:c.d") == "a_b_c.d.c");
  BOOST_TEST(reproducer_file_name("../x") == ".._x.c");
}

BOOST_AUTO_TEST_CASE(a_divergence_is_listed_once_with_where_it_reproduces_and_holds) {
  Machines m;
  std::ofstream(m.root / "a" / "repro" / reproducer_file_name("SSL_SESSION_free/null-noop/1")) << "int main(void){return 1;}\n";
  const std::vector<ResultsFile> files{{fixture("results-beta.json"), (m.root / "a").string()},
                                       {libressl_run(), (m.root / "b").string()},
                                       {fixture("results-beta.json"), (m.root / "b").string()},
                                       {fixture("results-alpha.json"), (m.root / "b").string()}};
  const auto found = divergences(files, (m.root / "out").string());
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST(found[0].id == "SSL_SESSION_free/prototype/1");
  BOOST_TEST(found[0].reproducer.empty());
  const auto& null_rule = found[1];
  BOOST_TEST(null_rule.reproduces.size() == 1u);  // beta seen twice, one release
  BOOST_TEST(null_rule.reproduces[0].release == "OpenSSL 3.0.99 fixture");
  BOOST_REQUIRE_EQUAL(null_rule.holds.size(), 1u);  // the reference run is no library's
  BOOST_TEST(null_rule.holds[0].implementation == "libressl");
  BOOST_TEST(null_rule.reproducer == "../a/repro/SSL_SESSION_free_null-noop_1.c");

  const auto md = findings_markdown(found);
  BOOST_TEST(count(md, "### ") == 2u);
  BOOST_TEST(md.find("pod/SSL_SESSION_free.pod line 16") != std::string::npos);
  BOOST_TEST(md.find("Differs on beta (OpenSSL 3.0.99 fixture): the process died of SIGSEGV") != std::string::npos);
  BOOST_TEST(md.find("- The page says: `void SSL_SESSION_free(SSL_SESSION *session);`") != std::string::npos, md);
  BOOST_TEST(md.find("- The page says: \"If session is NULL nothing is done.\"") != std::string::npos, md);
  BOOST_TEST(md.find("Does what the page says on libressl (LibreSSL 4.3.2)") != std::string::npos);
  BOOST_TEST(md.find("[../a/repro/SSL_SESSION_free_null-noop_1.c](../a/repro/SSL_SESSION_free_null-noop_1.c)") !=
             std::string::npos);
  BOOST_TEST(md.find("claim") == std::string::npos, "no project words in:\n" << md);
}

BOOST_AUTO_TEST_CASE(a_reproducer_named_by_the_result_is_linked) {
  auto beta = fixture("results-beta.json");
  for (auto& r : beta["results"]) r["reproducer"] = "repro/" + reproducer_file_name(r["id"].get<std::string>());
  const auto found = divergences({{beta, "/runs/x"}}, "/runs/x");
  BOOST_REQUIRE(!found.empty());
  BOOST_TEST(found[0].reproducer == "repro/SSL_SESSION_free_prototype_1.c");
}

BOOST_AUTO_TEST_CASE(page_defects_carry_their_part_of_the_patch) {
  DocDefects docs;
  docs.lint = json::array({{{"source", "/tree/doc/man3/BIO_push.pod:23"}, {"severity", "error"},
                            {"check", "repeated-word"}, {"message", "repeated word \"is is\""}}});
  docs.patch = "--- a/doc/man3/BIO_push.pod\n+++ b/doc/man3/BIO_push.pod\n@@ -23 +23 @@\n-is is\n+is\n"
               "--- a/doc/man3/other.pod\n+++ b/doc/man3/other.pod\n@@ -1 +1 @@\n-x;\n+x;;\n";
  const auto md = findings_markdown({}, docs);
  BOOST_TEST(md.find("No library differed from the pages.") != std::string::npos);
  const auto page = md.find("### /tree/doc/man3/BIO_push.pod");
  BOOST_REQUIRE(page != std::string::npos);
  BOOST_TEST(md.find("- line 23: error: repeated word \"is is\"", page) != std::string::npos);
  BOOST_TEST(md.find("```diff\n--- a/doc/man3/BIO_push.pod", page) != std::string::npos);
  BOOST_TEST(md.find("### doc/man3/other.pod") != std::string::npos);
}
