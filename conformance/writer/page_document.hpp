// The pure transform at the heart of the writer: one page of the model →
// one Pandoc JSON document, shaped for one output format. No I/O here; the
// documents are turned into files by manual_writer.cpp, and the transform is
// tested on JSON fixtures.
#pragma once

#include "model/page.hpp"
#include "writer/link_index.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sslconf::writer {

enum class Format { man, html, book };

// A link of the book's navigation: where it goes and what it is called.
struct NavEntry {
  std::string title;
  std::string href;
};

// The book navigation of one page.
struct Navigation {
  std::optional<NavEntry> previous;
  std::optional<NavEntry> next;
  NavEntry top;    // the top of the book: its table of contents
  NavEntry index;  // the alphabetical index of names
};

struct RenderContext {
  Format format = Format::man;
  const LinkIndex* links = nullptr;  // may be null: every link is then external
  std::string date;                  // the date printed in man pages
  std::string stylesheet;            // href of the CSS file (HTML and book)
  std::string book_title;            // shown in the book's navigation
  Navigation navigation;             // book only
};

// The Pandoc document of `page` for ctx.format.
nlohmann::json page_document(const model::Page& page, const RenderContext& ctx);

// The book navigation as Pandoc metadata (the "nav" map the templates read).
nlohmann::json navigation_meta(const Navigation& nav, const std::string& book_title);

// Identifier of a section heading in HTML ("RETURN VALUES" → "return-values").
std::string section_id(const std::string& title);

}  // namespace sslconf::writer
