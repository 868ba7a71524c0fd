// The page corpora the benchmarks read: a folder named by an environment
// variable (else a default), its files of one suffix, in a stable order.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace sslconf::bench {

inline std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

inline bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Regular files below dir, subfolders included (OpenSSL's doc/ keeps pages
// in man1, man3, ...). Symbolic links are skipped: an installed manual names
// most pages again through them, which would count one page many times.
inline std::vector<std::string> files_under(const std::filesystem::path& dir, const std::string& suffix) {
  std::vector<std::string> out;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && !it->is_symlink() && ends_with(it->path().string(), suffix))
      out.push_back(it->path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sslconf::bench
