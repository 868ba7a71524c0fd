// Small text helpers shared by the readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>
#include "model/regex.hpp"
#include "model/word_scan.hpp"

namespace sslconf::reader {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits normalised prose into sentences. Not fooled by abbreviations
// ("e.g.", "i.e.", "etc." before a lower-case word), version numbers
// ("1.1.1"), calls ("SSL_free()", "time(0)") or full stops inside brackets.
std::vector<Span> split_sentences(std::string_view text);

std::string trim(std::string_view s);
std::string_view trim_view(std::string_view s);
std::string collapse_space(std::string_view s);
std::string to_upper(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool iequals(std::string_view a, std::string_view b);
// ASCII character classes. The <cctype> functions are calls through the C
// locale's tables, and the readers ask them for every byte of a manual.
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
inline bool is_ident_char(char c) { return is_ascii_alpha(c) || is_ascii_digit(c) || c == '_'; }
inline bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Word-at-a-time scans (model/word_scan.hpp), used by name here.
using model::has_byte;
using model::has_byte_below;
using model::printable_ascii;
using model::word_at;

std::vector<std::string> split_lines(std::string_view s);
// Appends code point cp (at most 0x10FFFF) encoded as UTF-8.
void append_utf8(std::string& out, unsigned long cp);

// "SSL_free()" calls and "ssl(7)" references in running text, found by
// hand-written scanners (Regex is far too slow for whole manuals).
struct Reference {
  std::size_t begin = 0, end = 0;  // the whole match
  std::string name;                // "SSL_free", "ssl"
  std::string section;             // "7"; empty for calls
};
std::vector<Reference> function_calls(std::string_view text);
std::vector<Reference> man_references(std::string_view text);

// The known manual page section titles (NAME, SYNOPSIS, ...), upper case.
bool is_known_section_title(std::string_view upper_title);

}  // namespace sslconf::reader
