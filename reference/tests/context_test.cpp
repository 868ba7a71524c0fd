// SSL_CTX: defaults, settings with their return values, certificate and
// key loading (shape only), reference counting.
#define BOOST_TEST_MODULE sslref_context
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace sslref_test;

namespace {
struct Ctx {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  ~Ctx() { SSL_CTX_free(ctx); }
};
}  // namespace

BOOST_AUTO_TEST_CASE(methods_are_never_null_and_new_refuses_null) {
  BOOST_TEST(TLS_method() != nullptr);
  BOOST_TEST(TLS_client_method() != nullptr);
  BOOST_TEST(TLS_server_method() != nullptr);
  BOOST_TEST(SSL_CTX_new(nullptr) == nullptr);
}

BOOST_FIXTURE_TEST_CASE(new_context_has_openssl_defaults, Ctx) {
  BOOST_TEST(SSL_CTX_get_session_cache_mode(ctx) == SSL_SESS_CACHE_SERVER);
  BOOST_TEST(SSL_CTX_sess_get_cache_size(ctx) == SSL_SESSION_CACHE_MAX_SIZE_DEFAULT);
  BOOST_TEST(SSL_CTX_get_timeout(ctx) == 7200);
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 0);
  BOOST_TEST(SSL_CTX_get_min_proto_version(ctx) == 0);
  BOOST_TEST(SSL_CTX_get_max_proto_version(ctx) == 0);
}

BOOST_FIXTURE_TEST_CASE(cache_mode_setter_returns_the_previous_mode, Ctx) {
  BOOST_TEST(SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_BOTH | SSL_SESS_CACHE_NO_AUTO_CLEAR) == SSL_SESS_CACHE_SERVER);
  BOOST_TEST(SSL_CTX_get_session_cache_mode(ctx) == (SSL_SESS_CACHE_BOTH | SSL_SESS_CACHE_NO_AUTO_CLEAR));
  BOOST_TEST(SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF) == (SSL_SESS_CACHE_BOTH | SSL_SESS_CACHE_NO_AUTO_CLEAR));
}

BOOST_FIXTURE_TEST_CASE(cache_size_setter_returns_previous_and_refuses_negative, Ctx) {
  BOOST_TEST(SSL_CTX_sess_set_cache_size(ctx, 10) == SSL_SESSION_CACHE_MAX_SIZE_DEFAULT);
  BOOST_TEST(SSL_CTX_sess_get_cache_size(ctx) == 10);
  BOOST_TEST(SSL_CTX_sess_set_cache_size(ctx, -1) == 0);
  BOOST_TEST(SSL_CTX_sess_get_cache_size(ctx) == 10);
}

BOOST_FIXTURE_TEST_CASE(timeout_setter_returns_the_previous_timeout, Ctx) {
  BOOST_TEST(SSL_CTX_set_timeout(ctx, 60) == 7200);
  BOOST_TEST(SSL_CTX_get_timeout(ctx) == 60);
  BOOST_TEST(SSL_CTX_set_timeout(nullptr, 1) == 0);
}

BOOST_FIXTURE_TEST_CASE(protocol_bounds_accept_known_versions_only, Ctx) {
  BOOST_TEST(SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION) == 1);
  BOOST_TEST(SSL_CTX_get_max_proto_version(ctx) == TLS1_2_VERSION);
  BOOST_TEST(SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) == 1);
  BOOST_TEST(SSL_CTX_set_max_proto_version(ctx, 0x1234) == 0);
  BOOST_TEST(SSL_CTX_get_max_proto_version(ctx) == TLS1_2_VERSION);
}

BOOST_FIXTURE_TEST_CASE(options_accumulate_and_include_no_ticket, Ctx) {
  BOOST_TEST(SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET) == SSL_OP_NO_TICKET);
  BOOST_TEST((SSL_CTX_get_options(ctx) & SSL_OP_NO_TICKET) != 0u);
  BOOST_TEST(SSL_CTX_clear_options(ctx, SSL_OP_NO_TICKET) == 0u);
}

BOOST_FIXTURE_TEST_CASE(session_id_context_longer_than_32_is_refused, Ctx) {
  unsigned char big[33] = {};
  BOOST_TEST(SSL_CTX_set_session_id_context(ctx, big, 32) == 1);
  BOOST_TEST(SSL_CTX_set_session_id_context(ctx, big, 33) == 0);
}

BOOST_FIXTURE_TEST_CASE(pem_certificate_and_key_are_accepted, Ctx) {
  BOOST_TEST(SSL_CTX_use_certificate_file(ctx, data_path("cert.pem").c_str(), SSL_FILETYPE_PEM) == 1);
  BOOST_TEST(SSL_CTX_use_PrivateKey_file(ctx, data_path("key.pem").c_str(), SSL_FILETYPE_PEM) == 1);
}

BOOST_FIXTURE_TEST_CASE(der_certificate_is_accepted_as_asn1, Ctx) {
  BOOST_TEST(SSL_CTX_use_certificate_file(ctx, data_path("cert.der").c_str(), SSL_FILETYPE_ASN1) == 1);
  BOOST_TEST(SSL_CTX_use_certificate_file(ctx, data_path("cert.pem").c_str(), SSL_FILETYPE_ASN1) == 0);
}

BOOST_FIXTURE_TEST_CASE(wrong_or_missing_files_are_refused, Ctx) {
  BOOST_TEST(SSL_CTX_use_certificate_file(ctx, data_path("garbage.pem").c_str(), SSL_FILETYPE_PEM) == 0);
  BOOST_TEST(SSL_CTX_use_certificate_file(ctx, data_path("no-such-file.pem").c_str(), SSL_FILETYPE_PEM) == 0);
  BOOST_TEST(SSL_CTX_use_PrivateKey_file(ctx, data_path("cert.pem").c_str(), SSL_FILETYPE_PEM) == 0);
  BOOST_TEST(SSL_CTX_use_certificate_file(ctx, data_path("key.pem").c_str(), SSL_FILETYPE_PEM) == 0);
  BOOST_TEST(SSL_CTX_use_certificate_file(ctx, data_path("cert.pem").c_str(), 99) == 0);
}

BOOST_AUTO_TEST_CASE(context_lives_while_an_ssl_holds_it) {
  FreeCounter counter;
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = make_session(1);
  counter.tag(s);
  SSL_CTX_add_session(ctx, s);
  SSL_SESSION_free(s);
  SSL* ssl = SSL_new(ctx);
  SSL_CTX_free(ctx);
  BOOST_TEST(counter.freed() == 0);  // the SSL keeps the context and its cache alive
  SSL_free(ssl);
  BOOST_TEST(counter.freed() == 1);
}

BOOST_AUTO_TEST_CASE(up_ref_adds_a_reference) {
  FreeCounter counter;
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = make_session(2);
  counter.tag(s);
  SSL_CTX_add_session(ctx, s);
  SSL_SESSION_free(s);
  BOOST_TEST(SSL_CTX_up_ref(ctx) == 1);
  SSL_CTX_free(ctx);
  BOOST_TEST(counter.freed() == 0);
  SSL_CTX_free(ctx);
  BOOST_TEST(counter.freed() == 1);
  SSL_CTX_free(nullptr);
  BOOST_TEST(SSL_CTX_up_ref(nullptr) == 0);
}
