// RawDocument → Page: the format-independent interpretation of a page.
#include "model/diagnostic.hpp"
#include "reader/document.hpp"
#include "reader/synopsis.hpp"
#include "reader/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include "model/regex.hpp"

namespace sslconf::reader {

using model::Block;
using model::Link;
using model::Mark;
using model::Page;
using model::Section;
using model::Sentence;
using model::SourceLocation;

// ---- RichText -------------------------------------------------------------

void RichText::append_char(char c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    if (c == '\n') newlines_.push_back(text_.size() + (text_.empty() ? 0 : 1));
    pending_space_ = !text_.empty();
    return;
  }
  if (pending_space_) text_ += ' ';
  pending_space_ = false;
  text_ += c;
}

void RichText::append(std::string_view s) {
  // A non-breaking space (S<>, "\ " in roff, &nbsp;) is a space here: the
  // model compares and splits text, it does not lay it out.
  const auto ordinary = [](char c) { return static_cast<unsigned char>(c) > ' ' && c != '\xC2'; };
  std::size_t i = 0;
  while (i < s.size()) {
    // Copy a run of ordinary characters at once, with the single spaces
    // between them (which stay as they are); stop at other spaces and at
    // the lead byte of a non-breaking space.
    std::size_t j = i;
    while (j < s.size()) {
      if (ordinary(s[j])) ++j;
      else if (s[j] == ' ' && j > i && j + 1 < s.size() && ordinary(s[j + 1])) j += 2;
      else break;
    }
    if (j > i) {
      if (pending_space_) text_ += ' ';
      pending_space_ = false;
      text_.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      append_char(' ');
      i += 2;
      continue;
    }
    append_char(s[i++]);
  }
}

void RichText::append_newline() { append_char('\n'); }

void RichText::mark(Mark::Kind kind, std::size_t begin) {
  if (begin >= text_.size()) return;
  marks_.push_back({kind, text_.substr(begin), begin});
}

int RichText::lines_before(std::size_t offset) const {
  return static_cast<int>(std::upper_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
}

bool parse_man_reference(std::string_view text, Link& link) {
  const std::string t = trim(text);
  const auto refs = man_references(t);
  if (refs.size() != 1 || refs[0].begin != 0 || refs[0].end != t.size()) return false;
  link.target = refs[0].name;
  link.section = refs[0].section;
  link.external = false;
  return true;
}

namespace {

// References written as plain text ("ssl(7)", or a pandoc rendering that
// lost the link) are links too, so every format yields the same links.
std::vector<Link> links_of(const RichText& rt, const SourceLocation& loc) {
  std::vector<Link> links = rt.links();
  std::set<std::pair<std::string, std::string>> seen;
  for (auto& l : links) {
    if (l.loc.line == 0) l.loc = loc;  // POD knows each link's own line
    l.loc.file = loc.file;
    if (!l.external) seen.insert({l.target, l.section});
  }
  const std::string& text = rt.text();
  for (const auto& r : man_references(text)) {
    if (!seen.insert({r.name, r.section}).second) continue;
    Link l;
    l.text = text.substr(r.begin, r.end - r.begin);
    l.target = r.name;
    l.section = r.section;
    l.loc = loc;
    links.push_back(std::move(l));
  }
  return links;
}

std::vector<Mark> marks_in(const RichText& rt, std::size_t b, std::size_t e) {
  std::vector<Mark> out;
  for (const auto& m : rt.marks())
    if (m.offset >= b && m.offset < e) out.push_back({m.kind, m.text, m.offset - b});
  const std::string_view text = std::string_view(rt.text()).substr(b, e - b);
  for (const auto& call : function_calls(text))
    out.push_back({Mark::Kind::function, std::string(text.substr(call.begin, call.end - call.begin)), call.begin});
  std::stable_sort(out.begin(), out.end(), [](const Mark& x, const Mark& y) { return x.offset < y.offset; });
  return out;
}

std::vector<Sentence> sentences_of(const RichText& rt, const SourceLocation& loc) {
  std::vector<Sentence> out;
  for (const auto& span : split_sentences(rt.text())) {
    Sentence s;
    s.text = rt.text().substr(span.begin, span.end - span.begin);
    s.marks = marks_in(rt, span.begin, span.end);
    s.loc = {loc.file, loc.line + rt.lines_before(span.begin)};
    out.push_back(std::move(s));
  }
  return out;
}

// "1." and "1" are one label in every format: pandoc renumbers roff and
// HTML lists, POD writes both, and a RETURN VALUES item "0" is a value.
std::string item_label(const std::string& label) {
  if (label.size() > 1 && label.back() == '.' &&
      std::all_of(label.begin(), label.end() - 1, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return label.substr(0, label.size() - 1);
  return label;
}

Block block_of(const RawBlock& raw, const std::string& file) {
  Block b;
  b.loc = {file, raw.line};
  b.depth = raw.depth;
  b.label = item_label(raw.label);
  if (raw.kind == RawBlock::Kind::verbatim) {
    b.kind = Block::Kind::verbatim;
    b.text = raw.verbatim;
    return b;
  }
  b.kind = raw.kind == RawBlock::Kind::item ? Block::Kind::item : Block::Kind::paragraph;
  b.text = raw.content.text();
  b.sentences = sentences_of(raw.content, b.loc);
  b.links = links_of(raw.content, b.loc);
  return b;
}

// A paragraph that is nothing but a known section title ("NOTES") is a
// heading in renderings that lost heading markup (seed 002's Markdown).
bool bare_heading(const RawBlock& raw, model::PageFormat format) {
  if (format == model::PageFormat::pod || raw.kind != RawBlock::Kind::paragraph) return false;
  const std::string& t = raw.content.text();
  return t == to_upper(t) && is_known_section_title(t);
}

// The NAME line: the first paragraph of the section, or, where the page
// wrote NAME as an indented (verbatim) paragraph only, that text with its
// layout collapsed.
const Block* name_block(const Section& name) {
  for (const auto& b : name.blocks)
    if (b.kind != Block::Kind::verbatim && !b.text.empty()) return &b;
  for (const auto& b : name.blocks)
    if (b.kind == Block::Kind::verbatim && !collapse_space(b.text).empty()) return &b;
  return nullptr;
}

void read_name(const Section& name, Page& page) {
  if (const Block* b = name_block(name)) {
    const std::string text = b->kind == Block::Kind::verbatim ? collapse_space(b->text) : b->text;
    std::string names = text;
    for (const std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- "}) {
      const auto at = text.find(dash);
      if (at == std::string::npos) continue;
      names = text.substr(0, at);
      page.purpose = trim(std::string_view(text).substr(at + dash.size()));
      break;
    }
    std::size_t start = 0;
    while (start <= names.size()) {
      auto comma = names.find(',', start);
      if (comma == std::string::npos) comma = names.size();
      const std::string n = trim(std::string_view(names).substr(start, comma - start));
      if (!n.empty()) page.names.push_back(n);
      start = comma + 1;
    }
    page.name_loc = b->loc;
  }
}

void read_synopsis(const Section& syn, Page& page) {
  page.synopsis.loc = syn.loc;
  for (const auto& b : syn.blocks) {
    // Prose in SYNOPSIS ("Deprecated since ...") is not a declaration.
    const bool code = b.kind == Block::Kind::verbatim ||
                      b.text.find(';') != std::string::npos || starts_with(b.text, "#");
    if (!code) continue;
    parse_synopsis_block(b.text, b.loc, page.synopsis);
  }
}

// The words of text that can be identifiers, in order: maximal runs of
// [A-Za-z0-9_] not starting with a digit (what \b[A-Za-z_][A-Za-z0-9_]*\b
// finds, without a regular expression: history lines are many).
std::vector<std::string> identifier_words(const std::string& text) {
  const auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && word_char(text[end])) ++end;
    if (text[i] < '0' || text[i] > '9') out.push_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

model::HistoryLine history_line(const Sentence& s, const std::vector<std::string>& names) {
  static const Regex kRelease(R"((?:OpenSSL|version|release)\s+(\d+\.\d+(?:\.\d+)?[a-z]?))",
                                   std::regex::icase);
  static const Regex kBareRelease(R"(\b(\d+\.\d+(?:\.\d+)?[a-z]?)\b)");
  model::HistoryLine h;
  h.text = s.text;
  h.loc = s.loc;
  std::smatch m;
  if (std::regex_search(s.text, m, kRelease) || std::regex_search(s.text, m, kBareRelease))
    h.release = m[1];
  std::set<std::string> seen;
  for (const auto& call : function_calls(s.text))
    if (seen.insert(call.name).second) h.functions.push_back(call.name);
  // A page's own names count without "()" ("The B<SSL_SESSION_dup>
  // function was added"), whatever markup the format kept.
  for (const auto& w : identifier_words(s.text))
    if (std::find(names.begin(), names.end(), w) != names.end() && seen.insert(w).second) h.functions.push_back(w);
  return h;
}

void read_history(const Section& hist, Page& page) {
  for (const auto& b : hist.blocks)
    for (const auto& s : b.sentences) page.history.push_back(history_line(s, page.names));
}

}  // namespace

Page assemble(const RawDocument& doc) {
  Page page;
  page.source = doc.source;
  page.format = doc.format;
  page.manual_section = doc.manual_section.empty() ? "3" : doc.manual_section;
  Section* current = nullptr;
  for (const auto& raw : doc.blocks) {
    const bool heading = raw.kind == RawBlock::Kind::heading || bare_heading(raw, doc.format);
    if (heading) {
      Section s;
      s.title = raw.content.text();
      s.level = raw.kind == RawBlock::Kind::heading ? raw.level : 1;
      if (s.level == 1) s.title = to_upper(s.title);
      s.loc = {doc.source, raw.line};
      page.sections.push_back(std::move(s));
      current = &page.sections.back();
      continue;
    }
    // Anything before the first heading is furniture (pandoc's rendering of
    // roff preambles, navigation, junk before the markup).
    if (!current) continue;
    if (raw.kind != RawBlock::Kind::verbatim && raw.content.empty() && raw.label.empty()) continue;
    current->blocks.push_back(block_of(raw, doc.source));
  }
  const Section* name = page.section("NAME");
  if (!name) throw model::InputError({doc.source, 1}, "no NAME section: not a manual page");
  read_name(*name, page);
  if (page.names.empty()) throw model::InputError(name->loc, "NAME section names nothing");
  page.title = page.names.front();
  if (const Section* syn = page.section("SYNOPSIS")) read_synopsis(*syn, page);
  page.synopsis.generic = doc.generic_synopsis;
  page.foreign_pages = doc.foreign_pages;
  mark_templates(page);
  if (const Section* see = page.section("SEE ALSO"))
    for (const auto& b : see->blocks) page.see_also.insert(page.see_also.end(), b.links.begin(), b.links.end());
  if (const Section* hist = page.section("HISTORY")) read_history(*hist, page);
  return page;
}

}  // namespace sslconf::reader
