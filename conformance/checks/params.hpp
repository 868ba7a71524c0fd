// Reading a claim's params: the page's expectation, in the vocabulary of
// KINDS.md.
#pragma once

#include "checks/check.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sslconf::checks {

nlohmann::json params_of(const Claim& c);

// An integer expectation: an exact value or a sign ("nonzero", "positive",
// "nonnegative", "negative", "nonpositive").
class IntExpectation {
 public:
  // Empty when the param is absent; throws std::invalid_argument on a value
  // outside the vocabulary.
  static std::optional<IntExpectation> from(const nlohmann::json& params, const char* name);
  bool matches(long long v) const;
  std::string describe() const;  // "1", "nonzero"
  bool is_exact() const { return !sign_.has_value(); }

 private:
  long long exact_ = 0;
  std::optional<std::string> sign_;
};

std::string text_param(const nlohmann::json& params, const char* name, const std::string& fallback = "");

}  // namespace sslconf::checks
