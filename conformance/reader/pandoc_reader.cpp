#include "reader/pandoc_reader.hpp"
#include "model/numbers.hpp"

#include "model/diagnostic.hpp"
#include "platform/process.hpp"
#include "reader/formats.hpp"
#include "reader/text_util.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <regex>
#include <thread>
#include "model/regex.hpp"

namespace sslconf::reader {

namespace {

using nlohmann::json;
using model::InputError;
using model::Mark;
using model::PageFormat;

// Finds the source line of each block by searching forward for a word of
// its text: pandoc gives no positions for HTML, Markdown or roff.
class LineFinder {
 public:
  LineFinder(const std::string& content, PageFormat format) : lines_(split_lines(content)), format_(format) {}

  // Finds the block's first line; `lines` is how many source lines the
  // block spans, so the next search starts after it.
  int find(const std::string& text, bool heading, int lines = 1) {
    const int at = locate(text, heading);
    cursor_ = std::min(lines_.size(), static_cast<std::size_t>(at - 1 + std::max(lines - 1, 0)));
    return at;
  }

 private:
  int locate(const std::string& text, bool heading) {
    const std::string needle = first_word(text);
    if (needle.empty()) return cursor_ + 1;
    for (std::size_t i = cursor_; i < lines_.size(); ++i) {
      if (lines_[i].find(needle) == std::string::npos) continue;
      if (heading && format_ == PageFormat::html && lines_[i].find("<h") == std::string::npos &&
          lines_[i].find("<H") == std::string::npos)
        continue;
      cursor_ = i;
      return static_cast<int>(i) + 1;
    }
    return static_cast<int>(cursor_) + 1;
  }

  // A distinctive word near the start: common short words ("The") would
  // match lines of the previous block.
  static std::string first_word(const std::string& text) {
    std::string best;
    int words = 0;
    for (std::size_t i = 0; i < text.size() && words < 8;) {
      std::size_t j = i;
      while (j < text.size() && is_ident_char(text[j])) ++j;
      if (j - i >= 6) return text.substr(i, j - i);
      if (j > i) ++words;
      if (j - i > best.size()) best = text.substr(i, j - i);
      i = j == i ? i + 1 : j;
    }
    return best;
  }

  std::vector<std::string> lines_;
  PageFormat format_;
  std::size_t cursor_ = 0;
};

class AstReader {
 public:
  AstReader(const PandocInput& in, RawDocument& doc) : in_(in), doc_(doc), lines_(in.content, in.format) {}

  void blocks(const json& list, int depth) {
    for (const auto& b : list) block(b, depth);
  }

 private:
  void block(const json& b, int depth) {
    const std::string t = b.at("t").get<std::string>();
    const json empty = json::array();
    const json& c = b.contains("c") ? b.at("c") : empty;
    if (t == "Header") return heading(c);
    if (t == "Para" || t == "Plain") return paragraph(c, depth);
    if (t == "CodeBlock") return code(c.at(1).get<std::string>(), depth);
    if (t == "BulletList") return list(c, depth, [](std::size_t) { return std::string("*"); });
    if (t == "OrderedList") {
      const int start = c.at(0).at(0).get<int>();
      return list(c.at(1), depth, [start](std::size_t i) { return std::to_string(start + static_cast<int>(i)) + "."; });
    }
    if (t == "DefinitionList") return definitions(c, depth);
    if (t == "BlockQuote") return blocks(c, depth);
    if (t == "Div") return blocks(c.at(1), depth);
    if (t == "Figure") return blocks(c.at(2), depth);
    if (t == "LineBlock") {
      for (const auto& line : c) paragraph(line, depth);
    }
    // RawBlock, HorizontalRule, Table, Null: page furniture, not content.
  }

  void heading(const json& c) {
    RawBlock b;
    b.kind = RawBlock::Kind::heading;
    b.level = std::min(c.at(0).get<int>(), 4);
    inlines(c.at(2), b.content);
    b.line = lines_.find(b.content.text(), true);
    doc_.blocks.push_back(std::move(b));
  }

  void paragraph(const json& content, int depth) {
    RawBlock b;
    b.depth = depth;
    inlines(content, b.content);
    if (b.content.empty()) return;
    b.line = lines_.find(b.content.text(), false, span(b.content));
    doc_.blocks.push_back(std::move(b));
  }

  static int span(const RichText& rt) { return rt.lines_before(rt.text().size()) + 1; }

  void code(const std::string& text, int depth) {
    RawBlock b;
    b.kind = RawBlock::Kind::verbatim;
    b.depth = depth;
    b.verbatim = text;
    b.line = lines_.find(text, false, static_cast<int>(split_lines(text).size()));
    doc_.blocks.push_back(std::move(b));
  }

  // An item's first paragraph is its text; further blocks follow it.
  void item(std::string label, const json& item_blocks, int depth) {
    RawBlock b;
    b.kind = RawBlock::Kind::item;
    b.depth = depth + 1;
    b.label = std::move(label);
    std::size_t rest = 0;
    if (!item_blocks.empty()) {
      const auto& first = item_blocks.at(0);
      const std::string t = first.at("t").get<std::string>();
      if (t == "Para" || t == "Plain") {
        inlines(first.at("c"), b.content);
        rest = 1;
      }
    }
    b.line = lines_.find(b.content.empty() ? b.label : b.content.text(), false, span(b.content));
    doc_.blocks.push_back(std::move(b));
    for (std::size_t i = rest; i < item_blocks.size(); ++i) block(item_blocks.at(i), depth + 1);
  }

  template <typename Label>
  void list(const json& items, int depth, Label label) {
    for (std::size_t i = 0; i < items.size(); ++i) item(label(i), items.at(i), depth);
  }

  void definitions(const json& c, int depth) {
    for (const auto& entry : c) {
      RichText term;
      inlines(entry.at(0), term);
      const json& defs = entry.at(1);
      // An untagged .IP is an indented paragraph (of the item before it),
      // not an item of its own.
      if (term.empty()) {
        for (const auto& def : defs) blocks(def, depth + 1);
        continue;
      }
      if (defs.empty()) {
        item(term.text(), json::array(), depth);
        continue;
      }
      item(term.text(), defs.at(0), depth);
      for (std::size_t i = 1; i < defs.size(); ++i) blocks(defs.at(i), depth + 1);
    }
  }

  void inlines(const json& list, RichText& out) {
    for (const auto& i : list) inline_(i, out);
  }

  void marked(const json& content, RichText& out, Mark::Kind kind) {
    const auto begin = out.mark_begin();
    inlines(content, out);
    out.mark(kind, begin);
  }

  void inline_(const json& i, RichText& out) {
    const std::string t = i.at("t").get<std::string>();
    if (t == "Str") return text(i.at("c").get<std::string>(), out);
    if (t == "Space") return out.append(" ");
    if (t == "SoftBreak" || t == "LineBreak") return out.append_newline();
    const json& c = i.at("c");
    if (t == "Code") {
      const auto begin = out.mark_begin();
      out.append(c.at(1).get<std::string>());
      return out.mark(Mark::Kind::code, begin);
    }
    if (t == "Strong") return marked(c, out, Mark::Kind::argument);
    if (t == "Emph" || t == "Underline") return marked(c, out, Mark::Kind::emphasis);
    if (t == "Link") return link(c, out);
    if (t == "Quoted") {
      const char* q = c.at(0).at("t") == "DoubleQuote" ? "\"" : "'";
      out.append(q);
      inlines(c.at(1), out);
      return out.append(q);
    }
    if (t == "Span" || t == "Image") return inlines(c.at(1), out);
    if (t == "Cite") return inlines(c.at(1), out);
    if (t == "Math") return out.append(c.at(1).get<std::string>());
    if (t == "SmallCaps" || t == "Strikeout" || t == "Superscript" || t == "Subscript")
      return inlines(c, out);
    // RawInline, Note: not part of the page's text.
  }

  // pod2man writes L<https://...> as "<https://...>", which pandoc's roff
  // reader leaves as text; the POD shows the address and links to it.
  void text(const std::string& s, RichText& out) {
    static const Regex kBracketedUrl(R"(^<([A-Za-z][A-Za-z0-9+.-]*://[^<>\s]+)>([.,;:)]*)$)");
    std::smatch m;
    if (in_.format != PageFormat::man || !std::regex_match(s, m, kBracketedUrl)) return out.append(s);
    const auto begin = out.mark_begin();
    out.append(m[1].str());
    out.mark(Mark::Kind::link, begin);
    model::Link l;
    l.text = l.target = m[1];
    l.external = true;
    out.add_link(std::move(l));
    out.append(m[2].str());
  }

  void link(const json& c, RichText& out) {
    const auto begin = out.mark_begin();
    inlines(c.at(1), out);
    out.mark(Mark::Kind::link, begin);
    model::Link l;
    l.text = out.text().substr(std::min(begin, out.text().size()));
    const std::string url = c.at(2).at(0).get<std::string>();
    static const Regex kScheme(R"(^[A-Za-z][A-Za-z0-9+.-]*:)");
    // pod2html points "name(3)" at some web copy of the manual; the
    // reference, not that address, is what the page says.
    if (parse_man_reference(l.text, l)) {
    } else if (std::regex_search(url, kScheme)) {
      l.external = true;
      l.target = url;
    } else {
      const auto hash = url.find('#');
      if (hash != std::string::npos) l.fragment = url.substr(hash + 1);
      std::string page = url.substr(0, hash);
      page = page.substr(page.find_last_of('/') + 1);
      l.target = page.substr(0, page.find('.'));
    }
    out.add_link(std::move(l));
  }

  const PandocInput& in_;
  RawDocument& doc_;
  LineFinder lines_;
};

std::string manual_section_of_roff(const std::string& roff) {
  static const Regex kTh(R"((^|\n)\.TH\s+("[^"]*"|\S+)\s+"?(\d)[^\s"]*)");
  std::smatch m;
  if (std::regex_search(roff, m, kTh)) return m[3];
  return "3";
}

const char* pandoc_reader_name(PageFormat f) {
  switch (f) {
    case PageFormat::html: return "html";
    case PageFormat::markdown: return "markdown";
    case PageFormat::man: return "man";
    default: return "";
  }
}

json run_pandoc(PageFormat format, const std::string& input, const std::string& file) {
  platform::ProcessOptions opt;
  opt.input = input;
  opt.timeout = std::chrono::milliseconds(120000);
  const auto r = platform::run_process({"pandoc", "-f", pandoc_reader_name(format), "-t", "json"}, opt);
  if (!r.exited || r.exit_code != 0) {
    std::string why = r.timed_out ? "timed out" : trim(r.err);
    throw InputError({file, 0}, "pandoc could not read this page: " + why.substr(0, why.find('\n')));
  }
  return json::parse(r.out);
}

// pod2html leaves "#include <openssl/ssl.h>" unescaped inside <pre>, and an
// HTML parser takes <openssl/ssl.h> for a tag and drops it.
std::string escape_html_includes(const std::string& html) {
  static const Regex kInclude(R"(#include(\s*)<([A-Za-z0-9_./+-]+)>)");
  return std::regex_replace(html, kInclude, "#include$1&lt;$2&gt;");
}

std::string pandoc_input_text(const PandocInput& in) {
  if (in.format == PageFormat::man) return roff_for_pandoc(in.content);
  if (in.format == PageFormat::html) return escape_html_includes(in.content);
  return in.content;
}

PandocResult one(const PandocInput& in) {
  PandocResult r;
  try {
    const std::string text = pandoc_input_text(in);
    r.doc = raw_from_pandoc(run_pandoc(in.format, text, in.file), in);
  } catch (const InputError&) {
    r.error = std::current_exception();
  } catch (const std::exception& e) {
    r.error = std::make_exception_ptr(InputError({in.file, 0}, e.what()));
  }
  return r;
}

std::string break_title(std::size_t k) { return "SSLCONFPAGEBREAK" + std::to_string(k); }

// Several roff pages in one pandoc run, split again at marker headings;
// pandoc's start-up cost dominates small pages. Falls back to one run per
// page when the batch does not split cleanly.
std::vector<PandocResult> man_batch(const std::vector<const PandocInput*>& batch) {
  std::string joined;
  for (std::size_t k = 0; k < batch.size(); ++k)
    joined += ".fi\n.ft R\n.SH " + break_title(k) + "\n" + roff_for_pandoc(batch[k]->content) + "\n";
  std::vector<json> parts(batch.size(), json::array());
  bool clean = true;
  try {
    const json ast = run_pandoc(PageFormat::man, joined, batch.front()->file);
    check_pandoc_api_version(ast, batch.front()->file);
    std::size_t current = 0, seen = 0;
    for (const auto& b : ast.at("blocks")) {
      if (b.at("t") == "Header" && b.at("c").at(2).size() == 1 && b.at("c").at(2).at(0).at("t") == "Str" &&
          starts_with(b.at("c").at(2).at(0).at("c").get<std::string>(), "SSLCONFPAGEBREAK")) {
        const auto n = model::parse_integer(b.at("c").at(2).at(0).at("c").get<std::string>().substr(16));
        current = n ? static_cast<std::size_t>(*n) : seen + 1;  // not ours: the batch is not clean
        clean = clean && current == seen++;
        continue;
      }
      if (current < parts.size()) parts[current].push_back(b);
    }
    clean = clean && seen == batch.size();
  } catch (const std::exception&) {
    clean = false;
  }
  std::vector<PandocResult> out(batch.size());
  for (std::size_t k = 0; k < batch.size(); ++k) {
    if (!clean) {
      out[k] = one(*batch[k]);
      continue;
    }
    try {
      json ast = {{"pandoc-api-version", json::array({1, 22})}, {"meta", json::object()}, {"blocks", parts[k]}};
      out[k].doc = raw_from_pandoc(ast, *batch[k]);
    } catch (const InputError&) {
      out[k].error = std::current_exception();
    } catch (const std::exception& e) {
      out[k].error = std::make_exception_ptr(InputError({batch[k]->file, 0}, e.what()));
    }
  }
  return out;
}

// pod2man's accent strings follow their letter ("nai\*:ve", "e\*'"): the
// letter with its accent, precomposed where Latin-1 has the pair (as POD's
// E<eacute> gives it), else followed by the combining mark.
struct Accent {
  char code;                 // the string's name after "\*"
  std::string_view letters;  // letters with a precomposed form...
  std::string_view latin1;   // ...and those forms, as Latin-1 code points
  unsigned combining;        // the combining mark otherwise
};
constexpr std::array<Accent, 7> kAccents{{
    {'`', "AEIOUaeiou", "\xC0\xC8\xCC\xD2\xD9\xE0\xE8\xEC\xF2\xF9", 0x300},
    {'\'', "AEIOUYaeiouy", "\xC1\xC9\xCD\xD3\xDA\xDD\xE1\xE9\xED\xF3\xFA\xFD", 0x301},
    {'^', "AEIOUaeiou", "\xC2\xCA\xCE\xD4\xDB\xE2\xEA\xEE\xF4\xFB", 0x302},
    {'~', "ANOano", "\xC3\xD1\xD5\xE3\xF1\xF5", 0x303},
    {':', "AEIOUaeiouy", "\xC4\xCB\xCF\xD6\xDC\xE4\xEB\xEF\xF6\xFC\xFF", 0x308},
    {'o', "Aa", "\xC5\xE5", 0x30A},
    {',', "Cc", "\xC7\xE7", 0x327},
}};

std::string with_pod2man_accents(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const Accent* accent = nullptr;
    if (line[i] == '\\' && i + 2 < line.size() && line[i + 1] == '*')
      for (const auto& a : kAccents)
        if (a.code == line[i + 2]) accent = &a;
    if (!accent) {
      out += line[i];
      if (line[i] == '\\' && i + 1 < line.size()) out += line[++i];  // "\\*" is no string
      continue;
    }
    i += 2;
    const char letter = out.empty() ? '\0' : out.back();
    const auto at = letter ? accent->letters.find(letter) : std::string_view::npos;
    if (at == std::string_view::npos) {
      append_utf8(out, accent->combining);
      continue;
    }
    out.pop_back();
    append_utf8(out, static_cast<unsigned char>(accent->latin1[at]));
  }
  return out;
}

// Where the rewriting of one line stands: whether the text being read
// belongs to an .IP item, per .RS nesting level.
struct ListState {
  std::vector<bool> in_item{false};
  bool item_has_no_text = false;  // an .IP tag was the last thing read
};

bool is_request(const std::string& line, std::string_view name) {
  return starts_with(line, name) && (line.size() == name.size() || line[name.size()] == ' ' || line[name.size()] == '\t');
}

// The request a line makes; pod2man's ".ie n X" (X on terminals, which
// is what pandoc renders) is X, and its ".el Y" branch is no request.
std::string terminal_branch(const std::string& line) {
  if (starts_with(line, ".ie n .")) return line.substr(6);
  if (starts_with(line, ".el .")) return "";
  return line;
}

// One roff line as pandoc should see it:
// - .Vb/.Ve (pod2man's verbatim macros, which pandoc flattens into running
//   text) become .nf/.fi, so each SYNOPSIS prototype keeps its line; a
//   verbatim block right under an item's tag is put in the item by a bare
//   .IP first;
// - .IX (index entries; the preamble defines IX to print nothing) and .PD
//   (spacing) go: pandoc ends a list item at such a request and loses its
//   text;
// - .Sp inside an item (pod2man's paragraph break under =over) becomes a
//   bare .IP, the man(7) way to continue an item, which pandoc keeps in it;
// - .IP "0" / .IP "1" become .TP, because pandoc renumbers such lists from
//   their first label and RETURN VALUES "1, 0" would read "1, 2";
// - text lines lose pod2man's strings.
std::string pandoc_line(const std::string& raw, ListState& lists) {
  static const Regex kNumberedIp(R"re(^\.IP\s+"?(\d+\.?)"?(\s+\S+)?\s*$)re");
  if (raw.empty() || (raw[0] != '.' && raw[0] != '\'')) {
    lists.item_has_no_text = false;
    return without_pod2man_strings(raw) + "\n";
  }
  const std::string line = terminal_branch(raw);
  if (line.empty() || is_request(line, ".IX") || is_request(line, ".PD")) return "";
  const bool under_tag = std::exchange(lists.item_has_no_text, false);
  if (is_request(line, ".Vb")) return under_tag ? ".IP\n.nf\n" : ".nf\n";
  if (is_request(line, ".Ve")) return ".fi\n";
  if (is_request(line, ".Sp")) return lists.in_item.back() ? ".IP\n" : ".sp\n";
  if (is_request(line, ".SH") || is_request(line, ".SS")) lists.in_item = {false};
  if (is_request(line, ".PP") || is_request(line, ".LP") || is_request(line, ".P")) lists.in_item.back() = false;
  if (is_request(line, ".RS")) lists.in_item.push_back(false);
  if (is_request(line, ".RE") && lists.in_item.size() > 1) lists.in_item.pop_back();
  if (is_request(line, ".IP") || is_request(line, ".TP")) lists.in_item.back() = true;
  if (is_request(line, ".IP") && line.size() > 4) lists.item_has_no_text = true;  // a tag, no text yet
  std::smatch m;
  if (is_request(line, ".IP") && std::regex_match(line, m, kNumberedIp))
    return ".TP" + m[2].str() + "\n" + m[1].str() + "\n";
  return without_pod2man_strings(line) + "\n";
}

}  // namespace

// pod2man writes L<name(3)> as "\fBname\fR\|(3)" (a thin space pandoc turns
// into a full one), quotes and accents through strings its preamble
// defines, which pandoc never sees; spelled out here so roff text reads
// like the POD.
std::string without_pod2man_strings(const std::string& line) {
  if (line.find('\\') == std::string::npos) return line;
  static const std::array<std::pair<std::string_view, std::string_view>, 11> kStrings{{
      {"\\|", ""}, {"\\^", ""}, {"\\*(L\"", "\""}, {"\\*(R\"", "\""}, {"\\*(C`", ""},
      {"\\*(C'", ""}, {"\\*(C+", "C++"}, {"\\*(--", "--"}, {"\\*(Aq", "'"},
      {"\\*(PI", "\xCF\x80"}, {"\\*8", "\xC3\x9F"}}};
  std::string out = line;
  for (const auto& [from, to] : kStrings) {
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  }
  return with_pod2man_accents(out);
}

void check_pandoc_api_version(const json& ast, const std::string& file) {
  if (!ast.is_object() || !ast.contains("pandoc-api-version") || !ast.at("pandoc-api-version").is_array() ||
      ast.at("pandoc-api-version").size() < 2)
    throw InputError({file, 0}, "pandoc output has no pandoc-api-version");
  const auto& v = ast.at("pandoc-api-version");
  const int major = v.at(0).get<int>(), minor = v.at(1).get<int>();
  // The block and inline shapes read here are those of 1.22 and 1.23.
  if (major != 1 || (minor != 22 && minor != 23))
    throw InputError({file, 0}, "pandoc-api-version " + std::to_string(major) + "." + std::to_string(minor) +
                                    " is not supported (this reader knows 1.22 and 1.23)");
}

std::string roff_for_pandoc(const std::string& roff) {
  std::string out;
  out.reserve(roff.size());
  // pod2man's preamble (macro and string definitions before .TH) is not
  // needed once its macros and strings are rewritten; pandoc is spared it.
  const auto th = roff.rfind("\n.TH ", roff.find("\n.SH"));
  const std::string_view body = th == std::string::npos ? std::string_view(roff) : std::string_view(roff).substr(th + 1);
  ListState lists;
  for (const auto& line : split_lines(body)) out += pandoc_line(line, lists);
  return out;
}

RawDocument raw_from_pandoc(const json& ast, const PandocInput& input) {
  check_pandoc_api_version(ast, input.file);
  RawDocument doc;
  doc.source = input.file;
  doc.format = input.format;
  if (input.format == PageFormat::man) doc.manual_section = manual_section_of_roff(input.content);
  try {
    AstReader(input, doc).blocks(ast.at("blocks"), 0);
  } catch (const json::exception& e) {
    throw InputError({input.file, 0}, std::string("unexpected pandoc AST: ") + e.what());
  }
  return doc;
}

std::vector<PandocResult> convert_with_pandoc(const std::vector<PandocInput>& inputs) {
  // Jobs: batches of roff pages, single pages otherwise.
  constexpr std::size_t kBatch = 24;
  std::vector<std::vector<std::size_t>> jobs;
  std::vector<std::size_t> man;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].format != PageFormat::man) {
      jobs.push_back({i});
      continue;
    }
    man.push_back(i);
    if (man.size() == kBatch) jobs.push_back(std::exchange(man, {}));
  }
  if (!man.empty()) jobs.push_back(man);
  std::vector<PandocResult> results(inputs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t j; (j = next++) < jobs.size();) {
      const auto& job = jobs[j];
      if (inputs[job[0]].format != PageFormat::man) {
        results[job[0]] = one(inputs[job[0]]);
        continue;
      }
      std::vector<const PandocInput*> batch;
      for (auto i : job) batch.push_back(&inputs[i]);
      auto out = man_batch(batch);
      for (std::size_t k = 0; k < job.size(); ++k) results[job[k]] = std::move(out[k]);
    }
  };
  const unsigned n = std::max(1u, std::min<unsigned>(platform::hardware_cores(), static_cast<unsigned>(jobs.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return results;
}

}  // namespace sslconf::reader
