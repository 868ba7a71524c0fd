#define BOOST_TEST_MODULE reader_sentence_test
#include "reader/text_util.hpp"

#include <boost/test/unit_test.hpp>

using sslconf::reader::split_sentences;

namespace {

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  for (auto s : split_sentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(splits_at_full_stops_before_capitals) {
  const auto s = sentences("SSL_free() frees it. The count drops. Nothing else happens!");
  BOOST_TEST(s == (std::vector<std::string>{"SSL_free() frees it.", "The count drops.", "Nothing else happens!"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(abbreviations_do_not_end_sentences) {
  const auto s = sentences("It may fail, e.g. SSL_free() on a freed session, i.e. Bad things, etc. and more. Next.");
  BOOST_TEST(s.size() == 2u);
  BOOST_TEST(s[1] == "Next.");
}

BOOST_AUTO_TEST_CASE(etc_before_a_capitalised_word_ends_a_sentence) {
  const auto s = sentences("Tickets, caches etc. The rest follows.");
  BOOST_TEST(s.size() == 2u);
}

BOOST_AUTO_TEST_CASE(versions_and_calls_do_not_end_sentences) {
  const auto s = sentences("It was added in OpenSSL 1.1.1. Calling time(0) or SSL_free(). Done.");
  BOOST_TEST(s == (std::vector<std::string>{"It was added in OpenSSL 1.1.1.", "Calling time(0) or SSL_free().", "Done."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(full_stops_inside_parentheses_do_not_end_sentences) {
  const auto s = sentences("It is freed (see SSL_free(3). Really.) when done. Next one.");
  BOOST_TEST(s.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_sentence_may_start_with_a_lower_case_identifier) {
  const auto s = sentences("Sessions are encoded. d2i_SSL_SESSION() decodes them.");
  BOOST_TEST(s.size() == 2u);
  BOOST_TEST(s[1] == "d2i_SSL_SESSION() decodes them.");
}

BOOST_AUTO_TEST_CASE(text_without_a_full_stop_is_one_sentence) {
  BOOST_TEST(sentences("ssl(7), SSL_free(3)").size() == 1u);
  BOOST_TEST(sentences("   ").empty());
}

BOOST_AUTO_TEST_CASE(a_one_letter_argument_can_end_a_sentence) {
  BOOST_TEST(sentences("It returns the length of s. The caller frees it.").size() == 2u);
}

// The word-at-a-time byte tests agree with a byte-by-byte look at every
// byte value in every position (the scans skip a word only when they say no).
BOOST_AUTO_TEST_CASE(word_byte_tests_agree_with_each_byte) {
  using namespace sslconf::reader;
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
  }
}
