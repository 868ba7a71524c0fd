#include "writer/book.hpp"

#include "writer/pandoc_ast.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <stdexcept>

namespace sslconf::writer {

namespace pd = pandoc;
using json = nlohmann::json;

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool book_less(const std::string& a, const std::string& b) {
  const std::string la = lower(a), lb = lower(b);
  return la != lb ? la < lb : a < b;
}

NavEntry entry_for(const model::Page& page) { return {page.title, page_stem(page) + ".html"}; }

// Metadata of the book's own documents: same shape as a page's.
json book_document_meta(const std::string& title, const Navigation& nav, const RenderContext& ctx) {
  return {{"title", pd::meta_string(title)},
          {"pagetitle", pd::meta_string(ctx.book_title + ": " + title)},
          {"css", pd::meta_string(ctx.stylesheet)},
          {"nav", navigation_meta(nav, ctx.book_title)}};
}

json link_item(const std::string& text, const std::string& href, const std::string& after) {
  json inlines = json::array({pd::link(json::array({pd::code(text)}), href)});
  if (!after.empty()) {
    inlines.push_back(pd::str(" \u2014"));
    for (auto& w : pd::words(" " + after)) inlines.push_back(w);
  }
  return json::array({pd::plain(inlines)});
}

}  // namespace

BookPlan plan_book(const std::vector<model::Page>& pages, const std::string& book_title) {
  BookPlan plan;
  plan.order.resize(pages.size());
  std::iota(plan.order.begin(), plan.order.end(), 0);
  std::stable_sort(plan.order.begin(), plan.order.end(),
                   [&](std::size_t a, std::size_t b) { return book_less(pages[a].title, pages[b].title); });
  for (const auto& page : pages) {
    const std::string file = page_stem(page) + ".html";
    if (file == kBookTop || file == kBookIndex)
      throw std::invalid_argument(page.source + ": error: page name '" + page.title +
                                  "' collides with the book's own " + file);
  }

  const NavEntry top{book_title + ": Table of Contents", kBookTop};
  const NavEntry index{"Index", kBookIndex};
  // The chain: contents, then the pages, then the index.
  std::vector<NavEntry> chain{top};
  for (std::size_t i : plan.order) chain.push_back(entry_for(pages[i]));
  chain.push_back(index);

  std::vector<Navigation> navs(chain.size());
  for (std::size_t k = 0; k < chain.size(); ++k) {
    navs[k].top = top;
    navs[k].index = index;
    if (k > 0) navs[k].previous = chain[k - 1];
    if (k + 1 < chain.size()) navs[k].next = chain[k + 1];
  }
  plan.contents = navs.front();
  plan.index = navs.back();
  plan.navigation.assign(navs.begin() + 1, navs.end() - 1);
  return plan;
}

json contents_document(const std::vector<model::Page>& pages, const BookPlan& plan, const RenderContext& ctx) {
  std::vector<json> items;
  for (std::size_t i : plan.order) {
    const model::Page& page = pages[i];
    items.push_back(link_item(page.title, page_stem(page) + ".html", page.purpose));
  }
  json blocks = json::array({pd::bullet_list(items),
                             pd::para(json::array({pd::link(pd::words("Index of names"), kBookIndex)}))});
  return pd::document(book_document_meta("Table of Contents", plan.contents, ctx), blocks);
}

json names_index_document(const LinkIndex& links, const BookPlan& plan, const RenderContext& ctx) {
  std::vector<std::string> names;
  for (const auto& [name, ref] : links.names()) names.push_back(name);
  std::stable_sort(names.begin(), names.end(), book_less);

  std::vector<json> items;
  for (const auto& name : names) {
    const PageRef& ref = *links.find(name);
    const std::string where = ref.title == name ? "" : "see " + ref.title;
    items.push_back(link_item(name, ref.stem + ".html", where));
  }
  json blocks = json::array({pd::bullet_list(items)});
  return pd::document(book_document_meta("Index", plan.index, ctx), blocks);
}

}  // namespace sslconf::writer
