// The lint on OpenSSL 1.1.1w's own manual (doc/man1, man3, man5, man7 as
// released): every error it reports there is a defect judged true by hand
// and kept in a golden file, so a rule that starts to misfire on OpenSSL's
// conventions, or stops finding a known defect, fails here. The generic
// templates of the tree give no prototype claim.
//
// Run by CTest with the unpacked tree's folder as argument; without it the
// test has nothing to read and CTest reports it skipped.
#define BOOST_TEST_MODULE crosscheck_openssl_tree_lint
#include <boost/test/unit_test.hpp>

#include "claims/extract.hpp"
#include "crosscheck/lint.hpp"
#include "model/diagnostic.hpp"
#include "reader/reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace sslconf;
using namespace sslconf::crosscheck;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/";

std::string tree() {
  const auto& suite = boost::unit_test::framework::master_test_suite();
  return suite.argc > 1 ? suite.argv[suite.argc - 1] : "";
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every page of the released sections, in name order. A page the reader
// refuses is reported and left out: the reader's own tests judge it.
std::vector<model::Page> read_tree(const std::string& root) {
  std::vector<std::string> files;
  for (const char* section : {"man1", "man3", "man5", "man7"})
    for (const auto& e : fs::directory_iterator(fs::path(root) / "doc" / section))
      if (e.path().extension() == ".pod") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<model::Page> pages;
  for (const auto& f : files) {
    try {
      pages.push_back(reader::read_page(f));
    } catch (const model::InputError& e) {
      BOOST_TEST_MESSAGE("not read: " << e.what());
    }
  }
  return pages;
}

struct Tree {
  std::vector<model::Page> pages;
  std::vector<Finding> findings;
};

const Tree& linted() {
  static const Tree t = [] {
    Tree out;
    out.pages = read_tree(tree());
    out.findings = lint(out.pages, LintOptions{});  // no installed pages: the tree alone
    return out;
  }();
  return t;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_error_on_openssl_1_1_1w_is_a_judged_defect) {
  if (tree().empty() || !fs::exists(fs::path(tree()) / "doc")) {
    BOOST_TEST_MESSAGE("skipped: no OpenSSL 1.1.1w doc tree given");
    return;
  }
  const auto& t = linted();
  BOOST_TEST(t.pages.size() > 400u, "pages read: " << t.pages.size());
  std::string errors;
  std::size_t count = 0;
  const std::string prefix = tree() + "/";
  for (const auto& f : t.findings) {
    if (f.severity != Severity::error) continue;
    auto line = f.str();
    if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
    errors += line + "\n";
    ++count;
  }
  BOOST_TEST(count < 50u);
  BOOST_TEST(errors == slurp(kFixtures + "openssl-1.1.1w.errors"));
}

BOOST_AUTO_TEST_CASE(generic_templates_of_openssl_1_1_1w_give_no_prototype_claim) {
  if (tree().empty() || !fs::exists(fs::path(tree()) / "doc")) {
    BOOST_TEST_MESSAGE("skipped: no OpenSSL 1.1.1w doc tree given");
    return;
  }
  std::vector<model::Page> pages;
  for (const char* page : {"d2i_X509.pod", "BIO_get_ex_new_index.pod", "X509_dup.pod", "DEFINE_STACK_OF.pod"})
    pages.push_back(reader::read_page(tree() + "/doc/man3/" + page));
  std::set<std::string> templates;
  for (const auto& c : claims::extract(pages).claims) {
    if (c.kind == "template") templates.insert(c.functions.front());
    if (c.kind != "prototype") continue;
    const std::string& f = c.functions.front();
    BOOST_TEST(f.find("TYPE") == std::string::npos, "prototype claim for template " << f);
  }
  for (const char* t : {"d2i_TYPE", "i2d_TYPE_bio", "TYPE_get_ex_new_index", "TYPE_new", "sk_TYPE_num"})
    BOOST_TEST(templates.count(t) == 1u, t << " is a template claim");
}
