// Copy counts, sizes, likeness and repeated conditions (issue 13): each
// class read in a wording of the installed manual and in others, and left
// alone where a sentence only shares words with it.
#include "claims/tests/fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>

using namespace sslconf::claims;
using namespace sslconf::claims::test;

namespace {

const Vocabulary& copy_page() {
  static const Vocabulary v = vocabulary({
      proto("size_t", "SSL_get_client_random", {{"const SSL *", "ssl"}, {"unsigned char *", "out"}, {"size_t", "outlen"}}),
      proto("size_t", "SSL_get_server_random", {{"const SSL *", "ssl"}, {"unsigned char *", "out"}, {"size_t", "outlen"}}),
      proto("size_t", "SSL_SESSION_get_master_key",
            {{"const SSL_SESSION *", "session"}, {"unsigned char *", "out"}, {"size_t", "outlen"}}),
      proto("int", "SSL_SESSION_set1_master_key", {{"SSL_SESSION *", "sess"}, {"const unsigned char *", "in"}, {"size_t", "len"}}),
  });
  return v;
}

const Vocabulary& shutdown_page() {
  static const Vocabulary v = vocabulary({proto("int", "SSL_shutdown", {{"SSL *", "ssl"}})});
  return v;
}

const Vocabulary& set_session_page() {
  static const Vocabulary v = vocabulary({proto("int", "SSL_set_session", {{"SSL *", "ssl"}, {"SSL_SESSION *", "session"}})});
  return v;
}

const Vocabulary& dup_page() {
  static const Vocabulary v = vocabulary({proto("SSL *", "SSL_dup", {{"SSL *", "s"}}),
                                          proto("SSL_CTX *", "SSL_CTX_dup_like", {{"SSL *", "s"}})});
  return v;
}

const Vocabulary& version_page() {
  static const Vocabulary v = vocabulary({proto("int", "SSL_SESSION_get_protocol_version", {{"const SSL_SESSION *", "s"}}),
                                          proto("int", "SSL_version", {{"const SSL *", "ssl"}})});
  return v;
}

std::vector<Finding> all_of_kind(const std::vector<Finding>& fs, const std::string& kind) {
  std::vector<Finding> out;
  std::copy_if(fs.begin(), fs.end(), std::back_inserter(out), [&](const Finding& f) { return f.kind == kind; });
  return out;
}

std::vector<std::string> subjects(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.functions.empty() ? "" : f.functions.front());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_number_of_bytes_copied_in_several_wordings) {
  const auto& v = copy_page();
  const auto a = find_kind(recognise_in(v, "It returns the total number of bytes that were actually copied.", "DESCRIPTION",
                                        "SSL_get_client_random"),
                           "returns-copied");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_get_client_random");
  BOOST_TEST(!a->params.contains("bound"));
  const auto b = find_kind(recognise_in(v, "SSL_get_server_random() returns the number of bytes written, never more than outlen."),
                           "returns-copied");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->functions.front() == "SSL_get_server_random");
  BOOST_TEST(b->params["bound"] == "outlen");
  // Not a count of what the call copied.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_get_server_random() returns the number of bytes the peer sent."), "returns-copied"));
}

BOOST_AUTO_TEST_CASE(these_functions_means_those_with_the_parameters_named) {
  const auto& v = copy_page();
  const auto fs = all_of_kind(
      recognise_in(v, "If outlen is greater than 0, these functions return the number of bytes copied, at most outlen."),
      "returns-copied");
  using V = std::vector<std::string>;
  BOOST_TEST(subjects(fs) == (V{"SSL_get_client_random", "SSL_get_server_random", "SSL_SESSION_get_master_key"}));
  BOOST_TEST_REQUIRE(!fs.empty());
  BOOST_TEST(fs.front().params["condition"] == "outlen is greater than 0");
  BOOST_TEST(fs.front().params["bound"] == "outlen");
  // The installed page's scope and "then".
  const auto g = all_of_kind(recognise_in(v, "For the other functions, if outlen is greater than 0 then these functions return "
                                             "the number of bytes actually copied, which will be less than or equal to outlen."),
                             "returns-copied");
  BOOST_TEST(g.size() == 3u);
  BOOST_TEST_REQUIRE(!g.empty());
  BOOST_TEST(g.front().params["condition"] == "outlen is greater than 0");
}

BOOST_AUTO_TEST_CASE(a_size_returned_with_or_without_a_condition) {
  const auto& v = copy_page();
  const auto a = find_kind(recognise_in(v, "When outlen is zero, SSL_SESSION_get_master_key() returns the full length of the master key."),
                           "returns-quantity");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_SESSION_get_master_key");
  BOOST_TEST(a->params["quantity"] == "full length of the master key");
  BOOST_TEST(a->params["condition"] == "outlen is 0");  // numbers are normalised
  const auto b = all_of_kind(recognise_in(v, "If outlen is 0 then these functions return the maximum number of bytes they "
                                             "would copy -- that is, the length of the underlying field."),
                             "returns-quantity");
  BOOST_TEST(b.size() == 3u);
  BOOST_TEST_REQUIRE(!b.empty());
  BOOST_TEST(b.front().params["condition"] == "outlen is 0");
  const auto c = find_kind(recognise_in(encoding_page(), "i2d_SSL_SESSION() returns the length of the DER encoding."),
                           "returns-quantity");
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(c->functions.front() == "i2d_SSL_SESSION");
  BOOST_TEST(!c->params.contains("condition"));
  // A count of events, and a value that is no size, are something else.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_get_client_random() returns the random value of the client."), "returns-quantity"));
  BOOST_TEST(!find_kind(recognise_in(v, "The length of the list is unlimited."), "returns-quantity"));
}

BOOST_AUTO_TEST_CASE(a_value_under_the_condition_that_opens_the_sentence_or_the_one_before) {
  const auto& v = shutdown_page();
  const auto a = find_kind(recognise_in(v, "When quiet shutdown is set, SSL_shutdown() always returns 1."), "returns-enumerated");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->params["value"] == 1);
  BOOST_TEST(a->params["condition"] == "quiet shutdown is set");
  const std::string before = "A second call to SSL_shutdown() waits for the close_notify alert of the peer.";
  const auto b = find_kind(recognise_in(v, "SSL_shutdown() returns 1 in this case.", "DESCRIPTION", "SSL_shutdown", "", before),
                           "returns-enumerated");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["value"] == 1);
  BOOST_TEST(b->params["condition"] == before);
  // "in that case" with nothing before it names no case.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_shutdown() returns 1 in that case."), "returns-enumerated"));
  // A condition in the middle is not one that opens the sentence.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_shutdown() can be called twice and returns 1."), "returns-enumerated"));
}

BOOST_AUTO_TEST_CASE(one_function_behaves_as_another) {
  const auto& v = copy_page();
  const auto a = find_kind(recognise_in(v, "SSL_get_server_random() works the same way as SSL_get_client_random()."), "behaves-like");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_get_server_random");
  BOOST_TEST(a->params["like"] == "SSL_get_client_random");
  const auto b = find_kind(recognise_in(v, "SSL_SESSION_get_master_key() behaves the same, but extracts the master secret.",
                                        "DESCRIPTION", "SSL_get_server_random"),
                           "behaves-like");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["like"] == "SSL_get_server_random");
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_get_server_random() behaves differently.", "DESCRIPTION", "SSL_get_client_random"),
                        "behaves-like"));
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_get_server_random() behaves the same except that it never fails.", "DESCRIPTION",
                                     "SSL_get_client_random"),
                        "behaves-like"));
  // Opening a paragraph: like the page's first function, never like itself.
  const auto c = find_kind(recognise_in(v, "SSL_get_server_random() behaves the same."), "behaves-like");
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(c->params["like"] == "SSL_get_client_random");
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_get_client_random() behaves the same."), "behaves-like"));
}

BOOST_AUTO_TEST_CASE(a_field_of_fixed_size) {
  const auto& v = copy_page();
  const auto a = all_of_kind(recognise_in(v, "In current versions of the TLS protocols, the length of client_random (and also "
                                             "server_random) is always SSL3_RANDOM_SIZE bytes."),
                             "length-is");
  using V = std::vector<std::string>;
  BOOST_TEST(subjects(a) == (V{"SSL_get_client_random", "SSL_get_server_random"}));
  BOOST_TEST_REQUIRE(!a.empty());
  BOOST_TEST(a.front().params["value"] == "SSL3_RANDOM_SIZE");
  BOOST_TEST(a.front().params["condition"] == "in current versions of the tls protocols");
  const auto b = find_kind(recognise_in(v, "The size of the server_random value is 32 bytes."), "length-is");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->functions.front() == "SSL_get_server_random");
  BOOST_TEST(b->params["value"] == "32");
  BOOST_TEST(!b->params.contains("condition"));
  BOOST_TEST(!find_kind(recognise_in(v, "The length of client_random is usually 32 bytes."), "length-is"));
  BOOST_TEST(!find_kind(recognise_in(v, "The length of peer_random is always 32 bytes."), "length-is"));  // no reader
}

BOOST_AUTO_TEST_CASE(the_old_object_freed_and_the_same_under_another_condition) {
  const auto& v = set_session_page();
  const std::string first = "If a session was already set on ssl by SSL_set_session(), SSL_SESSION_free() is called for the old session.";
  const auto a = find_kind(recognise_in(v, first, "DESCRIPTION", "SSL_set_session"), "releases-previous");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_set_session");
  BOOST_TEST(a->params["condition"].get<std::string>().find("already") != std::string::npos);
  // No clause saying there was one: not about an old object.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_SESSION_free() is called for that session when the cache is flushed.", "DESCRIPTION",
                                     "SSL_set_session"),
                        "releases-previous"));
  const auto b = find_kind(recognise_in(v, "The same holds when session is NULL.", "DESCRIPTION", "SSL_set_session", "", first),
                           "releases-previous");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["condition"] == "session is NULL");
  BOOST_TEST(b->params["when"] == "null-argument");
  // With no sentence before, or one with nothing checkable, nothing is repeated.
  BOOST_TEST(!find_kind(recognise_in(v, "The same holds when session is NULL."), "releases-previous"));
  BOOST_TEST(!find_kind(recognise_in(v, "This is also the case when session is NULL.", "DESCRIPTION", "SSL_set_session", "",
                                     "SSL_set_session() is only useful for clients."),
                        "releases-previous"));
}

BOOST_AUTO_TEST_CASE(the_object_given_is_the_object_returned) {
  const auto& v = dup_page();
  const auto a = find_kind(recognise_in(v, "For connections that are not in their initial state SSL_dup() just increments an "
                                           "internal reference count and returns the same handle."),
                           "returns-argument");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_dup");
  BOOST_TEST(a->params["argument"] == "s");
  BOOST_TEST(a->params["condition"] == "connections that are not in their initial state");
  const auto b = find_kind(recognise_in(v, "If the handshake has started, SSL_dup() returns the same object."), "returns-argument");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["condition"] == "the handshake has started");
  // Another type back is not the object given; "the same" something else is no object.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_CTX_dup_like() returns the same context."), "returns-argument"));
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_dup() returns the same value as SSL_new()."), "returns-argument"));
}

BOOST_AUTO_TEST_CASE(what_a_value_indicates_is_when_it_comes) {
  const auto& v = shutdown_page();
  const auto a = find_kind(recognise_in(v, "SSL_shutdown() signals a closed connection by returning a negative value."),
                           "returns-enumerated");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->params["value"] == "negative");
  BOOST_TEST(a->params["condition"] == "a closed connection");
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_shutdown() indicates nothing by its return value."), "returns-enumerated"));
}

BOOST_AUTO_TEST_CASE(a_value_among_named_constants) {
  const auto& v = version_page();
  const auto a = find_kind(recognise_in(v, "SSL_SESSION_get_protocol_version() returns a number indicating the protocol version "
                                           "used for the session; this number matches the constants e.g. TLS1_VERSION, "
                                           "TLS1_2_VERSION or TLS1_3_VERSION."),
                           "returns-one-of");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->functions.front() == "SSL_SESSION_get_protocol_version");
  BOOST_TEST(a->params["values"].size() == 3u);
  BOOST_TEST(a->params["examples"] == true);
  const auto b = find_kind(recognise_in(v, "SSL_version() returns one of TLS1_2_VERSION and TLS1_3_VERSION."), "returns-one-of");
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->params["examples"] == false);
  // One constant is a value, not a set; no return statement, no claim.
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_version() returns TLS1_3_VERSION."), "returns-one-of"));
  BOOST_TEST(!find_kind(recognise_in(v, "The versions are TLS1_2_VERSION and TLS1_3_VERSION."), "returns-one-of"));
  // Function names and NULL are no constants.
  BOOST_TEST(!find_kind(recognise_in(v, "If s is NULL, SSL_version() and SSL_SESSION_get_protocol_version() return 0."),
                        "returns-one-of"));
}
