#include "report/findings.hpp"

#include "model/diagnostic.hpp"
#include "report/results.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace sslconf::report {

namespace fs = std::filesystem;
using nlohmann::json;

std::string reproducer_file_name(const std::string& claim_id) {
  std::string out;
  out.reserve(claim_id.size() + 2);
  for (const char c : claim_id) {
    const bool kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-';
    out += kept ? c : '_';
  }
  return out + ".c";
}

namespace {

std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// A path written from `base`, as a link in a page kept in `base`.
std::string relative_link(const fs::path& target, const std::string& base) {
  return target.lexically_normal().lexically_proximate(fs::path(base.empty() ? "." : base).lexically_normal())
      .generic_string();
}

// The reproducer of result `r` of a results file kept in `folder`: the one
// the result names, else the one the integrator's naming puts in repro/.
std::string reproducer_of(const json& r, const std::string& folder, const std::string& findings_folder) {
  const fs::path dir = folder.empty() ? fs::path(".") : fs::path(folder);
  std::error_code ec;
  if (const std::string named = str(r, "reproducer"); !named.empty()) {
    const fs::path p = fs::path(named).is_absolute() ? fs::path(named) : dir / named;
    return relative_link(p, findings_folder);
  }
  const fs::path p = dir / "repro" / reproducer_file_name(str(r, "id"));
  return fs::is_regular_file(p, ec) ? relative_link(p, findings_folder) : "";
}

Occurrence occurrence_of(const json& impl, const json& r) {
  return {str(impl, "name"), str(impl, "version"), str(r, "outcome"), str(r, "detail")};
}

void add_once(std::vector<Occurrence>& list, Occurrence o) {
  for (const auto& have : list)
    if (have.implementation == o.implementation && have.release == o.release) return;
  list.push_back(std::move(o));
}

}  // namespace

std::vector<Divergence> divergences(const std::vector<ResultsFile>& files, const std::string& findings_folder) {
  std::vector<Divergence> out;
  std::map<std::string, std::size_t> index;
  // First pass: the claims that diverge anywhere, in order of first sight.
  for (const auto& f : files) {
    const json impl = f.results.value("implementation", json::object());
    if (str(impl, "family") == "reference") continue;
    for (const auto& r : f.results.value("results", json::array())) {
      if (str(r, "outcome") != "FAIL") continue;
      const std::string id = str(r, "id");
      if (index.count(id)) continue;
      index.emplace(id, out.size());
      out.push_back({id, str(r, "page"), str(r, "section"), str(r, "kind"), str(r, "text"), str(r, "source"),
                     {}, {}, {}, ""});
    }
  }
  // Second pass: every implementation's outcome of those claims.
  for (const auto& f : files) {
    const json impl = f.results.value("implementation", json::object());
    if (str(impl, "family") == "reference") continue;
    for (const auto& r : f.results.value("results", json::array())) {
      const auto it = index.find(str(r, "id"));
      if (it == index.end()) continue;
      auto& d = out[it->second];
      const std::string outcome = str(r, "outcome");
      auto& list = outcome == "FAIL" ? d.reproduces : outcome == "PASS" ? d.holds : d.unchecked;
      add_once(list, occurrence_of(impl, r));
      if (d.reproducer.empty()) d.reproducer = reproducer_of(r, f.folder, findings_folder);
    }
  }
  return out;
}

namespace {

std::string file_of(const std::string& source) {
  const auto colon = source.rfind(':');
  return colon == std::string::npos ? source : source.substr(0, colon);
}

std::string line_of(const std::string& source) {
  const auto colon = source.rfind(':');
  return colon == std::string::npos ? "" : source.substr(colon + 1);
}

std::string who(const Occurrence& o) { return o.release.empty() ? o.implementation : o.implementation + " (" + o.release + ")"; }

// "a, b and c".
std::string listing(const std::vector<Occurrence>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i)
    out += (i == 0 ? "" : i + 1 == list.size() ? " and " : ", ") + who(list[i]);
  return out;
}

// Markdown that prints `text` as it is: its own backticks, stars and
// brackets would otherwise start code, emphasis, links or HTML. Underscores
// inside words (SSL_SESSION_free) start nothing and are left alone.
std::string plain(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool word_before = i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]));
    const bool word_after = i + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[i + 1]));
    const bool lone_underscore = c == '_' && !(word_before && word_after);
    if (c == '`' || c == '*' || lone_underscore || c == '[' || c == ']' || c == '<' || c == '>' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

// Code as an inline code span; a span holding backticks is fenced by more.
std::string code(const std::string& text) {
  const std::string fence = text.find('`') == std::string::npos ? "`" : "``";
  return fence + (fence.size() > 1 ? " " + text + " " : text) + fence;
}

void divergence_markdown(std::ostringstream& md, std::size_t n, const Divergence& d) {
  // A declaration reads best as code, a sentence as a quotation.
  const bool declaration = d.kind == "prototype" || d.section == "SYNOPSIS";
  md << "### " << n << ". " << d.page << ": " << (declaration ? code(d.text) : plain(d.text)) << "\n\n";
  md << "- Page: " << d.page << ", " << file_of(d.source) << " line " << line_of(d.source);
  if (!d.section.empty()) md << " (" << d.section << ")";
  md << "\n- The page says: " << (declaration ? code(d.text) : "\"" + plain(d.text) + "\"") << "\n";
  // Implementations that observed the same thing share one line.
  std::vector<std::pair<std::string, std::vector<Occurrence>>> by_detail;
  for (const auto& o : d.reproduces) {
    auto it = std::find_if(by_detail.begin(), by_detail.end(), [&](const auto& p) { return p.first == o.detail; });
    if (it == by_detail.end()) by_detail.push_back({o.detail, {o}});
    else it->second.push_back(o);
  }
  for (const auto& [detail, list] : by_detail)
    md << "- Differs on " << listing(list) << ": " << (detail.empty() ? "no detail recorded" : plain(detail)) << "\n";
  if (!d.holds.empty()) md << "- Does what the page says on " << listing(d.holds) << "\n";
  for (const auto& o : d.unchecked)
    md << "- Not decided on " << who(o) << ": " << (o.detail.empty() ? o.outcome : plain(o.detail)) << "\n";
  if (!d.reproducer.empty())
    md << "- Reproducer: [" << d.reproducer << "](" << d.reproducer << "), built with `cc " << d.reproducer
       << " -I<prefix>/include -L<prefix>/lib -lssl -lcrypto`; it exits 1 when the library differs from the page, "
          "0 when it does what the page says\n";
  md << "\n";
}

// The patch cut into its files: path (without the a/ prefix) → its part.
std::vector<std::pair<std::string, std::string>> patch_by_file(const std::string& patch) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(patch);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("--- ", 0) == 0) {
      std::string path = line.substr(4);
      path = path.substr(0, path.find('\t'));
      if (path.rfind("a/", 0) == 0) path.erase(0, 2);
      out.push_back({path, ""});
    }
    if (!out.empty()) out.back().second += line + "\n";
  }
  return out;
}

bool same_file(const std::string& lint_file, const std::string& patch_path) {
  if (lint_file == patch_path) return true;
  return lint_file.size() > patch_path.size() &&
         lint_file.compare(lint_file.size() - patch_path.size(), patch_path.size(), patch_path) == 0 &&
         lint_file[lint_file.size() - patch_path.size() - 1] == '/';
}

void doc_defects_markdown(std::ostringstream& md, const DocDefects& docs) {
  // Pages in the order the lint met them, then pages only the patch names.
  std::vector<std::string> files;
  std::map<std::string, std::vector<const json*>> found;
  for (const auto& f : docs.lint) {
    if (!f.is_object()) continue;
    const std::string file = file_of(str(f, "source"));
    if (!found.count(file)) files.push_back(file);
    found[file].push_back(&f);
  }
  auto parts = patch_by_file(docs.patch);
  std::vector<bool> used(parts.size(), false);
  std::size_t errors = 0;
  for (const auto& f : docs.lint) errors += str(f, "severity") == "error" ? 1 : 0;
  if (files.empty() && parts.empty()) return;
  md << "## Defects of the pages\n\n"
     << errors << " error(s) and " << docs.lint.size() - errors << " warning(s) in " << files.size()
     << " page(s)" << (parts.empty() ? "" : "; the patch below each page fixes those whose fix is certain (apply with `patch -p1` at the top of the tree)")
     << ".\n\n";
  auto part_of = [&](const std::string& file) -> const std::string* {
    for (std::size_t i = 0; i < parts.size(); ++i)
      if (!used[i] && same_file(file, parts[i].first)) {
        used[i] = true;
        return &parts[i].second;
      }
    return nullptr;
  };
  auto show_patch = [&](const std::string* part) {
    if (part != nullptr) md << "\n```diff\n" << *part << "```\n";
  };
  for (const auto& file : files) {
    md << "### " << file << "\n\n";
    for (const auto* f : found[file])
      md << "- line " << line_of(str(*f, "source")) << ": " << str(*f, "severity") << ": " << plain(str(*f, "message"))
         << "\n";
    show_patch(part_of(file));
    md << "\n";
  }
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (!used[i]) {
      md << "### " << parts[i].first << "\n\n";
      used[i] = true;
      show_patch(&parts[i].second);
      md << "\n";
    }
}

}  // namespace

std::string findings_markdown(const std::vector<Divergence>& found, const DocDefects& docs) {
  std::ostringstream md;
  md << "# Findings\n\n";
  md << "## Libraries against their manual pages\n\n";
  if (found.empty()) md << "No library differed from the pages.\n\n";
  else
    md << found.size() << " statement(s) of the pages that some library does not do as written. Each names the "
          "releases where the difference shows and those where the library does what the page says.\n\n";
  for (std::size_t i = 0; i < found.size(); ++i) divergence_markdown(md, i + 1, found[i]);
  doc_defects_markdown(md, docs);
  return md.str();
}

json to_json(const std::vector<Divergence>& found) {
  auto list = [](const std::vector<Occurrence>& os) {
    json a = json::array();
    for (const auto& o : os) a.push_back({{"implementation", o.implementation}, {"release", o.release},
                                          {"outcome", o.outcome}, {"detail", o.detail}});
    return a;
  };
  json out = json::array();
  for (const auto& d : found)
    out.push_back({{"id", d.id}, {"page", d.page}, {"section", d.section}, {"kind", d.kind}, {"text", d.text},
                   {"source", d.source}, {"reproduces", list(d.reproduces)}, {"holds", list(d.holds)},
                   {"unchecked", list(d.unchecked)}, {"reproducer", d.reproducer}});
  return out;
}

void write_findings(const std::vector<std::string>& results_paths, const std::string& path, const DocDefects& docs) {
  std::vector<ResultsFile> files;
  for (const auto& p : results_paths) {
    std::ifstream in(p);
    auto j = json::parse(in, nullptr, false);
    if (!in || j.is_discarded() || !j.is_object()) throw model::InputError({p, 0}, "cannot read results JSON");
    files.push_back({std::move(j), fs::path(p).parent_path().string()});
  }
  const auto folder = fs::path(path).parent_path().string();
  write_atomically(path, findings_markdown(divergences(files, folder), docs));
}

}  // namespace sslconf::report
