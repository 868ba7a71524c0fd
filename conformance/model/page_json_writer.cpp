// The page model written as JSON straight into a string, without building a
// JSON document first: `sslconf read` over a whole POD tree spent most of its
// time building, printing and destroying nlohmann documents. The text is byte
// for byte what to_json(page).dump(2) prints, or dump() in the compact layout
// (the golden tests compare them): keys in nlohmann's sorted order, its
// indentation, and its escaping, which strings needing any escape are
// handed to.
#include "model/page.hpp"
#include "model/word_scan.hpp"

#include <array>
#include <charconv>
#include <string_view>

namespace sslconf::model {

namespace {

// Writes one JSON value at a time; objects and arrays open and close
// around their members. Keys must come in sorted order (nlohmann's std::map).
class Writer {
 public:
  Writer(std::string& out, int depth, JsonLayout layout)
      : out_(out), depth_(depth), indented_(layout == JsonLayout::indented) {}

  void open_object() { open('{'); }
  void close_object() { close('}'); }
  void open_array() { open('['); }
  void close_array() { close(']'); }

  // Keys are literals: their length is known here, not counted per call.
  template <std::size_t N>
  void key(const char (&k)[N]) {
    next_member();
    out_ += '"';
    out_.append(k, N - 1);
    if (indented_) out_.append("\": ", 3);
    else out_.append("\":", 2);
    after_key_ = true;
  }
  void value(std::string_view s) {
    next_member();
    string(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) {
    next_member();
    out_ += b ? "true" : "false";
  }
  void value(long long n) {
    next_member();
    number(n);
  }
  void value(const SourceLocation& l) {
    next_member();
    if (!plain(l.file)) {  // a file name may hold anything
      out_ += escaped(l.str());
      return;
    }
    out_ += '"';
    out_ += l.file;
    out_ += ':';
    number(l.line);
    out_ += '"';
  }
  void strings(const std::vector<std::string>& v) {
    open_array();
    for (const auto& s : v) value(s);
    close_array();
  }

 private:
  // ASCII is escaped here as nlohmann escapes it (quote, backslash, control
  // characters; DEL stays); a string with any byte above 0x7f goes through
  // nlohmann itself, which checks its UTF-8 and replaces what is invalid.
  void number(long long n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out_.append(digits, static_cast<std::size_t>(end - digits));
  }
  static bool ascii(std::string_view s) {
    for (const unsigned char c : s)
      if (c > 0x7f) return false;
    return true;
  }
  // Printable ASCII but the quote and the backslash: written as it is. This
  // scan runs over every byte `sslconf read` prints: eight at a time, then a
  // table look-up a byte for the rest.
  static bool plain(std::string_view s) {
    static const auto kPlain = [] {
      std::array<bool, 256> t{};
      for (int c = 0x20; c <= 0x7e; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
      return t;
    }();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      const std::uint64_t w = word_at(s, i);
      if (!printable_ascii(w) || has_byte(w, '"') || has_byte(w, '\\')) return false;
    }
    for (; i < s.size(); ++i)
      if (!kPlain[static_cast<unsigned char>(s[i])]) return false;
    return true;
  }
  static std::string escaped(std::string_view s) {
    return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  void ascii_escaped(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (const char c : s) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            out_ += "\\u00";
            out_ += kHex[(c >> 4) & 0xf];
            out_ += kHex[c & 0xf];
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }
  void string(std::string_view s) {
    if (plain(s)) {
      out_ += '"';
      out_ += s;
      out_ += '"';
    } else if (ascii(s)) {
      ascii_escaped(s);
    } else {
      out_ += escaped(s);
    }
  }

  void open(char bracket) {
    next_member();
    out_ += bracket;
    ++depth_;
    first_ = true;
  }
  void close(char bracket) {
    --depth_;
    if (!first_ && indented_) {  // not empty: the closing bracket goes on its own line
      out_ += '\n';
      indent();
    }
    out_ += bracket;
    first_ = false;
  }
  // Before a member of an object or array: a separator and a new line, except
  // for the value that follows its key, and for the outermost value.
  void next_member() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == base_depth_ && !started_) {
      started_ = true;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
    if (!indented_) return;
    out_ += '\n';
    indent();
  }
  void indent() { out_.append(static_cast<std::size_t>(depth_) * 2, ' '); }

  std::string& out_;
  int depth_;
  const int base_depth_ = depth_;
  const bool indented_;
  bool first_ = true;      // no member written yet in the innermost open value
  bool after_key_ = false;
  bool started_ = false;
};

void write(Writer& w, const Link& k) {
  w.open_object();
  w.key("external"), w.value(k.external);
  w.key("fragment"), w.value(k.fragment);
  w.key("section"), w.value(k.section);
  w.key("source"), w.value(k.loc);
  w.key("target"), w.value(k.target);
  w.key("text"), w.value(k.text);
  w.close_object();
}

void write(Writer& w, const std::vector<Link>& links) {
  w.open_array();
  for (const auto& k : links) write(w, k);
  w.close_array();
}

void write(Writer& w, const Prototype& pr) {
  w.open_object();
  if (pr.generic) w.key("generic"), w.value(true);
  w.key("macro"), w.value(pr.macro);
  w.key("name"), w.value(pr.name);
  w.key("params"), w.open_array();
  for (const auto& pa : pr.params) {
    w.open_object();
    w.key("function_pointer"), w.value(pa.function_pointer);
    w.key("name"), w.value(pa.name);
    w.key("type"), w.value(pa.type);
    w.close_object();
  }
  w.close_array();
  w.key("return_type"), w.value(pr.return_type);
  w.key("source"), w.value(pr.loc);
  w.key("text"), w.value(pr.text);
  w.key("variadic"), w.value(pr.variadic);
  w.close_object();
}

void write(Writer& w, const Synopsis& s) {
  w.open_object();
  if (s.generic) w.key("generic"), w.value(true);
  w.key("includes"), w.strings(s.includes);
  w.key("other"), w.strings(s.other);
  if (!s.placeholders.empty()) w.key("placeholders"), w.strings(s.placeholders);
  w.key("prototypes"), w.open_array();
  for (const auto& pr : s.prototypes) write(w, pr);
  w.close_array();
  w.key("source"), w.value(s.loc);
  w.close_object();
}

void write(Writer& w, const Sentence& se) {
  w.open_object();
  w.key("marks"), w.open_array();
  for (const auto& m : se.marks) {
    w.open_object();
    w.key("kind"), w.value(to_string(m.kind));
    w.key("offset"), w.value(static_cast<long long>(m.offset));
    w.key("text"), w.value(m.text);
    w.close_object();
  }
  w.close_array();
  w.key("source"), w.value(se.loc);
  w.key("text"), w.value(se.text);
  w.close_object();
}

void write(Writer& w, const Block& b) {
  w.open_object();
  w.key("depth"), w.value(static_cast<long long>(b.depth));
  w.key("kind"), w.value(to_string(b.kind));
  w.key("label"), w.value(b.label);
  w.key("links"), write(w, b.links);
  w.key("sentences"), w.open_array();
  for (const auto& se : b.sentences) write(w, se);
  w.close_array();
  w.key("source"), w.value(b.loc);
  w.key("text"), w.value(b.text);
  w.close_object();
}

void write(Writer& w, const Section& s) {
  w.open_object();
  w.key("blocks"), w.open_array();
  for (const auto& b : s.blocks) write(w, b);
  w.close_array();
  w.key("level"), w.value(static_cast<long long>(s.level));
  w.key("source"), w.value(s.loc);
  w.key("title"), w.value(s.title);
  w.close_object();
}

void write(Writer& w, const HistoryLine& h) {
  w.open_object();
  w.key("functions"), w.strings(h.functions);
  w.key("release"), w.value(h.release);
  w.key("source"), w.value(h.loc);
  w.key("text"), w.value(h.text);
  w.close_object();
}

}  // namespace

void append_json(std::string& out, const Page& p, int depth, JsonLayout layout) {
  Writer w(out, depth, layout);
  w.open_object();
  if (!p.foreign_pages.empty()) w.key("foreign_pages"), w.strings(p.foreign_pages);
  w.key("format"), w.value(to_string(p.format));
  w.key("history"), w.open_array();
  for (const auto& h : p.history) write(w, h);
  w.close_array();
  w.key("manual_section"), w.value(p.manual_section);
  w.key("name_source"), w.value(p.name_loc);
  w.key("names"), w.strings(p.names);
  w.key("purpose"), w.value(p.purpose);
  w.key("sections"), w.open_array();
  for (const auto& s : p.sections) write(w, s);
  w.close_array();
  w.key("see_also"), write(w, p.see_also);
  w.key("source"), w.value(p.source);
  w.key("synopsis"), write(w, p.synopsis);
  w.key("title"), w.value(p.title);
  w.close_object();
}

}  // namespace sslconf::model
