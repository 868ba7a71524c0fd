// POD reader: paragraphs → commands, verbatim and ordinary text; inline
// formatting codes with nesting and multi-angle delimiters.
#include "model/diagnostic.hpp"
#include "model/numbers.hpp"
#include "reader/entities.hpp"
#include "reader/formats.hpp"
#include "reader/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include "model/regex.hpp"

namespace sslconf::reader {

namespace {

using model::InputError;
using model::Link;
using model::Mark;

struct Paragraph {
  std::string_view text;  // its lines, '\n'-separated, inside the content
  int line = 0;
};

bool blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\f' && c != '\v') return false;
  return true;
}

// Paragraphs as views into the content: no copies of a large corpus.
std::vector<Paragraph> paragraphs_of(std::string_view content) {
  std::vector<Paragraph> out;
  std::size_t pos = 0;
  int line = 1;
  std::size_t start = std::string_view::npos;
  int start_line = 0;
  while (pos <= content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    const std::string_view l = content.substr(pos, nl - pos);
    if (blank(l)) {
      if (start != std::string_view::npos) out.push_back({content.substr(start, pos - 1 - start), start_line});
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = pos;
      start_line = line;
    }
    pos = nl + 1;
    ++line;
  }
  if (start != std::string_view::npos) {
    std::string_view rest = content.substr(start);
    while (!rest.empty() && rest.back() == '\n') rest.remove_suffix(1);
    out.push_back({rest, start_line});
  }
  return out;
}

bool is_command(std::string_view text) {
  return text.size() > 1 && text[0] == '=' && std::isalpha(static_cast<unsigned char>(text[1]));
}

// E<name>: an HTML entity name, or a code point in decimal, 0x hex or 0
// octal (perlpodspec).
std::optional<std::string> entity(const std::string& name) {
  if (const auto cp = html_entity(name)) {
    std::string out;
    append_utf8(out, *cp);
    return out;
  }
  if (name.empty() || name.size() > 10) return std::nullopt;
  int base = 10;
  std::string digits = name;
  if (digits.size() > 2 && (digits.compare(0, 2, "0x") == 0 || digits.compare(0, 2, "0X") == 0)) {
    base = 16;
    digits = digits.substr(2);
  } else if (digits.size() > 1 && digits[0] == '0') {
    base = 8;
  }
  for (char c : digits)
    if (!std::isxdigit(static_cast<unsigned char>(c)) || (base != 16 && !std::isdigit(static_cast<unsigned char>(c))))
      return std::nullopt;
  const auto parsed = model::parse_integer(digits, base);
  if (!parsed) return std::nullopt;
  const auto cp = static_cast<unsigned long>(*parsed);
  if (*parsed <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  std::string out;
  append_utf8(out, cp);
  return out;
}

// Inline formatting codes of one paragraph. Positions are byte offsets of
// the paragraph text; lines are reported relative to the paragraph start.
class InlineParser {
 public:
  InlineParser(std::string_view text, int first_line, const std::string& file)
      : s_(text), first_line_(first_line), file_(file) {}

  void parse(RichText& out) { parse_range(0, s_.size(), out, 0); }

  // Plain text of a range (for L<> targets, which take no formatting).
  std::string plain(std::size_t b, std::size_t e) {
    RichText rt;
    parse_range(b, e, rt, 0);
    return rt.text();
  }

 private:
  static constexpr int kMaxDepth = 64;

  struct Code {
    char letter = 0;
    std::size_t content_begin = 0, content_end = 0, after = 0;
  };

  int line_at(std::size_t pos) const {
    if (!newlines_ready_) {
      for (std::size_t i = s_.find('\n'); i != std::string_view::npos; i = s_.find('\n', i + 1))
        newlines_.push_back(i);
      newlines_ready_ = true;
    }
    return first_line_ + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), pos) - newlines_.begin());
  }

  [[noreturn]] void fail(std::size_t pos, const std::string& message) const {
    throw InputError({file_, line_at(pos)}, message);
  }

  bool code_starts(std::size_t i, std::size_t end) const {
    return i + 1 < end && is_ascii_upper(s_[i]) && s_[i + 1] == '<' &&
           (i == 0 || !is_ident_char(s_[i - 1]));
  }

  static bool space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

  // Reads the code starting at i: its delimiters, content and end.
  Code read_code(std::size_t i, std::size_t end, int depth) const {
    if (depth > kMaxDepth) fail(i, "formatting codes nested too deeply");
    Code c;
    c.letter = s_[i];
    std::size_t j = i + 1, angles = 0;
    while (j < end && s_[j] == '<') ++j, ++angles;
    if (angles >= 2 && j < end && space(s_[j])) {
      while (j < end && space(s_[j])) ++j;
    } else {
      angles = 1;
      j = i + 2;
    }
    c.content_begin = j;
    while (j < end) {
      if (angles == 1 && s_[j] == '>') {
        c.content_end = j;
        c.after = j + 1;
        return c;
      }
      if (angles > 1 && space(s_[j])) {
        std::size_t k = j;
        while (k < end && space(s_[k])) ++k;
        if (s_.substr(k, angles) == std::string(angles, '>')) {
          c.content_end = j;
          c.after = k + angles;
          return c;
        }
        j = k;
        continue;
      }
      if (code_starts(j, end)) {
        j = read_code(j, end, depth + 1).after;
        continue;
      }
      ++j;
    }
    fail(i, std::string("unterminated ") + c.letter + "<...> formatting code");
  }

  // Start of the next formatting code in [i, e), or e: codes are found by
  // their '<', the only character worth stopping at.
  std::size_t next_code(std::size_t i, std::size_t e) const {
    for (std::size_t lt = s_.find('<', i + 1); lt != std::string_view::npos && lt < e; lt = s_.find('<', lt + 1))
      if (lt - 1 >= i && code_starts(lt - 1, e)) return lt - 1;
    return e;
  }

  void parse_range(std::size_t b, std::size_t e, RichText& out, int depth) {
    std::size_t plain_begin = b;
    for (std::size_t i = b; i < e;) {
      i = next_code(i, e);
      if (i >= e) break;
      out.append(s_.substr(plain_begin, i - plain_begin));
      const Code c = read_code(i, e, depth);
      apply(c, i, out, depth);
      i = plain_begin = c.after;
    }
    out.append(s_.substr(plain_begin, e - plain_begin));
  }

  void apply(const Code& c, std::size_t at, RichText& out, int depth) {
    const std::size_t begin = out.mark_begin();
    switch (c.letter) {
      case 'B': case 'I': case 'C': case 'F': {
        parse_range(c.content_begin, c.content_end, out, depth + 1);
        const Mark::Kind kind = c.letter == 'B' ? Mark::Kind::argument
                                : c.letter == 'I' ? Mark::Kind::emphasis
                                : c.letter == 'C' ? Mark::Kind::code : Mark::Kind::file;
        out.mark(kind, begin);
        return;
      }
      case 'S':
        parse_range(c.content_begin, c.content_end, out, depth + 1);
        return;
      case 'X': case 'Z':
        return;
      case 'E': {
        const std::string name = trim(s_.substr(c.content_begin, c.content_end - c.content_begin));
        const auto value = entity(name);
        if (!value) fail(at, "unknown escape E<" + name + ">");
        out.append(*value);
        return;
      }
      case 'L':
        link(c, out, depth);
        out.mark(Mark::Kind::link, begin);
        return;
      default:
        fail(at, std::string("unknown formatting code ") + c.letter + "<>");
    }
  }

  // Index of the first '|' of [b,e) outside nested codes, or e.
  std::size_t top_level_bar(std::size_t b, std::size_t e, int depth) const {
    for (std::size_t i = b; i < e;) {
      if (s_[i] == '|') return i;
      i = code_starts(i, e) ? read_code(i, e, depth + 1).after : i + 1;
    }
    return e;
  }

  void link(const Code& c, RichText& out, int depth) {
    const std::size_t bar = top_level_bar(c.content_begin, c.content_end, depth);
    const bool has_text = bar < c.content_end;
    const std::size_t target_begin = has_text ? bar + 1 : c.content_begin;
    const std::string target = trim(plain(target_begin, c.content_end));
    Link l;
    l.loc = {file_, line_at(c.content_begin)};
    const auto colon = target.find(':');
    const bool url = colon != std::string::npos && colon > 0 && target.find(' ') == std::string::npos &&
                     std::isalpha(static_cast<unsigned char>(target[0])) &&
                     target.compare(colon, 2, "::") != 0;
    std::string display;
    if (url) {
      l.external = true;
      l.target = target;
      display = target;
    } else {
      split_page_target(target, l);
      display = default_text(l);
    }
    if (has_text) {
      const std::size_t begin = out.mark_begin();
      parse_range(c.content_begin, bar, out, depth + 1);
      l.text = out.text().substr(std::min(begin, out.text().size()));
    } else {
      out.append(display);
      l.text = display;
    }
    out.add_link(std::move(l));
  }

  static std::string unquote(std::string s) {
    s = trim(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
  }

  static void split_page_target(const std::string& target, Link& l) {
    std::string name = target, section;
    if (!target.empty() && target[0] == '"') {
      name.clear();
      section = target;
    } else if (const auto slash = target.find('/'); slash != std::string::npos) {
      name = target.substr(0, slash);
      section = target.substr(slash + 1);
    }
    l.fragment = unquote(section);
    Link ref;
    if (parse_man_reference(name, ref)) {
      l.target = ref.target;
      l.section = ref.section;
    } else {
      l.target = trim(name);
    }
  }

  static std::string default_text(const Link& l) {
    std::string page = l.section.empty() ? l.target : l.target + "(" + l.section + ")";
    if (l.fragment.empty()) return page;
    return page.empty() ? "\"" + l.fragment + "\"" : "\"" + l.fragment + "\" in " + page;
  }

  std::string_view s_;
  int first_line_;
  const std::string& file_;
  mutable std::vector<std::size_t> newlines_;  // offsets of '\n', built on first use
  mutable bool newlines_ready_ = false;
};

// The list and =begin state of the paragraph walk.
class PodWalker {
 public:
  PodWalker(const std::string& file, RawDocument& doc) : file_(file), doc_(doc) {}

  void walk(const std::vector<Paragraph>& paragraphs) {
    for (const auto& p : paragraphs) step(p);
    if (!begins_.empty())
      throw InputError({file_, begins_.back().second}, "=begin " + begins_.back().first + " has no matching =end");
    if (!lists_.empty()) throw InputError({file_, lists_.back()}, "=over has no matching =back");
  }

 private:
  void step(const Paragraph& p) {
    const bool command = is_command(p.text);
    if (!in_pod_) {
      if (!command) return;
      in_pod_ = true;
    }
    if (command) return run_command(p);
    if (skipping()) return;
    if (p.text[0] == ' ' || p.text[0] == '\t') return verbatim(p);
    ordinary(p);
  }

  bool skipping() const {
    for (const auto& b : begins_)
      if (b.first.empty() || b.first[0] != ':') return true;
    return false;
  }

  void run_command(const Paragraph& p) {
    std::size_t e = 1;
    while (e < p.text.size() && is_ident_char(p.text[e])) ++e;
    const std::string name(p.text.substr(1, e - 1));
    const std::string arg = trim(std::string_view(p.text).substr(e));
    pending_item_ = false;
    last_verbatim_ = false;
    if (name == "begin") {
      begins_.emplace_back(first_word(arg, p), p.line);
      return;
    }
    if (name == "end") return end_region(arg, p);
    if (skipping()) return;  // commands inside a foreign =begin region are its content
    if (name == "for") return page_directive(arg);
    if (name == "pod") return;
    if (name == "cut") {
      in_pod_ = false;
      return;
    }
    if (name == "encoding") return check_encoding(arg, p);
    if (name.size() == 5 && name.compare(0, 4, "head") == 0 && name[4] >= '1' && name[4] <= '4')
      return heading(p, name[4] - '0', e);
    if (name == "over") return lists_.push_back(p.line);
    if (name == "back") {
      if (lists_.empty()) throw InputError({file_, p.line}, "=back without =over");
      lists_.pop_back();
      return;
    }
    if (name == "item") return item(p, e);
    throw InputError({file_, p.line}, "unknown command =" + name);
  }

  // OpenSSL's page directives, in the 1.1.1 spelling ("=for comment generic",
  // "=for comment foreign manuals: procmail(1), perl(1)") and the 3.0 one
  // ("=for openssl generic", "=for openssl foreign manual exit(1)"). Other
  // =for paragraphs are for other formatters and carry nothing here.
  void page_directive(const std::string& arg) {
    std::string rest;
    for (const char* prefix : {"comment ", "openssl "})
      if (starts_with(arg, prefix)) rest = trim(std::string_view(arg).substr(std::string(prefix).size()));
    if (rest == "generic") doc_.generic_synopsis = true;
    if (!starts_with(rest, "foreign manual")) return;
    static const Regex reference(R"([A-Za-z0-9_.:+-]+\([0-9][A-Za-z]*\))");
    for (RegexIterator it(rest.begin(), rest.end(), reference), end; it != end; ++it)
      doc_.foreign_pages.push_back(it->str());
  }

  // Content was converted to UTF-8 before the walk; other encodings are
  // not something OpenSSL's pages use, so they are refused, not guessed.
  void check_encoding(const std::string& arg, const Paragraph& p) const {
    const std::string enc = to_upper(arg);
    if (enc != "UTF-8" && enc != "UTF8" && enc != "ASCII" && enc != "US-ASCII" && enc != "LATIN1" &&
        enc != "ISO-8859-1" && enc != "ISO8859-1" && enc != "CP1252")
      throw InputError({file_, p.line}, "unsupported =encoding " + arg);
  }

  std::string first_word(const std::string& arg, const Paragraph& p) const {
    const std::string w = arg.substr(0, arg.find_first_of(" \t\n"));
    if (w.empty()) throw InputError({file_, p.line}, "=begin needs a format name");
    return w;
  }

  void end_region(const std::string& arg, const Paragraph& p) {
    const std::string w = arg.substr(0, arg.find_first_of(" \t\n"));
    if (begins_.empty()) throw InputError({file_, p.line}, "=end " + w + " without =begin");
    if (begins_.back().first != w)
      throw InputError({file_, p.line}, "=end " + w + " does not match =begin " + begins_.back().first);
    begins_.pop_back();
  }

  void heading(const Paragraph& p, int level, std::size_t arg_at) {
    RawBlock b;
    b.kind = RawBlock::Kind::heading;
    b.level = level;
    b.line = p.line;
    InlineParser(std::string_view(p.text).substr(arg_at), p.line, file_).parse(b.content);
    if (b.content.empty()) throw InputError({file_, p.line}, "=head" + std::to_string(level) + " without a title");
    doc_.blocks.push_back(std::move(b));
  }

  void item(const Paragraph& p, std::size_t arg_at) {
    if (lists_.empty()) throw InputError({file_, p.line}, "=item outside =over ... =back");
    RawBlock b;
    b.kind = RawBlock::Kind::item;
    b.depth = static_cast<int>(lists_.size());
    b.line = p.line;
    std::string arg = std::string(std::string_view(p.text).substr(arg_at));
    const std::string t = trim(arg);
    std::size_t digits = 0;
    while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
    if (t.empty() || t == "*" || t == "o") {
      b.label = "*";
    } else if (t[0] == '*' && (t[1] == ' ' || t[1] == '\n')) {
      b.label = "*";  // "=item * text": a bullet with its text on the item line
      InlineParser(t.substr(2), p.line, file_).parse(b.content);
    } else if (digits > 0 && (digits == t.size() || (t[digits] == '.' && digits + 1 == t.size()))) {
      b.label = t.substr(0, digits);
    } else {
      RichText label;
      InlineParser(std::string_view(p.text).substr(arg_at), p.line, file_).parse(label);
      b.label = label.text();
    }
    pending_item_ = b.content.empty();
    doc_.blocks.push_back(std::move(b));
  }

  void verbatim(const Paragraph& p) {
    std::string text = expand_tabs(p.text);
    if (last_verbatim_ && !doc_.blocks.empty()) {
      // Consecutive verbatim paragraphs form one block; the blank lines
      // between them are kept so line numbers stay exact.
      RawBlock& prev = doc_.blocks.back();
      prev.verbatim += std::string(static_cast<std::size_t>(p.line - verbatim_end_line_), '\n') + text;
      verbatim_end_line_ = p.line + line_count(text) - 1;
      return;
    }
    RawBlock b;
    b.kind = RawBlock::Kind::verbatim;
    b.depth = static_cast<int>(lists_.size());
    b.line = p.line;
    verbatim_end_line_ = p.line + line_count(text) - 1;
    b.verbatim = std::move(text);
    doc_.blocks.push_back(std::move(b));
    pending_item_ = false;
    last_verbatim_ = true;
  }

  static int line_count(const std::string& s) { return 1 + static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

  static std::string expand_tabs(std::string_view s) {
    std::string out;
    std::size_t col = 0;
    for (char c : s) {
      if (c == '\t') {
        const std::size_t n = 8 - col % 8;
        out.append(n, ' ');
        col += n;
      } else {
        out += c;
        col = c == '\n' ? 0 : col + 1;
      }
    }
    return out;
  }

  void ordinary(const Paragraph& p) {
    last_verbatim_ = false;
    if (pending_item_) {
      RawBlock& item = doc_.blocks.back();
      InlineParser(p.text, p.line, file_).parse(item.content);
      if (item.line != p.line) item.line = p.line;
      pending_item_ = false;
      return;
    }
    RawBlock b;
    b.kind = RawBlock::Kind::paragraph;
    b.depth = static_cast<int>(lists_.size());
    b.line = p.line;
    InlineParser(p.text, p.line, file_).parse(b.content);
    doc_.blocks.push_back(std::move(b));
  }

  const std::string& file_;
  RawDocument& doc_;
  bool in_pod_ = false;
  bool pending_item_ = false;
  bool last_verbatim_ = false;
  int verbatim_end_line_ = 0;  // last source line of the open verbatim block
  std::vector<int> lists_;  // line of each open =over
  std::vector<std::pair<std::string, int>> begins_;
};

// Latin-1 pages declared with =encoding are converted to UTF-8 first.
bool declares_latin1(std::string_view content) {
  const auto at = content.find("\n=encoding");
  if (at == std::string_view::npos && !starts_with(content, "=encoding")) return false;
  const std::size_t b = content.find("=encoding") + 9;
  const std::string enc = to_upper(trim(content.substr(b, content.find('\n', b) - b)));
  return enc == "LATIN1" || enc == "ISO-8859-1" || enc == "ISO8859-1" || enc == "CP1252";
}

std::string latin1_to_utf8(std::string_view content) {
  std::string out;
  for (char c : content) append_utf8(out, static_cast<unsigned char>(c));
  return out;
}

// CRLF line ends become LF, so paragraphs and verbatim text need no care.
std::string without_carriage_returns(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

}  // namespace

RawDocument read_pod(std::string_view content, const std::string& file) {
  // The walk reads views of the text; a page is copied only when it must
  // be converted.
  std::string converted;
  std::string_view text = content;
  if (declares_latin1(text)) text = converted = latin1_to_utf8(text);
  if (text.find('\r') != std::string_view::npos) text = converted = without_carriage_returns(text);
  check_text(text, file);
  RawDocument doc;
  doc.source = file;
  doc.format = model::PageFormat::pod;
  PodWalker(file, doc).walk(paragraphs_of(text));
  if (doc.blocks.empty()) throw InputError({file, 1}, "no POD content");
  return doc;
}

}  // namespace sslconf::reader
