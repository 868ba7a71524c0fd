#include "mutate/mutants.hpp"

#include "model/diagnostic.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace sslconf::mutate {

namespace {

// "key: value" (value may be empty); false when the line has no key.
bool split_field(const std::string& line, std::string& key, std::string& value) {
  const auto colon = line.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  key = line.substr(0, colon);
  if (key.find_first_of(" \t") != std::string::npos) return false;
  value = line.substr(colon + 1);
  if (!value.empty() && value[0] == ' ') value.erase(0, 1);
  return true;
}

void append_line(std::string& to, const std::string& line, bool& started) {
  if (started) to += '\n';
  to += line;
  started = true;
}

struct Parser {
  const std::string& file;
  std::vector<Mutant> out;
  bool find_started = false, replace_started = false;
  int block_line = 0;

  model::InputError error(int line, const std::string& message) const { return model::InputError({file, line}, message); }

  void finish() {
    if (out.empty()) return;
    const Mutant& m = out.back();
    for (const auto& [name, value] : {std::pair<const char*, std::string>{"file", m.file}, {"about", m.about}, {"find", m.find}})
      if (value.empty()) throw error(block_line, "mutant " + m.id + " has no " + name + ":");
    if (m.functions.empty()) throw error(block_line, "mutant " + m.id + " has no functions:");
    if (m.find == m.replace) throw error(block_line, "mutant " + m.id + " replaces its text by the same text");
  }

  void field(int n, const std::string& key, const std::string& value) {
    if (out.empty()) throw error(n, "a field before the first '== id' line");
    Mutant& m = out.back();
    if (key == "file") {
      if (value.empty() || fs::path(value).is_absolute() || value.find("..") != std::string::npos)
        throw error(n, "file: must name a file inside the reference folder");
      m.file = value;
    } else if (key == "functions") {
      std::istringstream words(value);
      for (std::string w; words >> w;) m.functions.push_back(w);
    } else if (key == "about") {
      m.about = value;
    } else if (key == "find") {
      append_line(m.find, value, find_started);
    } else if (key == "replace") {
      append_line(m.replace, value, replace_started);
    } else if (key == "ci") {
      if (value != "yes" && value != "no") throw error(n, "ci: must be yes or no");
      m.ci = value == "yes";
    } else if (key == "equivalent") {
      m.equivalent = value;
    } else {
      throw error(n, "unknown field '" + key + "'");
    }
  }

  void line(int n, const std::string& text) {
    if (text.rfind("==", 0) == 0) {
      finish();
      std::string id = text.substr(2);
      id.erase(0, id.find_first_not_of(' '));
      if (id.empty() || id.find_first_of(" \t") != std::string::npos) throw error(n, "'== id' needs one word as id");
      out.push_back({});
      out.back().id = id;
      out.back().source = file + ":" + std::to_string(n);
      find_started = replace_started = false;
      block_line = n;
      return;
    }
    if (text.empty() || text[0] == '#') return;
    std::string key, value;
    if (!split_field(text, key, value)) throw error(n, "expected 'key: value' or '== id'");
    field(n, key, value);
  }
};

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw model::InputError({p.string(), 0}, "cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::vector<Mutant> parse_mutants(const std::string& text, const std::string& file) {
  Parser p{file, {}};
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    p.line(n, line);
  }
  p.finish();
  return p.out;
}

std::vector<Mutant> load_mutants(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".mutants") files.push_back(e.path());
  if (ec) throw model::InputError({dir, 0}, "cannot list the mutant folder");
  std::sort(files.begin(), files.end());
  std::vector<Mutant> all;
  std::set<std::string> ids;
  for (const auto& f : files) {
    for (auto& m : parse_mutants(read_text(f), f.string())) {
      if (!ids.insert(m.id).second) throw model::InputError({m.source, 0}, "mutant id " + m.id + " is used twice");
      all.push_back(std::move(m));
    }
  }
  return all;
}

std::string apply_mutant(const Mutant& m, const std::string& original) {
  const auto at = original.find(m.find);
  if (at == std::string::npos) throw model::InputError({m.source, 0}, "mutant " + m.id + ": its find text is not in " + m.file);
  if (original.find(m.find, at + 1) != std::string::npos)
    throw model::InputError({m.source, 0}, "mutant " + m.id + ": its find text occurs more than once in " + m.file);
  return original.substr(0, at) + m.replace + original.substr(at + m.find.size());
}

}  // namespace sslconf::mutate
