// The OpenVMS-style reference book: pages in alphabetical order of function
// name, chained by previous/next links, with a table of contents at the top
// of the book and an alphabetical index of every name at its end. Pure: the
// plan and the two extra documents are computed, never written, here.
#pragma once

#include "model/page.hpp"
#include "writer/link_index.hpp"
#include "writer/page_document.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::writer {

// File names of the book's own documents.
inline const char* const kBookTop = "index.html";        // table of contents
inline const char* const kBookIndex = "names-index.html";  // index of names

struct BookPlan {
  std::vector<std::size_t> order;       // indices into the pages, in book order
  std::vector<Navigation> navigation;   // navigation of order[i]
  Navigation contents;                  // of the table of contents (first in the chain)
  Navigation index;                     // of the index of names (last in the chain)
};

// Book order: case-insensitive alphabetical order of page titles, as in the
// HP book (SSL_rstate_string before SSL_SESSION_free). Throws
// std::invalid_argument when a page's file would collide with the book's
// own documents.
BookPlan plan_book(const std::vector<model::Page>& pages, const std::string& book_title);

// The table of contents: every page in book order with its purpose.
nlohmann::json contents_document(const std::vector<model::Page>& pages, const BookPlan& plan,
                                 const RenderContext& ctx);

// The index: every name of the manual (NAME entries and SYNOPSIS functions),
// alphabetically, each pointing at the page that documents it.
nlohmann::json names_index_document(const LinkIndex& links, const BookPlan& plan,
                                    const RenderContext& ctx);

}  // namespace sslconf::writer
