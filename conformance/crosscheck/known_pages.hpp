// The pages a link may point to outside the documents being checked: the
// manual pages installed on this system (man directories), so that a page
// naming ssl(3) is told that only ssl(7) exists.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace sslconf::crosscheck {

class KnownPages {
 public:
  // Records "name" in manual section "section" ("3", "7").
  void add(const std::string& name, const std::string& section);
  // Indexes every manN/<name>.<section>[suffix][.gz] below each directory;
  // directories that do not exist are skipped.
  void add_man_directories(const std::vector<std::string>& dirs);

  bool has(const std::string& name, const std::string& section) const;
  // Sections in which a page of that name exists, ascending.
  std::vector<std::string> sections_of(const std::string& name) const;
  bool empty() const { return pages_.empty(); }

 private:
  std::set<std::pair<std::string, std::string>> pages_;
};

}  // namespace sslconf::crosscheck
