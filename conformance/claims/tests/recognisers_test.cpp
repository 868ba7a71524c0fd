// Behaviour recognisers: reference counts, NULL rules, aliases, copies,
// versions, cache and lifecycle notes, and the reasoned non-checkable
// classes. Each with wordings that must and must not match.
#define BOOST_TEST_MODULE claims recognisers
#include "fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace sslconf::claims;
using namespace sslconf::claims::test;

namespace {

bool has(const std::vector<Finding>& fs, const std::string& kind) { return find_kind(fs, kind).has_value(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(reference_counts)

BOOST_AUTO_TEST_CASE(up_ref_increments_its_argument) {
  const auto fs = recognise_in(session_page(), "SSL_SESSION_up_ref() increments the reference count on the given SSL_SESSION structure.");
  const auto f = find_kind(fs, "refcount-increment");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["argument"] == "ses");
  BOOST_TEST(f->params["by"] == 1);
  BOOST_TEST(f->functions.front() == "SSL_SESSION_up_ref");
}

BOOST_AUTO_TEST_CASE(passive_increment_names_argument_and_amount) {
  const auto fs = recognise_in(add_session_page(), "The reference count for session c is incremented by 1.", "DESCRIPTION", "SSL_CTX_add_session");
  const auto f = find_kind(fs, "refcount-increment");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["argument"] == "c");
  BOOST_TEST(f->functions.front() == "SSL_CTX_add_session");
}

BOOST_AUTO_TEST_CASE(not_incremented_is_unchanged_not_increment) {
  const auto fs = recognise_in(get_session_page(), "The reference count of the SSL_SESSION is not incremented, so that the pointer can become invalid by other operations.", "DESCRIPTION", "SSL_get_session");
  BOOST_TEST(has(fs, "refcount-unchanged"));
  BOOST_TEST(!has(fs, "refcount-increment"));
  BOOST_TEST(find_kind(fs, "refcount-unchanged")->params["argument"] == "result");
  const auto gs = recognise_in(get_session_page(), "As the reference counter is not incremented, the pointer is only valid while the connection is in use.", "NOTES", "SSL_get0_session");
  BOOST_TEST(has(gs, "refcount-unchanged"));
  BOOST_TEST(find_kind(gs, "refcount-unchanged")->functions.front() == "SSL_get0_session");
}

BOOST_AUTO_TEST_CASE(free_decrements_and_frees_at_zero) {
  for (const char* s : {"SSL_SESSION_free() decrements the reference count of session and removes the SSL_SESSION structure pointed to by session and frees up the allocated memory, if the reference count has reached 0.",
                        "SSL_SESSION_free() frees the session when its reference count drops to zero."}) {
    const auto fs = recognise_in(session_page(), s);
    const auto f = find_kind(fs, "refcount-decrement-free");
    BOOST_TEST_REQUIRE(f.has_value(), s);
    BOOST_TEST(f->params["argument"] == "session", s);
    BOOST_TEST(!has(fs, "refcount-decrement"), s);
  }
}

// The reference-count predicates are verb classes: any verb of the class,
// active or passive, gives the same claim.
BOOST_AUTO_TEST_CASE(reference_count_verbs_are_classes_not_wordings) {
  const auto& v = session_page();
  for (const char* s : {"SSL_SESSION_up_ref() adds one to the reference count of ses.",
                        "The reference count of ses is raised by one by SSL_SESSION_up_ref().",
                        "SSL_SESSION_up_ref() bumps the reference count of ses."}) {
    const auto fs = recognise_in(v, s);
    const auto f = find_kind(fs, "refcount-increment");
    BOOST_TEST_REQUIRE(f.has_value(), s);
    BOOST_TEST(f->params["argument"] == "ses", s);
  }
  for (const char* s : {"SSL_SESSION_free() drops the reference count of session by one and frees it when the count reaches zero.",
                        "SSL_SESSION_free() releases one reference to session; the session is destroyed once no references remain.",
                        "SSL_SESSION_free() lowers the reference count of session and destroys it when the last reference is released."}) {
    const auto fs = recognise_in(v, s);
    const auto f = find_kind(fs, "refcount-decrement-free");
    BOOST_TEST_REQUIRE(f.has_value(), s);
    BOOST_TEST(f->params["argument"] == "session", s);
    BOOST_TEST(!has(fs, "refcount-decrement"), s);
  }
  BOOST_TEST(!has(recognise_in(v, "SSL_SESSION_dup() does not raise the reference count of src."), "refcount-increment"));
}

BOOST_AUTO_TEST_CASE(obligation_mentioning_an_increment_is_not_an_increment) {
  const auto fs = recognise_in(session_page(), "SSL_SESSION_free() must only be called for SSL_SESSION objects, for which the reference count was explicitly incremented (e.g. by calling SSL_get1_session(), see SSL_get_session(3)) or when the SSL_SESSION object was generated outside a TLS handshake operation, e.g. by using d2i_SSL_SESSION(3).", "NOTES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "caller-obligation");
  BOOST_TEST(!fs[0].checkable);
  BOOST_TEST(fs[0].functions.front() == "SSL_SESSION_free");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(null_rules)

BOOST_AUTO_TEST_CASE(null_noop_wordings) {
  for (const char* s : {"If session is NULL nothing is done.", "If session is NULL, the function does nothing.",
                        "SSL_SESSION_free() does nothing if session is NULL.",
                        "Passing a NULL pointer to SSL_SESSION_free() is a no-op.",
                        "session may be NULL, in which case nothing is done."}) {
    const auto fs = recognise_in(session_page(), s, "DESCRIPTION", "SSL_SESSION_free");
    const auto f = find_kind(fs, "null-noop");
    BOOST_TEST_REQUIRE(f.has_value(), s);
    BOOST_TEST(f->params["argument"] == "session", s);
    BOOST_TEST(f->functions.front() == "SSL_SESSION_free", s);
    BOOST_TEST(f->checkable, s);
  }
}

BOOST_AUTO_TEST_CASE(null_return_is_not_a_noop) {
  const auto fs = recognise_in(get_session_page(), "If ssl is NULL, SSL_get_session() returns NULL.");
  BOOST_TEST(!has(fs, "null-noop"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(aliases_and_copies)

BOOST_AUTO_TEST_CASE(another_name_is_an_alias) {
  const auto fs = recognise_in(get_session_page(), "SSL_get0_session() is another name for SSL_get_session().");
  const auto f = find_kind(fs, "alias");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["target"] == "SSL_get_session");
}

BOOST_AUTO_TEST_CASE(no_op_when_passed_null) {
  const auto fs = recognise_in(session_page(), "SSL_SESSION_free() does nothing when passed a NULL pointer.");
  const auto f = find_kind(fs, "null-noop");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["argument"] == "session");
}

BOOST_AUTO_TEST_CASE(same_as_is_an_alias) {
  const auto fs = recognise_in(get_session_page(), "SSL_get0_session() is the same as SSL_get_session().");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "alias");
  BOOST_TEST(fs[0].params["target"] == "SSL_get_session");
  BOOST_TEST(fs[0].functions.front() == "SSL_get0_session");
}

BOOST_AUTO_TEST_CASE(same_as_but_with_a_reference_is_alias_plus_ref) {
  const auto fs = recognise_in(get_session_page(), "SSL_get1_session() is the same as SSL_get_session(), but the reference count of the SSL_SESSION is incremented by one.");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "alias-plus-ref");
  BOOST_TEST(fs[0].params["target"] == "SSL_get_session");
  BOOST_TEST(fs[0].params["extra_references"] == 1);
}

BOOST_AUTO_TEST_CASE(same_but_different_is_no_alias) {
  const auto fs = recognise_in(get_session_page(), "SSL_get0_session() is the same as SSL_get_session() except that it takes a const argument.");
  BOOST_TEST(!has(fs, "alias"));
}

BOOST_AUTO_TEST_CASE(copy_wordings_of_1_1_1_and_3_0) {
  for (const char* s : {"SSL_SESSION_dup() copies the contents of the SSL_SESSION structure in src and returns a pointer to it.",
                        "SSL_SESSION_dup() creates a new SSL_SESSION structure that is a copy of src."}) {
    const auto fs = recognise_in(session_page(), s);
    const auto f = find_kind(fs, "copy");
    BOOST_TEST_REQUIRE(f.has_value(), s);
    BOOST_TEST(f->params["argument"] == "src");
  }
  const auto fs = recognise_in(session_page(), "The copy is not owned by any cache that src may have been in.", "DESCRIPTION", "SSL_SESSION_dup");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "copy-no-cache");
  BOOST_TEST(fs[0].functions.front() == "SSL_SESSION_dup");
}

BOOST_AUTO_TEST_CASE(copying_bytes_into_a_buffer_is_not_a_session_copy) {
  const auto v = vocabulary({proto("size_t", "SSL_get_client_random", {{"const SSL *", "ssl"}, {"unsigned char *", "out"}, {"size_t", "outlen"}})});
  const auto fs = recognise_in(v, "It copies as many bytes as it can of this value into the buffer provided in out, which has outlen bytes.", "DESCRIPTION", "SSL_get_client_random");
  BOOST_TEST(!has(fs, "copy"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(history)

BOOST_AUTO_TEST_CASE(added_in_gives_release_per_function) {
  const auto fs = recognise_in(session_page(), "The SSL_SESSION_dup() function was added in OpenSSL 1.1.1.", "HISTORY");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "version-added");
  BOOST_TEST(fs[0].params["release"] == "1.1.1");
  const auto gs = recognise_in(session_page(), "SSL_SESSION_new() and SSL_SESSION_up_ref() were added in OpenSSL 1.1.0.", "HISTORY");
  BOOST_TEST_REQUIRE(gs.size() == 2u);
  BOOST_TEST(gs[1].functions.front() == "SSL_SESSION_up_ref");
}

BOOST_AUTO_TEST_CASE(other_history_lines_are_informative) {
  const auto fs = recognise_in(session_page(), "The argument of SSL_SESSION_dup() became const in OpenSSL 3.0.", "HISTORY");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "version-changed");
  BOOST_TEST(!fs[0].checkable);
  BOOST_TEST(recognise_in(session_page(), "SSL_SESSION_new() was deprecated in OpenSSL 3.0.", "HISTORY")[0].kind == "version-deprecated");
}

BOOST_AUTO_TEST_CASE(removed_in_gives_release_per_function) {
  const auto fs = recognise_in(session_page(), "SSL_SESSION_new() and SSL_SESSION_up_ref() were removed in OpenSSL 1.1.0.", "HISTORY");
  BOOST_TEST_REQUIRE(fs.size() == 2u);
  BOOST_TEST(fs[0].kind == "version-removed");
  BOOST_TEST(fs[0].params["release"] == "1.1.0");
  BOOST_TEST(fs[1].functions.front() == "SSL_SESSION_up_ref");
}

// The function before a release line is its subject only where the line's
// own subject stands for it.
BOOST_AUTO_TEST_CASE(a_release_line_about_something_else_names_no_function) {
  const auto fs = recognise_in(session_page(), "The cipher list defines are deprecated as of 3.0.", "HISTORY", "SSL_SESSION_new");
  BOOST_TEST(!has(fs, "version-deprecated"));
  const auto gs = recognise_in(session_page(), "It was deprecated in OpenSSL 3.0.", "HISTORY", "SSL_SESSION_new");
  BOOST_TEST_REQUIRE(has(gs, "version-deprecated"));
  BOOST_TEST(gs[0].functions.front() == "SSL_SESSION_new");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lifecycle_notes)

BOOST_AUTO_TEST_CASE(handshake_cache_flush_resumption_notes) {
  const auto& v = session_page();
  BOOST_TEST(has(recognise_in(v, "SSL_SESSION objects are allocated, when a TLS/SSL handshake operation is successfully completed.", "NOTES"), "session-from-handshake"));
  const auto cache = recognise_in(v, "Depending on the settings, see SSL_CTX_set_session_cache_mode(3), the SSL_SESSION objects are internally referenced by the SSL_CTX and linked into its session cache.", "NOTES");
  BOOST_TEST(has(cache, "cache-by-mode"));
  const auto g = get_session_page();
  BOOST_TEST(has(recognise_in(g, "Even if the session is valid, it can be removed at any time due to timeout during SSL_CTX_flush_sessions(3).", "NOTES"), "flush-timeout"));
  BOOST_TEST(has(recognise_in(g, "The ssl session contains all information required to re-establish the connection without a new handshake.", "NOTES"), "resumption"));
  const auto kept = recognise_in(g, "If the data is to be kept, SSL_get1_session() will increment the reference count, so that the session will not be implicitly removed by other operations but stays in memory.", "NOTES");
  BOOST_TEST(has(kept, "kept-reference-survives"));
  BOOST_TEST(has(kept, "refcount-increment"));
  BOOST_TEST(find_kind(kept, "refcount-increment")->params["argument"] == "result");
  BOOST_TEST(has(recognise_in(g, "A session will be automatically removed from the session cache and marked as non-resumable if the connection is not closed down cleanly, e.g. if a fatal error occurs on the connection or SSL_shutdown(3) is not called prior to SSL_free(3).", "NOTES"), "unclean-shutdown-removes"));
}

BOOST_AUTO_TEST_CASE(mode_items_name_their_flag) {
  const auto fs = recognise_in(session_page(), "Client sessions are added to the session cache.", "NOTES", "", "SSL_SESS_CACHE_CLIENT");
  const auto f = find_kind(fs, "cache-by-mode");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["mode"] == nlohmann::json::array({"SSL_SESS_CACHE_CLIENT"}));
}

BOOST_AUTO_TEST_CASE(delayed_failure_note_is_not_a_flush_claim) {
  const auto fs = recognise_in(session_page(), "These failures may also appear delayed, e.g. when an SSL_SESSION object was completely freed as the reference count incorrectly became 0, but it is still referenced in the internal session cache and the cache list is processed during a SSL_CTX_flush_sessions(3) operation.", "NOTES");
  BOOST_TEST_REQUIRE(fs.size() == 1u);
  BOOST_TEST(fs[0].kind == "speculative");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(not_checkable)

BOOST_AUTO_TEST_CASE(reasons) {
  const auto& v = session_page();
  BOOST_TEST(recognise_in(v, "It must not be called on other SSL_SESSION objects.", "NOTES", "SSL_SESSION_free")[0].reason == "caller-obligation");
  BOOST_TEST(recognise_in(v, "It is therefore crucial to keep the reference count (usage information) correct.", "NOTES")[0].reason == "caller-obligation");
  BOOST_TEST(recognise_in(v, "SSL objects may be using the SSL_SESSION object; as a session may be reused, several SSL objects may be using one SSL_SESSION object at the same time.", "NOTES")[0].reason == "speculative");
  BOOST_TEST(recognise_in(v, "The following return values can occur:", "RETURN VALUES")[0].reason == "informative");
  const auto u = recognise_in(v, "Sessions wobble after SSL_SESSION_new().");
  BOOST_TEST_REQUIRE(u.size() == 1u);
  BOOST_TEST(u[0].kind == "unrecognised");
  BOOST_TEST(u[0].functions.front() == "SSL_SESSION_new");
}

// Subject and predicate found, but no check for the predicate: descriptive,
// with the verb, for one function, several, or a pronoun carrying the subject.
BOOST_AUTO_TEST_CASE(parsed_statements_without_a_checkable_predicate_are_descriptive) {
  const auto& v = session_page();
  const auto d = recognise_in(v, "SSL_SESSION_new() wobbles the session.");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].kind == "descriptive");
  BOOST_TEST(d[0].reason == "informative");
  BOOST_TEST(!d[0].checkable);
  BOOST_TEST(d[0].params["predicate"] == "wobbles");
  const auto two = recognise_in(v, "SSL_SESSION_new() and SSL_SESSION_dup() only allocate memory from the heap.");
  BOOST_TEST(two[0].kind == "descriptive");
  BOOST_TEST((two[0].functions == std::vector<std::string>{"SSL_SESSION_new", "SSL_SESSION_dup"}));
  const auto it = recognise_in(v, "It also clears the session.", "DESCRIPTION", "SSL_SESSION_free");
  BOOST_TEST(it[0].kind == "descriptive");
  BOOST_TEST(it[0].functions.front() == "SSL_SESSION_free");
  // An impersonal "it" stands for no function (issue 25 item 3: read as a
  // description of no subject, not left unrecognised).
  const auto impersonal = recognise_in(v, "It is not possible to call SSL_SESSION_free() twice.", "NOTES", "SSL_SESSION_free");
  BOOST_TEST(impersonal[0].kind == "descriptive");
  BOOST_TEST(impersonal[0].functions.empty());
  BOOST_TEST(recognise_in(v, "It can also occur when SSL_SESSION_free() was called.", "RETURN VALUES")[0].kind == "unrecognised");
}

// The clause grammar: a noun phrase or a gerund is a subject as well as a
// function name, found by the verb that follows it, whatever the wording.
BOOST_AUTO_TEST_CASE(noun_phrase_subjects_keep_predicate_subject_and_condition) {
  const auto& v = add_session_page();
  // (With "the same session id" the sentence states a cache policy the
  // suite checks: cache-replaces-same-id, state_rows_test.cpp.)
  const auto d = recognise_in(v, "If a session with the same label already exists, the old session is removed by calling SSL_SESSION_free(3).");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].kind == "descriptive");
  BOOST_TEST(d[0].params["subject"] == "the old session");
  BOOST_TEST(d[0].params["predicate"] == "is removed");
  BOOST_TEST(d[0].params["when"] == "already-present");
  const auto plural = recognise_in(v, "SSL_SESSION objects keep internal link information about the session cache list.");
  BOOST_TEST(plural[0].kind == "descriptive");
  BOOST_TEST(plural[0].params["predicate"] == "keep");
  const auto trailing = recognise_in(v, "The new callback is only invoked when a session is actually established.");
  BOOST_TEST(trailing[0].params["predicate"] == "is only invoked");
  BOOST_TEST(trailing[0].params["condition"] == "when a session is actually established");
  // (Said of tickets, the same shape is a ticket-lifetime-hint claim: session_rows_test.cpp.)
  const auto scope = recognise_in(v, "For TLSv1.2, alerts sent during an initial handshake use the value as specified.");
  BOOST_TEST(scope[0].kind == "descriptive");
  BOOST_TEST(scope[0].params["predicate"] == "use");
  BOOST_TEST(scope[0].params["condition"] == "for tlsv1.2");  // lower-cased as quoted conditions are
  const auto gerund = recognise_in(v, "Freeing the context (using SSL_CTX_free) decrements it.");
  BOOST_TEST(gerund[0].kind == "descriptive");
  BOOST_TEST(gerund[0].params["predicate"] == "decrements");
}

// A default value in other shapes than "The default X is Y": an owner on
// the quantity, the value after "of", the flag a list item is about.
BOOST_AUTO_TEST_CASE(default_values_in_several_shapes) {
  const auto& v = get_session_page();
  const auto owner = recognise_in(v, "The default mode of a new context is SSL_SESS_CACHE_SERVER.");
  BOOST_TEST_REQUIRE(owner.size() == 1u);
  BOOST_TEST(owner[0].kind == "default-value");
  BOOST_TEST(owner[0].params["value"] == "SSL_SESS_CACHE_SERVER");
  const auto of = recognise_in(v, "All currently supported protocols have the same default timeout value of 300 seconds.");
  BOOST_TEST(of[0].kind == "default-value");
  BOOST_TEST(of[0].params["value"] == 300);
  BOOST_TEST(of[0].params["quantity"] == "timeout value");
  const auto item = recognise_in(v, "This is the default.", "DESCRIPTION", "", "SSL_SESS_CACHE_SERVER");
  BOOST_TEST(item[0].kind == "default-value");
  BOOST_TEST(item[0].params["value"] == "SSL_SESS_CACHE_SERVER");
  // Outside an item labelled with a flag, "this" names no value.
  BOOST_TEST(recognise_in(v, "This is the default.")[0].kind != "default-value");
  BOOST_TEST(recognise_in(v, "There is no default timeout value of 300 seconds.")[0].kind != "default-value");
}

// Without a verb the lexicon knows, a noun phrase is no subject: the
// sentence stays visibly unrecognised.
BOOST_AUTO_TEST_CASE(unknown_verb_after_a_noun_phrase_stays_unrecognised) {
  BOOST_TEST(recognise_in(add_session_page(), "Sessions wobble after a handshake.")[0].kind == "unrecognised");
}

// A verb with no subject: the item it belongs to, the page parameter it acts
// on, or, anywhere else, an instruction to the reader.
BOOST_AUTO_TEST_CASE(subjectless_sentences_describe_or_advise) {
  const auto& v = get_session_page();
  // (A verb joining two flags under a flag's item is a flag-combines claim:
  // cache_rows_test.cpp.)
  const auto item = recognise_in(v, "Enable both modes at the same time.",
                                 "DESCRIPTION", "", "SSL_SESS_CACHE_BOTH");
  BOOST_TEST(item[0].kind == "descriptive");
  BOOST_TEST(item[0].params["subject"] == "SSL_SESS_CACHE_BOTH");
  BOOST_TEST(recognise_in(v, "Reset ssl to allow another connection.", "DESCRIPTION", "SSL_get_session")[0].kind == "descriptive");
  const auto advice = recognise_in(v, "Use the version-flexible methods instead of the version specific methods.", "NOTES", "SSL_get_session");
  BOOST_TEST(advice[0].kind == "caller-obligation");
}

// General rules for what is no claim: advice, illustrations, pointers, hypotheticals.
BOOST_AUTO_TEST_CASE(advice_examples_and_hypotheticals_are_no_claims) {
  const auto& v = get_session_page();
  BOOST_TEST(recognise_in(v, "When disabling a protocol, make sure that you also disable the later ones.")[0].kind == "caller-obligation");
  BOOST_TEST(recognise_in(v, "You probably shouldn't use these functions.")[0].kind == "caller-obligation");
  BOOST_TEST(recognise_in(v, "The list can also be limited with options, but this approach is not recommended.")[0].kind == "caller-obligation");
  BOOST_TEST(recognise_in(v, "For example, this happens because a session has become obsolete.")[0].kind == "informative");
  BOOST_TEST(recognise_in(v, "This value is a hint and not an absolute; see the notes below.")[0].kind == "informative");
  BOOST_TEST(recognise_in(v, "Using them in place of RAND_bytes() would be grossly foolish.")[0].kind == "speculative");
  // "would" inside a subordinate clause leaves the main statement a statement.
  BOOST_TEST(recognise_in(v, "SSL_get_session() tells how many bytes a write would accept.")[0].kind == "descriptive");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(setters_and_cache_changes)

BOOST_AUTO_TEST_CASE(setter_names_its_value_and_getter) {
  const auto v = vocabulary({proto("long", "SSL_CTX_set_timeout", {{"SSL_CTX *", "ctx"}, {"long", "t"}}),
                             proto("long", "SSL_CTX_get_timeout", {{"const SSL_CTX *", "ctx"}})});
  const auto fs = recognise_in(v, "SSL_CTX_set_timeout() sets the timeout for newly created sessions for ctx to t.");
  const auto f = find_kind(fs, "sets-value");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["argument"] == "t");
  BOOST_TEST(f->params["getter"] == "SSL_CTX_get_timeout");
  const auto gs = recognise_in(v, "SSL_CTX_get_timeout() returns the currently set timeout value.", "RETURN VALUES");
  BOOST_TEST(find_kind(gs, "returns-current")->params["setter"] == "SSL_CTX_set_timeout");
}

// The value of a setter in apposition after the last "to", or the
// parameter itself as the object ("sets session to be used").
BOOST_AUTO_TEST_CASE(setter_value_in_apposition_or_as_object) {
  const auto v = vocabulary({proto("int", "SSL_SESSION_set_protocol_version", {{"SSL_SESSION *", "s"}, {"int", "version"}}),
                             proto("int", "SSL_SESSION_get_protocol_version", {{"const SSL_SESSION *", "s"}}),
                             proto("int", "SSL_set_session", {{"SSL *", "ssl"}, {"SSL_SESSION *", "session"}}),
                             proto("SSL_SESSION *", "SSL_get_session", {{"const SSL *", "ssl"}})});
  const auto fs = recognise_in(v, "SSL_SESSION_set_protocol_version() sets the protocol version associated with the SSL_SESSION object s to the version version.");
  const auto f = find_kind(fs, "sets-value");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["argument"] == "version");  // the last "to", not "with ... s"
  BOOST_TEST(f->params["getter"] == "SSL_SESSION_get_protocol_version");
  const auto gs = recognise_in(v, "SSL_set_session() sets session to be used when the connection is established.");
  const auto g = find_kind(gs, "sets-value");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->params["argument"] == "session");
  BOOST_TEST(g->params["getter"] == "SSL_get_session");
}

// An output parameter written only under a condition keeps it.
BOOST_AUTO_TEST_CASE(output_written_under_a_condition_keeps_it) {
  const auto v = vocabulary({proto("const unsigned char *", "SSL_SESSION_get0_id_context",
                                   {{"const SSL_SESSION *", "s"}, {"unsigned int *", "len"}})});
  const auto fs = recognise_in(v, "The length of the ID context is written to *len if len is not NULL.", "DESCRIPTION",
                               "SSL_SESSION_get0_id_context");
  const auto f = find_kind(fs, "writes-output");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["argument"] == "len");
  BOOST_TEST(f->params["condition"] == "len is not NULL");
  BOOST_TEST(f->params["when"] == "named:len is not null");
}

BOOST_AUTO_TEST_CASE(setting_something_to_a_non_parameter_is_no_setter_claim) {
  const auto v = vocabulary({proto("long", "SSL_CTX_set_timeout", {{"SSL_CTX *", "ctx"}, {"long", "t"}})});
  BOOST_TEST(!has(recognise_in(v, "SSL_CTX_set_timeout() sets the timeout to a sensible default."), "sets-value"));
}

BOOST_AUTO_TEST_CASE(add_and_remove_name_the_session) {
  const auto& v = add_session_page();
  const auto a = recognise_in(v, "SSL_CTX_add_session() adds the session c to the context ctx.");
  BOOST_TEST_REQUIRE(has(a, "cache-add"));
  BOOST_TEST(find_kind(a, "cache-add")->params["argument"] == "c");
  const auto r = recognise_in(v, "SSL_CTX_remove_session() removes the session c from the session cache of ctx.");
  BOOST_TEST_REQUIRE(has(r, "cache-remove"));
  BOOST_TEST(!has(recognise_in(v, "SSL_CTX_add_session() adds nothing to the context ctx."), "cache-add"));
}

// The observers' own documented behaviour, in our wording and OpenSSL's.
BOOST_AUTO_TEST_CASE(the_observers_own_behaviour_is_claimed) {
  const auto ex = vocabulary({proto("int", "SSL_SESSION_get_ex_new_index",
                                    {{"long", "argl"}, {"void *", "argp"}, {"CRYPTO_EX_new *", "new_func"},
                                     {"CRYPTO_EX_dup *", "dup_func"}, {"CRYPTO_EX_free *", "free_func"}})});
  BOOST_TEST(has(recognise_in(ex, "When a session is freed, the free_func of each index that has one is called once, with the session and the pointer stored.", "DESCRIPTION"), "free-callback-once"));
  BOOST_TEST(!has(recognise_in(ex, "When a session is freed, the free_func is not called.", "DESCRIPTION"), "free-callback-once"));
  const auto count = vocabulary({proto("long", "SSL_CTX_sess_number", {{"SSL_CTX *", "ctx"}})});
  BOOST_TEST(has(recognise_in(count, "SSL_CTX_sess_number() returns the number of sessions currently held in the session cache of ctx."), "cache-count"));
  BOOST_TEST(!has(recognise_in(count, "SSL_CTX_sess_number() returns the number of sessions proposed by clients."), "cache-count"));
  const auto rm = vocabulary({proto("void", "SSL_CTX_sess_set_remove_cb", {{"SSL_CTX *", "ctx"}, {"void (*)(SSL_CTX *, SSL_SESSION *)", "cb"}})});
  BOOST_TEST(has(recognise_in(rm, "SSL_CTX_sess_set_remove_cb() sets the function that is called when a session leaves the session cache of ctx."), "remove-callback"));
  BOOST_TEST(has(recognise_in(rm, "SSL_CTX_sess_set_remove_cb() sets the callback function that is called whenever a session is removed by the SSL engine."), "remove-callback"));
  BOOST_TEST(!has(recognise_in(rm, "SSL_CTX_sess_set_remove_cb() sets the callback function that is called whenever a new session was negotiated."), "remove-callback"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lifecycle_wordings_of_other_pages)

BOOST_AUTO_TEST_CASE(handshake_and_shutdown_wordings) {
  const auto v = vocabulary({proto("void", "SSL_free", {{"SSL *", "ssl"}})});
  BOOST_TEST(has(recognise_in(v, "When the handshake completes, the connection has a session: the resumed one, or a new one created by the handshake."), "session-from-handshake"));
  BOOST_TEST(has(recognise_in(v, "If the connection completed a handshake and SSL_shutdown(3) was not called on it, its session is considered bad: SSL_free() removes the session from the session cache."), "unclean-shutdown-removes"));
  BOOST_TEST(has(recognise_in(v, "A connection that completed its handshake and is freed without SSL_shutdown() takes its session out of the cache."), "unclean-shutdown-removes"));
  BOOST_TEST(!has(recognise_in(v, "A connection that was shut down cleanly keeps its session in the session cache when it is freed with SSL_free(3)."), "unclean-shutdown-removes"));
  const auto kept = recognise_in(v, "A session survives SSL_free() when someone else still holds a reference to it.");
  BOOST_TEST_REQUIRE(has(kept, "kept-reference-survives"));
  BOOST_TEST(find_kind(kept, "kept-reference-survives")->params["release"] == "SSL_free");
}

BOOST_AUTO_TEST_CASE(byte_copies_into_a_session_are_setters) {
  const auto v = vocabulary({proto("int", "SSL_SESSION_set1_id", {{"SSL_SESSION *", "s"}, {"const unsigned char *", "sid"}, {"unsigned int", "sid_len"}}),
                             proto("const unsigned char *", "SSL_SESSION_get_id", {{"const SSL_SESSION *", "s"}, {"unsigned int *", "len"}})});
  const auto fs = recognise_in(v, "SSL_SESSION_set1_id() copies sid_len bytes from sid into s as its new session ID.");
  const auto f = find_kind(fs, "sets-value");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->params["argument"] == "sid");
  BOOST_TEST(f->params["getter"] == "SSL_SESSION_get_id");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(subjects)

BOOST_AUTO_TEST_CASE(a_mentioned_function_does_not_take_over_the_subject) {
  const auto v = vocabulary({proto("EVP_ASYM_CIPHER *", "EVP_ASYM_CIPHER_fetch", {{"OSSL_LIB_CTX *", "ctx"}}),
                             proto("void", "EVP_ASYM_CIPHER_free", {{"EVP_ASYM_CIPHER *", "cipher"}})});
  const SentenceContext mention{&v, "DESCRIPTION", "", "EVP_ASYM_CIPHER_free", "", "", ""};
  BOOST_TEST(subject_of(normalise("Typically this structure was obtained from an earlier call to EVP_ASYM_CIPHER_fetch().", v), mention) == "EVP_ASYM_CIPHER_free");
  BOOST_TEST(subject_of(normalise("EVP_ASYM_CIPHER_fetch() fetches it.", v), mention) == "EVP_ASYM_CIPHER_fetch");
  const auto fs = recognise_in(v, "If the argument is NULL, nothing is done.", "DESCRIPTION", "EVP_ASYM_CIPHER_free");
  BOOST_TEST_REQUIRE(has(fs, "null-noop"));
  BOOST_TEST(find_kind(fs, "null-noop")->params["argument"] == "cipher");
  const auto gs = recognise_in(v, "If the reference count drops to 0 then the structure is freed.", "DESCRIPTION", "EVP_ASYM_CIPHER_free");
  BOOST_TEST_REQUIRE(has(gs, "refcount-decrement-free"));
  BOOST_TEST(find_kind(gs, "refcount-decrement-free")->params["argument"] == "cipher");
}

BOOST_AUTO_TEST_SUITE_END()
