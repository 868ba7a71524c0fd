// Lint through the POD reader: the project's own pod/ stays clean, and two
// small POD fixtures show every rule firing (golden file) and none firing.
#define BOOST_TEST_MODULE crosscheck_pod_lint
#include <boost/test/unit_test.hpp>

#include "claims/extract.hpp"
#include "crosscheck/lint.hpp"
#include "reader/document.hpp"
#include "reader/formats.hpp"
#include "reader/reader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sslconf;
using namespace sslconf::crosscheck;

namespace {

const std::string kFixtures = SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

LintOptions fixture_options() {
  LintOptions o;
  o.known_pages.add_man_directories({kFixtures + "man-openssl3"});
  return o;
}

std::string lint_text(const std::string& file, const LintOptions& options) {
  std::string out;
  for (const auto& f : lint({reader::read_page(file)}, options)) {
    auto line = f.str();
    if (line.rfind(kFixtures, 0) == 0) line.erase(0, kFixtures.size());
    out += line + "\n";
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(pod_fixture_breaking_every_rule_matches_its_golden_file) {
  const auto out = lint_text(kFixtures + "lint/nits.pod", fixture_options());
  BOOST_TEST(out == slurp(kFixtures + "lint/nits.lint"));
  for (const char* check : {"section-missing", "section-order", "name-without-synopsis", "synopsis-without-name",
                            "return-value-undocumented", "link-unresolved", "repeated-word", "history-release"})
    BOOST_TEST(out.find(std::string("[") + check + "]") != std::string::npos, "rule " << check << " fired");
}

BOOST_AUTO_TEST_CASE(pod_fixture_following_every_rule_has_no_findings) {
  BOOST_TEST(lint_text(kFixtures + "lint/clean.pod", fixture_options()) == "");
}

BOOST_AUTO_TEST_CASE(project_pod_pages_are_lint_clean) {
  const std::string pod = SSLCONF_SOURCE_DIR "/pod";
  if (!std::filesystem::exists(pod)) {
    BOOST_TEST_MESSAGE("skipped: no pod/");
    return;
  }
  // Links to OpenSSL's own pages resolve against the installed OpenSSL 3
  // manual; without it (no libssl-doc) only links within pod/ are checked.
  const bool have_openssl_man = std::filesystem::exists("/usr/share/man/man7/ssl.7ssl.gz");
  LintOptions options;
  if (have_openssl_man) options.known_pages.add_man_directories({"/usr/share/man"});
  else BOOST_TEST_MESSAGE("no OpenSSL manual installed: links outside pod/ are not checked");
  std::string out;
  for (const auto& f : lint(reader::read_docs({pod}), options))
    if (have_openssl_man || f.check != "link-unresolved") out += f.str() + "\n";
  BOOST_TEST(out == "");
}

// OpenSSL's generic pages: "=for comment generic" and TYPE templates are
// read as such, lint clean, and give no prototype claim.
BOOST_AUTO_TEST_CASE(generic_pod_page_declares_templates_not_functions) {
  const auto page = reader::read_page(kFixtures + "lint/generic.pod");
  BOOST_TEST(page.synopsis.generic);
  BOOST_REQUIRE_EQUAL(page.synopsis.prototypes.size(), 3u);
  for (const auto& p : page.synopsis.prototypes) BOOST_TEST(p.generic, p.name << " is a template");
  BOOST_TEST(page.synopsis.placeholders == std::vector<std::string>{"TYPE"}, boost::test_tools::per_element());
  BOOST_TEST(page.foreign_pages == std::vector<std::string>{"procmail(1)"}, boost::test_tools::per_element());
  BOOST_TEST(lint_text(kFixtures + "lint/generic.pod", fixture_options()) == "");
  std::size_t prototypes = 0, templates = 0;
  for (const auto& c : claims::extract({page}).claims) {
    prototypes += c.kind == "prototype" ? 1 : 0;
    templates += c.kind == "template" ? 1 : 0;
    if (c.kind == "template") BOOST_TEST(!c.checkable);
  }
  BOOST_TEST(prototypes == 0u);
  BOOST_TEST(templates == 3u);
}

// The same templates without the generic marker (as an installed roff page
// keeps them): the italic placeholder still marks them, and they cover the
// NAME entries they stand for.
BOOST_AUTO_TEST_CASE(templates_are_found_without_the_generic_marker) {
  std::ifstream in(kFixtures + "lint/generic.pod");
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  text.erase(text.find("=for comment generic\n\n"), std::string("=for comment generic\n\n").size());
  const auto page = reader::assemble(reader::read_pod(text, "unmarked.pod"));
  BOOST_TEST(!page.synopsis.generic);
  for (const auto& p : page.synopsis.prototypes) BOOST_TEST(p.generic, p.name << " is a template");
  std::string out;
  for (const auto& f : lint({page}, fixture_options())) out += f.str() + "\n";
  BOOST_TEST(out == "");
}
