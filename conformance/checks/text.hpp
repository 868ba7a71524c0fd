// Small text helpers the checks share when they read a claim's words.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace sslconf::checks {

inline std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

// Whether any of `words` occurs in `text`.
inline bool has_any(const std::string& text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text.find(w) != std::string::npos; });
}

}  // namespace sslconf::checks
