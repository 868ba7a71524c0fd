#include "crosscheck/report.hpp"

#include "platform/process.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
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

json link(const std::string& target, const std::string& label) {
  return {{"t", "Link"}, {"c", {kNoAttr, text(label), {"#" + target, ""}}}};
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string file_of(const std::string& location) {
  const auto colon = location.rfind(':');
  if (colon == std::string::npos || colon + 1 == location.size()) return location;
  for (std::size_t i = colon + 1; i < location.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(location[i]))) return location;
  return location.substr(0, colon);
}

// Parameters that restate how a sentence is worded (what it speaks of,
// under which circumstance, the noun it names a quantity by, a parameter's
// name), not a value a library could be checked for.
bool wording_key(const std::string& key) {
  static const std::set<std::string> keys{"predicate", "subject", "when", "condition", "failure_condition",
                                          "success_condition", "mentions", "declaration", "arguments", "quantity",
                                          "bound"};
  const bool a_name = key.size() > 5 && key.compare(key.size() - 5, 5, ".name") == 0;
  return a_name || keys.count(key.substr(0, key.find_first_of(".["))) > 0;
}

// A value both sides give, differently: one side saying more ("returns 0
// on failure" where the other is silent on failure) is no contradiction.
bool fact_changed(const ParamChange& p) { return !wording_key(p.key) && !p.before.is_null() && !p.after.is_null(); }

// Two manuals written independently differ mostly in wording. What is
// listed is a fact that differs: a value, a type or declaration, a
// release, a default (a changed claim with a changed value), a function
// one SYNOPSIS declares and the other's does not, a SEE ALSO target that
// moves to another section. The rest is counted per page: functions only
// one side documents (coverage), sentences reworded, statements one side
// makes and the other does not, sentences no check uses, SEE ALSO targets
// on one side only.
struct OneSided {
  std::map<std::string, std::vector<std::string>> only_before, only_after;  // page file → functions
  std::set<std::string> functions;
  std::size_t claims = 0;
  std::map<std::string, std::size_t> unchecked_before, unchecked_after;  // page file → claims
  std::size_t unchecked = 0;
  std::size_t reworded = 0;
  std::map<std::string, std::size_t> stated_before, stated_after;  // page file → checkable one-sided statements
  std::size_t stated = 0;
  std::map<std::string, std::size_t> see_also_before, see_also_after;  // page file → targets on one side only
  std::size_t see_also_one_sided = 0;
  bool listed(const ClaimChange& c) const {
    if (functions.count(c.function)) return false;
    if (c.type == ClaimChange::Type::changed)
      return std::any_of(c.params.begin(), c.params.end(), fact_changed);
    const auto& claim = c.type == ClaimChange::Type::removed ? c.before : c.after;
    return c.kind == "prototype" && claim.checkable;
  }
};

OneSided one_sided(const DocSetDiff& d) {
  OneSided o;
  auto where = [&d](const std::string& f, const std::string& fallback) {
    const auto it = d.function_sources.find(f);
    return it == d.function_sources.end() || it->second.empty() ? fallback : file_of(it->second);
  };
  for (const auto& f : d.functions_removed) o.only_before[where(f, d.before)].push_back(f), o.functions.insert(f);
  for (const auto& f : d.functions_added) o.only_after[where(f, d.after)].push_back(f), o.functions.insert(f);
  for (const auto& c : d.claims) {
    const bool removed = c.type == ClaimChange::Type::removed;
    const auto& claim = removed ? c.before : c.after;
    if (o.functions.count(c.function)) {
      ++o.claims;
    } else if (o.listed(c)) {
      continue;
    } else if (c.type == ClaimChange::Type::changed) {
      ++o.reworded;
    } else if (claim.checkable) {
      ++o.stated;
      ++(removed ? o.stated_before : o.stated_after)[file_of(claim.source)];
    } else {
      ++o.unchecked;
      ++(removed ? o.unchecked_before : o.unchecked_after)[file_of(claim.source)];
    }
  }
  for (const auto& s : d.see_also) {
    if (!s.before.empty() && !s.after.empty()) continue;
    ++o.see_also_one_sided;
    ++(s.after.empty() ? o.see_also_before : o.see_also_after)[file_of(s.loc.str())];
  }
  return o;
}

// The differences of fact listed: changed values, one-sided declarations,
// SEE ALSO targets moved to another section.
std::size_t findings_of(const DocSetDiff& d) {
  const auto o = one_sided(d);
  std::size_t n = 0;
  for (const auto& c : d.claims) n += o.listed(c) ? 1 : 0;
  return n + d.see_also.size() - o.see_also_one_sided;
}

std::size_t lint_count(const CrosscheckReport& r, Severity s) {
  std::size_t n = 0;
  for (const auto& f : r.lint) n += f.severity == s;
  return n;
}

// The first blocks of the page: every group with its counts, linked.
void add_summary(const CrosscheckReport& r, json& blocks) {
  blocks.push_back(header(2, "findings", "Findings"));
  std::vector<json> items;
  items.push_back(concat({link("lint", "Lint"), text(": " + plural(r.lint.size(), "finding", "findings") + " (" +
                                                     plural(lint_count(r, Severity::error), "error", "errors") + ", " +
                                                     plural(lint_count(r, Severity::warning), "warning", "warnings") +
                                                     ") in " + r.docs + ".")}));
  for (const auto& d : r.page_diffs) {
    const auto o = one_sided(d);
    items.push_back(concat({link("page-vs-page", "Release against release"),
                            text(": " + d.before + " → " + d.after + ": " +
                                 plural(findings_of(d), "difference", "differences") +
                                 " of fact (values, declarations, releases, defaults) in what both document; " +
                                 plural(o.reworded, "sentence", "sentences") + " reworded or saying more on one side, " +
                                 plural(o.stated, "statement", "statements") + " made on one side only, " +
                                 plural(o.see_also_one_sided, "SEE ALSO target", "SEE ALSO targets") +
                                 " on one side only; " +
                                 plural(o.functions.size(), "function", "functions") + " documented on one side only (" +
                                 plural(o.only_before.size() + o.only_after.size(), "page", "pages") + ") and " +
                                 plural(o.unchecked, "sentence", "sentences") +
                                 " no check uses on one side only, summarised per page.")}));
  }
  if (r.page_diffs.empty()) items.push_back(concat({link("page-vs-page", "Release against release"), text(": none compared.")}));
  for (const auto& h : r.headers)
    items.push_back(concat({link("header-" + h.implementation, "Page against header"), space(),
                            text("(" + h.implementation + "): " + std::to_string(h.count(Agreement::different)) +
                                 " different, " + std::to_string(h.count(Agreement::missing)) + " missing, " +
                                 std::to_string(h.count(Agreement::compatible)) + " compatible; " +
                                 std::to_string(h.count(Agreement::same)) + " as documented.")}));
  if (r.headers.empty()) items.push_back(concat({link("page-vs-header", "Page against header"), text(": none compared.")}));
  for (const auto& b : r.behaviours) {
    std::size_t known = 0;
    for (const auto& [page, pb] : b.pages)
      for (const auto& e : pb.contradicted) known += e.known();
    items.push_back(concat({link("behaviour-" + b.implementation, "Page against behaviour"), space(),
                            text("(" + b.implementation + "): " + plural(b.contradicted(), "claim", "claims") +
                                 " contradicted (" + std::to_string(known) + " known divergences), " +
                                 std::to_string(b.unsupported()) + " unsupported, of " + std::to_string(b.results) +
                                 " results.")}));
  }
  if (r.behaviours.empty())
    items.push_back(concat({link("page-vs-behaviour", "Page against behaviour"), text(": no results file was given.")}));
  blocks.push_back(bullets(items));
}

void add_lint(const CrosscheckReport& r, json& blocks) {
  blocks.push_back(header(2, "lint", "Lint (" + std::to_string(r.lint.size()) + ")"));
  if (r.lint.empty()) blocks.push_back(para(text("No findings in " + r.docs + ".")));
  std::vector<json> items;
  for (const auto& f : r.lint)
    items.push_back(concat({code(f.loc.str()), space(), strong(f.severity == Severity::error ? "error" : "warning"),
                            space(), text(f.message + " [" + f.check + "]")}));
  if (!items.empty()) blocks.push_back(bullets(items));
}

std::string ref_or_none(const std::string& s) { return s.empty() ? "(none)" : s; }

json claim_change_item(const ClaimChange& c) {
  const auto& claim = c.type == ClaimChange::Type::removed ? c.before : c.after;
  json item = concat({strong("claim " + to_string(c.type)), space(), code(c.function), space(), code(c.kind)});
  for (const auto& p : c.params)
    item = concat({item, space(), text(p.key + ":"), space(), code(p.before.is_null() ? "(none)" : p.before.dump()),
                   space(), text("→"), space(), code(p.after.is_null() ? "(none)" : p.after.dump())});
  if (c.type != ClaimChange::Type::changed && !params_text(claim).empty())
    item = concat({item, space(), text(params_text(claim).substr(1))});
  return concat({item, space(), text("— “" + claim.text + "”"), space(), code(claim.source)});
}

// "file: 3 functions (A, B, C)", one line per page of one side.
void add_one_sided(const std::map<std::string, std::vector<std::string>>& pages, const std::string& side,
                   const std::string& other, json& blocks) {
  if (pages.empty()) return;
  std::size_t total = 0;
  for (const auto& kv : pages) total += kv.second.size();
  blocks.push_back(para(text(plural(total, "function", "functions") + " that " + side + " documents and " + other +
                             " does not, per page of " + side + ":")));
  std::vector<json> items;
  for (const auto& [file, functions] : pages) {
    std::string names;
    for (std::size_t i = 0; i < functions.size() && i < 6; ++i) names += (i ? ", " : "") + functions[i];
    if (functions.size() > 6) names += ", and " + std::to_string(functions.size() - 6) + " more";
    items.push_back(concat({code(file), space(), text(plural(functions.size(), "function", "functions") + ": " + names)}));
  }
  blocks.push_back(bullets(items));
}

// "file: 7 sentences", one line per page of one side.
void add_unchecked(const std::map<std::string, std::size_t>& pages, const std::string& side, json& blocks) {
  if (pages.empty()) return;
  std::size_t total = 0;
  for (const auto& kv : pages) total += kv.second;
  blocks.push_back(para(text(plural(total, "sentence", "sentences") + " of " + side +
                             " that no check uses (informative, caller obligations, unrecognised...) have no "
                             "counterpart on the other side, per page:")));
  std::vector<json> items;
  for (const auto& [file, n] : pages) items.push_back(concat({code(file), space(), text(plural(n, "sentence", "sentences"))}));
  blocks.push_back(bullets(items));
}

// "file: n statements", one line per page of one side.
void add_counted(const std::map<std::string, std::size_t>& pages, const std::string& side, const std::string& one,
                 const std::string& many, const std::string& what, json& blocks) {
  if (pages.empty()) return;
  std::size_t total = 0;
  for (const auto& kv : pages) total += kv.second;
  blocks.push_back(para(text(plural(total, one, many) + " of " + side + " " + what + ", per page:")));
  std::vector<json> items;
  for (const auto& [file, n] : pages) items.push_back(concat({code(file), space(), text(plural(n, one, many))}));
  blocks.push_back(bullets(items));
}

void add_page_diffs(const CrosscheckReport& r, json& blocks) {
  blocks.push_back(header(2, "page-vs-page", "Release against release"));
  if (r.page_diffs.empty()) blocks.push_back(para(text("No other release or format was compared.")));
  int n = 0;
  for (const auto& d : r.page_diffs) {
    const auto o = one_sided(d);
    blocks.push_back(header(3, "diff-" + std::to_string(++n),
                            d.before + " → " + d.after + " (" + std::to_string(findings_of(d)) + ")"));
    std::vector<json> items;
    // Changed claims first: both sides say something, and differently.
    for (const auto type : {ClaimChange::Type::changed, ClaimChange::Type::removed, ClaimChange::Type::added})
      for (const auto& c : d.claims)
        if (c.type == type && o.listed(c)) items.push_back(claim_change_item(c));
    for (const auto& s : d.see_also)
      if (!s.before.empty() && !s.after.empty())
        items.push_back(concat({strong("see also"), space(), code(s.before), space(), text("→"), space(), code(s.after),
                                space(), code(s.loc.str())}));
    if (items.empty()) blocks.push_back(para(text("No differences of fact in what both document.")));
    else blocks.push_back(bullets(items));
    if (o.reworded)
      blocks.push_back(para(text(plural(o.reworded, "sentence says", "sentences say") +
                                 " the same thing in other words or say more on one side (not listed).")));
    add_counted(o.stated_before, d.before, "statement", "statements",
                "that a check could use and that " + d.after + " does not make", blocks);
    add_counted(o.stated_after, d.after, "statement", "statements",
                "that a check could use and that " + d.before + " does not make", blocks);
    add_counted(o.see_also_before, d.before, "SEE ALSO target", "SEE ALSO targets", "that " + d.after + " lacks", blocks);
    add_counted(o.see_also_after, d.after, "SEE ALSO target", "SEE ALSO targets", "that " + d.before + " lacks", blocks);
    add_one_sided(o.only_before, d.before, d.after, blocks);
    add_one_sided(o.only_after, d.after, d.before, blocks);
    if (o.claims)
      blocks.push_back(para(text("The " + plural(o.claims, "claim", "claims") +
                                 " about those functions are not listed: only one side makes them.")));
    add_unchecked(o.unchecked_before, d.before, blocks);
    add_unchecked(o.unchecked_after, d.after, blocks);
  }
}

void add_headers(const CrosscheckReport& r, json& blocks) {
  blocks.push_back(header(2, "page-vs-header", "Page against header"));
  if (r.headers.empty()) blocks.push_back(para(text("No implementation's headers were compared.")));
  for (const auto& h : r.headers) {
    const auto disagreements = h.comparisons.size() - h.count(Agreement::same);
    blocks.push_back(header(3, "header-" + h.implementation, h.implementation + " (" + std::to_string(disagreements) + ")"));
    blocks.push_back(para(text(std::to_string(h.count(Agreement::different)) + " different, " +
                               std::to_string(h.count(Agreement::missing)) + " missing, " +
                               std::to_string(h.count(Agreement::compatible)) + " compatible; " +
                               std::to_string(h.count(Agreement::same)) + " as documented (not listed).")));
    std::vector<json> items;
    for (const auto& c : h.comparisons) {
      if (c.agreement == Agreement::same) continue;
      json item = concat({strong(to_string(c.agreement)), space(), code(c.prototype.name), space(), text("page"),
                          space(), code(c.prototype.text)});
      if (c.declaration) item = concat({item, space(), text("header"), space(), code(c.declaration->text)});
      if (c.declaration && !c.declaration->macro.empty() && !c.declaration->function_like_macro)
        item = concat({item, space(), text("via"), space(), code(c.declaration->macro)});
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
    blocks.push_back(header(3, "behaviour-" + b.implementation,
                            b.implementation + " (" + b.version + "): " + std::to_string(b.contradicted()) +
                                " contradicted, " + std::to_string(b.unsupported()) + " unsupported"));
    blocks.push_back(para(text(std::to_string(b.contradicted()) + " claim(s) contradicted and " +
                               std::to_string(b.unsupported()) + " unsupported, of " + std::to_string(b.results) +
                               " results; every claim with its outcome is in report.html.")));
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
  // Header, Para, Plain, BulletList, RawBlock, Str, Space, Code, Strong and
  // Link have kept their shape from API 1.17 through 1.23.
  if (api_version.size() < 2 || api_version[0] != 1 || api_version[1] < 17 || api_version[1] > 23) {
    std::string v;
    for (int n : api_version) v += (v.empty() ? "" : ".") + std::to_string(n);
    throw std::runtime_error("pandoc API " + v + " is not one this report is written for (1.17 to 1.23)");
  }
  json blocks = json::array();
  blocks.push_back(para(text("Documentation cross-checks of " + report.docs +
                             ": lint, page against page, page against header, page against behaviour.")));
  add_summary(report, blocks);
  for (const auto& n : report.notes) blocks.push_back(para(concat({strong("Note:"), space(), text(n)})));
  add_lint(report, blocks);
  add_page_diffs(report, blocks);
  add_headers(report, blocks);
  add_behaviours(report, blocks);
  return {{"pandoc-api-version", api_version},
          {"meta",
           {{"title", {{"t", "MetaInlines"}, {"c", text("Documentation cross-checks")}}},
            // pandoc's page is a narrow column for prose; these are long code lines.
            {"header-includes",
             {{"t", "MetaBlocks"},
              {"c", json::array({{{"t", "RawBlock"}, {"c", {"html", "<style>body{max-width:76em}</style>"}}}})}}}}},
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
