// The cross-checks on the real seed pages (formats and releases differ) and
// on the installed OpenSSL 3 page: the findings the issue asks for must
// appear. Skips cleanly when the seeds or the installed page are absent.
#define BOOST_TEST_MODULE crosscheck_seeds
#include <boost/test/unit_test.hpp>

#include "claims/extract.hpp"
#include "crosscheck/catalogue_diff.hpp"
#include "crosscheck/lint.hpp"
#include "reader/reader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sslconf;
using namespace sslconf::crosscheck;

namespace {

const std::string kSeeds = SSLCONF_SOURCE_DIR "/../shared/seeds/";
const std::string kInstalled = "/usr/share/man/man3/SSL_SESSION_free.3ssl.gz";
const std::string kFixtures = SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/";

bool have_seeds() { return std::filesystem::exists(kSeeds + "003_3204a62285d6baf6.txt"); }

DocSet read_set(const std::string& path) {
  DocSet d;
  d.label = path;
  d.pages = reader::read_docs({path});
  d.catalogue = claims::extract(d.pages);
  return d;
}

bool has_claim(const DocSetDiff& d, ClaimChange::Type type, const std::string& function, const std::string& kind) {
  return std::any_of(d.claims.begin(), d.claims.end(), [&](const ClaimChange& c) {
    return c.type == type && c.function == function && c.kind == kind;
  });
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(release_1_1_0_adds_the_null_rule_new_and_up_ref) {
  if (!have_seeds()) {
    BOOST_TEST_MESSAGE("skipped: no seeds");
    return;
  }
  const auto d = diff(read_set(kSeeds + "003_3204a62285d6baf6.txt"), read_set(kSeeds + "002_c4030cd2a7447512.txt"));
  BOOST_TEST(has_claim(d, ClaimChange::Type::added, "SSL_SESSION_free", "null-noop"));
  BOOST_TEST(has(d.functions_added, "SSL_SESSION_new"));
  BOOST_TEST(has(d.functions_added, "SSL_SESSION_up_ref"));
  BOOST_TEST(d.functions_removed.empty());
}

BOOST_AUTO_TEST_CASE(release_1_1_1_adds_dup_with_its_version_gate_and_ssl_7) {
  if (!have_seeds()) {
    BOOST_TEST_MESSAGE("skipped: no seeds");
    return;
  }
  const auto d = diff(read_set(kSeeds + "002_c4030cd2a7447512.txt"), read_set(kSeeds + "001_31734f6148f86415.txt"));
  BOOST_TEST(has(d.functions_added, "SSL_SESSION_dup"));
  BOOST_TEST(has_claim(d, ClaimChange::Type::added, "SSL_SESSION_dup", "version-added"));
  BOOST_TEST(std::any_of(d.see_also.begin(), d.see_also.end(),
                         [](const SeeAlsoChange& s) { return s.before == "ssl(3)" && s.after == "ssl(7)"; }));
  // The NULL rule is in both: not a difference.
  BOOST_TEST(!has_claim(d, ClaimChange::Type::added, "SSL_SESSION_free", "null-noop"));
  BOOST_TEST(!has_claim(d, ClaimChange::Type::removed, "SSL_SESSION_free", "null-noop"));
}

BOOST_AUTO_TEST_CASE(release_3_says_copies_belong_to_no_cache_and_dup_takes_const) {
  if (!have_seeds() || !std::filesystem::exists(kInstalled)) {
    BOOST_TEST_MESSAGE("skipped: no seeds or 3.x page");
    return;
  }
  const auto d = diff(read_set(kSeeds + "001_31734f6148f86415.txt"), read_set(kInstalled));
  BOOST_TEST(has_claim(d, ClaimChange::Type::added, "SSL_SESSION_dup", "copy-no-cache"));
  BOOST_TEST(has_claim(d, ClaimChange::Type::changed, "SSL_SESSION_dup", "prototype"));
}

BOOST_AUTO_TEST_CASE(same_release_in_two_formats_has_no_differences) {
  // 000 is a plain-text rendering and 003 the POD source of the same page.
  if (!have_seeds()) {
    BOOST_TEST_MESSAGE("skipped: no seeds");
    return;
  }
  const auto d = diff(read_set(kSeeds + "000_b36847d3e6629913.txt"), read_set(kSeeds + "003_3204a62285d6baf6.txt"));
  BOOST_TEST(d.empty(), to_text(d));
}

BOOST_AUTO_TEST_CASE(lint_of_the_seed_pages_matches_its_golden_file) {
  if (!have_seeds()) {
    BOOST_TEST_MESSAGE("skipped: no seeds");
    return;
  }
  LintOptions options;
  options.known_pages.add_man_directories({kFixtures + "man-openssl3"});
  std::vector<std::string> files;
  for (const char* f : {"000_b36847d3e6629913.txt", "001_31734f6148f86415.txt", "002_c4030cd2a7447512.txt",
                        "003_3204a62285d6baf6.txt", "004_b458e72e7814d208.txt"})
    files.push_back(kSeeds + f);
  std::string out;
  for (const auto& f : lint(reader::read_docs(files), options)) {
    auto line = f.str();
    line.erase(0, line.find(kSeeds) == 0 ? kSeeds.size() : 0);
    out += line + "\n";
  }
  BOOST_TEST(out == slurp(kFixtures + "seeds.lint"));
  BOOST_TEST(out.find("000_b36847d3e6629913.txt:28: error: repeated word \"the the\"") != std::string::npos);
  BOOST_TEST(out.find("001_31734f6148f86415.txt:4: warning: SSL_SESSION_dup returns SSL_SESSION *") != std::string::npos);
}
