// Roff written by Pod::Man (pod2man), read without pandoc. pod2man uses a
// small, fixed part of roff: man(7)'s .TH/.SH/.SS/.PP/.IP/.RS/.RE, its own
// .Vb/.Ve (verbatim), .Sp (paragraph break under =over), .IX (index
// entries) and the strings of its preamble. A page that uses anything else
// (a "=begin man" block, a hand-edited page) is left to pandoc, so nothing
// it says is silently lost.
#include "model/diagnostic.hpp"
#include "reader/formats.hpp"
#include "reader/pandoc_reader.hpp"
#include "reader/text_util.hpp"

#include <array>
#include <cctype>
#include <utility>
#include <optional>

namespace sslconf::reader {

namespace {

using model::InputError;
using model::Mark;

// Thrown inside the reader when the page leaves pod2man's vocabulary.
struct NotPod2man {};

// Font attributes; a roff font is a combination ("BI", "CW" = code).
enum Font : unsigned { kRoman = 0, kBold = 1, kItalic = 2, kCode = 4 };

struct Run {
  unsigned font = kRoman;
  std::string text;
};

unsigned font_named(std::string_view name, unsigned previous) {
  if (name == "R" || name == "1") return kRoman;
  if (name == "B" || name == "3") return kBold;
  if (name == "I" || name == "2") return kItalic;
  if (name == "BI" || name == "4") return kBold | kItalic;
  if (name == "P") return previous;
  if (name == "C" || name == "CW" || name == "CR") return kCode;
  if (name == "CB") return kCode | kBold;
  if (name == "CI") return kCode | kItalic;
  throw NotPod2man{};
}

// groff's special characters that pod2man writes, as text. Quotes become
// the ASCII quotes the POD source had (pod2man made them from '"' and '\'').
std::optional<std::string_view> special(std::string_view name) {
  static const std::array<std::pair<std::string_view, std::string_view>, 24> kSpecials{{
      {"bu", "\xE2\x80\xA2"}, {"em", "\xE2\x80\x94"}, {"en", "\xE2\x80\x93"}, {"hy", "-"},
      {"aq", "'"}, {"dq", "\""}, {"lq", "\""}, {"rq", "\""}, {"oq", "'"}, {"cq", "'"},
      {"co", "\xC2\xA9"}, {"rg", "\xC2\xAE"}, {"tm", "\xE2\x84\xA2"}, {"de", "\xC2\xB0"},
      {"mu", "\xC3\x97"}, {"di", "\xC3\xB7"}, {"+-", "\xC2\xB1"}, {">=", "\xE2\x89\xA5"},
      {"<=", "\xE2\x89\xA4"}, {"!=", "\xE2\x89\xA0"}, {"ti", "~"}, {"ha", "^"}, {"rs", "\\"},
      {"ga", "`"}}};
  for (const auto& [n, text] : kSpecials)
    if (n == name) return text;
  return std::nullopt;
}

// "\[u00E9]": a code point by number.
std::optional<std::string> unicode_special(std::string_view name) {
  if (name.size() < 5 || name.size() > 7 || name[0] != 'u') return std::nullopt;
  unsigned long cp = 0;
  for (char c : name.substr(1)) {
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return std::nullopt;
    cp = cp * 16 + static_cast<unsigned long>(d);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  std::string out;
  append_utf8(out, cp);
  return out;
}

// One line of text (or a request's argument) with its escapes resolved
// into runs of one font each; every font change starts a run, empty or not. pod2man's strings and accents are spelled
// out first (without_pod2man_strings); any escape left that pod2man does
// not write means the page is not plain pod2man output.
class LineDecoder {
 public:
  LineDecoder(unsigned& font, unsigned& previous) : font_(font), previous_(previous) {}

  std::vector<Run> decode(std::string_view raw) {
    const std::string line = raw.find('\\') == std::string_view::npos ? std::string(raw)
                                                                       : without_pod2man_strings(std::string(raw));
    s_ = line;
    runs_.clear();
    for (i_ = 0; i_ < s_.size();) {
      const char c = s_[i_++];
      if (c != '\\') {
        text().push_back(c);
        continue;
      }
      if (!escape()) break;  // a comment: the rest of the line is not text
    }
    return std::move(runs_);
  }

 private:
  std::string& text() {
    if (runs_.empty() || runs_.back().font != font_) runs_.push_back({font_, {}});
    return runs_.back().text;
  }

  char next() {
    if (i_ >= s_.size()) throw NotPod2man{};  // "\" at the end of a line joins lines
    return s_[i_++];
  }

  // The name after "\f", "\*", "\(": one character, "(xy" or "[name]".
  std::string_view name() {
    const char c = next();
    if (c == '(') {
      if (i_ + 2 > s_.size()) throw NotPod2man{};
      i_ += 2;
      return std::string_view(s_).substr(i_ - 2, 2);
    }
    if (c == '[') {
      const auto close = s_.find(']', i_);
      if (close == std::string::npos) throw NotPod2man{};
      const auto at = i_;
      i_ = close + 1;
      return std::string_view(s_).substr(at, close - at);
    }
    return std::string_view(s_).substr(i_ - 1, 1);
  }

  // "\s-1", "\s0", "\s+2", "\s(12", "\s[10]": type size, nothing to read.
  void size() {
    if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
    const char c = next();
    if (c == '(') {
      i_ += 2;
    } else if (c == '[') {
      const auto close = s_.find(']', i_);
      i_ = close == std::string::npos ? s_.size() : close + 1;
    } else if (c < '0' || c > '9') {
      throw NotPod2man{};
    }
    if (i_ > s_.size()) throw NotPod2man{};
  }

  // Returns false at a comment.
  bool escape() {
    const char c = next();
    switch (c) {
      case 'f': {
        const unsigned f = font_named(name(), previous_);
        previous_ = font_;
        font_ = f;
        runs_.push_back({font_, {}});  // a change without text between still nests marks
        return true;
      }
      case 's': size(); return true;
      case '(':
      case '[': {
        --i_;
        const std::string_view n = name();
        if (const auto t = special(n)) text() += *t;
        else if (const auto u = unicode_special(n)) text() += *u;
        else throw NotPod2man{};
        return true;
      }
      case '-': text() += '-'; return true;
      case 'e':
      case '\\': text() += '\\'; return true;
      case ' ':
      case '~':
      case '0': text() += ' '; return true;
      case '&':
      case '|':
      case '^':
      case '%':
      case ':': return true;
      case '"':
      case '#': return false;
      default: throw NotPod2man{};  // strings pod2man does not define, motions, registers...
    }
  }

  unsigned& font_;
  unsigned& previous_;
  std::string s_;
  std::size_t i_ = 0;
  std::vector<Run> runs_;
};

// A request line: its name and arguments, quoted or not ("" inside quotes
// is one quote).
struct Request {
  std::string name;
  std::vector<std::string> args;
};

Request parse_request(std::string_view line) {
  Request r;
  std::size_t i = 1;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const std::size_t name_at = i;
  while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
  r.name = std::string(line.substr(name_at, i - name_at));
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    if (line.compare(i, 2, "\\\"") == 0) break;  // a comment ends the request
    std::string arg;
    if (line[i] == '"') {
      for (++i; i < line.size(); ++i) {
        if (line[i] != '"') {
          arg += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
          arg += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      }
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') arg += line[i++];
    }
    r.args.push_back(std::move(arg));
  }
  return r;
}

bool is_url_scheme_char(char c) { return is_ident_char(c) || c == '+' || c == '.' || c == '-'; }

// "<https://host/path>" followed by closing punctuation: how pod2man writes
// L<https://...>. Returns the length of the bracketed part, or 0.
std::size_t bracketed_url(std::string_view word) {
  if (word.size() < 5 || word[0] != '<' || !std::isalpha(static_cast<unsigned char>(word[1]))) return 0;
  std::size_t i = 1;
  while (i < word.size() && is_url_scheme_char(word[i])) ++i;
  if (word.compare(i, 3, "://") != 0) return 0;
  const auto close = word.find('>', i + 3);
  if (close == std::string_view::npos || close == i + 3 || word.find('<', 1) < close) return 0;
  for (std::size_t k = close + 1; k < word.size(); ++k)
    if (std::string_view(".,;:)").find(word[k]) == std::string_view::npos) return 0;
  return close + 1;
}

class Pod2manWalker {
 public:
  Pod2manWalker(const std::string& file, RawDocument& doc) : file_(file), doc_(doc) {}

  void walk(const std::vector<std::string_view>& lines, std::size_t first) {
    for (std::size_t k = first; k < lines.size(); ++k) line(lines[k], static_cast<int>(k) + 1);
    if (verbatim_) throw InputError({file_, verbatim_line_}, ".Vb (verbatim text) has no matching .Ve");
    close_block();
  }

 private:
  void line(std::string_view l, int number) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (!l.empty() && (l[0] == '.' || l[0] == '\'')) return request(l, number);
    if (verbatim_) return verbatim_text(l, number);
    if (l.find_first_not_of(" \t") == std::string_view::npos) return close_block();  // a blank line
    text(l, number);
  }

  // ---- requests ----

  void request(std::string_view l, int number) {
    if (l.size() >= 3 && l[1] == '\\' && l[2] == '"') return;  // .\" comment
    const Request r = parse_request(l);
    if (verbatim_) {
      if (r.name == "Ve" || r.name == "fi") return end_verbatim();
      if (r.name.empty()) return;
      throw NotPod2man{};
    }
    if (r.name == "ie" || r.name == "if") return conditional(l, r, number);
    if (r.name == "el") {
      if (!std::exchange(else_applies_, false)) return;
      return nested_request(l.substr(l.find("el") + 2), number);
    }
    run(r, number);
  }

  // The request a condition guards, on the same line.
  void nested_request(std::string_view rest, int number) {
    while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) rest.remove_prefix(1);
    if (rest.empty() || (rest[0] != '.' && rest[0] != '\'') || rest.find("\\{") != std::string_view::npos)
      throw NotPod2man{};
    request(rest, number);
  }

  // pod2man's ".ie n X" / ".el Y" and ".if n X": X is for terminals (nroff),
  // what a reader of the text wants; Y and ".if t" are for typesetters.
  void conditional(std::string_view l, const Request& r, int number) {
    if (r.args.empty() || (r.args[0] != "n" && r.args[0] != "t")) throw NotPod2man{};
    const bool terminal = r.args[0] == "n";
    if (r.name == "ie") else_applies_ = !terminal;
    if (!terminal) return;
    const auto at = l.find(" n ");
    if (at == std::string_view::npos) throw NotPod2man{};
    nested_request(l.substr(at + 3), number);
  }

  void run(const Request& r, int number) {
    const std::string& n = r.name;
    if (n.empty() || n == "IX" || n == "PD" || n == "nh" || n == "hy" || n == "ad" || n == "na" ||
        n == "ne" || n == "ft" || n == "TH")
      return;  // index entries, spacing, hyphenation, adjustment: no text
    if (n == "SH" || n == "SS") return heading(r, n == "SH" ? 1 : 2, number);
    if (n == "PP" || n == "LP" || n == "P") {
      close_block();
      in_item_.back() = false;
      return;
    }
    if (n == "Sp" || n == "sp") return close_block();
    if (n == "br") return;  // a line break: the next line starts one anyway
    if (n == "IP") return item(r, number);
    if (n == "RS") {
      close_block();
      in_item_.push_back(false);
      return;
    }
    if (n == "RE") {
      close_block();
      if (in_item_.size() > 1) in_item_.pop_back();
      return;
    }
    if (n == "Vb" || n == "nf") return begin_verbatim(number);
    if (n == "Ve" || n == "fi") return;  // no verbatim block open: nothing to end
    throw NotPod2man{};
  }

  int depth() const {
    int d = 0;
    for (bool b : in_item_) d += b;
    return d;
  }

  void heading(const Request& r, int level, int number) {
    close_block();
    in_item_ = {false};
    if (r.args.empty()) throw NotPod2man{};  // title on the next line: not pod2man's way
    RawBlock b;
    b.kind = RawBlock::Kind::heading;
    b.level = level;
    b.line = number;
    for (const auto& a : r.args) {
      if (!b.content.empty()) b.content.append(" ");
      append_runs(decode(a), b.content);
    }
    close_marks(b.content);
    font_ = previous_ = kRoman;
    doc_.blocks.push_back(std::move(b));
  }

  // .IP "label" indent: an item; an empty label continues the list item
  // before it with another paragraph (how man(7) indents a paragraph).
  void item(const Request& r, int number) {
    close_block();
    in_item_.back() = true;
    if (r.args.empty()) return;
    RichText label;
    append_runs(decode(r.args[0]), label);
    close_marks(label);
    font_ = previous_ = kRoman;
    if (label.empty()) return;
    RawBlock b;
    b.kind = RawBlock::Kind::item;
    b.depth = depth();
    b.label = label.text() == "\xE2\x80\xA2" || label.text() == "*" ? "*" : label.text();
    b.line = number;
    doc_.blocks.push_back(std::move(b));
    open_ = doc_.blocks.size() - 1;
    item_waiting_ = true;
  }

  void begin_verbatim(int number) {
    close_block();
    RawBlock b;
    b.kind = RawBlock::Kind::verbatim;
    b.depth = depth();
    b.line = number + 1;
    doc_.blocks.push_back(std::move(b));
    verbatim_ = true;
    verbatim_line_ = number;
    verbatim_lines_ = 0;
  }

  void end_verbatim() {
    verbatim_ = false;
    if (verbatim_lines_ == 0) doc_.blocks.pop_back();  // .Vb right before .Ve: no text
    font_ = previous_ = kRoman;
  }

  void verbatim_text(std::string_view l, int number) {
    RawBlock& b = doc_.blocks.back();
    if (verbatim_lines_++ == 0) b.line = number;
    else b.verbatim += '\n';
    for (const auto& run : decode(l)) b.verbatim += run.text;
  }

  // ---- text ----

  void text(std::string_view l, int number) {
    if (!open_) {
      RawBlock b;
      b.depth = depth();
      b.line = number;
      doc_.blocks.push_back(std::move(b));
      open_ = doc_.blocks.size() - 1;
      last_line_ = number;
    } else if (item_waiting_) {
      doc_.blocks[*open_].line = number;  // an item is located at its text, as POD's are
      last_line_ = number;
    }
    item_waiting_ = false;
    RichText& content = doc_.blocks[*open_].content;
    // One newline per source line, requests and comments included, so that
    // each sentence gets the line it starts on.
    for (; last_line_ < number; ++last_line_) content.append_newline();
    append_runs(decode(l), content);
  }

  std::vector<Run> decode(std::string_view s) { return LineDecoder(font_, previous_).decode(s); }

  // Marks follow the font: an attribute's mark opens where it is switched
  // on and closes where it is switched off (code, then bold, then italic,
  // the innermost first as pandoc's nesting gives them).
  void set_font(unsigned font, RichText& out) {
    static constexpr std::array<std::pair<unsigned, Mark::Kind>, 3> kOrder{
        {{kCode, Mark::Kind::code}, {kBold, Mark::Kind::argument}, {kItalic, Mark::Kind::emphasis}}};
    for (const auto& [bit, kind] : kOrder)
      if ((marked_font_ & bit) && !(font & bit)) out.mark(kind, mark_begin_[bit]);
    for (const auto& [bit, kind] : kOrder)
      if (!(marked_font_ & bit) && (font & bit)) mark_begin_[bit] = out.mark_begin();
    marked_font_ = font;
  }

  void close_marks(RichText& out) { set_font(kRoman, out); }

  void append_runs(const std::vector<Run>& runs, RichText& out) {
    for (const auto& run : runs) {
      set_font(run.font, out);
      if (run.font & kCode || run.text.find("://") == std::string::npos) out.append(run.text);
      else append_words(run.text, out);
    }
  }

  // Text word by word, so that bracketed addresses become links.
  void append_words(std::string_view s, RichText& out) {
    for (std::size_t i = 0; i < s.size();) {
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
      const std::string_view word = s.substr(i, j - i);
      if (const std::size_t n = bracketed_url(word)) {
        const auto begin = out.mark_begin();
        out.append(word.substr(1, n - 2));
        out.mark(Mark::Kind::link, begin);
        model::Link link;
        link.text = link.target = std::string(word.substr(1, n - 2));
        link.external = true;
        out.add_link(std::move(link));
        out.append(word.substr(n));
      } else {
        out.append(word);
      }
      for (i = j; i < s.size() && (s[i] == ' ' || s[i] == '\t'); ++i) out.append(s.substr(i, 1));
    }
  }

  // man(7)'s paragraph macros start in the roman font.
  void close_block() {
    if (open_) close_marks(doc_.blocks[*open_].content);
    open_.reset();
    item_waiting_ = false;
    font_ = previous_ = marked_font_ = kRoman;
  }

  const std::string& file_;
  RawDocument& doc_;
  std::vector<bool> in_item_{false};  // per .RS level: inside an .IP item
  std::optional<std::size_t> open_;   // the block that takes text lines
  bool item_waiting_ = false;         // open_ is an item with no text yet
  int last_line_ = 0;                 // last source line of the open block
  bool verbatim_ = false;
  int verbatim_line_ = 0;
  int verbatim_lines_ = 0;
  bool else_applies_ = false;  // the last .ie took its other branch
  unsigned font_ = kRoman, previous_ = kRoman;
  unsigned marked_font_ = kRoman;
  std::array<std::size_t, 5> mark_begin_{};  // where each open mark began, by attribute bit (1, 2, 4)
};

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < s.size()) {
    const auto nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back(s.substr(start));
      break;
    }
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// pod2man's header comment, in the first lines of the page.
bool made_by_pod2man(const std::vector<std::string_view>& lines) {
  for (std::size_t k = 0; k < lines.size() && k < 4; ++k)
    if (starts_with(lines[k], ".\\\"") && lines[k].find("Automatically generated by Pod::Man") != std::string_view::npos)
      return true;
  return false;
}

// The .TH line: the preamble (macro and string definitions) ends there.
std::optional<std::size_t> title_line(const std::vector<std::string_view>& lines) {
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (starts_with(lines[k], ".SH")) return std::nullopt;
    if (starts_with(lines[k], ".TH ")) return k;
  }
  return std::nullopt;
}

// ".TH NAME 3SSL ..." → "3".
std::string section_of(std::string_view th) {
  const Request r = parse_request(th);
  if (r.args.size() >= 2 && !r.args[1].empty() && r.args[1][0] >= '0' && r.args[1][0] <= '9')
    return r.args[1].substr(0, 1);
  return "3";
}

}  // namespace

std::optional<RawDocument> read_pod2man(std::string_view content, const std::string& file) {
  const auto lines = lines_of(content);
  if (!made_by_pod2man(lines)) return std::nullopt;
  const auto th = title_line(lines);
  if (!th) return std::nullopt;
  RawDocument doc;
  doc.source = file;
  doc.format = model::PageFormat::man;
  doc.manual_section = section_of(lines[*th]);
  try {
    Pod2manWalker(file, doc).walk(lines, *th + 1);
  } catch (const NotPod2man&) {
    return std::nullopt;
  }
  return doc;
}

}  // namespace sslconf::reader
