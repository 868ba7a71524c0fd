// The versions a method constructor's connections speak (issue 13): read in
// the installed manual's wording and in others, with the methods taken from
// the sentence or from the list item's label, and left alone where the
// sentence names no single version or no method.
#include "claims/tests/fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <optional>

using namespace sslconf::claims;
using namespace sslconf::claims::test;

namespace {

const Vocabulary& methods_page() {
  static const Vocabulary v = vocabulary({
      proto("const SSL_METHOD *", "TLS_method", {{"void", ""}}),
      proto("const SSL_METHOD *", "TLS_server_method", {{"void", ""}}),
      proto("const SSL_METHOD *", "TLS_client_method", {{"void", ""}}),
      proto("const SSL_METHOD *", "TLSv1_2_method", {{"void", ""}}),
      proto("const SSL_METHOD *", "TLSv1_2_server_method", {{"void", ""}}),
      proto("const SSL_METHOD *", "TLSv1_2_client_method", {{"void", ""}}),
      proto("const SSL_METHOD *", "TLSv1_1_method", {{"void", ""}}),
      proto("SSL_CTX *", "SSL_CTX_new", {{"const SSL_METHOD *", "method"}}),
  });
  return v;
}

const std::string kTls12Label = "TLSv1_2_method(), TLSv1_2_server_method(), TLSv1_2_client_method()";
const std::string kFlexibleLabel = "TLS_method(), TLS_server_method(), TLS_client_method()";

}  // namespace

BOOST_AUTO_TEST_CASE(one_version_only_for_the_methods_of_the_item) {
  const auto& v = methods_page();
  const auto f = find_kind(recognise_in(v, "A TLS/SSL connection established with these methods will only understand the "
                                         "TLSv1.2 protocol.", "NOTES", "", kTls12Label),
                         "protocol-only");
  BOOST_TEST_REQUIRE(f.has_value());
  using V = std::vector<std::string>;
  BOOST_TEST(f->functions == (V{"TLSv1_2_method", "TLSv1_2_server_method", "TLSv1_2_client_method"}));
  BOOST_TEST(f->params["protocol"] == "TLSv1.2");
  // Another wording, the method named in the sentence, the version spelt "TLS 1.1".
  const auto g = find_kind(recognise_in(v, "TLSv1_1_method() supports only TLS 1.1."), "protocol-only");
  BOOST_TEST_REQUIRE(g.has_value());
  BOOST_TEST(g->functions == (V{"TLSv1_1_method"}));
  BOOST_TEST(g->params["protocol"] == "TLSv1.1");
  const auto h = find_kind(recognise_in(v, "Connections made with them only speak SSLv3.", "NOTES", "", kTls12Label),
                         "protocol-only");
  BOOST_TEST_REQUIRE(h.has_value());
  BOOST_TEST(h->params["protocol"] == "SSLv3");
}

BOOST_AUTO_TEST_CASE(no_single_version_or_no_method_is_not_read) {
  const auto& v = methods_page();
  BOOST_TEST(!find_kind(recognise_in(v, "These methods support TLSv1.2.", "NOTES", "", kTls12Label), "protocol-only"));
  BOOST_TEST(!find_kind(recognise_in(v, "These methods only understand TLSv1.2 and TLSv1.3.", "NOTES", "", kTls12Label),
                      "protocol-only"));
  BOOST_TEST(!find_kind(recognise_in(v, "A connection will only understand the TLSv1.2 protocol."), "protocol-only"));
  BOOST_TEST(!find_kind(recognise_in(v, "SSL_CTX_new() only understands TLSv1.2."), "protocol-only"));  // not a method
}

BOOST_AUTO_TEST_CASE(the_highest_version_both_ends_support) {
  const auto& v = methods_page();
  const auto f = find_kind(recognise_in(v, "The actual protocol version used will be negotiated to the highest version "
                                         "mutually supported by the client and the server.", "NOTES", "", kFlexibleLabel),
                         "negotiates-highest");
  BOOST_TEST_REQUIRE(f.has_value());
  BOOST_TEST(f->functions.size() == 3u);
  BOOST_TEST(f->functions.front() == "TLS_method");
  BOOST_TEST(find_kind(recognise_in(v, "With TLS_method() the version is negotiated to the highest version that both "
                                     "sides support."),
                     "negotiates-highest")
                 .has_value());
  BOOST_TEST(!find_kind(recognise_in(v, "The highest version mutually supported is used.", "NOTES", "", kFlexibleLabel),
                      "negotiates-highest"));  // says nothing of negotiation
}
