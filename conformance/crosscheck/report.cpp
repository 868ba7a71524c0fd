#include "crosscheck/report.hpp"

#include "platform/process.hpp"

#include <sstream>
#include <stdexcept>

namespace sslconf::crosscheck {

namespace {

using nlohmann::json;

const json kNoAttr = json::array({"", json::array(), json::array()});

// Words and spaces, as pandoc represents running text.
json text(const std::string& s) {
  json out = json::array();
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    out.push_back({{"t", "Str"}, {"c", word}});
    word.clear();
  };
  for (char c : s) {
    if (c == ' ' || c == '\n') {
      flush();
      if (!out.empty() && out.back()["t"] != "Space") out.push_back({{"t", "Space"}});
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

json code(const std::string& s) { return {{"t", "Code"}, {"c", {kNoAttr, s}}}; }
json strong(const std::string& s) { return {{"t", "Strong"}, {"c", text(s)}}; }
json space() { return {{"t", "Space"}}; }

json concat(std::initializer_list<json> parts) {
  json out = json::array();
  for (const auto& p : parts) {
    if (p.is_array()) out.insert(out.end(), p.begin(), p.end());
    else out.push_back(p);
  }
  return out;
}

json para(const json& inlines) { return {{"t", "Para"}, {"c", inlines}}; }
json plain(const json& inlines) { return {{"t", "Plain"}, {"c", inlines}}; }
json header(int level, const std::string& id, const std::string& title) {
  return {{"t", "Header"}, {"c", {level, {id, json::array(), json::array()}, text(title)}}};
}
json bullets(const std::vector<json>& items) {
  json list = json::array();
  for (const auto& i : items) list.push_back(json::array({plain(i)}));
  return {{"t", "BulletList"}, {"c", list}};
}

void add_lint(const CrosscheckReport& r, json& blocks) {
  blocks.push_back(header(2, "lint", "Page against itself: lint"));
  blocks.push_back(para(text(std::to_string(r.lint.size()) + " finding(s) in " + r.docs + ".")));
  std::vector<json> items;
  for (const auto& f : r.lint)
    items.push_back(concat({code(f.loc.str()), space(), strong(f.severity == Severity::error ? "error" : "warning"),
                            space(), text(f.message + " [" + f.check + "]")}));
  if (!items.empty()) blocks.push_back(bullets(items));
}

std::string ref_or_none(const std::string& s) { return s.empty() ? "(none)" : s; }

void add_page_diffs(const CrosscheckReport& r, json& blocks) {
  blocks.push_back(header(2, "page-vs-page", "Page against page"));
  if (r.page_diffs.empty()) blocks.push_back(para(text("No other release or format was compared.")));
  int n = 0;
  for (const auto& d : r.page_diffs) {
    blocks.push_back(header(3, "diff-" + std::to_string(++n), d.before + " → " + d.after));
    std::vector<json> items;
    for (const auto& f : d.functions_added) items.push_back(concat({strong("function added"), space(), code(f)}));
    for (const auto& f : d.functions_removed) items.push_back(concat({strong("function removed"), space(), code(f)}));
    for (const auto& c : d.claims) {
      const auto& claim = c.type == ClaimChange::Type::removed ? c.before : c.after;
      json item = concat({strong("claim " + to_string(c.type)), space(), code(c.function), space(), code(c.kind)});
      for (const auto& p : c.params)
        item = concat({item, space(), text(p.key + ":"), space(), code(p.before.is_null() ? "(none)" : p.before.dump()),
                       space(), text("→"), space(), code(p.after.is_null() ? "(none)" : p.after.dump())});
      if (c.type != ClaimChange::Type::changed && !params_text(claim).empty())
        item = concat({item, space(), text(params_text(claim).substr(1))});
      items.push_back(concat({item, space(), text("— “" + claim.text + "”"), space(), code(claim.source)}));
    }
    for (const auto& s : d.see_also)
      items.push_back(concat({strong("see also"), space(), code(ref_or_none(s.before)), space(), text("→"), space(),
                              code(ref_or_none(s.after)), space(), code(s.loc.str())}));
    if (items.empty()) blocks.push_back(para(text("No differences.")));
    else blocks.push_back(bullets(items));
  }
}

void add_headers(const CrosscheckReport& r, json& blocks) {
  blocks.push_back(header(2, "page-vs-header", "Page against header"));
  if (r.headers.empty()) blocks.push_back(para(text("No implementation's headers were compared.")));
  for (const auto& h : r.headers) {
    blocks.push_back(header(3, "header-" + h.implementation, h.implementation));
    blocks.push_back(para(text(std::to_string(h.count(Agreement::same)) + " same, " +
                               std::to_string(h.count(Agreement::compatible)) + " compatible, " +
                               std::to_string(h.count(Agreement::different)) + " different, " +
                               std::to_string(h.count(Agreement::missing)) + " missing.")));
    std::vector<json> items;
    for (const auto& c : h.comparisons) {
      json item = concat({strong(to_string(c.agreement)), space(), code(c.prototype.name), space(), text("page"),
                          space(), code(c.prototype.text)});
      if (c.declaration) item = concat({item, space(), text("header"), space(), code(c.declaration->text)});
      if (c.declaration && !c.declaration->macro.empty() && !c.declaration->function_like_macro)
        item = concat({item, space(), text("via"), space(), code(c.declaration->macro)});
      if (c.agreement != Agreement::same)
        for (const auto& reason : c.reasons) item = concat({item, space(), text("(" + reason + ")")});
      items.push_back(concat({item, space(), code(c.prototype.loc.str())}));
    }
    if (!items.empty()) blocks.push_back(bullets(items));
  }
}

void add_behaviours(const CrosscheckReport& r, json& blocks) {
  blocks.push_back(header(2, "page-vs-behaviour", "Page against behaviour"));
  if (r.behaviours.empty()) blocks.push_back(para(text("No results file was given.")));
  for (const auto& b : r.behaviours) {
    blocks.push_back(header(3, "behaviour-" + b.implementation, b.implementation + " (" + b.version + ")"));
    blocks.push_back(para(text(std::to_string(b.contradicted()) + " claim(s) contradicted and " +
                               std::to_string(b.unsupported()) + " unsupported, of " + std::to_string(b.results) +
                               " results.")));
    for (const auto& [page, pb] : b.pages) {
      blocks.push_back(header(4, "behaviour-" + b.implementation + "-" + page, "Page " + ref_or_none(page)));
      std::vector<json> items;
      auto add = [&items](const char* what, const ResultEntry& e) {
        items.push_back(concat({strong(what), space(), code(e.functions.empty() ? "-" : e.functions.front()), space(),
                                code(e.kind), space(), text("“" + e.text + "”"),
                                e.detail.empty() ? json::array() : concat({space(), text("— " + e.detail)}),
                                e.known() ? concat({space(), text("[known divergence]")}) : json::array(), space(),
                                code(e.source)}));
      };
      for (const auto& e : pb.contradicted) add("contradicted", e);
      for (const auto& e : pb.unsupported) add("unsupported", e);
      blocks.push_back(bullets(items));
    }
  }
}

std::vector<int> pandoc_api_version() {
  platform::ProcessOptions options;
  options.timeout = std::chrono::milliseconds(60000);
  const auto r = platform::run_process({"pandoc", "-f", "markdown", "-t", "json"}, options);
  if (!r.exited || r.exit_code != 0) throw std::runtime_error("pandoc -t json failed: " + r.err);
  const auto j = json::parse(r.out, nullptr, false);
  if (j.is_discarded() || !j.contains("pandoc-api-version")) throw std::runtime_error("pandoc gave no pandoc-api-version");
  return j["pandoc-api-version"].get<std::vector<int>>();
}

}  // namespace

json report_document(const CrosscheckReport& report, const std::vector<int>& api_version) {
  // Header, Para, Plain, BulletList, Str, Space, Code and Strong have kept
  // their shape from API 1.17 through 1.23.
  if (api_version.size() < 2 || api_version[0] != 1 || api_version[1] < 17 || api_version[1] > 23) {
    std::string v;
    for (int n : api_version) v += (v.empty() ? "" : ".") + std::to_string(n);
    throw std::runtime_error("pandoc API " + v + " is not one this report is written for (1.17 to 1.23)");
  }
  json blocks = json::array();
  blocks.push_back(para(text("Documentation cross-checks of " + report.docs +
                             ": lint, page against page, page against header, page against behaviour.")));
  for (const auto& n : report.notes) blocks.push_back(para(concat({strong("Note:"), space(), text(n)})));
  add_lint(report, blocks);
  add_page_diffs(report, blocks);
  add_headers(report, blocks);
  add_behaviours(report, blocks);
  return {{"pandoc-api-version", api_version},
          {"meta", {{"title", {{"t", "MetaInlines"}, {"c", text("Documentation cross-checks")}}}}},
          {"blocks", blocks}};
}

void write_crosscheck_report(const CrosscheckReport& report, const std::string& html_path) {
  const auto document = report_document(report, pandoc_api_version());
  platform::ProcessOptions options;
  options.timeout = std::chrono::milliseconds(120000);
  options.input = document.dump();
  const auto r = platform::run_process({"pandoc", "-f", "json", "-t", "html5", "-s", "-o", html_path}, options);
  if (!r.exited || r.exit_code != 0)
    throw std::runtime_error("pandoc could not write " + html_path + ": " + r.err.substr(0, r.err.find('\n')));
}

json to_json(const CrosscheckReport& report) {
  json lint = json::array();
  for (const auto& f : report.lint) lint.push_back(to_json(f));
  json diffs = json::array();
  for (const auto& d : report.page_diffs) diffs.push_back(to_json(d));
  json headers = json::array();
  for (const auto& h : report.headers) headers.push_back(to_json(h));
  json behaviours = json::array();
  for (const auto& b : report.behaviours) behaviours.push_back(to_json(b));
  return {{"schema", 1},       {"docs", report.docs},       {"notes", report.notes}, {"lint", lint},
          {"page_vs_page", diffs}, {"page_vs_header", headers}, {"page_vs_behaviour", behaviours}};
}

}  // namespace sslconf::crosscheck
