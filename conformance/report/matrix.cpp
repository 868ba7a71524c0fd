#include "report/matrix.hpp"

#include "report/results.hpp"

#include <algorithm>
#include <map>

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

}  // namespace sslconf::report
