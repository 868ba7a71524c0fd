// Scans that look at eight bytes at a time ("SWAR"): a text is skipped a
// word at a time while no byte of interest is in it, and read byte by byte
// only where one is. Byte order does not matter to these tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sslconf::model {

// Eight bytes of `s` from `at` (at + 8 <= s.size()) as one word.
inline std::uint64_t word_at(std::string_view s, std::size_t at) {
  std::uint64_t w;
  std::memcpy(&w, s.data() + at, sizeof w);
  return w;
}
constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
// Some byte of w is zero (exact as a yes/no answer).
constexpr bool has_zero_byte(std::uint64_t w) { return ((w - kEachByte) & ~w & kHighBits) != 0; }
// Some byte of w equals c.
constexpr bool has_byte(std::uint64_t w, unsigned char c) { return has_zero_byte(w ^ (kEachByte * c)); }
// Some byte of w is below n (n at most 0x80; exact as a yes/no answer).
constexpr bool has_byte_below(std::uint64_t w, unsigned char n) { return ((w - kEachByte * n) & ~w & kHighBits) != 0; }
// Every byte of w is printable ASCII, 0x20 to 0x7e.
constexpr bool printable_ascii(std::uint64_t w) {
  return (w & kHighBits) == 0 && !has_byte_below(w, 0x20) && !has_byte(w, 0x7F);
}

}  // namespace sslconf::model
