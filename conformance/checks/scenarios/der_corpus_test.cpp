#define BOOST_TEST_MODULE checks_der_corpus
#include <boost/test/unit_test.hpp>

#include "checks/scenarios/der_corpus.hpp"

#include <algorithm>
#include <set>

using namespace sslconf::checks::scenarios;

namespace {

// A session as libsslref writes one: version 1, TLS 1.3, a cipher, a 32-byte
// ID, a 48-byte master key, [1] time, [2] timeout, [4] an empty ID context.
Der session() {
  Der body = {0x02, 0x01, 0x01, 0x02, 0x02, 0x03, 0x04, 0x04, 0x02, 0x13, 0x01, 0x04, 0x20};
  body.insert(body.end(), 32, 0x11);
  body.insert(body.end(), {0x04, 0x30});
  body.insert(body.end(), 48, 0x22);
  body.insert(body.end(), {0xa1, 0x06, 0x02, 0x04, 0x5f, 0x00, 0x00, 0x00, 0xa2, 0x04, 0x02, 0x02, 0x01, 0x2c, 0xa4, 0x02, 0x04, 0x00});
  body.insert(body.begin(), {0x30, static_cast<unsigned char>(body.size())});
  return body;
}

bool has(const Corpus& c, const Der& bytes) {
  return std::any_of(c.malformed.begin(), c.malformed.end(), [&](const Malformed& m) { return m.bytes == bytes; });
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_written_session_is_a_session_encoding) {
  BOOST_TEST(session_grammar_accepts(session()));
  Der set = session();
  set[0] = 0x31;
  BOOST_TEST(!session_grammar_accepts(set));
}

BOOST_AUTO_TEST_CASE(every_class_of_change_is_made_and_none_is_a_session_encoding) {
  const Corpus c = malformed_session_encodings(session());
  BOOST_TEST(c.tree);
  std::set<std::string> kinds;
  for (const auto& m : c.malformed) {
    kinds.insert(m.kind);
    BOOST_TEST(!session_grammar_accepts(m.bytes), m.what);
    BOOST_TEST(m.bytes != session());
  }
  for (const char* k : {"element dropped", "element repeated", "element moved", "tag class changed", "tag number changed",
                        "universal element inserted", "application element inserted", "context-specific element inserted",
                        "private element inserted", "length shortened", "length lengthened", "encoding cut short"})
    BOOST_TEST(kinds.count(k) == 1u, k);
}

BOOST_AUTO_TEST_CASE(a_wrong_class_element_after_the_tagged_fields_is_in_the_corpus) {
  const Corpus c = malformed_session_encodings(session());
  for (unsigned char tag : {0x05, 0x40, 0xc0}) {
    Der bad = session();
    bad.insert(bad.end(), {tag, 0x00});
    bad[1] = static_cast<unsigned char>(bad[1] + 2);
    BOOST_TEST(has(c, bad), "tag " << int(tag));
  }
}

BOOST_AUTO_TEST_CASE(changes_that_stay_session_encodings_are_left_out) {
  const Corpus c = malformed_session_encodings(session());
  // Dropping an optional tagged field ([4], the last 4 bytes) is valid.
  Der without = session();
  without.resize(without.size() - 4);
  without[1] = static_cast<unsigned char>(without[1] - 4);
  BOOST_TEST(session_grammar_accepts(without));
  BOOST_TEST(!has(c, without));
  BOOST_TEST(c.still_valid > 0u);
}

BOOST_AUTO_TEST_CASE(every_cut_of_the_encoding_is_malformed) {
  const Der valid = session();
  const Corpus c = malformed_session_encodings(valid);
  for (std::size_t n = 0; n < valid.size(); ++n) BOOST_TEST(has(c, Der(valid.begin(), valid.begin() + static_cast<long>(n))));
}

BOOST_AUTO_TEST_CASE(an_encoding_of_another_format_gets_only_cuts) {
  const Der other = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06};
  const Corpus c = malformed_session_encodings(other);
  BOOST_TEST(!c.tree);
  BOOST_TEST(c.malformed.size() == 2u);
}

BOOST_AUTO_TEST_CASE(trailing_bytes_follow_a_whole_encoding) {
  const Der valid = session();
  for (const auto& t : with_trailing_bytes(valid)) {
    BOOST_TEST(t.second.size() > valid.size());
    BOOST_TEST(std::equal(valid.begin(), valid.end(), t.second.begin()));
  }
}
