// Numbers read from page text: a run of digits can be arbitrarily long in
// a malformed (or fuzzed) page, so parsing never throws; it says "none".
#pragma once

#include <charconv>
#include <optional>
#include <string_view>

namespace sslconf::model {

// The whole of `digits` as an integer in `base`; nullopt when it is empty,
// holds anything else, or does not fit.
inline std::optional<long long> parse_integer(std::string_view digits, int base = 10) {
  long long value = 0;
  const char* end = digits.data() + digits.size();
  const auto [ptr, ec] = std::from_chars(digits.data(), end, value, base);
  if (ec != std::errc() || ptr != end || digits.empty()) return std::nullopt;
  return value;
}

}  // namespace sslconf::model
