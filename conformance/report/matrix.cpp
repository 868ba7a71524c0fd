#include "report/matrix.hpp"

#include "platform/process.hpp"
#include "report/results.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace sslconf::report {

namespace {

const char* const kOutcomes[] = {"PASS", "FAIL", "UNSUPPORTED", "UNTESTED", "UNRESOLVED"};

std::string short_outcome(const std::string& o) {
  if (o == "UNSUPPORTED") return "UNSUP";
  if (o == "UNTESTED") return "UNTST";
  if (o == "UNRESOLVED") return "UNRES";
  return o;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() > width) return s.substr(0, width - 1) + "~";
  return s + std::string(width - s.size(), ' ');
}

// Claim id → each implementation's result (nullptr where a run lacks it).
struct Row {
  const nlohmann::json* claim = nullptr;
  std::vector<const nlohmann::json*> cells;
  bool differs() const {
    std::string first;
    for (const auto* c : cells) {
      const std::string o = c ? c->at("outcome").get<std::string>() : "-";
      if (first.empty()) first = o;
      else if (o != first) return true;
    }
    return false;
  }
};

std::vector<Row> rows_of(const std::vector<nlohmann::json>& results) {
  std::vector<Row> rows;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < results.size(); ++i) {
    for (const auto& r : results[i]["results"]) {
      const std::string id = r["id"];
      auto it = index.find(id);
      if (it == index.end()) {
        it = index.emplace(id, rows.size()).first;
        rows.push_back(Row{&r, std::vector<const nlohmann::json*>(results.size(), nullptr)});
      }
      rows[it->second].cells[i] = &r;
    }
  }
  return rows;
}

std::string name_of(const nlohmann::json& results) { return results["implementation"]["name"].get<std::string>(); }

// Pandoc Markdown text in a table cell: no line breaks, no pipes, and the
// punctuation Markdown would read as markup escaped.
std::string md(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    if (ch == '\n' || ch == '\r') out += ' ';
    else if (std::string("\\`*_{}[]<>#+-!|$^~\"@").find(ch) != std::string::npos) out += std::string("\\") + ch;
    else out += ch;
  }
  return out;
}

std::string cell_md(const nlohmann::json* r) {
  if (!r) return "—";
  const std::string o = r->at("outcome"), e = r->at("expected");
  std::string text = "[" + o + "]{." + std::string(o == "PASS" ? "pass" : o == "FAIL" ? "fail" : "other") + "}";
  if (o != e) text += " [(expected " + e + ")]{.unexpected}";
  return text + " " + md(r->at("detail").get<std::string>());
}

std::string table_md(const std::vector<Row>& rows, const std::vector<nlohmann::json>& results, bool only_differences) {
  std::string t = "| Claim | Sentence | Source |";
  std::string rule = "|---|------|--|";
  for (const auto& r : results) {
    t += " " + md(name_of(r)) + " |";
    rule += "----|";
  }
  t += "\n" + rule + "\n";
  int n = 0;
  for (const auto& row : rows) {
    if (only_differences && !row.differs()) continue;
    ++n;
    const auto& c = *row.claim;
    t += "| " + std::string(row.differs() ? "**≠** " : "") + md(c["id"]) + " | " + md(c["text"]) + " | " + md(c["source"]) + " |";
    for (const auto* cell : row.cells) t += " " + cell_md(cell) + " |";
    t += "\n";
  }
  return n ? t : "None.\n";
}

const char* const kStyle =
    "<style>.fail{color:#b00020;font-weight:bold}.pass{color:#1b5e20}.other{color:#6d4c41}"
    ".unexpected{background:#ffe0b2}table{font-size:85%}td{vertical-align:top}</style>";

}  // namespace

std::string matrix_text(const std::vector<nlohmann::json>& results) {
  const auto rows = rows_of(results);
  std::size_t id_width = 20;
  for (const auto& row : rows) id_width = std::max(id_width, row.claim->at("id").get<std::string>().size());
  id_width = std::min<std::size_t>(id_width, 72);
  std::string out = "  " + pad("claim", id_width);
  for (const auto& r : results) out += " " + pad(name_of(r), 11);
  out += "\n";
  for (const auto& row : rows) {
    out += std::string(row.differs() ? "≠ " : "  ") + pad(row.claim->at("id"), id_width);
    for (const auto* c : row.cells) {
      std::string cell = c ? short_outcome(c->at("outcome")) : "-";
      if (c && c->at("outcome") != c->at("expected")) cell += "!";
      out += " " + pad(cell, 11);
    }
    out += "\n";
  }
  for (const char* o : kOutcomes) {
    out += "  " + pad(std::string("total ") + o, id_width);
    for (const auto& r : results) out += " " + pad(std::to_string(r["totals"].value(o, 0)), 11);
    out += "\n";
  }
  out += "  " + pad("unexpected (!)", id_width);
  for (const auto& r : results) out += " " + pad(std::to_string(unexpected(r).size()), 11);
  return out + "\n";
}

std::string report_markdown(const std::vector<nlohmann::json>& results) {
  const auto rows = rows_of(results);
  std::string m = "---\ntitle: sslconf conformance report\nheader-includes: |\n  ```{=html}\n  " + std::string(kStyle) +
                  "\n  ```\n---\n\n# Implementations\n\n| Implementation | Family | Version |";
  for (const char* o : kOutcomes) m += std::string(" ") + o + " |";
  m += " Unexpected |\n|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& r : results) {
    const auto& impl = r["implementation"];
    m += "| " + md(impl["name"]) + " | " + md(impl["family"]) + " | " + md(impl["version"]) + " |";
    for (const char* o : kOutcomes) m += " " + std::to_string(r["totals"].value(o, 0)) + " |";
    m += " " + std::to_string(unexpected(r).size()) + " |\n";
  }
  m += "\n# Claims whose outcomes differ between implementations\n\n" + table_md(rows, results, true);
  m += "\n# All claims\n\n" + table_md(rows, results, false);
  return m;
}

void write_report_html(const std::vector<nlohmann::json>& results, const std::string& path) {
  platform::ProcessOptions o;
  o.input = report_markdown(results);
  o.timeout = std::chrono::minutes(2);
  const auto r = platform::run_process({"pandoc", "-f", "markdown", "-t", "html5", "-s"}, o);
  if (!r.exited || r.exit_code != 0) throw std::runtime_error("pandoc failed: " + r.err);
  write_atomically(path, r.out);
}

}  // namespace sslconf::report
