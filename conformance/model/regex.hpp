// The regular expression type of the readers and recognisers.
//
// std::regex_traits<char> looks the locale's ctype facet up (std::use_facet:
// a dynamic_cast and type-name comparisons) for every character class test
// (`\b`, `\w`, `\s`, `[[:alpha:]]`) and, with icase, for every character
// compared. Over a whole manual that was a fifth of `sslconf claims`. These
// traits answer both from tables filled once per expression: the character
// classes its pattern names (while it is compiled, on one thread) and the
// lower-case map. A class the tables miss falls back to the standard traits,
// so the answers never differ from std::regex's, only the cost.
#pragma once

#include <array>
#include <bitset>
#include <iterator>
#include <locale>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace sslconf {

class CachedRegexTraits : public std::regex_traits<char> {
  using Base = std::regex_traits<char>;

 public:
  CachedRegexTraits() { fill(); }

  locale_type imbue(locale_type loc) {
    const locale_type old = Base::imbue(std::move(loc));
    fill();
    return old;
  }

  char translate_nocase(char c) const { return lower_[static_cast<unsigned char>(c)]; }

  template <class It>
  char_class_type lookup_classname(It first, It last, bool icase = false) const {
    // libstdc++ asks for "w" at every `\b` while matching: answered from
    // the table, so matching never writes to it.
    if (std::distance(first, last) == 1 && *first == 'w') return word_;
    const char_class_type cls = Base::lookup_classname(first, last, icase);
    remember(cls);
    return cls;
  }

  bool isctype(char c, char_class_type cls) const {
    for (const auto& [known, members] : classes_)
      if (known == cls) return members[static_cast<unsigned char>(c)];
    return Base::isctype(c, cls);
  }

 private:
  void fill() {
    for (int i = 0; i < 256; ++i) lower_[static_cast<std::size_t>(i)] = Base::translate_nocase(static_cast<char>(i));
    classes_.clear();
    const char w = 'w';
    word_ = Base::lookup_classname(&w, &w + 1);
    remember(word_);
  }

  // Called while the expression is compiled (by its constructor), never
  // while it matches: the tables are only read by then.
  void remember(char_class_type cls) const {
    for (const auto& entry : classes_)
      if (entry.first == cls) return;
    std::bitset<256> members;
    for (int i = 0; i < 256; ++i) members[static_cast<std::size_t>(i)] = Base::isctype(static_cast<char>(i), cls);
    classes_.emplace_back(cls, members);
  }

  std::array<char, 256> lower_{};
  char_class_type word_{};
  mutable std::vector<std::pair<char_class_type, std::bitset<256>>> classes_;
};

using Regex = std::basic_regex<char, CachedRegexTraits>;
using RegexIterator = std::regex_iterator<std::string::const_iterator, char, CachedRegexTraits>;
using RegexTokenIterator = std::regex_token_iterator<std::string::const_iterator, char, CachedRegexTraits>;

}  // namespace sslconf

namespace sslconf {

// Literal text that every match of an ECMAScript pattern contains: a list of
// alternatives, at least one of which occurs in any string the pattern
// matches (empty: the pattern promises none). Found from the pattern's own
// structure (literal runs, groups, alternations; anything optional or not a
// plain character ends a run), so a cheap substring search can skip most
// expressions before the regex engine runs. Case-sensitive patterns only.
std::vector<std::string> required_literals(const std::string& pattern);

// A case-sensitive expression with its required literals: may_match() is
// false only where the expression cannot match.
class FilteredRegex {
 public:
  explicit FilteredRegex(const std::string& pattern, std::regex::flag_type flags = std::regex::ECMAScript)
      : regex_(pattern, flags), needs_((flags & std::regex::icase) ? std::vector<std::string>{} : required_literals(pattern)) {}
  bool may_match(const std::string& text) const {
    if (needs_.empty()) return true;
    for (const auto& n : needs_)
      if (text.find(n) != std::string::npos) return true;
    return false;
  }
  const Regex& regex() const { return regex_; }
  const std::vector<std::string>& needs() const { return needs_; }

 private:
  Regex regex_;
  std::vector<std::string> needs_;
};

}  // namespace sslconf
