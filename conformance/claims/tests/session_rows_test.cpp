// The predicates about session lifetimes and ticket hints (session_rows.cpp):
// each class read in wordings of its own, its condition taken from the
// sentence (or the paragraph's scope), and left alone where a sentence only
// shares words with it.
#include "claims/tests/fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <optional>

using namespace sslconf::claims;
using namespace sslconf::claims::test;

namespace {

const Vocabulary& timeout_page() {
  static const Vocabulary v = vocabulary({
      proto("long", "SSL_CTX_set_timeout", {{"SSL_CTX *", "ctx"}, {"long", "t"}}),
      proto("long", "SSL_CTX_get_timeout", {{"SSL_CTX *", "ctx"}}),
  });
  return v;
}

const Vocabulary& size_page() {
  static const Vocabulary v = vocabulary({
      proto("long", "SSL_CTX_sess_set_cache_size", {{"SSL_CTX *", "ctx"}, {"long", "t"}}),
      proto("long", "SSL_CTX_sess_get_cache_size", {{"SSL_CTX *", "ctx"}}),
  });
  return v;
}

std::vector<Finding> in_paragraph(const Vocabulary& v, const std::string& sentence, const std::string& previous = "") {
  return recognise(sentence, SentenceContext{&v, "NOTES", "", "", previous, "", ""});
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_default_named_by_a_constant_with_its_current_value) {
  const auto f = find_kind(in_paragraph(size_page(), "The internal session cache size is SSL_SESSION_CACHE_MAX_SIZE_DEFAULT, currently "
                                                     "1024*20, so that up to 20000 sessions can be held."),
                           "default-value");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->checkable);
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_set_cache_size");
  BOOST_TEST(f->params["value"] == 20480);  // the expression read, not the "20000" after it
  BOOST_TEST(f->params["constant"] == "SSL_SESSION_CACHE_MAX_SIZE_DEFAULT");
  BOOST_TEST(f->params["quantity"] == "internal session cache size");
  // Another wording: a sum with spaces, in parentheses.
  const auto g = find_kind(in_paragraph(size_page(), "The cache size defaults to SSL_CACHE_DEFAULT_SIZE (currently 1000 + 24)."),
                           "default-value");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->params["value"] == 1024);
  // No current value: the constant is the expectation.
  const auto h = find_kind(in_paragraph(size_page(), "The session cache size is SSL_SESSION_CACHE_MAX_SIZE_DEFAULT."), "default-value");
  BOOST_TEST_REQUIRE(h.has_value());
  BOOST_TEST(h->params["value"] == "SSL_SESSION_CACHE_MAX_SIZE_DEFAULT");
  // A constant that is not named as a default states no default.
  BOOST_TEST(!find_kind(in_paragraph(size_page(), "The session cache size is SSL_SESSION_CACHE_MAX_SIZE."), "default-value"));
}

BOOST_AUTO_TEST_CASE(a_timeout_fixed_when_the_session_is_negotiated) {
  const auto f = find_kind(in_paragraph(timeout_page(), "Due to this realization, all sessions behave according to the timeout value "
                                                        "valid at the time of the session negotiation."),
                           "value-fixed-at-creation");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_set_timeout");
  BOOST_TEST(f->params["quantity"] == "timeout value");
  BOOST_TEST(find_kind(in_paragraph(timeout_page(), "Each session keeps the timeout in effect when it was created."),
                       "value-fixed-at-creation")
                 .has_value());
  BOOST_TEST(!find_kind(in_paragraph(timeout_page(), "All sessions behave according to the current settings."), "value-fixed-at-creation"));
}

BOOST_AUTO_TEST_CASE(the_ticket_lifetime_hint_is_the_timeout) {
  const auto f = find_kind(in_paragraph(timeout_page(), "This timeout value is used as the ticket lifetime hint for stateless session "
                                                        "tickets."),
                           "ticket-lifetime-hint");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["value"] == "set");
  BOOST_TEST(!f->params.contains("protocol"));
  BOOST_TEST(!f->params.contains("handshake"));
  BOOST_TEST(find_kind(in_paragraph(timeout_page(), "The session ticket lifetime hint is set to the timeout."), "ticket-lifetime-hint")
                 .has_value());
  BOOST_TEST(!find_kind(in_paragraph(timeout_page(), "The timeout value is used as the session's expiry."), "ticket-lifetime-hint"));
}

BOOST_AUTO_TEST_CASE(a_bound_on_the_hint_under_a_protocol) {
  const auto f = find_kind(in_paragraph(timeout_page(), "For TLSv1.3, RFC8446 limits transmission of this value to 1 week (604800 "
                                                        "seconds)."),
                           "ticket-lifetime-hint");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["protocol"] == "TLSv1.3");
  BOOST_TEST(f->params["at_most"] == 604800);
  // The unit converted when the page gives no seconds.
  const auto g = find_kind(in_paragraph(timeout_page(), "In TLS 1.3 the lifetime hint is capped at 7 days."), "ticket-lifetime-hint");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->params["at_most"] == 604800);
  BOOST_TEST(g->params["protocol"] == "TLSv1.3");
  BOOST_TEST(!find_kind(in_paragraph(timeout_page(), "RFC8446 limits transmission of this value to a sensible amount."),
                        "ticket-lifetime-hint"));
}

BOOST_AUTO_TEST_CASE(the_hint_of_tickets_from_each_handshake) {
  const std::string scoped = "For TLSv1.2, tickets generated during an initial handshake use the value as specified.";
  const auto f = find_kind(in_paragraph(timeout_page(), scoped), "ticket-lifetime-hint");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["value"] == "set");
  BOOST_TEST(f->params["handshake"] == "initial");
  BOOST_TEST(f->params["protocol"] == "TLSv1.2");
  // The next sentence names no protocol: the paragraph's scope holds.
  const auto g = find_kind(in_paragraph(timeout_page(), "Tickets generated during a resumed handshake have a value of 0 for the ticket "
                                                        "lifetime hint.", scoped),
                           "ticket-lifetime-hint");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->params["value"] == 0);
  BOOST_TEST(g->params["handshake"] == "resumed");
  BOOST_TEST(g->params["protocol"] == "TLSv1.2");
  // A sentence before that only mentions a protocol scopes nothing.
  const auto h = find_kind(in_paragraph(timeout_page(), "Tickets issued in an abbreviated handshake carry a hint of 0.",
                                        "TLSv1.3 differs here."),
                           "ticket-lifetime-hint");
  BOOST_TEST_REQUIRE(h.has_value());
  BOOST_TEST(!h->params.contains("protocol"));
}

BOOST_AUTO_TEST_CASE(a_lifetime_the_time_calls_change) {
  const auto f = find_kind(in_paragraph(timeout_page(), "The expiration time of a single session can be modified using the "
                                                        "SSL_SESSION_get_time(3) family of functions."),
                           "lifetime-adjustable");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_SESSION_get_time");
  BOOST_TEST(f->params["changes"].size() == 2);
  const auto g = find_kind(in_paragraph(timeout_page(), "Using these functions it is possible to extend the lifetime of the session."),
                           "lifetime-adjustable");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->params["changes"] == nlohmann::json::array({"extend"}));
  BOOST_TEST(!find_kind(in_paragraph(timeout_page(), "The lifetime of a session is fixed."), "lifetime-adjustable"));
}

BOOST_AUTO_TEST_CASE(a_callback_of_another_page_called_during_the_pages_call) {
  static const std::map<std::string, sslconf::model::Prototype> all{
      {"SSL_CTX_sess_set_remove_cb",
       proto("void", "SSL_CTX_sess_set_remove_cb", {{"SSL_CTX *", "ctx"}, {"void (*)(SSL_CTX *, SSL_SESSION *)", "remove_session_cb"}})}};
  Vocabulary v = vocabulary({proto("void", "SSL_CTX_flush_sessions", {{"SSL_CTX *", "ctx"}, {"long", "tm"}})});
  v.elsewhere = &all;
  const auto f = find_kind(in_paragraph(v, "When a session is found and removed, the remove_session_cb is however called to "
                                           "synchronize with the external cache."),
                           "callback-called");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_set_remove_cb");
  BOOST_TEST(f->params["event"] == "a session is found and removed");
  BOOST_TEST(f->params["during"] == "SSL_CTX_flush_sessions");
  // A callback no page declares: nothing to install.
  BOOST_TEST(!find_kind(in_paragraph(v, "When a session is removed, the evict_cb is called."), "callback-called"));
}

namespace {

const Vocabulary& getter_page() {
  static const Vocabulary v = vocabulary({
      proto("SSL_SESSION *", "SSL_get_session", {{"const SSL *", "ssl"}}),
      proto("SSL_SESSION *", "SSL_get1_session", {{"SSL *", "ssl"}}),
      proto("int", "SSL_set_session", {{"SSL *", "ssl"}, {"SSL_SESSION *", "session"}}),
  });
  return v;
}

std::size_t count_kind(const std::vector<Finding>& fs, const std::string& kind) {
  return static_cast<std::size_t>(std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.kind == kind; }));
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_session_returned_before_it_is_established) {
  const auto fs = in_paragraph(getter_page(), "Calling these functions on the client side in TLSv1.3 before the session has been "
                                              "established will still return an SSL_SESSION object but that object cannot be used "
                                              "for resuming the session.");
  // One claim per page function returning a session, none for the setter.
  BOOST_TEST(count_kind(fs, "session-before-established") == 2u);
  const auto f = find_kind(fs, "session-before-established");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["side"] == "client");
  BOOST_TEST(f->params["protocol"] == "TLSv1.3");
  BOOST_TEST(count_kind(fs, "returns-described") == 0u);
  // Named functions, another wording.
  const auto g = in_paragraph(getter_page(), "Called on the client side before a session is established, SSL_get1_session() returns a "
                                             "session object which can not be used to resume.");
  BOOST_TEST(count_kind(g, "session-before-established") == 0u);  // the calling clause must open the sentence
  const auto h = in_paragraph(getter_page(), "Calling SSL_get1_session() on the client side before the session is established returns "
                                             "a pointer that cannot be used for resumption.");
  BOOST_TEST(count_kind(h, "session-before-established") == 1u);
}

BOOST_AUTO_TEST_CASE(the_last_session_of_a_connection_on_each_side) {
  const std::string before = "Additionally, in TLSv1.3, a server can send multiple messages that establish a session for a single connection.";
  const std::string client = "In that case, on the client side, the above functions will only return information on the last session "
                             "that was received.";
  const auto fs = in_paragraph(getter_page(), client, before);
  BOOST_TEST(count_kind(fs, "returns-last-session") == 2u);
  const auto f = find_kind(fs, "returns-last-session");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["side"] == "client");
  BOOST_TEST(f->params["condition"] == before);
  BOOST_TEST(f->params["protocol"] == "TLSv1.3");  // from the case the sentence points back to
  const auto g = find_kind(in_paragraph(getter_page(), "On the server side they will only return information on the last session that "
                                                       "was sent, or if no session tickets were sent then the session for the current "
                                                       "connection.", client),
                           "returns-last-session");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->params["side"] == "server");
  BOOST_TEST(g->params["otherwise"] == "no tickets");
  BOOST_TEST(!g->params.contains("protocol"));
  // The side read from the verb when the page names none.
  const auto h = find_kind(in_paragraph(getter_page(), "SSL_get_session() returns the most recent session received."), "returns-last-session");
  BOOST_TEST_REQUIRE(h.has_value());
  BOOST_TEST(h->params["side"] == "client");
  BOOST_TEST(h->functions == std::vector<std::string>{"SSL_get_session"});
}

BOOST_AUTO_TEST_CASE(several_sessions_from_one_connection) {
  const Vocabulary v = vocabulary({proto("void", "SSL_CTX_sess_set_new_cb",
                                         {{"SSL_CTX *", "ctx"}, {"int (*)(SSL *, SSL_SESSION *)", "new_session_cb"}})});
  const auto f = find_kind(in_paragraph(v, "It is also possible in TLSv1.3 for multiple sessions to be established with a single "
                                           "connection."),
                           "sessions-per-connection");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_set_new_cb");
  BOOST_TEST(f->params["protocol"] == "TLSv1.3");
  const auto g = find_kind(in_paragraph(v, "A single connection can establish several sessions."), "sessions-per-connection");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(!g->params.contains("protocol"));
  BOOST_TEST(!find_kind(in_paragraph(v, "A single connection uses one session."), "sessions-per-connection"));
}
