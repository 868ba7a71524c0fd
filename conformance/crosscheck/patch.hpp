// The lint's certain fixes as one unified diff (`sslconf lint --patch`).
//
// Only defects whose correction is beyond doubt are fixed; every other
// finding stays a finding. Fixed:
//   repeated-word           "the the": the second word goes (errors only;
//                           "that that" may be meant)
//   synopsis-header         a declaration that differs from the header only
//                           by a '*' or 'const' the page lacks, or a
//                           parameter written without its type (the type
//                           comes from the header)
//   synopsis-syntax         a declaration without its ';'
//   command-in-paragraph    a command line with no blank line before it
//   unterminated =begin     "=end NAME" before the next heading (a region
//                           never ended swallows the rest of the page)
//   link-unresolved         L<NOTES> naming a heading of the page becomes
//                           L</NOTES>
//   link-section-missing    L<page> gets the one section the page has
// The diff's paths are relative to the folder given (a/ and b/ prefixed),
// so `patch -p1` applies it at the top of that folder.
#pragma once

#include "crosscheck/finding.hpp"
#include "crosscheck/header_compare.hpp"
#include "model/page.hpp"

#include <functional>
#include <string>
#include <vector>

namespace sslconf::crosscheck {

// One file's lines as written, and as the fixes change them. Fixes are made
// in rounds: within a round lines are addressed as they stood at its start
// (a line's new text may hold '\n': lines added beside it); settle() ends
// the round, so the next addresses the text as it now reads.
class FileEdit {
 public:
  // Throws model::InputError when the file cannot be read.
  explicit FileEdit(const std::string& path);
  const std::string& path() const { return path_; }
  int size() const { return static_cast<int>(lines_.size()); }
  const std::string& line(int n) const { return lines_.at(static_cast<std::size_t>(n - 1)).text; }
  void set(int n, std::string text) { lines_.at(static_cast<std::size_t>(n - 1)).text = std::move(text); }
  void settle();
  std::string text() const;  // as it now reads
  bool changed() const;
  // The unified diff (3 lines of context) from the original to now, with
  // `label` (the path under the folder) in its headers.
  std::string diff(const std::string& label) const;

 private:
  struct Line {
    std::string text;
    std::size_t origin;  // the original line it is, or rides on
  };
  std::vector<std::string> now_by_origin() const;
  std::string path_;
  std::vector<std::string> original_;
  std::vector<Line> lines_;
  bool final_newline_ = true;
};

struct PatchResult {
  std::string diff;
  std::vector<std::string> fixed;  // one line per fix: "file:line: what was fixed"
};

// The pages and lint findings of files as they read after a round of
// fixes (written to a scratch folder under the same relative paths); the
// findings' and pages' paths are those scratch paths.
struct Relinted {
  std::vector<model::Page> pages;
  std::vector<Finding> findings;
};
using Relint = std::function<Relinted(const std::vector<std::string>& scratch_files)>;

// The fixes for `files` (the pages the lint read and those the reader
// rejected), using the pages the reader made of them, the lint's findings
// and, when given, the header. A fix can bring a page's structure back (a
// heading POD read as text): with `relint`, the fixed pages are read and
// linted again and fixed further, for a few rounds. Paths in the diff are
// relative to the `roots` entry each file lies under (a file given alone:
// its folder).
PatchResult certain_fixes(const std::vector<std::string>& files, const std::vector<model::Page>& pages,
                          const std::vector<Finding>& findings, const HeaderIndex* header,
                          const std::vector<std::string>& roots, const Relint& relint = nullptr);

// Raw-text rules the reader cannot see (it reads a command inside a
// paragraph as text, as POD says): lint findings for one POD file.
std::vector<Finding> check_command_paragraphs(const std::string& pod_file);

// Where the second word of a repetition stands: the line of the first
// "word word" at or after `from` (a sentence may spread over lines).
int repeated_word_line(const std::string& pod_file, int from, const std::string& word);

}  // namespace sslconf::crosscheck
