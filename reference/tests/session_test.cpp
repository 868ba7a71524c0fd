// SSL_SESSION: creation, reference counting, fields, ex_data and dup.
#define BOOST_TEST_MODULE sslref_session
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include <climits>
#include <cstring>

using namespace sslref_test;

namespace {

int g_new_calls = 0;
void on_new(void*, void* ptr, CRYPTO_EX_DATA*, int, long argl, void*) {
  if (ptr == nullptr && argl == 42) ++g_new_calls;
}

void* g_freed_value = nullptr;
void remember_freed_value(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) { g_freed_value = ptr; }

int g_dup_calls = 0;
int g_replacement = 0;
int replace_on_dup(CRYPTO_EX_DATA*, const CRYPTO_EX_DATA*, void** from_d, int, long, void*) {
  ++g_dup_calls;
  *from_d = &g_replacement;
  return 1;
}
int refuse_dup(CRYPTO_EX_DATA*, const CRYPTO_EX_DATA*, void**, int, long, void*) { return 0; }

}  // namespace

BOOST_AUTO_TEST_CASE(new_session_has_current_time_and_openssl_default_timeout) {
  FakeClock clock(123456);
  SSL_SESSION* s = SSL_SESSION_new();
  BOOST_REQUIRE(s);
  BOOST_TEST(SSL_SESSION_get_time(s) == 123456);
  BOOST_TEST(SSL_SESSION_get_timeout(s) == 304);
  BOOST_TEST(SSL_SESSION_get_protocol_version(s) == 0);
  BOOST_TEST(SSL_SESSION_is_resumable(s) == 0);  // no ID yet
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(free_of_null_does_nothing) {
  SSL_SESSION_free(nullptr);
  BOOST_TEST(SSL_SESSION_up_ref(nullptr) == 0);
}

BOOST_AUTO_TEST_CASE(session_dies_exactly_when_last_reference_goes) {
  FreeCounter counter;
  SSL_SESSION* s = SSL_SESSION_new();
  counter.tag(s);
  BOOST_TEST(SSL_SESSION_up_ref(s) == 1);
  BOOST_TEST(SSL_SESSION_up_ref(s) == 1);
  SSL_SESSION_free(s);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 0);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 1);
}

BOOST_AUTO_TEST_CASE(ex_data_new_callback_fires_at_creation_with_null_value) {
  const int idx = SSL_SESSION_get_ex_new_index(42, nullptr, on_new, nullptr, nullptr);
  BOOST_REQUIRE(idx > 0);  // index 0 is reserved, as in OpenSSL
  g_new_calls = 0;
  SSL_SESSION* s = SSL_SESSION_new();
  BOOST_TEST(g_new_calls == 1);
  BOOST_TEST(SSL_SESSION_get_ex_data(s, idx) == nullptr);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(ex_data_free_callback_receives_the_stored_value) {
  const int idx = SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, nullptr, remember_freed_value);
  int value = 7;
  SSL_SESSION* s = SSL_SESSION_new();
  BOOST_REQUIRE(SSL_SESSION_set_ex_data(s, idx, &value) == 1);
  BOOST_TEST(SSL_SESSION_get_ex_data(s, idx) == &value);
  g_freed_value = nullptr;
  SSL_SESSION_free(s);
  BOOST_TEST(g_freed_value == &value);
}

BOOST_AUTO_TEST_CASE(ex_data_rejects_negative_index) {
  SSL_SESSION* s = SSL_SESSION_new();
  BOOST_TEST(SSL_SESSION_set_ex_data(s, -1, s) == 0);
  BOOST_TEST(SSL_SESSION_get_ex_data(s, -1) == nullptr);
  BOOST_TEST(SSL_SESSION_get_ex_data(s, 200) == nullptr);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(ex_index_rejects_unknown_class) {
  BOOST_TEST(CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX__COUNT, 0, nullptr, nullptr, nullptr, nullptr) == -1);
}

BOOST_AUTO_TEST_CASE(dup_is_distinct_with_equal_fields) {
  SSL_SESSION* s = make_session(0x11, 5000, 600);
  const unsigned char ctx[] = "ctx";
  const unsigned char key[] = "0123456789abcdef";
  BOOST_REQUIRE(SSL_SESSION_set1_id_context(s, ctx, 3) == 1);
  BOOST_REQUIRE(SSL_SESSION_set1_master_key(s, key, 16) == 1);
  BOOST_REQUIRE(SSL_SESSION_set_protocol_version(s, TLS1_2_VERSION) == 1);
  SSL_SESSION* d = SSL_SESSION_dup(s);
  BOOST_REQUIRE(d);
  BOOST_TEST(d != s);
  BOOST_TEST(SSL_SESSION_get_time(d) == 5000);
  BOOST_TEST(SSL_SESSION_get_timeout(d) == 600);
  BOOST_TEST(SSL_SESSION_get_protocol_version(d) == TLS1_2_VERSION);
  BOOST_TEST(id_of(d) == id_of(s));
  unsigned int len = 0;
  const unsigned char* got = SSL_SESSION_get0_id_context(d, &len);
  BOOST_TEST(len == 3u);
  BOOST_TEST(std::memcmp(got, ctx, 3) == 0);
  unsigned char out[64];
  BOOST_TEST(SSL_SESSION_get_master_key(d, out, sizeof out) == 16u);
  BOOST_TEST(std::memcmp(out, key, 16) == 0);
  BOOST_TEST(SSL_SESSION_is_resumable(d) == 1);
  SSL_SESSION_free(s);
  SSL_SESSION_free(d);
}

BOOST_AUTO_TEST_CASE(dup_copies_ex_data_through_dup_callback) {
  const int idx = SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, replace_on_dup, nullptr);
  int original = 1;
  SSL_SESSION* s = SSL_SESSION_new();
  BOOST_REQUIRE(SSL_SESSION_set_ex_data(s, idx, &original) == 1);
  g_dup_calls = 0;
  SSL_SESSION* d = SSL_SESSION_dup(s);
  BOOST_REQUIRE(d);
  BOOST_TEST(g_dup_calls == 1);
  BOOST_TEST(SSL_SESSION_get_ex_data(d, idx) == &g_replacement);
  BOOST_TEST(SSL_SESSION_get_ex_data(s, idx) == &original);
  SSL_SESSION_free(s);
  SSL_SESSION_free(d);
}

BOOST_AUTO_TEST_CASE(dup_copies_ex_data_without_callback_as_is) {
  FreeCounter counter;
  SSL_SESSION* s = SSL_SESSION_new();
  counter.tag(s);
  SSL_SESSION* d = SSL_SESSION_dup(s);
  BOOST_TEST(SSL_SESSION_get_ex_data(d, counter.index()) == SSL_SESSION_get_ex_data(s, counter.index()));
  SSL_SESSION_free(s);
  SSL_SESSION_free(d);
  BOOST_TEST(counter.freed() == 2);
}

BOOST_AUTO_TEST_CASE(dup_has_its_own_lifetime) {
  FreeCounter counter;
  SSL_SESSION* s = make_session(0x12);
  counter.tag(s);
  SSL_SESSION* d = SSL_SESSION_dup(s);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 1);  // the original died, the copy did not
  BOOST_TEST(SSL_SESSION_get_timeout(d) == 300);
  SSL_SESSION_free(d);
  BOOST_TEST(counter.freed() == 2);
}

BOOST_AUTO_TEST_CASE(dup_of_cached_session_belongs_to_no_cache) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL_SESSION* s = make_session(0x13);
  BOOST_REQUIRE(SSL_CTX_add_session(ctx, s) == 1);
  SSL_SESSION* d = SSL_SESSION_dup(s);
  BOOST_TEST(SSL_CTX_add_session(ctx, s) == 0);  // s is the cached object
  BOOST_TEST(SSL_CTX_add_session(ctx, d) == 1);  // d is not: it replaces s
  BOOST_TEST(SSL_CTX_sess_number(ctx) == 1);
  SSL_SESSION_free(s);
  SSL_SESSION_free(d);
  SSL_CTX_free(ctx);
}

BOOST_AUTO_TEST_CASE(dup_fails_cleanly_when_a_dup_callback_refuses) {
  FreeCounter counter;
  const int idx = SSL_SESSION_get_ex_new_index(0, nullptr, nullptr, refuse_dup, nullptr);
  SSL_SESSION* s = SSL_SESSION_new();
  counter.tag(s);
  BOOST_REQUIRE(SSL_SESSION_set_ex_data(s, idx, s) == 1);
  BOOST_TEST(SSL_SESSION_dup(s) == nullptr);
  BOOST_TEST(counter.freed() == 1);  // the half-made copy was freed
  SSL_SESSION_free(s);
  BOOST_TEST(SSL_SESSION_dup(nullptr) == nullptr);
}

BOOST_AUTO_TEST_CASE(set1_id_refuses_more_than_32_bytes_and_keeps_old_id) {
  SSL_SESSION* s = make_session(0x14);
  unsigned char big[33] = {};
  BOOST_TEST(SSL_SESSION_set1_id(s, big, 33) == 0);
  BOOST_TEST(id_of(s) == std::vector<unsigned char>(32, 0x14));
  BOOST_TEST(SSL_SESSION_set1_id_context(s, big, 33) == 0);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(get_master_key_with_zero_outlen_returns_its_length) {
  SSL_SESSION* s = SSL_SESSION_new();
  const unsigned char key[48] = {1, 2, 3};
  BOOST_REQUIRE(SSL_SESSION_set1_master_key(s, key, 48) == 1);
  BOOST_TEST(SSL_SESSION_get_master_key(s, nullptr, 0) == 48u);
  unsigned char two[2];
  BOOST_TEST(SSL_SESSION_get_master_key(s, two, 2) == 2u);
  BOOST_TEST(two[1] == 2);
  unsigned char huge[65] = {};
  BOOST_TEST(SSL_SESSION_set1_master_key(s, huge, 65) == 0);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(set_time_returns_the_time_set_timeout_1_and_null_returns_0) {
  SSL_SESSION* s = SSL_SESSION_new();
  BOOST_TEST(SSL_SESSION_set_time(s, 77) == 77);
  BOOST_TEST(SSL_SESSION_get_time(s) == 77);
  BOOST_TEST(SSL_SESSION_set_timeout(s, 99) == 1);
  BOOST_TEST(SSL_SESSION_get_timeout(s) == 99);
  BOOST_TEST(SSL_SESSION_set_timeout(s, -1) == 0);
  BOOST_TEST(SSL_SESSION_get_timeout(s) == 99);
  BOOST_TEST(SSL_SESSION_set_time(nullptr, 1) == 0);
  BOOST_TEST(SSL_SESSION_get_time(nullptr) == 0);
  BOOST_TEST(SSL_SESSION_get_timeout(nullptr) == 0);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(is_resumable_needs_an_id) {
  SSL_SESSION* s = SSL_SESSION_new();
  BOOST_TEST(SSL_SESSION_is_resumable(s) == 0);
  const unsigned char id[1] = {9};
  BOOST_REQUIRE(SSL_SESSION_set1_id(s, id, 1) == 1);
  BOOST_TEST(SSL_SESSION_is_resumable(s) == 1);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(openssl_version_reports_sslref) {
  BOOST_TEST(std::string(OpenSSL_version(OPENSSL_VERSION)) == SSLREF_VERSION_TEXT);
  BOOST_TEST(std::string(OpenSSL_version(OPENSSL_VERSION)) == "sslref 0.1.0");
  BOOST_TEST(OPENSSL_VERSION_NUMBER == 0x30000000L);
}
