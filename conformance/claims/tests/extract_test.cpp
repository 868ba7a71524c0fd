// The extractor on a hand-made page: every statement lands in the
// catalogue, ids are stable under rewording and reflowing, coverage counts.
#include "claims/extract.hpp"
#include "model/diagnostic.hpp"
#include "fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>

using namespace sslconf;
using namespace sslconf::claims;
using namespace sslconf::claims::test;

namespace {

model::Block paragraph(std::vector<std::string> sentences, int line) {
  model::Block b;
  for (auto& s : sentences) {
    b.sentences.push_back({s, {}, {"page.pod", line++}});
    b.text += (b.text.empty() ? "" : " ") + s;
  }
  b.loc = {"page.pod", line};
  return b;
}

model::Section section(const std::string& title, std::vector<model::Block> blocks) {
  model::Section s;
  s.title = title;
  s.blocks = std::move(blocks);
  return s;
}

model::Page page(const std::string& free_sentence, const std::string& returns_sentence, int line) {
  model::Page p;
  p.source = "page.pod";
  p.title = "SSL_SESSION_new";
  p.names = {"SSL_SESSION_new", "SSL_SESSION_up_ref", "SSL_SESSION_free"};
  p.synopsis.includes = {"openssl/ssl.h"};
  p.synopsis.prototypes = {proto("SSL_SESSION *", "SSL_SESSION_new", {}),
                           proto("int", "SSL_SESSION_up_ref", {{"SSL_SESSION *", "ses"}}),
                           proto("void", "SSL_SESSION_free", {{"SSL_SESSION *", "session"}})};
  p.sections = {section("NAME", {paragraph({"SSL_SESSION_new - make sessions"}, 1)}),
                section("DESCRIPTION", {paragraph({free_sentence, "If session is NULL nothing is done."}, line)}),
                section("RETURN VALUES", {paragraph({returns_sentence}, line + 10)}),
                section("SEE ALSO", {paragraph({"ssl(7)"}, line + 20)})};
  return p;
}

std::set<std::string> ids(const Catalogue& c) {
  std::set<std::string> out;
  for (const auto& k : c.claims) out.insert(k.id);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(extractor)

BOOST_AUTO_TEST_CASE(every_statement_lands_with_page_function_kind_ordinal_ids) {
  const Catalogue c = extract({page("SSL_SESSION_free() decrements the reference count of session and frees it if the reference count has reached 0.",
                                    "SSL_SESSION_up_ref returns 1 on success or 0 on error.", 5)});
  const auto got = ids(c);
  for (const char* id : {"SSL_SESSION_new/SSL_SESSION_new/prototype/1", "SSL_SESSION_new/SSL_SESSION_free/prototype/1",
                         "SSL_SESSION_new/SSL_SESSION_free/refcount-decrement-free/1",
                         "SSL_SESSION_new/SSL_SESSION_free/null-noop/1", "SSL_SESSION_new/SSL_SESSION_up_ref/returns-int/1"})
    BOOST_TEST(got.count(id) == 1u, id);
  BOOST_TEST(c.claims.size() == 6u);  // 3 prototypes, 2 description claims, 1 return; NAME and SEE ALSO give none
  const auto& total = c.coverage.at("total");
  BOOST_TEST(total.at("statements") == 6);
  BOOST_TEST(total.at("checkable_statements") == 6);
  BOOST_TEST(total.at("return_statements") == 1);
  BOOST_TEST(total.at("return_recognised") == 1);
  BOOST_TEST(total.at("unrecognised") == 0);
}

// A RETURN VALUES sentence that states no value (a list introduction) is
// counted as a return statement and, apart, as no claim: nothing is hidden.
BOOST_AUTO_TEST_CASE(return_statements_that_are_no_claims_are_counted_apart) {
  const Catalogue c = extract({page("SSL_SESSION_free() frees the session.", "The following return values can occur:", 5)});
  const auto& total = c.coverage.at("total");
  BOOST_TEST(total.at("return_statements") == 1);
  BOOST_TEST(total.at("return_recognised") == 0);
  BOOST_TEST(total.at("return_noclaim") == 1);
}

BOOST_AUTO_TEST_CASE(ids_survive_rewording_and_reflowing) {
  const Catalogue a = extract({page("SSL_SESSION_free() decrements the reference count of session and frees it if the reference count has reached 0.",
                                    "SSL_SESSION_up_ref returns 1 on success or 0 on error.", 5)});
  const Catalogue b = extract({page("SSL_SESSION_free() frees session once its reference count drops to zero.",
                                    "SSL_SESSION_up_ref() returns 1 for success and 0 for failure.", 40)});
  BOOST_TEST(ids(a) == ids(b));
}

BOOST_AUTO_TEST_CASE(unrecognised_sentences_are_listed_with_their_line) {
  const Catalogue c = extract({page("Sessions wobble after SSL_SESSION_free().", "SSL_SESSION_up_ref returns 1 on success.", 5)});
  const auto& gaps = c.coverage.at("pages").at(0).at("unrecognised");
  BOOST_TEST_REQUIRE(gaps.size() == 1u);
  BOOST_TEST(gaps[0].at("source") == "page.pod:5");
}

BOOST_AUTO_TEST_CASE(catalogue_round_trips_through_json) {
  const Catalogue c = extract({page("SSL_SESSION_free() wobbles the session.", "SSL_SESSION_up_ref returns 1 on success.", 5)});
  const Catalogue back = catalogue_from_json(to_json(c), "claims.json");
  BOOST_TEST(to_json(back) == to_json(c));
  BOOST_CHECK_THROW(catalogue_from_json(nlohmann::json::object(), "claims.json"), model::InputError);
}

// `sslconf claims` streams the catalogue; it must print what the document prints.
BOOST_AUTO_TEST_CASE(streamed_catalogue_is_the_document_json_byte_for_byte) {
  const Catalogue c = extract({page("SSL_SESSION_free() wobbles the session.", "SSL_SESSION_up_ref returns 1 on success.", 5),
                               page("If session is NULL nothing is done.", "SSL_SESSION_up_ref returns \"1\".", 9)});
  std::ostringstream streamed;
  write_json(streamed, c);
  BOOST_TEST(streamed.str() == to_json(c).dump(2));
  std::ostringstream empty;
  write_json(empty, Catalogue{});
  BOOST_TEST(empty.str() == to_json(Catalogue{}).dump(2));
}

BOOST_AUTO_TEST_SUITE_END()
