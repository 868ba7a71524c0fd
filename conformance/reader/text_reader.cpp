// Plain-text renderings: the HP OpenVMS reference book pages (seeds 000 and
// 004) and `man | col -b` output. Headings are recognised from the known
// set of section titles; navigation furniture is dropped; bullets are items.
#include "model/diagnostic.hpp"
#include "reader/formats.hpp"
#include "reader/text_util.hpp"

#include <array>
#include <optional>
#include <regex>
#include "model/regex.hpp"

namespace sslconf::reader {

namespace {

using model::InputError;

struct Line {
  std::string text;  // trailing space removed, non-breaking spaces as spaces
  int number = 0;
  bool blank() const { return text.find_first_not_of(' ') == std::string::npos; }
  std::size_t indent() const { return blank() ? 0 : text.find_first_not_of(' '); }
  std::string body() const { return trim(text); }
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Book navigation, "return to top" markers, man page header and footer.
bool furniture(const std::string& body) {
  static constexpr std::array<std::string_view, 16> kPrefixes{
      "skip book previous", "go up to top of book", "go to beginning of reference",
      "go to previous page", "go to next page", "end of book navigation", "\xC2\xBB table of contents",
      "\xC2\xBB index", "[an error occurred", "content starts here", "hp openvms systems documentation",
      "previous page", "next page", "up to top of book", "table of contents", "return to top"};
  const std::string l = lower(body);
  for (auto p : kPrefixes)
    if (starts_with(l, p) && (p != "return to top" || trim(l.substr(p.size())).empty())) return true;
  if (body.find("   ") == std::string::npos || body.find('(') == std::string::npos) return false;
  static const Regex kManHeader(R"(^\S+\(\d\w*\)\s{3,}.*|.*\s{3,}\S+\(\d\w*\)$)");
  return std::regex_match(body, kManHeader);
}

// The heading a line states, if it is one: "return to top NOTES" → NOTES.
std::optional<std::string> heading_of(const Line& line) {
  if (line.blank() || line.indent() > 3) return std::nullopt;
  std::string body = line.body();
  if (starts_with(lower(body), "return to top")) body = trim(body.substr(13));
  const std::string title = to_upper(collapse_space(body));
  if (!is_known_section_title(title)) return std::nullopt;
  return title;
}

std::vector<Line> lines_of(std::string_view content) {
  std::vector<Line> out;
  int n = 0;
  for (auto text : split_lines(content)) {
    ++n;
    std::string clean;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text.compare(i, 2, "\xC2\xA0") == 0) {
        clean += ' ';
        ++i;
      } else if (text[i] == '\t') {
        clean.append(8 - clean.size() % 8, ' ');
      } else if (text[i] != '\f') {
        clean += text[i];
      }
    }
    while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    Line l{clean, n};
    if (!l.blank() && furniture(l.body())) l.text.clear();
    out.push_back(std::move(l));
  }
  return out;
}

bool bullet(const std::string& body, std::string& rest) {
  for (std::string_view b : {"\xE2\x80\xA2", "\xC2\xB7", "*", "-", "o"}) {
    if (starts_with(body, b) && body.size() > b.size() && body[b.size()] == ' ') {
      rest = trim(std::string_view(body).substr(b.size()));
      return true;
    }
  }
  return false;
}

class TextWalker {
 public:
  TextWalker(std::vector<Line> lines, RawDocument& doc) : lines_(std::move(lines)), doc_(doc) {}

  void walk() {
    std::size_t i = first_name_heading();
    std::string section;
    while (i < lines_.size()) {
      if (lines_[i].blank()) {
        ++i;
        continue;
      }
      if (auto title = standalone_heading(i)) {
        section = *title;
        RawBlock b;
        b.kind = RawBlock::Kind::heading;
        b.content.append(*title);
        b.line = lines_[i].number;
        doc_.blocks.push_back(std::move(b));
        base_indent_ = std::string::npos;
        item_indents_.clear();
        ++i;
        continue;
      }
      if (subsection_heading(i)) {
        RawBlock b;
        b.kind = RawBlock::Kind::heading;
        b.level = 2;
        b.content.append(lines_[i].body());
        b.line = lines_[i].number;
        doc_.blocks.push_back(std::move(b));
        item_indents_.clear();
        ++i;
        continue;
      }
      const std::size_t end = paragraph_end(i);
      if (base_indent_ == std::string::npos) base_indent_ = lines_[i].indent();
      block(i, end, section);
      i = end;
    }
  }

 private:
  std::size_t first_name_heading() const {
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (auto t = standalone_heading(i); t && *t == "NAME") return i;
    throw InputError({doc_.source, 1}, "no NAME heading: not a manual page rendering");
  }

  // A known title on a line of its own; a run of them is a section index.
  std::optional<std::string> standalone_heading(std::size_t i) const {
    auto t = heading_of(lines_[i]);
    if (!t) return t;
    const bool prev = i > 0 && heading_of(lines_[i - 1]);
    const bool next = i + 1 < lines_.size() && heading_of(lines_[i + 1]);
    if (prev || next) return std::nullopt;
    return t;
  }

  // man sets .SS titles at indent 3, left of the text under them.
  bool subsection_heading(std::size_t i) const {
    const std::size_t indent = lines_[i].indent();
    if (indent == 0 || indent > 3 || !label_like(lines_[i].body())) return false;
    if (i > 0 && !lines_[i - 1].blank()) return false;
    return i + 1 < lines_.size() && !lines_[i + 1].blank() && lines_[i + 1].indent() > indent + 1;
  }

  // Nesting depth of an item starting at this indent: lists nest by
  // indentation in a rendering.
  int item_depth(std::size_t indent) {
    while (!item_indents_.empty() && item_indents_.back() > indent) item_indents_.pop_back();
    if (item_indents_.empty() || item_indents_.back() < indent) item_indents_.push_back(indent);
    return static_cast<int>(item_indents_.size());
  }

  std::size_t paragraph_end(std::size_t i) const {
    std::size_t e = i + 1;
    while (e < lines_.size() && !lines_[e].blank() && !standalone_heading(e)) ++e;
    return e;
  }

  RichText joined(std::size_t b, std::size_t e, const std::string& first) const {
    RichText rt;
    rt.append(tidy(first));
    for (std::size_t k = b + 1; k < e; ++k) {
      rt.append_newline();
      rt.append(tidy(lines_[k].body()));
    }
    return rt;
  }

  // HTML-to-text renderers leave a space between a link and the
  // punctuation after it ("see SSL_free(3) , the"); the page has none. Man
  // renderings bracket addresses ("<https://...>"); the POD does not.
  static std::string tidy(const std::string& s) {
    static const Regex kGap(R"(\) ([,.;:)]))");
    static const Regex kBracketedUrl(R"(<([A-Za-z][A-Za-z0-9+.-]*://[^<>\s]+)>)");
    std::string out = s.find(") ") == std::string::npos ? s : std::regex_replace(s, kGap, ")$1");
    return out.find("://") == std::string::npos ? out : std::regex_replace(out, kBracketedUrl, "$1");
  }

  std::string verbatim_text(std::size_t b, std::size_t e) const {
    std::size_t indent = std::string::npos;
    for (std::size_t k = b; k < e; ++k) indent = std::min(indent, lines_[k].indent());
    std::string out;
    for (std::size_t k = b; k < e; ++k) out += (k > b ? "\n" : "") + lines_[k].text.substr(indent);
    return out;
  }

  RichText joined_from(std::size_t b, std::size_t e) const { return joined(b, e, lines_[b].body()); }

  bool run_in_label(std::size_t b, std::size_t e, std::string& rest) const {
    static const Regex kRunIn(R"(^(\d+\.?|[^\s.]+[^\s]*[^\s.])( {2,})(\S.*)$)");
    std::smatch m;
    const std::string first = lines_[b].body();
    if (base_indent_ == std::string::npos || lines_[b].indent() < base_indent_ ||
        !std::regex_match(first, m, kRunIn))
      return false;
    const std::size_t body_column = lines_[b].indent() + m[1].length() + m[2].length();
    if (body_column < lines_[b].indent() + 4) return false;
    for (std::size_t k = b + 1; k < e; ++k)
      if (lines_[k].indent() != body_column) return false;
    rest = m[3];
    return true;
  }

  // First line at the paragraph's indent, every other line deeper.
  bool hanging(std::size_t b, std::size_t e) const {
    for (std::size_t k = b + 1; k < e; ++k)
      if (lines_[k].indent() <= lines_[b].indent()) return false;
    return label_like(lines_[b].body());
  }

  static bool label_like(const std::string& s) {
    return !s.empty() && s.size() < 60 && std::string(".:;,").find(s.back()) == std::string::npos;
  }

  bool next_is_deeper(std::size_t e) const {
    while (e < lines_.size() && lines_[e].blank()) ++e;
    return e < lines_.size() && !standalone_heading(e) && lines_[e].indent() > base_indent_;
  }

  // Numbered labels are normalised for every format in assemble().
  static std::string item_label(const std::string& s) { return s; }

  static bool looks_like_code(const std::string& s) {
    return s.find(';') != std::string::npos || s.find('{') != std::string::npos || starts_with(s, "#");
  }

  void block(std::size_t b, std::size_t e, const std::string& section) {
    RawBlock blk;
    blk.line = lines_[b].number;
    const std::string first = lines_[b].body();
    std::string rest;
    const bool deeper = base_indent_ != std::string::npos && lines_[b].indent() > base_indent_;
    if (section == "SYNOPSIS" || (deeper && looks_like_code(first) && !pending_label_)) {
      blk.kind = RawBlock::Kind::verbatim;
      blk.verbatim = verbatim_text(b, e);
    } else if (bullet(first, rest)) {
      blk.kind = RawBlock::Kind::item;
      blk.depth = item_depth(lines_[b].indent());
      blk.label = "*";
      blk.content = joined(b, e, rest);
      // "• NULL" over an indented explanation: a labelled item.
      const bool short_label = e == b + 1 && label_like(rest) && next_is_deeper(e);
      if (short_label) {
        blk.label = rest;
        blk.content = RichText{};
        doc_.blocks.push_back(std::move(blk));
        pending_label_ = true;
        return;
      }
    } else if (run_in_label(b, e, rest)) {
      // "0   The operation failed.": man sets a short .IP label on the
      // line of its text.
      blk.kind = RawBlock::Kind::item;
      blk.depth = item_depth(lines_[b].indent());
      blk.label = item_label(first.substr(0, first.find(' ')));
      blk.content = joined(b, e, rest);
    } else if (e > b + 1 && hanging(b, e)) {
      // "NULL" over its indented explanation in one paragraph: how man
      // renders a labelled item (.IP "NULL").
      blk.kind = RawBlock::Kind::item;
      blk.depth = item_depth(lines_[b].indent());
      blk.label = item_label(first);
      blk.content = joined_from(b + 1, e);
    } else if (e == b + 1 && !deeper && label_like(first) && next_is_deeper(e)) {
      blk.kind = RawBlock::Kind::item;
      blk.depth = item_depth(lines_[b].indent());
      blk.label = item_label(first);
      doc_.blocks.push_back(std::move(blk));
      pending_label_ = true;
      return;
    } else {
      blk.depth = deeper ? static_cast<int>(std::max<std::size_t>(item_indents_.size(), 1)) : 0;
      if (!deeper) item_indents_.clear();
      blk.content = joined(b, e, first);
      if (pending_label_ && deeper) {
        RawBlock& item = doc_.blocks.back();
        item.content = std::move(blk.content);
        item.line = blk.line;
        pending_label_ = false;
        return;
      }
    }
    pending_label_ = false;
    doc_.blocks.push_back(std::move(blk));
  }

  std::vector<Line> lines_;
  RawDocument& doc_;
  std::size_t base_indent_ = std::string::npos;
  bool pending_label_ = false;
  std::vector<std::size_t> item_indents_;  // open lists, by indent
};

}  // namespace

RawDocument read_text(std::string_view content, const std::string& file) {
  check_text(content, file);
  RawDocument doc;
  doc.source = file;
  doc.format = model::PageFormat::text;
  TextWalker(lines_of(content), doc).walk();
  return doc;
}

}  // namespace sslconf::reader
