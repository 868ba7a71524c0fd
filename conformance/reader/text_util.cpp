#include "reader/text_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace sslconf::reader {

namespace {

// Abbreviations after which a full stop never ends a sentence.
constexpr std::array<std::string_view, 8> kNeverEnd{"e.g", "i.e", "cf", "vs", "viz", "approx", "resp", "incl"};

std::string_view word_before(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && !is_space(text[b - 1]) && text[b - 1] != '(') --b;
  return text.substr(b, dot - b);
}

// `word` is `abbreviation`, or it followed by a full stop ("e.g.."), in
// any case.
bool is_abbreviation(std::string_view word, std::string_view abbreviation) {
  if (word.size() == abbreviation.size() + 1 && word.back() == '.') word.remove_suffix(1);
  return iequals(word, abbreviation);
}

// The next word looks like the start of a sentence: a capitalised word, or
// an identifier/call such as "SSL_free()" or "d2i_SSL_SESSION()".
bool starts_sentence(std::string_view rest) {
  if (rest.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(rest[0]);
  if (is_ascii_upper(static_cast<char>(c)) || c == '"' || c == '\'' || c == '(' || c == '[') return true;
  if (static_cast<unsigned char>(rest[0]) >= 0x80) return true;  // “ and other UTF-8 openers
  std::size_t n = 0;
  while (n < rest.size() && is_ident_char(rest[n])) ++n;
  const std::string_view word = rest.substr(0, n);
  return word.find('_') != std::string_view::npos || (n < rest.size() && rest[n] == '(' && n > 0);
}

// "etc." ends a sentence only when a plain capitalised word follows.
bool plain_capitalised(std::string_view rest) {
  if (rest.size() < 2 || !is_ascii_upper(rest[0])) return false;
  std::size_t n = 1;
  while (n < rest.size() && is_ascii_lower(rest[n])) ++n;
  return n > 1 && (n == rest.size() || !is_ident_char(rest[n]));
}

bool ends_sentence_at(std::string_view text, std::size_t i, std::size_t& after) {
  const char c = text[i];
  if (c != '.' && c != '!' && c != '?') return false;
  std::size_t j = i + 1;
  while (j < text.size() && (text[j] == ')' || text[j] == '"' || text[j] == '\'')) ++j;
  if (j < text.size() && !is_space(text[j])) return false;  // "1.1.1", "a.b"
  std::size_t k = j;
  while (k < text.size() && is_space(text[k])) ++k;
  after = j;
  if (k == text.size()) return true;
  if (c != '.') return starts_sentence(text.substr(k));
  const std::string_view raw = word_before(text, i);
  if (raw.size() > 8) return starts_sentence(text.substr(k));  // no abbreviation is that long
  for (auto a : kNeverEnd)
    if (is_abbreviation(raw, a)) return false;
  if (iequals(raw, "etc")) return plain_capitalised(text.substr(k));
  return starts_sentence(text.substr(k));
}

}  // namespace

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> out;
  std::size_t begin = 0;
  int paren_depth = 0;
  // Only these characters matter; jump from one to the next. (Not with
  // find_first_of, which searches its set with memchr for every character.)
  const auto next_stop = [text](std::size_t from) {
    std::size_t i = from;
    for (; i + 8 <= text.size(); i += 8) {  // most words hold none of them
      const std::uint64_t w = word_at(text, i);
      if (has_byte(w, '.') || has_byte(w, '(') || has_byte(w, ')') || has_byte(w, '!') || has_byte(w, '?')) break;
    }
    for (; i < text.size(); ++i)
      switch (text[i]) {
        case '.': case '!': case '?': case '(': case ')': return i;
        default: break;
      }
    return text.size();
  };
  for (std::size_t i = next_stop(0); i < text.size(); i = next_stop(i + 1)) {
    const char c = text[i];
    if (c == '(') ++paren_depth;
    if (c == ')' && paren_depth > 0) --paren_depth;
    std::size_t after = 0;
    if (paren_depth == 0 && ends_sentence_at(text, i, after)) {
      out.push_back({begin, after});
      begin = after;
      i = after - 1;
    }
  }
  out.push_back({begin, text.size()});
  // Trim each span, drop empty ones.
  std::vector<Span> trimmed;
  for (auto s : out) {
    while (s.begin < s.end && is_space(text[s.begin])) ++s.begin;
    while (s.end > s.begin && is_space(text[s.end - 1])) --s.end;
    if (s.end > s.begin) trimmed.push_back(s);
  }
  return trimmed;
}

std::string_view trim_view(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

std::string collapse_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> lines;
  std::size_t b = 0;
  while (b <= s.size()) {
    auto e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    std::string line(s.substr(b, e - b));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    b = e + 1;
  }
  if (!lines.empty() && lines.back().empty() && !s.empty() && s.back() == '\n') lines.pop_back();
  return lines;
}

namespace {

bool ident_start(char c) { return is_ascii_alpha(c) || c == '_'; }
bool name_char(char c) { return is_ident_char(c) || c == '.' || c == ':' || c == '+' || c == '-'; }

}  // namespace

std::vector<Reference> function_calls(std::string_view text) {
  std::vector<Reference> out;
  for (std::size_t at = text.find("()"); at != std::string_view::npos; at = text.find("()", at + 2)) {
    std::size_t b = at;
    while (b > 0 && is_ident_char(text[b - 1])) --b;
    while (b < at && !ident_start(text[b])) ++b;  // an identifier starts with a letter
    if (b == at) continue;
    out.push_back({b, at + 2, std::string(text.substr(b, at - b)), ""});
  }
  return out;
}

std::vector<Reference> man_references(std::string_view text) {
  std::vector<Reference> out;
  for (std::size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    std::size_t e = open + 1;
    if (e >= text.size() || !is_ascii_digit(text[e])) continue;
    ++e;
    while (e < text.size() && is_ascii_alpha(text[e])) ++e;
    if (e >= text.size() || text[e] != ')') continue;
    std::size_t b = open;
    while (b > 0 && name_char(text[b - 1])) --b;
    while (b < open && !ident_start(text[b])) ++b;
    if (b == open) continue;
    out.push_back({b, e + 1, std::string(text.substr(b, open - b)), std::string(text.substr(open + 1, e - open - 1))});
  }
  return out;
}

bool is_known_section_title(std::string_view t) {
  static constexpr std::array<std::string_view, 26> kTitles{
      "NAME", "SYNOPSIS", "DESCRIPTION", "NOTES", "NOTE", "RETURN VALUES", "RETURN VALUE",
      "SEE ALSO", "HISTORY", "COPYRIGHT", "EXAMPLES", "EXAMPLE", "BUGS", "WARNINGS", "WARNING",
      "ERRORS", "OPTIONS", "ENVIRONMENT", "FILES", "CONFORMING TO", "AUTHOR", "AUTHORS",
      "RESTRICTIONS", "CAVEATS", "STANDARDS", "SECURITY CONSIDERATIONS"};
  return std::find(kTitles.begin(), kTitles.end(), t) != kTitles.end();
}

}  // namespace sslconf::reader
