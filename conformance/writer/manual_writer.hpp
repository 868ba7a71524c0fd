// Writing the manual: every page of the model through pandoc into roff man
// pages, plain HTML pages and the reference book, pandoc running on all
// cores at once.
//
// Output layout under ManualOptions::out_dir:
//   man/man3/NAME.3, man/man7/NAME.7   one per page, plus a symbolic link for
//                                      every other name of the page's NAME
//   html/NAME.html, html/sslconf.css   one per page, L<> links resolved
//   book/index.html                    table of contents (top of the book)
//   book/NAME.html                     pages in alphabetical order, chained
//   book/names-index.html              index of every name
//   book/book.css
#pragma once

#include "model/page.hpp"

#include <string>
#include <vector>

namespace sslconf::writer {

struct ManualOptions {
  std::string out_dir;
  std::string docs_dir;  // holds templates/ and the stylesheets
  std::string date;      // date of the man pages; empty: SOURCE_DATE_EPOCH, else today (UTC)
  std::string book_title = "sslconf SSL Session API Reference";
  bool man = true;
  bool html = true;
  bool book = true;
  unsigned jobs = 0;  // pandoc processes at once; 0: platform::hardware_cores()
  std::string pandoc = "pandoc";
};

struct ManualSummary {
  std::size_t pages = 0;
  std::size_t files = 0;        // files written, links included
  std::size_t pandoc_runs = 0;
};

// Writes the chosen outputs. Throws std::runtime_error with one line per
// failure when pandoc is missing, speaks another API version, or rejects a
// document; the message names the page.
ManualSummary write_manual(const std::vector<model::Page>& pages, const ManualOptions& options);

// The pandoc-api-version the installed pandoc writes (runs it once).
std::vector<int> installed_pandoc_api_version(const std::string& pandoc = "pandoc");

}  // namespace sslconf::writer
