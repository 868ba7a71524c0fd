#include "model/diagnostic.hpp"
#include "reader/formats.hpp"
#include "reader/text_util.hpp"

#include <regex>
#include "model/regex.hpp"

namespace sslconf::reader {

namespace {

// Length of the UTF-8 sequence starting at s[i], 0 when it is not valid
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) n = 3, lo = 0xA0;
  else if (c == 0xED) n = 3, hi = 0x9F;
  else if (c >= 0xE1 && c <= 0xEF) n = 3;
  else if (c == 0xF0) n = 4, lo = 0x90;
  else if (c == 0xF4) n = 4, hi = 0x8F;
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  if (n == 0 || i + n > s.size()) return 0;
  const auto second = static_cast<unsigned char>(s[i + 1]);
  if (second < lo || second > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  return n;
}

}  // namespace

void check_text(std::string_view content, const std::string& file) {
  if (trim_view(content).empty()) throw model::InputError({file, 1}, "empty file");
  int line = 1;
  for (std::size_t i = 0; i < content.size();) {
    // Eight bytes at a time while all are printable ASCII: no high bit, none
    // below 0x20 (which includes the line ends, counted below), no DEL.
    if (i + 8 <= content.size()) {
      const std::uint64_t w = word_at(content, i);
      if (printable_ascii(w)) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(content[i]);
    if (c >= 0x20 && c < 0x7F) {  // the common case: printable ASCII
      ++i;
      continue;
    }
    if (c == '\n') ++line;
    const bool control = c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f';
    if (control || c == 0x7F)
      throw model::InputError({file, line}, "binary data (control character " + std::to_string(c) + ")");
    const std::size_t n = utf8_length(content, i);
    if (n == 0) throw model::InputError({file, line}, "not UTF-8 text");
    i += n;
  }
}

model::PageFormat sniff_format(std::string_view content) {
  const std::string head(content.substr(0, 8192));
  static const Regex kPod(R"((^|\n)=(pod|head[1-4]|encoding|begin|for|over)\b)");
  static const Regex kHtml(R"(<(html|!doctype html|body|h1|p)[\s>])", std::regex::icase);
  static const Regex kRoff(R"((^|\n)\.(TH|SH|Dd|Sh)\s)");
  // "**x" alone is no sign: C declarations say "char **out".
  static const Regex kMarkdown(R"((^|\n)(```|#{1,6} \S)|\]\([^)\s]*\))");
  if (std::regex_search(head, kPod)) return model::PageFormat::pod;
  if (std::regex_search(head, kHtml)) return model::PageFormat::html;
  if (std::regex_search(head, kRoff)) return model::PageFormat::man;
  if (std::regex_search(head, kMarkdown)) return model::PageFormat::markdown;
  return model::PageFormat::text;
}

}  // namespace sslconf::reader
