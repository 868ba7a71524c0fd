#include "writer/link_index.hpp"

#include <cctype>

namespace sslconf::writer {

std::string page_stem(const model::Page& page) {
  std::string stem = page.title.empty() ? std::string("page") : page.title;
  for (char& c : stem) {
    const bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    if (!safe) c = '_';
  }
  return stem;
}

LinkIndex::LinkIndex(const std::vector<model::Page>& pages) {
  for (const auto& page : pages) {
    const PageRef ref{page_stem(page), page.manual_section.empty() ? "3" : page.manual_section,
                      page.title};
    add(page.title, ref);
    for (const auto& name : page.names) add(name, ref);
    for (const auto& prototype : page.synopsis.prototypes) add(prototype.name, ref);
  }
}

void LinkIndex::add(const std::string& name, const PageRef& ref) {
  if (!name.empty()) by_name_.emplace(name, ref);  // emplace keeps the first claim
}

const PageRef* LinkIndex::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &it->second;
}

std::string openssl_page_url(const std::string& name, const std::string& section) {
  return "https://docs.openssl.org/3.0/man" + (section.empty() ? std::string("3") : section) + "/" +
         name + "/";
}

}  // namespace sslconf::writer
