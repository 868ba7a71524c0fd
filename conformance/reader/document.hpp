// The readers' common intermediate form: a flat list of headings,
// paragraphs, list items and verbatim blocks with inline marks and links.
// Each format reader produces one; assemble() turns it into the page model,
// so NAME, SYNOPSIS, sentences and HISTORY are interpreted in one place and
// every format gets the same treatment.
#pragma once

#include "model/page.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sslconf::reader {

// Inline text being built: whitespace is collapsed as it is appended, marks
// and links refer to byte offsets of the collapsed text, and the offsets
// where the source had a line break are kept so that a sentence can be given
// the source line it starts on.
class RichText {
 public:
  void append(std::string_view s);
  void append_newline();
  std::size_t mark_begin() const { return text_.size() + (pending_space_ ? 1 : 0); }
  // Marks [begin, end of text): kind plus the marked text.
  void mark(model::Mark::Kind kind, std::size_t begin);
  void add_link(model::Link link) { links_.push_back(std::move(link)); }

  const std::string& text() const { return text_; }
  const std::vector<model::Mark>& marks() const { return marks_; }
  const std::vector<model::Link>& links() const { return links_; }
  // Number of source line breaks before the given offset.
  int lines_before(std::size_t offset) const;
  bool empty() const { return text_.empty(); }

 private:
  void append_char(char c);
  std::string text_;
  std::vector<model::Mark> marks_;
  std::vector<model::Link> links_;
  std::vector<std::size_t> newlines_;
  bool pending_space_ = false;
};

struct RawBlock {
  enum class Kind { heading, paragraph, item, verbatim };
  Kind kind = Kind::paragraph;
  int level = 1;        // heading level
  int depth = 0;        // list nesting depth
  std::string label;    // item label: "*", "1.", or the item's text
  RichText content;     // heading title, paragraph or item body
  std::string verbatim; // verbatim text, lines kept
  int line = 0;
};

struct RawDocument {
  std::string source;
  model::PageFormat format = model::PageFormat::pod;
  std::string manual_section = "3";
  std::vector<RawBlock> blocks;
  bool generic_synopsis = false;           // POD "=for comment generic"
  std::vector<std::string> foreign_pages;  // POD "=for comment foreign manuals: x(1)"
};

// Builds the page model. Throws model::InputError when the document has no
// NAME section (nothing downstream can use such a page).
model::Page assemble(const RawDocument& doc);

// "name(3)" → link {target name, section 3}; false when the text is not one.
bool parse_man_reference(std::string_view text, model::Link& link);

}  // namespace sslconf::reader
