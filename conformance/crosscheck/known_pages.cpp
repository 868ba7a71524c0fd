#include "crosscheck/known_pages.hpp"

#include <cctype>
#include <filesystem>

namespace sslconf::crosscheck {

namespace fs = std::filesystem;

namespace {

// "SSL_free.3ssl.gz" in man3 → {"SSL_free", "3"}; false for other files.
bool split_man_file_name(std::string file, const std::string& section,
                         std::pair<std::string, std::string>& out, bool& suffixed) {
  for (const char* compressed : {".gz", ".bz2", ".xz", ".zst"}) {
    const std::string suffix = compressed;
    if (file.size() > suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0) {
      file.resize(file.size() - suffix.size());
      break;
    }
  }
  const auto dot = file.rfind('.' + section);
  if (dot == std::string::npos || dot == 0) return false;
  out = {file.substr(0, dot), section};
  suffixed = dot + 1 + section.size() < file.size();
  return true;
}

}  // namespace

void KnownPages::add(const std::string& name, const std::string& section, const std::string& suffixed) {
  pages_.emplace(name, section);
  if (suffixed.size() > section.size()) packaged_.insert(name);
}

void KnownPages::add_man_directories(const std::vector<std::string>& dirs) {
  std::error_code ec;
  for (const auto& dir : dirs) {
    for (const auto& sub : fs::directory_iterator(dir, ec)) {
      const std::string sub_name = sub.path().filename().string();
      if (sub_name.size() < 4 || sub_name.compare(0, 3, "man") != 0 || !std::isdigit(static_cast<unsigned char>(sub_name[3])))
        continue;
      const std::string section = sub_name.substr(3);
      for (const auto& file : fs::directory_iterator(sub.path(), ec)) {
        std::pair<std::string, std::string> page;
        bool suffixed = false;
        if (split_man_file_name(file.path().filename().string(), section, page, suffixed)) {
          pages_.insert(page);
          if (suffixed) packaged_.insert(page.first);
        }
      }
    }
  }
}

bool KnownPages::has(const std::string& name, const std::string& section) const {
  if (section.empty()) return !sections_of(name).empty();
  return pages_.count({name, section}) > 0;
}

bool KnownPages::has_section(const std::string& section) const {
  for (const auto& page : pages_)
    if (page.second == section) return true;
  return false;
}

std::vector<std::string> KnownPages::sections_of(const std::string& name) const {
  std::vector<std::string> out;
  for (auto it = pages_.lower_bound({name, ""}); it != pages_.end() && it->first == name; ++it)
    out.push_back(it->second);
  return out;
}

}  // namespace sslconf::crosscheck
