#include "crosscheck/header_compare.hpp"

#include "model/diagnostic.hpp"
#include "platform/process.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace sslconf::crosscheck {

namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Identifiers, "*", "[", "]", "(", ")", ",", "..." and any other single character.
std::vector<std::string> tokens(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (ident_char(c)) {
      std::size_t j = i;
      while (j < s.size() && ident_char(s[j])) ++j;
      out.push_back(s.substr(i, j - i));
      i = j;
    } else if (s.compare(i, 3, "...") == 0) {
      out.push_back("...");
      i += 3;
    } else {
      out.emplace_back(1, c);
      ++i;
    }
  }
  return out;
}

// Index of the parenthesis closing the one at `open`, or npos.
std::size_t closing(const std::string& s, std::size_t open, char o = '(', char c = ')') {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == o) ++depth;
    if (s[i] == c && --depth == 0) return i;
  }
  return std::string::npos;
}

// Compiler decorations that say nothing about the C type.
std::string strip_decorations(std::string s) {
  for (const char* call : {"__attribute__", "__asm__", "__asm", "__declspec", "_Alignas"}) {
    for (auto pos = s.find(call); pos != std::string::npos; pos = s.find(call, pos)) {
      const auto open = s.find('(', pos);
      const auto close = open == std::string::npos ? std::string::npos : closing(s, open);
      if (close == std::string::npos) break;
      s.erase(pos, close + 1 - pos);
    }
  }
  static const std::set<std::string> words{"__extension__", "__restrict", "__restrict__", "restrict", "__inline",
                                           "__inline__", "inline", "extern", "static", "_Noreturn", "__wur"};
  std::string out;
  for (const auto& t : tokens(s)) {
    if (words.count(t)) continue;
    out += (out.empty() ? "" : " ") + t;
  }
  return out;
}

// Top-level statements of C code: declarations end at ';' or at a function body.
std::vector<std::string> statements(const std::string& code) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') {
      out.push_back(trim(current));
      current.clear();
    } else if (c == '{') {
      const auto end = closing(code, i, '{', '}');
      const std::string head = trim(current);
      if (!head.empty() && head.back() == ')') {  // a function definition
        out.push_back(head);
        current.clear();
      } else {
        current += "{}";
      }
      if (end == std::string::npos) break;
      i = end;
    } else {
      current += c;
    }
  }
  return out;
}

bool is_type_keyword(const std::string& t) {
  static const std::set<std::string> k{"int", "char", "short", "long", "unsigned", "signed", "void", "float",
                                       "double", "const", "volatile", "_Bool", "struct", "union", "enum"};
  return k.count(t) > 0;
}

std::vector<std::string> split_top_level(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!trim(cur).empty()) out.push_back(trim(cur));
  return out;
}

// Joins type tokens the way C is usually written: "const SSL_SESSION *".
std::string join_type(const std::vector<std::string>& toks) {
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty() && !(t == "*" && out.back() == '*')) out += ' ';
    out += t;
  }
  return out;
}

model::Parameter parse_parameter(const std::string& text) {
  model::Parameter p;
  const auto declarator = std::min(text.find("(*"), text.find("( *"));
  if (declarator != std::string::npos) {
    p.function_pointer = true;
    p.type = text;
    // The declarator's '*', not one of the return type's ("SSL_SESSION *(*cb)(...)").
    const auto star = text.find('*', declarator);
    const auto close = text.find(')', star);
    if (close == std::string::npos) return p;  // malformed: keep the text as the type
    p.name = trim(text.substr(star + 1, close - star - 1));
    p.type = trim(text.substr(0, star + 1)) + trim(text.substr(close));
    return p;
  }
  auto toks = tokens(text);
  bool array = false;
  while (!toks.empty() && (toks.back() == "]" || toks.back() == "[" || std::isdigit(static_cast<unsigned char>(toks.back()[0])))) {
    array = true;
    toks.pop_back();
  }
  if (toks.size() >= 2 && ident_start(toks.back()[0]) && !is_type_keyword(toks.back()) &&
      !(toks[toks.size() - 2] == "struct" || toks[toks.size() - 2] == "union" || toks[toks.size() - 2] == "enum")) {
    p.name = toks.back();
    toks.pop_back();
  }
  if (array) toks.push_back("*");
  p.type = join_type(toks);
  return p;
}

std::string compact(const std::string& code);

std::string with_name(const std::string& type, const std::string& name) {
  if (name.empty()) return type;
  return type + (!type.empty() && type.back() == '*' ? "" : " ") + name;
}

std::string render(const std::string& return_type, const std::string& name,
                   const std::vector<model::Parameter>& params, bool variadic) {
  std::string args;
  for (const auto& p : params) {
    std::string one = with_name(p.type, p.name);
    if (p.function_pointer) {  // the name goes inside the declarator: "int (*cb)(SSL *)"
      one = compact(p.type);
      const auto star = one.find("(*");
      if (star != std::string::npos) one.insert(star + 2, p.name);
    }
    args += (args.empty() ? "" : ", ") + one;
  }
  if (variadic) args += args.empty() ? "..." : ", ...";
  if (args.empty()) args = "void";
  return with_name(return_type, name) + "(" + args + ");";
}

// A type as base, qualifier of the base, and one const flag per pointer level.
struct TypeShape {
  std::string base;
  bool base_const = false;
  std::vector<bool> pointer_const;
  bool operator==(const TypeShape& o) const {
    return base == o.base && base_const == o.base_const && pointer_const == o.pointer_const;
  }
};

TypeShape shape_of(const std::string& canonical) {
  TypeShape t;
  std::vector<std::string> base;
  for (const auto& tok : tokens(canonical)) {
    if (tok == "*") {
      t.pointer_const.push_back(false);
    } else if (tok == "const") {
      if (t.pointer_const.empty()) t.base_const = true;
      else t.pointer_const.back() = true;
    } else if (t.pointer_const.empty()) {
      base.push_back(tok);
    }
  }
  t.base = join_type(base);
  return t;
}

std::string render_shape(const TypeShape& t) {
  std::string out = (t.base_const ? "const " : "") + t.base + (t.pointer_const.empty() ? "" : " ");
  for (bool c : t.pointer_const) out += c ? "* const " : "*";
  return trim(out);
}

// Tokens back into C as people write it: "int (*f(SSL_CTX *ctx))(SSL *s)".
std::string compact(const std::string& code) {
  const auto toks = tokens(code);
  std::string out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::string& t = toks[i];
    const std::string prev = i ? toks[i - 1] : "";
    const bool opens_declarator = t == "(" && i + 1 < toks.size() && toks[i + 1] == "*";
    const bool no_space = out.empty() || prev == "(" || prev == "*" || t == ")" || t == "," ||
                          (t == "(" && !opens_declarator);
    if (!no_space) out += ' ';
    out += t;
  }
  return out;
}

// "#define F(a,b) ..." → 2; "#define F() ..." → 0.
std::size_t macro_parameter_count(const std::string& definition) {
  const auto open = definition.find('(');
  const auto close = definition.find(')', open);
  if (open == std::string::npos || close == std::string::npos) return 0;
  return split_top_level(definition.substr(open + 1, close - open - 1)).size();
}

}  // namespace

HeaderSource header_source_for(const std::string& impl, const std::string& project_dir) {
  HeaderSource s;
  s.name = impl;
  if (impl == "openssl") return s;
  if (impl == "boringssl") {
    s.include_dirs = {"/usr/include/android"};
  } else if (impl == "wolfssl") {
    s.include_dirs = {"/usr/include/wolfssl"};
    s.prelude = {"wolfssl/options.h"};
  } else if (impl == "reference") {
    s.include_dirs = {project_dir + "/reference/include"};
  } else if (std::filesystem::exists(impl + "/include/openssl/ssl.h")) {
    s.include_dirs = {impl + "/include"};
  } else {
    throw std::invalid_argument(impl + ": not an implementation (reference, openssl, boringssl, wolfssl) "
                                "nor a prefix holding include/openssl/ssl.h");
  }
  return s;
}

HeaderIndex HeaderIndex::parse(const std::string& preprocessed) {
  HeaderIndex index;
  std::string code;
  std::istringstream in(preprocessed);
  for (std::string line; std::getline(in, line);) {
    const std::string t = trim(line);
    if (t.rfind("#define", 0) == 0) {
      std::size_t i = 7;
      while (i < t.size() && t[i] == ' ') ++i;
      std::size_t j = i;
      while (j < t.size() && ident_char(t[j])) ++j;
      const std::string name = t.substr(i, j - i);
      if (j < t.size() && t[j] == '(') index.function_macros_[name] = t;
      else index.object_macros_[name] = trim(t.substr(j));
    } else if (t.rfind("#undef", 0) == 0) {
      const std::string name = trim(t.substr(6));
      index.object_macros_.erase(name);
      index.function_macros_.erase(name);
    } else if (!t.empty() && t[0] != '#') {
      code += line + ' ';
    }
  }
  for (const auto& raw : statements(code)) {
    const std::string st = strip_decorations(raw);
    auto toks = tokens(st);
    if (toks.empty()) continue;
    if (toks[0] == "typedef") {
      if (st.find('(') != std::string::npos || toks.size() < 3) continue;
      if (ident_start(toks.back()[0]))
        index.typedefs_.emplace(toks.back(), join_type({toks.begin() + 1, toks.end() - 1}));
      continue;
    }
    const auto open = st.find('(');
    if (open == std::string::npos) continue;
    // "int (*NAME(SSL_CTX *ctx))(SSL *, SSL_SESSION *)": returns a function pointer.
    const auto inner = tokens(st.substr(open, 200));
    if (inner.size() > 3 && inner[1] == "*" && ident_start(inner[2][0]) && inner[3] == "(") {
      index.declarations_.emplace(inner[2], st);
      continue;
    }
    std::size_t end = open;
    while (end > 0 && st[end - 1] == ' ') --end;
    std::size_t begin = end;
    while (begin > 0 && ident_char(st[begin - 1])) --begin;
    if (begin == end) continue;
    if (begin == 0) continue;  // no return type
    index.declarations_.emplace(st.substr(begin, end - begin), st);
  }
  return index;
}

std::optional<Declaration> HeaderIndex::find(const std::string& name) const {
  Declaration d;
  d.name = name;
  std::string current = name;
  for (int hop = 0; hop < 8; ++hop) {
    if (const auto it = declarations_.find(current); it != declarations_.end()) {
      const std::string& st = it->second;
      const auto first = st.find('(');
      const auto inner = tokens(st.substr(first, 200));
      const bool returns_function_pointer =
          inner.size() > 3 && inner[1] == "*" && inner[2] == current && inner[3] == "(";
      const auto at = returns_function_pointer ? st.find(current, first) : st.rfind(current, first);
      const auto open = st.find('(', at);
      const auto close = closing(st, open);
      d.declared_as = current;
      if (returns_function_pointer) {
        const auto outer = closing(st, first);
        d.return_type = trim(st.substr(0, first)) + " (*)" +
                        (outer == std::string::npos ? "" : trim(st.substr(outer + 1)));
      } else {
        d.return_type = trim(st.substr(0, at));
      }
      for (const auto& a : split_top_level(st.substr(open + 1, close - open - 1))) {
        if (a == "...") d.variadic = true;
        else if (a != "void") d.params.push_back(parse_parameter(a));
      }
      d.return_type = join_type(tokens(d.return_type));
      d.text = returns_function_pointer ? compact(st) + ";" : render(d.return_type, current, d.params, d.variadic);
      return d;
    }
    if (const auto fm = function_macros_.find(current); fm != function_macros_.end()) {
      d.declared_as = current;
      d.function_like_macro = true;
      d.macro = fm->second;
      d.text = fm->second;
      return d;
    }
    const auto om = object_macros_.find(current);
    if (om == object_macros_.end()) return std::nullopt;
    const auto body = tokens(om->second);
    if (body.size() != 1 || !ident_start(body[0][0])) return std::nullopt;
    if (d.macro.empty()) d.macro = "#define " + current + " " + body[0];
    current = body[0];
  }
  return std::nullopt;
}

std::vector<std::string> HeaderIndex::resolved_tokens(const std::string& type) const {
  std::vector<std::string> toks = tokens(type);
  for (int round = 0; round < 8; ++round) {
    std::vector<std::string> next;
    bool changed = false;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      const bool tagged = i > 0 && (toks[i - 1] == "struct" || toks[i - 1] == "union" || toks[i - 1] == "enum");
      const auto it = tagged ? typedefs_.end() : typedefs_.find(toks[i]);
      if (it == typedefs_.end()) {
        next.push_back(toks[i]);
        continue;
      }
      const auto expansion = tokens(it->second);
      next.insert(next.end(), expansion.begin(), expansion.end());
      changed = true;
    }
    toks = std::move(next);
    if (!changed) break;
  }
  return toks;
}

std::string HeaderIndex::canonical_type(const std::string& type) const {
  return render_shape(shape_of(join_type(resolved_tokens(type))));
}

std::string HeaderIndex::canonical_function_type(const std::string& type) const {
  const auto toks = resolved_tokens(type);
  std::string out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const bool before_end = i + 1 < toks.size() && (toks[i + 1] == "," || toks[i + 1] == ")");
    const bool after_type = i > 0 && (toks[i - 1] == "*" || (ident_start(toks[i - 1][0]) && toks[i - 1] != "struct" &&
                                                             toks[i - 1] != "union" && toks[i - 1] != "enum"));
    const bool parameter_name = ident_start(toks[i][0]) && !is_type_keyword(toks[i]) && before_end && after_type;
    if (parameter_name) continue;
    out += (out.empty() ? "" : " ") + toks[i];
  }
  return out;
}

std::vector<std::string> synopsis_includes(const std::vector<model::Page>& pages) {
  std::vector<std::string> out;
  for (const auto& page : pages)
    for (const auto& inc : page.synopsis.includes)
      if (std::find(out.begin(), out.end(), inc) == out.end()) out.push_back(inc);
  return out;
}

HeaderIndex read_header(const HeaderSource& source) {
  std::vector<std::string> argv{source.compiler, "-E", "-dD", "-P", "-x", "c", "-"};
  for (const auto& dir : source.include_dirs) argv.push_back("-I" + dir);
  platform::ProcessOptions options;
  options.timeout = std::chrono::milliseconds(60000);
  for (const auto& h : source.prelude) options.input += "#include <" + h + ">\n";
  for (const auto& h : source.includes) options.input += "#include <" + h + ">\n";
  for (const auto& h : source.optional_includes)
    options.input += "#if __has_include(<" + h + ">)\n#include <" + h + ">\n#endif\n";
  const auto result = platform::run_process(argv, options);
  if (!result.exited || result.exit_code != 0) {
    const std::string first = result.err.substr(0, result.err.find('\n'));
    throw std::runtime_error(source.compiler + " -E on the " + source.name + " headers failed: " +
                             (first.empty() ? "no message" : first));
  }
  return HeaderIndex::parse(result.out);
}

std::string to_string(Agreement a) {
  switch (a) {
    case Agreement::same: return "same";
    case Agreement::compatible: return "compatible";
    case Agreement::different: return "different";
    case Agreement::missing: return "missing";
  }
  return "";
}

PrototypeComparison compare(const model::Prototype& p, const HeaderIndex& header) {
  PrototypeComparison c;
  c.prototype = p;
  c.declaration = header.find(p.name);
  if (!c.declaration) {
    c.reasons.push_back("the header declares no " + p.name);
    return c;
  }
  const Declaration& d = *c.declaration;
  auto worsen = [&c](Agreement a, std::string reason) {
    if (static_cast<int>(a) > static_cast<int>(c.agreement)) c.agreement = a;
    c.reasons.push_back(std::move(reason));
  };
  c.agreement = Agreement::same;
  if (d.function_like_macro) {
    const auto macro_params = macro_parameter_count(d.macro);
    if (macro_params != p.params.size())
      worsen(Agreement::different, "the header's function-like macro takes " + std::to_string(macro_params) +
                                       " argument(s), the page " + std::to_string(p.params.size()));
    else if (!p.macro)
      worsen(Agreement::compatible, "the header has a function-like macro: the documented call works, "
                                    "but there is no function whose address could be taken");
    return c;
  }
  const auto page_ret = shape_of(header.canonical_type(p.return_type));
  const auto head_ret = shape_of(header.canonical_type(d.return_type));
  const bool function_return = p.return_type.find('(') != std::string::npos || d.return_type.find('(') != std::string::npos;
  if (function_return) {
    if (header.canonical_function_type(p.return_type) != header.canonical_function_type(d.return_type))
      worsen(Agreement::different, "return type: page " + header.canonical_function_type(p.return_type) +
                                       ", header " + header.canonical_function_type(d.return_type));
  } else if (!(page_ret == head_ret)) {
    auto widened = page_ret;
    widened.base_const = false;
    if (page_ret.base_const && !head_ret.base_const && widened == head_ret)
      worsen(Agreement::compatible, "the header returns a pointer to non-const");
    else
      worsen(Agreement::different, "return type: page " + render_shape(page_ret) + ", header " + render_shape(head_ret));
  }
  if (p.params.size() != d.params.size() || p.variadic != d.variadic) {
    worsen(Agreement::different, "the page has " + std::to_string(p.params.size()) + " parameter(s), the header " +
                                     std::to_string(d.params.size()));
    return c;
  }
  for (std::size_t i = 0; i < p.params.size(); ++i) {
    const std::string which = "parameter " + std::to_string(i + 1) + (p.params[i].name.empty() ? "" : " " + p.params[i].name);
    const auto a = parameter_agreement(p.params[i], d.params[i], header);
    if (a == Agreement::same) continue;
    if (p.params[i].type.find('(') != std::string::npos || d.params[i].type.find('(') != std::string::npos)
      worsen(a, which + ": page " + header.canonical_function_type(p.params[i].type) + ", header " +
                    header.canonical_function_type(d.params[i].type));
    else if (a == Agreement::compatible)
      worsen(a, which + ": the header adds const to the pointee");
    else
      worsen(a, which + ": page " + render_shape(shape_of(header.canonical_type(p.params[i].type))) + ", header " +
                    render_shape(shape_of(header.canonical_type(d.params[i].type))));
  }
  return c;
}

Agreement parameter_agreement(const model::Parameter& page, const model::Parameter& head, const HeaderIndex& header) {
  if (page.type.find('(') != std::string::npos || head.type.find('(') != std::string::npos)
    return header.canonical_function_type(page.type) == header.canonical_function_type(head.type) ? Agreement::same
                                                                                                  : Agreement::different;
  const auto pt = shape_of(header.canonical_type(page.type));
  const auto ht = shape_of(header.canonical_type(head.type));
  if (pt == ht) return Agreement::same;
  auto narrowed = ht;
  narrowed.base_const = false;
  if (pt.pointer_const.size() == 1 && ht.base_const && !pt.base_const && narrowed == pt) return Agreement::compatible;
  return Agreement::different;
}

std::string completed_callback_type(const std::string& page_type, const std::string& header_type,
                                    const HeaderIndex& header) {
  const auto at = std::min(page_type.find("(*"), page_type.find("( *"));
  const auto head_at = std::min(header_type.find("(*"), header_type.find("( *"));
  if (at == std::string::npos || head_at == std::string::npos) return "";
  const std::string completed = completed_type(page_type.substr(0, at), header_type.substr(0, head_at), header);
  if (completed.empty()) return "";
  const std::string whole = completed + (completed.back() == '*' ? "" : " ") + page_type.substr(at);
  return header.canonical_function_type(whole) == header.canonical_function_type(header_type) ? whole : "";
}

bool completable(const model::Prototype& p, const Declaration& d, const HeaderIndex& header) {
  if (d.function_like_macro || p.params.size() != d.params.size() || p.variadic != d.variadic) return false;
  // "EC_POINT *p[]": the page's model keeps the element type only, so an
  // array parameter would look like a missing '*'.
  if (p.text.find('[') != std::string::npos) return false;
  bool any = false;
  const bool function_return = p.return_type.find('(') != std::string::npos || d.return_type.find('(') != std::string::npos;
  if (function_return) {
    if (header.canonical_function_type(p.return_type) != header.canonical_function_type(d.return_type)) return false;
  } else if (!(shape_of(header.canonical_type(p.return_type)) == shape_of(header.canonical_type(d.return_type)))) {
    if (completed_type(p.return_type, d.return_type, header).empty()) return false;
    any = true;
  }
  for (std::size_t i = 0; i < p.params.size(); ++i) {
    const auto& pp = p.params[i];
    const auto& hp = d.params[i];
    if (parameter_agreement(pp, hp, header) != Agreement::different) continue;
    const bool written_as_name = pp.name.empty() && !hp.name.empty() && pp.type == hp.name;
    if (pp.function_pointer != hp.function_pointer && !written_as_name) return false;
    if (pp.function_pointer ? completed_callback_type(pp.type, hp.type, header).empty()
                            : completed_type(pp.type, hp.type, header).empty() && !written_as_name)
      return false;
    any = true;
  }
  return any;
}

std::string completed_type(const std::string& page_type, const std::string& header_type, const HeaderIndex& header) {
  const auto page = shape_of(header.canonical_type(page_type));
  const auto head = shape_of(header.canonical_type(header_type));
  if (page == head || page.base != head.base || page.pointer_const.size() > head.pointer_const.size()) return "";
  if (page.base_const && !head.base_const) return "";
  for (std::size_t i = 0; i < page.pointer_const.size(); ++i)
    if (page.pointer_const[i] && !head.pointer_const[i]) return "";
  auto completed = head;
  completed.base = shape_of(page_type).base;  // the page's spelling: SSL_CTX, not struct ssl_ctx_st
  return render_shape(completed);
}

std::size_t HeaderReport::count(Agreement a) const {
  return static_cast<std::size_t>(std::count_if(comparisons.begin(), comparisons.end(),
                                                [a](const PrototypeComparison& c) { return c.agreement == a; }));
}

HeaderReport compare_pages_with_header(const std::vector<model::Page>& pages, const HeaderIndex& header,
                                       const std::string& implementation) {
  HeaderReport r;
  r.implementation = implementation;
  for (const auto& page : pages)
    for (const auto& p : page.synopsis.prototypes) {
      auto c = compare(p, header);
      c.page = page.title;
      r.comparisons.push_back(std::move(c));
    }
  return r;
}

namespace {

Agreement agreement_from_probe(const std::string& status) {
  if (status == "documented") return Agreement::same;
  if (status == "compatible") return Agreement::compatible;
  if (status == "unchecked") return Agreement::compatible;  // declared; types not compared (the detail says why)
  if (status == "different") return Agreement::different;
  return Agreement::missing;
}

PrototypeComparison comparison_from_probe(const std::string& name, const nlohmann::json& probe,
                                          const model::Prototype* documented) {
  PrototypeComparison c;
  if (documented != nullptr) c.prototype = *documented;
  c.prototype.name = name;
  if (c.prototype.text.empty()) c.prototype.text = probe.value("documented", "");
  c.agreement = agreement_from_probe(probe.value("status", ""));
  const std::string actual = probe.value("actual", "");
  if (c.agreement != Agreement::missing && !actual.empty()) {
    Declaration d;
    d.name = name;
    d.declared_as = probe.value("resolves_to", name);
    d.function_like_macro = probe.value("macro", false);
    if (d.function_like_macro) d.macro = actual;
    d.text = actual;
    c.declaration = d;
  }
  if (c.agreement == Agreement::missing) c.reasons.push_back("the header declares no " + name);
  const std::string detail = probe.value("detail", "");
  if (!detail.empty()) c.reasons.push_back(detail);
  if (c.agreement == Agreement::different && detail.empty()) c.reasons.push_back("not callable as documented");
  return c;
}

}  // namespace

HeaderReport header_report_from_probes(const nlohmann::json& probes, const std::string& origin,
                                       const std::vector<model::Page>& pages, const std::string& implementation) {
  if (!probes.is_object() || probes.value("schema", 0) != 1 || !probes.contains("functions") ||
      !probes["functions"].is_object())
    throw model::InputError({origin, 1}, "not a schema 1 probes file (needs \"schema\": 1 and a \"functions\" object)");
  if (probes.contains("error") && probes["error"].is_string())
    throw std::runtime_error(origin + ": the suite's probes failed: " + probes["error"].get<std::string>());
  HeaderReport r;
  r.implementation = implementation;
  std::set<std::string> seen;
  for (const auto& page : pages)
    for (const auto& p : page.synopsis.prototypes) {
      const auto it = probes["functions"].find(p.name);
      if (it == probes["functions"].end() || !it->is_object() || !seen.insert(p.name).second) continue;
      auto c = comparison_from_probe(p.name, *it, &p);
      c.page = page.title;
      r.comparisons.push_back(std::move(c));
    }
  for (const auto& [name, probe] : probes["functions"].items())
    if (probe.is_object() && !seen.count(name)) r.comparisons.push_back(comparison_from_probe(name, probe, nullptr));
  return r;
}

HeaderReport header_report_from_probes_file(const std::string& path, const std::vector<model::Page>& pages,
                                            const std::string& implementation) {
  std::ifstream in(path);
  if (!in) throw model::InputError({path, 0}, "cannot read the probes file");
  const auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw model::InputError({path, 1}, "not valid JSON");
  return header_report_from_probes(j, path, pages, implementation);
}

std::string to_text(const HeaderReport& r) {
  std::ostringstream out;
  for (const auto& c : r.comparisons) {
    out << (c.prototype.loc.file.empty() ? r.implementation : c.prototype.loc.str()) << ": " << c.prototype.name << ": " << to_string(c.agreement) << ": page \""
        << c.prototype.text << "\"";
    if (c.declaration) {
      out << "; " << r.implementation << " \"" << c.declaration->text << "\"";
      if (!c.declaration->macro.empty() && !c.declaration->function_like_macro) out << " via " << c.declaration->macro;
    }
    if (c.agreement != Agreement::same && !c.reasons.empty()) {
      out << " (";
      for (std::size_t i = 0; i < c.reasons.size(); ++i) out << (i ? "; " : "") << c.reasons[i];
      out << ")";
    }
    out << "\n";
  }
  out << r.implementation << ": " << r.count(Agreement::same) << " same, " << r.count(Agreement::compatible)
      << " compatible, " << r.count(Agreement::different) << " different, " << r.count(Agreement::missing)
      << " missing\n";
  return out.str();
}

nlohmann::json to_json(const HeaderReport& r) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : r.comparisons) {
    nlohmann::json j{{"page", c.page},
                     {"function", c.prototype.name},
                     {"source", c.prototype.loc.str()},
                     {"agreement", to_string(c.agreement)},
                     {"page_declaration", c.prototype.text},
                     {"header_declaration", c.declaration ? c.declaration->text : ""},
                     {"macro", c.declaration ? c.declaration->macro : ""},
                     {"reasons", c.reasons}};
    items.push_back(j);
  }
  return {{"implementation", r.implementation},
          {"prototypes", items},
          {"totals",
           {{"same", r.count(Agreement::same)},
            {"compatible", r.count(Agreement::compatible)},
            {"different", r.count(Agreement::different)},
            {"missing", r.count(Agreement::missing)}}}};
}

}  // namespace sslconf::crosscheck
