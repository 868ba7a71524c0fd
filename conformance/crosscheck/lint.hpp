// Page lint: the structural and editorial rules a manual page of this API
// should follow, in the manner of OpenSSL's find-doc-nits and beyond it.
//
// Severity: an error is a defect of the page a maintainer must fix; a
// warning is something to look at. The lint command exits 1 only on
// errors (after the project's accepted exceptions), so a tree can be kept
// at zero errors in CI while warnings stay advisory.
//
// Rules (the `check` of each finding):
//   section-missing            a required section is absent              error
//   section-order              a section comes before one it must follow  warning
//   name-without-synopsis      NAME lists a symbol SYNOPSIS lacks         error
//   synopsis-without-name      SYNOPSIS declares a symbol NAME lacks      error
//   synopsis-syntax            a SYNOPSIS declaration whose parentheses
//                              do not balance                             error
//   return-value-undocumented  non-void function RETURN VALUES does not
//                              name (pages speak of groups of functions
//                              in ways names cannot check)                warning
//   return-value-contradiction RETURN VALUES and DESCRIPTION give a
//                              function different values                  error
//   link-unresolved            L<> target exists only in another section,
//                              names a heading of the page (L<NOTES>), or
//                              is named like these documents' pages but
//                              is none of them                            error
//                              ... named like none (another manual's)     warning
//                              (a section neither the documents nor the
//                              installed manual hold is not judged)
//   repeated-word              "the the" outside markup                   error
//                              ("that that", "had had", "etc etc")       warning
//   history-release            HISTORY line names no release, or not as
//                              "OpenSSL 1.1.1" (before 3.0) / "OpenSSL 3.0" warning
//   synopsis-header            SYNOPSIS declaration differs from the
//                              library's header (with --header only):
//                              lacking only a '*', 'const' or a type the
//                              header gives                               error
//                              ... otherwise                              warning
//   link-section-missing       L<page> without the section the page has   warning
//   command-in-paragraph       a command line with no blank line before
//                              it (POD reads it as text)                  error
//
// OpenSSL's conventions the rules follow: a SYNOPSIS marked generic
// ("=for comment generic", "=for openssl generic") is not matched against
// NAME; a template (TYPE *d2i_TYPE(...)) covers the NAME entries it stands
// for and is no function; #define, typedef and enum names in SYNOPSIS count
// as symbols NAME must list; links may name pages of other sections and of
// foreign manuals the page declares ("=for comment foreign manuals:").
#pragma once

#include "crosscheck/finding.hpp"
#include "crosscheck/header_compare.hpp"
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
  // The library's header: when set, each SYNOPSIS declaration is compared
  // with it (synopsis-header).
  const HeaderIndex* header = nullptr;
  std::string header_name;  // "openssl", a prefix...: named in messages
};

// Lints every page; a link resolves to any page of `pages` or to a known
// page. Findings are in page order, then line order, each shown once.
std::vector<Finding> lint(const std::vector<model::Page>& pages, const LintOptions& options);

// Individual rules, exposed for the tests.
std::vector<Finding> check_required_sections(const model::Page& page, const LintOptions& options);
std::vector<Finding> check_section_order(const model::Page& page);
std::vector<Finding> check_name_matches_synopsis(const model::Page& page);
std::vector<Finding> check_synopsis_syntax(const model::Page& page);
std::vector<Finding> check_return_values(const model::Page& page);
std::vector<Finding> check_return_contradictions(const model::Page& page);
std::vector<Finding> check_links(const model::Page& page, const std::vector<model::Page>& doc_set,
                                 const KnownPages& known);
std::vector<Finding> check_repeated_words(const model::Page& page);
std::vector<Finding> check_history(const model::Page& page);
std::vector<Finding> check_against_header(const model::Page& page, const HeaderIndex& header,
                                          const std::string& header_name);

// The symbols a SYNOPSIS declares, in OpenSSL's reading: function and macro
// names, typedef and enum names, #define/#undef names, with their lines.
// Templates are left out (they declare no symbol).
struct SynopsisSymbol {
  std::string name;
  model::SourceLocation loc;
};
std::vector<SynopsisSymbol> synopsis_symbols(const model::Page& page);

// A project's accepted exceptions: findings it has judged and keeps, as
// OpenSSL keeps lists of known undocumented symbols beside find-doc-nits.
// One entry a line, "#" starts a comment:
//
//   CHECK PAGE [SUBJECT]      # why this is accepted
//   repeated-word  EVP_EncryptInit  that
//   link-unresolved  *  exit(1)
//
// PAGE is the page's file name without folder and extensions, SUBJECT what
// the finding is about (the symbol, link target, word; see Finding); "*"
// or an absent SUBJECT matches any.
struct AcceptedException {
  std::string check;
  std::string page;
  std::string subject;
  model::SourceLocation loc;  // the entry's own file:line
};
// Throws model::InputError (file:line) on an entry that is not of that shape.
std::vector<AcceptedException> read_accepted(const std::string& path);

struct Acceptance {
  std::vector<Finding> kept;      // findings no entry accepts
  std::size_t accepted = 0;       // findings some entry accepts
};
// Drops the accepted findings; an entry that accepts nothing becomes a
// warning (accepted-unused) so the list does not outlive its reasons.
Acceptance apply_accepted(const std::vector<Finding>& findings, const std::vector<AcceptedException>& entries);

// True when `text` names `function` as a whole identifier.
bool mentions(const std::string& text, const std::string& function);

// "doc/man3/SSL_free.pod" → "SSL_free"; "man3/SSL_free.3ssl.gz" → "SSL_free".
std::string page_stem(const std::string& source);

// The lines of a text, exactly (no line end kept, none dropped): what the
// lint reads and the patch rewrites.
std::vector<std::string> split_lines(const std::string& text);

}  // namespace sslconf::crosscheck
