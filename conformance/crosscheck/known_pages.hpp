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
  // Records "name" in manual section "section" ("3", "7"). `suffixed` is
  // the section as the file writes it when a package suffix follows the
  // number ("7ssl": ssl.7ssl is a page of OpenSSL's own manual).
  void add(const std::string& name, const std::string& section, const std::string& suffixed = "");
  // Indexes every manN/<name>.<section>[suffix][.gz] below each directory;
  // directories that do not exist are skipped.
  void add_man_directories(const std::vector<std::string>& dirs);

  bool has(const std::string& name, const std::string& section) const;
  // Sections in which a page of that name exists, ascending.
  std::vector<std::string> sections_of(const std::string& name) const;
  // True when any page of that section ("1", "3") is known.
  bool has_section(const std::string& section) const;
  bool empty() const { return pages_.empty(); }
  // True when some page of that name carries a package suffix (ssl.7ssl):
  // it belongs to a package's manual, not the system's (send.2).
  bool in_package_manual(const std::string& name) const { return packaged_.count(name) > 0; }

 private:
  std::set<std::pair<std::string, std::string>> pages_;
  std::set<std::string> packaged_;
};

}  // namespace sslconf::crosscheck
