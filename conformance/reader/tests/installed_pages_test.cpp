// The installed OpenSSL manual (libssl-doc: pod2man roff, gzip) of the
// SSL_SESSION family: SYNOPSIS comes out as separate prototypes although
// pandoc flattens pod2man's verbatim blocks, and each page reads the same
// as roff and as its plain-text rendering by groff.
#define BOOST_TEST_MODULE reader_installed_pages_test
#include "page_essence.hpp"
#include "platform/process.hpp"
#include "reader/reader.hpp"

#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

namespace fs = std::filesystem;
using namespace sslconf;

namespace {

const fs::path kMan3 = "/usr/share/man/man3";

// The family: session objects, getting them from connections, the cache.
std::vector<std::string> family_pages() {
  static const std::regex kFamily(R"((SSL_SESSION_.*|SSL_get_session|SSL_CTX_sess_.*|SSL_CTX_set_session_cache_mode|SSL_CTX_flush_sessions|d2i_SSL_SESSION)\.3ssl\.gz)");
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(kMan3, ec)) {
    const std::string name = e.path().filename().string();
    if (!fs::is_symlink(e.path()) && std::regex_match(name, kFamily)) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string gunzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  BOOST_REQUIRE(f);
  std::string out;
  char buf[8192];
  for (int n; (n = gzread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

// Semicolons of the SYNOPSIS verbatim text in the roff source: one per
// declaration, counted without any help from pandoc.
int declarations_in_roff_synopsis(const std::string& roff) {
  bool in = false;
  int n = 0;
  for (const auto& line : reader::split_lines(roff)) {
    if (reader::starts_with(line, ".SH")) in = line.find("SYNOPSIS") != std::string::npos;
    if (!in || !reader::starts_with(line, "\\&")) continue;
    n += static_cast<int>(std::count(line.begin(), line.end(), ';'));
    if (line.find("#define") != std::string::npos) ++n;
  }
  return n;
}

int declarations_in_model(const model::Page& p) {
  int n = static_cast<int>(p.synopsis.prototypes.size());
  for (const auto& o : p.synopsis.other) n += static_cast<int>(std::count(o.begin(), o.end(), ';'));
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(installed_synopsis_yields_one_prototype_per_declaration) {
  const auto files = family_pages();
  if (files.empty()) {
    BOOST_TEST_MESSAGE("no installed SSL_SESSION pages (libssl-doc): skipped");
    return;
  }
  const auto pages = reader::read_docs(files);
  BOOST_REQUIRE_EQUAL(pages.size(), files.size());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto& p = pages[i];
    BOOST_TEST_CONTEXT(files[i]) {
      BOOST_TEST(p.format == model::PageFormat::man);
      BOOST_TEST(!p.names.empty());
      BOOST_TEST(!p.synopsis.prototypes.empty());
      BOOST_TEST(declarations_in_model(p) == declarations_in_roff_synopsis(gunzip(files[i])));
      for (const auto& pr : p.synopsis.prototypes) {
        BOOST_TEST(!pr.name.empty());
        if (!pr.macro) BOOST_TEST(std::count(pr.text.begin(), pr.text.end(), ';') == 1, pr.text);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(session_new_page_has_the_documented_prototypes) {
  const fs::path page = kMan3 / "SSL_SESSION_new.3ssl.gz";
  if (!fs::exists(page)) return;
  const auto p = reader::read_page(page.string());
  std::vector<std::string> names;
  for (const auto& pr : p.synopsis.prototypes) names.push_back(pr.return_type + " " + pr.name);
  BOOST_TEST(names == (std::vector<std::string>{"SSL_SESSION * SSL_SESSION_new", "SSL_SESSION * SSL_SESSION_dup",
                                               "int SSL_SESSION_up_ref", "void SSL_SESSION_free"}),
             boost::test_tools::per_element());
  BOOST_TEST(p.synopsis.includes == std::vector<std::string>{"openssl/ssl.h"}, boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(p.history.size(), 1u);
  BOOST_TEST(p.history[0].release == "1.1.1");
  BOOST_TEST(p.history[0].functions == std::vector<std::string>{"SSL_SESSION_dup"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(installed_pages_read_the_same_as_roff_and_as_groff_text) {
  const auto files = family_pages();
  bool groff = false;
  try {
    groff = platform::run_process({"groff", "-v"}).exit_code == 0;
  } catch (const std::exception&) {
  }
  if (files.empty() || !groff) {
    BOOST_TEST_MESSAGE("no installed pages or no groff: skipped");
    return;
  }
  const fs::path dir = fs::temp_directory_path() / ("sslconf-reader-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  std::vector<std::string> texts;
  for (const auto& f : files) {
    platform::ProcessOptions opt;
    opt.input = gunzip(f);
    // No hyphenation, long lines, no overstriking: what `man | col -b` shows.
    const auto r = platform::run_process({"groff", "-man", "-Tutf8", "-P-cbou", "-rHY=0", "-rLL=200n"}, opt);
    BOOST_REQUIRE(r.exited && r.exit_code == 0);
    const fs::path txt = dir / (fs::path(f).stem().stem().string() + ".txt");
    std::ofstream(txt) << r.out;
    texts.push_back(txt.string());
  }
  const auto roff = reader::read_docs(files);
  const auto text = reader::read_docs(texts);
  for (std::size_t i = 0; i < files.size(); ++i) {
    BOOST_TEST(text[i].format == model::PageFormat::text);
    const auto a = reader::testing::essence(roff[i]), b = reader::testing::essence(text[i]);
    BOOST_TEST(a == b, files[i] << " differs at " << reader::testing::first_difference(a, b));
  }
  fs::remove_all(dir);
}
