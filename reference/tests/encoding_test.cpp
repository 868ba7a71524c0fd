// i2d_SSL_SESSION / d2i_SSL_SESSION: round trip, OpenSSL's layout, the a
// and pp conventions, and clean rejection of malformed input.
#define BOOST_TEST_MODULE sslref_encoding
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

using namespace sslref_test;

namespace {

std::vector<unsigned char> read_data(const std::string& name) {
  std::ifstream in(data_path(name), std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<unsigned char> encode(const SSL_SESSION* s) {
  const int n = i2d_SSL_SESSION(s, nullptr);
  std::vector<unsigned char> out(static_cast<size_t>(n));
  unsigned char* p = out.data();
  BOOST_REQUIRE(i2d_SSL_SESSION(s, &p) == n);
  BOOST_REQUIRE(p == out.data() + n);
  return out;
}

SSL_SESSION* decode(const std::vector<unsigned char>& der) {
  const unsigned char* p = der.data();
  return d2i_SSL_SESSION(nullptr, &p, static_cast<long>(der.size()));
}

// The session tests/data/openssl_session.der holds, as the system OpenSSL
// 3.0 encoded it (ID 32 x 0xab, context "ctx", key 48 x 0xcd, time
// 1700000000, timeout 300, TLS 1.2, cipher 0x009c).
SSL_SESSION* make_known_session() {
  SSL_SESSION* s = make_session(0xab, 1700000000, 300);
  unsigned char key[48];
  std::memset(key, 0xcd, sizeof key);
  const unsigned char ctx[] = "ctx";
  BOOST_REQUIRE(SSL_SESSION_set1_master_key(s, key, sizeof key) == 1);
  BOOST_REQUIRE(SSL_SESSION_set1_id_context(s, ctx, 3) == 1);
  BOOST_REQUIRE(SSL_SESSION_set_protocol_version(s, TLS1_2_VERSION) == 1);
  return s;
}

void check_known_fields(const SSL_SESSION* d) {
  BOOST_TEST(id_of(d) == std::vector<unsigned char>(32, 0xab));
  BOOST_TEST(SSL_SESSION_get_time(d) == 1700000000);
  BOOST_TEST(SSL_SESSION_get_timeout(d) == 300);
  BOOST_TEST(SSL_SESSION_get_protocol_version(d) == TLS1_2_VERSION);
  unsigned int len = 0;
  const unsigned char* ctx = SSL_SESSION_get0_id_context(d, &len);
  BOOST_TEST(std::string(reinterpret_cast<const char*>(ctx), len) == "ctx");
  unsigned char key[64];
  BOOST_TEST(SSL_SESSION_get_master_key(d, key, sizeof key) == 48u);
  BOOST_TEST(std::vector<unsigned char>(key, key + 48) == std::vector<unsigned char>(48, 0xcd));
}

}  // namespace

BOOST_AUTO_TEST_CASE(round_trip_keeps_every_modelled_field) {
  SSL_SESSION* s = make_known_session();
  SSL_SESSION* d = decode(encode(s));
  BOOST_REQUIRE(d);
  check_known_fields(d);
  BOOST_TEST(SSL_SESSION_is_resumable(d) == 1);
  BOOST_TEST((encode(d) == encode(s)));
  SSL_SESSION_free(s);
  SSL_SESSION_free(d);
}

BOOST_AUTO_TEST_CASE(session_encoded_by_openssl_decodes_with_equal_fields) {
  const std::vector<unsigned char> der = read_data("openssl_session.der");
  BOOST_REQUIRE(!der.empty());
  SSL_SESSION* d = decode(der);
  BOOST_REQUIRE(d);
  check_known_fields(d);
  SSL_SESSION_free(d);
}

BOOST_AUTO_TEST_CASE(encoding_is_byte_identical_to_openssl_for_the_same_fields) {
  const std::vector<unsigned char> der = read_data("openssl_session.der");
  SSL_SESSION* d = decode(der);
  BOOST_REQUIRE(d);
  BOOST_TEST((encode(d) == der));
  SSL_SESSION_free(d);
}

BOOST_AUTO_TEST_CASE(i2d_with_null_target_allocates_the_buffer) {
  SSL_SESSION* s = make_known_session();
  unsigned char* buf = nullptr;
  const int n = i2d_SSL_SESSION(s, &buf);
  BOOST_REQUIRE(buf);
  BOOST_TEST(n == i2d_SSL_SESSION(s, nullptr));
  const std::vector<unsigned char> copy(buf, buf + n);
  BOOST_TEST((copy == encode(s)));
  std::free(buf);
  SSL_SESSION_free(s);
  BOOST_TEST(i2d_SSL_SESSION(nullptr, nullptr) == 0);
}

BOOST_AUTO_TEST_CASE(d2i_advances_pp_past_the_session_only) {
  SSL_SESSION* s = make_known_session();
  std::vector<unsigned char> der = encode(s);
  const size_t n = der.size();
  der.push_back(0x42);  // trailing data belongs to the caller
  const unsigned char* p = der.data();
  SSL_SESSION* d = d2i_SSL_SESSION(nullptr, &p, static_cast<long>(der.size()));
  BOOST_REQUIRE(d);
  BOOST_TEST(p == der.data() + n);
  SSL_SESSION_free(d);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(d2i_reuses_the_session_in_a_and_stores_the_result) {
  FreeCounter counter;
  SSL_SESSION* s = make_known_session();
  const std::vector<unsigned char> der = encode(s);
  SSL_SESSION* target = make_session(0x01);
  counter.tag(target);
  SSL_SESSION* a = target;
  const unsigned char* p = der.data();
  SSL_SESSION* d = d2i_SSL_SESSION(&a, &p, static_cast<long>(der.size()));
  BOOST_TEST(d == target);
  BOOST_TEST(a == target);
  check_known_fields(target);
  BOOST_TEST(SSL_SESSION_get_ex_data(target, counter.index()) != nullptr);  // same object, ex_data kept
  SSL_SESSION* fresh = nullptr;
  p = der.data();
  d = d2i_SSL_SESSION(&fresh, &p, static_cast<long>(der.size()));
  BOOST_TEST(d == fresh);
  BOOST_TEST(fresh != nullptr);
  SSL_SESSION_free(fresh);
  SSL_SESSION_free(target);
  SSL_SESSION_free(s);
  BOOST_TEST(counter.freed() == 1);
}

BOOST_AUTO_TEST_CASE(every_truncation_is_rejected_without_touching_pp_or_a) {
  SSL_SESSION* s = make_known_session();
  const std::vector<unsigned char> der = encode(s);
  SSL_SESSION* keep = make_session(0x02);
  for (size_t len = 0; len < der.size(); ++len) {
    const unsigned char* p = der.data();
    SSL_SESSION* a = keep;
    BOOST_TEST(d2i_SSL_SESSION(&a, &p, static_cast<long>(len)) == nullptr);
    BOOST_TEST(p == der.data());
    BOOST_TEST(a == keep);
  }
  BOOST_TEST(id_of(keep) == std::vector<unsigned char>(32, 0x02));  // untouched
  SSL_SESSION_free(keep);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(malformed_fields_are_rejected) {
  SSL_SESSION* s = make_known_session();
  const std::vector<unsigned char> good = encode(s);
  SSL_SESSION_free(s);
  struct Mutation {
    size_t offset;
    unsigned char value;
    const char* what;
  };
  // Offsets follow the layout of openssl_session.der (see asn1parse).
  const Mutation mutations[] = {
      {0, 0x31, "outer tag is not SEQUENCE"},
      {5, 0x02, "ASN.1 version is not 1"},
      {8, 0x05, "protocol version with an unknown major byte"},
      {11, 0x03, "cipher is not 2 bytes"},
      {15, 0x21, "session ID longer than 32 bytes"},
  };
  for (const Mutation& m : mutations) {
    std::vector<unsigned char> bad = good;
    bad[m.offset] = m.value;
    const unsigned char* p = bad.data();
    BOOST_TEST(d2i_SSL_SESSION(nullptr, &p, static_cast<long>(bad.size())) == nullptr, m.what);
  }
}

BOOST_AUTO_TEST_CASE(null_and_empty_input_are_rejected) {
  const unsigned char* p = nullptr;
  BOOST_TEST(d2i_SSL_SESSION(nullptr, &p, 10) == nullptr);
  BOOST_TEST(d2i_SSL_SESSION(nullptr, nullptr, 10) == nullptr);
  const unsigned char byte = 0x30;
  p = &byte;
  BOOST_TEST(d2i_SSL_SESSION(nullptr, &p, 0) == nullptr);
  BOOST_TEST(d2i_SSL_SESSION(nullptr, &p, -1) == nullptr);
}

BOOST_AUTO_TEST_CASE(absent_time_and_timeout_take_openssl_defaults) {
  FakeClock clock(4242);
  SSL_SESSION* s = make_known_session();
  BOOST_REQUIRE(SSL_SESSION_set_time(s, 0) == 0);  // returns the time given
  BOOST_REQUIRE(SSL_SESSION_set_timeout(s, 0) == 1);
  SSL_SESSION* d = decode(encode(s));
  BOOST_REQUIRE(d);
  BOOST_TEST(SSL_SESSION_get_time(d) == 4242);
  BOOST_TEST(SSL_SESSION_get_timeout(d) == 3);
  SSL_SESSION_free(d);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(negative_time_round_trips) {
  SSL_SESSION* s = make_known_session();
  BOOST_REQUIRE(SSL_SESSION_set_time(s, -5) == -5);
  SSL_SESSION* d = decode(encode(s));
  BOOST_REQUIRE(d);
  BOOST_TEST(SSL_SESSION_get_time(d) == -5);
  SSL_SESSION_free(d);
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(unmodelled_openssl_fields_are_skipped) {
  // Written by the system OpenSSL: TLS 1.3 session with host name, ALPN,
  // max early data and ticket app data, which libsslref does not model.
  const std::vector<unsigned char> der = read_data("openssl_tls13_hostname_alpn.der");
  SSL_SESSION* d = decode(der);
  BOOST_REQUIRE(d);
  BOOST_TEST(id_of(d) == std::vector<unsigned char>(16, 0x77));
  BOOST_TEST(SSL_SESSION_get_protocol_version(d) == TLS1_3_VERSION);
  BOOST_TEST(SSL_SESSION_get_timeout(d) == 304);
  SSL_SESSION_free(d);
}

BOOST_AUTO_TEST_CASE(optional_fields_out_of_order_are_rejected) {
  SSL_SESSION* s = make_known_session();
  std::vector<unsigned char> der = encode(s);
  SSL_SESSION_free(s);
  // Swap the [1] time and [2] timeout elements (8 and 6 bytes, at 98).
  BOOST_REQUIRE(der[98] == 0xa1 && der[106] == 0xa2);
  std::vector<unsigned char> swapped(der.begin(), der.begin() + 98);
  swapped.insert(swapped.end(), der.begin() + 106, der.begin() + 112);
  swapped.insert(swapped.end(), der.begin() + 98, der.begin() + 106);
  swapped.insert(swapped.end(), der.begin() + 112, der.end());
  BOOST_REQUIRE(swapped.size() == der.size());
  BOOST_TEST(decode(swapped) == nullptr);
}
