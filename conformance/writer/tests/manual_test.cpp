// The whole manual of pod/ as generated: valid roff, resolving links, a book
// whose navigation chain visits every page once, and pages that match what
// the reference library exports.
#define BOOST_TEST_MODULE writer_manual
#include <boost/test/unit_test.hpp>

#include "manual_fixture.hpp"
#include "platform/process.hpp"
#include "writer/book.hpp"
#include "writer/link_index.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace fs = std::filesystem;
namespace sw = sslconf::writer;
using sw::test::file_text;
using sw::test::generated_manual;

namespace {

bool skip_without_manual() {
  if (generated_manual().written) return false;
  BOOST_TEST_MESSAGE("pandoc is not installed: skipped");
  return true;
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.path().extension() == extension && !fs::is_symlink(entry.symlink_status())) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> man_pages() {
  auto pages = files_in(generated_manual().out / "man", ".3");
  for (auto& p : files_in(generated_manual().out / "man", ".7")) pages.push_back(p);
  return pages;
}

// A link inside the manual resolves when its file exists and, if it names a
// fragment, that file has an element with that id.
std::string unresolved(const fs::path& from, const std::string& href) {
  if (href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0) return "";
  const auto hash = href.find('#');
  const std::string file = href.substr(0, hash);
  const fs::path target = file.empty() ? from : from.parent_path() / file;
  if (!fs::exists(target)) return "missing file " + target.string();
  if (hash == std::string::npos) return "";
  const auto ids = sw::test::attribute_values(file_text(target), "id");
  if (std::find(ids.begin(), ids.end(), href.substr(hash + 1)) == ids.end())
    return "no id '" + href.substr(hash + 1) + "' in " + target.string();
  return "";
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string title_of(const std::string& html) {
  std::smatch m;
  static const std::regex pattern("<h1>([^<]*)</h1>");
  return std::regex_search(html, m, pattern) ? m[1].str() : "";
}

#ifdef SSLREF_LIBRARY
std::set<std::string> exported_functions(const std::string& library) {
  const auto result = sslconf::platform::run_process({"nm", "-D", "--defined-only", library});
  std::set<std::string> names;
  static const std::regex line("^[0-9a-fA-F]+ [TW] ([A-Za-z][A-Za-z0-9_]*)$");
  std::istringstream lines(result.out);
  for (std::string l; std::getline(lines, l);) {
    std::smatch m;
    if (std::regex_match(l, m, line)) names.insert(m[1].str());
  }
  return names;
}

std::set<std::string> header_macros(const fs::path& include_dir) {
  std::set<std::string> names;
  static const std::regex define("#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)");
  for (const auto& header : files_in(include_dir, ".h")) {
    const std::string text = file_text(header);
    for (std::sregex_iterator it(text.begin(), text.end(), define), end; it != end; ++it) names.insert((*it)[1].str());
  }
  return names;
}

#endif  // SSLREF_LIBRARY

}  // namespace

BOOST_AUTO_TEST_CASE(every_page_gets_a_man_page_an_html_page_and_a_book_page) {
  if (skip_without_manual()) return;
  const auto& m = generated_manual();
  BOOST_TEST(m.pages.size() >= 30u);
  for (const auto& page : m.pages) {
    BOOST_TEST_CONTEXT(page.source) {
      const std::string stem = sw::page_stem(page);
      BOOST_TEST(fs::exists(m.out / "man" / ("man" + page.manual_section) / (stem + "." + page.manual_section)));
      BOOST_TEST(fs::exists(m.out / "html" / (stem + ".html")));
      BOOST_TEST(fs::exists(m.out / "book" / (stem + ".html")));
      for (const auto& name : page.names)
        BOOST_TEST(fs::exists(m.out / "man" / ("man" + page.manual_section) / (name + "." + page.manual_section)),
                   "man link for " << name);
    }
  }
  BOOST_TEST(fs::exists(m.out / "man" / "man7" / "sslref.7"));
}

BOOST_AUTO_TEST_CASE(every_man_page_is_mandoc_lint_clean) {
  if (skip_without_manual()) return;
  if (!sw::test::have_program("mandoc")) {
    BOOST_TEST_MESSAGE("mandoc is not installed: skipped");
    return;
  }
  std::vector<std::string> argv{"mandoc", "-Tlint"};
  for (const auto& page : man_pages()) argv.push_back(page.string());
  BOOST_REQUIRE(argv.size() > 30u);
  const auto result = sslconf::platform::run_process(argv);
  BOOST_TEST(result.out + result.err == "");
  BOOST_TEST(result.exit_code == 0);
}

BOOST_AUTO_TEST_CASE(every_man_page_renders_with_man_l) {
  if (skip_without_manual()) return;
  if (!sw::test::have_program("man")) {
    BOOST_TEST_MESSAGE("man is not installed: skipped");
    return;
  }
  sslconf::platform::ProcessOptions options;
  options.env = {{"MANWIDTH", "80"}, {"MANPAGER", "cat"}, {"PAGER", "cat"}};
  for (const auto& page : man_pages()) {
    BOOST_TEST_CONTEXT(page.string()) {
      const auto result = sslconf::platform::run_process({"man", "-l", page.string()}, options);
      BOOST_TEST(result.exit_code == 0);
      BOOST_TEST(result.out.find("NAME") != std::string::npos);
      BOOST_TEST(result.err == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(every_link_in_the_generated_html_resolves) {
  if (skip_without_manual()) return;
  std::size_t checked = 0;
  for (const char* dir : {"html", "book"}) {
    for (const auto& file : files_in(generated_manual().out / dir, ".html")) {
      for (const auto& href : sw::test::attribute_values(file_text(file), "href")) {
        BOOST_TEST(unresolved(file, href) == "", file.string() << " links to " << href);
        ++checked;
      }
    }
  }
  BOOST_TEST(checked > 500u);
}

BOOST_AUTO_TEST_CASE(every_l_link_of_a_page_becomes_an_html_link) {
  if (skip_without_manual()) return;
  for (const auto& page : generated_manual().pages) {
    // L<> links carry a link mark; a bare "time(2)" in the text is a
    // reference the reader noted, not a link of the page.
    std::size_t l_links = 0;
    for (const auto& section : page.sections)
      for (const auto& block : section.blocks)
        for (const auto& sentence : block.sentences)
          for (const auto& mark : sentence.marks) l_links += mark.kind == sslconf::model::Mark::Kind::link;
    const std::string html = file_text(generated_manual().out / "html" / (sw::page_stem(page) + ".html"));
    // At least one anchor per L<>; function names add more.
    BOOST_TEST(sw::test::attribute_values(html, "href").size() >= l_links + 1, page.source);
  }
}

BOOST_AUTO_TEST_CASE(book_navigation_visits_every_page_exactly_once_from_first_to_last) {
  if (skip_without_manual()) return;
  const fs::path book = generated_manual().out / "book";
  std::map<std::string, int> visits;
  std::string previous, current = sw::kBookTop;
  std::vector<std::string> chain;
  while (!current.empty() && chain.size() < 1000) {
    BOOST_REQUIRE_MESSAGE(fs::exists(book / current), "next link to missing " << current);
    const std::string html = file_text(book / current);
    BOOST_TEST(sw::test::head_link(html, "prev") == previous, current << " points back to its predecessor");
    ++visits[current];
    chain.push_back(current);
    previous = current;
    current = sw::test::head_link(html, "next");
  }
  BOOST_TEST(chain.back() == sw::kBookIndex);
  const auto all = files_in(book, ".html");
  BOOST_TEST(visits.size() == all.size());
  for (const auto& file : all) BOOST_TEST(visits[file.filename().string()] == 1, file.filename().string());
}

BOOST_AUTO_TEST_CASE(book_pages_follow_the_alphabetical_order_of_their_titles) {
  if (skip_without_manual()) return;
  const fs::path book = generated_manual().out / "book";
  std::vector<std::string> titles;
  std::string current = sw::test::head_link(file_text(book / sw::kBookTop), "next");
  while (current != sw::kBookIndex && !current.empty() && titles.size() < 1000) {
    const std::string html = file_text(book / current);
    titles.push_back(lower(title_of(html)));
    current = sw::test::head_link(html, "next");
  }
  BOOST_TEST(titles.size() == generated_manual().pages.size());
  BOOST_TEST(std::is_sorted(titles.begin(), titles.end()));
}

BOOST_AUTO_TEST_CASE(book_index_names_every_name_of_every_page) {
  if (skip_without_manual()) return;
  const std::string index = file_text(generated_manual().out / "book" / sw::kBookIndex);
  for (const auto& page : generated_manual().pages)
    for (const auto& name : page.names)
      BOOST_TEST(index.find("<code>" + name + "</code>") != std::string::npos, name);
}

BOOST_AUTO_TEST_CASE(every_function_the_reference_exports_has_a_page) {
#ifndef SSLREF_LIBRARY
  BOOST_TEST_MESSAGE("libsslref is not part of this build: skipped");
#else
  if (!fs::exists(SSLREF_LIBRARY)) {
    BOOST_TEST_MESSAGE("libsslref.so not built: skipped");
    return;
  }
  const sw::LinkIndex documented(generated_manual().pages);
  const auto exported = exported_functions(SSLREF_LIBRARY);
  BOOST_TEST(exported.size() > 30u);
  for (const auto& name : exported) BOOST_TEST(documented.find(name) != nullptr, name << " has no page");
#endif
}

BOOST_AUTO_TEST_CASE(every_synopsis_function_is_exported_by_the_reference_or_a_macro_there) {
#ifndef SSLREF_LIBRARY
  BOOST_TEST_MESSAGE("libsslref is not part of this build: skipped");
#else
  if (!fs::exists(SSLREF_LIBRARY)) {
    BOOST_TEST_MESSAGE("libsslref.so not built: skipped");
    return;
  }
  const auto exported = exported_functions(SSLREF_LIBRARY);
  const auto macros = header_macros(SSLREF_INCLUDE_DIR);
  for (const auto& page : generated_manual().pages)
    for (const auto& prototype : page.synopsis.prototypes)
      BOOST_TEST((exported.count(prototype.name) || macros.count(prototype.name)),
                 page.source << ": " << prototype.name << " is neither exported nor a macro of libsslref");
#endif
}
