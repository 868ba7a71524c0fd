// Predicate classes read from descriptions (issue 13, item 3): counts of
// events, getters of what a setter stored, setters that name what they set,
// synonyms written with a wildcard, a count's decrement stated across two
// sentences, and flags a call sets. Each in wordings other than those of
// the installed pages, and each with a sentence it must not read.
#include "fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace sslconf::claims;
using namespace sslconf::claims::test;
using nlohmann::json;

namespace {

const Vocabulary& statistics_page() {
  static const Vocabulary v = vocabulary({
      proto("long", "SSL_CTX_sess_number", {{"SSL_CTX *", "ctx"}}),
      proto("long", "SSL_CTX_sess_connect", {{"SSL_CTX *", "ctx"}}),
      proto("long", "SSL_CTX_sess_hits", {{"SSL_CTX *", "ctx"}}),
      proto("long", "SSL_CTX_sess_misses", {{"SSL_CTX *", "ctx"}}),
      proto("int", "BN_num_bits", {{"const BIGNUM *", "a"}}),
  });
  return v;
}

const Vocabulary& time_page() {
  static const Vocabulary v = vocabulary({
      proto("long", "SSL_SESSION_get_time", {{"const SSL_SESSION *", "s"}}),
      proto("long", "SSL_SESSION_set_time", {{"SSL_SESSION *", "s"}, {"long", "tm"}}),
      proto("long", "SSL_SESSION_get_timeout", {{"const SSL_SESSION *", "s"}}),
      proto("long", "SSL_SESSION_set_timeout", {{"SSL_SESSION *", "s"}, {"long", "tm"}}),
      proto("long", "SSL_get_time", {{"const SSL_SESSION *", "s"}}),
      proto("long", "SSL_set_time", {{"SSL_SESSION *", "s"}, {"long", "tm"}}),
      proto("X509 *", "SSL_SESSION_get0_peer", {{"SSL_SESSION *", "s"}}),
  });
  return v;
}

const Vocabulary& callback_page() {
  static const Vocabulary v = vocabulary({
      proto("void", "SSL_CTX_sess_set_remove_cb", {{"SSL_CTX *", "ctx"}, {"void (*)(SSL_CTX *, SSL_SESSION *)", "remove_session_cb"}}),
      proto("void (*)(SSL_CTX *, SSL_SESSION *)", "SSL_CTX_sess_get_remove_cb", {{"SSL_CTX *", "ctx"}}),
      proto("void", "SSL_CTX_sess_set_new_cb", {{"SSL_CTX *", "ctx"}, {"int (*)(SSL *, SSL_SESSION *)", "new_session_cb"}}),
      proto("int (*)(SSL *, SSL_SESSION *)", "SSL_CTX_sess_get_new_cb", {{"SSL_CTX *", "ctx"}}),
      proto("int", "SSL_SESSION_set1_id", {{"SSL_SESSION *", "s"}, {"const unsigned char *", "sid"}, {"unsigned int", "sid_len"}}),
      proto("const unsigned char *", "SSL_SESSION_get_id", {{"const SSL_SESSION *", "s"}, {"unsigned int *", "len"}}),
  });
  return v;
}

const Vocabulary& shutdown_page() {
  static const Vocabulary v = vocabulary({
      proto("int", "SSL_shutdown", {{"SSL *", "ssl"}}),
      proto("int", "SSL_read", {{"SSL *", "ssl"}, {"void *", "buf"}, {"int", "num"}}),
  });
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(predicate_classes)

BOOST_AUTO_TEST_CASE(a_count_of_events_names_the_event_and_the_mode) {
  const auto fs = recognise_in(statistics_page(), "SSL_CTX_sess_connect() returns the total number of handshakes initiated in client mode.");
  const auto f = find_kind(fs, "counts");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->checkable);
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_connect");
  BOOST_TEST(f->params.value("event", "") == "handshakes initiated");
  BOOST_TEST(f->params.value("mode", "") == "client");
  BOOST_TEST(!find_kind(fs, "returns-described").has_value());
  const auto hits = recognise_in(statistics_page(), "SSL_CTX_sess_hits() returns the number of sessions that were successfully reused.");
  BOOST_TEST_REQUIRE(find_kind(hits, "counts").has_value());
  BOOST_TEST(!find_kind(hits, "counts")->params.contains("mode"));
}

BOOST_AUTO_TEST_CASE(sizes_and_states_are_no_counts_of_events) {
  for (const char* s : {"BN_num_bits() returns the number of significant bits.",
                        "SSL_CTX_sess_number() returns the number of sessions currently held in the cache."})
    BOOST_TEST(!find_kind(recognise_in(statistics_page(), s), "counts").has_value(), s);
}

BOOST_AUTO_TEST_CASE(a_getter_of_what_its_setter_stored) {
  const auto fs = recognise_in(time_page(), "SSL_SESSION_get_timeout() returns the lifetime stored for the session s, in seconds.");
  const auto f = find_kind(fs, "returns-current");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params.value("setter", "") == "SSL_SESSION_set_timeout");
  // The object is found among the phrase's parameters ("version" is one too).
  const auto v = vocabulary({proto("int", "SSL_SESSION_get_protocol_version", {{"const SSL_SESSION *", "s"}}),
                             proto("int", "SSL_SESSION_set_protocol_version", {{"SSL_SESSION *", "s"}, {"int", "version"}})});
  BOOST_TEST(find_kind(recognise_in(v, "SSL_SESSION_get_protocol_version() returns the protocol version negotiated for s."), "returns-current").has_value());
  // A setter has no setter of its own: the same shape says nothing checkable.
  BOOST_TEST(!find_kind(recognise_in(time_page(), "SSL_SESSION_set_time() returns the time stored in s."), "returns-current").has_value());
}

BOOST_AUTO_TEST_CASE(getters_of_the_callbacks_their_setters_installed) {
  const auto fs = recognise_in(callback_page(), "SSL_CTX_sess_get_new_cb() and SSL_CTX_sess_get_remove_cb() return the callbacks installed with the matching set functions.");
  BOOST_TEST(std::count_if(fs.begin(), fs.end(), [](const Finding& f) { return f.kind == "returns-current"; }) == 2);
  BOOST_TEST(!find_kind(fs, "returns-described").has_value());
}

BOOST_AUTO_TEST_CASE(a_pointer_getter_or_null_under_a_condition) {
  const auto fs = recognise_in(time_page(), "SSL_SESSION_get0_peer() returns the certificate the peer presented for s, or NULL when the peer sent none.");
  const auto f = find_kind(fs, "returns-pointer-or-null");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params.value("condition", "") == "the peer sent none");
}

BOOST_AUTO_TEST_CASE(a_setter_naming_what_it_sets) {
  const auto fs = recognise_in(callback_page(), "SSL_CTX_sess_set_remove_cb() installs the callback function which is invoked whenever a session leaves the cache.");
  const auto f = find_kind(fs, "sets-value");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params.value("argument", "") == "remove_session_cb");
  BOOST_TEST(f->params.value("getter", "") == "SSL_CTX_sess_get_remove_cb");
  const auto copy = recognise_in(callback_page(), "SSL_SESSION_set1_id() makes a copy of the bytes in sid and associates it with s.");
  const auto c = find_kind(copy, "sets-value");
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(c->params.value("argument", "") == "sid");
  BOOST_TEST(c->params.value("getter", "") == "SSL_SESSION_get_id");
}

BOOST_AUTO_TEST_CASE(synonyms_written_with_a_wildcard) {
  const auto fs = recognise_in(time_page(), "SSL_get_time() and SSL_set_time() are aliases for the SSL_SESSION_*() functions.");
  std::vector<std::string> targets;
  for (const auto& f : fs)
    if (f.kind == "alias") targets.push_back(f.params.value("target", ""));
  BOOST_TEST(targets == (std::vector<std::string>{"SSL_SESSION_get_time", "SSL_SESSION_set_time"}), json(targets).dump());
  // "does the same as ... except" is no synonym.
  BOOST_TEST(!find_kind(recognise_in(time_page(), "SSL_get_time() does the same as the SSL_SESSION_*() functions except that it takes a lock."), "alias").has_value());
}

BOOST_AUTO_TEST_CASE(a_decrement_of_the_count_the_sentence_before_named) {
  const auto fs = recognise_in(session_page(), "Releasing the session (with SSL_SESSION_free()) lowers it.", "DESCRIPTION", "", "",
                               "SSL_SESSION objects are reference counted.");
  const auto f = find_kind(fs, "refcount-decrement");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_SESSION_free");
  BOOST_TEST(f->params.value("argument", "") == "session");
  // Without a count before it, "it" is not known to be one.
  const auto none = recognise_in(session_page(), "Releasing the session (with SSL_SESSION_free()) lowers it.", "DESCRIPTION", "", "",
                                 "Sessions hold the master key.");
  BOOST_TEST(!find_kind(none, "refcount-decrement").has_value());
}

BOOST_AUTO_TEST_CASE(a_flag_a_call_sets_with_its_condition) {
  const auto sent = recognise_in(shutdown_page(), "After SSL_shutdown() has sent the close_notify alert, the SSL_SENT_SHUTDOWN flag is set.");
  const auto f = find_kind(sent, "sets-flag");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_shutdown");
  BOOST_TEST(f->params.value("flag", "") == "SSL_SENT_SHUTDOWN");
  BOOST_TEST(f->params.value("condition", "") == "SSL_shutdown has sent the close_notify alert");
  const auto read = recognise_in(shutdown_page(), "SSL_read() sets the SSL_RECEIVED_SHUTDOWN flag once the peer's close_notify has been processed.");
  const auto r = find_kind(read, "sets-flag");
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->functions.front() == "SSL_read");
  BOOST_TEST(r->params.value("condition", "") == "once the peer's close_notify has been processed");
  // A flag tested in a condition is not set by the sentence.
  BOOST_TEST(!find_kind(recognise_in(shutdown_page(), "If the SSL_SENT_SHUTDOWN flag is set, SSL_shutdown() does nothing more."), "sets-flag").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(settings_classes)

const Vocabulary& connection_page() {
  static const Vocabulary v = vocabulary({
      proto("int", "SSL_clear", {{"SSL *", "ssl"}}),
      proto("SSL *", "SSL_new", {{"SSL_CTX *", "ctx"}}),
  });
  return v;
}

BOOST_AUTO_TEST_CASE(settings_a_call_keeps_are_listed) {
  const auto fs = recognise_in(connection_page(), "The settings (method, cipher list and BIOs) are preserved.", "DESCRIPTION", "SSL_clear");
  const auto f = find_kind(fs, "keeps-settings");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_clear");
  BOOST_TEST(f->params["settings"] == json({"method", "cipher list", "bios"}), f->params.dump());
}

BOOST_AUTO_TEST_CASE(settings_a_new_object_inherits_are_listed) {
  const auto fs = recognise_in(connection_page(), "The new connection inherits the settings of the parent context ctx: its method, options and verification mode.",
                               "DESCRIPTION", "SSL_new");
  const auto f = find_kind(fs, "inherits-settings");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["settings"] == json({"its method", "options", "verification mode"}), f->params.dump());
}

BOOST_AUTO_TEST_CASE(a_pointer_to_another_section_is_informative) {
  const auto fs = recognise_in(connection_page(), "These calls return the values described in the RETURN VALUES section below.", "RETURN VALUES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs.front().kind == "informative");
}

BOOST_AUTO_TEST_SUITE_END()
