// bench_table: prints the benchmark results of one run as a table of
// ratios against each peer (rows from peers.txt), then the benchmarks that
// have no peer. Reads the Google Benchmark JSON files of a folder, one per
// program (<program>.json).
//   bench_table PEERS_FILE RESULTS_DIR
// Exit status: 0 (a missed goal is shown, not an error), 2 on bad input.
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Row {
  std::string stage, metric, ours, peer_name, peer, goal;
};

struct Measured {
  double value = 0;
  std::string unit;
  std::string error;  // non-empty when the benchmark was skipped or failed
};

// PROGRAM:BENCHMARK -> its entry in PROGRAM.json.
using Results = std::map<std::string, json>;

// "BM_x/1000/iterations:3/manual_time" -> "BM_x/1000": how a run was timed
// is not part of a row's name.
std::string row_name(const std::string& name) {
  std::string out;
  std::istringstream parts(name);
  for (std::string part; std::getline(parts, part, '/');) {
    if (part.rfind("iterations:", 0) == 0 || part == "real_time" || part == "manual_time") continue;
    out += (out.empty() ? "" : "/") + part;
  }
  return out;
}

std::vector<Row> read_rows(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ":1: error: cannot read");
  std::vector<Row> rows;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Row r;
    if (!(fields >> r.stage >> r.metric >> r.ours >> r.peer_name >> r.peer >> r.goal))
      throw std::runtime_error(path + ":" + std::to_string(n) + ": error: expected STAGE METRIC OURS PEER_NAME PEER GOAL");
    rows.push_back(r);
  }
  return rows;
}

// Google Benchmark writes NaN and inf as bare words (e.g. the spread of a
// counter that is always 0), which JSON does not allow: they become null.
std::string without_non_numbers(std::string text) {
  for (const char* word : {"-nan", "nan", "NaN", "-inf", "inf"}) {
    const std::string member = std::string(": ") + word;
    for (auto at = text.find(member); at != std::string::npos; at = text.find(member, at + 2)) {
      const std::size_t end = at + member.size();
      if (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '"')) continue;
      text.replace(at + 2, member.size() - 2, "null");
    }
  }
  return text;
}

Results read_results(const fs::path& dir) {
  Results all;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    std::ostringstream text;
    text << in.rdbuf();
    json doc;
    try {
      doc = json::parse(without_non_numbers(text.str()));
    } catch (const json::exception& x) {
      throw std::runtime_error(e.path().string() + ":1: error: not benchmark JSON: " + x.what());
    }
    if (!doc.is_object() || !doc.contains("benchmarks")) continue;  // some other JSON file
    const std::string program = e.path().stem().string();
    // A run with repetitions has one entry per repetition and aggregates:
    // the median stands for the row; without them, the one entry does.
    std::set<std::string> medians;
    for (const auto& b : doc["benchmarks"]) {
      const std::string key = program + ":" + row_name(b.value("run_name", b.value("name", "")));
      if (b.value("run_type", "iteration") == "aggregate") {
        if (b.value("aggregate_name", "") != "median") continue;
        medians.insert(key);
        all[key] = b;
      } else if (!medians.count(key)) {
        all[key] = b;
      }
    }
  }
  return all;
}

std::optional<Measured> measure(const Results& results, const std::string& key, const std::string& metric) {
  const auto it = results.find(key);
  if (it == results.end()) return std::nullopt;
  const json& b = it->second;
  Measured m;
  if (b.value("error_occurred", false)) m.error = b.value("error_message", "error");
  if (metric == "cpu_time" || metric == "real_time") {
    m.value = b.value(metric, 0.0);
    m.unit = b.value("time_unit", "ns");
  } else if (b.contains(metric) && b[metric].is_number()) {
    m.value = b[metric].get<double>();
    m.unit = metric == "ns_per_session" ? "ns" : metric == "max_rss_mb" ? "MB" : "";
  } else {
    m.error = "no " + metric;
  }
  return m;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
  return buf;
}

std::string shown(const std::optional<Measured>& m) {
  if (!m) return "(not run)";
  if (!m->error.empty()) return "(skipped)";
  return number(m->value) + " " + m->unit;
}

// "ahead"/"behind" without a goal; "met"/"MISSED" against one.
std::string verdict(double ratio_or_value, const std::string& goal, bool has_peer) {
  if (goal == "-") return has_peer ? (ratio_or_value >= 1 ? "ahead" : "behind") : "";
  const double target = std::stod(goal.substr(1));
  const bool met = goal[0] == 'x' ? ratio_or_value >= target : ratio_or_value < target;
  return (met ? "met (" : "MISSED (") + goal + ")";
}

void print_line(const std::vector<std::string>& cells) {
  static const int widths[] = {24, 16, 11, 16, 9, 0};
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out += cells[i];
    if (widths[i] > 0 && cells[i].size() < static_cast<std::size_t>(widths[i])) out.append(widths[i] - cells[i].size(), ' ');
    out += ' ';
  }
  std::cout << out << '\n';
}

void print_row(const Row& r, const Results& results) {
  const auto ours = measure(results, r.ours, r.metric);
  const bool has_peer = r.peer != "-";
  const auto peer = has_peer ? measure(results, r.peer, r.metric) : std::nullopt;
  std::string ratio = "-", status;
  const bool ours_ok = ours && ours->error.empty();
  if (has_peer && ours_ok && peer && peer->error.empty() && ours->value > 0) {
    const double x = peer->value / ours->value;
    ratio = number(x) + "x";
    status = verdict(x, r.goal, true);
  } else if (!has_peer && ours_ok) {
    status = verdict(ours->value, r.goal, false);
  }
  print_line({r.stage, shown(ours), has_peer ? r.peer_name : "-", has_peer ? shown(peer) : "-", ratio, status});
}

void print_unpaired(const std::vector<Row>& rows, const Results& results) {
  std::set<std::string> paired;
  for (const auto& r : rows) paired.insert({r.ours, r.peer});
  bool first = true;
  for (const auto& [key, b] : results) {
    if (paired.count(key)) continue;
    if (first) std::cout << "\nwithout a peer:\n";
    first = false;
    std::cout << "  " << key << "  " << number(b.value("real_time", 0.0)) << " " << b.value("time_unit", "ns")
              << (b.value("error_occurred", false) ? "  (skipped: " + b.value("error_message", "") + ")" : "") << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bench_table PEERS_FILE RESULTS_DIR\n";
    return 2;
  }
  try {
    const auto rows = read_rows(argv[1]);
    const auto results = read_results(argv[2]);
    std::cout << "ratio = peer / ours (above 1: we are faster); times are per iteration, cache rows per session\n\n";
    print_line({"stage", "ours", "peer", "peer's", "ratio", "goal"});
    for (const auto& r : rows) print_row(r, results);
    print_unpaired(rows, results);
  } catch (const std::exception& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  return 0;
}
