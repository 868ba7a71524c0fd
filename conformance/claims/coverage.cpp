#include "claims/coverage.hpp"

#include <sstream>

namespace sslconf::claims {

namespace {

bool is_return_kind(const std::string& kind) { return kind.rfind("returns-", 0) == 0; }

// The classes of a statement that is no claim at all.
bool is_noclaim_kind(const std::string& kind) {
  return kind == "informative" || kind == "caller-obligation" || kind == "speculative";
}

template <typename T>
void add_counts(nlohmann::json& total, const nlohmann::json& page, const T& keys) {
  for (const char* k : keys) total[k] = total.value(k, 0) + page.value(k, 0);
}

}  // namespace

void PageTally::count_statement(Statement what, const std::vector<Claim>& made,
                                const std::string& section) {
  (what == Statement::prototype ? prototypes : what == Statement::item ? items : sentences) += 1;
  bool checkable = false, returns = false, returns_checkable = false, unknown = false, described = false;
  bool noclaim = !made.empty(), only_described = !made.empty();
  for (const auto& c : made) {
    ++claims;
    ++by_kind[c.kind];
    checkable = checkable || c.checkable;
    checkable_claims += c.checkable ? 1 : 0;
    returns = returns || is_return_kind(c.kind);
    returns_checkable = returns_checkable || (is_return_kind(c.kind) && c.checkable);
    unknown = unknown || c.kind == "unrecognised";
    described = described || c.kind == "descriptive";
    noclaim = noclaim && is_noclaim_kind(c.kind);
    only_described = only_described && c.kind == "descriptive";
  }
  checkable_statements += checkable ? 1 : 0;
  if (section.rfind("RETURN VALUE", 0) == 0) {
    ++return_statements;
    return_recognised += returns ? 1 : 0;
    return_checkable += returns_checkable ? 1 : 0;
    return_noclaim += noclaim ? 1 : 0;
    return_described += only_described ? 1 : 0;
  }
  if (unknown && !made.empty()) unrecognised.emplace_back(made.front().source, made.front().text);
  if (described && !made.empty()) descriptive.emplace_back(made.front().source, made.front().text);
}

nlohmann::json PageTally::to_json() const {
  auto gaps = nlohmann::json::array();
  for (const auto& [source, text] : unrecognised) gaps.push_back({{"source", source}, {"text", text}});
  auto described = nlohmann::json::array();
  for (const auto& [source, text] : descriptive) described.push_back({{"source", source}, {"text", text}});
  return {{"page", page},
          {"source", source},
          {"statements", sentences + items + prototypes},
          {"sentences", sentences},
          {"items", items},
          {"prototypes", prototypes},
          {"claims", claims},
          {"checkable_claims", checkable_claims},
          {"checkable_statements", checkable_statements},
          {"return_statements", return_statements},
          {"return_recognised", return_recognised},
          {"return_checkable", return_checkable},
          {"return_noclaim", return_noclaim},
          {"return_described", return_described},
          {"return_value_statements", return_statements - return_noclaim - return_described},
          {"by_kind", by_kind},
          {"unrecognised", gaps},
          {"descriptive", described}};
}

PageTally& Coverage::page(const std::string& name, const std::string& source) {
  pages_.push_back(PageTally{});
  pages_.back().page = name;
  pages_.back().source = source;
  return pages_.back();
}

nlohmann::json Coverage::to_json() const {
  static const char* counts[] = {"statements", "sentences", "items", "prototypes", "claims",
                                 "checkable_claims", "checkable_statements", "return_statements",
                                 "return_recognised", "return_checkable", "return_noclaim",
                                 "return_described", "return_value_statements"};
  auto pages = nlohmann::json::array();
  nlohmann::json total = {{"pages", pages_.size()}, {"by_kind", nlohmann::json::object()}, {"unrecognised", 0}, {"descriptive", 0}};
  for (const auto& p : pages_) {
    auto j = p.to_json();
    add_counts(total, j, counts);
    for (const auto& [kind, n] : p.by_kind) total["by_kind"][kind] = total["by_kind"].value(kind, 0) + n;
    total["unrecognised"] = total["unrecognised"].get<int>() + static_cast<int>(p.unrecognised.size());
    total["descriptive"] = total["descriptive"].get<int>() + static_cast<int>(p.descriptive.size());
    pages.push_back(std::move(j));
  }
  return {{"pages", pages}, {"total", total}};
}

std::string coverage_report(const nlohmann::json& coverage, bool per_page) {
  std::ostringstream out;
  auto line = [&out](const std::string& who, const nlohmann::json& t) {
    out << who << ": " << t.value("statements", 0) << " statements, " << t.value("claims", 0)
        << " claims, " << t.value("checkable_statements", 0) << " statements checkable, "
        << t.value("return_recognised", 0) << "/" << t.value("return_statements", 0)
        << " return-value statements recognised (" << t.value("return_checkable", 0) << " checkable, "
        << t.value("return_noclaim", 0) << " no claim, " << t.value("return_described", 0)
        << " describing a value; " << t.value("return_recognised", 0) << "/" << t.value("return_value_statements", 0)
        << " of those that state a value)";
  };
  if (per_page) {
    for (const auto& p : coverage.at("pages")) {
      line(p.at("page").get<std::string>(), p);
      out << ", " << p.at("unrecognised").size() << " unrecognised, " << p.value("descriptive", nlohmann::json::array()).size()
          << " descriptive\n";
      for (const auto& g : p.at("unrecognised"))
        out << "  " << g.at("source").get<std::string>() << ": unrecognised: " << g.at("text").get<std::string>() << '\n';
      for (const auto& g : p.value("descriptive", nlohmann::json::array()))
        out << "  " << g.at("source").get<std::string>() << ": descriptive: " << g.at("text").get<std::string>() << '\n';
    }
  }
  const auto& t = coverage.at("total");
  line("total (" + std::to_string(t.value("pages", 0)) + " pages)", t);
  out << ", " << t.value("unrecognised", 0) << " unrecognised, " << t.value("descriptive", 0)
      << " descriptive (parsed, no check for the predicate)\n  by kind:";
  for (const auto& [kind, n] : t.at("by_kind").items()) out << ' ' << kind << '=' << n.get<int>();
  out << '\n';
  return out.str();
}

}  // namespace sslconf::claims
