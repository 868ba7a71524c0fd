// Golden catalogues, read from real pages by the real readers, and the
// release differences the seed pages must show without any extra code.
// SSLCONF_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing.
#define BOOST_TEST_MODULE claims golden catalogues
#include "claims/extract.hpp"
#include "reader/reader.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace sslconf;
using nlohmann::json;

namespace {

const fs::path kSource = SSLCONF_SOURCE_DIR;
const fs::path kGolden = kSource / "conformance/claims/tests/golden";
const fs::path kSeeds = kSource / "../shared/seeds";
const fs::path kMan3 = "/usr/share/man/man3";

// The installed pages of the SSL_SESSION family (libssl-doc, OpenSSL 3.x).
const std::vector<std::string> kFamily{
    "SSL_SESSION_free", "SSL_get_session", "SSL_CTX_flush_sessions", "SSL_CTX_set_session_cache_mode",
    "d2i_SSL_SESSION", "SSL_SESSION_get_time", "SSL_SESSION_get_ex_new_index", "SSL_CTX_add_session",
    "SSL_CTX_sess_number", "SSL_CTX_sess_set_cache_size", "SSL_CTX_set_timeout", "SSL_SESSION_set1_id",
    "SSL_SESSION_get_master_key", "SSL_SESSION_is_resumable", "SSL_CTX_sess_set_get_cb"};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

// The catalogue with machine-specific folders replaced by stable labels.
json portable(const claims::Catalogue& c, const std::vector<std::pair<std::string, std::string>>& folders) {
  std::string text = claims::to_json(c).dump(1);
  for (const auto& [from, to] : folders) replace_all(text, from, to);
  return json::parse(text);
}

// Claims compared by id, so one inserted claim reads as one difference.
std::string first_difference(const json& want, const json& got) {
  if (want == got) return "";
  std::map<std::string, json> before, after;
  for (const auto& c : want.at("claims")) before[c.at("id").get<std::string>()] = c;
  for (const auto& c : got.at("claims")) after[c.at("id").get<std::string>()] = c;
  std::vector<std::string> added, removed, changed;
  for (const auto& [id, c] : after) {
    if (!before.count(id)) added.push_back(id);
    else if (before[id] != c) changed.push_back(id + " " + json::diff(before[id], c).dump());
  }
  for (const auto& [id, c] : before)
    if (!after.count(id)) removed.push_back(id);
  std::ostringstream out;
  out << added.size() << " added, " << removed.size() << " removed, " << changed.size() << " changed";
  if (!added.empty()) out << "; first added: " << added.front();
  if (!removed.empty()) out << "; first removed: " << removed.front();
  if (!changed.empty()) out << "; first changed: " << changed.front();
  if (added.empty() && removed.empty() && changed.empty()) out << "; pages or coverage differ";
  return out.str();
}

void check_golden(const std::string& name, const json& got) {
  const fs::path golden = kGolden / (name + ".json");
  if (std::getenv("SSLCONF_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden) << got.dump(2) << '\n';
    BOOST_TEST_MESSAGE("updated " << golden);
    return;
  }
  std::ifstream in(golden);
  BOOST_TEST_REQUIRE(in.good(), "no golden file " << golden << " (SSLCONF_UPDATE_GOLDEN=1 writes it)");
  const json want = json::parse(in);
  const std::string diff = first_difference(want, got);
  if (!diff.empty()) {
    const fs::path actual = fs::temp_directory_path() / (fs::path(name).filename().string() + ".actual.json");
    std::ofstream(actual) << got.dump(2) << '\n';
    BOOST_TEST(diff.empty(), name << ": " << diff << "; actual catalogue in " << actual
                                  << " (SSLCONF_UPDATE_GOLDEN=1 accepts it)");
  }
}

std::vector<std::string> seed_files() {
  std::vector<std::string> out;
  if (!fs::is_directory(kSeeds)) return out;
  for (const auto& e : fs::directory_iterator(kSeeds))
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

claims::Catalogue seed_catalogue(const std::string& stem) {
  return claims::extract({reader::read_page((kSeeds / (stem + ".txt")).string())});
}

std::set<std::string> kinds_for(const claims::Catalogue& c, const std::string& function) {
  std::set<std::string> out;
  for (const auto& k : c.claims)
    if (!k.functions.empty() && k.functions.front() == function) out.insert(k.kind);
  return out;
}

bool seeds_present() { return seed_files().size() == 5; }

}  // namespace

BOOST_AUTO_TEST_SUITE(seeds)

BOOST_AUTO_TEST_CASE(seed_catalogues_match_golden) {
  if (!seeds_present()) { BOOST_TEST_MESSAGE("seed pages absent: skipped"); return; }
  for (const auto& file : seed_files()) {
    const std::string stem = fs::path(file).stem().string();
    const auto c = claims::extract({reader::read_page(file)});
    check_golden("seeds/" + stem, portable(c, {{kSeeds.string() + "/", "seeds/"}}));
  }
}

BOOST_AUTO_TEST_CASE(every_description_notes_and_return_statement_is_in_the_catalogue) {
  if (!seeds_present()) { BOOST_TEST_MESSAGE("seed pages absent: skipped"); return; }
  for (const auto& file : seed_files()) {
    const auto page = reader::read_page(file);
    std::set<std::string> wanted;  // source + text of every statement
    std::string head1;
    for (const auto& s : page.sections) {
      if (s.level == 1) head1 = s.title;
      if (head1 != "DESCRIPTION" && head1 != "NOTES" && head1 != "RETURN VALUES" && head1 != "HISTORY") continue;
      for (const auto& b : s.blocks)
        for (const auto& sentence : b.sentences)
          if (b.kind != model::Block::Kind::item || head1 != "RETURN VALUES") wanted.insert(sentence.text);
    }
    const auto c = claims::extract({page});
    std::set<std::string> texts;
    for (const auto& k : c.claims) texts.insert(k.text);
    for (const auto& w : wanted) BOOST_TEST(texts.count(w) == 1u, file << ": missing " << w);
    BOOST_TEST(c.coverage.at("total").at("return_statements") ==
                   c.coverage.at("total").at("return_recognised").get<int>() + (page.title == "SSL_get_session" ? 1 : 0),
               file << ": a return statement was not recognised");
  }
}

BOOST_AUTO_TEST_CASE(null_rule_of_session_free_appears_from_1_1_0) {
  if (!seeds_present()) { BOOST_TEST_MESSAGE("seed pages absent: skipped"); return; }
  BOOST_TEST(kinds_for(seed_catalogue("000_b36847d3e6629913"), "SSL_SESSION_free").count("null-noop") == 0u);
  BOOST_TEST(kinds_for(seed_catalogue("003_3204a62285d6baf6"), "SSL_SESSION_free").count("null-noop") == 0u);
  BOOST_TEST(kinds_for(seed_catalogue("001_31734f6148f86415"), "SSL_SESSION_free").count("null-noop") == 1u);
  BOOST_TEST(kinds_for(seed_catalogue("002_c4030cd2a7447512"), "SSL_SESSION_free").count("null-noop") == 1u);
}

BOOST_AUTO_TEST_CASE(dup_and_its_version_gate_only_in_1_1_1) {
  if (!seeds_present()) { BOOST_TEST_MESSAGE("seed pages absent: skipped"); return; }
  const auto dup = kinds_for(seed_catalogue("001_31734f6148f86415"), "SSL_SESSION_dup");
  BOOST_TEST(dup == (std::set<std::string>{"prototype", "copy", "returns-pointer", "version-added"}));
  for (const char* stem : {"000_b36847d3e6629913", "002_c4030cd2a7447512", "003_3204a62285d6baf6", "004_b458e72e7814d208"})
    BOOST_TEST(kinds_for(seed_catalogue(stem), "SSL_SESSION_dup").empty(), stem);
  for (const auto& k : seed_catalogue("001_31734f6148f86415").claims)
    if (k.kind == "version-added") BOOST_TEST(k.params.at("release") == "1.1.1");
}

BOOST_AUTO_TEST_CASE(void_return_statement_only_in_1_0_era_pages) {
  if (!seeds_present()) { BOOST_TEST_MESSAGE("seed pages absent: skipped"); return; }
  BOOST_TEST(kinds_for(seed_catalogue("000_b36847d3e6629913"), "SSL_SESSION_free").count("returns-void") == 1u);
  BOOST_TEST(kinds_for(seed_catalogue("003_3204a62285d6baf6"), "SSL_SESSION_free").count("returns-void") == 1u);
  BOOST_TEST(kinds_for(seed_catalogue("001_31734f6148f86415"), "SSL_SESSION_free").count("returns-void") == 0u);
  BOOST_TEST(kinds_for(seed_catalogue("002_c4030cd2a7447512"), "SSL_SESSION_free").count("returns-void") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(project_pages)

BOOST_AUTO_TEST_CASE(pod_catalogue_matches_golden) {
  const fs::path pod = kSource / "pod";
  if (!fs::is_directory(pod)) { BOOST_TEST_MESSAGE("pod/ absent: skipped"); return; }
  const auto c = claims::extract(reader::read_docs({pod.string()}));
  BOOST_TEST(!c.claims.empty());
  check_golden("pod", portable(c, {{pod.string() + "/", "pod/"}}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(installed_pages)

BOOST_AUTO_TEST_CASE(installed_session_family_matches_golden) {
  std::vector<std::string> files;
  for (const auto& name : kFamily) {
    const fs::path p = kMan3 / (name + ".3ssl.gz");
    if (!fs::exists(p)) { BOOST_TEST_MESSAGE(p << " absent (libssl-doc not installed): skipped"); return; }
    files.push_back(p.string());
  }
  const auto c = claims::extract(reader::read_docs(files));
  check_golden("libssl-doc-session-family", portable(c, {{kMan3.string() + "/", "man3/"}}));
}

BOOST_AUTO_TEST_SUITE_END()
