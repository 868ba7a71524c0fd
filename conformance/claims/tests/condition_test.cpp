// The condition part of the grammar: clauses found in new wordings, their
// classes, the per-operation split of an item, and claims that state a
// value under a condition carrying it.
#include "fixture.hpp"

#include "claims/condition.hpp"

#include <boost/test/unit_test.hpp>

using namespace sslconf::claims;
using namespace sslconf::claims::test;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(conditions)

BOOST_AUTO_TEST_CASE(classes_of_conditions_in_several_wordings) {
  BOOST_TEST(when_class("The operation succeeded.") == "success");
  BOOST_TEST(when_class("the call was successful") == "success");
  BOOST_TEST(when_class("The operation failed; check the error stack") == "failure");
  BOOST_TEST(when_class("an error occurred") == "failure");
  BOOST_TEST(when_class("ssl is NULL") == "null-argument");
  BOOST_TEST(when_class("called with a NULL pointer") == "null-argument");
  BOOST_TEST(when_class("the session is actually identical") == "identical-object");
  BOOST_TEST(when_class("c is the same SSL_SESSION object as the cached one") == "identical-object");
  BOOST_TEST(when_class("a session with that id already exists") == "already-present");
  BOOST_TEST(when_class("the session was not found in the cache") == "not-found");
  BOOST_TEST(when_class("otherwise") == "otherwise");
  BOOST_TEST(when_class("A new session was negotiated.") == "named:a new session was negotiated");
  BOOST_TEST(when_class("unless the call failed") == "named:unless the call failed");
  BOOST_TEST(when_class("") == "");
}

BOOST_AUTO_TEST_CASE(an_item_about_two_operations_is_split_by_function) {
  const std::string item = "The operation failed. In case of the add operation, the same session was added twice. "
                           "In case of the remove operation, the session was not found in the cache.";
  BOOST_TEST(when_class(condition_for(item, "SSL_CTX_add_session")) == "identical-object");
  BOOST_TEST(when_class(condition_for(item, "SSL_CTX_remove_session")) == "not-found");
  BOOST_TEST(condition_for("The operation failed.", "SSL_CTX_add_session") == "The operation failed.");
}

BOOST_AUTO_TEST_CASE(leading_clauses) {
  BOOST_TEST(leading_condition("if the session is identical, it is a no-op") == "the session is identical");
  BOOST_TEST(leading_condition("in case of an error, NUM is returned") == "an error");
  BOOST_TEST(leading_condition("unless ssl is shut down, it returns NUM") == "unless ssl is shut down");
  BOOST_TEST(leading_condition("FUNC returns NUM") == "");
}

BOOST_AUTO_TEST_CASE(a_conditional_no_op_value_carries_its_condition) {
  for (const char* s : {"If the session is actually identical (the SSL_SESSION object is identical), SSL_CTX_add_session() is a no-op, and the return value is 0.",
                        "When the very same SSL_SESSION object is already cached, SSL_CTX_add_session() does nothing and 0 is returned.",
                        "SSL_CTX_add_session() returns 0 if c is the identical object already held in the cache."}) {
    const auto fs = recognise_in(add_session_page(), s, "DESCRIPTION");
    BOOST_TEST_REQUIRE(!fs.empty(), s);
    const Finding& f = fs.front();
    BOOST_TEST(f.kind == "returns-enumerated", s << ": " << f.kind);
    BOOST_TEST(f.params.value("value", json()) == 0, s);
    BOOST_TEST(f.params.value("when", "") == "identical-object", s << ": " << f.params.dump());
    BOOST_TEST(f.functions.front() == "SSL_CTX_add_session", s);
  }
}

BOOST_AUTO_TEST_CASE(a_value_under_a_named_condition_is_never_plain_success) {
  for (const char* s : {"SSL_SESSION_up_ref() returns 0 if the session is not valid.",
                        "SSL_SESSION_up_ref() returns 0 when the session is not valid.",
                        "When the session is not valid, 0 is returned."}) {
    const auto fs = recognise_in(session_page(), s, "RETURN VALUES", "SSL_SESSION_up_ref");
    BOOST_TEST_REQUIRE(fs.size() == 1u, s);
    BOOST_TEST(fs.front().kind == "returns-enumerated", s << ": " << fs.front().kind);
    BOOST_TEST(fs.front().params.value("when", "") == "named:the session is not valid", s << ": " << fs.front().params.dump());
  }
}

BOOST_AUTO_TEST_CASE(a_leading_clause_scopes_the_whole_statement) {
  const auto fs = recognise_in(session_page(), "When called on a server, SSL_SESSION_up_ref() returns 1 on success and 0 on failure.", "RETURN VALUES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs.front().kind == "returns-int");
  BOOST_TEST(fs.front().params.value("condition", "") == "called on a server");
  BOOST_TEST(fs.front().params.value("condition_of", "") == "statement");
  BOOST_TEST(fs.front().params.value("when", "") == "named:called on a server");
}

BOOST_AUTO_TEST_CASE(return_items_carry_their_text_and_class) {
  const auto fs = recognise_return_item("0", "The operation failed.", SentenceContext{&add_session_page(), "RETURN VALUES", "0", "", "", "", ""});
  BOOST_TEST_REQUIRE(fs.size() == 2u);
  for (const auto& f : fs) {
    BOOST_TEST(f.params["condition"] == "The operation failed.");
    BOOST_TEST(f.params["when"] == "failure");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(counted_objects)

BOOST_AUTO_TEST_CASE(an_objects_own_count_belongs_to_its_free_function) {
  const Vocabulary& v = session_page();
  const auto made = recognise_in(v, "Creating an SSL_SESSION object for the first time increments the reference count.", "DESCRIPTION", "SSL_SESSION_new");
  BOOST_TEST_REQUIRE(made.size() == 1u);
  BOOST_TEST(made.front().kind == "refcount-initial");
  BOOST_TEST(made.front().functions.front() == "SSL_SESSION_free");
  BOOST_TEST(made.front().params["object"] == "SSL_SESSION");
  BOOST_TEST(made.front().params["argument"] == "session");
  for (const char* s : {"When the reference count drops to zero, any memory or resources allocated to the SSL_SESSION structure are freed.",
                        "Once the reference count reaches 0 the SSL_SESSION object is destroyed."}) {
    const auto fs = recognise_in(v, s, "DESCRIPTION", "SSL_SESSION_new");
    BOOST_TEST_REQUIRE(fs.size() == 1u, s);
    BOOST_TEST(fs.front().kind == "refcount-decrement-free", s);
    BOOST_TEST(fs.front().functions.front() == "SSL_SESSION_free", s);
    BOOST_TEST(fs.front().params["argument"] == "session", s);
  }
}

BOOST_AUTO_TEST_CASE(a_function_subject_keeps_its_own_count) {
  const auto fs = recognise_in(session_page(), "SSL_SESSION_up_ref() increments the reference count on the given SSL_SESSION structure.");
  BOOST_TEST_REQUIRE(!fs.empty());
  BOOST_TEST(fs.front().kind == "refcount-increment");
  BOOST_TEST(fs.front().functions.front() == "SSL_SESSION_up_ref");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(fallbacks)

BOOST_AUTO_TEST_CASE(a_list_of_references_is_informative_not_unrecognised) {
  const auto fs = recognise_in(session_page(), "SSL_new(3), SSL_free(3), SSL_SESSION_free(3) and ssl(7)", "RETURN VALUES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs.front().kind == "informative");
  const auto gs = recognise_in(session_page(), "SSL_SESSION_free(3) frees it.", "DESCRIPTION");
  BOOST_TEST(gs.front().kind != "informative");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(subjects)

BOOST_AUTO_TEST_CASE(a_collective_subject_is_every_page_function_that_returns_something) {
  for (const char* s : {"These functions return 1 on success and 0 on failure.", "Both functions return 1 on success and 0 on failure.",
                        "Both return 1 on success and 0 on failure.", "They return 1 on success and 0 on failure."}) {
    const auto fs = recognise_in(add_session_page(), s, "RETURN VALUES");
    BOOST_TEST_REQUIRE(fs.size() == 2u, s);
    BOOST_TEST(fs[0].functions.front() == "SSL_CTX_add_session", s);
    BOOST_TEST(fs[1].functions.front() == "SSL_CTX_remove_session", s);
    BOOST_TEST(fs[1].kind == "returns-int", s);
  }
  // SSL_SESSION_free returns void: not a subject of a value.
  const auto fs = recognise_in(session_page(), "These functions return NULL on failure.", "RETURN VALUES");
  for (const auto& f : fs) BOOST_TEST(f.functions.front() != "SSL_SESSION_free");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(predicates)

BOOST_AUTO_TEST_CASE(limits_in_several_wordings) {
  for (const char* s : {"The maximum length of the session is limited to SSL_MAX_SID_CTX_LENGTH.",
                        "The length of the session cannot exceed SSL_MAX_SID_CTX_LENGTH.",
                        "The maximum length of the session is restricted to SSL_MAX_SID_CTX_LENGTH."}) {
    const auto fs = recognise_in(session_page(), s, "DESCRIPTION", "SSL_SESSION_new");
    BOOST_TEST_REQUIRE(fs.size() == 1u, s);
    BOOST_TEST(fs[0].kind == "limit", s);
    BOOST_TEST(fs[0].params["limit"] == "SSL_MAX_SID_CTX_LENGTH", s);
  }
  const auto n = recognise_in(session_page(), "The size of the cache is limited to 20 entries.", "DESCRIPTION", "SSL_SESSION_new");
  BOOST_TEST(n[0].params["limit"] == 20);
}

BOOST_AUTO_TEST_CASE(defaults_outputs_and_collective_deprecation) {
  const auto d = recognise_in(session_page(), "The default mode is SSL_SESS_CACHE_SERVER.", "DESCRIPTION", "SSL_SESSION_new");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].kind == "default-value");
  BOOST_TEST(d[0].params["value"] == "SSL_SESS_CACHE_SERVER");
  const auto o = recognise_in(session_page(), "The length of the copy is stored in *ses.", "DESCRIPTION", "SSL_SESSION_up_ref");
  BOOST_TEST_REQUIRE(o.size() == 1u);
  BOOST_TEST(o[0].kind == "writes-output");
  BOOST_TEST(o[0].params["argument"] == "ses");
  const auto w = recognise_in(session_page(), "The length of the copy is written to nowhere.", "DESCRIPTION", "SSL_SESSION_up_ref");
  BOOST_TEST(w[0].kind != "writes-output");
  const auto v = recognise_in(session_page(), "These functions are deprecated.", "DESCRIPTION", "SSL_SESSION_dup");
  BOOST_TEST_REQUIRE(v.size() == 1u);
  BOOST_TEST(v[0].functions.front() == "SSL_SESSION_dup");
  BOOST_TEST(v[0].kind == "version-deprecated");
  BOOST_TEST(v[0].checkable);  // judged by the headers' deprecation marks
  BOOST_TEST(v[0].params["release"] == "");
  const auto item = recognise_in(session_page(), "These methods are deprecated.", "DESCRIPTION", "", "SSL_SESSION_new(), SSL_SESSION_dup()");
  BOOST_TEST_REQUIRE(item.size() == 2u);
  BOOST_TEST(item[1].functions.front() == "SSL_SESSION_dup");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(obligations)

BOOST_AUTO_TEST_CASE(no_null_check_is_the_callers_obligation) {
  for (const char* s : {"Note that the SSL_SESSION_free() function does not perform a null check on the provided session pointer.",
                        "SSL_SESSION_up_ref() does not check whether ses is NULL."}) {
    const auto fs = recognise_in(session_page(), s, "RETURN VALUES");
    BOOST_TEST_REQUIRE(fs.size() == 1u, s);
    BOOST_TEST(fs[0].kind == "caller-obligation", s);
  }
}

BOOST_AUTO_TEST_SUITE_END()
