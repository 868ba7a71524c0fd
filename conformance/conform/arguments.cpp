#include "conform/arguments.hpp"

#include "model/diagnostic.hpp"
#include "platform/process.hpp"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace sslconf::conform {

namespace {

model::InputError bad(const std::string& what, const std::string& message) {
  return model::InputError({what, 0}, message);
}

bool looks_like_path(const std::string& v) {
  return v.find('/') != std::string::npos || v.rfind('.', 0) == 0 || v.rfind('~', 0) == 0;
}

bool has_library(const fs::path& prefix, const std::string& stem) {
  for (const char* dir : {"lib", "lib64"}) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(prefix / dir, ec)) {
      const auto name = e.path().filename().string();
      if (name.rfind(stem + ".so", 0) == 0 || name == stem + ".a" || name.rfind(stem + ".", 0) == 0)
        return true;
    }
  }
  // Debian-style multiarch folders under lib/.
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(prefix / "lib", ec))
    if (e.is_directory() && fs::exists(e.path() / (stem + ".so"))) return true;
  return false;
}

// A short label for results-<label>.json: the prefix's last path element.
std::string prefix_label(const fs::path& p) {
  std::string leaf = p.filename().string();
  if (leaf.empty()) leaf = p.parent_path().filename().string();
  std::replace_if(leaf.begin(), leaf.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_'; }, '_');
  return "prefix-" + leaf;
}

// The first line of a page (gzip or not): a `.so` link names its target.
std::string first_line(const fs::path& page) {
  gzFile f = gzopen(page.string().c_str(), "rb");
  if (!f) return "";
  char buf[512] = {0};
  const char* line = gzgets(f, buf, sizeof buf);
  gzclose(f);
  std::string text = line ? line : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// The page a manual entry resolves to: symlinks followed, then `.so`
// links (relative to the manual folder), a few levels at most.
fs::path resolve_page(fs::path page, const fs::path& man_dir) {
  for (int depth = 0; depth < 8; ++depth) {
    std::error_code ec;
    page = fs::canonical(page, ec);
    if (ec) return {};
    const std::string line = first_line(page);
    if (line.rfind(".so ", 0) != 0) return page;
    fs::path target = man_dir / line.substr(4);
    if (!fs::exists(target) && fs::exists(target.string() + ".gz")) target = target.string() + ".gz";
    page = target;
  }
  return {};
}

fs::path find_entry(const fs::path& man_dir, const std::string& function) {
  for (const char* suffix : {".3ssl.gz", ".3ssl", ".3.gz", ".3"}) {
    const fs::path p = man_dir / "man3" / (function + suffix);
    if (fs::exists(p)) return p;
  }
  return {};
}

// The first word of each line that is neither blank nor a # comment.
std::vector<std::string> listed_words(const std::string& file, const std::string& what) {
  std::ifstream in(file);
  if (!in) throw bad(file, "cannot read the list of " + what);
  std::vector<std::string> functions;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string name;
    if (words >> name && name[0] != '#') functions.push_back(name);
  }
  return functions;
}

std::vector<std::string> family_functions(const std::string& family_file) {
  return listed_words(family_file, "session-family functions");
}

bool starts_with_any(const std::string& name, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&name](const std::string& p) { return name.compare(0, p.size(), p) == 0; });
}

// "SSL_new.3ssl.gz" -> "SSL_new": the entry's name without its section.
std::string entry_name(const std::string& file) {
  std::string name = file;
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0) name.resize(name.size() - 3);
  const auto dot = name.rfind(".3");
  return dot == std::string::npos ? "" : name.substr(0, dot);
}

std::string folder_of(const std::string& project, const char* file) {
  return (fs::path(project) / "conformance/conform" / file).string();
}

}  // namespace

std::vector<std::string> libssl_name_prefixes(const std::string& prefix_file) {
  auto prefixes = listed_words(prefix_file, "libssl name prefixes");
  if (prefixes.empty()) throw bad(prefix_file, "lists no libssl name prefix");
  return prefixes;
}

bool names_libssl(const std::vector<std::string>& names, const std::vector<std::string>& prefixes) {
  return std::any_of(names.begin(), names.end(), [&prefixes](const std::string& n) { return starts_with_any(n, prefixes); });
}

std::vector<std::string> installed_libssl_pages(const std::string& prefix_file, const std::vector<std::string>& man_dirs) {
  const auto prefixes = libssl_name_prefixes(prefix_file);
  // Entry name -> (file, manual folder): an earlier folder of `man -w`
  // shadows a later one, as man(1) does.
  std::map<std::string, std::pair<fs::path, fs::path>> entries;
  for (const auto& dir : man_dirs) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(dir) / "man3", ec)) {
      const std::string name = entry_name(e.path().filename().string());
      if (!name.empty() && starts_with_any(name, prefixes)) entries.emplace(name, std::make_pair(e.path(), fs::path(dir)));
    }
  }
  std::vector<std::string> pages;
  std::set<std::string> seen;
  for (const auto& [name, where] : entries) {
    const fs::path page = resolve_page(where.first, where.second);
    if (!page.empty() && seen.insert(page.string()).second) pages.push_back(page.string());
  }
  if (pages.empty())
    throw bad(kInstalledLibsslDocs, "no libssl page found in the installed manual (is libssl-doc installed?)");
  return pages;
}

std::vector<std::string> manual_folders() {
  std::vector<std::string> dirs;
  const auto r = platform::run_process({"man", "-w"});
  if (r.exited && r.exit_code == 0) {
    std::istringstream path(r.out);
    for (std::string dir; std::getline(path, dir, ':');) {
      while (!dir.empty() && (dir.back() == '\n' || dir.back() == ' ')) dir.pop_back();
      if (!dir.empty() && fs::is_directory(dir)) dirs.push_back(dir);
    }
  }
  if (dirs.empty()) dirs.push_back("/usr/share/man");
  return dirs;
}

std::vector<std::string> installed_pages(const std::string& family_file, const std::vector<std::string>& man_dirs) {
  std::vector<std::string> pages;
  std::set<std::string> seen;
  for (const auto& function : family_functions(family_file))
    for (const auto& dir : man_dirs) {
      const fs::path entry = find_entry(dir, function);
      if (entry.empty()) continue;
      const fs::path page = resolve_page(entry, dir);
      if (!page.empty() && seen.insert(page.string()).second) pages.push_back(page.string());
      break;
    }
  if (pages.empty())
    throw bad(kInstalledDocs, "no session-family page found in the installed manual (is libssl-doc installed?)");
  return pages;
}

const std::vector<std::string>& known_implementations() {
  static const std::vector<std::string> names{"reference", "openssl", "boringssl", "wolfssl"};
  return names;
}

Implementation resolve_implementation(const std::string& value) {
  const auto& known = known_implementations();
  if (std::find(known.begin(), known.end(), value) != known.end()) return {value, value, ""};
  if (!looks_like_path(value) && !fs::exists(value))
    throw bad(value, "unknown implementation (expected reference, openssl, boringssl, wolfssl or an install prefix)");
  std::error_code ec;
  const fs::path prefix = fs::absolute(value, ec).lexically_normal();
  if (!fs::is_directory(prefix))
    throw bad(value, "implementation prefix does not exist or is not a directory");
  if (!fs::exists(prefix / "include/openssl/ssl.h"))
    throw bad((prefix / "include/openssl/ssl.h").string(), "not found: the prefix has no OpenSSL headers");
  for (const char* lib : {"libssl", "libcrypto"})
    if (!has_library(prefix, lib))
      throw bad((prefix / "lib" / (std::string(lib) + ".so")).string(), "not found: the prefix has no " + std::string(lib));
  std::string path = prefix.string();
  if (path.size() > 1 && path.back() == '/') path.pop_back();
  return {prefix_label(prefix), "prefix", path};
}

Arguments validate(const std::vector<std::string>& impls, const std::vector<std::string>& docs,
                   const std::string& out, const std::string& project_dir) {
  Arguments a;
  const std::vector<std::string> impl_values =
      impls.empty() ? std::vector<std::string>{"reference", "openssl"} : impls;
  for (const auto& v : impl_values) {
    auto impl = resolve_implementation(v);
    const bool repeated = std::any_of(a.impls.begin(), a.impls.end(),
                                      [&](const Implementation& i) { return i.name == impl.name; });
    if (repeated) throw bad(v, "implementation named twice");
    a.impls.push_back(std::move(impl));
  }
  const std::vector<std::string> doc_values =
      docs.empty() ? std::vector<std::string>{(fs::path(project_dir) / "pod").string()} : docs;
  for (const auto& d : doc_values) {
    // A folder of either name is given as ./installed or ./installed-libssl.
    if (d == kInstalledDocs || d == kInstalledLibsslDocs) {
      const auto pages = d == kInstalledDocs
                             ? installed_pages(folder_of(project_dir, "installed_family.txt"), manual_folders())
                             : installed_libssl_pages(folder_of(project_dir, "libssl_names.txt"), manual_folders());
      a.docs.insert(a.docs.end(), pages.begin(), pages.end());
      if (!a.expectations_set.empty() && a.expectations_set != d)
        throw bad(d, "--docs installed and --docs installed-libssl are two manuals: name one");
      a.expectations_set = d;
      continue;
    }
    if (!fs::exists(d)) throw bad(d, "documentation path does not exist");
    if (fs::is_regular_file(d) && !std::ifstream(d)) throw bad(d, "documentation file is not readable");
    a.docs.push_back(fs::absolute(d).lexically_normal().string());
  }
  // pod/'s expectation files record what was observed on pod/'s claims;
  // another manual's claims may share their ids and nothing else, so they
  // are compared with each kind's default instead.
  const fs::path pod = (fs::absolute(project_dir) / "pod").lexically_normal();
  const auto within_pod = [&pod](const std::string& d) {
    const fs::path rel = fs::path(d).lexically_relative(pod);
    return !rel.empty() && *rel.begin() != "..";
  };
  if (a.expectations_set.empty() && std::all_of(a.docs.begin(), a.docs.end(), within_pod)) a.expectations_set = kPodDocs;
  a.out = out.empty() ? "out" : out;
  if (fs::exists(a.out) && !fs::is_directory(a.out)) throw bad(a.out, "--out names a file, not a directory");
  a.out = fs::absolute(a.out).lexically_normal().string();
  return a;
}

void add_options(CLI::App& cmd, CommandLine& line) {
  cmd.add_option("--impl", line.impls, "reference, openssl, boringssl, wolfssl, or an install PREFIX");
  cmd.add_option("--docs", line.docs,
                 "manual page file or folder, `installed` for the installed manual's session-family pages, "
                 "or `installed-libssl` for all its libssl pages (default: pod/)");
  cmd.add_option("--out", line.out, "output folder (default: out)");
  cmd.add_flag("--session-family", line.session_family,
               "keep only the pages whose NAME lists a session-family function (conformance/conform/installed_family.txt), "
               "e.g. from a release's whole doc/ tree");
  cmd.add_flag("--libssl", line.libssl,
               "keep only the pages whose NAME lists a libssl name (a prefix of conformance/conform/libssl_names.txt), "
               "e.g. from a release's whole doc/man3 tree");
  cmd.add_flag("--matrix", line.matrix, "print every claim's outcome on every implementation, not only what needs attention");
  cmd.add_flag("--list-docs", line.list_docs,
               "print the page files a run would read into the suite, one a line (installed manuals resolved, "
               "--session-family and --libssl applied), and stop");
  cmd.add_option("--project", line.project, "project source folder")->group("");
  // Hidden: a benchmark builds cold in a folder of its own, leaving the
  // user's builds alone.
  cmd.add_option("--build-root", line.build_root, "folder of the per-implementation builds")->group("");
}

Arguments validate(const CommandLine& line) {
  Arguments a = validate(line.impls, line.docs, line.out, line.project);
  a.matrix = line.matrix;
  if (line.session_family)
    a.family = family_functions(folder_of(line.project, "installed_family.txt"));
  if (line.libssl) a.name_prefixes = libssl_name_prefixes(folder_of(line.project, "libssl_names.txt"));
  return a;
}

}  // namespace sslconf::conform
