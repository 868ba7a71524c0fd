// The word-at-a-time byte tests agree with a byte-by-byte look at every
// byte value in every position (the scans skip a word only when they say no).
#define BOOST_TEST_MODULE word_scan
#include <boost/test/unit_test.hpp>

#include "model/word_scan.hpp"

#include <string_view>

BOOST_AUTO_TEST_CASE(word_byte_tests_agree_with_each_byte) {
  using namespace sslconf::model;
  std::uint64_t seed = 0x9e3779b97f4a7c15ULL;
  const auto next = [&seed] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; };
  for (int round = 0; round < 20000; ++round) {
    unsigned char bytes[8];
    for (auto& b : bytes) b = static_cast<unsigned char>(next() >> 56);
    // Mostly printable text, with one byte of any value somewhere.
    for (auto& b : bytes) b = static_cast<unsigned char>(0x20 + b % 0x5f);
    bytes[next() >> 61] = static_cast<unsigned char>(next() >> 56);
    const std::string_view s(reinterpret_cast<const char*>(bytes), 8);
    const std::uint64_t w = word_at(s, 0);
    for (unsigned c : {0x00u, 0x0au, 0x20u, 0x2eu, 0x28u, 0x7fu, 0x80u, 0xffu}) {
      bool equal = false, below = false;
      for (auto b : bytes) equal |= b == c, below |= b < c;
      BOOST_TEST(has_byte(w, static_cast<unsigned char>(c)) == equal);
      if (c <= 0x80) BOOST_TEST(has_byte_below(w, static_cast<unsigned char>(c)) == below);
    }
    bool printable = true;
    for (auto b : bytes) printable &= b >= 0x20 && b <= 0x7e;
    BOOST_TEST(printable_ascii(w) == printable);
  }
}
