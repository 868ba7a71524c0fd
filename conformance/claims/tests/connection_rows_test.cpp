// Statements about a live connection and the objects around it: each class
// read in the installed manual's wording and in others, and left alone
// where a sentence only shares words with it.
#include "claims/tests/fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>

using namespace sslconf::claims;
using namespace sslconf::claims::test;

namespace {

const Vocabulary& shutdown_page() {
  static const Vocabulary v = vocabulary({proto("int", "SSL_shutdown", {{"SSL *", "ssl"}})});
  return v;
}

const Vocabulary& new_page() {
  static const Vocabulary v = vocabulary({proto("SSL *", "SSL_dup", {{"SSL *", "s"}}), proto("SSL *", "SSL_new", {{"SSL_CTX *", "ctx"}}),
                                          proto("int", "SSL_up_ref", {{"SSL *", "s"}})});
  return v;
}

const Vocabulary& random_page() {
  static const Vocabulary v = vocabulary({
      proto("size_t", "SSL_get_client_random", {{"const SSL *", "ssl"}, {"unsigned char *", "out"}, {"size_t", "outlen"}}),
      proto("size_t", "SSL_get_server_random", {{"const SSL *", "ssl"}, {"unsigned char *", "out"}, {"size_t", "outlen"}}),
  });
  return v;
}

const Vocabulary& sid_ctx_page() {
  static const Vocabulary v = vocabulary({
      proto("int", "SSL_CTX_set_session_id_context", {{"SSL_CTX *", "ctx"}, {"const unsigned char *", "sid_ctx"}, {"unsigned int", "sid_ctx_len"}}),
      proto("int", "SSL_set_session_id_context", {{"SSL *", "ssl"}, {"const unsigned char *", "sid_ctx"}, {"unsigned int", "sid_ctx_len"}}),
  });
  return v;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_call_closing_one_direction_in_several_wordings) {
  const auto& v = shutdown_page();
  const auto a = find_kind(recognise_in(v, "SSL_shutdown() only closes the write direction."), "closes-direction");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_shutdown");
  BOOST_TEST(a->params["direction"] == "write");
  BOOST_TEST(a->params["by"] == "caller");
  BOOST_TEST(a->params["only"] == true);
  const auto b = find_kind(recognise_in(v, "It shuts down the sending side.", "DESCRIPTION", "SSL_shutdown"), "closes-direction");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["direction"] == "write");
  BOOST_TEST(b->params["only"] == false);
  const auto c = find_kind(recognise_in(v, "The read direction is closed by the peer.", "DESCRIPTION", "SSL_shutdown"),
                           "closes-direction");
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(c->functions.front() == "SSL_shutdown");
  BOOST_TEST(c->params["direction"] == "read");
  BOOST_TEST(c->params["by"] == "peer");
  // A direction that may be closed, or one closed under a condition the
  // sentence keeps in its middle, is not this statement.
  BOOST_TEST(!find_kind(recognise_in(v, "The read direction can be closed by the peer.", "DESCRIPTION", "SSL_shutdown"),
                        "closes-direction"));
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_shutdown() closes the write direction when the alert was sent."), "closes-direction"));
}

BOOST_AUTO_TEST_CASE(a_call_refused_after_another) {
  const auto& v = shutdown_page();
  const auto a = find_kind(recognise_in(v, "It is not possible to call SSL_write() after calling SSL_shutdown()."), "refuses-after");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_shutdown");
  BOOST_TEST(a->params["call"] == "SSL_write");
  const auto b = find_kind(recognise_in(v, "SSL_write() cannot be called after SSL_shutdown()."), "refuses-after");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["call"] == "SSL_write");
  BOOST_TEST(!find_kind(recognise_in(v, "It is possible to call SSL_read() after calling SSL_shutdown()."), "refuses-after"));
}

BOOST_AUTO_TEST_CASE(an_alert_sent_and_what_the_peer_may_do_after_it) {
  const auto& v = shutdown_page();
  const auto a = find_kind(recognise_in(v, "It sends the close_notify shutdown alert to the peer.", "DESCRIPTION", "SSL_shutdown"),
                           "sends-alert");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_shutdown");
  BOOST_TEST(a->params["alert"] == "close_notify");
  BOOST_TEST(!a->params.contains("condition"));
  const auto b = find_kind(recognise_in(v, "When the application closes first, SSL_shutdown() will send the close_notify alert."),
                           "sends-alert");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["condition"] == "the application closes first");
  const auto e = find_kind(recognise_in(v, "When the application is the first party to send the close_notify alert, SSL_shutdown() "
                                           "will only send the close_notify alert and then set the SSL_SENT_SHUTDOWN flag."),
                           "sends-alert");
  BOOST_TEST_REQUIRE(e.has_value());
  BOOST_TEST(e->params["alert"] == "close_notify");
  BOOST_TEST(e->params["condition"] == "the application is the first party to send the close_notify alert");
  const auto f = find_kind(recognise_in(v, "When the application is the first party to send the close_notify alert, SSL_shutdown() "
                                           "will only send the alert and then set the SSL_SENT_SHUTDOWN flag."),
                           "sends-alert");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["alert"] == "close_notify");  // "the alert": the one named before
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_shutdown() will only send the alert.", "DESCRIPTION", "SSL_shutdown"), "sends-alert"));
  // An attempt states no outcome.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_shutdown() tries to send the close_notify shutdown alert to the peer."), "sends-alert"));
  const auto c = find_kind(
      recognise_in(v, "The peer is still allowed to send data after receiving the close_notify event.", "DESCRIPTION", "SSL_shutdown"),
      "peer-may-send");
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(c->functions.front() == "SSL_shutdown");
  BOOST_TEST(c->params["after"] == "close_notify");
  BOOST_TEST(find_kind(recognise_in(v, "The peer is still allowed to send data after receiving the close_notify event."), "peer-may-send")
                 .has_value());  // the page's one function
  const auto d = find_kind(
      recognise_in(v, "The other side remains free to write after it received the close_notify alert.", "DESCRIPTION", "SSL_shutdown"),
      "peer-may-send");
  BOOST_TEST_REQUIRE(d.has_value());
  BOOST_TEST(!find_kind(recognise_in(v, "The peer is not allowed to send data after receiving the close_notify alert.", "DESCRIPTION",
                                     "SSL_shutdown"),
                        "peer-may-send"));
}

BOOST_AUTO_TEST_CASE(an_object_type_that_is_reference_counted) {
  const auto& v = new_page();
  const auto a = find_kind(recognise_in(v, "An SSL structure is reference counted."), "reference-counted");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_up_ref");
  BOOST_TEST(a->params["object"] == "SSL");
  BOOST_TEST(find_kind(recognise_in(v, "SSL objects are reference-counted."), "reference-counted").has_value());
  // A type with no up-ref function the pages know: nothing to call.
  BOOST_TEST(!find_kind(recognise_in(v, "An SSL_CIPHER object is reference counted."), "reference-counted"));
  BOOST_TEST(!find_kind(recognise_in(v, "An SSL structure is not reference counted."), "reference-counted"));
}

BOOST_AUTO_TEST_CASE(a_new_object_from_the_same_parent) {
  const auto& v = new_page();
  const auto a = find_kind(recognise_in(v, "The function SSL_dup() creates and returns a new SSL structure from the same SSL_CTX "
                                           "that was used to create s."),
                           "same-parent");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_dup");
  BOOST_TEST(a->params["parent"] == "SSL_CTX");
  BOOST_TEST(a->params["object"] == "SSL");
  BOOST_TEST(a->params["argument"] == "s");
  BOOST_TEST(find_kind(recognise_in(v, "SSL_dup() makes a new SSL object with the same SSL_CTX as s."), "same-parent").has_value());
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_dup() creates a new SSL structure from a new SSL_CTX."), "same-parent"));
}

BOOST_AUTO_TEST_CASE(a_value_both_ends_of_a_handshake_see) {
  const auto& v = random_page();
  const auto a = find_kind(recognise_in(v, "SSL_get_client_random() extracts the random value sent from the client to the server "
                                           "during the initial SSL/TLS handshake."),
                           "same-on-both-ends");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_get_client_random");
  BOOST_TEST(a->params["value"] == "random value");
  BOOST_TEST(a->params["from"] == "client");
  const auto b = find_kind(recognise_in(v, "SSL_get_server_random() behaves the same, but extracts the random value sent from the "
                                           "server to the client during the initial SSL/TLS handshake."),
                           "same-on-both-ends");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->functions.front() == "SSL_get_server_random");
  BOOST_TEST(b->params["from"] == "server");
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_get_client_random() extracts the random value generated by the client."),
                        "same-on-both-ends"));
}

BOOST_AUTO_TEST_CASE(an_object_kept_and_a_count_dropped_under_a_condition) {
  static const Vocabulary clear = vocabulary({proto("int", "SSL_clear", {{"SSL *", "ssl"}})});
  const auto a = find_kind(recognise_in(clear, "If a session was closed cleanly, the session object will be kept and all settings "
                                               "corresponding.",
                                        "DESCRIPTION", "SSL_clear"),
                           "keeps-settings");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->params["settings"][0] == "session object");
  BOOST_TEST(a->params["condition"] == "a session was closed cleanly");
  // Opening a paragraph of a one-function page: about that function.
  const auto page = find_kind(recognise_in(clear, "When the connection was shut down cleanly, the session is kept."), "keeps-settings");
  BOOST_TEST_REQUIRE(page.has_value());
  BOOST_TEST(page->functions.front() == "SSL_clear");
  BOOST_TEST(page->params["settings"][0] == "session object");
  // No condition: not this reading.
  BOOST_TEST(!find_kind(recognise_in(clear, "The session object will be kept.", "DESCRIPTION", "SSL_clear"), "keeps-settings"));
  static const Vocabulary set = vocabulary({proto("int", "SSL_set_session", {{"SSL *", "ssl"}, {"SSL_SESSION *", "session"}})});
  const auto b = find_kind(recognise_in(set, "If the session is not reused, the reference count is decremented again during "
                                             "SSL_connect().",
                                        "DESCRIPTION", "SSL_set_session"),
                           "refcount-decrement");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->functions.front() == "SSL_set_session");
  BOOST_TEST(b->params["condition"] == "the session is not reused");
  BOOST_TEST(b->params["during"] == "SSL_connect");
}

BOOST_AUTO_TEST_CASE(a_session_offered_that_gives_a_full_handshake) {
  static const Vocabulary v = vocabulary({proto("int", "SSL_SESSION_is_resumable", {{"const SSL_SESSION *", "s"}})});
  const auto a = find_kind(recognise_in(v, "Note that attempting to resume with a non-resumable session will result in a full "
                                           "handshake.",
                                        "DESCRIPTION", "SSL_SESSION_is_resumable"),
                           "full-handshake");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->params["condition"] == "a non-resumable session");
  const auto b = find_kind(recognise_in(v, "Resuming an expired session leads to a full handshake.", "DESCRIPTION",
                                        "SSL_SESSION_is_resumable"),
                           "full-handshake");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["condition"] == "an expired session");
  BOOST_TEST(!find_kind(recognise_in(v, "A full handshake is slower.", "DESCRIPTION", "SSL_SESSION_is_resumable"), "full-handshake"));
}

BOOST_AUTO_TEST_CASE(a_value_part_of_an_object_and_one_held_per_object) {
  const auto& v = sid_ctx_page();
  const auto a = find_kind(recognise_in(v, "The session id context becomes part of the session."), "part-of");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_CTX_set_session_id_context");
  BOOST_TEST(a->params["whole"] == "session");
  BOOST_TEST(!find_kind(recognise_in(v, "The session timeout becomes part of the session."), "part-of"));  // no setter of it
  const auto b = find_kind(recognise_in(v, "The sessions can be held in memory for each ctx, if more than one SSL_CTX object is being "
                                           "maintained, the sessions are unique for each SSL_CTX object."),
                           "per-object");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["quantity"] == "sessions");
  BOOST_TEST(b->params["object"] == "SSL_CTX");
  const auto c = find_kind(recognise_in(v, "Each SSL_CTX keeps its own sessions."), "per-object");
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(c->params["quantity"] == "sessions");
}

BOOST_AUTO_TEST_CASE(a_paragraph_continuing_a_return_values_item_states_its_value_again) {
  const auto& v = shutdown_page();
  auto in_item = [&v](const std::string& sentence, const std::string& label) {
    return recognise(sentence, SentenceContext{&v, "RETURN VALUES", "", "", "", "", label});
  };
  const auto a = find_kind(in_item("It can also occur when not all data was read using SSL_read().", "<0"), "returns-enumerated");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_shutdown");
  BOOST_TEST(a->params["value"] == "negative");
  BOOST_TEST(a->params["condition"] == "not all data was read using SSL_read");
  const auto b = find_kind(in_item("This value is also returned if the peer closed first.", "1"), "returns-enumerated");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["value"] == 1);
  // Outside an item's continuation the sentence names no value.
  BOOST_TEST(!find_kind(in_item("It can also occur when not all data was read using SSL_read().", ""), "returns-enumerated"));
  BOOST_TEST(!find_kind(in_item("SSL_get_error() should not be called.", "0"), "returns-enumerated"));
}
