#include "crosscheck/behaviour.hpp"

#include "model/diagnostic.hpp"

#include <fstream>
#include <numeric>
#include <sstream>

namespace sslconf::crosscheck {

namespace {

std::string str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

ResultEntry entry_from(const nlohmann::json& j) {
  ResultEntry e{str(j, "id"),     str(j, "page"),   str(j, "section"), str(j, "kind"),     str(j, "text"),
                str(j, "source"), str(j, "outcome"), str(j, "detail"), str(j, "expected"), {}};
  if (const auto f = j.find("functions"); f != j.end() && f->is_array())
    for (const auto& name : *f)
      if (name.is_string()) e.functions.push_back(name.get<std::string>());
  return e;
}

void list(std::ostringstream& out, const char* what, const std::vector<ResultEntry>& entries) {
  for (const auto& e : entries) {
    out << "  " << e.source << ": " << what << ": " << (e.functions.empty() ? "-" : e.functions.front()) << " "
        << e.kind << ": \"" << e.text << "\"";
    if (!e.detail.empty()) out << " -- " << e.detail;
    if (e.known()) out << " [known divergence]";
    out << "\n";
  }
}

nlohmann::json entries_json(const std::vector<ResultEntry>& entries) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& e : entries)
    a.push_back({{"id", e.id}, {"section", e.section}, {"kind", e.kind}, {"functions", e.functions},
                 {"text", e.text}, {"source", e.source}, {"outcome", e.outcome}, {"detail", e.detail},
                 {"known", e.known()}});
  return a;
}

}  // namespace

std::size_t BehaviourSummary::contradicted() const {
  return std::accumulate(pages.begin(), pages.end(), std::size_t{0},
                         [](std::size_t n, const auto& p) { return n + p.second.contradicted.size(); });
}

std::size_t BehaviourSummary::unsupported() const {
  return std::accumulate(pages.begin(), pages.end(), std::size_t{0},
                         [](std::size_t n, const auto& p) { return n + p.second.unsupported.size(); });
}

BehaviourSummary summarise_results(const nlohmann::json& results, const std::string& origin) {
  if (!results.is_object() || results.value("schema", 0) != 1 || !results.contains("results") ||
      !results["results"].is_array())
    throw model::InputError({origin, 1}, "not a schema 1 results file (needs \"schema\": 1 and a \"results\" array)");
  BehaviourSummary s;
  s.origin = origin;
  if (const auto impl = results.find("implementation"); impl != results.end() && impl->is_object()) {
    s.implementation = str(*impl, "name");
    s.family = str(*impl, "family");
    s.version = str(*impl, "version");
  }
  for (const auto& r : results["results"]) {
    if (!r.is_object()) throw model::InputError({origin, 1}, "a result is not an object");
    ++s.results;
    auto e = entry_from(r);
    if (e.outcome == "FAIL") s.pages[e.page].contradicted.push_back(std::move(e));
    else if (e.outcome == "UNSUPPORTED") s.pages[e.page].unsupported.push_back(std::move(e));
  }
  return s;
}

BehaviourSummary summarise_results_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw model::InputError({path, 0}, "cannot read the results file");
  const auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw model::InputError({path, 1}, "not valid JSON");
  return summarise_results(j, path);
}

std::string to_text(const BehaviourSummary& s) {
  std::ostringstream out;
  out << "behaviour: " << s.implementation << " (" << s.family << ", " << s.version << "): " << s.contradicted()
      << " claim(s) contradicted, " << s.unsupported() << " unsupported, of " << s.results << " results in "
      << s.origin << "\n";
  for (const auto& [page, b] : s.pages) {
    out << "page " << (page.empty() ? "(none)" : page) << ": " << b.contradicted.size() << " contradicted, "
        << b.unsupported.size() << " unsupported\n";
    list(out, "contradicted", b.contradicted);
    list(out, "unsupported", b.unsupported);
  }
  return out.str();
}

nlohmann::json to_json(const BehaviourSummary& s) {
  nlohmann::json pages = nlohmann::json::object();
  for (const auto& [page, b] : s.pages)
    pages[page] = {{"contradicted", entries_json(b.contradicted)}, {"unsupported", entries_json(b.unsupported)}};
  return {{"origin", s.origin},
          {"implementation", {{"name", s.implementation}, {"family", s.family}, {"version", s.version}}},
          {"results", s.results},
          {"contradicted", s.contradicted()},
          {"unsupported", s.unsupported()},
          {"pages", pages}};
}

}  // namespace sslconf::crosscheck
