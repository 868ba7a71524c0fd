#include "conform/arguments.hpp"

#include "model/diagnostic.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

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

}  // namespace

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
    if (!fs::exists(d)) throw bad(d, "documentation path does not exist");
    if (fs::is_regular_file(d) && !std::ifstream(d)) throw bad(d, "documentation file is not readable");
    a.docs.push_back(fs::absolute(d).lexically_normal().string());
  }
  a.out = out.empty() ? "out" : out;
  if (fs::exists(a.out) && !fs::is_directory(a.out)) throw bad(a.out, "--out names a file, not a directory");
  a.out = fs::absolute(a.out).lexically_normal().string();
  return a;
}

void add_options(CLI::App& cmd, CommandLine& line) {
  cmd.add_option("--impl", line.impls, "reference, openssl, boringssl, wolfssl, or an install PREFIX");
  cmd.add_option("--docs", line.docs, "manual page file or folder (default: pod/)");
  cmd.add_option("--out", line.out, "output folder (default: out)");
  cmd.add_flag("--matrix", line.matrix, "print every claim's outcome on every implementation, not only what needs attention");
  cmd.add_option("--project", line.project, "project source folder")->group("");
}

Arguments validate(const CommandLine& line) {
  Arguments a = validate(line.impls, line.docs, line.out, line.project);
  a.matrix = line.matrix;
  return a;
}

}  // namespace sslconf::conform
