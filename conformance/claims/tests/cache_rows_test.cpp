// The predicates about the session cache and its callbacks (cache_rows.cpp):
// each class read in wordings of its own, and left alone where a sentence
// only shares words with it.
#include "claims/tests/fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>

using namespace sslconf::claims;
using namespace sslconf::claims::test;

namespace {

// A page of callback setters: the callbacks are their function-pointer
// parameters.
const Vocabulary& callback_page() {
  static const Vocabulary v = vocabulary({
      proto("void", "SSL_CTX_sess_set_new_cb", {{"SSL_CTX *", "ctx"}, {"int (*)(SSL *, SSL_SESSION *)", "new_session_cb"}}),
      proto("void", "SSL_CTX_sess_set_remove_cb",
            {{"SSL_CTX *", "ctx"}, {"void (*)(SSL_CTX *, SSL_SESSION *)", "remove_session_cb"}}),
      proto("int (*)(SSL *, SSL_SESSION *)", "SSL_CTX_sess_get_new_cb", {{"SSL_CTX *", "ctx"}}),
      proto("void (*)(SSL_CTX *, SSL_SESSION *)", "SSL_CTX_sess_get_remove_cb", {{"SSL_CTX *", "ctx"}}),
  });
  return v;
}

const Vocabulary& mode_page() {
  static const Vocabulary v = vocabulary({
      proto("long", "SSL_CTX_set_session_cache_mode", {{"SSL_CTX *", "ctx"}, {"long", "mode"}}),
      proto("long", "SSL_CTX_get_session_cache_mode", {{"SSL_CTX *", "ctx"}}),
  });
  return v;
}

const Vocabulary& counter_page() {
  static const Vocabulary v = vocabulary({
      proto("long", "SSL_CTX_sess_hits", {{"SSL_CTX *", "ctx"}}),
      proto("long", "SSL_CTX_sess_misses", {{"SSL_CTX *", "ctx"}}),
  });
  return v;
}

const Vocabulary& time_limits_page() {
  static const Vocabulary v = vocabulary({
      proto("long", "SSL_CTX_sess_set_cache_size", {{"SSL_CTX *", "ctx"}, {"long", "t"}}),
      proto("long", "SSL_CTX_sess_get_cache_size", {{"SSL_CTX *", "ctx"}}),
  });
  return v;
}

std::vector<Finding> in_block(const Vocabulary& v, const std::string& sentence, const std::string& callback,
                              const std::string& previous = "", const std::string& label = "",
                              const std::string& carried = "") {
  return recognise(sentence, SentenceContext{&v, "DESCRIPTION", label, carried, previous, callback, ""});
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_callback_called_on_an_event) {
  const auto& v = callback_page();
  const auto f = find_kind(recognise_in(v, "The remove_session_cb() is invoked each time a session leaves the cache."),
                           "callback-called");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_set_remove_cb");
  BOOST_TEST(f->params["event"] == "a session leaves the cache");
  // The parameter written bare, with a pointer to another page dropped.
  const auto g = find_kind(recognise_in(v, "The new_session_cb is run when a handshake has created a session (see SSL_new(3))."),
                           "callback-called");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->functions.front() == "SSL_CTX_sess_set_new_cb");
  BOOST_TEST(g->params["event"] == "a handshake has created a session");
}

BOOST_AUTO_TEST_CASE(a_callback_called_only_on_one_side_or_even_when) {
  const auto& v = callback_page();
  const auto only = find_kind(recognise_in(v, "The new_session_cb() is only invoked by clients."), "callback-called");
  BOOST_TEST_REQUIRE(only.has_value());
  BOOST_TEST(only->params["only"] == "client");
  const auto even = find_kind(recognise_in(v, "The remove_session_cb() is always run, even if the cache is off."), "callback-called");
  BOOST_TEST_REQUIRE(even.has_value());
  BOOST_TEST(even->params["even"] == "the cache is off");
  BOOST_TEST(!even->params.contains("event"));
  // "In these cases": the situation the sentence before described.
  const auto many = find_kind(in_block(v, "In such cases the new_session_cb() will be called several times.", "new_session_cb",
                                       "A client can receive two tickets over TLS 1.3."),
                              "callback-called");
  BOOST_TEST_REQUIRE(many.has_value());
  BOOST_TEST(many->params["times"] == "multiple");
  BOOST_TEST(many->params["event"] == "A client can receive two tickets over TLS 1.3.");
}

BOOST_AUTO_TEST_CASE(a_callback_called_needs_a_callback_and_a_circumstance) {
  const auto& v = callback_page();
  // A function that is no callback parameter; a call with nothing said of when.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_free() is called whenever a connection ends."), "callback-called"));
  BOOST_TEST(!find_kind(recognise_in(v, "The new_session_cb() is called with the connection's lock held."), "callback-called"));
}

BOOST_AUTO_TEST_CASE(it_also_happens_continues_the_callbacks_sentence) {
  const auto& v = callback_page();
  const auto f = find_kind(in_block(v, "It also occurs for every session in the cache when SSL_free() is called.", "remove_session_cb",
                                    "This happens when a session times out."),
                           "callback-called");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_set_remove_cb");
  BOOST_TEST(f->params["event"] == "SSL_free is called");
  BOOST_TEST(f->params["each"] == true);
  // No callback named before in the block, or a sentence before that spoke
  // of no call: not read.
  BOOST_TEST(!find_kind(in_block(v, "This happens when a session times out.", "", "The remove_session_cb() is called whenever ..."),
                        "callback-called"));
  BOOST_TEST(!find_kind(in_block(v, "This happens when a session times out.", "remove_session_cb", "Sessions live in a list."),
                        "callback-called"));
}

BOOST_AUTO_TEST_CASE(what_a_callback_is_passed) {
  const auto& v = callback_page();
  const auto f = find_kind(recognise_in(v, "The remove_session_cb() is given the context and the session removed."), "callback-passed");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_set_remove_cb");
  BOOST_TEST(f->params["arguments"].size() == 2);
  BOOST_TEST(f->params["arguments"][1] == "the session removed");
  // "The callback receives ...": the callback of the carried setter.
  const auto g = find_kind(in_block(v, "The callback receives the connection and the new session.", "", "", "", "SSL_CTX_sess_set_new_cb"),
                           "callback-passed");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->functions.front() == "SSL_CTX_sess_set_new_cb");
  // Passed to something else; a conditional sentence.
  BOOST_TEST(!find_kind(recognise_in(v, "The session is passed to the new_session_cb()."), "callback-passed"));
  BOOST_TEST(!find_kind(recognise_in(v, "If the new_session_cb() is given a NULL session, it is not called."), "callback-passed"));
}

BOOST_AUTO_TEST_CASE(what_a_callbacks_return_value_does_to_the_cache) {
  const auto& v = callback_page();
  const auto removed = in_block(v, "When the callback returns 0, the session is dropped from the cache and its reference count is released.",
                                "new_session_cb");
  const auto r = find_kind(removed, "callback-return-removes");
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->functions.front() == "SSL_CTX_sess_set_new_cb");
  BOOST_TEST(r->params["removed"] == true);
  BOOST_TEST(r->params["returns"] == 0);
  const auto ref = find_kind(removed, "callback-reference");
  BOOST_TEST_REQUIRE(ref.has_value());
  BOOST_TEST(ref->params["holder"] == "library");
  const auto kept = find_kind(in_block(v, "If the new_session_cb() returns 1, the session stays in the internal cache.", ""),
                              "callback-return-removes");
  BOOST_TEST_REQUIRE(kept.has_value());
  BOOST_TEST(kept->params["removed"] == false);
  // An aside quoting another page is no effect.
  const auto aside = find_kind(in_block(v, "If the callback returns 0, the session stays in the cache (another page says it is removed "
                                           "from the cache).", "new_session_cb"),
                               "callback-return-removes");
  BOOST_TEST_REQUIRE(aside.has_value());
  BOOST_TEST(aside->params["removed"] == false);
  // No callback to speak of, or a return value that says nothing of the cache.
  BOOST_TEST(!find_kind(in_block(v, "If the callback returns 0, the session is dropped from the cache.", ""), "callback-return-removes"));
  BOOST_TEST(!find_kind(in_block(v, "If the callback returns 0, an error is logged.", "new_session_cb"), "callback-return-removes"));
}

BOOST_AUTO_TEST_CASE(getters_returning_their_callbacks_respectively) {
  const auto fs = recognise_in(callback_page(), "SSL_CTX_sess_get_new_cb() and SSL_CTX_sess_get_remove_cb() give the corresponding "
                                                "callbacks respectively.", "RETURN VALUES");
  BOOST_TEST(std::count_if(fs.begin(), fs.end(), [](const Finding& f) { return f.kind == "returns-current"; }) == 2);
  BOOST_TEST(!find_kind(recognise_in(callback_page(), "SSL_CTX_sess_get_new_cb() returns a callback.", "RETURN VALUES"),
                        "returns-current"));
}

BOOST_AUTO_TEST_CASE(a_flag_made_of_two_others) {
  const auto& v = mode_page();
  const auto f = find_kind(recognise_in(v, "Sets both SSL_SESS_CACHE_NO_INTERNAL_LOOKUP and SSL_SESS_CACHE_NO_INTERNAL_STORE.",
                                        "DESCRIPTION", "", "SSL_SESS_CACHE_NO_INTERNAL"),
                           "flag-combines");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["flag"] == "SSL_SESS_CACHE_NO_INTERNAL");
  BOOST_TEST(f->params["of"][1] == "SSL_SESS_CACHE_NO_INTERNAL_STORE");
  const auto g = find_kind(recognise_in(v, "SSL_SESS_CACHE_BOTH is the same as SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER."),
                           "flag-combines");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->params["flag"] == "SSL_SESS_CACHE_BOTH");
  // Outside a flag's item "both X and Y" names no flag made of them.
  BOOST_TEST(!find_kind(recognise_in(v, "Sets both SSL_SESS_CACHE_CLIENT and SSL_SESS_CACHE_SERVER."), "flag-combines"));
}

BOOST_AUTO_TEST_CASE(a_flag_off_by_default) {
  const auto& v = mode_page();
  const auto f = find_kind(recognise_in(v, "This flag is off by default.", "DESCRIPTION", "", "SSL_SESS_CACHE_NO_AUTO_CLEAR"),
                           "default-excludes");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["flag"] == "SSL_SESS_CACHE_NO_AUTO_CLEAR");
  BOOST_TEST(find_kind(recognise_in(v, "SSL_SESS_CACHE_CLIENT is not enabled by default."), "default-excludes").has_value());
  // On by default, or no flag to speak of.
  BOOST_TEST(!find_kind(recognise_in(v, "This flag is set by default.", "DESCRIPTION", "", "SSL_SESS_CACHE_SERVER"), "default-excludes"));
  BOOST_TEST(!find_kind(recognise_in(v, "This option is not activated by default."), "default-excludes"));
}

BOOST_AUTO_TEST_CASE(an_event_counted_as_what_a_counter_counts) {
  const auto& v = counter_page();
  const auto f = find_kind(recognise_in(v, "In server mode a proposed session that is not in the cache is counted as a miss."), "counts");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_misses");
  BOOST_TEST(f->params["mode"] == "server");
  BOOST_TEST(f->params["event"] == "a proposed session that is not in the cache");
  // A noun no counter of the page counts.
  BOOST_TEST(!find_kind(recognise_in(v, "A renegotiation is counted as a new handshake."), "counts"));
}

BOOST_AUTO_TEST_CASE(events_left_out_of_a_count) {
  const auto& v = counter_page();
  const auto f = find_kind(in_block(v, "Such sessions are not counted in the SSL_CTX_sess_hits() total.", "",
                                    "SSL_CTX_sess_misses() returns the number of sessions that expired in client mode."),
                           "counts");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_sess_hits");
  BOOST_TEST(f->params["excluded"] == true);
  BOOST_TEST(f->params["mode"] == "client");
  // No "number of" before: nothing to leave out.
  BOOST_TEST(!find_kind(in_block(v, "These sessions are not included in the SSL_CTX_sess_hits() count.", "", "Sessions expire."),
                        "counts"));
}

BOOST_AUTO_TEST_CASE(values_set_when_a_session_is_created) {
  const auto& v = mode_page();
  const auto f = find_kind(recognise_in(v, "They are initialised on creation to the current time and the timeout of the SSL_CTX_set_session_cache_mode() "
                                           "context.", "DESCRIPTION", "SSL_CTX_set_session_cache_mode"),
                           "session-starts-with");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["fields"].size() == 2);
  BOOST_TEST(f->params["origin"] == "handshake");
  BOOST_TEST(!find_kind(recognise_in(v, "They are set later.", "DESCRIPTION", "SSL_CTX_set_session_cache_mode"), "session-starts-with"));
}

BOOST_AUTO_TEST_CASE(a_different_object_for_a_cached_session_replaces_it) {
  const auto& v = add_session_page();
  BOOST_TEST(find_kind(recognise_in(v, "When a different session object carries a cached ID, the existing one is replaced.",
                                    "DESCRIPTION", "SSL_CTX_add_session"),
                       "cache-replaces-same-id")
                 .has_value());
  BOOST_TEST(!find_kind(recognise_in(v, "A different session object is kept apart.", "DESCRIPTION", "SSL_CTX_add_session"),
                        "cache-replaces-same-id"));
}

BOOST_AUTO_TEST_CASE(a_mode_that_keeps_sessions_out_of_the_cache) {
  const auto& v = mode_page();
  const auto f = find_kind(recognise_in(v, "This modifier prevents new sessions from being added to the session cache.", "DESCRIPTION",
                                        "", "SSL_SESS_CACHE_NO_INTERNAL_STORE"),
                           "cache-by-mode");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["mode"][0] == "SSL_SESS_CACHE_NO_INTERNAL_STORE");
  BOOST_TEST(find_kind(recognise_in(v, "With SSL_SESS_CACHE_NO_INTERNAL_STORE the internal cache is not filled by handshakes."),
                       "cache-by-mode")
                 .has_value());
  // No mode flag to speak of.
  BOOST_TEST(!find_kind(recognise_in(v, "A full cache will not be populated further."), "cache-by-mode"));
}

BOOST_AUTO_TEST_CASE(where_a_server_looks_for_a_proposed_session) {
  const auto& v = mode_page();
  const auto inside = find_kind(recognise_in(v, "The server searches its internal cache for the session the client offers."), "cache-lookup");
  BOOST_TEST_REQUIRE(inside.has_value());
  BOOST_TEST(inside->params["looks"] == "internal");
  BOOST_TEST(!inside->params.contains("negated"));
  const auto outside = find_kind(recognise_in(v, "With SSL_SESS_CACHE_NO_INTERNAL_LOOKUP set, every lookup is directed to the external cache."),
                                 "cache-lookup");
  BOOST_TEST_REQUIRE(outside.has_value());
  BOOST_TEST(outside->params["looks"] == "external");
  BOOST_TEST(outside->params["mode"] == "SSL_SESS_CACHE_NO_INTERNAL_LOOKUP");
  const auto never = find_kind(recognise_in(v, "Servers then never look in the internal cache.", "DESCRIPTION", "",
                                            "SSL_SESS_CACHE_NO_INTERNAL_LOOKUP"),
                               "cache-lookup");
  BOOST_TEST_REQUIRE(never.has_value());
  BOOST_TEST(never->params["negated"] == true);
  const auto order = find_kind(recognise_in(v, "The server looks in the internal cache first, and second in the external cache."),
                               "cache-lookup");
  BOOST_TEST_REQUIRE(order.has_value());
  BOOST_TEST(order->params["then"] == "external");
  // A lookup verb with no cache, a cache with no lookup.
  BOOST_TEST(!find_kind(recognise_in(v, "The server looks up the certificate."), "cache-lookup"));
  BOOST_TEST(!find_kind(recognise_in(v, "Sessions stay in the internal cache."), "cache-lookup"));
}

BOOST_AUTO_TEST_CASE(a_value_that_sets_no_bound) {
  const auto& v = time_limits_page();
  const auto f = find_kind(recognise_in(v, "A timeout of 0 stands for no upper bound.", "DESCRIPTION", "SSL_CTX_sess_set_cache_size"),
                           "unlimited-value");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["value"] == 0);
  BOOST_TEST(f->params["quantity"] == "timeout");
  // A bound that is a limit, and a subject that sets nothing.
  BOOST_TEST(!find_kind(recognise_in(v, "A size of 10 is the limit.", "DESCRIPTION", "SSL_CTX_sess_set_cache_size"), "unlimited-value"));
  BOOST_TEST(!find_kind(recognise_in(v, "A size of 0 means no limit.", "DESCRIPTION", "SSL_CTX_sess_get_cache_size"), "unlimited-value"));
}

BOOST_AUTO_TEST_CASE(a_full_cache_drops_sessions) {
  const auto& v = time_limits_page();
  BOOST_TEST(find_kind(recognise_in(v, "When the cache is full, the least recently used sessions are evicted.", "DESCRIPTION",
                                    "SSL_CTX_sess_set_cache_size"),
                       "cache-evicts")
                 .has_value());
  BOOST_TEST(!find_kind(recognise_in(v, "When the cache is full, nothing is evicted.", "DESCRIPTION", "SSL_CTX_sess_set_cache_size"),
                        "cache-evicts"));
}

BOOST_AUTO_TEST_CASE(a_callbacks_flag_and_the_reference_count) {
  const auto& v = callback_page();
  const auto fs = in_block(v, "Setting the flag keep to 1 makes the library increment the session's reference count, and setting keep "
                              "to 0 leaves the count unchanged.", "new_session_cb");
  BOOST_TEST(std::count_if(fs.begin(), fs.end(), [](const Finding& f) { return f.kind == "callback-copy"; }) == 1);
  const auto f = find_kind(fs, "callback-copy");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["value"] == 1);
  BOOST_TEST(f->params["references"] == "incremented");
  const auto both = in_block(v, "Setting keep to 1 has the count incremented; setting keep to 0 has it remain unchanged.", "new_session_cb");
  BOOST_TEST(std::count_if(both.begin(), both.end(), [](const Finding& f) { return f.kind == "callback-copy"; }) == 2);
  // No callback in the block: nothing to set the flag of.
  BOOST_TEST(!find_kind(in_block(v, "Setting keep to 1 has the count incremented.", ""), "callback-copy"));
}

BOOST_AUTO_TEST_CASE(a_time_in_seconds_since_the_epoch) {
  const auto& v = time_limits_page();
  BOOST_TEST(find_kind(recognise_in(v, "The value is expressed in seconds since the Unix epoch, like time(3).", "DESCRIPTION",
                                    "SSL_CTX_sess_get_cache_size"),
                       "epoch-seconds")
                 .has_value());
  BOOST_TEST(!find_kind(recognise_in(v, "The value is expressed in milliseconds.", "DESCRIPTION", "SSL_CTX_sess_get_cache_size"),
                        "epoch-seconds"));
}
