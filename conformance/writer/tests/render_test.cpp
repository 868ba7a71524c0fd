// The fixture pages through the real pandoc: golden man, HTML and book files.
#define BOOST_TEST_MODULE writer_render
#include <boost/test/unit_test.hpp>

#include "golden_file.hpp"
#include "platform/process.hpp"
#include "writer/manual_writer.hpp"

#include <filesystem>

namespace fs = std::filesystem;
namespace sw = sslconf::writer;
using nlohmann::json;
using sw::test::kTestDir;

namespace {

bool have(const std::string& program) {
  try {
    return sslconf::platform::run_process({program, "--version"}).exited;
  } catch (const std::exception&) {
    return false;
  }
}

// The fixture manual, written once for all the tests of this file.
struct FixtureManual {
  fs::path out;
  bool written = false;
  FixtureManual() {
    if (!have("pandoc")) return;
    out = fs::temp_directory_path() / ("sslconf-writer-render-" + std::to_string(::getpid()));
    sw::ManualOptions options;
    options.out_dir = out.string();
    options.docs_dir = std::string(SSLCONF_SOURCE_DIR) + "/docs";
    options.date = "2026-01-01";
    options.book_title = "Fixture Book";
    std::vector<sslconf::model::Page> pages;
    for (const char* name : {"FIXTURE_new", "FIXTURE_other"})
      pages.push_back(sslconf::model::page_from_json(
          json::parse(sw::test::read_text(kTestDir / "fixtures" / (std::string(name) + ".json")))));
    sw::write_manual(pages, options);
    written = true;
  }
  ~FixtureManual() {
    if (!out.empty()) fs::remove_all(out);
  }
};

FixtureManual& manual() {
  static FixtureManual instance;
  return instance;
}

void check_output(const std::string& relative, const std::string& golden) {
  if (!manual().written) {
    BOOST_TEST_MESSAGE("pandoc is not installed: skipped");
    return;
  }
  sw::test::check_golden(sw::test::read_text(manual().out / relative), golden);
}

}  // namespace

BOOST_AUTO_TEST_CASE(installed_pandoc_speaks_the_api_version_the_writer_writes) {
  if (!have("pandoc")) {
    BOOST_TEST_MESSAGE("pandoc is not installed: skipped");
    return;
  }
  BOOST_TEST((sw::installed_pandoc_api_version() == std::vector<int>{1, 22, 2, 1}));
}

BOOST_AUTO_TEST_CASE(fixture_man_page_matches_golden) { check_output("man/man3/FIXTURE_new.3", "render/FIXTURE_new.3"); }

BOOST_AUTO_TEST_CASE(fixture_html_page_matches_golden) {
  check_output("html/FIXTURE_new.html", "render/html/FIXTURE_new.html");
}

BOOST_AUTO_TEST_CASE(fixture_book_page_matches_golden) {
  check_output("book/FIXTURE_new.html", "render/book/FIXTURE_new.html");
}

BOOST_AUTO_TEST_CASE(fixture_book_contents_and_index_match_golden) {
  check_output("book/index.html", "render/book/index.html");
  check_output("book/names-index.html", "render/book/names-index.html");
}

BOOST_AUTO_TEST_CASE(every_other_name_of_a_page_gets_a_man_link_to_it) {
  if (!manual().written) {
    BOOST_TEST_MESSAGE("pandoc is not installed: skipped");
    return;
  }
  const fs::path link = manual().out / "man" / "man3" / "FIXTURE_free.3";
  BOOST_TEST(fs::is_symlink(link));
  BOOST_TEST(fs::read_symlink(link).string() == "FIXTURE_new.3");
}

BOOST_AUTO_TEST_CASE(a_pandoc_that_fails_is_reported_with_the_page) {
  if (!have("pandoc")) {
    BOOST_TEST_MESSAGE("pandoc is not installed: skipped");
    return;
  }
  sw::ManualOptions options;
  options.out_dir = (fs::temp_directory_path() / ("sslconf-writer-bad-" + std::to_string(::getpid()))).string();
  options.docs_dir = (fs::temp_directory_path() / ("sslconf-writer-nodocs-" + std::to_string(::getpid()))).string();
  std::vector<sslconf::model::Page> pages(1);
  pages[0].title = "P";
  pages[0].source = "p.pod";
  try {
    sw::write_manual(pages, options);
    BOOST_FAIL("missing templates were not reported");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find("templates/page.man: error: missing") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(two_pages_with_one_title_are_refused_naming_both_sources) {
  sw::ManualOptions options;
  options.out_dir = (fs::temp_directory_path() / ("sslconf-writer-twice-" + std::to_string(::getpid()))).string();
  options.docs_dir = std::string(SSLCONF_SOURCE_DIR) + "/docs";
  std::vector<sslconf::model::Page> pages(2);
  pages[0].title = pages[1].title = "SSL_SESSION_free";
  pages[0].source = "old.txt";
  pages[1].source = "new.txt";
  try {
    sw::write_manual(pages, options);
    BOOST_FAIL("two pages with one title were accepted");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "new.txt: error: page 'SSL_SESSION_free' is also old.txt; write each release of a page to its own folder");
  }
  BOOST_TEST(!fs::exists(options.out_dir));
}
