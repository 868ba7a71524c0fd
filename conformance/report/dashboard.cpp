#include "report/dashboard.hpp"

#include "report/findings.hpp"
#include "report/results.hpp"

#include <filesystem>

#include <algorithm>
#include <map>

namespace sslconf::report {

// dashboard.css and dashboard.js, embedded at build time (assets.cpp.in).
extern const char* const kDashboardCss;
extern const char* const kDashboardJs;

namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// Claim id → reason, for the claims the catalogue marks not checkable.
std::map<std::string, std::string> reasons_of(const json& catalogue) {
  std::map<std::string, std::string> reasons;
  if (!catalogue.is_object() || !catalogue.contains("claims") || !catalogue["claims"].is_array()) return reasons;
  for (const auto& c : catalogue["claims"])
    if (c.is_object() && !c.value("checkable", true)) reasons[str(c, "id")] = str(c, "reason");
  return reasons;
}

json implementation_of(const json& results) {
  json impl = results.value("implementation", json::object());
  return {{"name", str(impl, "name")},
          {"family", str(impl, "family")},
          {"version", str(impl, "version")},
          {"totals", results.value("totals", json::object())},
          {"unexpected", unexpected(results).size()}};
}

// Inside <script>, "</" would end the element early; "<\/" is the same JSON.
std::string script_safe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') out += '\\';
  }
  return out;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    if (ch == '&') out += "&amp;";
    else if (ch == '<') out += "&lt;";
    else if (ch == '>') out += "&gt;";
    else out += ch;
  }
  return out;
}

// Function → the page that documents it, so that #annotate= may name a
// function (SSL_SESSION_free is documented on SSL_SESSION_new): the page
// that declares it in its SYNOPSIS, else the page that speaks of it most.
json documenting_pages(const std::vector<json>& results) {
  std::map<std::string, std::string> declared;
  std::map<std::string, std::map<std::string, std::size_t>> mentioned;
  for (const auto& r : results)
    for (const auto& c : r.value("results", json::array())) {
      const auto functions = c.value("functions", json::array());
      for (const auto& f : functions) {
        if (!f.is_string()) continue;
        const std::string name = f.get<std::string>(), page = str(c, "page");
        if (str(c, "kind") == "prototype" && &f == &functions.front()) declared.emplace(name, page);
        ++mentioned[name][page];
      }
    }
  json out = json::object();
  for (const auto& [name, pages] : mentioned) {
    const auto it = declared.find(name);
    if (it != declared.end()) {
      out[name] = it->second;
      continue;
    }
    const auto most = std::max_element(pages.begin(), pages.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    out[name] = most->first;
  }
  return out;
}

}  // namespace

json dashboard_data(const std::vector<json>& results, const json& catalogue, const json& findings) {
  const auto reasons = reasons_of(catalogue);
  json implementations = json::array();
  std::vector<json> rows;
  std::map<std::string, std::size_t> row_of;
  for (std::size_t i = 0; i < results.size(); ++i) {
    implementations.push_back(implementation_of(results[i]));
    for (const auto& r : results[i].value("results", json::array())) {
      const std::string id = str(r, "id");
      auto it = row_of.find(id);
      if (it == row_of.end()) {
        const auto reason = reasons.find(id);
        it = row_of.emplace(id, rows.size()).first;
        rows.push_back(json::array({id, str(r, "page"), str(r, "section"), str(r, "kind"), str(r, "text"),
                                    str(r, "source"), reason == reasons.end() ? "" : reason->second,
                                    json::array()}));
        rows.back()[7] = json(std::vector<json>(results.size(), nullptr));
      }
      rows[it->second][7][i] = json::array({str(r, "outcome"), str(r, "detail"), str(r, "expected")});
    }
  }
  json found = findings;
  if (!found.is_array()) {
    std::vector<ResultsFile> files;
    for (const auto& r : results) files.push_back({r, ""});
    found = to_json(divergences(files, ""));
  }
  return {{"implementations", implementations},
          {"claims", rows},
          {"documents", documenting_pages(results)},
          {"findings", found}};
}

std::string dashboard_html(const std::vector<json>& results, const json& catalogue, const json& findings) {
  std::string names;
  for (const auto& r : results) names += (names.empty() ? "" : ", ") + str(r.value("implementation", json::object()), "name");
  return "<!DOCTYPE html>\n<!-- generated by sslconf from results-<impl>.json: do not edit -->\n"
         "<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>sslconf conformance report</title><style>" +
         std::string(kDashboardCss) +
         "</style></head><body><header class=\"top\"><h1><a href=\"#\">sslconf conformance report</a></h1>"
         "<span class=\"muted\">" + html_escape(names) +
         "</span><nav><a href=\"crosscheck.html\">documentation cross-checks</a></nav></header>"
         "<main id=\"app\"><noscript>This report draws its tables with a script; the same results are in "
         "results-&lt;implementation&gt;.json beside it.</noscript></main>"
         "<script type=\"application/json\" id=\"sslconf-data\">" +
         script_safe(dashboard_data(results, catalogue, findings).dump(-1, ' ', false, json::error_handler_t::replace)) +
         "</script><script>" + std::string(kDashboardJs) + "</script></body></html>\n";
}

void write_report_html(const std::vector<json>& results, const std::string& path, const json& catalogue,
                       const json& findings) {
  json found = findings;
  if (!found.is_array()) {  // the results lie beside the page, their reproducers in repro/
    const std::string folder = std::filesystem::path(path).parent_path().string();
    std::vector<ResultsFile> files;
    for (const auto& r : results) files.push_back({r, folder});
    found = to_json(divergences(files, folder));
  }
  write_atomically(path, dashboard_html(results, catalogue, found));
}

}  // namespace sslconf::report
