// The predicates about a session's state (issue 15): each row reads its
// predicate class in more than one wording, and leaves alone sentences that
// only share a word with it.
#include "claims/tests/fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>

using namespace sslconf::claims;
using namespace sslconf::claims::test;

namespace {

const Vocabulary& time_page() {
  static const Vocabulary v = vocabulary({
      proto("long", "SSL_SESSION_get_time", {{"const SSL_SESSION *", "s"}}),
      proto("long", "SSL_SESSION_set_time", {{"SSL_SESSION *", "s"}, {"long", "tm"}}),
      proto("long", "SSL_SESSION_set_timeout", {{"SSL_SESSION *", "s"}, {"long", "tm"}}),
      proto("long", "SSL_CTX_sess_set_cache_size", {{"SSL_CTX *", "ctx"}, {"long", "t"}}),
  });
  return v;
}

// A copy: the findings are often a temporary of the same expression.
std::vector<std::string> requirements(const std::string& sentence) {
  const auto fs = recognise_in(add_session_page(), sentence);
  const auto f = find_kind(fs, "resumption-requires");
  return f ? f->params["requires"].get<std::vector<std::string>>() : std::vector<std::string>{};
}

}  // namespace

BOOST_AUTO_TEST_CASE(resumption_conditions_in_several_wordings) {
  using V = std::vector<std::string>;
  BOOST_TEST(requirements("A server does not resume an expired session.") == V{"not-expired"});
  BOOST_TEST(requirements("Expired sessions are never reused by the server.") == V{"not-expired"});
  BOOST_TEST(requirements("The server resumes a session only if its session ID context matches its own.") == V{"same-sid-ctx"});
  BOOST_TEST(requirements("If the session ID contexts differ, the session will not be reused.") == V{"same-sid-ctx"});
  BOOST_TEST((requirements("If the server finds the offered session in its cache and it has not expired, it resumes it.") ==
              V{"in-cache", "not-expired"}));
  BOOST_TEST(requirements("A session that is not resumable is offered, but the connection then does a full handshake "
                          "instead of resuming.") == V{"resumable"});
  // Resumption named with no condition on it, a condition on something else.
  BOOST_TEST(requirements("SSL_session_reused() returns 1 if a session was reused.").empty());
  BOOST_TEST(requirements("Expired sessions are removed by SSL_CTX_flush_sessions().").empty());
  BOOST_TEST(requirements("The application checks whether the session was resumed once it has expired.").empty());
  // "session-resume operations": a noun, not the predicate.
  BOOST_TEST(requirements("With this flag session-resume operations will not look up sessions in the internal cache, even if "
                          "sessions are stored there.")
                 .empty());
}

BOOST_AUTO_TEST_CASE(marking_a_session_not_resumable) {
  const auto fs = recognise_in(add_session_page(), "SSL_CTX_remove_session() marks c as not resumable.");
  const auto f = find_kind(fs, "marks-not-resumable");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_CTX_remove_session");
  BOOST_TEST(f->params["argument"] == "c");
  BOOST_TEST(!f->params.contains("cases"));
  const auto both = find_kind(
      recognise_in(add_session_page(), "In either case SSL_CTX_remove_session() marks the session it removes as non-resumable."),
      "marks-not-resumable");
  BOOST_TEST_REQUIRE(both.has_value());
  BOOST_TEST(both->params["argument"] == "c");
  BOOST_TEST(both->params["cases"] == "both");
  BOOST_TEST(!find_kind(recognise_in(add_session_page(), "SSL_CTX_remove_session() marks the end of the list."),
                        "marks-not-resumable"));
}

BOOST_AUTO_TEST_CASE(a_cursor_advanced_past_what_was_used) {
  const auto& v = encoding_page();
  const auto d = find_kind(recognise_in(v, "On success *pp is advanced past the bytes used.", "DESCRIPTION", "d2i_SSL_SESSION"),
                               "advances-pointer");
  BOOST_TEST_REQUIRE(d.has_value());
  BOOST_TEST(d->functions.front() == "d2i_SSL_SESSION");
  BOOST_TEST(d->params["argument"] == "pp");
  BOOST_TEST(d->params["when"] == "success");
  const auto i = find_kind(recognise_in(v, "i2d_SSL_SESSION() writes the encoding at *pp, and *pp is then moved forward by "
                                               "the number of bytes written."),
                               "advances-pointer");
  BOOST_TEST_REQUIRE(i.has_value());
  BOOST_TEST(i->functions.front() == "i2d_SSL_SESSION");
  // A count is no cursor, nor is a word that names no parameter.
  BOOST_TEST(!find_kind(recognise_in(add_session_page(), "The reference count for session c is incremented by 1."), "advances-pointer"));
  BOOST_TEST(!find_kind(recognise_in(add_session_page(), "Then c is advanced by 1.", "DESCRIPTION", "SSL_CTX_add_session"),
                        "advances-pointer"));
  BOOST_TEST(!find_kind(recognise_in(v, "The clock is advanced past the expiry time."), "advances-pointer"));
}

BOOST_AUTO_TEST_CASE(what_the_encoding_keeps) {
  const auto fs = recognise_in(encoding_page(), "The DER encoding preserves these fields: the session ID, the master key and the timeout.");
  const auto f = find_kind(fs, "encoding-keeps");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "i2d_SSL_SESSION");
  BOOST_TEST(f->params["fields"].size() == 3u);
  BOOST_TEST(f->params["fields"][2] == "the timeout");
}

BOOST_AUTO_TEST_CASE(what_a_new_session_starts_with) {
  const auto made = find_kind(recognise_in(session_page(), "The new session has an empty session ID and no master key.",
                                               "DESCRIPTION", "SSL_SESSION_new"),
                                  "session-starts-with");
  BOOST_TEST_REQUIRE(made.has_value());
  BOOST_TEST(made->params["origin"] == "subject");
  BOOST_TEST(made->params["fields"].size() == 2u);
  const auto negotiated = find_kind(
      recognise_in(time_page(), "Each session negotiated by a handshake starts with the current time."), "session-starts-with");
  BOOST_TEST_REQUIRE(negotiated.has_value());
  BOOST_TEST(negotiated->params["origin"] == "handshake");
  const auto inherited =
      find_kind(recognise_in(time_page(), "Every new session inherits the timeout of its context."), "session-starts-with");
  BOOST_TEST_REQUIRE(inherited.has_value());
  BOOST_TEST(inherited->params["fields"][0] == "timeout of its context");
  // A reference count is another kind's business.
  BOOST_TEST(!find_kind(recognise_in(session_page(), "The new session has a reference count of one."), "session-starts-with"));
}

BOOST_AUTO_TEST_CASE(a_setter_returns_or_refuses_its_value) {
  const auto& v = time_page();
  const auto r = find_kind(recognise_in(v, "SSL_SESSION_set_time() returns tm on success and 0 if s is NULL."), "returns-argument");
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->functions.front() == "SSL_SESSION_set_time");
  BOOST_TEST(r->params["argument"] == "tm");
  BOOST_TEST(r->params["when"] == "success");
  // A word that is no parameter of the subject is not the value returned.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_SESSION_set_time() returns nothing useful."), "returns-argument"));
  const auto a = find_kind(recognise_in(v, "A negative t is refused: the size is not changed.", "DESCRIPTION",
                                            "SSL_CTX_sess_set_cache_size"),
                               "refuses-value");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->params["value"] == "negative");
  BOOST_TEST(a->params["argument"] == "t");
  const auto b = find_kind(recognise_in(v, "SSL_SESSION_set_timeout() rejects a negative tm and returns 0."), "refuses-value");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->functions.front() == "SSL_SESSION_set_timeout");
  // A value outside a named set: the subject's one value parameter.
  const auto u = find_kind(recognise_in(v, "A number which is not a valid timeout is rejected and nothing changes.",
                                        "DESCRIPTION", "SSL_SESSION_set_timeout"),
                           "refuses-value");
  BOOST_TEST_REQUIRE(u.has_value());
  BOOST_TEST(u->params["value"] == "unknown");
  BOOST_TEST(u->params["of"] == "timeout");
  BOOST_TEST(u->params["argument"] == "tm");
  // A parameter's name among the words is kept as written.
  const auto w = find_kind(recognise_in(v, "A value that is not a known tm is refused.", "DESCRIPTION",
                                        "SSL_SESSION_set_timeout"),
                           "refuses-value");
  BOOST_TEST_REQUIRE(w.has_value());
  BOOST_TEST(w->params["of"] == "tm");
  // A subject with no single value parameter gives no such claim.
  BOOST_TEST(!find_kind(recognise_in(v, "A value that is not a known session is refused.", "DESCRIPTION",
                                     "SSL_SESSION_get_time"),
                        "refuses-value"));
}

BOOST_AUTO_TEST_CASE(a_cache_mode_item_says_which_sessions_are_cached) {
  const auto& v = session_page();
  const auto f = find_kind(recognise_in(v, "Sessions negotiated by client connections are added to the cache.", "DESCRIPTION",
                                            "", "SSL_SESS_CACHE_CLIENT"),
                               "cache-by-mode");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["mode"][0] == "SSL_SESS_CACHE_CLIENT");
  BOOST_TEST(find_kind(recognise_in(v, "No session is cached, on either side.", "DESCRIPTION", "", "SSL_SESS_CACHE_OFF"),
                       "cache-by-mode").has_value());
  // Outside a cache-mode item the sentence names no mode.
  BOOST_TEST(!find_kind(recognise_in(v, "Sessions negotiated by client connections are added to the cache."), "cache-by-mode"));
}

BOOST_AUTO_TEST_CASE(a_session_with_a_cached_id_replaces_the_cached_one) {
  const auto& v = add_session_page();
  for (const char* s : {"If a session with the same session id already exists, the old session is removed by calling "
                        "SSL_SESSION_free(3).",
                        "If the cache already holds a different session object with the same session ID, that object is "
                        "removed from the cache.",
                        "SSL_CTX_add_session() replaces any cached session with the same ID."}) {
    const auto f = find_kind(recognise_in(v, s, "DESCRIPTION", "SSL_CTX_add_session"), "cache-replaces-same-id");
    BOOST_TEST_REQUIRE(f.has_value(), s);
    BOOST_TEST(f->functions.front() == "SSL_CTX_add_session");
  }
  BOOST_TEST(!find_kind(recognise_in(v, "A session with the same session ID is found by the server.", "DESCRIPTION",
                                     "SSL_CTX_add_session"),
                        "cache-replaces-same-id"));
}

BOOST_AUTO_TEST_CASE(the_replaced_object_is_released) {
  const auto& v = get_session_page();
  const auto f = find_kind(recognise_in(v, "If ssl already had a session, the connection's reference to that old session is released first.",
                                        "DESCRIPTION", "SSL_get1_session"),
                           "releases-previous");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "SSL_get1_session");
  BOOST_TEST(find_kind(recognise_in(v, "SSL_get1_session() releases its reference to the previous session.", "DESCRIPTION"),
                       "releases-previous")
                 .has_value());
  // The reference to the offered session, not to a replaced one.
  BOOST_TEST(!find_kind(recognise_in(v, "The connection releases its reference to the offered session.", "DESCRIPTION",
                                     "SSL_get1_session"),
                        "releases-previous"));
}

BOOST_AUTO_TEST_CASE(a_setter_returning_the_new_value) {
  const auto f = find_kind(recognise_in(get_session_page(), "SSL_get1_session() returns the new options bit mask, after the bits were set."),
                           "returns-current");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(!find_kind(recognise_in(get_session_page(), "SSL_get1_session() returns the new session."), "returns-current"));
}

BOOST_AUTO_TEST_CASE(who_holds_a_callbacks_reference) {
  const auto& v = add_session_page();
  const auto kept = find_kind(recognise_in(v, "If the callback returns 1, the application keeps that reference and releases it later.",
                                           "DESCRIPTION", "SSL_CTX_add_session"),
                              "callback-reference");
  BOOST_TEST_REQUIRE(kept.has_value());
  BOOST_TEST(kept->params["returns"] == 1);
  BOOST_TEST(kept->params["holder"] == "application");
  const auto dropped = find_kind(recognise_in(v, "When the new-session callback returns 0, the library releases that reference again.",
                                              "DESCRIPTION", "SSL_CTX_add_session"),
                                 "callback-reference");
  BOOST_TEST_REQUIRE(dropped.has_value());
  BOOST_TEST(dropped->params["returns"] == 0);
  BOOST_TEST(dropped->params["holder"] == "library");
}

BOOST_AUTO_TEST_CASE(a_quantity_returned_under_a_condition) {
  const auto& v = add_session_page();
  const auto f = find_kind(recognise_in(v, "If c is NULL, nothing is done and the number of sessions is returned.", "DESCRIPTION",
                                        "SSL_CTX_add_session"),
                           "returns-quantity");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["quantity"] == "number of sessions");
  BOOST_TEST(f->params["condition"] == "c is NULL");
  BOOST_TEST(!find_kind(recognise_in(v, "The length of the list is unlimited.", "DESCRIPTION", "SSL_CTX_add_session"),
                        "returns-quantity"));
}

BOOST_AUTO_TEST_CASE(the_object_passed_in_is_reused) {
  const auto& v = encoding_page();
  const auto f = find_kind(recognise_in(v, "d2i_SSL_SESSION() reuses a session that *a already points to: it decodes into that session and returns it."),
                           "reuses-argument");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.front() == "d2i_SSL_SESSION");
  BOOST_TEST(f->params["argument"] == "a");
  const auto g = find_kind(recognise_in(v, "d2i_SSL_SESSION() reuses the session object which a holds, and returns it."),
                           "reuses-argument");
  BOOST_TEST_REQUIRE(g.has_value());
}
