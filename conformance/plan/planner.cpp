#include "plan/planner.hpp"

#include "checks/conditions.hpp"
#include "plan/objects.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

namespace sslconf::plan {

namespace {

struct Param {
  std::string type;
  std::string name;
};

struct Prototype {
  std::string name;
  std::string page;
  std::string return_type;
  std::vector<Param> params;
  bool macro = false;
  bool variadic = false;
};

// A member that must be an object (or array): anything else reads as empty,
// so a malformed catalogue entry plans nothing instead of throwing.
// (A reference into `j`: the planner keeps pointers to the claims.)
const nlohmann::json& member(const nlohmann::json& j, const char* key, bool array = false) {
  static const nlohmann::json empty_array = nlohmann::json::array();
  static const nlohmann::json empty_object = nlohmann::json::object();
  const nlohmann::json& empty = array ? empty_array : empty_object;
  if (!j.is_object() || !j.contains(key)) return empty;
  const auto& m = j[key];
  return (array ? m.is_array() : m.is_object()) ? m : empty;
}

std::string text(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

bool contains_any(const std::string& text, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return text.find(w) != std::string::npos; });
}

bool is_keyword(const std::string& w) {
  static const std::set<std::string> k{"auto", "break", "case", "char", "const", "continue", "default", "do",
                                       "double", "else", "enum", "extern", "float", "for", "goto", "if", "int",
                                       "long", "register", "return", "short", "signed", "sizeof", "static",
                                       "struct", "switch", "typedef", "union", "unsigned", "void", "volatile",
                                       "while", "r", "o", "inline", "restrict"};
  return k.count(w) > 0;
}

bool is_identifier(const std::string& w) {
  if (w.empty() || std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  return std::all_of(w.begin(), w.end(), [](unsigned char ch) { return std::isalnum(ch) || ch == '_'; });
}

std::string var_name(const Param& p, std::size_t i) {
  if (is_identifier(p.name) && !is_keyword(p.name) && p.name.rfind("sslconf", 0) != 0) return p.name;
  return "a" + std::to_string(i);
}

bool is_void(const std::string& type) { return lower(type) == "void"; }

bool names_length(const std::string& name) {
  const std::string n = lower(name);
  return contains_any(n, {"len", "size", "count", "num"}) || n == "n";
}

bool is_function_pointer(const std::string& type) {
  if (type.find("(*") != std::string::npos) return true;
  const std::string t = lower(type);
  if (type.find('*') != std::string::npos) return false;
  for (const char* end : {"_cb", "callback", "_func", "_fn", "_cb_fn"})
    if (t.size() > std::string(end).size() && t.compare(t.size() - std::string(end).size(), std::string::npos, end) == 0)
      return true;
  return false;
}

// The pointee of a pointer type, without const ("const unsigned char *" →
// "unsigned char"); "" when not a single pointer.
std::string pointee(const std::string& type) {
  std::string t = type;
  const auto star = t.rfind('*');
  if (star == std::string::npos || t.find('*') != star) return "";
  t = t.substr(0, star);
  std::string out;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && word != "const") out += (out.empty() ? "" : " ") + word;
    word.clear();
  };
  for (const char ch : t) {
    if (std::isspace(static_cast<unsigned char>(ch))) flush();
    else word += ch;
  }
  flush();
  return out;
}

bool is_double_pointer(const std::string& type) { return std::count(type.begin(), type.end(), '*') == 2; }

// An argument the planner chose: its C expression and how sure it is.
struct Arg {
  std::string expr;
  bool guessed = false;
  std::string words;  // how a report says what was passed
};

// Everything one call of the function needs.
struct Setup {
  std::vector<Object> objects;
  std::vector<std::string> buffers;
  std::vector<Arg> args;
  std::string missing;  // why the call cannot be planned
};

struct Overrides {
  std::map<std::size_t, std::string> expr;       // parameter index → C expression (NULL, a bad file ...)
  std::map<std::size_t, std::string> words;      // what it means
  std::map<std::size_t, std::size_t> state;      // parameter index → state index of its object
  std::map<std::size_t, std::string> length;     // length parameter index → C expression
  std::map<std::size_t, std::string> buffer;     // buffer parameter index → declaration size expression
};

// The arguments of `p` in situation `variant` (the variant-th state of each
// object, the last one when a type has fewer).
Setup arguments(const Prototype& p, std::size_t variant, const Overrides& ov = {}) {
  Setup s;
  const auto& params = p.params;
  std::vector<bool> done(params.size(), false);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (done[i]) continue;
    const Param& prm = params[i];
    const std::string var = var_name(prm, i);
    const std::string lname = lower(prm.name);
    if (const auto it = ov.expr.find(i); it != ov.expr.end()) {
      s.args.push_back({it->second, false, ov.words.count(i) ? ov.words.at(i) : prm.name + " " + it->second});
      continue;
    }
    // An object of the model.
    const auto& states = states_of(prm.type);
    if (!states.empty()) {
      std::size_t k = std::min(variant, states.size() - 1);
      if (const auto st = ov.state.find(i); st != ov.state.end()) k = st->second;
      const State& state = states[k];
      std::string type = prm.type;
      if (type.find("SSL_METHOD") != std::string::npos || type.find("SSL_CIPHER") != std::string::npos ||
          type.find("EVP_MD") != std::string::npos)
        if (type.find("const") == std::string::npos) type = "const " + type;  // constructors return const objects
      s.objects.push_back({var, type, state.make, state.words});
      s.args.push_back({var, false, prm.name + ": " + state.words});
      continue;
    }
    if (is_function_pointer(prm.type)) {
      s.args.push_back({"NULL", false, prm.name + ": no callback (NULL)"});
      continue;
    }
    if (is_integer_type(prm.type)) {
      if (const auto it = ov.length.find(i); it != ov.length.end()) {
        s.args.push_back({it->second, false, prm.name + " " + it->second});
        continue;
      }
      if (lname == "type" && i > 0 && contains_any(lower(params[i - 1].name), {"file"})) {
        s.args.push_back({"SSL_FILETYPE_PEM", false, prm.name + " SSL_FILETYPE_PEM"});
        continue;
      }
      s.args.push_back({"1", true, prm.name + " 1"});
      continue;
    }
    const std::string base = pointee(prm.type);
    const bool is_const = prm.type.find("const") != std::string::npos;
    const bool next_is_length = i + 1 < params.size() && is_integer_type(params[i + 1].type) && names_length(params[i + 1].name);
    if (is_double_pointer(prm.type)) {
      // An output pointer the call sets ("const unsigned char **data").
      std::string inner = prm.type.substr(0, prm.type.rfind('*'));
      s.buffers.push_back(inner + " " + var + " = NULL;");
      s.args.push_back({"&" + var, false, prm.name + ": a pointer the call may set"});
      continue;
    }
    if ((base == "unsigned char" || base == "char" || base == "void" || base == "uint8_t") && next_is_length) {
      const std::string size = ov.buffer.count(i) ? ov.buffer.at(i) : "64";
      const std::string len = ov.length.count(i + 1) ? ov.length.at(i + 1) : (is_const ? "16" : size);
      s.buffers.push_back("unsigned char " + var + "[" + size + "];");
      s.buffers.push_back("memset(" + var + ", 'x', sizeof " + var + ");");
      s.args.push_back({var, is_const, prm.name + ": " + (is_const ? len + " bytes of 'x'" : "a buffer of " + size + " bytes")});
      s.args.push_back({len, false, params[i + 1].name + " " + len});
      done[i + 1] = true;
      continue;
    }
    if (base == "char" && is_const) {
      if (contains_any(lname, {"file"})) {
        const bool key = contains_any(lname, {"key"});
        s.args.push_back({key ? "sslconf_test_file(SSLCONF_FILE_KEY)" : "sslconf_test_file(SSLCONF_FILE_CERT)", true,
                          prm.name + ": the test " + std::string(key ? "key" : "certificate") + " file (PEM)"});
        continue;
      }
      s.args.push_back({"\"sslconf\"", true, prm.name + " \"sslconf\""});
      continue;
    }
    if (is_integer_type(base) && is_const && next_is_length) {
      // An array of numbers with its length: one element the suite makes up.
      s.buffers.push_back(base + " " + var + "[1] = {0};");
      s.args.push_back({var, true, prm.name + ": one element, 0"});
      s.args.push_back({"1", false, params[i + 1].name + " 1"});
      done[i + 1] = true;
      continue;
    }
    if (is_integer_type(base) && !is_const) {
      s.buffers.push_back(base + " " + var + " = 0;");
      s.args.push_back({"&" + var, false, prm.name + ": a variable the call may set"});
      continue;
    }
    if (base == "void") {
      s.args.push_back({"NULL", false, prm.name + " NULL"});
      continue;
    }
    s.missing = "no way to make a " + (object_type(prm.type).empty() ? prm.type : object_type(prm.type)) +
                " (parameter " + (prm.name.empty() ? std::to_string(i + 1) : prm.name) + ")";
    return s;
  }
  return s;
}

std::string situation_of(const Setup& s) {
  std::string out;
  for (const auto& a : s.args) out += (out.empty() ? "" : "; ") + a.words;
  return out.empty() ? "no arguments" : out;
}

std::string guesses_of(const Setup& s) {
  std::string out;
  for (const auto& a : s.args)
    if (a.guessed) out += (out.empty() ? "" : ", ") + a.words;
  return out;
}

std::size_t variants_of(const Prototype& p) {
  std::size_t n = 1;
  for (const auto& prm : p.params) n = std::max(n, states_of(prm.type).size());
  return std::min<std::size_t>(n, 3);
}

// One call of `fn` whose result is observed (when it has one).
Procedure single_call(const Prototype& p, const std::string& part, const Setup& s, std::size_t variant) {
  Procedure proc;
  proc.function = p.name;
  proc.part = part;
  proc.objects = s.objects;
  proc.buffers = s.buffers;
  Step step;
  step.call = p.name;
  for (const auto& a : s.args) step.args.push_back(a.expr);
  if (!is_void(p.return_type)) {
    step.var = "r";
    step.type = p.return_type;
    proc.observe = {"value", "r", "", "", "", ""};
  } else {
    proc.observe = {"none", "", "", "", "", ""};
  }
  proc.steps.push_back(step);
  proc.guess = guesses_of(s);
  proc.vouched = proc.guess.empty();
  proc.situation = situation_of(s);
  proc.variant = static_cast<int>(variant);
  return proc;
}

std::vector<std::size_t> pointer_params(const Prototype& p) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < p.params.size(); ++i)
    if (is_pointer_type(p.params[i].type) && !is_function_pointer(p.params[i].type)) out.push_back(i);
  return out;
}

// An upper-case constant the condition names ("exceeds SSL_MAX_SID_CTX_LENGTH").
std::string named_constant(const std::string& text, const std::string& fn) {
  std::string word;
  auto good = [&](const std::string& w) {
    return w.size() > 3 && w.find('_') != std::string::npos && w != fn &&
           std::none_of(w.begin(), w.end(), [](unsigned char ch) { return std::islower(ch); }) &&
           !std::isdigit(static_cast<unsigned char>(w[0]));
  };
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char ch = i < text.size() ? text[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_') {
      word += ch;
    } else {
      if (good(word)) return word;
      word.clear();
    }
  }
  return "";
}

// Whether every "X is NULL" / "X are NULL" of the text names one of the
// function's parameters (or no X at all): "CAfile and CApath are NULL" on a
// page of several functions speaks of another function's parameters.
bool nothing_else_null(const std::string& text, const Prototype& p) {
  const std::string t = lower(text);
  static const std::set<std::string> vague{"it", "argument", "pointer", "value", "parameter", "this", "that", "which", "one"};
  for (const char* verb : {" is null", " are null", " == null", " was null"}) {
    for (std::size_t at = t.find(verb); at != std::string::npos; at = t.find(verb, at + 1)) {
      std::size_t start = at;
      while (start > 0 && (std::isalnum(static_cast<unsigned char>(t[start - 1])) || t[start - 1] == '_')) --start;
      const std::string word = t.substr(start, at - start);
      if (word.empty() || vague.count(word)) continue;
      const bool own = std::any_of(p.params.begin(), p.params.end(), [&](const Param& prm) { return lower(prm.name) == word; });
      if (!own) return false;
    }
  }
  return true;
}

struct Claims {
  std::vector<const nlohmann::json*> of;  // the function's plannable claims
  std::string conditions;                 // their condition texts and sentences, joined
};

std::string claim_words(const nlohmann::json& c) {
  std::string out = text(c, "text");
  const auto p = member(c, "params");
  for (const char* key : {"condition", "failure_condition", "argument"})
    if (p.contains(key) && p[key].is_string()) out += " | " + p[key].get<std::string>();
  return out;
}

// The getter of a setter, or the setter of a getter, by name.
std::vector<std::string> partner_names(const std::string& fn, bool want_getter) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> rules =
      want_getter ? std::vector<std::pair<std::string, std::vector<std::string>>>{{"_set_", {"_get_"}},
                                                                                 {"_set0_", {"_get0_", "_get_"}},
                                                                                 {"_set1_", {"_get0_", "_get1_", "_get_"}}}
                  : std::vector<std::pair<std::string, std::vector<std::string>>>{{"_get_", {"_set_"}},
                                                                                 {"_get0_", {"_set0_", "_set1_"}},
                                                                                 {"_get1_", {"_set1_"}}};
  std::vector<std::string> out;
  for (const auto& [from, tos] : rules) {
    const auto at = fn.find(from);
    if (at == std::string::npos) continue;
    for (const auto& to : tos) out.push_back(fn.substr(0, at) + to + fn.substr(at + from.size()));
  }
  return out;
}

bool is_mask(const Prototype& setter) {
  const std::string n = lower(setter.name + " " + (setter.params.size() > 1 ? setter.params[1].name : ""));
  return contains_any(n, {"option", "mode", "flag", "mask", "_op"});
}

// A setter of one number on one object, and its getter: both planned
// around the same object.
bool round_trip_pair(const Prototype& setter, const Prototype& getter) {
  if (setter.params.size() != 2 || getter.params.size() != 1) return false;
  if (object_type(setter.params[0].type).empty() || object_type(setter.params[0].type) != object_type(getter.params[0].type))
    return false;
  return !states_of(setter.params[0].type).empty() && is_integer_type(setter.params[1].type) &&
         is_integer_type(getter.return_type);
}

// A setter that stores one object on another (`set_`, `set0_`: the object
// itself, not a copy as `set1_` may make) and the getter that returns it.
bool object_pair(const Prototype& setter, const Prototype& getter) {
  if (setter.params.size() != 2 || getter.params.size() != 1) return false;
  if (setter.name.find("_set1_") != std::string::npos) return false;
  const std::string holder = object_type(setter.params[0].type), held = object_type(setter.params[1].type);
  if (holder.empty() || held.empty() || holder != object_type(getter.params[0].type)) return false;
  return object_type(getter.return_type) == held && !states_of(setter.params[0].type).empty() &&
         !states_of(setter.params[1].type).empty();
}

class Planner {
 public:
  explicit Planner(const nlohmann::json& catalogue) {
    for (const auto& c : member(catalogue, "claims", true)) {
      if (text(c, "kind") == "prototype") add_prototype(c);
      if (!planned_kinds().count(text(c, "kind"))) continue;
      const auto fns = member(c, "functions", true);
      if (fns.empty() || !fns[0].is_string()) continue;
      auto& entry = claims_[fns[0]];
      entry.of.push_back(&c);
      entry.conditions += " || " + claim_words(c);
    }
  }

  Plans run() {
    Plans plans;
    for (const auto& [fn, claims] : claims_) plans.functions.push_back(plan_function(fn, claims));
    return plans;
  }

 private:
  std::map<std::string, Prototype> prototypes_;
  std::map<std::string, Claims> claims_;

  void add_prototype(const nlohmann::json& c) {
    const auto fns = member(c, "functions", true);
    if (fns.empty() || !fns[0].is_string() || prototypes_.count(fns[0].get<std::string>())) return;
    const auto p = member(c, "params");
    Prototype proto;
    proto.name = fns[0].get<std::string>();
    proto.page = text(c, "page");
    proto.return_type = text(p, "return_type");
    proto.macro = p.contains("macro") && p["macro"].is_boolean() && p["macro"].get<bool>();
    proto.variadic = p.contains("variadic") && p["variadic"].is_boolean() && p["variadic"].get<bool>();
    for (const auto& a : member(p, "params", true)) proto.params.push_back({text(a, "type"), text(a, "name")});
    prototypes_[proto.name] = proto;
  }

  bool has_kind(const Claims& c, const std::string& kind) const {
    return std::any_of(c.of.begin(), c.of.end(), [&](const nlohmann::json* j) { return text(*j, "kind") == kind; });
  }

  FunctionPlan plan_function(const std::string& fn, const Claims& claims) {
    FunctionPlan fp;
    fp.function = fn;
    if (!claims.of.empty()) fp.page = text(*claims.of.front(), "page");
    const auto it = prototypes_.find(fn);
    if (it == prototypes_.end()) {
      fp.unplanned = "the pages give no SYNOPSIS prototype for " + fn;
      return fp;
    }
    const Prototype& p = it->second;
    if (p.variadic) {
      fp.unplanned = fn + " takes a variable argument list, which the planner does not fill";
      return fp;
    }
    if (p.return_type.empty()) {
      fp.unplanned = "the SYNOPSIS gives no return type for " + fn;
      return fp;
    }
    // Success, in each situation the model can make.
    for (std::size_t v = 0; v < variants_of(p); ++v) {
      const Setup s = arguments(p, v);
      if (!s.missing.empty()) {
        fp.unplanned = s.missing;
        return fp;
      }
      fp.parts.push_back(single_call(p, "success", s, v));
    }
    const std::string words = lower(claims.conditions);
    const auto pointers = pointer_params(p);
    // A NULL argument, one parameter at a time.
    if (words.find("null") != std::string::npos) {
      for (const std::size_t i : pointers) {
        Overrides ov;
        ov.expr[i] = "NULL";
        ov.words[i] = p.params[i].name + " NULL";
        const Setup s = arguments(p, 0, ov);
        if (!s.missing.empty()) continue;
        Procedure proc = single_call(p, "case", s, 0);
        const std::string name = lower(p.params[i].name);
        if (!name.empty())
          proc.conditions = {name + " is null", name + " is a null", "null " + name, name + " == null", name + " argument is null",
                             name + " parameter is null"};
        // A page's "NULL" with no parameter named is this one's only when the
        // function has no other pointer and the page names no other thing NULL.
        if (pointers.size() == 1 && nothing_else_null(claims.conditions, p)) proc.conditions.push_back("null-argument");
        proc.vouched = true;  // NULL is the page's own condition; other arguments do not matter for it
        if (!proc.conditions.empty()) fp.parts.push_back(proc);
        if (i == pointers.front() && !states_of(p.params[i].type).empty()) {
          Procedure null_call = proc;
          null_call.part = "with_null";
          null_call.conditions.clear();
          fp.parts.push_back(null_call);
        }
      }
    }
    // The states the model makes that realise a class the claims name.
    const auto classes = checks::condition_classes(claims.conditions);
    for (const std::string cls : {"no-handshake", "no-session", "value-not-set", "no-peer-certificate"}) {
      if (!classes.count(cls)) continue;
      for (std::size_t i = 0; i < p.params.size(); ++i) {
        const auto& states = states_of(p.params[i].type);
        const auto st = std::find_if(states.begin(), states.end(), [&](const State& s) {
          return std::find(s.realises.begin(), s.realises.end(), cls) != s.realises.end();
        });
        if (st == states.end()) continue;
        Overrides ov;
        ov.state[i] = static_cast<std::size_t>(st - states.begin());
        const Setup s = arguments(p, 0, ov);
        if (!s.missing.empty()) break;
        Procedure proc = single_call(p, "case", s, 0);
        proc.conditions = {cls};
        fp.parts.push_back(proc);
        break;
      }
    }
    if (classes.count("missing-file"))
      for (std::size_t i = 0; i < p.params.size(); ++i)
        if (lower(p.params[i].name).find("file") != std::string::npos && pointee(p.params[i].type) == "char") {
          Overrides ov;
          ov.expr[i] = "\"/nonexistent/sslconf-no-such-file.pem\"";
          ov.words[i] = p.params[i].name + ": a file that does not exist";
          const Setup s = arguments(p, 0, ov);
          if (!s.missing.empty()) break;
          Procedure proc = single_call(p, "case", s, 0);
          proc.conditions = {"missing-file"};
          proc.vouched = true;
          fp.parts.push_back(proc);
          break;
        }
    if (classes.count("too-long")) {
      const std::string bound = named_constant(claims.conditions, fn);
      for (std::size_t i = 0; !bound.empty() && i + 1 < p.params.size(); ++i) {
        const std::string base = pointee(p.params[i].type);
        if (!((base == "unsigned char" || base == "char" || base == "void") && is_integer_type(p.params[i + 1].type) &&
              names_length(p.params[i + 1].name)))
          continue;
        Overrides ov;
        ov.buffer[i] = "(" + bound + ") + 1";
        ov.length[i + 1] = "(" + bound + ") + 1";
        const Setup s = arguments(p, 0, ov);
        if (!s.missing.empty()) break;
        Procedure proc = single_call(p, "case", s, 0);
        proc.conditions = {"too-long"};
        proc.guess.clear();
        proc.vouched = true;
        proc.situation += " (" + bound + " + 1 bytes)";
        fp.parts.push_back(proc);
        break;
      }
    }
    add_round_trips(fp, p, claims);
    add_object_round_trips(fp, p, claims);
    if (has_kind(claims, "default-value")) add_default(fp, p);
    for (std::size_t k = 0; k < fp.parts.size(); ++k)
      fp.parts[k].id = fn + "/" + fp.parts[k].part + "/" + std::to_string(k);
    return fp;
  }

  // A getter of one number read on an object nothing was set on: the
  // default a page states. Its words are the getter's name without the
  // object's and the verb's parts ("SSL_CTX_get_timeout": "timeout").
  void add_default(FunctionPlan& fp, const Prototype& p) {
    const Prototype* getter = nullptr;
    auto reads_one_number = [](const Prototype& g) {
      return g.params.size() == 1 && !object_type(g.params[0].type).empty() && is_integer_type(g.return_type);
    };
    if (reads_one_number(p)) getter = &p;
    for (const auto& g : partner_names(p.name, true))
      if (!getter && prototypes_.count(g) && reads_one_number(prototypes_.at(g))) getter = &prototypes_.at(g);
    if (!getter) return;
    const auto& states = states_of(getter->params[0].type);
    const auto fresh = std::find_if(states.begin(), states.end(), [](const State& s) {
      return std::find(s.realises.begin(), s.realises.end(), "fresh") != s.realises.end();
    });
    if (fresh == states.end()) return;
    std::string words;
    std::string word;
    static const std::set<std::string> skip{"ssl", "ctx", "get", "get0", "get1", "sess", "dtls", "tls"};
    for (std::size_t i = 0; i <= getter->name.size(); ++i) {
      const char ch = i < getter->name.size() ? getter->name[i] : '_';
      if (ch != '_') {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        continue;
      }
      if (!word.empty() && !skip.count(word)) words += (words.empty() ? "" : " ") + word;
      word.clear();
    }
    if (words.empty()) return;
    Procedure proc;
    proc.function = p.name;
    proc.part = "default";
    proc.conditions = {words};
    proc.objects = {{"obj", getter->params[0].type, fresh->make, fresh->words}};
    proc.steps.push_back({"r", getter->return_type, getter->name, {"obj"}});
    proc.observe = {"value", "r", "", "", "", ""};
    proc.situation = fresh->words + "; " + getter->name + " read before any setter";
    fp.parts.push_back(proc);
  }

  // current / sets of an object stored on another: the getter returns the
  // very object the setter was given.
  void add_object_round_trips(FunctionPlan& fp, const Prototype& p, const Claims& claims) {
    const bool current = has_kind(claims, "returns-current");
    const bool sets = has_kind(claims, "sets-value");
    if (!current && !sets) return;
    const Prototype* getter = nullptr;
    const Prototype* setter = nullptr;
    for (const auto& g : partner_names(p.name, true))
      if (!getter && prototypes_.count(g) && object_pair(p, prototypes_.at(g))) setter = &p, getter = &prototypes_.at(g);
    for (const auto& s : partner_names(p.name, false))
      if (!getter && prototypes_.count(s) && object_pair(prototypes_.at(s), p)) setter = &prototypes_.at(s), getter = &p;
    if (!getter || (sets && setter != &p && !current) || (current && getter != &p && !sets)) return;
    const auto& holder = states_of(setter->params[0].type).front();
    const auto& held = states_of(setter->params[1].type).front();
    Procedure proc;
    proc.function = p.name;
    proc.part = setter == &p ? "sets" : "current";
    std::string held_type = setter->params[1].type;
    proc.objects = {{"obj", setter->params[0].type, holder.make, holder.words}, {"val", held_type, held.make, held.words}};
    proc.steps.push_back({"", setter->return_type, setter->name, {"obj", "val"}});
    proc.steps.push_back({"r", getter->return_type, getter->name, {"obj"}});
    proc.observe.what = "compare";
    proc.observe.of = "r";
    proc.observe.op = "same-object";
    proc.observe.against = "val";
    // Which object a getter returns may depend on the side or state (a client's
    // SSL_get_client_CA_list is the server's list): only a match is telling.
    proc.vouched = false;
    proc.guess = "the getter may return another object in this state (" + holder.words + ")";
    proc.situation = holder.words + "; " + setter->name + " given " + held.words + ", then " + getter->name;
    fp.parts.push_back(proc);
  }

  // previous / current / sets through a setter and its getter.
  void add_round_trips(FunctionPlan& fp, const Prototype& p, const Claims& claims) {
    const bool previous = has_kind(claims, "returns-previous");
    const bool current = has_kind(claims, "returns-current");
    const bool sets = has_kind(claims, "sets-value");
    if (!previous && !current && !sets) return;
    const Prototype* getter = nullptr;
    const Prototype* setter = nullptr;
    for (const auto& g : partner_names(p.name, true))
      if (prototypes_.count(g) && round_trip_pair(p, prototypes_.at(g))) {
        setter = &p;
        getter = &prototypes_.at(g);
        break;
      }
    if (!getter)
      for (const auto& s : partner_names(p.name, false))
        if (prototypes_.count(s) && round_trip_pair(prototypes_.at(s), p)) {
          setter = &prototypes_.at(s);
          getter = &p;
          break;
        }
    const bool mask = setter ? is_mask(*setter) : false;
    const std::string op = mask ? "has-bits" : "eq";
    const bool subject_is_setter = setter == &p;
    auto object_of = [](const Prototype& proto) {
      const auto& st = states_of(proto.params[0].type);
      return Object{"obj", proto.params[0].type, st.front().make, st.front().words};
    };
    auto taken = [&](Procedure& proc, const std::string& value) {
      // The library took the value: its getter reads it back.
      if (!getter) return;
      proc.steps.push_back({"g", getter->return_type, getter->name, {"obj"}});
      proc.observe.confirm = mask ? "(((unsigned long long)g & " + value + "ULL) == " + value + "ULL)" : "((long long)g == " + value + ")";
    };
    if (previous && subject_is_setter && !is_void(p.return_type)) {
      Procedure proc;
      proc.function = p.name;
      proc.part = "previous";
      proc.objects = {object_of(p)};
      proc.steps.push_back({"", "", p.name, {"obj", "1"}});
      taken(proc, "1");
      proc.steps.push_back({"r", p.return_type, p.name, {"obj", "2"}});
      proc.observe.what = "compare";
      proc.observe.of = "r";
      proc.observe.op = op;
      proc.observe.against = "1";
      proc.observe.describe = "returned %lld after setting 1, then 2 (page: the previous value, 1)";
      proc.vouched = getter != nullptr;
      proc.guess = getter ? "" : "no getter reads back whether 1 was taken";
      proc.situation = object_of(p).state + "; set 1, then 2";
      fp.parts.push_back(proc);
    }
    if (!setter || !getter) return;
    const bool setter_returns = !is_void(setter->return_type);
    auto through_getter = [&](const std::string& part) {
      Procedure proc;
      proc.function = p.name;
      proc.part = part;
      proc.objects = {object_of(*setter)};
      proc.steps.push_back({setter_returns ? "s" : "", setter->return_type, setter->name, {"obj", "1"}});
      proc.steps.push_back({"r", getter->return_type, getter->name, {"obj"}});
      proc.observe.what = "compare";
      proc.observe.of = "r";
      proc.observe.op = op;
      proc.observe.against = "1";
      // A setter that returns 0 may have refused the value: nothing shown then.
      if (setter_returns) proc.observe.confirm = "((long long)s != 0)";
      proc.observe.describe = std::string("%s read back %lld after ") + setter->name + "(obj, 1)";
      proc.situation = object_of(*setter).state + "; " + setter->name + " given 1, then " + getter->name;
      fp.parts.push_back(proc);
    };
    if (current && !subject_is_setter) through_getter("current");
    if (sets && subject_is_setter) through_getter("sets");
    if (current && subject_is_setter && !is_void(p.return_type)) {
      Procedure proc;
      proc.function = p.name;
      proc.part = "current";
      proc.objects = {object_of(p)};
      proc.steps.push_back({"r", p.return_type, p.name, {"obj", "1"}});
      taken(proc, "1");
      proc.observe.what = "compare";
      proc.observe.of = "r";
      proc.observe.op = op;
      proc.observe.against = "1";
      proc.observe.describe = "returned %lld after setting 1 (page: the value now in effect)";
      proc.situation = object_of(p).state + "; set 1";
      fp.parts.push_back(proc);
    }
  }
};

}  // namespace

const std::set<std::string>& planned_kinds() {
  static const std::set<std::string> kinds{"returns-int",      "returns-pointer-or-null", "returns-pointer",
                                           "returns-enumerated", "returns-on-null",       "returns-previous",
                                           "returns-current",  "sets-value",              "null-noop",
                                           "default-value"};
  return kinds;
}

Plans plan_catalogue(const nlohmann::json& catalogue) { return Planner(catalogue).run(); }

}  // namespace sslconf::plan
