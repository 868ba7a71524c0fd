#include "checks/params.hpp"

#include <stdexcept>

namespace sslconf::checks {

nlohmann::json params_of(const Claim& c) {
  if (!c.params || !*c.params) return nlohmann::json::object();
  return nlohmann::json::parse(c.params);
}

std::optional<IntExpectation> IntExpectation::from(const nlohmann::json& params, const char* name) {
  if (!params.contains(name) || params[name].is_null()) return std::nullopt;
  const auto& v = params[name];
  IntExpectation e;
  if (v.is_number_integer()) {
    e.exact_ = v.get<long long>();
    return e;
  }
  static const char* const signs[] = {"nonzero", "positive", "nonnegative", "negative", "nonpositive"};
  if (v.is_string()) {
    for (const char* s : signs)
      if (v.get<std::string>() == s) {
        e.sign_ = s;
        return e;
      }
  }
  throw std::invalid_argument(std::string("param ") + name + " is not an integer expectation: " + v.dump());
}

bool IntExpectation::matches(long long v) const {
  if (!sign_) return v == exact_;
  const std::string& s = *sign_;
  if (s == "nonzero") return v != 0;
  if (s == "positive") return v > 0;
  if (s == "nonnegative") return v >= 0;
  if (s == "negative") return v < 0;
  return v <= 0;  // nonpositive
}

std::string IntExpectation::describe() const { return sign_ ? *sign_ : std::to_string(exact_); }

std::string text_param(const nlohmann::json& params, const char* name, const std::string& fallback) {
  if (params.contains(name) && params[name].is_string()) return params[name].get<std::string>();
  return fallback;
}

}  // namespace sslconf::checks
