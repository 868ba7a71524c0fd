#include "reader/synopsis.hpp"

#include "reader/text_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <set>
#include "model/regex.hpp"

namespace sslconf::reader {

namespace {

using model::Parameter;
using model::Prototype;

// Tokens are views into `s`: a SYNOPSIS has thousands of them, and they are
// only compared and copied into a normalised type.
std::vector<std::string_view> tokenize(std::string_view s) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (is_space(c)) {
      ++i;
    } else if (is_ident_char(c)) {
      std::size_t j = i;
      while (j < s.size() && is_ident_char(s[j])) ++j;
      tokens.push_back(s.substr(i, j - i));
      i = j;
    } else if (s.substr(i, 3) == "...") {
      tokens.push_back(s.substr(i, 3));
      i += 3;
    } else {
      tokens.push_back(s.substr(i, 1));
      ++i;
    }
  }
  return tokens;
}

bool is_ident(std::string_view t) { return !t.empty() && is_ident_char(t[0]) && !is_ascii_digit(t[0]); }

bool is_type_word(std::string_view t) {
  static constexpr std::array<std::string_view, 14> kWords{
      "const", "volatile", "unsigned", "signed", "struct", "union", "enum", "char", "short",
      "int", "long", "void", "float", "double"};
  for (auto w : kWords)
    if (t == w) return true;
  return false;
}

// Index of the parenthesis matching the one at `open`, or npos.
std::size_t matching_paren(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// Index of the parenthesis matching the one at `close`, searching back.
std::size_t matching_open(std::string_view s, std::size_t close) {
  int depth = 0;
  for (std::size_t i = close + 1; i-- > 0;) {
    if (s[i] == ')') ++depth;
    if (s[i] == '(' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

std::vector<std::string> split_top_level(std::string_view s, char sep) {
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t b = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(' || s[i] == '[') ++depth;
    if (s[i] == ')' || s[i] == ']') --depth;
    if (s[i] == sep && depth == 0) {
      parts.push_back(trim(s.substr(b, i - b)));
      b = i + 1;
    }
  }
  parts.push_back(trim(s.substr(b)));
  return parts;
}

Parameter parse_parameter(const std::string& text);

// "int (*)(SSL_CTX *ctx, SSL_SESSION *)" → "int (*)(SSL_CTX *, SSL_SESSION *)":
// names inside a function-pointer type are not part of the type.
std::string function_pointer_type(const std::string& head, std::string_view params) {
  std::string out = normalise_type(head) + " (*)(";
  const std::string all = trim(params);
  if (all.empty() || all == "void") return out + all + ")";
  bool first = true;
  for (const auto& part : split_top_level(all, ',')) {
    out += (first ? "" : ", ") + (part == "..." ? part : parse_parameter(part).type);
    first = false;
  }
  return out + ")";
}

Parameter parse_parameter(const std::string& text) {
  Parameter p;
  const auto star = text.find("(*");
  if (star != std::string::npos) {  // int (*name)(args)
    std::size_t b = star + 2;
    while (b < text.size() && text[b] == ' ') ++b;
    std::size_t e = b;
    while (e < text.size() && is_ident_char(text[e])) ++e;
    p.name = text.substr(b, e - b);
    p.function_pointer = true;
    const auto open = text.find('(', e);
    const auto close = open == std::string::npos ? open : matching_paren(text, open);
    if (close == std::string::npos) {
      p.type = normalise_type(text.substr(0, b) + text.substr(e));
    } else {
      p.type = function_pointer_type(text.substr(0, star), std::string_view(text).substr(open + 1, close - open - 1));
    }
    return p;
  }
  auto tokens = tokenize(text);
  std::string array_suffix;
  while (!tokens.empty() && (tokens.back() == "]" || tokens.back() == "[" ||
                             (tokens.size() >= 2 && tokens[tokens.size() - 2] == "["))) {
    array_suffix.insert(0, tokens.back());
    tokens.pop_back();
  }
  bool only_qualifiers_before = true;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i] != "const" && tokens[i] != "struct" && tokens[i] != "volatile" &&
        tokens[i] != "unsigned" && tokens[i] != "signed" && tokens[i] != "enum" && tokens[i] != "union")
      only_qualifiers_before = false;
  std::string type_text = text.substr(0, text.find('['));
  if (tokens.size() >= 2 && is_ident(tokens.back()) && !is_type_word(tokens.back()) &&
      !only_qualifiers_before) {
    p.name = std::string(tokens.back());
    type_text = type_text.substr(0, type_text.rfind(p.name));
  }
  p.type = normalise_type(type_text + (array_suffix.empty() ? "" : " " + array_suffix));
  return p;
}

bool parse_params(std::string_view inside, Prototype& out) {
  const std::string all = trim(inside);
  if (all.empty() || all == "void") return true;
  for (const auto& part : split_top_level(all, ',')) {
    if (part.empty()) return false;
    if (part == "...") {
      out.variadic = true;
      continue;
    }
    out.params.push_back(parse_parameter(part));
  }
  return true;
}

bool parse_macro(const std::string& decl, Prototype& out) {
  const std::string rest = trim(std::string_view(decl).substr(decl.find("define") + 6));
  std::size_t e = 0;
  while (e < rest.size() && is_ident_char(rest[e])) ++e;
  if (e == 0) return false;
  out.name = rest.substr(0, e);
  out.macro = true;
  if (e < rest.size() && rest[e] == '(') {
    const auto close = matching_paren(rest, e);
    if (close == std::string::npos) return false;
    for (const auto& a : split_top_level(std::string_view(rest).substr(e + 1, close - e - 1), ','))
      if (a == "...") out.variadic = true;
      else if (!a.empty()) out.params.push_back({"", a, false});
  }
  return true;
}

bool upper_word(std::string_view w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "d2i_TYPE_bio" → {"d2i", "TYPE", "bio"}.
std::vector<std::string> name_components(const std::string& name) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto pos = name.find('_'); pos != std::string::npos; pos = name.find('_', start)) {
    out.push_back(name.substr(start, pos - start));
    start = pos + 1;
  }
  out.push_back(name.substr(start));
  return out;
}

// "TYPE" is a component of "d2i_TYPE_bio" and begins the one of
// "d2i_TYPEPrivateKey" (3.0's d2i_RSAPrivateKey page).
bool has_component(const std::string& name, const std::string& word) {
  const auto parts = name_components(name);
  return std::any_of(parts.begin(), parts.end(), [&](const std::string& part) { return part.rfind(word, 0) == 0; });
}

bool mentions_word(const std::string& text, const std::string& word) {
  for (auto pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    const auto after = pos + word.size();
    if ((pos == 0 || !is_ident_char(text[pos - 1])) && (after == text.size() || !is_ident_char(text[after])))
      return true;
  }
  return false;
}

// What the page itself calls a placeholder ("EVP_ciphername is used as a
// placeholder for any of the described cipher functions", "I<TYPE> is used
// as a placeholder"): declared names and upper-case words of such sentences
// in SYNOPSIS or DESCRIPTION.
std::set<std::string> declared_placeholders(const model::Page& page) {
  std::set<std::string> out;
  for (const auto& s : page.sections) {
    if (s.title != "SYNOPSIS" && s.title != "DESCRIPTION") continue;
    for (const auto& b : s.blocks)
      for (const auto& se : b.sentences) {
        if (se.text.find("placeholder") == std::string::npos) continue;
        for (const auto& p : page.synopsis.prototypes)
          if (mentions_word(se.text, p.name)) out.insert(p.name);
        for (const auto& m : se.marks)
          if (upper_word(m.text)) out.insert(m.text);
      }
  }
  return out;
}

// Upper-case words standing alone (not inside a longer identifier) anywhere
// in the SYNOPSIS declarations.
std::set<std::string> standalone_upper_words(const model::Synopsis& synopsis) {
  std::set<std::string> out;
  auto scan = [&out](const std::string& text) {
    for (const auto& t : tokenize(text))
      if (upper_word(t)) out.emplace(t);
  };
  for (const auto& p : synopsis.prototypes) scan(p.text);
  for (const auto& line : synopsis.other) scan(line);
  return out;
}

bool italic_in_prose(const model::Page& page, const std::string& word) {
  for (const auto& s : page.sections)
    for (const auto& b : s.blocks)
      for (const auto& se : b.sentences)
        for (const auto& m : se.marks)
          if (m.kind == model::Mark::Kind::emphasis && m.text == word) return true;
  return false;
}

bool named_in_name(const model::Page& page, const std::string& word) {
  return std::any_of(page.names.begin(), page.names.end(),
                     [&](const std::string& n) { return has_component(n, word); });
}

}  // namespace

void mark_templates(model::Page& page) {
  auto& synopsis = page.synopsis;
  std::set<std::string> placeholders = declared_placeholders(page);
  for (const auto& word : standalone_upper_words(synopsis)) {
    const bool in_a_name = std::any_of(synopsis.prototypes.begin(), synopsis.prototypes.end(),
                                       [&](const model::Prototype& p) { return has_component(p.name, word); });
    if (!in_a_name) continue;
    if (synopsis.generic || italic_in_prose(page, word) || !named_in_name(page, word)) placeholders.insert(word);
  }
  for (auto& p : synopsis.prototypes)
    p.generic = std::any_of(placeholders.begin(), placeholders.end(), [&](const std::string& w) {
      return p.name == w || (upper_word(w) && has_component(p.name, w));
    });
  synopsis.placeholders.assign(placeholders.begin(), placeholders.end());
}

std::string normalise_type(std::string_view type) {
  std::string out;
  for (const auto& t : tokenize(type)) {
    const bool word = is_ident_char(t[0]) || t == "...";
    if (!out.empty()) {
      const char last = out.back();
      const bool last_word = is_ident_char(last);
      if ((word && (last_word || last == '*' || last == ')' || last == ',')) ||
          (t == "*" && (last_word || last == ')')) || (t == "[" && last_word))
        out += ' ';
    }
    out += t;
  }
  return out;
}

bool parse_prototype(std::string_view declaration, Prototype& out) {
  std::string decl = collapse_space(declaration);
  while (!decl.empty() && (decl.back() == ';' || decl.back() == ' ')) decl.pop_back();
  out = Prototype{};
  out.text = decl + (starts_with(decl, "#") ? "" : ";");
  if (starts_with(decl, "#")) {
    if (decl.find("define") == std::string::npos) return false;
    out.text = decl;
    return parse_macro(decl, out);
  }
  if (starts_with(decl, "typedef ") || decl.empty() || decl.back() != ')') return false;
  const auto params_open = matching_open(decl, decl.size() - 1);
  if (params_open == std::string::npos || params_open == 0) return false;
  std::size_t before = params_open;
  while (before > 0 && decl[before - 1] == ' ') --before;
  if (before > 0 && decl[before - 1] == ')') {
    // RET (*NAME(PARAMS))(FPARAMS): a function returning a function pointer.
    const auto inner_close = before - 1;
    const auto inner_open = matching_open(decl, inner_close);
    if (inner_open == std::string::npos) return false;
    Prototype inner;
    const std::string inner_text = decl.substr(inner_open + 1, inner_close - inner_open - 1);
    const auto star = inner_text.find('*');
    if (star == std::string::npos || !parse_prototype("void " + inner_text.substr(star + 1), inner))
      return false;
    out.name = inner.name;
    out.params = inner.params;
    out.variadic = inner.variadic;
    out.return_type = function_pointer_type(
        decl.substr(0, inner_open),
        std::string_view(decl).substr(params_open + 1, decl.size() - params_open - 2));
    return !out.name.empty();
  }
  std::size_t name_begin = before;
  while (name_begin > 0 && is_ident_char(decl[name_begin - 1])) --name_begin;
  if (name_begin == before) return false;
  out.name = decl.substr(name_begin, before - name_begin);
  out.return_type = normalise_type(decl.substr(0, name_begin));
  if (out.return_type.empty()) return false;
  return parse_params(std::string_view(decl).substr(params_open + 1, decl.size() - params_open - 2), out);
}

namespace {

// Ends with ')' and every '(' is closed: nothing can follow but ';' or, for
// a function returning a function pointer, its parameter list "(...)".
bool ends_complete_call(std::string_view decl) {
  const std::string_view d = trim_view(decl);
  if (d.empty() || d.back() != ')' || starts_with(d, "#") || starts_with(d, "typedef ")) return false;
  int depth = 0;
  for (char c : d) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

}  // namespace

void parse_synopsis_block(std::string_view text, const model::SourceLocation& first_line,
                          model::Synopsis& synopsis) {
  std::string pending;  // a declaration spread over several lines
  int pending_line = first_line.line;
  int line_no = first_line.line;
  // `terminated`: the declaration ended at a ';', which "other" lines keep
  // ("typedef struct x X;") so that nothing of the SYNOPSIS is lost.
  auto flush = [&](std::string_view decl, bool terminated = false, bool unterminated = false) {
    const std::string d = collapse_space(decl);
    if (d.empty()) return;
    Prototype p;
    if (parse_prototype(d, p)) {
      p.loc = {first_line.file, pending_line};
      p.unterminated = unterminated;
      synopsis.prototypes.push_back(std::move(p));
    } else {
      synopsis.other.push_back(terminated ? d + ";" : d);
    }
  };
  for (std::size_t next = 0; next < text.size();) {
    std::size_t end = text.find('\n', next);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim_view(text.substr(next, end - next));
    next = end + 1;
    // A comment on its own line is not part of a declaration.
    if (pending.empty() && (starts_with(line, "/*") || starts_with(line, "//"))) {
      synopsis.other.push_back(collapse_space(line));
      ++line_no;
      continue;
    }
    // "#include <x.h>" may be followed by declarations on the same line
    // when line breaks were lost, so peel includes off the front.
    while (pending.empty() && starts_with(line, "#")) {
      if (starts_with(trim_view(line.substr(1)), "include")) {
        const auto open = line.find_first_of("<\"");
        const auto close = open == std::string_view::npos ? open : line.find_first_of(">\"", open + 1);
        if (close == std::string_view::npos) break;
        synopsis.includes.emplace_back(line.substr(open + 1, close - open - 1));
        line = trim_view(line.substr(close + 1));
        continue;
      }
      pending_line = line_no;
      flush(line);  // #define and other directives end at the line end
      line = {};
    }
    // A complete function declaration left without its ';' when the next
    // line starts another one ("int f(void)" then "int g(void);").
    static const Regex declaration_start(R"(^[A-Za-z_][\w ]*[ *]\**[A-Za-z_]\w*\s*\()");
    const bool may_start = !line.empty() && (is_ascii_alpha(line[0]) || line[0] == '_') &&
                           line.find('(') != std::string_view::npos;  // what the pattern needs, cheaply first
    if (!pending.empty() && may_start && std::regex_search(line.begin(), line.end(), declaration_start)) {
      Prototype complete;
      if (ends_complete_call(pending) && parse_prototype(pending, complete)) {
        flush(pending, false, true);
        pending.clear();
      }
    }
    if (!line.empty()) {
      if (pending.empty()) pending_line = line_no;
      std::size_t start = 0;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != ';') continue;
        pending += ' ';
        pending += line.substr(start, i - start);
        flush(pending, true);
        pending.clear();
        pending_line = line_no;
        start = i + 1;
      }
      pending += ' ';
      pending += line.substr(start);
      if (trim_view(pending).empty()) pending.clear();
    }
    ++line_no;
  }
  flush(pending);
}

}  // namespace sslconf::reader
