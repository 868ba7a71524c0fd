// Return-value statements: the same contract in many wordings gives the same
// claim; statements that are not return contracts give none.
#include "fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace sslconf::claims;
using namespace sslconf::claims::test;
using nlohmann::json;

namespace {

Finding only_return(const Vocabulary& v, const std::string& s, const std::string& section = "RETURN VALUES") {
  const auto fs = recognise_in(v, s, section);
  BOOST_TEST_REQUIRE(fs.size() == 1u, s << " gave " << fs.size() << " findings");
  return fs.front();
}

void expect_int(const std::string& sentence, json success, json failure) {
  const Finding f = only_return(session_page(), sentence);
  BOOST_TEST(f.kind == "returns-int", sentence);
  BOOST_TEST(f.checkable);
  BOOST_TEST(f.params.value("success", json()) == success, sentence << ": " << f.params.dump());
  BOOST_TEST(f.params.value("failure", json()) == failure, sentence << ": " << f.params.dump());
  BOOST_TEST(f.functions == std::vector<std::string>{"SSL_SESSION_up_ref"}, sentence);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(returns_int)

// Found by the fuzzer: a value too large for any integer type used to throw
// out of the recogniser and end the process.
BOOST_AUTO_TEST_CASE(a_value_too_large_to_hold_states_no_expectation) {
  const auto fs = recognise_in(session_page(),
                               "SSL_SESSION_up_ref returns 188888888888888888888888888888888 on success or 0 on error.",
                               "RETURN VALUES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs.front().params.value("success", json()) == json());
  BOOST_TEST(fs.front().params.value("failure", json()) == 0);
}

BOOST_AUTO_TEST_CASE(success_and_failure_values_read_in_any_order_and_wording) {
  expect_int("SSL_SESSION_up_ref returns 1 on success or 0 on error.", 1, 0);
  expect_int("SSL_SESSION_up_ref() returns 1 for success and 0 for failure.", 1, 0);
  expect_int("For SSL_SESSION_up_ref(), 0 is returned on failure, 1 on success.", 1, 0);
  expect_int("SSL_SESSION_up_ref() returns 1 if successful, 0 otherwise.", 1, 0);
  expect_int("SSL_SESSION_up_ref() returns 1 if the operation succeeded or 0 if it failed.", 1, 0);
  expect_int("On success SSL_SESSION_up_ref() returns 1; on failure it returns 0.", 1, 0);
  expect_int("SSL_SESSION_up_ref() returns 0 on success and -1 on error.", 0, -1);
  expect_int("SSL_SESSION_up_ref() returns a positive value on success or 0 on error.", "positive", 0);
  expect_int("SSL_SESSION_up_ref() returns 1 on success and 0 or a negative value on failure.", 1, "nonpositive");
}

BOOST_AUTO_TEST_CASE(a_page_edit_changes_the_expected_value) {
  expect_int("SSL_SESSION_up_ref returns 2 on success or 0 on error.", 2, 0);
}

BOOST_AUTO_TEST_CASE(conditional_statement_keeps_its_condition) {
  const auto v = vocabulary({proto("int", "SSL_SESSION_is_resumable", {{"const SSL_SESSION *", "s"}})});
  const Finding f = only_return(v, "SSL_SESSION_is_resumable() returns 1 if the session is resumable or 0 otherwise.");
  BOOST_TEST(f.kind == "returns-int");
  BOOST_TEST(f.params["success"] == 1);
  BOOST_TEST(f.params["failure"] == 0);
  BOOST_TEST(f.params["condition"] == "the session is resumable");
}

BOOST_AUTO_TEST_CASE(one_claim_per_function_named) {
  const auto v = vocabulary({proto("long", "SSL_SESSION_set_time", {{"SSL_SESSION *", "s"}, {"long", "tm"}}),
                             proto("long", "SSL_SESSION_set_timeout", {{"SSL_SESSION *", "s"}, {"long", "tm"}})});
  const auto fs = recognise_in(v, "SSL_SESSION_set_time() and SSL_SESSION_set_timeout() return 1 on success.", "RETURN VALUES");
  BOOST_TEST_REQUIRE(fs.size() == 2u);
  BOOST_TEST(fs[0].functions.front() == "SSL_SESSION_set_time");
  BOOST_TEST(fs[1].functions.front() == "SSL_SESSION_set_timeout");
  BOOST_TEST(fs[1].params["success"] == 1);
  BOOST_TEST(!fs[1].params.contains("failure"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(returns_pointer)

BOOST_AUTO_TEST_CASE(pointer_or_null_in_several_wordings) {
  for (const char* s : {"SSL_SESSION_new returns a pointer to the newly allocated SSL_SESSION structure or NULL on error.",
                        "SSL_SESSION_new() returns a pointer to the new structure, or NULL if an error occurred.",
                        "SSL_SESSION_new() returns NULL on failure and a pointer to the new session otherwise."}) {
    const Finding f = only_return(session_page(), s);
    BOOST_TEST(f.kind == "returns-pointer-or-null", s);
    BOOST_TEST(f.params["failure"] == "null", s);
    BOOST_TEST(f.params.value("success", "") == "non-null", s);
    BOOST_TEST(f.functions.front() == "SSL_SESSION_new", s);
  }
}

// The clause after a failure value is that value's condition, so a check
// runs the failure the page names: NULL's for a pointer, failure_condition
// for an integer ("for example if ..." included).
BOOST_AUTO_TEST_CASE(a_failure_value_keeps_its_own_condition) {
  const Finding p = only_return(get_session_page(), "SSL_get1_session() returns a pointer to the session or NULL if no session is available.");
  BOOST_TEST(p.kind == "returns-pointer-or-null");
  BOOST_TEST(p.params["condition"] == "no session is available");
  BOOST_TEST(p.params.contains("when"));
  const Finding i = only_return(session_page(), "SSL_SESSION_up_ref() returns 1 for success and 0 for failure, for example if the count would overflow.");
  BOOST_TEST(i.kind == "returns-int");
  BOOST_TEST(i.params["failure_condition"] == "the count would overflow");
  BOOST_TEST(!i.params.contains("condition"));
  const Finding plain = only_return(session_page(), "SSL_SESSION_up_ref() returns 1 on success or 0 on error.");
  BOOST_TEST(!plain.params.contains("failure_condition"));
  // After "for instance" the situation may be a phrase, not an if-clause.
  const Finding phrase = only_return(session_page(), "SSL_SESSION_up_ref() returns 1 on success and 0 on failure, for instance with a session that is being freed.");
  BOOST_TEST(phrase.params["failure_condition"] == "with a session that is being freed");
  // Without "for example" a trailing phrase is no condition of the value.
  const Finding scope = only_return(session_page(), "SSL_SESSION_up_ref() returns 1 on success and 0 on failure with any session.");
  BOOST_TEST(!scope.params.contains("failure_condition"));
}

// "yields"/"gives" before a value are return verbs as "returns" is.
BOOST_AUTO_TEST_CASE(other_return_verbs_before_a_value) {
  expect_int("SSL_SESSION_up_ref() gives 1 when successful, otherwise 0.", 1, 0);
  expect_int("SSL_SESSION_up_ref() yields 1 on success; on failure it yields 0.", 1, 0);
}

// A collective subject is the functions whose return type fits the value.
BOOST_AUTO_TEST_CASE(collective_subject_keeps_only_fitting_functions) {
  const auto fs = recognise_in(session_page(), "These functions return 1 on success and 0 on failure.", "RETURN VALUES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].functions == std::vector<std::string>{"SSL_SESSION_up_ref"});
}

// "any of the functions" in a condition before the value is every function
// of the page (OpenSSL's pages also write it with a singular "function").
BOOST_AUTO_TEST_CASE(any_of_the_functions_in_a_condition_is_a_collective_subject) {
  const auto v = vocabulary({proto("long", "SSL_SESSION_get_timeout", {{"const SSL_SESSION *", "s"}}),
                             proto("long", "SSL_SESSION_set_timeout", {{"SSL_SESSION *", "s"}, {"long", "t"}}),
                             proto("void", "SSL_SESSION_free", {{"SSL_SESSION *", "s"}})});
  const std::vector<std::string> valued{"SSL_SESSION_get_timeout", "SSL_SESSION_set_timeout"};
  for (const char* sentence : {"If any of the functions is given a NULL pointer for s, 0 is returned.",
                               "When any of these functions is passed the NULL pointer for the session s, 0 is returned.",
                               "If any of the function is passed NULL for s, 0 is returned."}) {
    const auto fs = recognise_in(v, sentence, "RETURN VALUES");
    std::vector<std::string> got;
    for (const auto& f : fs) {
      BOOST_TEST(f.kind == "returns-on-null", sentence);
      got.insert(got.end(), f.functions.begin(), f.functions.end());
    }
    BOOST_TEST(got == valued, sentence);
  }
  // The NULL argument first, then the functions that return the value.
  const auto leading = recognise_in(v, "When s is NULL, SSL_SESSION_get_timeout() and SSL_SESSION_set_timeout() return 0.",
                                    "RETURN VALUES");
  BOOST_TEST_REQUIRE(leading.size() == 2u);
  for (const auto& f : leading) {
    BOOST_TEST(f.kind == "returns-on-null");
    BOOST_TEST(f.params.value("value", json()) == 0);
    BOOST_TEST(f.params.value("argument", "") == "s");
  }
  // One function named: that one only, never the whole page.
  const auto named = recognise_in(v, "If SSL_SESSION_get_timeout() is passed NULL for s, 0 is returned.", "RETURN VALUES");
  BOOST_TEST_REQUIRE(named.size() == 1u);
  BOOST_TEST(named[0].functions == std::vector<std::string>{"SSL_SESSION_get_timeout"});
}

// "1 if it can, 0 if not": the condition is the "whether" clause of the
// sentence before; without one it stays as written.
BOOST_AUTO_TEST_CASE(an_elided_condition_borrows_the_whether_clause_before_it) {
  const auto v = vocabulary({proto("int", "SSL_SESSION_has_ticket", {{"const SSL_SESSION *", "s"}})});
  const auto fs = recognise_in(v, "It returns 1 if it does and 0 otherwise.", "RETURN VALUES", "SSL_SESSION_has_ticket", "",
                               "SSL_SESSION_has_ticket() tells whether the session s carries a ticket or not.");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].params.value("condition", "") == "if the session s carries a ticket");
  const auto alone = recognise_in(v, "It returns 1 if it does and 0 otherwise.", "RETURN VALUES", "SSL_SESSION_has_ticket", "",
                                  "SSL_SESSION_has_ticket() looks at the session s.");
  BOOST_TEST_REQUIRE(alone.size() == 1u);
  BOOST_TEST(alone[0].params.value("condition", "") == "it does");
}

// The other value's "otherwise" is no part of a value's condition.
BOOST_AUTO_TEST_CASE(condition_stops_before_the_other_value) {
  const Finding f = only_return(session_page(), "SSL_SESSION_new() returns NULL when memory is exhausted and a new session otherwise.");
  BOOST_TEST(f.params["condition"] == "when memory is exhausted");
}

BOOST_AUTO_TEST_CASE(null_on_failure_alone_is_a_pointer_claim) {
  const auto v = vocabulary({proto("SSL_SESSION *", "d2i_SSL_SESSION", {{"SSL_SESSION **", "a"}, {"const unsigned char **", "pp"}, {"long", "length"}})});
  const auto fs = recognise_in(v, "In case of failure the NULL-pointer is returned and the error message can be retrieved from the error stack.", "RETURN VALUES", "d2i_SSL_SESSION");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "returns-pointer-or-null");
  BOOST_TEST(fs[0].functions.front() == "d2i_SSL_SESSION");
}

BOOST_AUTO_TEST_CASE(pointer_without_null_case) {
  const Finding f = only_return(get_session_page(), "SSL_get0_session() returns a pointer to the actual session.", "NOTES");
  BOOST_TEST(f.kind == "returns-pointer");
  BOOST_TEST(f.functions.front() == "SSL_get0_session");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(returns_other)

BOOST_AUTO_TEST_CASE(void_statements) {
  for (const char* s : {"SSL_SESSION_free() does not provide diagnostic information.",
                        "SSL_SESSION_free() does not return a value.", "SSL_SESSION_free() returns no value."}) {
    const Finding f = only_return(session_page(), s);
    BOOST_TEST(f.kind == "returns-void", s);
    BOOST_TEST(f.functions.front() == "SSL_SESSION_free", s);
  }
}

BOOST_AUTO_TEST_CASE(null_argument_return_value) {
  const auto v = vocabulary({proto("long", "SSL_SESSION_set_time", {{"SSL_SESSION *", "s"}, {"long", "tm"}})});
  const Finding f = only_return(v, "If any of the function is passed the NULL pointer for the session s, 0 is returned.");
  BOOST_TEST(f.kind == "returns-on-null");
  BOOST_TEST(f.params["argument"] == "s");
  BOOST_TEST(f.params["value"] == 0);
}

BOOST_AUTO_TEST_CASE(previous_and_current_values) {
  const auto v = vocabulary({proto("long", "SSL_CTX_set_timeout", {{"SSL_CTX *", "ctx"}, {"long", "t"}}),
                             proto("long", "SSL_CTX_get_timeout", {{"const SSL_CTX *", "ctx"}})});
  BOOST_TEST(only_return(v, "SSL_CTX_set_timeout() returns the previously set timeout value.").kind == "returns-previous");
  BOOST_TEST(only_return(v, "SSL_CTX_get_timeout() returns the currently set timeout value.").kind == "returns-current");
}

BOOST_AUTO_TEST_CASE(described_values_are_recognised_but_not_checkable) {
  const auto v = vocabulary({proto("long", "SSL_CTX_sess_number", {{"SSL_CTX *", "ctx"}})});
  // Also the cache observer's own behaviour (cache-count, recognisers_test).
  const auto both = recognise_in(v, "SSL_CTX_sess_number() returns the current number of sessions in the internal session cache.",
                                 "RETURN VALUES");
  BOOST_TEST_REQUIRE(both.size() == 2u);
  BOOST_TEST(both.front().kind == "returns-current");
  // A count of no event (nothing happened in the phrase): described only.
  const Finding g = only_return(v, "SSL_CTX_sess_number() returns the number of sessions of ctx.");
  BOOST_TEST(g.kind == "returns-described");
  BOOST_TEST(!g.checkable);
  BOOST_TEST(g.reason == "informative");
}

BOOST_AUTO_TEST_CASE(non_return_sentences_give_no_return_claim) {
  for (const char* s : {"SSL_SESSION_up_ref() increments the reference count on the given SSL_SESSION structure.",
                        "The following return values can occur:"}) {
    for (const auto& f : recognise_in(session_page(), s))
      BOOST_TEST(f.kind.rfind("returns-", 0) != 0, s << " gave " << f.kind);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(return_items)

BOOST_AUTO_TEST_CASE(null_and_pointer_items_apply_to_each_pointer_function) {
  const SentenceContext ctx{&get_session_page(), "RETURN VALUES", "NULL", "", "", "", ""};
  const auto fs = recognise_return_item("NULL", "There is no session available in ssl.", ctx);
  BOOST_TEST_REQUIRE(fs.size() == 3u);
  BOOST_TEST(fs[0].params["value"] == "null");
  BOOST_TEST(fs[2].functions.front() == "SSL_get1_session");
  const auto ps = recognise_return_item("Pointer to an SSL_SESSION", "The return value points to the data of an SSL session.", ctx);
  BOOST_TEST_REQUIRE(ps.size() == 3u);
  BOOST_TEST(ps[0].params["value"] == "non-null");
}

BOOST_AUTO_TEST_CASE(integer_items_apply_to_int_functions) {
  const SentenceContext ctx{&add_session_page(), "RETURN VALUES", "0", "", "", "", ""};
  const auto fs = recognise_return_item("0", "The operation failed.", ctx);
  BOOST_TEST_REQUIRE(fs.size() == 2u);
  BOOST_TEST(fs[0].params["value"] == 0);
  BOOST_TEST(recognise_return_item("> 0", "Success.", ctx).front().params["value"] == "positive");
  BOOST_TEST(recognise_return_item("-1", "Error.", ctx).front().params["value"] == -1);
}

BOOST_AUTO_TEST_CASE(a_label_that_is_not_a_value_is_left_to_the_sentences) {
  const SentenceContext ctx{&add_session_page(), "RETURN VALUES", "", "", "", "", ""};
  BOOST_TEST(recognise_return_item("The operation", "failed.", ctx).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(returns_conditional)

BOOST_AUTO_TEST_CASE(value_under_a_condition_is_an_enumerated_value) {
  const auto v = vocabulary({proto("int", "i2d_SSL_SESSION", {{"const SSL_SESSION *", "in"}, {"unsigned char **", "pp"}})});
  const auto fs = recognise_in(v, "When the session is not valid, 0 is returned and no operation is performed.", "RETURN VALUES", "i2d_SSL_SESSION");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "returns-enumerated");
  BOOST_TEST(fs[0].params["value"] == 0);
  BOOST_TEST(fs[0].params["condition"] == "the session is not valid");
  const auto gs = recognise_in(v, "NULL is returned if no callback was set.", "RETURN VALUES", "i2d_SSL_SESSION");
  BOOST_TEST(gs[0].params["value"] == "null");
  BOOST_TEST(gs[0].params["condition"] == "no callback was set");
}

BOOST_AUTO_TEST_CASE(list_introduction_is_not_a_return_claim) {
  const auto fs = recognise_in(add_session_page(), "The following values are returned by all functions:", "RETURN VALUES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "informative");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(returns_more_wordings)

BOOST_AUTO_TEST_CASE(no_return_value_is_void) {
  const Finding f = only_return(session_page(), "SSL_SESSION_free() has no return value.");
  BOOST_TEST(f.kind == "returns-void");
}

BOOST_AUTO_TEST_CASE(a_return_value_of_n_means_is_an_enumerated_value) {
  const auto fs = recognise_in(session_page(), "A return value of -2 indicates the operation is not supported.", "RETURN VALUES", "SSL_SESSION_up_ref");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "returns-enumerated");
  BOOST_TEST(fs[0].params["value"] == -2);
  BOOST_TEST(fs[0].params["condition"] == "the operation is not supported");
}

BOOST_AUTO_TEST_CASE(error_queue_advice_is_informative) {
  const auto fs = recognise_in(session_page(), "The error can be obtained from ERR_get_error(3).", "RETURN VALUES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "informative");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(return_value_is_without_article) {
  const Finding f = only_return(session_page(), "Return value is 1 for success and 0 if an error occurred.");
  BOOST_TEST(f.kind == "returns-int");
  BOOST_TEST(f.params["success"] == 1);
  BOOST_TEST(f.params["failure"] == 0);
}
