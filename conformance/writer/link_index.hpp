// Which page documents which name: the table every cross-link of the
// generated manual is resolved against.
#pragma once

#include "model/page.hpp"

#include <map>
#include <string>
#include <vector>

namespace sslconf::writer {

// Where a page's outputs live: its file stem ("SSL_SESSION_new") and manual
// section ("3", "7").
struct PageRef {
  std::string stem;
  std::string section;
  std::string title;
};

// File stem of a page: its title (first NAME entry), with characters that do
// not belong in a file name replaced by '_'.
std::string page_stem(const model::Page& page);

class LinkIndex {
 public:
  LinkIndex() = default;
  // Every NAME entry and every SYNOPSIS function of every page; when two
  // pages claim one name, the first page (in the order given) keeps it.
  explicit LinkIndex(const std::vector<model::Page>& pages);

  const PageRef* find(const std::string& name) const;
  const std::map<std::string, PageRef>& names() const { return by_name_; }

 private:
  void add(const std::string& name, const PageRef& ref);
  std::map<std::string, PageRef> by_name_;
};

// URL of a page outside the manual: the OpenSSL 3.0 documentation.
std::string openssl_page_url(const std::string& name, const std::string& section);

}  // namespace sslconf::writer
