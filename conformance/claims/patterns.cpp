// The pattern table: each row a regular expression over the normalised
// sentence, the kind it gives, and how its params are taken. Rows are tried
// in groups: caller obligations first (they override), then return values,
// then behaviour rows (every matching row adds its claim), then the reasoned
// non-checkable fallbacks.
#include "claims/clause.hpp"
#include "claims/condition.hpp"
#include "claims/recognise.hpp"
#include "model/numbers.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <regex>
#include "model/regex.hpp"

namespace sslconf::claims {

namespace {

using nlohmann::json;

constexpr std::size_t kLongestSentence = 1500;

struct Match {
  const std::smatch& m;
  const Normalised& n;
  const SentenceContext& ctx;
  std::string subject;
};

using Taker = std::function<std::vector<Finding>(const Match&)>;

struct Row {
  Row(const char* k, FilteredRegex p, Taker t, const char* excluded = nullptr, const char* veto = nullptr)
      : kind(k), pattern(std::move(p)), take(std::move(t)), excluded_by(excluded), has_unless(veto != nullptr) {
    if (veto) unless = Regex(veto, std::regex::optimize);
  }
  const char* kind;
  FilteredRegex pattern;  // its required literals skip most sentences before the engine runs
  Taker take;
  const char* excluded_by;  // a kind that, found first, makes this row moot
  bool has_unless;
  Regex unless;        // a pattern that vetoes the row
};

// ---- how params are taken ----

// The group's span if it matched, else the whole match; group -1: the whole sentence.
std::pair<std::size_t, std::size_t> span(const Match& x, int group) {
  if (group < 0) return {0, x.n.text.size()};
  const int g = group > 0 && group < static_cast<int>(x.m.size()) && x.m[group].matched ? group : 0;
  return {static_cast<std::size_t>(x.m.position(g)), static_cast<std::size_t>(x.m.position(g) + x.m.length(g))};
}

// A page-level behaviour: about the functions the sentence names, if any.
Taker behaviour(const char* kind) {
  return [kind](const Match& x) {
    std::vector<std::string> fs;
    for (const auto& f : x.n.functions)
      if (std::find(fs.begin(), fs.end(), f.value) == fs.end()) fs.push_back(f.value);
    if (fs.empty()) fs.push_back(x.subject);
    return std::vector<Finding>{finding(kind, fs)};
  };
}

// The object type a reference-count sentence names when no function is its
// subject and no "of X" follows the count: "Creating an SSL structure for
// the first time increments the reference count", "... allocated to the
// SSL_CTX object are freed". "" when the sentence names no such type.
std::string counted_object(const Match& x, int group) {
  if (group > 0 && x.m[group].matched) return "";
  if (x.n.text.rfind("FUNC", 0) == 0) return "";
  // Normalising lower-cases a bare type name ("SSL"), so the type is the
  // word before "structure"/"object" whose free function is known.
  static const Regex type(R"(\b([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*) (?:structures?|objects?)\b)");
  std::string fallback;
  for (RegexIterator it(x.n.text.begin(), x.n.text.end(), type), end; it != end; ++it) {
    std::string name = (*it)[1].str();
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (x.ctx.vocab->functions.count(name + "_free")) return name;
    if (fallback.empty() && name == (*it)[1].str() && name.find('_') != std::string::npos) fallback = name;
  }
  return fallback;
}

// A statement about an object's own count names its free function as the
// subject (the SSL object's count → SSL_free), never the function whose
// page it is on: creating the object gives it one reference
// (refcount-initial), the count reaching zero frees it.
std::vector<Finding> object_count(const Match& x, const std::string& object, const char* kind) {
  static const Regex creating(R"(^(?:creating|creation of|allocating|a newly created|the creation of)\b)");
  const bool initial = std::string(kind) == "refcount-increment" && std::regex_search(x.n.text, creating);
  const std::string freer = object + "_free";
  json params = {{"object", object}};
  if (initial) params["references"] = 1;
  Finding f = finding(initial ? "refcount-initial" : kind, {}, params);
  if (!x.ctx.vocab->functions.count(freer)) {
    f.checkable = false;
    f.reason = "unrecognised";
    f.params["missing"] = "function";
    return {f};
  }
  f.functions = {freer};
  const model::Prototype* p = x.ctx.vocab->any_prototype(freer);
  std::string arg;
  if (p != nullptr)
    for (const auto& a : p->params)
      if (a.type.find('*') != std::string::npos && !a.name.empty()) { arg = a.name; break; }
  f.params["argument"] = arg;
  require(f, "argument");
  return {f};
}

// A claim whose `argument` is the object the given group names.
Taker argument(const char* kind, int group, json extra = json::object()) {
  return [kind, group, extra](const Match& x) {
    const std::string k = kind;
    if (k == "refcount-increment" || k == "refcount-decrement-free")
      if (const std::string object = counted_object(x, group); !object.empty()) return object_count(x, object, kind);
    const auto [b, e] = span(x, group);
    json params = extra;
    const bool parameter_only = std::string(kind) == "null-noop";
    params["argument"] = parameter_only ? resolve_parameter(x.n, b, e, x.subject, *x.ctx.vocab)
                                        : resolve_argument(x.n, b, e, x.subject, *x.ctx.vocab);
    Finding f = finding(kind, {x.subject}, params);
    require(f, "argument");
    return std::vector<Finding>{f};
  };
}

// refcount-increment: the object, and "by NUM" when stated.
Taker increment(int object_group, int by_group) {
  return [object_group, by_group](const Match& x) {
    json extra = {{"by", 1}};
    if (by_group > 0 && x.m[by_group].matched && x.m[by_group].str() == "NUM") {
      const auto nums = Normalised::within(x.n.numbers, x.m.position(by_group), x.m.position(by_group) + 3);
      if (!nums.empty())
        if (const auto by = model::parse_integer(nums.front())) extra["by"] = *by;
    }
    return argument("refcount-increment", object_group, extra)(x);
  };
}

// A target written with a wildcard ("the SSL_SESSION_*() counterparts")
// stands for one function per subject: the wildcard's prefix followed by
// the part of the subject's name after the family prefix the two share
// (SSL_get_time with SSL_SESSION_* → SSL_SESSION_get_time). "" when the
// name so made is no function the pages know.
std::string wildcard_target(const std::string& pattern, const std::string& subject, const Vocabulary& vocab) {
  const auto star = pattern.find('*');
  if (star == std::string::npos || star + 1 != pattern.size()) return "";
  const std::string prefix = pattern.substr(0, star);
  std::size_t shared = 0;  // the longest common prefix ending with '_'
  for (std::size_t i = 0; i < prefix.size() && i < subject.size() && prefix[i] == subject[i]; ++i)
    if (prefix[i] == '_') shared = i + 1;
  if (shared == 0) return "";
  const std::string target = prefix + subject.substr(shared);
  return vocab.functions.count(target) && target != subject ? target : "";
}

// "X [and Y] is the same as Z": one claim per subject named in group 1.
Taker alias(const char* kind, json extra = json::object()) {
  return [kind, extra](const Match& x) {
    const auto targets = Normalised::within(x.n.functions, x.m.position(2), x.m.position(2) + 4);
    auto subjects = Normalised::within(x.n.functions, x.m.position(1), x.m.position(1) + x.m.length(1));
    if (subjects.empty()) subjects.push_back(x.subject);
    std::vector<Finding> out;
    for (const auto& s : subjects) {
      if (targets.empty() || s == targets.front()) continue;
      std::string target = targets.front();
      if (target.find('*') != std::string::npos) target = wildcard_target(target, s, *x.ctx.vocab);
      if (target.empty()) continue;
      json params = extra;
      params["target"] = target;
      out.push_back(finding(kind, {s, target}, params));
    }
    return out;
  };
}

// version-*: every function the sentence names, else the subject.
Taker release(const char* kind) {
  return [kind](const Match& x) {
    const auto versions = Normalised::within(x.n.versions, x.m.position(0), x.m.position(0) + x.m.length(0));
    // The predicate's subject is its own clause: in "A was deprecated and B
    // was added in 1.1.0" only B was added. A clause ends after a finite
    // verb phrase followed by "and", ";" or ",".
    static const Regex earlier_clause(
        R"(\b(?:was|were|is|are|has been|have been) [a-z]+(?: [a-z]+)*?(?:,? and |; |, ))");
    const std::string before = x.n.text.substr(0, static_cast<std::size_t>(x.m.position(0)));
    std::size_t clause_start = 0;
    for (RegexIterator it(before.begin(), before.end(), earlier_clause), end; it != end; ++it)
      clause_start = static_cast<std::size_t>(it->position(0) + it->length(0));
    std::vector<std::string> fs;
    for (const auto& f : x.n.functions)
      if (f.pos >= clause_start && f.pos < static_cast<std::size_t>(x.m.position(0) + x.m.length(0)) &&
          std::find(fs.begin(), fs.end(), f.value) == fs.end())
        fs.push_back(f.value);
    static const Regex collective(R"(\b(?:these|all|the|this|both) (?:\w+ )?(?:functions?|macros?)\b)");
    if (fs.empty() && std::regex_search(x.n.text, collective))
      fs = x.ctx.vocab->page_functions;
    if (fs.empty()) {
      // The carried subject only where the sentence's own subject stands
      // for it ("It was added in 1.1.0"); "The cipher list defines are
      // deprecated as of 3.0" says nothing of the function before it.
      static const std::regex verb(R"(\s*\b(?:is|are|was|were|has been|have been|had been)\s*$)", std::regex::icase);
      static const std::regex stands_for(R"(^\s*(?:(?:it|they|this|these|those|both|each|all)\b.*|FUNC\b.*)?$)",
                                         std::regex::icase);
      const std::string own = std::regex_replace(before.substr(clause_start), verb, "");
      if (!std::regex_match(own, stands_for) && own.find(x.subject) == std::string::npos) return std::vector<Finding>{};
      fs.push_back(x.subject);
    }
    std::vector<Finding> out;
    for (const auto& f : fs) {
      Finding c = finding(kind, {f}, {{"release", versions.empty() ? "" : versions.front()}});
      require(c, "release");
      out.push_back(c);
    }
    return out;
  };
}

// cache-by-mode: the mode flags named by the item label or the sentence.
Taker cache_mode() {
  return [](const Match& x) {
    json modes = json::array();
    static const Regex flag(R"(^SSL_SESS_CACHE_\w+$)");
    if (std::regex_match(x.ctx.label, flag)) modes.push_back(x.ctx.label);
    for (const auto& c : x.n.constants)
      if (std::regex_match(c.value, flag) && std::find(modes.begin(), modes.end(), c.value) == modes.end())
        modes.push_back(c.value);
    json params = json::object();
    if (!modes.empty()) params["mode"] = modes;
    auto out = behaviour("cache-by-mode")(x);
    out.front().params = params;
    return out;
  };
}

// kept-reference-survives: the function named that drops the connection.
Taker kept_reference() {
  return [](const Match& x) {
    json params = json::object();
    for (const auto& f : x.n.functions)
      if (f.value == "SSL_free" || f.value == "SSL_clear") params["release"] = f.value;
    return std::vector<Finding>{finding("kept-reference-survives", {x.subject}, params)};
  };
}

// "SSL_SESSION_free() is called once for c": one reference dropped.
Taker called_free() {
  return [](const Match& x) {
    const auto called = Normalised::within(x.n.functions, x.m.position(0), x.m.position(0) + 4);
    if (called.empty() || called.front().size() < 5 || called.front().compare(called.front().size() - 5, 5, "_free") != 0)
      return std::vector<Finding>{};
    return argument("refcount-decrement", 1)(x);
  };
}

// The parameter the group names, only if it really is one of the subject's
// parameters (no fallback): "sets ... to t" must name what is set.
std::string named_parameter(const Match& x, int group) {
  if (!x.m[group].matched) return "";
  const auto [b, e] = span(x, group);
  const auto args = Normalised::within(x.n.arguments, b, e);
  const std::string word = args.empty() ? x.m[group].str() : args.front();
  const model::Prototype* p = x.ctx.vocab->prototype(x.subject);
  if (p == nullptr) return "";
  for (const auto& a : p->params)
    if (a.name == word) return word;
  return "";
}

// sets-value: the value parameter, and the getter that reads it back.
Taker setter() {
  return [](const Match& x) {
    const std::string value = named_parameter(x, 1);
    if (value.empty()) return std::vector<Finding>{};
    json params = {{"argument", value}};
    const std::string getter = counterpart(x.subject, *x.ctx.vocab);
    if (!getter.empty()) params["getter"] = getter;
    return std::vector<Finding>{finding("sets-value", {x.subject}, params)};
  };
}

// cache-add / cache-remove: the session parameter named.
Taker cache_change(const char* kind) {
  return [kind](const Match& x) {
    const std::string session = named_parameter(x, 1);
    if (session.empty()) return std::vector<Finding>{};
    return std::vector<Finding>{finding(kind, {x.subject}, {{"argument", session}})};
  };
}

// A quantity and its bound or value as the sentence states them: "the
// maximum length of the sid_ctx is limited to SSL_MAX_SID_CTX_LENGTH",
// "the default mode is SSL_SESS_CACHE_SERVER". The quantity is quoted (with
// placeholders put back), the value is a constant name or an integer.
Taker quantity(const char* kind, const char* value_key) {
  return [kind, value_key](const Match& x) {
    const auto qb = static_cast<std::size_t>(x.m.position(1));
    const std::string what = x.n.restore(qb, qb + static_cast<std::size_t>(x.m.length(1)));
    const auto vb = static_cast<std::size_t>(x.m.position(2));
    std::string value = x.n.restore(vb, vb + static_cast<std::size_t>(x.m.length(2)));
    json params = {{"quantity", what}};
    if (const auto n = model::parse_integer(value)) params[value_key] = *n;
    else params[value_key] = value;
    // The first page function the quantity belongs to: the one named, else the subject.
    std::string fn = x.subject;
    for (const auto& f : x.n.functions)
      if (x.ctx.vocab->on_page(f.value)) { fn = f.value; break; }
    return std::vector<Finding>{finding(kind, {fn}, params)};
  };
}

// "X is the default", or "This is the default." in the list item labelled
// X: the value is the flag named, the quantity is not stated.
Taker labelled_default() {
  return [](const Match& x) {
    static const Regex flag(R"(^[A-Z][A-Z0-9]*_[A-Z0-9_]+$)");
    const std::string value = x.m[1].matched ? x.m[1].str() : x.ctx.label;
    if (!std::regex_match(value, flag)) return std::vector<Finding>{};
    std::string fn = x.subject;
    for (const auto& f : x.n.functions)
      if (x.ctx.vocab->on_page(f.value)) { fn = f.value; break; }
    return std::vector<Finding>{finding("default-value", {fn}, {{"quantity", ""}, {"value", value}})};
  };
}

// "The length of the id is stored in *len", "... is written to buf": the
// output parameter a function fills. Only a real parameter of the subject.
Taker output() {
  return [](const Match& x) {
    const std::string out = named_parameter(x, 3);
    if (out.empty()) return std::vector<Finding>{};
    const auto qb = static_cast<std::size_t>(x.m.position(2));
    json params = {{"argument", out}, {"quantity", x.n.restore(qb, qb + static_cast<std::size_t>(x.m.length(2)))}};
    if (x.m[1].matched) {  // "On success the two BIOs are stored in *bio1": only then
      params["condition"] = x.m[1].str();
      classify_condition(params, x.subject);
    } else {  // "... is written to *len if len is not NULL": only then
      static const Regex trailing(R"(^,? ((?:if|when|unless|whenever) [^.;]+))");
      std::smatch t;
      const auto after = static_cast<std::size_t>(x.m.position(0) + x.m.length(0));
      const std::string rest = x.n.text.substr(after);
      if (std::regex_search(rest, t, trailing)) {
        const auto b = after + static_cast<std::size_t>(t.position(1));
        std::string c = x.n.restore(b, b + static_cast<std::size_t>(t.length(1)));
        static const Regex intro(R"(^(?:if|when|whenever) )");
        params["condition"] = std::regex_replace(c, intro, "");
        classify_condition(params, x.subject);
      }
    }
    return std::vector<Finding>{finding("writes-output", {x.subject}, params)};
  };
}

// "Freeing the SSL_CTX (using SSL_CTX_free) decrements it": the function the
// gerund phrase names drops one reference. A bare "it" is the count only
// when the sentence before spoke of one ("An SSL_CTX object is reference
// counted.").
Taker gerund_decrement() {
  return [](const Match& x) {
    static const Regex counted(R"(\breference[- ]count)", std::regex::icase);
    if (x.m[2].str() == "it" && !std::regex_search(x.ctx.previous, counted)) return std::vector<Finding>{};
    const auto named = Normalised::within(x.n.functions, x.m.position(1), x.m.position(1) + 4);
    if (named.empty()) return std::vector<Finding>{};
    std::string arg;
    if (const model::Prototype* p = x.ctx.vocab->any_prototype(named.front()))
      for (const auto& a : p->params)
        if (a.type.find('*') != std::string::npos && !a.name.empty()) { arg = a.name; break; }
    Finding f = finding("refcount-decrement", {named.front()}, {{"argument", arg}});
    require(f, "argument");
    return std::vector<Finding>{f};
  };
}

// The value parameter of a setter: one the group names (not the object
// the setter acts on), else, by the API's convention set(object, value,
// ...), the parameter after the object.
std::string value_parameter(const Match& x, int group) {
  const model::Prototype* p = x.ctx.vocab->prototype(x.subject);
  if (p == nullptr || p->params.size() < 2) return "";
  if (group > 0 && x.m[group].matched) {
    const auto [b, e] = span(x, group);
    for (const auto& a : Normalised::within(x.n.arguments, b, e))
      for (std::size_t i = 1; i < p->params.size(); ++i)
        if (p->params[i].name == a) return a;
  }
  return p->params[1].name;
}

// "X() sets the callback function that is called ...", "X() sets the
// master key value associated with sess", "X() takes a copy of sid_ctx and
// associates it with s": a setter whose sentence names what it sets but
// not "to" which value; the value is its value parameter.
Taker setter_of_noun(int group) {
  return [group](const Match& x) {
    const std::string value = value_parameter(x, group);
    if (value.empty()) return std::vector<Finding>{};
    json params = {{"argument", value}};
    const std::string getter = counterpart(x.subject, *x.ctx.vocab);
    if (!getter.empty()) params["getter"] = getter;
    return std::vector<Finding>{finding("sets-value", {x.subject}, params)};
  };
}

// "X(), Y() and Z() retrieve the function pointers set by the corresponding
// set functions": each getter returns what its setter (the page's
// counterpart) stored.
Taker getters_of_setters() {
  return [](const Match& x) {
    std::vector<Finding> out;
    for (const auto& g : Normalised::within(x.n.functions, x.m.position(1), x.m.position(1) + x.m.length(1))) {
      const std::string setter = counterpart(g, *x.ctx.vocab);
      if (setter.empty() || setter.find("set") == std::string::npos) continue;
      out.push_back(finding("returns-current", {g}, {{"setter", setter}}));
    }
    return out;
  };
}

// "the SSL_SENT_SHUTDOWN flag is set", "X() will ... set the
// SSL_SENT_SHUTDOWN flag": after the subject's call the flag reads as set.
// A clause that says when ("after receiving and processing it", "If the
// peer already sent ...") is kept as the condition.
Taker flag_set(int flag_group) {
  return [flag_group](const Match& x) {
    json params = {{"flag", x.m[flag_group].str()}};
    static const Regex lead(R"(^(?:if|when|once|after) ([^,]+),)");
    static const Regex trail(R"(\bflag\b[^.;]*? ((?:after|once|when|whenever|if) [^.;]+))");
    std::smatch c;
    if (std::regex_search(x.n.text, c, lead) || std::regex_search(x.n.text, c, trail)) {
      const auto b = static_cast<std::size_t>(c.position(1));
      params["condition"] = x.n.restore(b, b + static_cast<std::size_t>(c.length(1)));
      classify_condition(params, x.subject);
    }
    // The function whose call sets it: one the sentence opens with, else
    // the one a condition says processed the event ("processed ... inside
    // another function (SSL_read())"), else the subject carried.
    const auto at = static_cast<std::size_t>(x.m.position(0));
    const auto in_match = Normalised::within(x.n.functions, at, at + static_cast<std::size_t>(x.m.length(0)));
    std::string action = x.subject;
    if (!in_match.empty()) action = in_match.front();
    else if (!x.n.functions.empty() && x.n.functions.front().pos == 0) action = x.n.functions.front().value;
    else if (params.contains("condition"))
      for (const auto& f : x.n.functions)
        if (f.pos < at) { action = f.value; break; }
    // A page of one function speaks of that function.
    if (action.empty() && x.ctx.vocab->page_functions.size() == 1) action = x.ctx.vocab->page_functions.front();
    if (action.empty()) return std::vector<Finding>{};
    return std::vector<Finding>{finding("sets-flag", {action}, params)};
  };
}

// "All settings (method, ciphers, BIOs) are kept", "inherits the settings
// of the underlying context ctx: connection method, options, ...": the
// settings the list names, each as written (lower case).
Taker settings_list(const char* kind) {
  return [kind](const Match& x) {
    std::string list = x.m[1].str();
    json settings = json::array();
    static const Regex separator(R"(\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*)");
    for (RegexTokenIterator it(list.begin(), list.end(), separator, -1), end; it != end; ++it) {
      std::string item = it->str();
      while (!item.empty() && item.back() == ' ') item.pop_back();
      if (!item.empty()) settings.push_back(item);
    }
    if (settings.empty() || x.subject.empty()) return std::vector<Finding>{};
    return std::vector<Finding>{finding(kind, {x.subject}, {{"settings", settings}})};
  };
}

// "These methods are deprecated": the functions the list item is about
// (its label names them), else the sentence subject; no release.
Taker collective_deprecated() {
  return [](const Match& x) {
    std::vector<std::string> named;
    if (!x.ctx.label.empty())
      for (const auto& f : normalise(x.ctx.label, *x.ctx.vocab).functions)
        if (std::find(named.begin(), named.end(), f.value) == named.end()) named.push_back(f.value);
    // Outside a list item "these" points back to something the sentence
    // does not name: the carried subject only, not the whole page.
    if (named.empty() && !x.subject.empty()) named.push_back(x.subject);
    std::vector<Finding> out;
    for (const auto& f : named) {
      out.push_back(finding("version-deprecated", {f}, {{"release", ""}}));
    }
    return out;
  };
}

FilteredRegex re(const char* p) { return FilteredRegex(p, std::regex::optimize); }

// Object phrase after "reference count": "of ARG", "on the given SSL_SESSION structure".
#define OBJ R"((?: (?:of|on|for) ([^.,;]+?))?)"
// Verb classes of the reference-count predicates: any verb of a class
// reads the same ("adds one to the reference count", "the count is raised").
#define INC R"((?:increments?|increases?|raises?|bumps?|adds? (?:one|NUM) to))"
#define INC_PP R"((?:incremented|increased|raised|bumped))"
#define DEC R"((?:decrements?|decreases?|lowers?|drops?|reduces?|subtracts? (?:one|NUM) from))"
#define AT_ZERO R"((?:(?:the|its) (?:reference )?count(?:er)? (?:has )?(?:reached|reaches|drops to|falls to|becomes|is|goes to|hits) NUM|no (?:more |other )?references? (?:remains?|are left|is left)|the last reference (?:is|has been) (?:released|dropped|freed|gone)))"
#define NULLNOOP R"((?:nothing is done|no action (?:is taken|occurs|is performed)|(?:it|the function|the call|this|FUNC) (?:does nothing|has no effect|is a no-?op|returns immediately|returns without doing anything)|is a no-?op|nothing happens|is ignored))"

const std::vector<Row>& behaviour_rows() {
  static const std::vector<Row> rows{
      {"alias-plus-ref", re(R"(^(.*?)\b(?:is|are) (?:(?:exactly |just )?the same as|identical to|equivalent to|similar to) (FUNC)[^.]*?\bbut\b[^.]*?(?:reference count(?:er)?[^.]*?(?:incremented|increased)|(?:takes|adds|obtains|acquires|returns) (?:a|an|one) (?:new |extra |additional |owned )?reference|up-?ref))"),
       alias("alias-plus-ref", {{"extra_references", 1}})},
      {"alias", re(R"(^(.*?)\b(?:is|are) (?:(?:exactly |just )?the same as|identical to|equivalent to|(?:a |the )?synonyms? (?:for|of)|(?:an? )?alias(?:es)? (?:for|of|to)|(?:a )?(?:deprecated )?(?:macros?|names?) for|(?:an )?(?:older|other|alternative|alternate|deprecated|compatibility) names? for|another (?:\w+ )?names? for) (?:the )?(FUNC))"),
       alias("alias"), "alias-plus-ref", R"(\b(?:but|except)\b)"},
      {"refcount-unchanged", re(R"(reference count(?:er)?)" OBJ R"( (?:is|was|will be|are|will) not (?:be )?(?:incremented|increased|changed|modified))"),
       argument("refcount-unchanged", 1), "alias-plus-ref"},
      {"refcount-unchanged", re(R"((?:does not|doesn't|will not|won't|do not|without) (?:increment|increase|change|modify|incrementing|increasing)(?:ing)? the reference count(?:er)?)" OBJ),
       argument("refcount-unchanged", 1), "alias-plus-ref"},
      {"refcount-unchanged", re(R"((?:no|not|without) (?:take|taking|takes|adding|add) (?:a|any) (?:new |extra |additional )?reference|reference count(?:er)?[^.;]*?(?:remains?|stays?) unchanged)"),
       argument("refcount-unchanged", 0), "alias-plus-ref"},
      {"refcount-increment", re(INC R"( the reference count(?:er)?)" OBJ R"((?: by (NUM|one))?(?:[ ,.;:]|$))"),
       increment(1, 2), "alias-plus-ref", R"(\bnot (?:be )?(?:increment|increase|raise|bump|add)|n't (?:increment|increase|raise|bump|add)|\bwithout (?:increas|increment|rais|bump|add))"},
      {"refcount-increment", re(R"(reference count(?:er)?)" OBJ R"( (?:is|will be|gets|are) (?:also )?)" INC_PP R"((?: by (NUM|one))?)"),
       increment(1, 2), "alias-plus-ref"},
      {"refcount-increment", re(R"((?:takes|adds|obtains|acquires) (?:a|an|one) (?:new |extra |additional )?reference (?:to|on|for) ([^.,;]+))"),
       increment(1, 0), "alias-plus-ref", R"(\bnot\b|\bwithout\b)"},
      {"refcount-decrement-free", re(DEC R"( the reference count(?:er)?)" OBJ R"(\b[^.]*?\b(?:free|frees|freed|freeing|remov|destroy|deallocat|releas))"),
       argument("refcount-decrement-free", 1)},
      {"refcount-decrement-free", re(R"((?:frees|destroys|releases|deallocates) ([^.;]+?) (?:when|if|once|as soon as) )" AT_ZERO),
       argument("refcount-decrement-free", 1)},
      {"refcount-decrement-free", re(R"(^(?:if|when|once) the reference count (?:has )?(?:drops to|reaches|reached|becomes|falls to|goes to) NUM[^.]*?(?:freed|destroyed|released|deallocated))"),
       argument("refcount-decrement-free", -1)},
      // "releases one reference to session; the session is destroyed once
      // no references remain": the drop, then the free at zero.
      {"refcount-decrement-free", re(R"((?:releases|drops|gives up) (?:one|a|its) reference (?:to|on) (ARG|[a-z_]+)[^.]*?\b(?:free|destroy|deallocat)\w*[^.]*? (?:when|if|once|as soon as) )" AT_ZERO),
       argument("refcount-decrement-free", 1)},
      {"refcount-decrement", re(DEC R"( the reference count(?:er)?)" OBJ),
       argument("refcount-decrement", 1), "refcount-decrement-free"},
      {"refcount-decrement", re(R"((?:releases|drops|gives up) (?:one|a|its) reference (?:to|on) (ARG|[a-z_]+))"),
       argument("refcount-decrement", 1), "refcount-decrement-free", R"(\bnot\b|\bwithout\b)"},
      {"refcount-decrement", re(R"(FUNC (?:is|will be) called (?:exactly )?once (?:for|on) (ARG|[a-z_]+))"), called_free()},
      {"null-noop", re(R"((?:if|when) (ARG|[a-z_]+|the [a-z_ ]+?) is NULL\b,?(?: then)?[^.;]*?)" NULLNOOP), argument("null-noop", 1)},
      {"null-noop", re(R"((?:does nothing|is a no-?op|has no effect|nothing is done)[^.;]*?(?:if|when) (ARG|[a-z_]+|the [a-z_ ]+?) is NULL)"), argument("null-noop", 1)},
      // The no-op predicate under a NULL condition in its other shape:
      // "does nothing when passed a NULL pointer (for ARG)".
      {"null-noop", re(R"((?:does nothing|is a no-?op|has no effect|nothing is done|returns immediately)[^.;]*?(?:if|when|whenever) (?:it is )?(?:passed|given|called with) (?:a |the )?NULL(?: pointer)?(?: (?:for|as) (?:the )?(ARG|[a-z_]+))?)"),
       argument("null-noop", 1), "null-noop"},
      {"null-noop", re(R"((?:passing|pass|given|called with|calling it with) (?:a )?NULL(?: pointer)?(?: (?:as|for) (ARG|[a-z_]+))?[^.;]*?)" NULLNOOP), argument("null-noop", 1)},
      {"null-noop", re(R"((ARG|[a-z_]+) (?:can|may) be NULL,? in which case )" NULLNOOP), argument("null-noop", 1)},
      {"copy", re(R"((?:copies the contents of|duplicates|creates a (?:new )?copy of|makes a copy of|returns a copy of|(?:that|which) is a (?:deep )?copy of)(?: the \w+ (?:structure|object) in)? (ARG))"),
       argument("copy", 1)},
      {"copy-no-cache", re(R"((?:copy|duplicate)[^.]*?(?:not (?:owned by|in|part of|added to|a member of|placed in|inserted into) any (?:session )?cache|belongs to no (?:session )?cache|in no (?:session )?cache))"),
       argument("copy-no-cache", -1)},
      {"version-added", re(R"((?:was|were|is|are|has been|have been) (?:first )?(?:added|introduced|made available) (?:in|to) (?:openssl )?VER|first (?:appeared|available) in (?:openssl )?VER|(?:available|present) since (?:openssl )?VER)"),
       release("version-added")},
      {"version-deprecated", re(R"(deprecated (?:in|since|as of) (?:openssl )?VER)"), release("version-deprecated")},
      // "were removed in OpenSSL 1.1.0" (the installed SSL_CTX_new page spells it "where removed").
      {"version-removed", re(R"((?:was|were|where|is|are|has been|have been) (?:removed|dropped) (?:in|from|since|as of) (?:openssl )?VER|no longer (?:available|present|declared) (?:in|from|since|as of) (?:openssl )?VER)"),
       release("version-removed")},
      {"session-from-handshake", re(R"((?:session|sessions|SSL_SESSION objects?|SSL_SESSION structures?)[^.]*?(?:are|is) (?:allocated|created|established|generated)[^.]*?handshake[^.]*?(?:complet|finish|succe))"),
       behaviour("session-from-handshake")},
      {"session-from-handshake", re(R"((?:when|once|after) the handshake complet\w*,? the connection (?:has|holds|gets) a (?:new )?session)"),
       behaviour("session-from-handshake")},
      {"cache-by-mode", re(R"((?:depending on|according to) (?:the )?(?:settings|session cache mode|cache mode|mode)[^.]*?cache)"), cache_mode()},
      {"cache-by-mode", re(R"(sessions (?:are|will be) (?:added|stored|cached|inserted) (?:to|in|into) the (?:internal )?(?:session )?cache)"), cache_mode()},
      {"cache-by-mode", re(R"(^no session caching\b[^.]*?takes place)"), cache_mode()},
      {"flush-timeout", re(R"((?:remove|removes|removed|removing)[^.]*?(?:expired|due to (?:a )?time-?out|timed out)|expired sessions? (?:are|is|will be) removed)"),
       behaviour("flush-timeout"), nullptr, nullptr},
      {"kept-reference-survives", re(R"((?:increment|incremented|increments)[^.]*?reference count[^.]*?so that[^.]*?(?:not be (?:implicitly )?(?:removed|freed)|stays in memory|remains (?:valid|in memory)))"),
       kept_reference()},
      {"kept-reference-survives", re(R"(keeps? (?:the|a|its) session alive|\bsession survives\b)"), kept_reference()},
      {"resumption", re(R"((?:contains|holds) (?:all )?(?:the )?information (?:required|needed|necessary) to (?:re-?establish|resume)|(?:can|may) be (?:used|reused) to resume|session[^.]*?(?:reused|resumed)[^.]*?without (?:a )?(?:new|full) handshake)"),
       behaviour("resumption"), nullptr, R"(\bwhether\b)"},
      {"sets-value", re(R"(^(?:FUNC )?(?:records|stores) (?:the \w+ )?(ARG|[a-z_]+) (?:as|in)\b)"), setter()},
      {"sets-value", re(R"(^(?:FUNC )?copies (?:ARG |[a-z_]+ )?bytes from (ARG|[a-z_]+) (?:into|as (?:the|its)\b))"), setter()},
      {"copy", re(R"(releasing (?:the copy|the duplicate) does not affect (ARG|[a-z_]+))"), argument("copy", 1)},
      {"sets-value", re(R"(^(?:FUNC )?(?:sets|replaces|changes|stores) (?:the )?[^.;]*? (?:to|with)(?: the (?:chosen |given |new )?value)? (ARG|[a-z_]+)\b)"), setter()},
      // The same predicate with the value in apposition ("sets the protocol
      // version of s to the version version": the last "to", then a noun
      // phrase naming a parameter), or with the parameter as the object
      // ("sets session to be used when ...", "records ses for use").
      {"sets-value", re(R"(^(?:FUNC )?(?:sets|replaces|changes) (?:the )?[^.;]* to(?: the(?: [a-z_]+){0,2}?)? (ARG)\b)"), setter(), "sets-value"},
      {"sets-value", re(R"(^(?:FUNC )?(?:sets|records|stores) (ARG|[a-z_]+) (?:to be used|for use|as the \w+ to use)\b)"), setter(), "sets-value"},
      {"cache-add", re(R"(^(?:FUNC )?adds (?:the session )?(ARG|[a-z_]+) to (?:the (?:internal )?(?:session )?cache|the context))"), cache_change("cache-add")},
      {"cache-remove", re(R"(^(?:FUNC )?removes (?:the session )?(ARG|[a-z_]+) from (?:the (?:internal )?(?:session )?cache|the context))"), cache_change("cache-remove")},
      // Predicates over a quantity: "is limited to", "may not exceed", "is at most".
      {"limit", re(R"(^(?:the )?((?:maximum |max\. )?[a-z_ ]*?(?:length|size|number|count|lifetime|timeout)(?: of (?:the )?(?:ARG|[a-z_ ]+?))?) (?:is|are) (?:limited|restricted|capped) to (?:at most )?([A-Z][A-Z0-9_]+|NUM)\b)"),
       quantity("limit", "limit")},
      {"limit", re(R"(^(?:the )?((?:maximum |max\. )?[a-z_ ]*?(?:length|size|number|count)(?: of (?:the )?(?:ARG|[a-z_ ]+?))?) (?:must not|cannot|can not|does not|will not) exceed ([A-Z][A-Z0-9_]+|NUM)\b)"),
       quantity("limit", "limit")},
      // "The default mode is X", "X is the default": a default value.
      {"default-value", re(R"(^the default (?:value |setting )?((?:[a-z_]+ )?(?:mode|value|size|timeout|setting|length))?\s?(?:is|will be) ([A-Z][A-Z0-9_]+|NUM)\b)"),
       quantity("default-value", "value")},
      // The same predicate in other shapes: the quantity's noun phrase may
      // carry its owner ("the default mode of a new context is X"), the
      // value may follow "of" ("the same default timeout value of 300
      // seconds"), and a flag may be said to be the default by its list item
      // ("This is the default." under SSL_SESS_CACHE_SERVER).
      {"default-value", re(R"(^the default ((?:[a-z_]+ ){0,2}?(?:mode|value|size|timeout|setting|length|lifetime|limit)(?: of (?:a |an |the |each |every )?(?:new )?[a-z_ ]+?)?) (?:is|will be) ([A-Z][A-Z0-9_]+|NUM)\b)"),
       quantity("default-value", "value"), "default-value"},
      {"default-value", re(R"(\bdefault ((?:[a-z_]+ ){0,2}?(?:mode|value|size|timeout|setting|length|lifetime|limit)(?: value)?) of (NUM)\b)"),
       quantity("default-value", "value"), "default-value", R"(\bnot\b|\bno\b)"},
      {"default-value", re(R"(^(?:(?:this|it)|([A-Z][A-Z0-9_]+)) is the default(?: (?:setting|mode|value|flag|option))?\.?$)"),
       labelled_default(), "default-value"},
      // "The length of the id is stored in *len", "... is written to ARG".
      {"writes-output", re(R"(^(?:(on (?:success|failure|error)),? )?(?:the )?([a-z_ ]+?(?:of (?:the )?[a-z_ ]+?)?) (?:is|are|will be) (?:stored|written|returned|placed|put) (?:in|to|into|at) \*?(ARG|[a-z_]+)\b)"),
       output()},
      {"version-deprecated", re(R"(^(?:these|all these|all of these|both|the above) (?:\w+ )?(?:methods|functions|macros|calls) (?:are|were|have been) deprecated\.?$)"),
       collective_deprecated()},
      // A gerund naming the releasing function, the count as "it" or named.
      {"refcount-decrement", re(R"(^(?:freeing|releasing|destroying|dropping)\b[^.;]*?\b(?:using|with|by calling|via|through) (FUNC)\)?,? )" DEC R"( (it|its (?:reference )?count(?:er)?|the (?:reference )?count(?:er)?)\b)"),
       gerund_decrement(), "refcount-decrement"},
      // A setter naming what it sets with no "to VALUE": the value parameter.
      {"sets-value", re(R"(^FUNC (?:sets|replaces|changes|installs|registers) the ((?:(?!to\b)(?:[a-z_]+|ARG) ){0,6}?)(?:of length ARG )?(?:that|which|associated|within|for|of|used|to be)\b)"),
       setter_of_noun(1), "sets-value"},
      {"sets-value", re(R"(^FUNC (?:takes|makes|keeps|stores) a copy of ([^.;]*?) and (?:associates|attaches|stores|sets|records) it (?:with|in|on|as)\b)"),
       setter_of_noun(1), "sets-value"},
      {"returns-current", re(R"(^((?:FUNC,? (?:and )?)+)(?:retrieve|retrieves|return|returns|get|gets|read|reads) the [^.;]*?\b(?:set|stored|installed|registered|configured) (?:by|with|using|through)\b)"),
       getters_of_setters()},
      {"sets-flag", re(R"(\b([A-Z][A-Z0-9]*_[A-Z0-9_]+) flag (?:is|will be|gets|becomes) set\b)"), flag_set(1), nullptr,
       R"(\bwhether\b[^,]*\bis\b|\bused to set\b|\bcan be (?:checked|queried)\b|\bnot set\b|\b(?:if|when|unless|while|once) (?:the )?[A-Z][A-Z0-9]*_[A-Z0-9_]+ flag (?:is|was) set\b)"},
      {"sets-flag", re(R"(\bFUNC (?:will |also |then |only )*(?:[a-z_ ]+?(?:,| and then| and) )?(?:sets?|set) the ([A-Z][A-Z0-9]*_[A-Z0-9_]+) flag\b)"), flag_set(1), "sets-flag",
       R"(\bused to set\b|\bcan be (?:checked|queried)\b)"},
      // Settings a call keeps, and those a new object takes from its parent.
      {"keeps-settings", re(R"(^(?:all |the )?(?:settings|configuration) \(([^)]+)\) (?:are|is|will be|remain) (?:all )?(?:kept|preserved|retained|unchanged)\b)"),
       settings_list("keeps-settings")},
      {"inherits-settings", re(R"(\binherits (?:the |all )?(?:settings|configuration) of (?:the )?(?:underlying |parent )?(?:context|ARG|[a-z_]+)(?: ARG)?: ([^.;]+))"),
       settings_list("inherits-settings")},
      // The observers' own documented behaviour.
      {"free-callback-once", re(R"(^(?:when|once) (?:a|the) session is (?:freed|destroyed),? the (?:ARG|free_func|free callback)\b[^.]*?(?:is )?called (?:exactly )?once)"),
       behaviour("free-callback-once")},
      {"cache-count", re(R"(^FUNC returns the (?:current )?number of sessions (?:currently )?(?:held |stored )?in the (?:internal )?(?:session )?cache)"),
       behaviour("cache-count")},
      {"remove-callback", re(R"(sets the (?:function|callback(?: function)?)[^.]*?called (?:when|whenever) (?:a session|an? ssl_session(?: object)?) (?:(?:leaves|is removed from|is removed by [^.]*?from) the (?:internal )?(?:session )?cache|is removed by the ssl engine\b))"),
       behaviour("remove-callback")},
      {"unclean-shutdown-removes", re(R"(removed from the (?:internal )?(?:session )?cache[^.]*?(?:not (?:closed|shut) ?down cleanly|not shutdown cleanly|fatal error))"),
       behaviour("unclean-shutdown-removes")},
      {"unclean-shutdown-removes", re(R"((?:FUNC (?:was|is) not called|without FUNC|not (?:closed|shut) ?down cleanly|considered bad)[^.]*?(?:removes|takes|is removed|removed)[^.]*?(?:out of|from) the (?:internal )?(?:session )?cache)"),
       behaviour("unclean-shutdown-removes")},
  };
  return rows;
}

// ---- predicates about a session's state: what resumption requires, what
// marks a session not resumable, what a new session starts with, what the
// encoding keeps, where a cursor points afterwards (added for the mutation
// survivors of issue 15). Each row reads a predicate class; the words of
// the sentence become the params the check sets up.

// The conditions a sentence puts on resumption, each a requirement a check
// can break alone: found in the server's cache, not expired, the server's
// session ID context, resumable. Empty when the sentence names none.
json resumption_requirements(const std::string& t) {
  static const std::pair<const char*, std::regex> words[] = {
      {"in-cache", std::regex(R"(\b(?:finds?|found|looks? up)\b[^.;]*?\bin (?:its|the) (?:internal )?(?:session )?cache\b)")},
      // "later than creation time plus timeout": past its lifetime.
      {"not-expired", std::regex(R"(\bexpired?\b|\btimed[- ]?out\b|\blater than (?:the )?(?:session's )?creation time plus (?:the |its )?timeout\b)")},
      {"same-sid-ctx", std::regex(R"(\bsession id contexts?\b[^.;]*?\b(?:match|matches|matched|matching|equals?|same|differs?|different)\b|\b(?:matching|same|different|another) session id contexts?\b)")},
      {"resumable", std::regex(R"(\b(?:not resumable|non-?resumable|unresumable)\b)")},
  };
  json out = json::array();
  for (const auto& [name, pattern] : words)
    if (std::regex_search(t, pattern)) out.push_back(name);
  return out;
}

// "A server does not resume an expired session", "resumes ... only if the
// session ID contexts match", "If the client offers a session that ... has
// not expired ..., the server resumes it", "... performs a full handshake
// instead of resuming".
Taker resumption_conditions() {
  return [](const Match& x) {
    json requires = resumption_requirements(x.n.text);
    if (requires.empty()) return std::vector<Finding>{};
    return std::vector<Finding>{finding("resumption-requires", {x.subject}, {{"requires", requires}})};
  };
}

// The function acting in the sentence: the last one named before the
// predicate ("SSL_CTX_remove_session() marks ..."), else the subject.
std::string acting_function(const Match& x) {
  const auto before = Normalised::within(x.n.functions, 0, static_cast<std::size_t>(x.m.position(0)));
  return before.empty() ? x.subject : before.back();
}

// "marks c as not resumable", "marks the session it removes as not resumable".
Taker marks_unresumable() {
  return [](const Match& x) {
    const std::string fn = acting_function(x);
    const auto [b, e] = span(x, 1);
    // "the session it removes", "it": the subject's session parameter.
    const bool described = x.m[1].str().rfind("the session", 0) == 0 || x.m[1].str() == "it";
    std::string argument = described ? "" : resolve_argument(x.n, b, e, fn, *x.ctx.vocab);
    if (described)
      if (const model::Prototype* p = x.ctx.vocab->any_prototype(fn))
        for (const auto& a : p->params)
          if (argument.empty() && a.type.find("SSL_SESSION") != std::string::npos) argument = a.name;
    json params = {{"argument", argument}};
    static const std::regex both(R"(\b(?:in both cases|in either case|whether or not)\b)");
    if (std::regex_search(x.n.text, both)) params["cases"] = "both";
    Finding f = finding("marks-not-resumable", {fn}, params);
    require(f, "argument");
    return std::vector<Finding>{f};
  };
}

// The condition a sentence opens with ("On success", "If *pp is not NULL"),
// for the claim's `condition`/`when`.
void opening_condition(const Match& x, json& params, const std::string& fn) {
  static const std::regex opening(R"(^((?:on (?:success|failure|error))|(?:if|when) [^,]+),?)");
  std::smatch m;
  if (!std::regex_search(x.n.text, m, opening)) return;
  static const std::regex intro(R"(^(?:if|when) )");
  params["condition"] = std::regex_replace(x.n.restore(0, static_cast<std::size_t>(m.length(1))), intro, "");
  classify_condition(params, fn);
}

// "*pp is advanced past the bytes used": after the call the cursor points
// just past what the call read or wrote.
Taker advances() {
  return [](const Match& x) {
    const std::string cursor = named_parameter(x, 1);
    if (cursor.empty()) return std::vector<Finding>{};
    // A cursor is a pointer to a pointer (unsigned char **pp).
    const model::Prototype* p = x.ctx.vocab->prototype(x.subject);
    bool pointer_to_pointer = false;
    if (p != nullptr)
      for (const auto& a : p->params) pointer_to_pointer = pointer_to_pointer || (a.name == cursor && a.type.find("**") != std::string::npos);
    if (!pointer_to_pointer) return std::vector<Finding>{};
    json params = {{"argument", cursor}};
    const auto qb = static_cast<std::size_t>(x.m.position(2));
    params["past"] = x.n.restore(qb, qb + static_cast<std::size_t>(x.m.length(2)));
    opening_condition(x, params, x.subject);
    return std::vector<Finding>{finding("advances-pointer", {x.subject}, params)};
  };
}

// A list as the page wrote it ("protocol version, cipher suite and
// timeout"): one entry per item, articles kept.
json listed(const std::string& text) {
  static const std::regex separator(R"(\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*)");
  json out = json::array();
  for (std::sregex_token_iterator it(text.begin(), text.end(), separator, -1), end; it != end; ++it)
    if (!it->str().empty()) out.push_back(it->str());
  return out;
}

// "The encoding keeps the fields ...: protocol version, ..., timeout": a
// session encoded then decoded has the same value in each field named. The
// subject is the page's encoder (then its decoder).
Taker encoding_keeps() {
  return [](const Match& x) {
    const auto b = static_cast<std::size_t>(x.m.position(1));
    json fields = listed(x.n.restore(b, b + static_cast<std::size_t>(x.m.length(1))));
    std::vector<std::string> fs;
    for (const char* prefix : {"i2d_", "d2i_"})
      for (const auto& f : x.ctx.vocab->page_functions)
        if (f.rfind(prefix, 0) == 0 && std::find(fs.begin(), fs.end(), f) == fs.end()) fs.push_back(f);
    if (fs.empty()) fs.push_back(x.subject);
    return std::vector<Finding>{finding("encoding-keeps", fs, {{"fields", fields}})};
  };
}

// "The new session has an empty session ID, ... and a creation time equal
// to the current time"; "A session negotiated by a handshake starts with
// the current time and with the timeout of its context". `origin` says
// which session: one the subject creates, or one a handshake negotiates.
Taker starts_with() {
  return [](const Match& x) {
    const auto b = static_cast<std::size_t>(x.m.position(2));
    std::string text = x.n.restore(b, b + static_cast<std::size_t>(x.m.length(2)));
    static const std::regex with(R"(\bwith (?:the |a |an )?)");
    text = std::regex_replace(text, with, "");
    static const std::regex handshake(R"(\bhandshake\b|\bnegotiated\b|\bof its context\b|\bits (?:context|ssl_ctx)\b)");
    const bool negotiated = std::regex_search(x.n.text, handshake);
    json params = {{"fields", listed(text)}, {"origin", negotiated ? "handshake" : "subject"}};
    return std::vector<Finding>{finding("session-starts-with", {x.subject}, params)};
  };
}

// "A session copies the timeout of its context when it is created": the
// field named, taken from the context.
Taker inherits() {
  return [](const Match& x) {
    json params = {{"fields", json::array({x.m[1].str() + " of its context"})}, {"origin", "handshake"}};
    return std::vector<Finding>{finding("session-starts-with", {x.subject}, params)};
  };
}

// "SSL_SESSION_set_time() returns tm on success": the value passed back.
Taker returns_argument() {
  return [](const Match& x) {
    const std::string fn = acting_function(x);
    const model::Prototype* p = x.ctx.vocab->prototype(fn);
    const auto [b, e] = span(x, 1);
    const auto args = Normalised::within(x.n.arguments, b, e);
    const std::string word = args.empty() ? x.m[1].str() : args.front();
    bool known = false;
    if (p != nullptr)
      for (const auto& a : p->params) known = known || a.name == word;
    if (!known) return std::vector<Finding>{};
    json params = {{"argument", word}};
    if (x.m[2].matched) {
      params["condition"] = x.m[2].str();
      classify_condition(params, fn);
    }
    return std::vector<Finding>{finding("returns-argument", {fn}, params)};
  };
}

// "A value that is not a known protocol version is refused": the value
// parameter is the subject's one parameter that is not a pointer.
Taker refuses_unknown() {
  return [](const Match& x) {
    const std::string fn = acting_function(x);
    const model::Prototype* p = x.ctx.vocab->prototype(fn);
    std::vector<std::string> values;
    if (p != nullptr)
      for (const auto& a : p->params)
        if (a.type.find('*') == std::string::npos && !a.name.empty()) values.push_back(a.name);
    if (values.size() != 1) return std::vector<Finding>{};
    // The words as written: a parameter name among them ("protocol
    // version") was replaced by ARG in the normalised text.
    const auto at = static_cast<std::size_t>(x.m.position(1));
    const std::string what = x.n.restore(at, at + static_cast<std::size_t>(x.m.length(1)));
    return std::vector<Finding>{
        finding("refuses-value", {fn}, {{"argument", values.front()}, {"value", "unknown"}, {"of", what}})};
  };
}

// "A negative t is refused", "FUNC refuses a negative tm": the value is
// not taken (what is in effect stays).
Taker refuses() {
  return [](const Match& x) {
    const int value_group = x.m[1].matched ? 1 : 3;
    const int arg_group = x.m[1].matched ? 2 : 4;
    const std::string fn = acting_function(x);
    const auto [b, e] = span(x, arg_group);
    const auto args = Normalised::within(x.n.arguments, b, e);
    const std::string word = args.empty() ? x.m[arg_group].str() : args.front();
    const model::Prototype* p = x.ctx.vocab->prototype(fn);
    bool known = false;
    if (p != nullptr)
      for (const auto& a : p->params) known = known || a.name == word;
    if (!known) return std::vector<Finding>{};
    return std::vector<Finding>{finding("refuses-value", {fn}, {{"argument", word}, {"value", x.m[value_group].str()}})};
  };
}

// A sentence in the list item of a cache-mode flag saying which sessions
// enter the cache ("Sessions negotiated by client connections are added to
// the cache" under SSL_SESS_CACHE_CLIENT): cache-by-mode in that mode.
Taker item_cache_mode() {
  return [](const Match& x) {
    static const std::regex flag(R"(^SSL_SESS_CACHE_\w+$)");
    if (!std::regex_match(x.ctx.label, flag)) return std::vector<Finding>{};
    return cache_mode()(x);
  };
}

// Who holds the callback's reference after it returned the value named.
Taker callback_holder() {
  return [](const Match& x) {
    const auto nums = Normalised::within(x.n.numbers, x.m.position(1), x.m.position(1) + 3);
    const auto value = nums.empty() ? std::nullopt : model::parse_integer(nums.front());
    if (!value || x.subject.empty()) return std::vector<Finding>{};
    // Whatever the verb, the reference is the application's to release when
    // the application is named ("keeps that reference", "releases it
    // later"), and is no one's once the library has done with it.
    const bool application_holds = x.m[2].str() != "library";
    json params = {{"returns", *value}, {"holder", application_holds ? "application" : "library"}};
    return std::vector<Finding>{finding("callback-reference", {x.subject}, params)};
  };
}

// The quantity returned, and the condition the sentence opens with.
Taker returned_quantity() {
  return [](const Match& x) {
    const std::string fn = acting_function(x);
    if (fn.empty()) return std::vector<Finding>{};
    const auto b = static_cast<std::size_t>(x.m.position(1));
    json params = {{"quantity", x.n.restore(b, b + static_cast<std::size_t>(x.m.length(1)))}};
    opening_condition(x, params, fn);
    return std::vector<Finding>{finding("returns-quantity", {fn}, params)};
  };
}

// The parameter whose object the call reuses.
Taker reused_argument() {
  return [](const Match& x) {
    const std::string fn = acting_function(x);
    const std::string a = named_parameter(Match{x.m, x.n, x.ctx, fn}, 1);
    if (a.empty()) return std::vector<Finding>{};
    return std::vector<Finding>{finding("reuses-argument", {fn}, json{{"argument", a}})};
  };
}

// A claim about the sentence's subject with no params.
Taker subject_only(const char* kind) {
  return [kind](const Match& x) {
    if (x.subject.empty()) return std::vector<Finding>{};
    return std::vector<Finding>{finding(kind, {x.subject})};
  };
}

#define UNRESUMABLE R"((?:not resumable|non-?resumable|unresumable))"

const std::vector<Row>& state_rows() {
  static const std::vector<Row> rows{
      {"resumption-requires", re(R"(\b(?:does|do|will|can|would) not (?:be )?(?:resume|reuse)d?\b|\b(?:doesn't|won't|cannot|never) (?:be )?(?:resume|reuse)d?\b|\bnot (?:be )?(?:resumed|reused)\b|\binstead of resuming\b|(?:^|[ ,;(])(?:resumes?|reuses?|resumed|reused)\b[^.;]*?\b(?:if|when|once|unless)\b|\b(?:if|when|once)\b[^.;]*?[ ,;(](?:resumes?|reuses?|resumed|reused)\b)"),
       resumption_conditions(), nullptr, R"(\bwhether\b)"},
      {"marks-not-resumable", re(R"(\bmarks? (ARG|[a-z_]+|the session(?: it (?:removes|is given))?|it) as )" UNRESUMABLE),
       marks_unresumable()},
      {"marks-not-resumable", re(R"((ARG) (?:is|gets) marked (?:as )?)" UNRESUMABLE), marks_unresumable(), "marks-not-resumable"},
      {"advances-pointer", re(R"(\*?(ARG) is (?:then )?(?:advanced|moved forward|moved on) (past [^.;,]+|by [^.;,]+))"), advances()},
      {"encoding-keeps", re(R"(\b(?:the )?(?:der )?(?:encoding|encoded (?:form|session))\b[^.:;]*?\b(?:keeps|holds|contains|preserves|records|carries|includes)\b[^.:;]*?:\s*([^.;:]+))"),
       encoding_keeps()},
      {"session-starts-with", re(R"(^(?:the|a|each|every) (?:new )?(session(?: object)?(?: negotiated by a handshake)?) (?:starts with|has|is created with) ((?:an? |the |no )[^.;:]+?)\.?$)"),
       starts_with(), nullptr, R"(\breference count\b|\bnot\b)"},
      {"session-starts-with", re(R"(^(?:a|each|every) (?:new )?session (?:copies|takes|inherits) the (timeout|time-?out value) of its (?:context|ssl_ctx)\b)"),
       inherits(), "session-starts-with"},
      {"returns-argument", re(R"(^FUNC returns (ARG|[a-z_]+)(?: (on success|if [^.;,]+?|unchanged))?(?: and\b|[.,;]|$))"), returns_argument()},
      {"cache-by-mode", re(R"(^(?:no )?sessions?\b[^.;]*? (?:is|are) (?:not )?(?:added to|cached in|stored in|put in|inserted into) the (?:internal )?(?:session )?cache\b|^no session\b[^.;]*? is cached\b)"),
       item_cache_mode(), "cache-by-mode"},
      // "the connection's reference to that old session is released",
      // "releases its reference to the previous session".
      {"releases-previous", re(R"(\breferences? to (?:that|the|its) (?:old|previous|former|replaced) ([a-z_]+) (?:is|are) (?:released|dropped|given up)\b|\b(?:releases|drops|gives up) (?:its|the|their) references? to (?:the|its|their) (?:old|previous|former|replaced) ([a-z_]+))"),
       subject_only("releases-previous")},
      // "If the cache already holds a different session object with the same
      // session ID, that object is removed", "replaces any cached session
      // with the same ID".
      {"cache-replaces-same-id", re(R"(\b(?:a |another |different |other )+(?:session )?(?:object )?with the same (?:session )?id\b[^.]*?\b(?:is|are|gets) (?:removed|replaced|evicted|dropped)\b|\breplaces (?:a|any|the) (?:cached |older |other )?session (?:object )?(?:that has |with )the same (?:session )?id\b)"),
       subject_only("cache-replaces-same-id")},
      // "returns the new options bit mask, after the bits were set": the
      // value now in effect.
      {"returns-current", re(R"(^FUNC returns the new ((?:[a-z_]+ |ARG )*?(?:value|mask|options|mode|size|timeout|setting|flags|limit))(?:,| after\b|\.?$))"), subject_only("returns-current")},
      // "If the callback returns 1, the application keeps that reference";
      // "If the callback returns 0, the library releases that reference".
      {"callback-reference", re(R"(^(?:if|when) the (?:[\w-]+ )?callback returns (NUM),? (?:then )?the (application|caller|library) (keeps|owns|holds|releases|frees|drops) (?:that|the|its|this) (?:session )?reference\b)"),
       callback_holder()},
      // "If outlen is 0, nothing is copied and the length of the master key
      // is returned": a quantity returned under the sentence's condition.
      {"returns-quantity", re(R"(\b(?:the|its) ((?:length|size|number) of (?:the )?[a-z_ ]+?) is returned\b)"), returned_quantity()},
      // "d2i_SSL_SESSION() reuses a session that *a already points to: it
      // decodes into that session and returns it": the caller's object.
      {"reuses-argument", re(R"(^FUNC reuses (?:a|an|the) (?:[a-z_]+ ){1,3}?(?:that|which) \*?(ARG|[a-z_]+) (?:already )?(?:points to|holds|refers to)\b[^.;]*?\breturns it\b)"),
       reused_argument()},
      {"refuses-value", re(R"(^(?:an? )?(negative|zero) (ARG|[a-z_]+) is (?:refused|rejected|not accepted)\b|\b(?:refuses|rejects) (?:an? )?(negative|zero) (ARG|[a-z_]+)\b)"),
       refuses()},
      // "A value that is not a known protocol version is refused".
      {"refuses-value", re(R"(^(?:an? |the )?(?:value|number|argument)(?: (?:that|which) is)? not an? (?:known|valid|supported|recogni[sz]ed) ((?:[a-z]+|ARG)(?: (?:[a-z]+|ARG))*?) (?:is|are) (?:refused|rejected|not accepted)\b)"),
       refuses_unknown()},
  };
  return rows;
}

// flush-timeout only speaks about flushing when a flush function is named or
// the word is used; otherwise "removed because expired" is about something else.
bool flush_context(const Normalised& n) {
  for (const auto& f : n.functions)
    if (f.value.find("flush") != std::string::npos) return true;
  return n.text.find("flush") != std::string::npos;
}

bool has_kind(const std::vector<Finding>& fs, const char* kind) {
  return std::any_of(fs.begin(), fs.end(), [kind](const Finding& f) { return f.kind == kind; });
}

void add_unique(std::vector<Finding>& out, Finding f) {
  for (const auto& o : out)
    if (o.kind == f.kind && o.functions == f.functions && o.params == f.params) return;
  out.push_back(std::move(f));
}

std::vector<Finding> behaviour_findings(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  std::vector<Finding> out;
  std::vector<const Row*> rows;
  for (const auto* table : {&behaviour_rows(), &state_rows()})
    for (const auto& row : *table) rows.push_back(&row);
  for (const Row* r : rows) {
    const Row& row = *r;
    if (row.excluded_by && has_kind(out, row.excluded_by)) continue;
    std::smatch m;
    if (!row.pattern.may_match(n.text) || !std::regex_search(n.text, m, row.pattern.regex())) continue;
    if (row.has_unless && std::regex_search(n.text, row.unless)) continue;
    if (std::string(row.kind) == "flush-timeout" && !flush_context(n)) continue;
    for (auto& f : row.take(Match{m, n, ctx, subject})) add_unique(out, std::move(f));
  }
  return out;
}

Finding reasoned(const char* reason, const Normalised& n, const std::string& subject) {
  Finding f = finding(reason, {subject});
  f.checkable = false;
  f.reason = reason;
  json mentions = json::array();
  for (const auto& fn : n.functions)
    if (std::find(mentions.begin(), mentions.end(), fn.value) == mentions.end()) mentions.push_back(fn.value);
  if (!mentions.empty()) f.params["mentions"] = mentions;
  return f;
}

bool obligation(const std::string& t) {
  static const Regex r(
      R"(\bmust\b|\bshould\b|\bshall\b|\bit(?: is|'s) (?:therefore )?(?:crucial|essential|important|vital|recommended|advisable|necessary)\b|\b(?:is|are) responsible for\b|\bneeds? to be\b|\b(?:has|have) to be\b|\bdo not\b|\bnever (?:call|use|free|pass)\b|\b(?:is|are) required to\b|\bit is (?:an )?error (?:to|if)\b|\bresponsibility\b|\bit is the job of\b|\bit is a requirement\b|\b(?:is|are) not allowed\b)"
      // "does not perform a null check on s": passing NULL is the caller's to avoid.
      R"(|\b(?:does|do|will) not (?:perform|do|make) (?:a |any )?null[- ]?checks?\b|\b(?:does|do) not check (?:whether |if |for )?[^.;]*?\bNULL\b)");
  return std::regex_search(t, r);
}

bool speculative(const std::string& t) {
  static const Regex r(R"(\b(?:may|might|could)\b)");
  return std::regex_search(t, r);
}

bool informative(const std::string& t) {
  static const Regex r(
      R"(:$|\b(?:error (?:stack|queue|codes?|data)|reason code)\b|\berrors? (?:can|may) be (?:obtained|retrieved|examined)|find out the reason|^(?:see|refer to|for (?:more |further )?(?:details|information|\w+ details))\b|\bsee (?:also )?(?:FUNC|PAGE)[ ,.)]*$|^(?:these|this|the following|all (?:these|of these|the|other)?) ?(?:functions?|macros?|calls?)\b)");
  return std::regex_search(t, r);
}

// Nothing but references ("SSL_new(3), SSL_clear(3), ssl(7)"): a SEE ALSO
// list the reader met as a sentence; it states nothing to check.
bool reference_list(const std::string& t) {
  static const Regex r(R"(^(?:(?:FUNC|PAGE),? (?:and )?)*(?:FUNC|PAGE)\.?$)");
  return std::regex_match(t, r);
}

// A pronoun with no function to stand for is still a subject when it
// needs no antecedent ("This can happen when ...", "There are two ...") or
// finds one in the sentence's own condition ("If both client and server
// agree on the session, it will be reused"). A bare "it" or "they" opening
// a sentence points at something the grammar cannot see.
bool refers_without_function(const Normalised& n, const Clause& c) {
  const std::string word = n.text.substr(c.subject_begin, n.text.find(' ', c.subject_begin) - c.subject_begin);
  if (word == "this" || word == "these" || word == "that" || word == "those" || word == "there") return true;
  return !c.condition.empty() && c.subject_begin > 0;
}

// A verb with no subject describes something when it belongs to a list
// item (the item's label is what it describes: "Enable both ... at the same
// time" under SSL_SESS_CACHE_BOTH), acts on a parameter of the page ("Reset
// ssl to allow another connection"), or opens a DESCRIPTION ("Query, whether
// ..."). Anywhere else it instructs the reader ("Use the version-flexible
// methods instead").
bool described_by_imperative(const Normalised& n, const SentenceContext& ctx) {
  if (!ctx.label.empty()) return true;
  if (!n.arguments.empty()) return true;
  return ctx.section == "DESCRIPTION" && ctx.carried.empty();
}

// Advice to the reader, not a statement about the library: "make sure",
// "you can/should", "it is recommended", "is not recommended",
// "shouldn't", "it is acceptable for an application to".
bool advice(const std::string& t) {
  static const Regex r(
      R"(\bmake sure\b|\byou(?:r)?\b|\bshouldn't\b|\b(?:is|are) (?:also |therefore |thus )?(?:not )?(?:recommended|advised|advisable|discouraged)\b)"
      R"(|\bit is (?:not )?(?:recommended|advisable|preferable|acceptable|wise|good practice)\b|\bis (?:the )?preferred way\b)");
  return std::regex_search(t, r);
}

// Illustrations and cross-references: "For example, ...", "e.g. ...", a
// sentence that ends by pointing elsewhere ("...; see the notes below").
bool illustration_or_reference(const std::string& t) {
  static const Regex r(
      R"(^(?:for (?:example|instance)|e\.g\.|as an example)\b|[;,] see (?:the )?(?:"?notes"?|"?[a-z ]+"? )?(?:below|above)\b|\bsee (?:the )?(?:"?notes"?|section "?[^"]+"?) (?:below|above)\.?$)");
  return std::regex_search(t, r);
}

// The grammar's last reading (clause.hpp): a subject (functions, "these
// functions", "both", a pronoun carrying the subject, a noun phrase, a
// gerund) and a predicate verb, with no predicate the claim language can
// check ("SSL_shutdown() shuts down an active connection", "The server then
// looks up the session in its cache"). The verb is kept so that the
// coverage report can list which predicates lack a check; the condition
// clause is kept with its class.
std::optional<Finding> descriptive(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  // "It is not possible to ...", "It is expected that ...": an impersonal
  // "it" (an adjective and "to"/"that" after the copula) stands for no
  // function; "It is implemented as a macro" stands for the carried one.
  static const Regex impersonal(R"(^it (?:is|was)(?: not)? (?:\w+ )?\w+ (?:to|that|for|if|whether)\b)");
  const bool no_referent = std::regex_search(n.text, impersonal);
  const auto clause = parse_clause(n);
  if (!clause) return std::nullopt;
  std::vector<std::string> subjects;
  for (const auto& f : n.functions)
    if (f.pos >= clause->subject_begin && f.pos < clause->subject_end &&
        std::find(subjects.begin(), subjects.end(), f.value) == subjects.end())
      subjects.push_back(f.value);
  const bool named = !subjects.empty();
  const bool pronoun = clause->subject_kind == SubjectKind::pronoun;
  // In a list item a pronoun stands for what the label names ("These are
  // the general-purpose methods" under "TLS_method(), TLS_server_method()").
  if (subjects.empty() && pronoun && !ctx.label.empty())
    for (const auto& f : normalise(ctx.label, *ctx.vocab).functions)
      if (std::find(subjects.begin(), subjects.end(), f.value) == subjects.end()) subjects.push_back(f.value);
  // "CERT_PKEY_SIGN: the EE key can be used for signing": a topic before a
  // colon names what the sentence describes when its subject names nothing.
  if (subjects.empty() && !clause->topic.empty())
    for (const auto& f : normalise(clause->topic, *ctx.vocab).functions)
      if (std::find(subjects.begin(), subjects.end(), f.value) == subjects.end()) subjects.push_back(f.value);
  if (subjects.empty() && !subject.empty() && !no_referent) subjects.push_back(subject);
  // A pronoun with no function to stand for ("It is ignored by clients"
  // under an option, "It is called before ..." about a callback): in a list
  // item it is the item's label; elsewhere its referent is left open
  // (`subject` "it"): described, never checked.
  const bool open_referent = subjects.empty() && pronoun && !no_referent && !refers_without_function(n, *clause);
  // A main verb under "would" states a hypothetical ("would be grossly
  // foolish", "would normally be copied"): what happens under conditions
  // the page does not set, as speculative as "may".
  if (clause->predicate.rfind("would", 0) == 0) return reasoned("speculative", n, subject);
  if (clause->subject_kind == SubjectKind::imperative && !described_by_imperative(n, ctx))
    return reasoned("caller-obligation", n, subject);  // an instruction to the reader
  Finding f = reasoned("descriptive", n, subjects.empty() ? std::string() : subjects.front());
  f.functions = subjects;
  f.reason = "informative";
  f.params["predicate"] = clause->predicate;
  if (clause->subject_kind == SubjectKind::imperative && !ctx.label.empty()) f.params["subject"] = ctx.label;
  else if (!named && clause->subject_kind != SubjectKind::imperative && clause->subject_end > clause->subject_begin)
    f.params["subject"] = n.restore(clause->subject_begin, clause->subject_end);
  else if (!named && clause->subject_kind == SubjectKind::imperative && !clause->topic.empty())
    f.params["subject"] = clause->topic;
  if (!clause->topic.empty() && !f.params.contains("subject") && !named) f.params["subject"] = clause->topic;
  if (open_referent) f.params["subject"] = ctx.label.empty() ? n.restore(clause->subject_begin, clause->subject_end) : ctx.label;
  if (!clause->condition.empty()) {
    f.params["condition"] = clause->condition;
    classify_condition(f.params, f.functions.empty() ? std::string() : f.functions.front());
  }
  return f;
}

// Whether a sentence names a value a function could return: a number, NULL,
// an upper-case constant, a word of returning, "the value of/is", a sign;
// or a verb of occurring with a pronoun for a value ("It can also occur
// when ..."). Success and failure words alone name an outcome, not a value.
bool states_value(const Normalised& n) {
  static const Regex value(
      R"(\bNUM\b|\bNULL\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\breturn|\bvalues? (?:of|is)\b|\b(?:true|false|zero|non-?zero|positive|negative)\b|\b(?:occur|happen|appear)\w*)");
  return std::regex_search(n.text, value);
}

// A phrase with no finite verb ("Textual representation of the cipher
// name.", "Awaiting the end of early data processing", "(TLS server only.)")
// states nothing a check could try. In a list item it glosses the item's
// label: descriptive, with the label as subject and `gloss`; elsewhere (a
// heading or a fragment the reader split off) informative.
std::optional<Finding> gloss(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  if (has_finite_verb(n)) return std::nullopt;
  if (ctx.label.empty()) {
    // Outside a list item only a short or bracketed phrase ("Not
    // applicable.", "(TLS server only.)") is taken for one: a longer
    // sentence may have a verb the lexicon lacks.
    static const Regex short_phrase(R"(^(?:\S+(?: \S+){0,2}|\(.*\)\.?|".*"\.?)$)");
    if (!std::regex_match(n.text, short_phrase)) return std::nullopt;
    Finding f = reasoned("informative", n, subject);
    f.params["phrase"] = true;
    return f;
  }
  std::vector<std::string> named;
  for (const auto& fn : normalise(ctx.label, *ctx.vocab).functions)
    if (std::find(named.begin(), named.end(), fn.value) == named.end()) named.push_back(fn.value);
  Finding f = reasoned("descriptive", n, named.empty() ? std::string() : named.front());
  f.functions = named;
  f.reason = "informative";
  f.params["gloss"] = true;
  f.params["subject"] = ctx.label;
  return f;
}

// "X() returns a bitmap of flags ... CERT_PKEY_SIGN: the EE key can be used
// for signing.": in RETURN VALUES, a constant before a colon, after a
// sentence that speaks of flags or bits (or another such line), or opening
// its paragraph, names one bit of the integer the subject returns and when
// it is set.
std::optional<Finding> returned_flag(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  if (ctx.section.rfind("RETURN VALUE", 0) != 0) return std::nullopt;
  // A line naming no function is about the page's one integer function.
  std::string owner = subject;
  if (owner.empty()) {
    for (const auto& fn : ctx.vocab->page_functions) {
      const model::Prototype* q = ctx.vocab->prototype(fn);
      if (q == nullptr || q->return_type.find('*') != std::string::npos || q->return_type == "void") continue;
      if (!owner.empty()) return std::nullopt;  // several: no one owner
      owner = fn;
    }
    if (owner.empty()) return std::nullopt;
  }
  const model::Prototype* p = ctx.vocab->prototype(owner);
  if (p == nullptr || p->return_type.find('*') != std::string::npos || p->return_type == "void") return std::nullopt;
  static const Regex line(R"(^\s*([A-Z][A-Z0-9]*_[A-Z0-9_]+)\s*:\s*(\S.*?)\.?\s*$)");
  static const Regex flags(R"(\b(?:flags?|bits?|bit ?masks?|bitmaps?)\b)", std::regex::icase);
  std::smatch m, before;
  const std::string written = n.restore(0, n.text.size());
  if (!std::regex_match(written, m, line)) return std::nullopt;
  // Each line is often a paragraph of its own (no sentence before it in
  // its block); within a block, the sentence before must speak of flags.
  const bool listed = ctx.previous.empty() || std::regex_search(ctx.previous, flags) ||
                      std::regex_search(ctx.previous, before, line);
  if (!listed) return std::nullopt;
  Finding f = finding("returns-flag", {owner}, {{"flag", m[1].str()}, {"condition", m[2].str()}});
  classify_condition(f.params, owner);
  return f;
}

std::vector<Finding> fallback(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  if (speculative(n.text)) return {reasoned("speculative", n, subject)};
  if (ctx.section == "HISTORY" && !n.versions.empty()) {
    Finding f = finding("version-changed", {subject}, {{"release", n.versions.front().value}});
    f.checkable = false;
    f.reason = "informative";
    return {f};
  }
  if (informative(n.text) || reference_list(n.text) || illustration_or_reference(n.text))
    return {reasoned("informative", n, subject)};
  if (advice(n.text)) return {reasoned("caller-obligation", n, subject)};
  // A RETURN VALUES sentence speaks of values: left visible when unread,
  // unless it states none (no number, no NULL, no constant, no
  // "return"/success/failure word): then it describes what a value means
  // ("This message is always fatal." after an item) and is read as any
  // other description.
  if (auto f = returned_flag(n, ctx, subject)) return {*f};
  if (ctx.section.rfind("RETURN VALUE", 0) != 0 || !states_value(n))
    if (auto d = descriptive(n, ctx, subject)) return {*d};
  if (auto g = gloss(n, ctx, subject)) return {*g};
  return {reasoned("unrecognised", n, subject)};
}

// "It can also occur when not all data was read using SSL_read()" in a
// paragraph continuing the RETURN VALUES item "<0": the item's value under
// this sentence's condition, read as the item itself would be.
std::vector<Finding> item_continued(const Normalised& n, const SentenceContext& ctx) {
  if (ctx.continues_item.empty()) return {};
  static const Regex occurs(
      R"(^(?:it|this|this value|this return value|this code) (?:can |will |does )?(?:also )?(?:occurs?|happens?|be returned|is returned|is also returned|results?) (?:also )?(?:when|if|whenever|in case) (.+?)\.?$)");
  std::smatch m;
  if (!std::regex_search(n.text, m, occurs)) return {};
  // The clause as written, without the final stop.
  std::string condition = n.restore(static_cast<std::size_t>(m.position(1)), n.text.size());
  while (!condition.empty() && (condition.back() == '.' || condition.back() == ' ')) condition.pop_back();
  return recognise_return_item(ctx.continues_item, condition, ctx);
}

// "This is also the case when session is a NULL pointer": the checkable
// claims of the sentence before, each under the new condition.
std::vector<Finding> repeated_under(const std::string& sentence, const SentenceContext& ctx) {
  const std::string condition = also_the_case(sentence);
  if (condition.empty() || ctx.previous.empty()) return {};
  SentenceContext before = ctx;
  before.previous.clear();  // one sentence back, no further
  std::vector<Finding> out;
  for (auto& f : recognise(ctx.previous, before)) {
    if (!f.checkable) continue;
    f.params["condition"] = condition;
    f.params.erase("when");
    classify_condition(f.params, f.functions.empty() ? std::string() : f.functions.front());
    out.push_back(std::move(f));
  }
  return out;
}

// Every finding with a condition also carries the condition's classes
// (structure_condition) with the parameter of its subject that a NULL
// condition names: what a derived scenario sets up.
void with_structured_conditions(std::vector<Finding>& found, const Vocabulary& vocab) {
  for (auto& f : found) {
    std::vector<std::string> parameters;
    if (!f.functions.empty())
      if (const model::Prototype* p = vocab.prototype(f.functions.front()))
        for (const auto& a : p->params) parameters.push_back(a.name);
    structure_condition(f.params, parameters);
  }
}

}  // namespace

std::vector<Finding> recognise(const std::string& sentence, const SentenceContext& ctx) {
  const Normalised n = normalise(sentence, *ctx.vocab);
  // libstdc++'s regex engine recurses per character; a run-on "sentence"
  // (a table or a list the reader could not split) is left visibly unread
  // rather than risking the stack. Real manual sentences are far shorter.
  if (n.text.size() > kLongestSentence) return {reasoned("unrecognised", n, subject_of(n, ctx))};
  const std::string subject = subject_of(n, ctx);
  if (obligation(n.text)) return {reasoned("caller-obligation", n, subject)};
  // "The functions return the values indicated in the DESCRIPTION section":
  // a pointer to statements made elsewhere on the page, each read there.
  static const Regex points_elsewhere(
      R"re(\b(?:indicated|described|given|listed|documented|stated|explained) (?:in|under) (?:the )?"?(?:description|notes|return values?)"?(?: section)?(?: above| below)?\.?$|\breturns? (?:values? )?as (?:indicated|described|listed|given|shown) (?:above|below)\.?$)re");
  if (std::regex_search(n.text, points_elsewhere)) return {reasoned("informative", n, subject)};
  if (auto repeated = repeated_under(sentence, ctx); !repeated.empty()) return repeated;
  if (auto more = item_continued(n, ctx); !more.empty()) return more;
  std::vector<Finding> out = recognise_returns(n, ctx);
  for (auto& f : behaviour_findings(n, ctx, subject)) add_unique(out, std::move(f));
  for (auto& f : likeness_findings(n, ctx, subject)) add_unique(out, std::move(f));
  for (auto& f : connection_findings(n, ctx, subject)) add_unique(out, std::move(f));
  for (auto& f : recognise_cache_rows(n, ctx, subject)) add_unique(out, std::move(f));
  for (auto& f : recognise_protocol_rows(n, ctx)) add_unique(out, std::move(f));
  for (auto& f : recognise_session_rows(n, ctx)) add_unique(out, std::move(f));
  // A reference-count reading with no function to call is superseded by
  // the callback's own reading of the same sentence (callback-copy).
  if (has_kind(out, "callback-copy"))
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Finding& f) { return !f.checkable && f.kind.rfind("refcount-", 0) == 0; }),
              out.end());
  // The count of sessions held in the cache is a state, read by its own
  // check (cache-count), not a count of events.
  if (has_kind(out, "cache-count"))
    out.erase(std::remove_if(out.begin(), out.end(), [](const Finding& f) { return f.kind == "counts"; }), out.end());
  // A return statement read as described is superseded by a checkable
  // reading of the same sentence for the same function ("X() and Y()
  // return the callbacks installed with the set functions").
  // One naming no function gives way to any checkable reading.
  auto checked_for = [&out](const Finding& d) {
    return std::any_of(out.begin(), out.end(), [&d](const Finding& f) {
      return f.checkable && !f.functions.empty() && (d.functions.empty() || f.functions.front() == d.functions.front());
    });
  };
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const Finding& f) { return f.kind == "returns-described" && checked_for(f); }),
            out.end());
  if (out.empty()) out = fallback(n, ctx, subject);
  with_structured_conditions(out, *ctx.vocab);
  return out;
}

}  // namespace sslconf::claims
