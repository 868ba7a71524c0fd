// Recognition across the whole libssl manual (issue 25 item 3): the clause
// grammar reads shapes the session family did not use, and a condition
// carries its classes for the derived scenarios. Each in wordings of this
// file's own, each with a sentence it must not read that way.
#include "fixture.hpp"

#include "claims/condition.hpp"

#include <boost/test/unit_test.hpp>

using namespace sslconf::claims;
using namespace sslconf::claims::test;
using nlohmann::json;

namespace {

const Vocabulary& text_page() {
  static const Vocabulary v = vocabulary({
      proto("const char *", "SSL_get_version", {{"const SSL *", "ssl"}}),
      proto("int", "SSL_version", {{"const SSL *", "ssl"}}),
      proto("int", "SSL_stateless", {{"SSL *", "s"}}),
  });
  return v;
}

std::vector<std::string> classes(const std::string& condition, const std::vector<std::string>& params,
                                 std::string& argument) {
  return condition_classes_of(condition, params, argument);
}

bool has(const std::vector<std::string>& v, const char* c) { return std::find(v.begin(), v.end(), c) != v.end(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(manual_grammar)

// "If ctx is NULL it is left unchanged": the condition ends where the main
// clause's subject opens, with no comma between them.
BOOST_AUTO_TEST_CASE(condition_without_a_comma) {
  const auto d = recognise_in(add_session_page(), "If ctx is NULL it is left unchanged.", "DESCRIPTION", "SSL_CTX_add_session");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].kind == "descriptive");
  BOOST_TEST(d[0].params["condition"] == "if ctx is NULL");
  BOOST_TEST(d[0].params["when"] == "null-argument");
  BOOST_TEST(d[0].params["classes"] == json::array({"null-argument"}));
  BOOST_TEST(d[0].params["condition_argument"] == "ctx");
  // Not cut after a copula: "if c is the ..." keeps its complement.
  const auto same = recognise_in(add_session_page(), "If c is the cached session nothing happens.", "DESCRIPTION", "SSL_CTX_add_session");
  BOOST_TEST(same[0].params.value("condition", "") != "If c is");
}

// "Server mode: the server sends a request", "Client mode: ignored": a topic
// before a colon; one naming a mode is the condition.
BOOST_AUTO_TEST_CASE(topic_before_a_colon) {
  const auto d = recognise_in(add_session_page(), "Server mode: the server sends a request to the client.", "NOTES", "", "SSL_VERIFY_PEER");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].kind == "descriptive");
  BOOST_TEST(d[0].params["condition"] == "server mode");
  BOOST_TEST(d[0].params["classes"] == json::array({"server-side"}));
  const auto p = recognise_in(add_session_page(), "Client mode: ignored.", "NOTES", "", "SSL_VERIFY_PEER");
  BOOST_TEST(p[0].kind == "descriptive");
  BOOST_TEST(p[0].params["predicate"] == "ignored");
}

// A verbless phrase in a list item glosses the label; outside an item only
// a short or bracketed one is informative; a longer one may hide a verb the
// lexicon lacks and stays unrecognised.
BOOST_AUTO_TEST_CASE(phrases) {
  const auto g = recognise_in(add_session_page(), "Printable name of the cache mode.", "DESCRIPTION", "", "SSL_SESS_CACHE_BOTH");
  BOOST_TEST_REQUIRE(g.size() == 1u);
  BOOST_TEST(g[0].kind == "descriptive");
  BOOST_TEST(g[0].params["gloss"] == true);
  BOOST_TEST(g[0].params["subject"] == "SSL_SESS_CACHE_BOTH");
  BOOST_TEST(!g[0].checkable);
  BOOST_TEST(recognise_in(add_session_page(), "(Servers only.)")[0].kind == "informative");
  BOOST_TEST(recognise_in(add_session_page(), "Sessions wobble after a handshake.")[0].kind == "unrecognised");
}

// Subjects the session family did not use: a version name with its dot, a
// quantifier floating after a plural head, a head before brackets, "they
// both", a one-word subject after a comma-less scope or condition.
BOOST_AUTO_TEST_CASE(more_subjects) {
  const auto& v = add_session_page();
  auto predicate = [&v](const char* sentence) {
    const auto d = recognise_in(v, sentence, "NOTES");
    return d[0].kind == "descriptive" ? d[0].params.value("predicate", "") : std::string("(") + d[0].kind + ")";
  };
  BOOST_TEST(predicate("TLSv1.3 keeps the ticket.") == "keeps");
  BOOST_TEST(predicate("The caches each hold one session.") == "hold");
  BOOST_TEST(predicate("Stateless tickets (without server state) also carry the session.") == "carry");
  BOOST_TEST(predicate("They both send a request to the server.") == "send");
  BOOST_TEST(predicate("By default OpenSSL will send stateless tickets.") == "will send");
  const auto c = recognise_in(v, "If not given 300 is used.", "NOTES");
  BOOST_TEST(c[0].kind == "descriptive");
  BOOST_TEST(c[0].params["condition"] == "if not given");
  // "name and iv have": no one-word subject after "and".
  BOOST_TEST(recognise_in(v, "In this case name and iv wobble already.", "NOTES")[0].kind == "unrecognised");
}

// A bare-noun imperative in an item describes it; a noun phrase followed by
// its copula is no imperative.
BOOST_AUTO_TEST_CASE(imperatives_with_a_bare_object) {
  const auto d = recognise_in(add_session_page(), "Disable session ticket renewal.", "NOTES", "", "SSL_OP_NO_RENEWAL");
  BOOST_TEST(d[0].kind == "descriptive");
  BOOST_TEST(d[0].params["predicate"] == "disable");
  const auto n = recognise_in(add_session_page(), "Attempts to add a session twice are refused.", "NOTES", "", "SSL_OP_NO_RENEWAL");
  BOOST_TEST(n[0].kind != "caller-obligation");
}

// A RETURN VALUES sentence naming no value describes one ("This alert is
// always fatal." after an item); one naming a value stays visible unread.
BOOST_AUTO_TEST_CASE(return_values_sentences_without_a_value) {
  BOOST_TEST(recognise_in(text_page(), "This alert is always fatal.", "RETURN VALUES")[0].kind == "descriptive");
  BOOST_TEST(recognise_in(text_page(), "Values below -3 wobble.", "RETURN VALUES")[0].kind == "unrecognised");
}

// "If the value is 0 then X happened", "A value of -2 indicates X": one
// value under one condition.
BOOST_AUTO_TEST_CASE(value_means) {
  const auto a = recognise_in(text_page(), "If the value is 2 then a cookie was sent.", "RETURN VALUES", "SSL_stateless");
  const auto ea = find_kind(a, "returns-enumerated");
  BOOST_TEST_REQUIRE(ea.has_value());
  BOOST_TEST(ea->params["value"] == 2);
  BOOST_TEST(ea->params["condition"] == "a cookie was sent");
  const auto b = recognise_in(text_page(), "A value of -2 indicates a fatal error.", "RETURN VALUES", "SSL_stateless");
  const auto eb = find_kind(b, "returns-enumerated");
  BOOST_TEST_REQUIRE(eb.has_value());
  BOOST_TEST(eb->params["value"] == -2);
  // An argument's value is not a return value.
  BOOST_TEST(!find_kind(recognise_in(text_page(), "Passing a value of 2 turns it on.", "DESCRIPTION", "SSL_stateless"), "returns-described"));
}

// Item labels that are texts a function returns, and values with their
// outcome in brackets.
BOOST_AUTO_TEST_CASE(text_and_noted_item_labels) {
  SentenceContext ctx{&text_page(), "RETURN VALUES", "", "", "", "", ""};
  const auto t = recognise_return_item("TLSv1.2", "The connection speaks TLS 1.2.", ctx);
  BOOST_TEST_REQUIRE(t.size() == 1u);
  BOOST_TEST(t[0].functions.front() == "SSL_get_version");
  BOOST_TEST(t[0].params["value"] == "\"TLSv1.2\"");
  BOOST_TEST(!t[0].params.contains("classes"));  // nothing in "speaks TLS 1.2" the vocabulary names
  const auto n = recognise_return_item("0 (Failure)", "The operation failed.", ctx);
  BOOST_TEST_REQUIRE(!n.empty());
  BOOST_TEST(n[0].params["value"] == 0);
  BOOST_TEST(n[0].params["when"] == "failure");
  // Where no page function returns text, a word label is no value.
  SentenceContext other{&add_session_page(), "RETURN VALUES", "", "", "", "", ""};
  BOOST_TEST(recognise_return_item("TLSv1.2", "The connection speaks TLS 1.2.", other).empty());
}

// "CONSTANT: text" lines after a sentence about flags: one bit of the
// integer returned; not outside RETURN VALUES, not for a text function.
BOOST_AUTO_TEST_CASE(flag_lines) {
  const auto& v = add_session_page();
  const auto f = recognise_in(v, "SSL_SESS_CACHE_CLIENT: the session was cached on the client side.", "RETURN VALUES",
                              "SSL_CTX_add_session", "", "SSL_CTX_add_session() returns a bit mask of flags.");
  const auto flag = find_kind(f, "returns-flag");
  BOOST_TEST_REQUIRE(flag.has_value());
  BOOST_TEST(flag->params["flag"] == "SSL_SESS_CACHE_CLIENT");
  BOOST_TEST(flag->params["classes"] == json::array({"client-side"}));
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_SESS_CACHE_CLIENT: the session was cached on the client side.", "NOTES",
                                     "SSL_CTX_add_session"), "returns-flag"));
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_SESS_CACHE_CLIENT: the session was cached on the client side.", "RETURN VALUES",
                                     "SSL_CTX_add_session", "", "The session is then kept."), "returns-flag"));
  BOOST_TEST(!find_kind(recognise_in(text_page(), "TLS1_VERSION: the connection speaks TLS 1.0.", "RETURN VALUES",
                                     "SSL_get_version"), "returns-flag"));
}

BOOST_AUTO_TEST_CASE(condition_classes) {
  std::string arg;
  BOOST_TEST(has(classes("if ctx is NULL", {"ctx", "s"}, arg), "null-argument"));
  BOOST_TEST(arg == "ctx");
  BOOST_TEST(has(classes("if a NULL pointer is passed for s", {"ctx", "s"}, arg), "null-argument"));
  BOOST_TEST(arg == "s");
  BOOST_TEST(has(classes("if called before the handshake", {}, arg), "no-handshake"));
  BOOST_TEST(has(classes("when the handshake has not yet been completed", {}, arg), "no-handshake"));
  BOOST_TEST(has(classes("after the handshake has completed", {}, arg), "after-handshake"));
  BOOST_TEST(has(classes("when called on a server", {}, arg), "server-side"));
  BOOST_TEST(!has(classes("when called on a server", {}, arg), "client-side"));
  BOOST_TEST(has(classes("if not set", {}, arg), "value-not-set"));
  BOOST_TEST(has(classes("if the value is out of range", {}, arg), "out-of-range"));
  BOOST_TEST(has(classes("if the name is too long", {}, arg), "too-long"));
  BOOST_TEST(has(classes("the file does not exist", {}, arg), "missing-file"));
  BOOST_TEST(has(classes("on error", {}, arg), "failure"));
  BOOST_TEST(has(classes("otherwise", {}, arg), "otherwise"));
  // A NULL named by something that is not a parameter names no argument.
  classes("if the cache is NULL", {"ctx"}, arg);
  BOOST_TEST(arg.empty());
  BOOST_TEST(classes("a new session was negotiated", {}, arg).empty());
}

BOOST_AUTO_TEST_SUITE_END()
