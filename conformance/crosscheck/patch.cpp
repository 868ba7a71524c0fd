#include "crosscheck/patch.hpp"

#include "crosscheck/lint.hpp"

#include "model/diagnostic.hpp"
#include "reader/synopsis.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include <unistd.h>

namespace sslconf::crosscheck {

namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw model::InputError({path, 0}, "cannot read the page");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}


bool blank(const std::string& line) { return line.find_first_not_of(" \t\r\f\v") == std::string::npos; }

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int lines_in(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1; }

}  // namespace

FileEdit::FileEdit(const std::string& path) : path_(path) {
  const std::string text = slurp(path);
  final_newline_ = text.empty() || text.back() == '\n';
  original_ = split_lines(final_newline_ && !text.empty() ? text.substr(0, text.size() - 1) : text);
  for (std::size_t i = 0; i < original_.size(); ++i) lines_.push_back({original_[i], i});
}

void FileEdit::settle() {
  std::vector<Line> settled;
  for (const auto& l : lines_)
    for (auto& piece : split_lines(l.text)) settled.push_back({std::move(piece), l.origin});
  lines_ = std::move(settled);
}

std::vector<std::string> FileEdit::now_by_origin() const {
  std::vector<std::string> out(original_.size());
  std::vector<bool> seen(original_.size(), false);
  for (const auto& l : lines_) {
    out[l.origin] += (seen[l.origin] ? "\n" : "") + l.text;
    seen[l.origin] = true;
  }
  return out;
}

std::string FileEdit::text() const {
  std::string out;
  for (const auto& l : lines_) out += l.text + "\n";
  if (!final_newline_ && !out.empty()) out.pop_back();
  return out;
}

bool FileEdit::changed() const { return now_by_origin() != original_; }

std::string FileEdit::diff(const std::string& label) const {
  constexpr int kContext = 3;
  const auto now = now_by_origin();
  const int n = static_cast<int>(original_.size());
  std::vector<int> changed;
  for (int i = 0; i < n; ++i)
    if (now[static_cast<std::size_t>(i)] != original_[static_cast<std::size_t>(i)]) changed.push_back(i);
  if (changed.empty()) return "";
  std::ostringstream out;
  out << "--- a/" << label << "\n+++ b/" << label << "\n";
  const std::string no_newline = "\\ No newline at end of file\n";
  int shift = 0;  // lines the hunks before this one added
  for (std::size_t k = 0; k < changed.size();) {
    std::size_t last = k;
    while (last + 1 < changed.size() && changed[last + 1] - changed[last] <= 2 * kContext) ++last;
    const int from = std::max(0, changed[k] - kContext), to = std::min(n - 1, changed[last] + kContext);
    int new_count = 0;
    std::ostringstream body;
    for (int i = from; i <= to; ++i) {
      const auto& old_line = original_[static_cast<std::size_t>(i)];
      const auto& new_text = now[static_cast<std::size_t>(i)];
      const bool end = i == n - 1 && !final_newline_;
      if (old_line == new_text) {
        body << ' ' << old_line << '\n' << (end ? no_newline : "");
        ++new_count;
        continue;
      }
      body << '-' << old_line << '\n' << (end ? no_newline : "");
      for (const auto& l : split_lines(new_text)) body << '+' << l << '\n';
      if (end) body << no_newline;
      new_count += lines_in(new_text);
    }
    const int old_count = to - from + 1;
    out << "@@ -" << from + 1 << ',' << old_count << " +" << from + 1 + shift << ',' << new_count << " @@\n"
        << body.str();
    shift += new_count - old_count;
    k = last + 1;
  }
  return out.str();
}

namespace {

// Lines [first, first + count) of an edit joined by '\n', changed by
// offset and written back: the edits keep the number of lines.
class Window {
 public:
  Window(FileEdit& file, int first, int count) : file_(file), first_(first) {
    const int last = std::min(file.size(), first + count - 1);
    for (int n = first; n <= last; ++n) {
      starts_.push_back(text_.size());
      text_ += file.line(n) + (n < last ? "\n" : "");
    }
  }
  const std::string& text() const { return text_; }
  int line_of(std::size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return first_ + static_cast<int>(it - starts_.begin()) - 1;
  }
  void replace(std::size_t at, std::size_t length, const std::string& with) { edits_.push_back({at, length, with}); }
  // False (and nothing written) when the edits overlap or would add or
  // remove a line break.
  bool commit() {
    std::sort(edits_.begin(), edits_.end(), [](const Edit& a, const Edit& b) { return a.at > b.at; });
    std::string text = text_;
    std::size_t limit = std::string::npos;
    for (const auto& e : edits_) {
      if (limit != std::string::npos && e.at + e.length > limit) return false;
      if (std::count(text_.begin() + static_cast<long>(e.at), text_.begin() + static_cast<long>(e.at + e.length), '\n') !=
          std::count(e.with.begin(), e.with.end(), '\n'))
        return false;
      text.replace(e.at, e.length, e.with);
      limit = e.at;
    }
    const auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) file_.set(first_ + static_cast<int>(i), lines[i]);
    return true;
  }

 private:
  struct Edit {
    std::size_t at, length;
    std::string with;
  };
  FileEdit& file_;
  int first_;
  std::string text_;
  std::vector<std::size_t> starts_;
  std::vector<Edit> edits_;
};

// ---- repeated words ------------------------------------------------------

struct Repeat {
  std::size_t first = 0, second = 0, length = 0;  // offsets of the two words
};

// The first "word word" (any case, whitespace between, neither inside a
// formatting code's brackets) in `text`.
std::optional<Repeat> find_repeat(const std::string& text, const std::string& word) {
  const std::string w = lower(word);
  std::size_t pos = 0, previous = std::string::npos;
  while (pos < text.size()) {
    while (pos < text.size() && !word_char(text[pos])) {
      if (!std::isspace(static_cast<unsigned char>(text[pos]))) previous = std::string::npos;
      ++pos;
    }
    std::size_t end = pos;
    while (end < text.size() && word_char(text[end])) ++end;
    if (end == pos) break;
    const bool is_word = lower(text.substr(pos, end - pos)) == w;
    const bool opens = end < text.size() && (text[end] == '<');
    if (is_word && previous != std::string::npos && !opens && (end == text.size() || text[end] != '>'))
      return Repeat{previous, pos, w.size()};
    const bool bracketed = pos > 0 && (text[pos - 1] == '<' || text[pos - 1] == '|' || text[pos - 1] == '/');
    previous = is_word && !opens && !bracketed ? pos : std::string::npos;
    pos = end;
  }
  return std::nullopt;
}

// Drops the second word: with the blank before it on one line, or with the
// blanks after it when it starts a line. A word alone on its line is left
// (dropping it would leave a blank line, which ends the paragraph).
bool drop_second(Window& w, const Repeat& r) {
  const std::string& t = w.text();
  const std::size_t gap = r.first + r.length;
  if (t.find('\n', gap) > r.second) {
    w.replace(gap, r.second + r.length - gap, "");
    return w.commit();
  }
  std::size_t after = r.second + r.length;
  while (after < t.size() && (t[after] == ' ' || t[after] == '\t')) ++after;
  if (after == t.size() || t[after] == '\n') return false;
  w.replace(r.second, after - r.second, "");
  return w.commit();
}

// ---- links --------------------------------------------------------------

std::string regex_escape(const std::string& s) {
  static const std::regex special(R"([.^$|()\[\]{}*+?\\/])");
  return std::regex_replace(s, special, R"(\$&)");
}

// L<TARGET> or L<text|TARGET> on lines [line, line + 2] becomes the fix.
bool fix_link(FileEdit& file, int line, const std::string& target, const std::string& fix) {
  const std::regex link("L<((?:[^<>|]*\\|)?)" + regex_escape(target) + ">");
  for (int n = line; n <= std::min(file.size(), line + 2); ++n) {
    const std::string& text = file.line(n);
    if (!std::regex_search(text, link)) continue;
    file.set(n, std::regex_replace(text, link, "L<$1" + fix + ">", std::regex_constants::format_first_only));
    return true;
  }
  return false;
}

// ---- SYNOPSIS ------------------------------------------------------------

std::size_t closing(const std::string& s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i;
  }
  return std::string::npos;
}

// Top-level comma-separated spans of s[begin, end), trimmed.
std::vector<std::pair<std::size_t, std::size_t>> argument_spans(const std::string& s, std::size_t begin, std::size_t end) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  int depth = 0;
  std::size_t start = begin;
  auto add = [&](std::size_t a, std::size_t b) {
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    out.push_back({a, b});
  };
  for (std::size_t i = begin; i < end; ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')') --depth;
    if (s[i] == ',' && depth == 0) {
      add(start, i);
      start = i + 1;
    }
  }
  add(start, end);
  return out;
}

std::size_t find_identifier(const std::string& s, const std::string& name, std::size_t from = 0) {
  for (auto at = s.find(name, from); at != std::string::npos; at = s.find(name, at + 1)) {
    const bool starts = at == 0 || !word_char(s[at - 1]);
    const bool ends = at + name.size() == s.size() || !word_char(s[at + name.size()]);
    if (starts && ends) return at;
  }
  return std::string::npos;
}

// The edit of one parameter the header types differently: how much of its
// text to replace and with what; nullopt when the difference is not only a
// missing '*', 'const' or type. A callback keeps its own parameter list.
std::optional<std::pair<std::size_t, std::string>> fixed_parameter(const std::string& raw, const model::Parameter& page,
                                                                   const model::Parameter& head,
                                                                   const HeaderIndex& header) {
  auto joined = [](const std::string& type, const std::string& rest) {
    return type + (type.back() == '*' || rest.empty() ? "" : " ") + rest;
  };
  if (page.function_pointer != head.function_pointer) return std::nullopt;
  if (page.function_pointer) {
    const auto at = std::min(raw.find("(*"), raw.find("( *"));
    const auto page_at = std::min(page.type.find("(*"), page.type.find("( *"));
    if (at == std::string::npos || page_at == std::string::npos || raw.substr(0, at).find('\n') != std::string::npos)
      return std::nullopt;
    const std::string completed = completed_callback_type(page.type, head.type, header);
    if (completed.empty()) return std::nullopt;
    // The page's text up to the callback's "(*", completed: "SSL_SESSION " → "SSL_SESSION *".
    std::string head_text = completed.substr(0, completed.find('('));
    while (!head_text.empty() && head_text.back() == ' ') head_text.pop_back();
    return std::make_pair(at, head_text + (head_text.back() == '*' ? "" : " "));
  }
  // An array parameter ("EC_POINT *p[]") is a pointer the parser reads, not a missing '*'.
  if (raw.find_first_of("\n[") != std::string::npos) return std::nullopt;
  const std::string completed = completed_type(page.type, head.type, header);
  if (!completed.empty()) return std::make_pair(raw.size(), joined(completed, page.name));
  // A parameter written as its name alone ("len" for "int len").
  if (page.name.empty() && page.type == head.name && !head.name.empty())
    return std::make_pair(raw.size(), joined(head.type, page.type));
  return std::nullopt;
}

struct SynopsisFix {
  bool header = false;     // the types were completed from the header
  bool semicolon = false;  // the ';' was added
};

// Where a declaration stands in its window: the start of its return type,
// its name, its parameter list's parentheses and the end of the whole.
struct DeclarationSpan {
  std::size_t start = 0, name = 0, open = 0, close = 0, end = 0;
};

std::optional<DeclarationSpan> span_of(const std::string& t, const std::string& function) {
  DeclarationSpan d;
  d.name = find_identifier(t, function);
  if (d.name == std::string::npos || d.name > t.find('\n')) return std::nullopt;  // the name is on the first line
  d.open = t.find('(', d.name + function.size());
  d.close = d.open == std::string::npos ? std::string::npos : closing(t, d.open);
  if (d.close == std::string::npos || t.find_first_not_of(" \t\n", d.name + function.size()) != d.open)
    return std::nullopt;
  d.end = d.close + 1;  // a function returning a function pointer has a second list
  if (const auto next = t.find_first_not_of(" \t", d.end); next != std::string::npos && t[next] == ')') {
    const auto second = t.find_first_not_of(" \t", next + 1);
    if (second == std::string::npos || t[second] != '(' || closing(t, second) == std::string::npos) return std::nullopt;
    d.end = closing(t, second) + 1;
  }
  d.start = t.find_first_not_of(" \t");
  return d;
}

using Edits = std::map<std::size_t, std::pair<std::size_t, std::string>>;  // at → (length, text)

// The edits that complete a declaration from the header: its return type
// and each parameter that differs. Empty unless the declaration so
// completed agrees with the header.
Edits header_edits(const std::string& t, const DeclarationSpan& s, const model::Prototype& p, const HeaderIndex& header) {
  Edits edits;
  const auto c = compare(p, header);
  if (c.agreement != Agreement::different || !c.declaration || c.declaration->function_like_macro ||
      p.params.size() != c.declaration->params.size() || p.variadic != c.declaration->variadic)
    return edits;
  const std::string ret = t.substr(s.start, s.name - s.start);
  if (ret.find_first_of("(\n") == std::string::npos && c.declaration->return_type.find('(') == std::string::npos)
    if (const auto done = completed_type(p.return_type, c.declaration->return_type, header); !done.empty())
      edits[s.start] = {ret.size(), done + (done.back() == '*' ? "" : " ")};
  const auto spans = argument_spans(t, s.open + 1, s.close);
  if (spans.size() == p.params.size() + (p.variadic ? 1 : 0))
    for (std::size_t i = 0; i < p.params.size(); ++i) {
      if (parameter_agreement(p.params[i], c.declaration->params[i], header) != Agreement::different)
        continue;  // only the parameters that differ are touched
      const auto [a, b] = spans[i];
      if (const auto fixed = fixed_parameter(t.substr(a, b - a), p.params[i], c.declaration->params[i], header))
        edits[a] = *fixed;
    }
  std::string decl = t.substr(s.start, s.end - s.start);
  for (auto it = edits.rbegin(); it != edits.rend(); ++it)
    decl.replace(it->first - s.start, it->second.first, it->second.second);
  std::replace(decl.begin(), decl.end(), '\n', ' ');
  model::Prototype again;
  if (edits.empty() || !reader::parse_prototype(decl + ";", again)) return {};
  again.name = p.name;
  return compare(again, header).agreement == Agreement::different ? Edits{} : edits;
}

// Completes a declaration from the header and ends it with ';' where the
// page left it out.
SynopsisFix fix_declaration(FileEdit& file, const model::Prototype& p, const HeaderIndex* header) {
  SynopsisFix done;
  Window w(file, p.loc.line, 40);
  const std::string& t = w.text();
  const auto s = span_of(t, p.name);
  if (!s) return done;
  if (header != nullptr) {
    const auto edits = header_edits(t, *s, p, *header);
    for (const auto& [at, e] : edits) w.replace(at, e.first, e.second);
    done.header = !edits.empty();
  }
  const auto after = t.find_first_not_of(" \t", s->end);
  if (p.unterminated && (after == std::string::npos || t[after] == '\n')) {
    w.replace(s->end, 0, ";");
    done.semicolon = true;
  }
  if ((done.header || done.semicolon) && !w.commit()) return {};
  return done;
}

// ---- commands and regions -------------------------------------------------

bool known_command(const std::string& line) {
  static const std::regex command(R"(^=(pod|head[1-4]|over|item|back|begin|end|for|encoding|cut)(\s|$))");
  return std::regex_search(line, command);
}

// Lines (1-based) of commands written straight under a line of text: POD
// reads them as part of that paragraph. Text before the first command and
// after =cut is not POD and is left alone.
std::vector<int> commands_in_paragraphs(const std::vector<std::string>& lines) {
  std::vector<int> out;
  bool in_pod = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool starts = i == 0 || blank(lines[i - 1]);
    if (starts && !lines[i].empty() && lines[i][0] == '=') in_pod = lines[i].rfind("=cut", 0) != 0;
    else if (in_pod && !starts && known_command(lines[i])) out.push_back(static_cast<int>(i + 1));
  }
  return out;
}

// After the blank lines the fixes add: =begin regions never ended, as
// (format, line of =begin, line of the first heading or =cut after it, 0
// for the end of the file).
struct OpenRegion {
  std::string format;
  int begin = 0, before = 0;
};

std::vector<OpenRegion> open_regions(const FileEdit& file) {
  // The page as it reads now, each line with the original line it rides on.
  std::vector<std::pair<std::string, int>> lines;
  for (int n = 1; n <= file.size(); ++n)
    for (const auto& l : split_lines(file.line(n))) lines.push_back({l, n});
  std::vector<OpenRegion> open;
  static const std::regex begin(R"(^=begin\s+(\S+))"), end(R"(^=end\s+(\S+))"), heading(R"(^=(head[1-4]|cut)(\s|$))");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && !blank(lines[i - 1].first)) continue;
    std::smatch m;
    const auto& l = lines[i].first;
    if (std::regex_search(l, m, begin)) open.push_back({m.str(1), lines[i].second, 0});
    else if (std::regex_search(l, m, end) && !open.empty() && open.back().format == m.str(1)) open.pop_back();
    else if (std::regex_search(l, heading))
      for (auto& r : open)
        if (r.before == 0) r.before = lines[i].second;
  }
  return open;
}

// Commands given their blank line, then =begin regions ended before the
// next heading (or at the end): what was done, by line.
std::vector<std::pair<int, std::string>> fix_structure(FileEdit& e) {
  std::vector<std::pair<int, std::string>> done;
  std::vector<std::string> lines;
  for (int n = 1; n <= e.size(); ++n) lines.push_back(e.line(n));
  for (const int n : commands_in_paragraphs(lines)) {
    done.emplace_back(n, "blank line before " + e.line(n));
    e.set(n, "\n" + e.line(n));
  }
  for (const auto& r : open_regions(e)) {
    const std::string end = "=end " + r.format;
    if (r.before > 0) e.set(r.before, end + "\n\n" + e.line(r.before));
    else e.set(e.size(), e.line(e.size()) + "\n\n" + end);
    done.emplace_back(r.begin, "=begin " + r.format + " ended by " + end);
  }
  return done;
}

std::string relative_label(const std::string& file, const std::vector<std::string>& roots) {
  const fs::path p = fs::absolute(file).lexically_normal();
  for (const auto& r : roots) {
    std::error_code ec;
    fs::path root = fs::absolute(r).lexically_normal();
    if (!fs::is_directory(root, ec)) root = root.parent_path();
    const auto rel = p.lexically_relative(root);
    if (!rel.empty() && rel.native().rfind("..", 0) != 0) return rel.generic_string();
  }
  return p.filename().generic_string();
}

bool is_pod(const std::string& file) {
  const auto ext = fs::path(file).extension().string();
  return ext == ".pod" || ext == ".pm" || ext == ".pl";
}

}  // namespace

std::vector<Finding> check_command_paragraphs(const std::string& pod_file) {
  std::vector<Finding> out;
  std::vector<std::string> lines;
  try {
    lines = split_lines(slurp(pod_file));
  } catch (const model::InputError&) {
    return out;
  }
  for (const int n : commands_in_paragraphs(lines)) {
    const std::string& l = lines[static_cast<std::size_t>(n - 1)];
    const std::string command = l.substr(0, l.find_first_of(" \t"));
    out.push_back({{pod_file, n}, Severity::error, "command-in-paragraph",
                   l + " has no blank line before it, so POD reads it as text of the paragraph above", command, ""});
  }
  return out;
}

int repeated_word_line(const std::string& pod_file, int from, const std::string& word) {
  try {
    FileEdit file(pod_file);
    if (from < 1 || from > file.size()) return from;
    Window w(file, from, 12);
    if (const auto r = find_repeat(w.text(), word)) return w.line_of(r->second);
  } catch (const model::InputError&) {
  }
  return from;
}

PatchResult certain_fixes(const std::vector<std::string>& files, const std::vector<model::Page>& pages,
                          const std::vector<Finding>& findings, const HeaderIndex* header,
                          const std::vector<std::string>& roots, const Relint& relint) {
  PatchResult result;
  std::map<std::string, std::unique_ptr<FileEdit>> edits;  // by the real path
  std::vector<std::string> order;
  std::map<std::string, std::string> real;  // a scratch copy's path → the real path
  auto real_path = [&](const std::string& seen) {
    const auto it = real.find(seen);
    return it == real.end() ? seen : it->second;
  };
  auto edit = [&](const std::string& seen) -> FileEdit* {
    const std::string path = real_path(seen);
    auto it = edits.find(path);
    if (it != edits.end()) return it->second.get();
    try {
      auto e = std::make_unique<FileEdit>(path);
      order.push_back(path);
      return edits.emplace(path, std::move(e)).first->second.get();
    } catch (const model::InputError&) {
      return nullptr;
    }
  };
  auto note = [&](const std::string& file, int line, const std::string& what) {
    result.fixed.push_back(real_path(file) + ":" + std::to_string(line) + ": " + what);
  };
  auto round = [&](const std::vector<std::string>& raw_files, const std::vector<model::Page>& read,
                   const std::vector<Finding>& found) {
    for (const auto& f : raw_files) {
      if (!is_pod(f)) continue;
      auto* e = edit(f);
      if (e == nullptr) continue;
      for (const auto& [line, what] : fix_structure(*e)) note(f, line, what);
    }
    for (const auto& finding : found) {
      if (finding.fix.empty() || !is_pod(finding.loc.file)) continue;
      auto* e = edit(finding.loc.file);
      if (e == nullptr) continue;
      if (finding.check == "repeated-word") {
        const int from = std::max(1, finding.loc.line - 1);
        Window w(*e, from, finding.loc.line - from + 1);
        const auto r = find_repeat(w.text(), finding.subject);
        if (r && drop_second(w, *r)) note(finding.loc.file, finding.loc.line, "repeated \"" + finding.subject + "\" dropped");
      } else if (finding.check == "link-unresolved" || finding.check == "link-section-missing") {
        if (fix_link(*e, finding.loc.line, finding.subject, finding.fix))
          note(finding.loc.file, finding.loc.line, "L<" + finding.subject + "> written L<" + finding.fix + ">");
      }
    }
    for (const auto& page : read) {
      if (!is_pod(page.source)) continue;
      for (const auto& p : page.synopsis.prototypes) {
        if (p.generic || p.macro || (!p.unterminated && header == nullptr)) continue;
        auto* e = edit(page.source);
        if (e == nullptr) continue;
        const auto done = fix_declaration(*e, p, header);
        if (done.header) note(page.source, p.loc.line, p.name + " declared as the header declares it");
        if (done.semicolon) note(page.source, p.loc.line, p.name + " ended with ';'");
      }
    }
    for (auto& [path, e] : edits) e->settle();
  };
  round(files, pages, findings);
  // A fix that brings a heading back gives the lint a section it could not
  // see before: read the fixed pages again, a few rounds at most.
  for (int again = 0; relint && again < 3; ++again) {
    const fs::path scratch = fs::temp_directory_path() / ("sslconf-patch-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(again));
    std::vector<std::string> copies;
    for (const auto& path : order) {
      const auto& e = *edits.at(path);
      if (!e.changed()) continue;
      const fs::path copy = scratch / relative_label(path, roots);
      fs::create_directories(copy.parent_path());
      std::ofstream(copy, std::ios::binary) << e.text();
      copies.push_back(copy.string());
      real[copy.string()] = path;
    }
    if (copies.empty()) break;
    const std::size_t before = result.fixed.size();
    try {
      const auto relinted = relint(copies);
      round(copies, relinted.pages, relinted.findings);
    } catch (...) {
      fs::remove_all(scratch);
      throw;
    }
    fs::remove_all(scratch);
    if (result.fixed.size() == before) break;
  }
  for (const auto& path : order) {
    const auto& e = *edits.at(path);
    if (e.changed()) result.diff += e.diff(relative_label(path, roots));
  }
  return result;
}

}  // namespace sslconf::crosscheck
