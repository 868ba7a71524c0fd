// Lint rules on hand-made pages: each rule has a test that shows its finding
// and one that shows the rule stays quiet on a page that follows it.
#define BOOST_TEST_MODULE crosscheck_lint
#include <boost/test/unit_test.hpp>

#include "crosscheck/lint.hpp"
#include "page_builder.hpp"

#include <algorithm>

using namespace sslconf;
using namespace sslconf::crosscheck;
using namespace sslconf::crosscheck::test;

namespace {

LintOptions options_knowing_ssl7() {
  LintOptions o;
  o.known_pages.add("ssl", "7");
  return o;
}

std::vector<Finding> lint_one(const model::Page& page, const LintOptions& options = options_knowing_ssl7()) {
  return lint({page}, options);
}

std::vector<Finding> with_check(const std::vector<Finding>& all, const std::string& check) {
  std::vector<Finding> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Finding& f) { return f.check == check; });
  return out;
}

void erase_section(model::Page& p, const std::string& title) {
  p.sections.erase(std::remove_if(p.sections.begin(), p.sections.end(),
                                  [&](const model::Section& s) { return s.title == title; }),
                   p.sections.end());
}

}  // namespace

BOOST_AUTO_TEST_CASE(good_page_has_no_findings) {
  const auto findings = lint_one(good_page());
  for (const auto& f : findings) BOOST_TEST_MESSAGE(f.str());
  BOOST_TEST(findings.empty());
}

BOOST_AUTO_TEST_CASE(missing_return_values_section_is_an_error) {
  auto page = good_page();
  erase_section(page, "RETURN VALUES");
  const auto found = with_check(lint_one(page), "section-missing");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() == "fixture.pod:1: error: required section RETURN VALUES is missing [section-missing]");
}

BOOST_AUTO_TEST_CASE(license_section_stands_in_for_copyright) {
  auto page = good_page();
  find_section(page, "COPYRIGHT")->title = "LICENSE";
  BOOST_TEST(with_check(lint_one(page), "section-missing").empty());
  find_section(page, "LICENSE")->title = "AUTHORS";
  const auto found = with_check(lint_one(page), "section-missing");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].message == "required section COPYRIGHT or LICENSE is missing");
}

BOOST_AUTO_TEST_CASE(section_titles_match_whatever_their_case) {
  auto page = good_page();
  find_section(page, "SYNOPSIS")->title = "Synopsis";
  BOOST_TEST(lint_one(page).empty());
}

BOOST_AUTO_TEST_CASE(see_also_before_description_is_out_of_order) {
  auto page = good_page();
  std::swap(page.sections[2], page.sections[4]);  // DESCRIPTION <-> SEE ALSO
  const auto found = with_check(lint_one(page), "section-order");
  BOOST_REQUIRE_GE(found.size(), 1u);
  BOOST_TEST(found[0].message == "section DESCRIPTION should come before SEE ALSO");
}

BOOST_AUTO_TEST_CASE(notes_may_follow_return_values) {
  auto page = good_page();
  page.sections.insert(page.sections.begin() + 4, section("NOTES", 24, {paragraph({"A note."}, 24)}));
  page.sections.insert(page.sections.begin() + 3, section("EXAMPLES", 19, {paragraph({"An example."}, 19)}));
  BOOST_TEST(with_check(lint_one(page), "section-order").empty());
}

BOOST_AUTO_TEST_CASE(name_listing_an_undeclared_function_is_an_error) {
  auto page = good_page();
  page.names.push_back("SSL_SESSION_up_ref");
  const auto found = with_check(lint_one(page), "name-without-synopsis");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() == "fixture.pod:4: error: NAME lists SSL_SESSION_up_ref but SYNOPSIS does not declare it [name-without-synopsis]");
  BOOST_TEST(with_check(lint_one(page), "synopsis-without-name").empty());
}

BOOST_AUTO_TEST_CASE(synopsis_function_missing_from_name_is_an_error) {
  auto page = good_page();
  page.synopsis.prototypes.push_back(prototype("int", "SSL_SESSION_up_ref", {{"SSL_SESSION *", "ses", false}}, 12));
  find_section(page, "RETURN VALUES")->blocks[0].sentences[0].text += " SSL_SESSION_up_ref() returns 1.";
  const auto found = with_check(lint_one(page), "synopsis-without-name");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() == "fixture.pod:12: error: SYNOPSIS declares SSL_SESSION_up_ref but NAME does not list it [synopsis-without-name]");
  BOOST_TEST(with_check(lint_one(page), "name-without-synopsis").empty());
}

BOOST_AUTO_TEST_CASE(non_void_function_described_only_in_description_is_reported) {
  auto page = good_page();
  page.names.push_back("SSL_SESSION_dup");
  page.synopsis.prototypes.push_back(prototype("SSL_SESSION *", "SSL_SESSION_dup", {{"SSL_SESSION *", "src", false}}, 12));
  find_section(page, "DESCRIPTION")->blocks.push_back(
      paragraph({"SSL_SESSION_dup() copies the session in src and returns a pointer to it."}, 18));
  const auto found = with_check(lint_one(page), "return-value-undocumented");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() ==
             "fixture.pod:12: error: SSL_SESSION_dup returns SSL_SESSION * but RETURN VALUES does not say what"
             " (only DESCRIPTION does, at line 18) [return-value-undocumented]");
}

BOOST_AUTO_TEST_CASE(void_functions_need_no_return_statement) {
  auto page = good_page();  // SSL_SESSION_free is void and absent from RETURN VALUES
  BOOST_TEST(with_check(lint_one(page), "return-value-undocumented").empty());
}

BOOST_AUTO_TEST_CASE(statement_naming_no_function_covers_every_function) {
  auto page = good_page();
  page.synopsis.prototypes.push_back(prototype("SSL_SESSION *", "SSL_SESSION_dup", {{"SSL_SESSION *", "src", false}}, 12));
  page.names.push_back("SSL_SESSION_dup");
  model::Block item = paragraph({"There is no session."}, 23);
  item.kind = model::Block::Kind::item;
  item.label = "NULL";
  find_section(page, "RETURN VALUES")->blocks.push_back(item);
  BOOST_TEST(with_check(lint_one(page), "return-value-undocumented").empty());
}

BOOST_AUTO_TEST_CASE(link_to_a_section_that_does_not_exist_names_the_one_that_does) {
  auto page = good_page();
  page.see_also[0] = link("ssl", "3", 27);
  const auto found = with_check(lint_one(page), "link-unresolved");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() ==
             "fixture.pod:27: error: link target ssl(3) is neither a page of these documents nor a known page"
             " (ssl(7) exists) [link-unresolved]");
}

BOOST_AUTO_TEST_CASE(links_resolve_within_the_doc_set_and_to_known_pages) {
  auto page = good_page();
  model::Page other = good_page();
  other.title = "SSL_get_session";
  other.names = {"SSL_get_session"};
  page.see_also.push_back(link("SSL_get_session", "3", 28));
  find_section(page, "DESCRIPTION")->blocks[0].links.push_back(link("SSL_get_session", "", 16));
  BOOST_TEST(with_check(lint({page, other}, options_knowing_ssl7()), "link-unresolved").empty());
  BOOST_TEST(with_check(lint({page}, options_knowing_ssl7()), "link-unresolved").size() == 2u);
}

BOOST_AUTO_TEST_CASE(known_pages_come_from_man_directories) {
  KnownPages known;
  known.add_man_directories({SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/man"});
  BOOST_TEST(known.has("ssl", "7"));
  BOOST_TEST(known.has("SSL_free", "3"));
  BOOST_TEST(known.has("SSL_free", ""));
  BOOST_TEST(!known.has("ssl", "3"));
  BOOST_TEST(!known.has("SSL_SESSION_new", ""));
}

BOOST_AUTO_TEST_CASE(doubled_word_is_reported) {
  auto page = good_page();
  find_section(page, "DESCRIPTION")->blocks[0].sentences[1] =
      sentence("SSL_SESSION_free() frees the session if the the reference count has reached 0.", 17);
  const auto found = with_check(lint_one(page), "repeated-word");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() == "fixture.pod:17: warning: repeated word \"the the\" [repeated-word]");
}

BOOST_AUTO_TEST_CASE(words_repeated_across_punctuation_or_case_are_judged_apart) {
  auto page = good_page();
  find_section(page, "DESCRIPTION")->blocks[0].sentences[1] =
      sentence("It returns that. That is all; 1 1 is a number and TLSv1.3 TLSv1.3 is not a word.", 17);
  BOOST_TEST(with_check(lint_one(page), "repeated-word").empty());
  find_section(page, "DESCRIPTION")->blocks[0].sentences[1] = sentence("That That is an error.", 17);
  BOOST_TEST(with_check(lint_one(page), "repeated-word").size() == 1u);
}

BOOST_AUTO_TEST_CASE(history_release_must_be_written_as_openssl_release) {
  auto page = good_page();
  auto& history = find_section(page, "HISTORY")->blocks[0].sentences;
  history = {sentence("SSL_SESSION_new() was added in 1.1.0.", 32), sentence("It was changed in OpenSSL 1.1.", 33),
             sentence("It was changed again in OpenSSL 3.0.0.", 34), sentence("It was added a while ago.", 35)};
  const auto found = with_check(lint_one(page), "history-release");
  BOOST_REQUIRE_EQUAL(found.size(), 4u);
  BOOST_TEST(found[0].message == "release 1.1.0 is not written as \"OpenSSL 1.1.0\"");
  BOOST_TEST(found[1].message == "release \"OpenSSL 1.1\" lacks its third component (e.g. OpenSSL 1.1.0)");
  BOOST_TEST(found[2].message == "release \"OpenSSL 3.0.0\" should be written \"OpenSSL 3.0\"");
  BOOST_TEST(found[3].message == "HISTORY line names no release");
}

BOOST_AUTO_TEST_CASE(history_in_the_expected_forms_is_accepted) {
  auto page = good_page();
  find_section(page, "HISTORY")->blocks[0].sentences = {
      sentence("SSL_SESSION_dup() was added in OpenSSL 1.1.1.", 32),
      sentence("The const qualifier was added in OpenSSL 3.0, with TLSv1.3 support from OpenSSL 1.1.1a.", 33)};
  BOOST_TEST(with_check(lint_one(page), "history-release").empty());
}

BOOST_AUTO_TEST_CASE(mentions_matches_whole_identifiers_only) {
  BOOST_TEST(mentions("SSL_SESSION_new() returns", "SSL_SESSION_new"));
  BOOST_TEST(!mentions("SSL_SESSION_new_ex() returns", "SSL_SESSION_new"));
  BOOST_TEST(!mentions("XSSL_SESSION_new", "SSL_SESSION_new"));
}

BOOST_AUTO_TEST_CASE(overview_page_needs_no_synopsis_or_return_values) {
  model::Page page;
  page.source = "sslref.pod";
  page.title = "sslref";
  page.manual_section = "7";
  page.names = {"sslref"};
  page.sections = {section("NAME", 1), section("DESCRIPTION", 5), section("COPYRIGHT", 9)};
  BOOST_TEST(with_check(lint_one(page), "section-missing").empty());
  page.manual_section = "3";
  BOOST_TEST(with_check(lint_one(page), "section-missing").size() == 2u);
}

BOOST_AUTO_TEST_CASE(link_to_a_page_of_the_set_in_the_wrong_section_names_the_right_one) {
  auto page = good_page();
  page.see_also[1] = link("SSL_SESSION_free", "7", 27);
  const auto found = with_check(lint_one(page), "link-unresolved");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].message ==
             "link target SSL_SESSION_free(7) is neither a page of these documents nor a known page (SSL_SESSION_free(3) exists)");
}
