// Lint rules on hand-made pages: each rule has a test that shows its finding
// and one that shows the rule stays quiet on a page that follows it.
#define BOOST_TEST_MODULE crosscheck_lint
#include <boost/test/unit_test.hpp>

#include "crosscheck/lint.hpp"
#include "model/diagnostic.hpp"
#include "page_builder.hpp"
#include "reader/synopsis.hpp"

#include <algorithm>

using namespace sslconf;
using namespace sslconf::crosscheck;
using namespace sslconf::crosscheck::test;

namespace {

// ssl(7) as Debian installs it: ssl.7ssl, a page of OpenSSL's own manual.
LintOptions options_knowing_ssl7() {
  LintOptions o;
  o.known_pages.add("ssl", "7", "7ssl");
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

bool reader_parse(const std::string& declaration, model::Prototype& out) {
  return reader::parse_prototype(declaration, out);
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

BOOST_AUTO_TEST_CASE(non_void_function_described_only_in_description_is_a_warning) {
  auto page = good_page();
  page.names.push_back("SSL_SESSION_dup");
  page.synopsis.prototypes.push_back(prototype("SSL_SESSION *", "SSL_SESSION_dup", {{"SSL_SESSION *", "src", false}}, 12));
  find_section(page, "DESCRIPTION")->blocks.push_back(
      paragraph({"SSL_SESSION_dup() copies the session in src and returns a pointer to it."}, 18));
  const auto found = with_check(lint_one(page), "return-value-undocumented");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() ==
             "fixture.pod:12: warning: SSL_SESSION_dup returns SSL_SESSION * but RETURN VALUES does not say what"
             " (only line 18 outside RETURN VALUES does) [return-value-undocumented]");
}

BOOST_AUTO_TEST_CASE(non_void_function_whose_return_is_stated_nowhere_says_so) {
  auto page = good_page();
  page.names.push_back("SSL_SESSION_dup");
  page.synopsis.prototypes.push_back(prototype("SSL_SESSION *", "SSL_SESSION_dup", {{"SSL_SESSION *", "src", false}}, 12));
  find_section(page, "DESCRIPTION")->blocks.push_back(paragraph({"SSL_SESSION_dup() copies the session in src."}, 18));
  const auto found = with_check(lint_one(page), "return-value-undocumented");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() ==
             "fixture.pod:12: warning: SSL_SESSION_dup returns SSL_SESSION * but RETURN VALUES does not say what,"
             " nor does any other section [return-value-undocumented]");
  BOOST_TEST(found[0].subject == "SSL_SESSION_dup");
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
  BOOST_TEST(found[0].str() == "fixture.pod:17: error: repeated word \"the the\" [repeated-word]");
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

// --- OpenSSL's conventions -------------------------------------------------

namespace {

// d2i_X509.pod in miniature: NAME lists real names, SYNOPSIS templates.
model::Page template_page() {
  auto page = good_page();
  page.title = "d2i_X509";
  page.names = {"d2i_X509", "d2i_X509_bio", "i2d_X509"};
  find_section(page, "NAME")->blocks[0] = paragraph({"d2i_X509, d2i_X509_bio, i2d_X509 - encode and decode"}, 4);
  auto d2i = prototype("TYPE *", "d2i_TYPE", {{"TYPE **", "a", false}}, 10);
  auto bio = prototype("TYPE *", "d2i_TYPE_bio", {{"BIO *", "bp", false}}, 11);
  auto i2d = prototype("int", "i2d_TYPE", {{"TYPE *", "a", false}}, 12);
  for (auto* p : {&d2i, &bio, &i2d}) p->generic = true;
  page.synopsis.prototypes = {d2i, bio, i2d};
  find_section(page, "RETURN VALUES")->blocks[0].sentences[0].text = "d2i_TYPE() returns a valid structure or NULL.";
  return page;
}

}  // namespace

BOOST_AUTO_TEST_CASE(templates_cover_the_name_entries_they_stand_for) {
  auto page = template_page();
  BOOST_TEST(with_check(lint_one(page), "name-without-synopsis").empty());
  BOOST_TEST(with_check(lint_one(page), "synopsis-without-name").empty());
  BOOST_TEST(with_check(lint_one(page), "return-value-undocumented").empty());
  page.names.push_back("PEM_read_X509");
  const auto found = with_check(lint_one(page), "name-without-synopsis");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].subject == "PEM_read_X509");
}

BOOST_AUTO_TEST_CASE(rendered_page_with_templates_is_taken_for_generic) {
  auto page = template_page();
  page.names.push_back("PEM_read_X509");
  page.format = model::PageFormat::man;  // the roff rendering lost "=for openssl generic"
  BOOST_TEST(with_check(lint_one(page), "name-without-synopsis").empty());
}

BOOST_AUTO_TEST_CASE(synopsis_marked_generic_is_not_matched_against_name) {
  auto page = good_page();
  page.names.push_back("EVP_aes_128_cbc");
  BOOST_TEST(with_check(lint_one(page), "name-without-synopsis").size() == 1u);
  page.synopsis.generic = true;
  BOOST_TEST(with_check(lint_one(page), "name-without-synopsis").empty());
}

BOOST_AUTO_TEST_CASE(typedef_and_define_lines_are_symbols_name_must_list) {
  auto page = good_page();
  model::Block code;
  code.kind = model::Block::Kind::verbatim;
  code.loc = {"fixture.pod", 8};
  code.text = " #include <openssl/ssl.h>\n\n typedef int (*SSL_verify_cb)(int ok, X509_STORE_CTX *ctx);\n"
              " #define SSL_SESSION_CACHE_MAX 20\n STACK_OF(SSL_SESSION) *SSL_SESSION_list(void);";
  find_section(page, "SYNOPSIS")->blocks.push_back(code);
  std::vector<std::string> names;
  for (const auto& s : synopsis_symbols(page)) names.push_back(s.name + "@" + std::to_string(s.loc.line));
  const std::vector<std::string> want{"SSL_SESSION_new@10", "SSL_verify_cb@10", "SSL_SESSION_free@11",
                                      "SSL_SESSION_CACHE_MAX@11", "SSL_SESSION_list@12"};
  BOOST_TEST(names == want, boost::test_tools::per_element());
  const auto found = with_check(lint_one(page), "synopsis-without-name");
  BOOST_REQUIRE_EQUAL(found.size(), 3u);
  BOOST_TEST(found[0].str() == "fixture.pod:10: error: SYNOPSIS declares SSL_verify_cb but NAME does not list it [synopsis-without-name]");
  BOOST_TEST_MESSAGE(found.size());
  page.names.insert(page.names.end(), {"SSL_verify_cb", "SSL_SESSION_CACHE_MAX", "SSL_SESSION_list"});
  BOOST_TEST(with_check(lint_one(page), "synopsis-without-name").empty());
  BOOST_TEST(with_check(lint_one(page), "name-without-synopsis").empty());
}

BOOST_AUTO_TEST_CASE(return_values_contradicting_description_are_an_error) {
  auto page = good_page();
  page.names.push_back("SSL_SESSION_up_ref");
  page.synopsis.prototypes.push_back(prototype("int", "SSL_SESSION_up_ref", {{"SSL_SESSION *", "ses", false}}, 12));
  find_section(page, "DESCRIPTION")->blocks.push_back(
      paragraph({"SSL_SESSION_up_ref() returns 1 on success and 0 on failure."}, 18));
  find_section(page, "RETURN VALUES")->blocks.push_back(
      paragraph({"SSL_SESSION_up_ref() returns 1 on success and 0 on failure."}, 23));
  BOOST_TEST(with_check(lint_one(page), "return-value-contradiction").empty());
  find_section(page, "RETURN VALUES")->blocks.back().sentences[0].text =
      "SSL_SESSION_up_ref() returns 0 on success and -1 on failure.";
  const auto found = with_check(lint_one(page), "return-value-contradiction");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST(found[0].str() == "fixture.pod:23: error: RETURN VALUES gives SSL_SESSION_up_ref 0 on success but"
                               " DESCRIPTION (line 18) gives 1 [return-value-contradiction]");
}

BOOST_AUTO_TEST_CASE(links_to_declared_foreign_manuals_resolve) {
  auto page = good_page();
  page.see_also.push_back(link("procmail", "1", 28));
  model::Page command = good_page();  // the documents hold section 1 pages
  command.source = "openssl.pod";
  command.title = "openssl";
  command.names = {"openssl"};
  command.manual_section = "1";
  BOOST_TEST(with_check(lint({page, command}, options_knowing_ssl7()), "link-unresolved").size() == 1u);
  page.foreign_pages = {"procmail(1)"};
  BOOST_TEST(with_check(lint({page, command}, options_knowing_ssl7()), "link-unresolved").empty());
}

BOOST_AUTO_TEST_CASE(links_into_sections_nobody_holds_are_not_judged) {
  auto page = good_page();
  page.see_also.push_back(link("openssl-ca", "1", 28));
  BOOST_TEST(with_check(lint_one(page), "link-unresolved").empty());  // no section 1 at all
  auto options = options_knowing_ssl7();
  options.known_pages.add("openssl-x509", "1");  // section 1 installed, not this page
  const auto found = with_check(lint_one(page, options), "link-unresolved");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST((found[0].severity == Severity::warning));
  options.known_pages.add("openssl-ca", "1");
  BOOST_TEST(with_check(lint_one(page, options), "link-unresolved").empty());
}

BOOST_AUTO_TEST_CASE(wrong_section_of_another_manuals_page_is_only_a_warning) {
  auto page = good_page();
  auto options = options_knowing_ssl7();
  options.known_pages.add("send", "2");  // the system's manual, no package suffix
  page.see_also.push_back(link("send", "3", 28));
  const auto found = with_check(lint_one(page, options), "link-unresolved");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST((found[0].severity == Severity::warning));
  BOOST_TEST(found[0].message == "link target send(3) is neither a page of these documents nor a known page (send(2) exists)");
}

BOOST_AUTO_TEST_CASE(debian_suffixed_sections_are_their_section) {
  auto page = good_page();
  page.see_also.push_back(link("SSL_SESSION_free", "3ssl", 28));
  page.see_also.push_back(link("ssl", "7ssl", 28));
  BOOST_TEST(with_check(lint_one(page), "link-unresolved").empty());
}

BOOST_AUTO_TEST_CASE(words_repeated_across_markup_are_no_repetition) {
  auto page = good_page();
  auto s = sentence("The key is of type type and the key key is used.", 17);
  s.marks = {{model::Mark::Kind::emphasis, "type", 19}, {model::Mark::Kind::argument, "key", 32}};
  find_section(page, "DESCRIPTION")->blocks[0].sentences[1] = s;
  BOOST_TEST(with_check(lint_one(page), "repeated-word").empty());
  s.marks.clear();
  find_section(page, "DESCRIPTION")->blocks[0].sentences[1] = s;
  BOOST_TEST(with_check(lint_one(page), "repeated-word").size() == 1u);  // first only: "type type"
}

BOOST_AUTO_TEST_CASE(grammatical_doublings_are_only_a_warning) {
  auto page = good_page();
  find_section(page, "DESCRIPTION")->blocks[0].sentences[1] = sentence("It checks that that session is valid.", 17);
  const auto found = with_check(lint_one(page), "repeated-word");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST((found[0].severity == Severity::warning));
}

BOOST_AUTO_TEST_CASE(one_finding_per_line_and_message) {
  auto page = good_page();
  page.see_also.push_back(link("SSL_no_such_page", "3", 28));
  page.see_also.push_back(link("SSL_no_such_page", "3", 28));
  find_section(page, "SEE ALSO")->blocks[0].links.push_back(link("SSL_no_such_page", "3", 28));
  BOOST_TEST(with_check(lint_one(page), "link-unresolved").size() == 1u);
}

// --- Accepted exceptions ---------------------------------------------------

BOOST_AUTO_TEST_CASE(accepted_exceptions_drop_their_findings_and_unused_ones_warn) {
  const std::string file = SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/lint/accepted.txt";
  const auto entries = read_accepted(file);
  BOOST_REQUIRE_EQUAL(entries.size(), 3u);
  BOOST_TEST(entries[2].subject == "*");
  auto page = good_page();
  page.names.push_back("SSL_SESSION_up_ref");        // accepted by page and subject
  page.see_also.push_back(link("SSL_gone", "3", 28));  // accepted for every page
  page.see_also.push_back(link("SSL_other", "3", 29)); // not accepted
  const auto result = apply_accepted(lint_one(page), entries);
  BOOST_TEST(result.accepted == 2u);
  std::vector<std::string> kept;
  for (const auto& f : result.kept) kept.push_back(f.check + " " + f.subject);
  const std::vector<std::string> want{"link-unresolved SSL_other(3)", "accepted-unused repeated-word"};
  BOOST_TEST(kept == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(malformed_accepted_exception_names_its_line) {
  const std::string file = SSLCONF_SOURCE_DIR "/conformance/crosscheck/tests/fixtures/lint/accepted-bad.txt";
  try {
    read_accepted(file);
    BOOST_FAIL("accepted a malformed entry");
  } catch (const model::InputError& e) {
    BOOST_TEST(std::string(e.what()).find("accepted-bad.txt:3: error:") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(page_stem_drops_folders_and_extensions) {
  BOOST_TEST(page_stem("doc/man3/SSL_free.pod") == "SSL_free");
  BOOST_TEST(page_stem("/usr/share/man/man3/SSL_free.3ssl.gz") == "SSL_free");
  BOOST_TEST(page_stem("seeds/000_b36847d3e6629913.txt") == "000_b36847d3e6629913");
}

// --- SYNOPSIS against the header -------------------------------------------

BOOST_AUTO_TEST_CASE(synopsis_lacking_what_the_header_has_is_an_error_and_other_differences_a_warning) {
  // The installed 3.0 page of SSL_CTX_sess_set_get_cb drops the "*" of the
  // callback's return type; the header returns SSL_SESSION *.
  const auto header = HeaderIndex::parse(
      "typedef struct ssl_session_st SSL_SESSION;\ntypedef struct ssl_st SSL;\ntypedef struct ssl_ctx_st SSL_CTX;\n"
      "void SSL_CTX_sess_set_get_cb(SSL_CTX *ctx, SSL_SESSION *(*get_session_cb)(struct ssl_st *ssl, "
      "const unsigned char *data, int len, int *copy));\nvoid SSL_SESSION_free(SSL_SESSION *ses);\n");
  auto page = good_page();
  page.names = {"SSL_CTX_sess_set_get_cb"};
  model::Prototype documented;
  BOOST_REQUIRE(reader_parse("void SSL_CTX_sess_set_get_cb(SSL_CTX *ctx, SSL_SESSION (*get_session_cb)(SSL *, "
                             "const unsigned char *, int, int *));",
                             documented));
  documented.loc = {"fixture.pod", 10};
  page.synopsis.prototypes = {documented};
  auto options = options_knowing_ssl7();
  options.header = &header;
  options.header_name = "openssl";
  auto found = with_check(lint_one(page, options), "synopsis-header");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  // The header gives the certain correction: a defect of the page.
  BOOST_TEST((found[0].severity == Severity::error));
  BOOST_TEST(found[0].subject == "SSL_CTX_sess_set_get_cb");
  BOOST_TEST(found[0].message.find("header has void SSL_CTX_sess_set_get_cb(SSL_CTX *ctx, SSL_SESSION *(*get_session_cb)(") !=
             std::string::npos, found[0].message);
  // A '*' more than the header has is no missing one: to be looked at.
  BOOST_REQUIRE(reader_parse("void SSL_SESSION_free(SSL_SESSION **session);", page.synopsis.prototypes[0]));
  page.names = {"SSL_SESSION_free"};
  found = with_check(lint_one(page, options), "synopsis-header");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST((found[0].severity == Severity::warning));
  // A declaration as the header gives it is no finding.
  BOOST_REQUIRE(reader_parse("void SSL_SESSION_free(SSL_SESSION *session);", page.synopsis.prototypes[0]));
  page.names = {"SSL_SESSION_free"};
  BOOST_TEST(with_check(lint_one(page, options), "synopsis-header").empty());
}

BOOST_AUTO_TEST_CASE(unbalanced_parentheses_in_synopsis_are_an_error) {
  // RSA_meth_new.pod of OpenSSL 1.1.1w, line 83: "int (*RSA_meth_get_init(...) (RSA *rsa);"
  auto page = good_page();
  model::Block code;
  code.kind = model::Block::Kind::verbatim;
  code.loc = {"fixture.pod", 8};
  code.text = " /* called at new (sic) */\n int (*SSL_SESSION_get_cb(const SSL_SESSION *s) (SSL *ssl);\n"
              " int SSL_SESSION_ok(SSL_SESSION *s,\n                    int (*cb)(SSL *));";
  find_section(page, "SYNOPSIS")->blocks.push_back(code);
  const auto found = with_check(lint_one(page), "synopsis-syntax");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].str() == "fixture.pod:9: error: SYNOPSIS declaration has unbalanced parentheses"
                               " (1 too many \"(\") [synopsis-syntax]");
}

BOOST_AUTO_TEST_CASE(links_named_like_no_page_of_the_documents_are_a_warning) {
  auto page = good_page();
  page.see_also.push_back(link("pthread_atfork", "3", 28));  // the C library's
  page.see_also.push_back(link("SSL_SESSION_gone", "3", 29));  // named like ours
  const auto found = with_check(lint_one(page), "link-unresolved");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST((found[0].severity == Severity::warning));
  BOOST_TEST((found[1].severity == Severity::error));
}

BOOST_AUTO_TEST_CASE(link_naming_a_heading_of_the_page_is_an_error) {
  auto page = good_page();
  model::Link to_notes = link("DESCRIPTION", "", 18);
  find_section(page, "DESCRIPTION")->blocks[0].links.push_back(to_notes);
  const auto found = with_check(lint_one(page), "link-unresolved");
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].message == "link target DESCRIPTION is written as a page, but names a section of this page"
                                 " (a section link is L</DESCRIPTION>)");
}

BOOST_AUTO_TEST_CASE(a_page_answers_to_its_file_name) {
  auto page = good_page();
  model::Page ciphers = good_page();
  ciphers.source = "doc/man3/EVP_aes.pod";
  ciphers.title = "EVP_aes_128_cbc";
  ciphers.names = {"EVP_aes_128_cbc"};
  page.see_also.push_back(link("EVP_aes", "3", 28));
  BOOST_TEST(with_check(lint({page, ciphers}, options_knowing_ssl7()), "link-unresolved").empty());
}

BOOST_AUTO_TEST_CASE(synopsis_subsections_and_environment_lines_declare_symbols) {
  auto page = good_page();
  model::Section callbacks = section("Callback Functions", 12);
  callbacks.level = 2;
  model::Block code;
  code.kind = model::Block::Kind::verbatim;
  code.loc = {"fixture.pod", 14};
  code.text = " typedef void (*SSL_SESSION_cb)(SSL_SESSION *s);\n env SSLREF_DEBUG=1 <application>";
  callbacks.blocks.push_back(code);
  page.sections.insert(page.sections.begin() + 2, callbacks);
  std::vector<std::string> names;
  for (const auto& s : synopsis_symbols(page)) names.push_back(s.name);
  BOOST_TEST((std::find(names.begin(), names.end(), "SSL_SESSION_cb") != names.end()));
  BOOST_TEST((std::find(names.begin(), names.end(), "SSLREF_DEBUG") != names.end()));
}

BOOST_AUTO_TEST_CASE(numbered_series_elided_in_synopsis_covers_its_members) {
  // OSSL_trace_enabled(3): "OSSL_TRACE2(...) ... OSSL_TRACE9(...)" stands
  // for OSSL_TRACE3 to OSSL_TRACE8, which NAME lists.
  auto page = good_page();
  model::Block code;
  code.kind = model::Block::Kind::verbatim;
  code.loc = {"fixture.pod", 8};
  code.text = " SSL_TRACE2(a, b)\n ...\n SSL_TRACE9(a, b)\n typedef int *(*SSL_SESSION_cb)\n     (SSL_SESSION *s);";
  find_section(page, "SYNOPSIS")->blocks.push_back(code);
  page.names.insert(page.names.end(), {"SSL_TRACE2", "SSL_TRACE5", "SSL_TRACE9", "SSL_SESSION_cb"});
  BOOST_TEST(with_check(lint_one(page), "name-without-synopsis").empty());
  BOOST_TEST(with_check(lint_one(page), "synopsis-without-name").empty());
  page.names.push_back("SSL_TRACE12");
  BOOST_TEST(with_check(lint_one(page), "name-without-synopsis").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_link_without_its_section_gets_the_one_section_its_page_has) {
  auto page = good_page();
  model::Page other = good_page();
  other.source = "SSL_get_session.pod";
  other.title = "SSL_get_session";
  other.names = {"SSL_get_session"};
  model::Page command = good_page();
  command.source = "dsa.pod";
  command.title = "dsa";
  command.names = {"dsa"};
  command.manual_section = "1";
  find_section(page, "DESCRIPTION")->blocks[0].links.push_back(link("SSL_get_session", "", 16));
  find_section(page, "DESCRIPTION")->blocks[0].links.push_back(link("dsa", "", 17));
  const auto found = with_check(lint({page, other, command}, options_knowing_ssl7()), "link-section-missing");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST((found[0].severity == Severity::warning));
  BOOST_TEST(found[0].fix == "SSL_get_session(3)");
  // A command's page named from a library page: "see the dsa page" may mean
  // another page than the command's, so the fix is left to a person.
  BOOST_TEST(found[1].subject == "dsa");
  BOOST_TEST(found[1].fix.empty());
}
