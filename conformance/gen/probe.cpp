#include "gen/probe.hpp"

#include "platform/process.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace sslconf::gen {

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
};

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
    Prototype proto{fn, fn, p.value("return_type", "int"), documented_params(p), p.value("declaration", c.value("text", "")),
                    p.value("variadic", false), false, ""};
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

// Macro definitions of the headers: name → (is function-like, definition).
std::map<std::string, std::pair<bool, std::string>> macros(const Compiler& c, const std::string& headers) {
  std::map<std::string, std::pair<bool, std::string>> m;
  const auto r = compile(c, {"-E", "-dM", "-x", "c++", headers});
  std::istringstream in(r.out);
  std::string line;
  static const std::regex def(R"(#define ([A-Za-z_][A-Za-z0-9_]*)(\(?)(.*))");
  std::smatch mt;
  while (std::getline(in, line))
    if (std::regex_match(line, mt, def)) m[mt[1]] = {mt[2] == "(", line};
  return m;
}

void resolve_macros(std::vector<Prototype>& protos, const std::map<std::string, std::pair<bool, std::string>>& defs) {
  static const std::regex alias_body(R"(#define [A-Za-z_][A-Za-z0-9_]* +([A-Za-z_][A-Za-z0-9_]*) *)");
  for (auto& p : protos) {
    for (int hop = 0; hop < 5; ++hop) {
      const auto it = defs.find(p.name);
      if (it == defs.end()) break;
      if (it->second.first) {
        p.function_macro = true;
        p.macro_definition = it->second.second;
        break;
      }
      std::smatch m;
      if (!std::regex_match(it->second.second, m, alias_body)) break;
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
  if (p.function_macro) return "";
  return "namespace sslconf_fallback { template <class = void> sslconf_probe::Absent " + p.name + "(...); }\n";
}

std::string presence_block(const Prototype& p, std::size_t i) {
  const std::string id = std::to_string(i);
  if (p.function_macro) return "constexpr bool present_" + id + " = true;\nconstexpr int void_" + id + " = -1;\n";
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
  std::string s = type_aliases(p, ns);
  s += "using call_" + id + " = decltype(" + p.name + "(" + declvals(p, ns) + "));\n";
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
  // conversion of its result, so convertible counts as the same return.
  s += "constexpr bool same_return_" + id + " = " +
       (p.function_macro ? "std::is_convertible_v<call_" + id + ", " + ns + "::R>" : "std::is_same_v<call_" + id + ", " + ns + "::R>") +
       ";\n";
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
using namespace sslconf_fallback;
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

Program program(const std::string& headers, const std::vector<Prototype>& protos, const std::vector<bool>& typed,
                const std::vector<bool>& skipped) {
  Program prog;
  append(prog, headers + kProbeSupport, -1);
  std::set<std::string> declared;
  for (std::size_t i = 0; i < protos.size(); ++i)
    if (!skipped[i] && declared.insert(protos[i].name).second) append(prog, fallback(protos[i]), static_cast<int>(i));
  std::string body = "int main() {\n";
  for (std::size_t i = 0; i < protos.size(); ++i) {
    if (skipped[i]) continue;
    const std::string id = std::to_string(i);
    append(prog, "// " + protos[i].function + "\n" + presence_block(protos[i], i), static_cast<int>(i));
    if (typed[i]) {
      append(prog, type_block(protos[i], i), static_cast<int>(i));
      body += "  std::printf(\"%d %d %d %d %d %d\\n\", " + id + ", present_" + id + ", void_" + id + ", exact_" + id +
              ", callable_" + id + ", same_return_" + id + ");\n";
    } else {
      body += "  std::printf(\"%d %d %d -1 -1 -1\\n\", " + id + ", present_" + id + ", void_" + id + ");\n";
    }
  }
  append(prog, body + "  return 0;\n}\n", -1);
  return prog;
}

std::string first_error(const std::string& err) {
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line))
    if (line.find("error") != std::string::npos) return line.size() > 200 ? line.substr(0, 200) : line;
  return "the documented declaration does not compile against these headers";
}

// The prototypes the compiler's errors point at (`<src>:<line>:`), with the
// first error of each; `unattributed` is set when an error lies elsewhere
// (in the headers, or in shared lines).
std::map<int, std::string> blame(const std::string& err, const std::string& src, const Program& prog,
                                 bool& unattributed) {
  std::map<int, std::string> blamed;
  unattributed = false;
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("error") == std::string::npos) continue;
    if (line.rfind(src + ":", 0) != 0) {
      unattributed = true;
      continue;
    }
    const std::size_t n = std::strtoul(line.c_str() + src.size() + 1, nullptr, 10);
    const int owner = n >= 1 && n <= prog.owner.size() ? prog.owner[n - 1] : -1;
    if (owner < 0) {
      unattributed = true;
      continue;
    }
    if (!blamed.count(owner)) blamed[owner] = line.size() > 200 ? line.substr(0, 200) : line;
  }
  return blamed;
}

// The names the catalogue says are deprecated (version-deprecated claims),
// as Prototype entries so that macros resolve the same way.
std::vector<Prototype> deprecated_names(const nlohmann::json& catalogue) {
  std::vector<Prototype> out;
  std::set<std::string> seen;
  for (const auto& c : catalogue["claims"]) {
    if (c.value("kind", "") != "version-deprecated" || c["functions"].empty()) continue;
    const std::string fn = c["functions"][0].get<std::string>();
    if (seen.insert(fn).second) out.push_back(Prototype{fn, fn, "", {}, "", false, false, ""});
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
    if (!at.count(n)) at[n] = line.substr(src.size() + 1, 200);
  }
  return at;
}

// Whether the headers mark each name deprecated. A compiler shows the mark
// only as a warning where the name is used, so each name is used on a line
// of its own and the warnings are laid at their lines. A name the headers
// do not declare (an error on its line) is dropped and the rest compiled
// again. A macro has no declaration to carry a mark: left unknown.
nlohmann::json deprecation_marks(const std::string& headers, const std::vector<Prototype>& names, const Compiler& c) {
  nlohmann::json out = nlohmann::json::object();
  std::vector<const Prototype*> used;
  for (const auto& p : names) {
    if (p.function_macro || p.name != p.function)
      out[p.function] = {{"marked", nullptr},
                         {"detail", p.function + " is a macro (" + (p.function_macro ? p.macro_definition : "#define " + p.function + " " + p.name) +
                                        "): a macro carries no deprecation mark a compiler shows"}};
    else
      used.push_back(&p);
  }
  const fs::path src = fs::path(c.work_dir) / "deprecated.cpp";
  for (int round = 0; round < 4 && !used.empty(); ++round) {
    std::string text = headers + "void sslconf_uses_each_name() {\n";
    const auto first = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const auto* p : used) text += "  (void)&" + p->name + ";\n";
    text += "}\n";
    std::ofstream(src) << text;
    const auto r = compile(c, {"-fsyntax-only", src.string()}, true);
    const auto errors = diagnostics(r.err, src.string(), "error");
    if (!errors.empty()) {
      std::vector<const Prototype*> kept;
      for (std::size_t i = 0; i < used.size(); ++i) {
        const auto e = errors.find(first + i);
        if (e == errors.end()) kept.push_back(used[i]);
        else out[used[i]->function] = {{"marked", nullptr}, {"declared", false}, {"detail", "not declared by the headers the pages name: " + e->second}};
      }
      if (kept.size() == used.size()) break;  // errors elsewhere: no verdict for the rest
      used = kept;
      continue;
    }
    const auto warnings = diagnostics(r.err, src.string(), "warning");
    for (std::size_t i = 0; i < used.size(); ++i) {
      const auto w = warnings.find(first + i);
      const bool marked = w != warnings.end() && w->second.find("deprecated") != std::string::npos;
      out[used[i]->function] = {{"marked", marked},
                                {"detail", marked ? "the compiler warns: " + w->second.substr(w->second.find("warning: ") + 9)
                                                  : "the compiler gives no deprecation warning for a use of " + used[i]->function}};
    }
    used.clear();
  }
  for (const auto* p : used)
    out[p->function] = {{"marked", nullptr}, {"detail", "the use of " + p->function + " did not compile against these headers"}};
  return out;
}

std::string status_of(bool present, int exact, int callable, int same_return) {
  if (!present) return "absent";
  if (exact == 1) return "documented";
  if (callable == 1 && same_return == 1) return "compatible";
  return "different";
}

}  // namespace

nlohmann::json run_probes(const nlohmann::json& catalogue, const Compiler& c) {
  std::vector<std::string> includes;
  auto protos = prototypes(catalogue, includes);
  fs::create_directories(c.work_dir);
  const std::string headers = prelude(includes, own_include_dirs(c));
  const fs::path header_src = fs::path(c.work_dir) / "headers.cpp";
  std::ofstream(header_src) << headers;
  const auto defs = macros(c, header_src.string());
  resolve_macros(protos, defs);
  auto deprecated = deprecated_names(catalogue);
  resolve_macros(deprecated, defs);
  const std::string preprocessed = compile(c, {"-E", "-P", "-x", "c++", header_src.string()}).out;

  // Compile; lay each error at its prototype's door and compile again
  // without what failed: first its comparison with the page, then the
  // prototype itself. A few rounds settle any set of pages; an error in
  // the headers themselves ends the typed probe at once (presence only).
  std::vector<bool> typed(protos.size(), true), skipped(protos.size(), false);
  std::vector<std::string> errors(protos.size());
  const fs::path src = fs::path(c.work_dir) / "probe.cpp", exe = fs::path(c.work_dir) / "probe";
  platform::ProcessResult built;
  for (int round = 0; round < 6; ++round) {
    const Program prog = program(headers, protos, typed, skipped);
    std::ofstream(src) << prog.text;
    built = compile(c, {src.string(), "-o", exe.string()});
    if (built.exited && built.exit_code == 0) break;
    bool unattributed = false;
    const auto blamed = blame(built.err, src.string(), prog, unattributed);
    if (blamed.empty() || unattributed) {
      if (std::find(typed.begin(), typed.end(), true) == typed.end()) break;  // presence alone fails
      const std::string why = first_error(built.err);
      typed.assign(protos.size(), false);
      for (auto& e : errors)
        if (e.empty()) e = "declaration not compared: " + why;
      continue;
    }
    for (const auto& [i, why] : blamed) {
      if (typed[i]) {
        typed[i] = false;
        errors[i] = "the documented declaration does not compile against these headers: " + why;
      } else {
        skipped[i] = true;
        errors[i] = "the probe cannot test this name against these headers: " + why;
      }
    }
  }
  nlohmann::json out = {{"schema", 1}, {"functions", nlohmann::json::object()},
                        {"deprecated", deprecation_marks(headers, deprecated, c)}, {"headers", includes}};
  if (!(built.exited && built.exit_code == 0)) {
    out["error"] = "the probe program does not compile: " + first_error(built.err);
    return out;
  }
  for (std::size_t k = 0; k < protos.size(); ++k)
    if (skipped[k])
      out["functions"][protos[k].function] = {{"status", "unknown"}, {"documented", protos[k].declaration},
                                              {"actual", ""}, {"macro", protos[k].function_macro},
                                              {"returns_void", nullptr}, {"detail", errors[k]}};
  const auto ran = platform::run_process({exe.string()});
  std::istringstream lines(ran.out);
  std::size_t i;
  int present, is_void, exact, callable, same_return;
  while (lines >> i >> present >> is_void >> exact >> callable >> same_return) {
    if (i >= protos.size()) continue;
    const auto& p = protos[i];
    std::string actual = p.function_macro ? p.macro_definition : actual_declaration(preprocessed, p.name);
    nlohmann::json entry = {{"status", status_of(present, exact, callable, same_return)},
                            {"documented", p.declaration},
                            {"actual", present ? actual : ""},
                            {"macro", p.function_macro},
                            {"returns_void", is_void < 0 ? nlohmann::json() : nlohmann::json(is_void == 1)},
                            {"detail", errors[i]}};
    if (p.name != p.function) entry["resolves_to"] = p.name;
    out["functions"][p.function] = entry;
  }
  return out;
}

std::string probe_table_source(const nlohmann::json& probes) {
  std::string text = probes.dump();
  std::string literal;
  for (const char ch : text) literal += ch == '"' ? std::string("\\\"") : ch == '\\' ? std::string("\\\\") : std::string(1, ch);
  return "// generated by sslconf probe; do not edit\n#include \"checks/check.hpp\"\n\nnamespace {\n"
         "const bool installed = (sslconf::checks::use_probes(\"" + literal + "\"), true);\n}\n";
}

}  // namespace sslconf::gen
