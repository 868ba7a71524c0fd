// Page lint: the structural and editorial rules a manual page of this API
// should follow, in the manner of OpenSSL's find-doc-nits and beyond it
// (every non-void function must have a RETURN VALUES statement).
//
// Rules (the `check` of each finding):
//   section-missing            a required section is absent            error
//   section-order              a section comes before one it must follow warning
//   name-without-synopsis      NAME lists a function SYNOPSIS lacks     error
//   synopsis-without-name      SYNOPSIS declares a function NAME lacks  error
//   return-value-undocumented  non-void function, no RETURN VALUES word error
//   link-unresolved            L<>/SEE ALSO target is no known page     error
//   repeated-word              "the the"                                warning
//   history-release            HISTORY line names no release, or not as
//                              "OpenSSL 1.1.1" (before 3.0) / "OpenSSL 3.0"  warning
#pragma once

#include "crosscheck/finding.hpp"
#include "crosscheck/known_pages.hpp"
#include "model/page.hpp"

#include <string>
#include <vector>

namespace sslconf::crosscheck {

struct LintOptions {
  // Each entry is one required section; any of its titles satisfies it
  // (COPYRIGHT or the project's equivalent). Function pages (manual section
  // 3, or any page with a SYNOPSIS prototype) need the first list; overview
  // pages (ssl(7)) have no SYNOPSIS or RETURN VALUES to give.
  std::vector<std::vector<std::string>> required_sections{
      {"NAME"}, {"SYNOPSIS"}, {"DESCRIPTION"}, {"RETURN VALUES"}, {"COPYRIGHT", "LICENSE"}};
  std::vector<std::vector<std::string>> required_sections_overview{
      {"NAME"}, {"DESCRIPTION"}, {"COPYRIGHT", "LICENSE"}};
  // Pages outside the checked set that links may name (installed man pages).
  KnownPages known_pages;
};

// Lints every page; a link resolves to any page of `pages` or to a known
// page. Findings are in page order, then line order.
std::vector<Finding> lint(const std::vector<model::Page>& pages, const LintOptions& options);

// Individual rules, exposed for the tests.
std::vector<Finding> check_required_sections(const model::Page& page, const LintOptions& options);
std::vector<Finding> check_section_order(const model::Page& page);
std::vector<Finding> check_name_matches_synopsis(const model::Page& page);
std::vector<Finding> check_return_values(const model::Page& page);
std::vector<Finding> check_links(const model::Page& page, const std::vector<model::Page>& doc_set,
                                 const KnownPages& known);
std::vector<Finding> check_repeated_words(const model::Page& page);
std::vector<Finding> check_history(const model::Page& page);

// True when `text` names `function` as a whole identifier.
bool mentions(const std::string& text, const std::string& function);

}  // namespace sslconf::crosscheck
