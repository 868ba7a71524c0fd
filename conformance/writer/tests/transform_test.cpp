// The pure part of the writer: page model → Pandoc JSON, book plan, index.
#define BOOST_TEST_MODULE writer_transform
#include <boost/test/unit_test.hpp>

#include "golden_file.hpp"
#include "writer/book.hpp"
#include "writer/link_index.hpp"
#include "writer/page_document.hpp"
#include "writer/pandoc_ast.hpp"

#include <algorithm>

namespace sw = sslconf::writer;
namespace model = sslconf::model;
using nlohmann::json;
using sw::test::kTestDir;

namespace {

model::Page fixture(const std::string& name) {
  return model::page_from_json(json::parse(sw::test::read_text(kTestDir / "fixtures" / (name + ".json"))));
}

std::vector<model::Page> fixture_pages() { return {fixture("FIXTURE_new"), fixture("FIXTURE_other")}; }

model::Page titled(const std::string& title) {
  model::Page page;
  page.title = title;
  page.names = {title};
  return page;
}

// Every node of a given type anywhere in a document.
void collect(const json& node, const std::string& type, std::vector<json>& found) {
  if (node.is_object()) {
    if (node.value("t", "") == type) found.push_back(node);
    for (const auto& [key, value] : node.items()) collect(value, type, found);
  } else if (node.is_array()) {
    for (const auto& value : node) collect(value, type, found);
  }
}

std::vector<std::string> link_targets(const json& document) {
  std::vector<json> links;
  collect(document, "Link", links);
  std::vector<std::string> targets;
  for (const auto& l : links) targets.push_back(l["c"][2][0].get<std::string>());
  return targets;
}

sw::RenderContext context(sw::Format format, const sw::LinkIndex& links) {
  sw::RenderContext ctx;
  ctx.format = format;
  ctx.links = &links;
  ctx.date = "2026-01-01";
  ctx.stylesheet = "style.css";
  ctx.book_title = "Fixture Book";
  ctx.navigation.top = {"Fixture Book: Table of Contents", "index.html"};
  ctx.navigation.index = {"Index", "names-index.html"};
  ctx.navigation.next = sw::NavEntry{"FIXTURE_other", "FIXTURE_other.html"};
  return ctx;
}

}  // namespace

BOOST_AUTO_TEST_CASE(fixture_page_becomes_the_golden_pandoc_json_in_each_format) {
  const auto pages = fixture_pages();
  const sw::LinkIndex links(pages);
  for (auto [format, name] : {std::pair{sw::Format::man, "man"}, {sw::Format::html, "html"}, {sw::Format::book, "book"}}) {
    BOOST_TEST_CONTEXT("format " << name) {
      sw::test::check_golden(sw::page_document(pages[0], context(format, links)).dump(1) + "\n",
                             std::string("FIXTURE_new.") + name + ".json");
    }
  }
}

BOOST_AUTO_TEST_CASE(documents_carry_the_api_version_of_pandoc_2_17) {
  const sw::LinkIndex links(fixture_pages());
  const json doc = sw::page_document(fixture("FIXTURE_new"), context(sw::Format::html, links));
  BOOST_TEST(doc["pandoc-api-version"] == json::array({1, 22, 2, 1}));
}

BOOST_AUTO_TEST_CASE(another_pandoc_api_version_is_refused_naming_both) {
  BOOST_CHECK_NO_THROW(sw::pandoc::check_api_version(json::array({1, 22, 2, 1})));
  try {
    sw::pandoc::check_api_version(json::array({1, 23, 1}));
    BOOST_FAIL("a different API version was accepted");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    BOOST_TEST(message.find("1.23.1") != std::string::npos);
    BOOST_TEST(message.find("1.22.2.1") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(links_to_manual_pages_stay_local_and_others_go_to_openssl_docs) {
  const auto pages = fixture_pages();
  const sw::LinkIndex links(pages);
  const auto targets = link_targets(sw::page_document(pages[0], context(sw::Format::html, links)));
  auto has = [&](const std::string& t) { return std::find(targets.begin(), targets.end(), t) != targets.end(); };
  BOOST_TEST(has("FIXTURE_other.html"));
  BOOST_TEST(has("https://docs.openssl.org/3.0/man7/ssl/"));
  BOOST_TEST(has("https://www.openssl.org/"));
  const auto back = link_targets(sw::page_document(pages[1], context(sw::Format::html, links)));
  BOOST_TEST((std::find(back.begin(), back.end(), "FIXTURE_new.html#return-values") != back.end()));
}

BOOST_AUTO_TEST_CASE(man_documents_have_no_links_and_no_inline_code) {
  const auto pages = fixture_pages();
  const sw::LinkIndex links(pages);
  const json doc = sw::page_document(pages[0], context(sw::Format::man, links));
  std::vector<json> found;
  collect(doc, "Link", found);
  collect(doc, "Code", found);
  collect(doc, "CodeBlock", found);  // pandoc sets these in \f[C], which mandoc rejects
  BOOST_TEST(found.empty());
}

BOOST_AUTO_TEST_CASE(lists_of_different_kinds_in_a_row_stay_separate) {
  const auto pages = fixture_pages();
  const sw::LinkIndex links(pages);
  const json doc = sw::page_document(pages[0], context(sw::Format::html, links));
  std::vector<json> definitions, bullets;
  collect(doc, "DefinitionList", definitions);
  collect(doc, "BulletList", bullets);
  BOOST_TEST(definitions.size() == 1u);
  BOOST_TEST(definitions[0]["c"].size() == 2u);
  BOOST_TEST(bullets.size() == 1u);
  BOOST_TEST(bullets[0]["c"].size() == 2u);
}

BOOST_AUTO_TEST_CASE(book_page_has_section_index_and_return_to_top_before_each_later_section) {
  const auto pages = fixture_pages();
  const sw::LinkIndex links(pages);
  const model::Page& page = pages[0];
  const json doc = sw::page_document(page, context(sw::Format::book, links));
  BOOST_TEST(doc["blocks"][0]["c"][0][0] == "section-index");
  std::vector<json> divs;
  collect(doc, "Div", divs);
  const auto returns = std::count_if(divs.begin(), divs.end(),
                                     [](const json& d) { return d["c"][0][1] == json::array({"return-to-top"}); });
  BOOST_TEST(static_cast<std::size_t>(returns) == page.sections.size() - 1);
  BOOST_TEST(doc["meta"]["nav"]["c"]["next"]["c"]["href"]["c"] == "FIXTURE_other.html");
}

BOOST_AUTO_TEST_CASE(a_mark_that_is_not_where_it_claims_is_dropped) {
  model::Page page = titled("P");
  model::Section section;
  section.title = "DESCRIPTION";
  model::Block block;
  block.text = "P() frees x.";
  model::Sentence sentence;
  sentence.text = block.text;
  sentence.marks.push_back({model::Mark::Kind::function, "P()", 0});
  sentence.marks.push_back({model::Mark::Kind::emphasis, "y", 9});  // the text there is "x."
  block.sentences.push_back(sentence);
  section.blocks.push_back(block);
  page.sections.push_back(section);
  const json doc = sw::page_document(page, context(sw::Format::html, sw::LinkIndex({page})));
  std::vector<json> emphasis, code;
  collect(doc, "Emph", emphasis);
  collect(doc, "Code", code);
  BOOST_TEST(emphasis.empty());
  BOOST_TEST(code.size() == 1u);
}

BOOST_AUTO_TEST_CASE(book_orders_pages_case_insensitively_and_chains_them) {
  const std::vector<model::Page> pages{titled("SSL_SESSION_free"), titled("SSL_rstate_string"), titled("BIO_free")};
  const sw::BookPlan plan = sw::plan_book(pages, "Book");
  BOOST_TEST((plan.order == std::vector<std::size_t>{2, 1, 0}));
  BOOST_TEST(!plan.contents.previous);
  BOOST_TEST(plan.contents.next->href == "BIO_free.html");
  BOOST_TEST(plan.navigation[0].previous->href == sw::kBookTop);
  BOOST_TEST(plan.navigation[1].previous->href == "BIO_free.html");
  BOOST_TEST(plan.navigation[1].next->href == "SSL_SESSION_free.html");
  BOOST_TEST(plan.navigation[2].next->href == sw::kBookIndex);
  BOOST_TEST(plan.index.previous->href == "SSL_SESSION_free.html");
  BOOST_TEST(!plan.index.next);
}

BOOST_AUTO_TEST_CASE(a_page_named_like_the_books_own_files_is_refused) {
  BOOST_CHECK_THROW(sw::plan_book({titled("index")}, "Book"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(names_index_points_every_name_at_the_page_that_documents_it) {
  const auto pages = fixture_pages();
  const sw::LinkIndex links(pages);
  const sw::BookPlan plan = sw::plan_book(pages, "Book");
  const json doc = sw::names_index_document(links, plan, context(sw::Format::book, links));
  const auto targets = link_targets(doc);
  BOOST_TEST((targets == std::vector<std::string>{"FIXTURE_new.html", "FIXTURE_new.html", "FIXTURE_other.html"}));
}

BOOST_AUTO_TEST_CASE(section_ids_are_lower_case_words_joined_by_dashes) {
  BOOST_TEST(sw::section_id("RETURN VALUES") == "return-values");
  BOOST_TEST(sw::section_id("SEE ALSO") == "see-also");
  BOOST_TEST(sw::section_id("***") == "section");
}
