// The cached regex traits give std::regex's answers: every pattern shape the
// recognisers use (word boundaries, classes, icase, brackets), on texts with
// every byte value, compared match by match with std::regex.
#define BOOST_TEST_MODULE regex
#include <boost/test/unit_test.hpp>

#include "model/regex.hpp"

#include <string>
#include <thread>
#include <vector>

namespace {

const std::vector<std::pair<const char*, std::regex::flag_type>> kPatterns{
    {R"(\bfree(?:s|d)?\b)", std::regex::ECMAScript},
    {R"(\w+\s+\w+)", std::regex::ECMAScript},
    {R"([[:alpha:]_][[:alnum:]_]*\()", std::regex::ECMAScript},
    {R"(\bNULL\b|\bnull pointer\b)", std::regex::icase},
    {R"([^\s.]+\.)", std::regex::icase | std::regex::optimize},
    {R"(\d{1,3}(?:\.\d+)*)", std::regex::ECMAScript},
    {R"([[:upper:]]+[[:digit:]]?[[:punct:]])", std::regex::icase},
};

std::vector<std::string> texts() {
  std::vector<std::string> t{"SSL_SESSION_free() frees the session.", "Returns NULL on error; null pointer ok",
                             "Version 1.1.1w and 3.0.22 differ", "A_b9( x_y( z", "UPPER9! lower? MiXeD_7."};
  std::string every_byte;
  for (int i = 1; i < 256; ++i) every_byte += static_cast<char>(i);
  t.push_back(every_byte);
  return t;
}

std::vector<std::string> matches(const std::regex& r, const std::string& s) {
  std::vector<std::string> out;
  for (std::sregex_iterator it(s.begin(), s.end(), r), end; it != end; ++it) out.push_back(it->str());
  return out;
}

std::vector<std::string> matches(const sslconf::Regex& r, const std::string& s) {
  std::vector<std::string> out;
  for (sslconf::RegexIterator it(s.begin(), s.end(), r), end; it != end; ++it) out.push_back(it->str());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(same_matches_as_std_regex) {
  for (const auto& [pattern, flags] : kPatterns) {
    const std::regex standard(pattern, flags);
    const sslconf::Regex cached(pattern, flags);
    for (const auto& text : texts()) {
      BOOST_TEST_CONTEXT(pattern << " on " << text.substr(0, 30)) {
        BOOST_TEST(matches(standard, text) == matches(cached, text), boost::test_tools::per_element());
        BOOST_TEST(std::regex_replace(text, standard, "<$&>") == std::regex_replace(text, cached, "<$&>"));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(one_expression_matched_from_several_threads) {
  static const sslconf::Regex shared(R"(\b(\w+)_free\b)", std::regex::icase);
  const std::string text = "SSL_free, BIO_free and X509_FREE but not freed";
  const auto expected = matches(shared, text);
  BOOST_TEST(expected.size() == 3u);
  std::vector<std::thread> threads;
  std::vector<int> agreed(4, 0);
  for (std::size_t t = 0; t < agreed.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) agreed[t] += matches(shared, text) == expected;
    });
  for (auto& th : threads) th.join();
  for (const int n : agreed) BOOST_TEST(n == 200);
}

BOOST_AUTO_TEST_CASE(required_literals_follow_the_pattern_structure) {
  using V = std::vector<std::string>;
  BOOST_TEST(sslconf::required_literals("(?:was|were) (?:first )?added in") == V{"added in"});
  BOOST_TEST(sslconf::required_literals(R"(^(.*?)\b(?:is|are) (FUNC))") == V{"FUNC"});
  BOOST_TEST(sslconf::required_literals("colou?r of") == V{"colo"});  // the first of two equal runs
  BOOST_TEST(sslconf::required_literals("[abc]def|(?:ghi|jkl)+") == (V{"def", "ghi", "jkl"}));
  BOOST_TEST(sslconf::required_literals("(?!not )done") == V{"done"});
  BOOST_TEST(sslconf::required_literals(R"(\(FUNC\) x{0,2}yy)") == V{"(FUNC) "});
  // Nothing promised: an optional branch, a one-letter need, what it cannot read.
  BOOST_TEST(sslconf::required_literals("abc|(?:def)?").empty());
  BOOST_TEST(sslconf::required_literals("a|b(c)").empty());
  BOOST_TEST(sslconf::required_literals("(abc").empty());
  BOOST_TEST(sslconf::required_literals(R"(\x41bcdef)").empty());
  BOOST_TEST(sslconf::required_literals("abc)def").empty());
}

BOOST_AUTO_TEST_CASE(the_filter_never_hides_a_match) {
  const std::vector<const char*> patterns{"(?:was|were) (?:first )?added in", "colou?r of", "[abc]def|(?:ghi|jkl)+",
                                          R"(\b(?:returns?|gives) (?:the )?(?:value )?(NUM|NULL)\b)", "x+yz{1,3}w"};
  const std::vector<std::string> texts{"it was first added in 1.1.0", "color of", "colour of", "zdef", "jkljkl",
                                       "returns the value NUM", "gives NULL", "xxxyzzzw", "xyzw", "nothing here"};
  for (const char* p : patterns) {
    const sslconf::FilteredRegex f(p);
    for (const auto& t : texts)
      if (std::regex_search(t, f.regex())) BOOST_TEST(f.may_match(t), p << " on " << t);
  }
}
