// The book as a reader's browser sees it: headless Chromium loads the top of
// the book, the test follows its next-page link, and the page reached is the
// first page of the book. Skipped when chromium is not installed.
#define BOOST_TEST_MODULE writer_book_browser
#include <boost/test/unit_test.hpp>

#include "manual_fixture.hpp"
#include "platform/process.hpp"
#include "writer/book.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <unistd.h>

namespace fs = std::filesystem;
namespace sw = sslconf::writer;

namespace {

// The DOM of a page after Chromium loaded it, with a fresh profile each time.
std::string dump_dom(const fs::path& page, const fs::path& scratch) {
  static int run = 0;
  const fs::path profile = scratch / ("profile-" + std::to_string(++run));
  fs::create_directories(profile);
  sslconf::platform::ProcessOptions options;
  options.timeout = std::chrono::seconds(60);
  const auto result = sslconf::platform::run_process(
      {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--user-data-dir=" + profile.string(), "--dump-dom", "file://" + page.string()},
      options);
  BOOST_REQUIRE_MESSAGE(result.exited && result.exit_code == 0, "chromium failed: " << result.err);
  return result.out;
}

// The next-page link as the reader clicks it, in the navigation band.
std::string next_page_link(const std::string& dom) {
  static const std::regex pattern("<li class=\"next\"><a rel=\"next\" href=\"([^\"]*)\">");
  std::smatch m;
  return std::regex_search(dom, m, pattern) ? m[1].str() : "";
}

std::string title_element(const std::string& dom) {
  static const std::regex pattern("<title>([^<]*)</title>");
  std::smatch m;
  return std::regex_search(dom, m, pattern) ? m[1].str() : "";
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(next_page_link_of_the_book_top_leads_to_its_first_page) {
  if (!sw::test::have_program("chromium")) {
    BOOST_TEST_MESSAGE("chromium is not installed: skipped");
    return;
  }
  const auto& manual = sw::test::generated_manual();
  if (!manual.written) {
    BOOST_TEST_MESSAGE("pandoc is not installed: skipped");
    return;
  }

  const fs::path scratch = fs::temp_directory_path() / ("sslconf-browser-" + std::to_string(::getpid()));
  const fs::path book = manual.out / "book";
  const std::string top = dump_dom(book / sw::kBookTop, scratch);
  BOOST_TEST(title_element(top).find("Table of Contents") != std::string::npos);

  const std::string next = next_page_link(top);
  BOOST_REQUIRE_MESSAGE(!next.empty(), "no next-page link on the top of the book");
  const std::string first = dump_dom(book / next, scratch);

  auto first_page = std::min_element(manual.pages.begin(), manual.pages.end(), [](const auto& a, const auto& b) {
    return lower(a.title) < lower(b.title);
  });
  BOOST_TEST(title_element(first) == first_page->title + "(" + first_page->manual_section + ")");
  BOOST_TEST(first.find("previous page: ") != std::string::npos);
  fs::remove_all(scratch);
}
