#include "plan/reproducers.hpp"

#include "plan/c_program.hpp"
#include "report/findings.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace sslconf::plan {

namespace {

// An integer or pointer expectation of the claims' params vocabulary
// ("1", "nonzero", "null", "SSL_ERROR_SSL") as a C condition over `o`.
std::pair<std::string, std::string> value_test(const nlohmann::json& v) {
  if (v.is_number_integer())
    return {"o->saw == SSLCONF_SAW_INTEGER && o->integer == " + std::to_string(v.get<long long>()) + "LL", std::to_string(v.get<long long>())};
  if (!v.is_string()) return {};
  const std::string s = v.get<std::string>();
  if (s == "null") return {"o->saw == SSLCONF_SAW_POINTER && o->pointer == NULL", "NULL"};
  if (s == "non-null") return {"o->saw == SSLCONF_SAW_POINTER && o->pointer != NULL", "a non-NULL pointer"};
  static const std::map<std::string, std::pair<std::string, std::string>> signs{
      {"nonzero", {"!= 0", "a nonzero value"}},     {"positive", {"> 0", "a value above 0"}},
      {"nonnegative", {">= 0", "0 or more"}},       {"negative", {"< 0", "a value below 0"}},
      {"nonpositive", {"<= 0", "0 or less"}}};
  if (const auto it = signs.find(s); it != signs.end())
    return {"o->saw == SSLCONF_SAW_INTEGER && o->integer " + it->second.first, it->second.second};
  const bool symbol = !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isupper(ch) || std::isdigit(ch) || ch == '_'; });
  if (symbol) return {"o->saw == SSLCONF_SAW_INTEGER && o->integer == " + s, s};
  return {};
}

}  // namespace

std::pair<std::string, std::string> expectation(const nlohmann::json& claim, const Procedure& part) {
  const std::string kind = claim.value("kind", "");
  const nlohmann::json p = claim.contains("params") && claim["params"].is_object() ? claim["params"] : nlohmann::json::object();
  const bool success_part = part.part == "success";
  if (kind == "returns-previous" || kind == "returns-current" || kind == "sets-value")
    return {"o->saw == SSLCONF_SAW_COMPARISON && o->holds", kind == "returns-previous" ? "the previous value (1)" : "the value set (1)"};
  if (kind == "null-noop") return {"1", "nothing happens (the call returns normally)"};
  if (kind == "returns-pointer") return value_test("non-null");
  if (kind == "returns-pointer-or-null") return value_test(success_part ? "non-null" : "null");
  if (kind == "returns-enumerated" || kind == "returns-on-null") return p.contains("value") ? value_test(p["value"]) : std::pair<std::string, std::string>{};
  if (kind == "returns-int") {
    if (success_part || !p.contains("failure")) return p.contains("success") ? value_test(p["success"]) : std::pair<std::string, std::string>{};
    return value_test(p["failure"]);
  }
  return {};
}

std::string reproducer_of(const nlohmann::json& claim, const std::vector<Procedure>& ran) {
  std::vector<PlanCheck> checks;
  for (const auto& p : ran) {
    auto [test, says] = expectation(claim, p);
    if (!test.empty()) checks.push_back({p, test, says});
  }
  if (checks.empty()) return "";
  return reproducer(checks, {claim.value("id", ""), claim.value("source", ""), claim.value("text", "")});
}

std::vector<std::string> write_reproducers(const nlohmann::json& catalogue, const nlohmann::json& results,
                                           const Plans& plans, const std::string& records, const std::string& dir) {
  std::map<std::string, const Procedure*> by_id;
  for (const auto& f : plans.functions)
    for (const auto& p : f.parts) by_id[p.id] = &p;
  std::map<std::string, const nlohmann::json*> claims;
  // Pointers into the catalogue itself (value() would hand back a copy).
  if (catalogue.contains("claims") && catalogue["claims"].is_array())
    for (const auto& c : catalogue["claims"])
      if (c.is_object() && c.contains("id") && c["id"].is_string()) claims[c["id"].get<std::string>()] = &c;
  std::set<std::string> failed;
  for (const auto& r : results.value("results", nlohmann::json::array()))
    if (r.value("outcome", "") == "FAIL") failed.insert(r.value("id", ""));
  std::vector<std::string> written;
  std::ifstream in(records);
  std::set<std::string> done;
  for (std::string line; std::getline(in, line);) {
    const auto rec = nlohmann::json::parse(line, nullptr, false);
    if (rec.is_discarded() || !rec.is_object()) continue;
    const std::string id = rec.value("id", "");
    if (!failed.count(id) || !claims.count(id) || !done.insert(id).second) continue;
    std::vector<Procedure> ran;
    if (!rec.contains("plans") || !rec["plans"].is_array()) continue;
    for (const auto& pid : rec["plans"].get<std::vector<std::string>>())
      if (by_id.count(pid)) ran.push_back(*by_id.at(pid));
    const std::string program = reproducer_of(*claims.at(id), ran);
    if (program.empty()) continue;
    fs::create_directories(dir);
    const fs::path file = fs::path(dir) / report::reproducer_file_name(id);
    std::ofstream(file) << program;
    written.push_back(file.string());
  }
  return written;
}

}  // namespace sslconf::plan
