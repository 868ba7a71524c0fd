#include "gen/probe.hpp"

#include "platform/process.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace sslconf::gen {

std::string cut(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

namespace {

struct Prototype {
  std::string function;
  std::string name;  // what to use in code: the function, or an object-like macro's target
  std::string return_type;
  std::vector<std::string> params;
  std::string declaration;
  bool variadic = false;
  bool function_macro = false;
  std::string macro_definition;
  bool constant_macro = false;   // an object-like macro naming no identifier (a value)
  bool documented_macro = false; // the page writes "#define NAME(args)"
  int documented_arity = 0;
  int macro_arity = -1;          // the headers' function-like macro's parameter count
  std::string page;
  // A function type with an empty parameter list in the page's types
  // ("void (*callback)()"): C reads it as parameters left unspecified, the
  // C++ probe would read it as none, so the types are not compared.
  bool unspecified_params = false;
};

Prototype named(const std::string& function) {
  Prototype p;
  p.function = p.name = function;
  return p;
}

struct MacroDef {
  bool function = false;
  int arity = 0;
  std::string line;
};
using MacroDefs = std::map<std::string, MacroDef>;

std::vector<std::string> documented_params(const nlohmann::json& p) {
  std::vector<std::string> types;
  if (!p.contains("params") || !p["params"].is_array()) return types;
  for (const auto& param : p["params"]) {
    const std::string t = param.is_object() ? param.value("type", "") : param.get<std::string>();
    if (t == "..." || t.empty()) continue;
    types.push_back(t);
  }
  if (types.size() == 1 && types[0] == "void") types.clear();
  return types;
}

// One prototype per function: the first SYNOPSIS line naming it.
std::vector<Prototype> prototypes(const nlohmann::json& catalogue, std::vector<std::string>& includes) {
  std::vector<Prototype> out;
  std::map<std::string, bool> seen;
  includes = {"openssl/ssl.h"};
  for (const auto& c : catalogue["claims"]) {
    if (c.value("kind", "") != "prototype" || c["functions"].empty()) continue;
    const std::string fn = c["functions"][0].get<std::string>();
    if (seen[fn]) continue;
    seen[fn] = true;
    const auto p = c.value("params", nlohmann::json::object());
    Prototype proto = named(fn);
    proto.return_type = p.value("return_type", "int");
    proto.params = documented_params(p);
    proto.declaration = p.value("declaration", c.value("text", ""));
    proto.variadic = p.value("variadic", false);
    static const std::regex empty_list(R"(\)\s*\(\s*\))");
    proto.unspecified_params = std::regex_search(proto.declaration, empty_list);
    proto.page = c.value("page", "");
    if (p.value("macro", false) || proto.declaration.rfind("#define", 0) == 0) {
      proto.documented_macro = true;
      proto.documented_arity = p.contains("params") && p["params"].is_array() ? static_cast<int>(p["params"].size()) : 0;
    }
    out.push_back(proto);
    const std::string inc = p.value("include", "");
    if (!inc.empty() && std::find(includes.begin(), includes.end(), inc) == includes.end()) includes.push_back(inc);
  }
  return out;
}

// The folders the flags name with -I that hold openssl/ssl.h: the
// implementation's own headers. Empty when it lives in the compiler's
// default folders (the system OpenSSL).
std::vector<fs::path> own_include_dirs(const Compiler& c) {
  std::vector<fs::path> dirs;
  for (std::size_t i = 0; i < c.flags.size(); ++i) {
    std::string dir;
    if (c.flags[i] == "-I" && i + 1 < c.flags.size()) dir = c.flags[i + 1];
    else if (c.flags[i].rfind("-I", 0) == 0) dir = c.flags[i].substr(2);
    if (!dir.empty() && fs::exists(fs::path(dir) / "openssl/ssl.h")) dirs.emplace_back(dir);
  }
  return dirs;
}

// Pages may name headers an implementation lacks (the reference's own test
// hooks, libcrypto headers a small library does not ship): their functions
// are then absent, not the whole probe broken. Where the implementation has
// include folders of its own, a header is taken only from them: one found
// in the system folders instead belongs to another library, and mixing the
// two breaks every declaration.
std::string prelude(const std::vector<std::string>& includes, const std::vector<fs::path>& own_dirs) {
  std::string s;
  for (const auto& i : includes) {
    if (own_dirs.empty()) {
      s += "#if __has_include(<" + i + ">)\n#include <" + i + ">\n#endif\n";
      continue;
    }
    const bool owned = std::any_of(own_dirs.begin(), own_dirs.end(), [&](const fs::path& d) { return fs::exists(d / i); });
    if (owned) s += "#include <" + i + ">\n";
  }
  return s;
}

platform::ProcessResult compile(const Compiler& c, std::vector<std::string> extra, bool warnings = false) {
  std::vector<std::string> argv{c.cxx, "-std=c++17", warnings ? "-Wdeprecated-declarations" : "-w"};
  argv.insert(argv.end(), c.flags.begin(), c.flags.end());
  argv.insert(argv.end(), extra.begin(), extra.end());
  platform::ProcessOptions o;
  o.timeout = std::chrono::minutes(2);
  return platform::run_process(argv, o);
}

// Macro definitions of the headers, with `extra` flags (-D...) added.
MacroDefs macros(const Compiler& c, const std::string& headers, std::vector<std::string> extra = {}) {
  MacroDefs m;
  extra.insert(extra.end(), {"-E", "-dM", "-x", "c++", headers});
  const auto r = compile(c, extra);
  std::istringstream in(r.out);
  std::string line;
  static const std::regex def(R"(#define ([A-Za-z_][A-Za-z0-9_]*)(\(([^)]*)\))?(.*))");
  std::smatch mt;
  while (std::getline(in, line)) {
    if (!std::regex_match(line, mt, def)) continue;
    MacroDef d{mt[2].matched, 0, line};
    const std::string params = mt[3];
    if (d.function && params.find_first_not_of(" ") != std::string::npos)
      d.arity = static_cast<int>(std::count(params.begin(), params.end(), ',')) + 1;
    m[mt[1]] = d;
  }
  return m;
}

void resolve_macros(std::vector<Prototype>& protos, const MacroDefs& defs) {
  static const std::regex alias_body(R"(#define [A-Za-z_][A-Za-z0-9_]* +([A-Za-z_][A-Za-z0-9_]*) *)");
  for (auto& p : protos) {
    for (int hop = 0; hop < 5; ++hop) {
      const auto it = defs.find(p.name);
      if (it == defs.end()) break;
      if (it->second.function) {
        p.function_macro = true;
        p.macro_definition = it->second.line;
        p.macro_arity = it->second.arity;
        break;
      }
      std::smatch m;
      if (!std::regex_match(it->second.line, m, alias_body)) {
        p.constant_macro = true;
        p.macro_definition = it->second.line;
        break;
      }
      p.name = m[1];
    }
  }
}

// Drops every `__attribute__((...))` with its whole, balanced argument list
// (AWS-LC's visibility("default") holds parentheses of its own).
std::string without_attributes(std::string decl) {
  static const std::string keyword = "__attribute__";
  for (auto at = decl.find(keyword); at != std::string::npos; at = decl.find(keyword, at)) {
    auto end = decl.find_first_not_of(" \t\n", at + keyword.size());
    if (end == std::string::npos || decl[end] != '(') {
      at += keyword.size();
      continue;
    }
    int depth = 0;
    for (; end < decl.size(); ++end) {
      if (decl[end] == '(') ++depth;
      if (decl[end] == ')' && --depth == 0) break;
    }
    decl.erase(at, end < decl.size() ? end + 1 - at : std::string::npos);
  }
  return decl;
}

// The library's own declaration of `name`, read from the preprocessed
// headers: from the end of the previous declaration to the semicolon.
std::string actual_declaration(const std::string& text, const std::string& name) {
  const std::regex call("[\\s\\*]" + name + "\\s*\\(");
  std::smatch m;
  if (!std::regex_search(text, m, call)) return "";
  const auto at = static_cast<std::size_t>(m.position(0)) + 1;
  const auto start = text.find_last_of(";}", at);
  const auto end = text.find(';', at);
  std::string decl = text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1));
  decl = without_attributes(decl);
  decl = std::regex_replace(decl, std::regex(R"(extern\s+"C"\s*\{?|\bextern\b)"), "");
  decl = std::regex_replace(decl, std::regex(R"(\s+)"), " ");
  decl = std::regex_replace(decl, std::regex(R"(^ | $)"), "");
  return decl.empty() ? "" : decl + ";";
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string type_aliases(const Prototype& p, const std::string& ns) {
  std::string s = "namespace " + ns + " {\nusing R = " + p.return_type + ";\n";
  std::vector<std::string> args;
  for (std::size_t i = 0; i < p.params.size(); ++i) {
    s += "using A" + std::to_string(i) + " = " + p.params[i] + ";\n";
    args.push_back("A" + std::to_string(i));
  }
  s += "using Pointer = R (*)(" + join(args, ", ") + (p.variadic ? (args.empty() ? "..." : ", ...") : "") + ");\n}\n";
  return s;
}

std::string declvals(const Prototype& p, const std::string& ns) {
  std::vector<std::string> v;
  for (std::size_t i = 0; i < p.params.size(); ++i) v.push_back("std::declval<" + ns + "::A" + std::to_string(i) + ">()");
  return join(v, ", ");
}

// Presence: any arity at which a call resolves to something other than the
// fallback. Never fails to compile.
// A template, so that a real function wins every tie (even a call with no
// arguments); C variadic, so that it loses to any real match. Declared once
// per name: two documented functions may resolve to one (an alias macro).
std::string fallback(const Prototype& p) {
  if (p.function_macro || p.constant_macro) return "";
  return "namespace sslconf_fallback { template <class = void> sslconf_probe::Absent " + p.name + "(...); }\n";
}

std::string presence_block(const Prototype& p, std::size_t i) {
  const std::string id = std::to_string(i);
  if (p.function_macro || p.constant_macro)
    return "constexpr bool present_" + id + " = true;\nconstexpr int void_" + id + " = -1;\n";
  std::string s;
  std::string any;
  std::string present = "false", is_void = "-1";
  for (int arity = 8; arity >= 0; --arity) {
    any.clear();
    for (int k = 0; k < arity; ++k) any += std::string(k ? ", " : "") + "sslconf_probe::Any{}";
    const std::string call = "decltype(" + p.name + "(" + any + "))";
    present = "(!std::is_same_v<" + call + ", sslconf_probe::Absent>) || " + present;
    is_void = "(!std::is_same_v<" + call + ", sslconf_probe::Absent> ? (std::is_void_v<" + call + "> ? 1 : 0) : " + is_void + ")";
  }
  s += "constexpr bool present_" + id + " = " + present + ";\n";
  s += "constexpr int void_" + id + " = " + is_void + ";\n";
  return s;
}

// How the declaration compares with the page. May fail to compile when the
// page names types the headers lack; then it is left out.
std::string type_block(const Prototype& p, std::size_t i) {
  const std::string id = std::to_string(i), ns = "sslconf_doc_" + id;
  std::string s = "using call_" + id + " = decltype(" + p.name + "(" + declvals(p, ns) + "));\n";
  if (p.function_macro) {
    s += "constexpr bool exact_" + id + " = false;\n";
  } else {
    s += "template <class P, class = void> struct exact_t_" + id + " : std::false_type {};\n";
    s += "template <class P> struct exact_t_" + id + "<P, std::void_t<decltype(static_cast<P>(&" + p.name +
         "))>> : std::true_type {};\n";
    s += "constexpr bool exact_" + id + " = exact_t_" + id + "<" + ns + "::Pointer>::value;\n";
  }
  s += "constexpr bool callable_" + id + " = !std::is_same_v<call_" + id + ", sslconf_probe::Absent>;\n";
  // A function-like macro has no declared type: what a caller meets is the
  // conversion of its result, so convertible counts as the same return; a
  // caller of a documented void call can only discard the result.
  s += "constexpr bool same_return_" + id + " = " +
       (p.function_macro ? "std::is_void_v<" + ns + "::R> || std::is_convertible_v<call_" + id + ", " + ns + "::R>"
                         : "std::is_same_v<call_" + id + ", " + ns + "::R>") +
       ";\n";
  return s;
}

// A function-like macro that expands to a statement (a loop doing nothing,
// a block) has no type at all: what a caller of a documented void call
// writes is a statement, so that is what is compiled, in a function never
// called.
std::string statement_block(const Prototype& p, std::size_t i) {
  const std::string id = std::to_string(i), ns = "sslconf_doc_" + id;
  std::string s;
  std::vector<std::string> params, args;
  for (std::size_t k = 0; k < p.params.size(); ++k) {
    params.push_back(ns + "::A" + std::to_string(k) + " a" + std::to_string(k));
    args.push_back("a" + std::to_string(k));
  }
  s += "[[maybe_unused]] void statement_" + id + "(" + join(params, ", ") + ") { " + p.name + "(" + join(args, ", ") + "); }\n";
  s += "constexpr bool exact_" + id + " = false;\nconstexpr bool callable_" + id + " = true;\n";
  s += "constexpr bool same_return_" + id + " = std::is_void_v<" + ns + "::R>;\n";
  return s;
}

const char* const kProbeSupport = R"(#include <cstdio>
#include <type_traits>
#include <utility>
namespace sslconf_probe {
struct Absent {};
// Converts to any parameter type; only ever used unevaluated.
struct Any { template <class T> operator T() const; };
}
namespace sslconf_fallback {}
)";

// The probe source, and for each of its lines the prototype it belongs to
// (-1: shared lines), so that a compiler error can be laid at the door of
// the one declaration that caused it.
struct Program {
  std::string text;
  std::vector<int> owner;  // owner[line - 1]
};

void append(Program& p, const std::string& text, int owner) {
  p.text += text;
  p.owner.insert(p.owner.end(), static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), owner);
}

// How a prototype is compared with the page: not at all (presence only), as
// an expression of the documented types, or as a statement.
enum class Typed { no, expression, statement };

Program program(const std::string& headers, const std::vector<Prototype>& protos, const std::vector<Typed>& typed,
                const std::vector<bool>& skipped) {
  Program prog;
  append(prog, headers + kProbeSupport, -1);
  std::set<std::string> declared;
  for (std::size_t i = 0; i < protos.size(); ++i)
    if (!skipped[i] && declared.insert(protos[i].name).second) append(prog, fallback(protos[i]), static_cast<int>(i));
  std::string body = "int main() {\n";
  for (std::size_t i = 0; i < protos.size(); ++i) {
    if (skipped[i]) continue;
    const std::string id = std::to_string(i), ns = "sslconf_call_" + id + "::";
    // The page's types are named outside the fallbacks' reach (a fallback
    // sharing a name with a typedef would make the type ambiguous); the
    // calls inside it.
    if (typed[i] != Typed::no) append(prog, type_aliases(protos[i], "sslconf_doc_" + id), static_cast<int>(i));
    append(prog, "// " + protos[i].function + "\nnamespace sslconf_call_" + id + " {\nusing namespace sslconf_fallback;\n" +
                     presence_block(protos[i], i), static_cast<int>(i));
    if (typed[i] != Typed::no) {
      append(prog, typed[i] == Typed::statement ? statement_block(protos[i], i) : type_block(protos[i], i),
             static_cast<int>(i));
      body += "  std::printf(\"%d %d %d %d %d %d\\n\", " + id + ", " + ns + "present_" + id + ", " + ns + "void_" + id + ", " +
              ns + "exact_" + id + ", " + ns + "callable_" + id + ", " + ns + "same_return_" + id + ");\n";
    } else {
      body += "  std::printf(\"%d %d %d -1 -1 -1\\n\", " + id + ", " + ns + "present_" + id + ", " + ns + "void_" + id + ");\n";
    }
    append(prog, "}\n", static_cast<int>(i));
  }
  append(prog, body + "  return 0;\n}\n", -1);
  return prog;
}

std::string first_error(const std::string& err) {
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line))
    if (line.find("error") != std::string::npos) return cut(line, 200);
  return "the documented declaration does not compile against these headers";
}

// The prototypes the compiler's errors point at (`<src>:<line>:`), with the
// first error of each; `unattributed` is set when an error lies elsewhere
// (in the headers, or in shared lines).
std::map<int, std::string> blame(const std::string& err, const std::string& src, const Program& prog,
                                 bool& unattributed) {
  std::map<int, std::string> blamed;
  unattributed = false;
  const auto owner_of = [&](const std::string& line) {
    const std::size_t n = std::strtoul(line.c_str() + src.size() + 1, nullptr, 10);
    return n >= 1 && n <= prog.owner.size() ? prog.owner[n - 1] : -1;
  };
  // An error inside a header's macro is followed by the note that names
  // the probe's line the macro was expanded on: that line owns it.
  std::string pending;
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line)) {
    const bool ours = line.rfind(src + ":", 0) == 0;
    if (!pending.empty() && ours && line.find("note: in expansion of macro") != std::string::npos) {
      const int owner = owner_of(line);
      if (owner >= 0) {
        if (!blamed.count(owner)) blamed[owner] = cut(pending, 200);
        pending.clear();
        continue;
      }
    }
    if (line.find("error") == std::string::npos) continue;
    if (!pending.empty()) unattributed = true;
    pending.clear();
    if (!ours) {
      pending = line;
      continue;
    }
    const int owner = owner_of(line);
    if (owner < 0) {
      unattributed = true;
      continue;
    }
    if (!blamed.count(owner)) blamed[owner] = cut(fs::path(src).filename().string() + line.substr(src.size()), 200);
  }
  if (!pending.empty()) unattributed = true;
  return blamed;
}

// The subjects of the claims of `kinds`, as Prototype entries so that
// macros resolve the same way.
std::vector<Prototype> names_of(const nlohmann::json& catalogue, const std::set<std::string>& kinds) {
  std::vector<Prototype> out;
  std::set<std::string> seen;
  for (const auto& c : catalogue["claims"]) {
    if (!kinds.count(c.value("kind", "")) || c["functions"].empty()) continue;
    const std::string fn = c["functions"][0].get<std::string>();
    if (seen.insert(fn).second) out.push_back(named(fn));
  }
  return out;
}

// The source line of each diagnostic of `kind` ("error", "warning") that the
// compiler reports in `src`.
std::map<std::size_t, std::string> diagnostics(const std::string& err, const std::string& src, const std::string& kind) {
  std::map<std::size_t, std::string> at;
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(src + ":", 0) != 0 || line.find(" " + kind + ": ") == std::string::npos) continue;
    const std::size_t n = std::strtoul(line.c_str() + src.size() + 1, nullptr, 10);
    if (!at.count(n)) at[n] = cut(line.substr(src.size() + 1), 200);
  }
  return at;
}

// The identifiers a macro's expansion uses, following function-like macros
// a few levels down: the calls a use of the macro really makes.
std::vector<std::string> expansion_names(const std::string& definition, const MacroDefs& defs, int depth = 0) {
  static const std::regex head(R"(#define [A-Za-z_][A-Za-z0-9_]*(\([^)]*\))?)");
  static const std::regex ident("[A-Za-z_][A-Za-z0-9_]*");
  std::smatch h;
  std::string body = std::regex_search(definition, h, head) ? h.suffix().str() : definition;
  std::set<std::string> params;
  if (h.size() > 1 && h[1].matched)
    for (std::sregex_iterator it(h[1].first, h[1].second, ident), end; it != end; ++it) params.insert(it->str());
  std::vector<std::string> out;
  for (std::sregex_iterator it(body.begin(), body.end(), ident), end; it != end; ++it) {
    const std::string name = it->str();
    if (params.count(name) || name == "NULL" || name == "sizeof" || name == "while" || name == "continue" ||
        name == "do" || name == "void" || name == "const" || name == "char" || name == "int" || name == "long")
      continue;
    const auto d = defs.find(name);
    if (d == defs.end()) {
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    } else if (d->second.function && depth < 3) {
      for (const auto& n : expansion_names(d->second.line, defs, depth + 1))
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
  }
  return out;
}

// For each name used on a line of its own: the compiler's deprecation
// warning (empty: none), or nullopt when the use does not compile. A
// compiler shows the mark only as a warning where the name is used, so the
// warnings are laid at their lines; names that do not compile are dropped
// and the rest compiled again.
std::map<std::string, std::optional<std::string>> use_warnings(const std::string& headers, std::vector<std::string> used,
                                                               const Compiler& c) {
  std::map<std::string, std::optional<std::string>> out;
  const fs::path src = fs::path(c.work_dir) / "deprecated.cpp";
  for (int round = 0; round < 6 && !used.empty(); ++round) {
    std::string text = headers + "void sslconf_uses_each_name() {\n";
    const auto first = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const auto& n : used) text += "  (void)&" + n + ";\n";
    text += "}\n";
    std::ofstream(src) << text;
    const auto r = compile(c, {"-fsyntax-only", src.string()}, true);
    const auto errors = diagnostics(r.err, src.string(), "error");
    if (!errors.empty()) {
      std::vector<std::string> kept;
      for (std::size_t i = 0; i < used.size(); ++i) {
        if (errors.count(first + i)) out[used[i]] = std::nullopt;
        else kept.push_back(used[i]);
      }
      if (kept.size() == used.size()) break;  // errors elsewhere: no verdict for the rest
      used = kept;
      continue;
    }
    const auto warnings = diagnostics(r.err, src.string(), "warning");
    for (std::size_t i = 0; i < used.size(); ++i) {
      const auto w = warnings.find(first + i);
      const bool marked = w != warnings.end() && w->second.find("deprecated") != std::string::npos;
      out[used[i]] = marked ? w->second.substr(w->second.find("warning: ") + 9) : std::string();
    }
    used.clear();
  }
  for (const auto& n : used) out[n] = std::nullopt;
  return out;
}

// What the headers look like with the deprecated API switched off
// (OPENSSL_NO_DEPRECATED for OpenSSL 3, OPENSSL_API_COMPAT for 1.1): a name
// they then drop is deprecated by the headers' own configuration, the only
// mark a macro can carry. `honoured` is false when the switch changes
// nothing (a family without it): no verdict from it then.
struct WithoutDeprecated {
  bool honoured = false;
  MacroDefs defs;
  std::string text;  // preprocessed
  std::string flags;
};

WithoutDeprecated without_deprecated(const Compiler& c, const std::string& header_src, const MacroDefs& defs) {
  WithoutDeprecated w;
  const std::vector<std::string> flags{"-DOPENSSL_NO_DEPRECATED", "-DOPENSSL_API_COMPAT=0x30000000L"};
  w.flags = join(flags, " ");
  w.defs = macros(c, header_src, flags);
  w.honoured = !w.defs.empty() &&
               std::any_of(defs.begin(), defs.end(), [&](const auto& d) { return !w.defs.count(d.first); });
  if (!w.honoured) return w;
  auto args = flags;
  args.insert(args.end(), {"-E", "-P", "-x", "c++", header_src});
  w.text = compile(c, args).out;
  return w;
}

nlohmann::json deprecation_marks(const std::string& headers, const std::vector<Prototype>& names, const MacroDefs& defs,
                                 const WithoutDeprecated& nodep, const Compiler& c) {
  nlohmann::json out = nlohmann::json::object();
  std::vector<std::string> used;
  std::map<std::string, std::vector<std::string>> uses;  // documented name → what a use of it calls
  for (const auto& p : names) {
    auto& u = uses[p.function];
    if (p.function_macro || p.constant_macro) u = expansion_names(p.macro_definition, defs);
    else u = {p.name};
    for (const auto& n : u)
      if (std::find(used.begin(), used.end(), n) == used.end()) used.push_back(n);
  }
  const auto warned = use_warnings(headers, used, c);
  for (const auto& p : names) {
    const bool macro = p.function_macro || p.constant_macro || p.name != p.function;
    const std::string shape = p.function_macro || p.constant_macro ? p.macro_definition : "#define " + p.function + " " + p.name;
    const auto direct = warned.find(p.name);
    if (!macro && direct != warned.end() && !direct->second) {
      out[p.function] = {{"marked", nullptr}, {"declared", false}, {"detail", "not declared by the headers the pages name"}};
      continue;
    }
    // The headers drop the name when the deprecated API is switched off.
    const bool gone = nodep.honoured && !nodep.defs.count(p.function) &&
                      (defs.count(p.function) || actual_declaration(nodep.text, p.function).empty());
    std::string mark, plain;
    for (const auto& n : uses[p.function]) {
      const auto w = warned.find(n);
      if (w == warned.end() || !w->second) continue;
      if (!w->second->empty() && mark.empty()) mark = n == p.function ? *w->second : "a use expands to " + n + ": " + *w->second;
      if (w->second->empty() && plain.empty()) plain = n;
    }
    if (!mark.empty()) {
      out[p.function] = {{"marked", true}, {"detail", "the compiler warns: " + mark}};
    } else if (gone) {
      out[p.function] = {{"marked", true},
                         {"detail", p.function + " is no longer declared when " + nodep.flags + " is defined"}};
    } else if (!macro && !plain.empty()) {
      out[p.function] = {{"marked", false}, {"detail", "the compiler gives no deprecation warning for a use of " + p.function}};
    } else if (macro && !plain.empty() && nodep.honoured) {
      out[p.function] = {{"marked", false},
                         {"detail", p.function + " is a macro (" + shape + ") still defined with " + nodep.flags +
                                        ", and its expansion's " + plain + " carries no deprecation mark"}};
    } else if (macro) {
      out[p.function] = {{"marked", nullptr},
                         {"detail", p.function + " is a macro (" + shape + "): a macro carries no deprecation mark a compiler shows"}};
    } else {
      out[p.function] = {{"marked", nullptr}, {"detail", "the use of " + p.function + " did not compile against these headers"}};
    }
  }
  return out;
}

std::string status_of(bool present, int exact, int callable, int same_return) {
  if (!present) return "absent";
  if (exact == 1) return "documented";
  if (callable == 1 && same_return == 1) return "compatible";
  return "different";
}

// A SYNOPSIS "#define NAME(args)" (a macro the page documents as a macro):
// the headers define it with as many parameters, or not.
nlohmann::json documented_macro_entry(const Prototype& p, const MacroDefs& defs) {
  const auto it = defs.find(p.function);
  nlohmann::json e = {{"documented", p.declaration}, {"macro", true}, {"returns_void", nullptr}};
  if (it == defs.end()) {
    e["status"] = "absent";
    e["actual"] = "";
    e["detail"] = "no macro " + p.function + " in the headers the pages include";
    return e;
  }
  e["actual"] = it->second.line;
  const int arity = it->second.function ? it->second.arity : -1;
  if (arity == p.documented_arity) {
    e["status"] = "documented";
    e["detail"] = "a function-like macro of " + std::to_string(arity) + " parameters, as documented";
  } else {
    e["status"] = "different";
    e["detail"] = it->second.function ? "a macro of " + std::to_string(arity) + " parameters (page: " +
                                            std::to_string(p.documented_arity) + ")"
                                      : "an object-like macro (page: a macro of " + std::to_string(p.documented_arity) +
                                            " parameters)";
  }
  return e;
}

// "The return type of X() was changed to int in OpenSSL 3.0", "... became
// uint64_t in OpenSSL 3.0": a HISTORY line that says a declaration's types
// changed in a release. The prototypes it speaks of (those it names, else
// those of its page that spell the new type) are compared as written only
// on libraries of that release or later; the probe records the release.
struct TypeChange {
  std::string page, type, release, text;
  std::vector<std::string> functions;
};

std::vector<TypeChange> type_changes(const nlohmann::json& catalogue) {
  static const std::regex changed(
      R"(\b(?:became|become|becomes|changed to|changed into)\s+(?:the\s+|an?\s+)?(?:type\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:\s+type)?\s+(?:in|from|since|as of)\s+(?:OpenSSL\s+)?(\d+\.\d+(?:\.\d+)?[a-z]?))",
      std::regex::icase);
  std::vector<TypeChange> out;
  for (const auto& c : catalogue["claims"]) {
    if (c.value("section", "") != "HISTORY") continue;
    const std::string text = c.value("text", "");
    std::smatch m;
    if (!std::regex_search(text, m, changed)) continue;
    TypeChange t{c.value("page", ""), m[1], m[2], text, {}};
    for (const auto& f : c.value("functions", nlohmann::json::array()))
      if (f.is_string() && text.find(f.get<std::string>()) != std::string::npos) t.functions.push_back(f.get<std::string>());
    out.push_back(t);
  }
  return out;
}

void mark_type_changes(const nlohmann::json& catalogue, const std::vector<Prototype>& protos, nlohmann::json& functions) {
  for (const auto& t : type_changes(catalogue)) {
    const std::regex word("\\b" + t.type + "\\b");
    for (const auto& p : protos) {
      if (!functions.contains(p.function) || p.page != t.page) continue;
      const bool named = std::find(t.functions.begin(), t.functions.end(), p.function) != t.functions.end();
      if (!named && !(t.functions.empty() && std::regex_search(p.declaration, word))) continue;
      functions[p.function]["changed"] = {{"release", t.release}, {"text", t.text}};
    }
  }
}

// Integer constants the claims name (SSL_SESS_CACHE_SERVER, TLS1_3_VERSION,
// SSL_MAX_SID_CTX_LENGTH): every upper-case name with an underscore in a
// claim's text or string params that is not written as a call.
std::vector<std::string> constant_names(const nlohmann::json& catalogue) {
  static const std::regex name(R"(\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b(?!\s*\())");
  std::set<std::string> seen;
  std::vector<std::string> out;
  std::function<void(const nlohmann::json&)> scan = [&](const nlohmann::json& j) {
    if (j.is_string()) {
      const std::string s = j.get<std::string>();
      for (std::sregex_iterator it(s.begin(), s.end(), name), end; it != end; ++it)
        if (seen.insert(it->str()).second) out.push_back(it->str());
    } else if (j.is_structured()) {
      for (const auto& v : j) scan(v);
    }
  };
  for (const auto& c : catalogue["claims"]) {
    if (c.value("kind", "") == "prototype" || c.value("kind", "") == "template") continue;
    scan(c.value("text", ""));
    scan(c.value("params", nlohmann::json::object()));
  }
  return out;
}

const char* const kConstantSupport = R"(#include <cstdio>
#include <type_traits>
namespace sslconf_probe {
struct Absent {};
template <class T> void show(int i, const T& v) {
  if constexpr (std::is_same_v<T, Absent>) {
    std::printf("%d absent\n", i);
  } else if constexpr (std::is_enum_v<T>) {
    std::printf("%d value %lld\n", i, static_cast<long long>(v));
  } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
    std::printf("%d value %lld\n", i, static_cast<long long>(v));
  } else if constexpr (std::is_integral_v<T>) {
    std::printf("%d value %lld\n", i, static_cast<long long>(static_cast<unsigned long long>(v)));
  } else {
    std::printf("%d other\n", i);
  }
}
}
namespace sslconf_fallback {}
using namespace sslconf_fallback;
)";

// The value of each name as the headers define it, from one program: a
// macro is used as written; any other name through `::NAME`, which finds
// the headers' own declaration (an enumerator) before the fallback that
// says "absent". A name that is no value (a type, a function-like macro)
// fails to compile on its own line and is dropped.
nlohmann::json constant_values(const std::string& headers, const std::vector<std::string>& names, const MacroDefs& defs,
                               const Compiler& c) {
  nlohmann::json out = nlohmann::json::object();
  std::vector<std::string> tried;
  for (const auto& n : names) {
    const auto d = defs.find(n);
    if (d != defs.end() && d->second.function) {
      out[n] = {{"defined", true}, {"value", nullptr}, {"detail", n + " is a function-like macro, not a value"}};
      continue;
    }
    tried.push_back(n);
  }
  const fs::path src = fs::path(c.work_dir) / "constants.cpp", exe = fs::path(c.work_dir) / "constants";
  bool built = false;
  for (int round = 0; round < 4 && !tried.empty() && !built; ++round) {
    std::string text = headers + kConstantSupport + "namespace sslconf_fallback {\n";
    for (const auto& n : tried)
      if (!defs.count(n)) text += "constexpr sslconf_probe::Absent " + n + "{};\n";
    text += "}\nint main() {\n";
    const auto first = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (std::size_t i = 0; i < tried.size(); ++i)
      text += "  sslconf_probe::show(" + std::to_string(i) + ", " + (defs.count(tried[i]) ? "" : "::") + tried[i] + ");\n";
    text += "  return 0;\n}\n";
    std::ofstream(src) << text;
    const auto r = compile(c, {src.string(), "-o", exe.string()});
    built = r.exited && r.exit_code == 0;
    if (built) break;
    const auto errors = diagnostics(r.err, src.string(), "error");
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < tried.size(); ++i) {
      const auto e = errors.find(first + i);
      if (e == errors.end()) kept.push_back(tried[i]);
      else out[tried[i]] = {{"defined", true}, {"value", nullptr}, {"detail", tried[i] + " is not an integer value: " + e->second}};
    }
    if (kept.size() == tried.size()) {  // errors elsewhere: no values at all
      for (const auto& n : tried) out[n] = {{"defined", nullptr}, {"value", nullptr}, {"detail", "the constants probe did not compile"}};
      return out;
    }
    tried = kept;
  }
  if (!built) {
    for (const auto& n : tried) out[n] = {{"defined", nullptr}, {"value", nullptr}, {"detail", "the constants probe did not compile"}};
    return out;
  }
  const auto ran = platform::run_process({exe.string()});
  std::istringstream lines(ran.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream l(line);
    std::size_t i;
    std::string what;
    if (!(l >> i >> what) || i >= tried.size()) continue;
    const std::string& n = tried[i];
    long long v = 0;
    if (what == "value" && (l >> v)) out[n] = {{"defined", true}, {"value", v}};
    else if (what == "absent") out[n] = {{"defined", false}, {"value", nullptr}, {"detail", "the headers the pages include define no " + n}};
    else out[n] = {{"defined", true}, {"value", nullptr}, {"detail", n + " is not an integer value"}};
  }
  return out;
}

// C and C++ comments blanked out: a header that says "SSL_CTX_ctrl is not
// supported" in a comment does not name it.
std::string without_comments(std::string t) {
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i] == '"') {  // a string literal may hold "//"
      for (++i; i < t.size() && t[i] != '"' && t[i] != '\n'; ++i)
        if (t[i] == '\\') ++i;
      continue;
    }
    if (t[i] == '/' && t[i + 1] == '/') {
      for (; i < t.size() && t[i] != '\n'; ++i) t[i] = ' ';
    } else if (t[i] == '/' && t[i + 1] == '*') {
      const auto end = t.find("*/", i + 2);
      const auto stop = end == std::string::npos ? t.size() : end + 2;
      for (; i < stop; ++i)
        if (t[i] != '\n') t[i] = ' ';
      --i;
    }
  }
  return t;
}

// The text of every other header in the folders the probed headers came
// from (read from the preprocessor's line markers): a name no header of the
// library mentions is absent from it, whichever header the pages include.
std::string library_header_text(const Compiler& c, const std::string& header_src) {
  const auto r = compile(c, {"-E", "-x", "c++", header_src});
  static const std::regex marker(R"re(^# \d+ "(([^"]*/openssl/)[^"/]*)")re");
  std::set<std::string> dirs, included;
  std::istringstream in(r.out);
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (line.rfind("# ", 0) == 0 && std::regex_search(line, m, marker)) {
      dirs.insert(m[2]);
      included.insert(fs::weakly_canonical(m[1].str()).string());
    }
  // Only the headers the pages did not include: what an included header
  // leaves out under this build's configuration (SSLv3_method without
  // SSLv3) is absent from this build.
  std::string text;
  for (const auto& d : dirs) {
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(d, ec)) {
      if (!f.is_regular_file() || included.count(fs::weakly_canonical(f.path()).string())) continue;
      std::ifstream h(f.path());
      text += without_comments(std::string(std::istreambuf_iterator<char>(h), std::istreambuf_iterator<char>())) + "\n";
    }
  }
  return text;
}

bool mentions(const std::string& text, const std::string& name) {
  for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    const auto word = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; };
    if ((at == 0 || !word(text[at - 1])) && (at + name.size() >= text.size() || !word(text[at + name.size()]))) return true;
  }
  return false;
}

// What decides the probe's results: the names and declarations probed, the
// headers (their text too) and the compiler with its flags. Results carry it, and a reader
// that finds another one (an earlier run with other pages) must not use them.
std::string fingerprint(const std::vector<Prototype>& protos, const std::vector<Prototype>& presence,
                        const std::vector<Prototype>& deprecated, const std::vector<std::string>& constants,
                        const std::vector<TypeChange>& changes, const std::string& headers, const std::string& library,
                        const Compiler& c) {
  std::string all = headers + "\n" + c.cxx + "\n" + join(c.flags, " ") + "\n" + library + "\n";
  for (const auto& p : protos) all += "P " + p.function + " " + p.page + " " + p.declaration + " " + p.return_type + "(" + join(p.params, ",") + ")\n";
  for (const auto& p : presence) all += "N " + p.function + "\n";
  for (const auto& p : deprecated) all += "D " + p.function + "\n";
  for (const auto& n : constants) all += "C " + n + "\n";
  for (const auto& t : changes) all += "H " + t.page + " " + t.text + "\n";
  // FNV-1a, 64 bits: stable across runs and platforms.
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char ch : all) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace

std::string probe_fingerprint(const nlohmann::json& catalogue, const Compiler& c) {
  std::vector<std::string> includes;
  const auto protos = prototypes(catalogue, includes);
  const std::string headers = prelude(includes, own_include_dirs(c));
  const std::set<std::string> prototyped = [&] {
    std::set<std::string> s;
    for (const auto& p : protos) s.insert(p.function);
    return s;
  }();
  std::vector<Prototype> presence;
  for (auto& p : names_of(catalogue, {"version-added", "version-removed", "version-deprecated"}))
    if (!prototyped.count(p.function)) presence.push_back(p);
  fs::create_directories(c.work_dir);
  const fs::path header_src = fs::path(c.work_dir) / "headers.cpp";
  std::ofstream(header_src) << headers;
  return fingerprint(protos, presence, names_of(catalogue, {"version-deprecated"}), constant_names(catalogue),
                     type_changes(catalogue), headers, library_header_text(c, header_src.string()), c);
}

nlohmann::json run_probes(const nlohmann::json& catalogue, const Compiler& c) {
  std::vector<std::string> includes;
  auto protos = prototypes(catalogue, includes);
  const std::size_t documented_count = protos.size();
  // The names a release line speaks of, probed for presence like a
  // prototype with no types (appended after the prototypes).
  {
    std::set<std::string> prototyped;
    for (const auto& p : protos) prototyped.insert(p.function);
    for (auto& p : names_of(catalogue, {"version-added", "version-removed", "version-deprecated"}))
      if (!prototyped.count(p.function)) protos.push_back(p);
  }
  fs::create_directories(c.work_dir);
  const std::string headers = prelude(includes, own_include_dirs(c));
  const fs::path header_src = fs::path(c.work_dir) / "headers.cpp";
  std::ofstream(header_src) << headers;
  const auto defs = macros(c, header_src.string());
  resolve_macros(protos, defs);
  auto deprecated = names_of(catalogue, {"version-deprecated"});
  resolve_macros(deprecated, defs);
  const std::string preprocessed = compile(c, {"-E", "-P", "-x", "c++", header_src.string()}).out;
  const auto constants = constant_names(catalogue);

  // Compile; lay each error at its prototype's door and compile again
  // without what failed: first its comparison with the page (a function-like
  // macro documented as returning nothing is then tried as a statement),
  // then the prototype itself. A few rounds settle any set of pages; an
  // error in the headers themselves ends the typed probe at once (presence
  // only). A macro the page documents as a macro is compared by its
  // parameters, without compiling.
  std::vector<Typed> typed(protos.size(), Typed::expression);
  std::vector<bool> skipped(protos.size(), false);
  for (std::size_t i = 0; i < protos.size(); ++i) {
    if (i >= documented_count) typed[i] = Typed::no;
    if (protos[i].documented_macro) skipped[i] = true;
  }
  std::vector<std::string> errors(protos.size());
  const fs::path src = fs::path(c.work_dir) / "probe.cpp", exe = fs::path(c.work_dir) / "probe";
  // Messages name the probe source by its file name: the same on every
  // machine and build folder.
  const auto local = [&](std::string m) {
    const std::string dir = src.parent_path().string() + "/";
    for (auto at = m.find(dir); at != std::string::npos; at = m.find(dir, at)) m.erase(at, dir.size());
    return m;
  };
  platform::ProcessResult built;
  for (int round = 0; round < 8; ++round) {
    const Program prog = program(headers, protos, typed, skipped);
    std::ofstream(src) << prog.text;
    built = compile(c, {src.string(), "-o", exe.string()});
    if (built.exited && built.exit_code == 0) break;
    bool unattributed = false;
    const auto blamed = blame(built.err, src.string(), prog, unattributed);
    if (blamed.empty() || unattributed) {
      if (std::find(typed.begin(), typed.end(), Typed::expression) == typed.end() &&
          std::find(typed.begin(), typed.end(), Typed::statement) == typed.end())
        break;  // presence alone fails
      const std::string why = local(first_error(built.err));
      typed.assign(protos.size(), Typed::no);
      for (std::size_t k = 0; k < errors.size(); ++k)
        if (errors[k].empty() && k < documented_count) errors[k] = "declaration not compared: " + why;
      continue;
    }
    for (const auto& [i, blamed_why] : blamed) {
      const std::string why = local(blamed_why);
      const auto& p = protos[static_cast<std::size_t>(i)];
      if (typed[i] == Typed::expression && p.function_macro && p.return_type == "void") {
        typed[i] = Typed::statement;
      } else if (typed[i] != Typed::no) {
        typed[i] = Typed::no;
        errors[i] = "the documented declaration does not compile against these headers: " + why;
      } else {
        skipped[i] = true;
        errors[i] = "the probe cannot test this name against these headers: " + why;
      }
    }
  }
  const auto nodep = without_deprecated(c, header_src.string(), defs);
  nlohmann::json out = {{"schema", 1},
                        {"fingerprint", probe_fingerprint(catalogue, c)},
                        {"functions", nlohmann::json::object()},
                        {"presence", nlohmann::json::object()},
                        {"deprecated", deprecation_marks(headers, deprecated, defs, nodep, c)},
                        {"constants", constant_values(headers, constants, defs, c)},
                        {"headers", includes}};
  if (!(built.exited && built.exit_code == 0)) {
    out["error"] = "the probe program does not compile: " + local(first_error(built.err));
    return out;
  }
  for (std::size_t k = 0; k < protos.size(); ++k) {
    if (!skipped[k]) continue;
    if (protos[k].documented_macro) {
      out["functions"][protos[k].function] = documented_macro_entry(protos[k], defs);
    } else if (k >= documented_count) {
      out["presence"][protos[k].function] = {{"status", "unknown"}, {"detail", errors[k]}};
    } else {
      out["functions"][protos[k].function] = {{"status", "unknown"}, {"documented", protos[k].declaration},
                                              {"actual", ""}, {"macro", protos[k].function_macro},
                                              {"returns_void", nullptr}, {"detail", errors[k]}};
    }
  }
  const auto ran = platform::run_process({exe.string()});
  std::istringstream lines(ran.out);
  std::size_t i;
  int present, is_void, exact, callable, same_return;
  while (lines >> i >> present >> is_void >> exact >> callable >> same_return) {
    if (i >= protos.size()) continue;
    const auto& p = protos[i];
    const bool macro = p.function_macro || p.constant_macro;
    std::string actual = macro ? p.macro_definition : actual_declaration(preprocessed, p.name);
    if (i >= documented_count) {
      out["presence"][p.function] = {{"status", present ? "present" : "absent"}, {"actual", present ? actual : ""}};
      continue;
    }
    std::string detail = errors[i];
    if (typed[i] == Typed::statement)
      detail = "a function-like macro that expands to a statement; compiled as one, as a caller of a void call writes it";
    // Read as C++ reads it, "()" matched the library ("(void)"): that is a
    // reading C allows too. Any other mismatch may be C's unspecified list.
    std::string status = status_of(present, exact, callable, same_return);
    if (p.unspecified_params && status == "different") {
      status = "unchecked";
      detail = "the page's declaration has a function type with an empty parameter list, which C reads as "
               "parameters left unspecified (and C++ as none): the types are not compared";
    }
    nlohmann::json entry = {{"status", status},
                            {"documented", p.declaration},
                            {"actual", present ? actual : ""},
                            {"macro", p.function_macro},
                            {"returns_void", is_void < 0 ? nlohmann::json() : nlohmann::json(is_void == 1)},
                            {"detail", detail}};
    if (p.name != p.function) entry["resolves_to"] = p.name;
    out["functions"][p.function] = entry;
  }
  // A name absent from the included headers but mentioned by another
  // header of the library is not known to be absent.
  const std::string library = library_header_text(c, header_src.string());
  const std::string elsewhere = " is not declared by the headers the pages include, but another header of the library names it";
  for (auto it = out["presence"].begin(); it != out["presence"].end(); ++it)
    if (it.value().value("status", "") == "absent" && mentions(library, it.key()))
      it.value() = {{"status", "unknown"}, {"actual", ""}, {"detail", it.key() + elsewhere}};
  // A prototype stays absent from the headers its page names (UNSUPPORTED
  // is true of them); the note keeps a release line from calling the
  // library without it.
  for (auto it = out["functions"].begin(); it != out["functions"].end(); ++it)
    if (it.value().value("status", "") == "absent" && mentions(library, it.key())) {
      it.value()["elsewhere"] = true;
      it.value()["detail"] = it.key() + elsewhere;
    }
  // A name the presence test could not call may still be a value the
  // headers define (an enumerator a release line names).
  for (auto it = out["presence"].begin(); it != out["presence"].end(); ++it)
    if (it.value().value("status", "") == "unknown" && out["constants"].contains(it.key()) &&
        out["constants"][it.key()].value("defined", false) == true)
      it.value() = {{"status", "present"}, {"actual", ""}, {"detail", it.key() + " is a value the headers define"}};
  mark_type_changes(catalogue, protos, out["functions"]);
  return out;
}

std::string probe_table_source(const nlohmann::json& probes) {
  std::string text = probes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string literal;
  for (const char ch : text) literal += ch == '"' ? std::string("\\\"") : ch == '\\' ? std::string("\\\\") : std::string(1, ch);
  return "// generated by sslconf probe; do not edit\n#include \"checks/check.hpp\"\n\nnamespace {\n"
         "const bool installed = (sslconf::checks::use_probes(\"" + literal + "\"), true);\n}\n";
}

}  // namespace sslconf::gen
