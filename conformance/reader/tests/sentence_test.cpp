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
