// Return-value statements. OpenSSL states the same contract in many ways
// ("returns 1 on success or 0 on error", "1 for success and 0 for failure",
// "0 is returned on failure, 1 on success", "returns 1 if it can or 0 if
// not"), so a statement is read as (value, outcome) pairs found by a few
// shapes, not matched whole.
#include "claims/condition.hpp"
#include "claims/recognise.hpp"

#include <algorithm>
#include <optional>
#include <regex>
#include "model/regex.hpp"

namespace sslconf::claims {

namespace {

using nlohmann::json;

// A value phrase: a number, NULL, or a sign ("a positive value", "> 0").
const std::string kValue =
    R"((NUM or (?:an? )?negative(?: (?:value|integer|number))?|NUM|NULL|(?:an? )?(?:non-?zero|positive|negative|non-?negative|non-?positive)(?: (?:value|integer|number))?|(?:a value |an integer )?(?:greater|less) than(?: or equal to)? NUM|[<>]=? ?NUM))";
// An outcome word; "not"/"un" in the matched text turns success into failure.
const std::string kOutcome =
    R"((success(?:ful(?:ly)?)?|succeed(?:s|ed)?|ok|errors?|fail(?:ure|ures|s|ed)?|unsuccessful(?:ly)?))";
const std::string kWhen =
    R"((?:on|for|upon|in case of|in the case of|in the event of|if|when|after|to indicate|indicating))";

struct Outcome {
  json value;
  bool success = false;
  std::size_t pos = 0;
  std::string condition;
};

bool is_failure(const std::string& matched) {
  return matched.find("error") != std::string::npos || matched.find("fail") != std::string::npos ||
         matched.find("unsuccess") != std::string::npos || matched.find(" not ") != std::string::npos;
}

json value_of(const Normalised& n, const std::string& phrase, std::size_t pos) {
  if (phrase == "NULL") return "null";
  const auto nums = Normalised::within(n.numbers, pos, pos + phrase.size());
  return int_expectation(phrase, nums.empty() ? "" : nums.front());
}

// Shapes: "VALUE on OUTCOME", "on OUTCOME ... VALUE", "VALUE otherwise".
std::vector<Outcome> outcomes(const Normalised& n) {
  static const Regex value_first(kValue + R"( (?:is |will be |are )?(?:returned )?)" + kWhen +
                                      R"((?: (?:an?|the|any))?((?: \w+){0,3}?) )" + kOutcome + R"(\b)");
  static const Regex outcome_first(kWhen + R"((?: (?:an?|the|any))? )" + kOutcome +
                                        R"(\b,?((?: (?:the|it|this|FUNC|function|functions|call|will|returns?|return|yields?|gives?|is|are|value|of|then))*) )" + kValue);
  static const Regex otherwise(kValue + R"( (?:is returned )?(?:otherwise|else|if not|in all other cases)|(?:otherwise|else),? (?:it |FUNC )?(?:returns? )?)" + kValue);
  std::vector<Outcome> out;
  auto seen = [&out](std::size_t pos) {
    for (const auto& o : out) if (o.pos == pos) return true;
    return false;
  };
  const std::string& t = n.text;
  for (RegexIterator it(t.begin(), t.end(), value_first), e; it != e; ++it) {
    const auto pos = static_cast<std::size_t>(it->position(1));
    const std::string words = (*it)[2].str() + " " + (*it)[3].str() + " ";
    out.push_back({value_of(n, (*it)[1], pos), !is_failure(words), pos, ""});
  }
  for (RegexIterator it(t.begin(), t.end(), outcome_first), e; it != e; ++it) {
    const auto pos = static_cast<std::size_t>(it->position(3));
    if (!seen(pos)) out.push_back({value_of(n, (*it)[3], pos), !is_failure((*it)[1].str() + " "), pos, ""});
  }
  for (RegexIterator it(t.begin(), t.end(), otherwise), e; it != e; ++it) {
    const int g = (*it)[1].matched ? 1 : 2;
    const auto pos = static_cast<std::size_t>(it->position(g));
    if (!seen(pos)) out.push_back({value_of(n, (*it)[g], pos), false, pos, ""});
  }
  return out;
}

// "returns 1 if the session is resumable or 0 otherwise / if not".
bool conditional(const Normalised& n, Outcome& yes, Outcome& no) {
  static const Regex shape(R"(returns? )" + kValue + R"( (?:if|when) ([^,;.]+?),? (?:or |and |, )?)" + kValue +
                                R"( (?:otherwise|if not|else|in all other cases)\b)");
  std::smatch m;
  if (!std::regex_search(n.text, m, shape)) return false;
  const auto c = static_cast<std::size_t>(m.position(2));
  yes = {value_of(n, m[1], m.position(1)), true, static_cast<std::size_t>(m.position(1)),
         n.restore(c, c + static_cast<std::size_t>(m.length(2)))};
  no = {value_of(n, m[3], m.position(3)), false, static_cast<std::size_t>(m.position(3)), ""};
  return !yes.value.is_null() && !no.value.is_null();
}

// The page functions named before the verb, else any named before it, else
// the sentence subject.
std::vector<std::string> subjects(const Normalised& n, std::size_t verb, const SentenceContext& ctx,
                                  bool& collective_subject) {
  std::vector<std::string> on_page, other;
  for (const auto& f : n.functions) {
    if (f.pos >= verb) break;
    auto& list = ctx.vocab->on_page(f.value) ? on_page : other;
    if (std::find(list.begin(), list.end(), f.value) == list.end()) list.push_back(f.value);
  }
  if (!on_page.empty()) return on_page;
  if (!other.empty()) return other;
  // "These functions return ...", "Both return ...", "All of them return
  // ...", "If any of the functions is passed NULL, 0 is returned": a
  // collective subject is every function of the page that returns
  // something. (A lone "the function" names no one function of several.)
  static const Regex collective(
      R"(^(?:(?:for [^,]+, )?(?:if|when|whenever) [^,]+?(?:,| then) |(?:if|when|whenever) )?(?:(?:these|both|all|all of these|all the|each of these|the)(?: \w+)? (?:functions|macros|calls)|(?:any|each|either|one) of (?:the|these) (?:\w+ )?(?:functions?|macros?|calls?)|both|they|all of them|each of them|any of them)\b)");
  if (std::regex_search(n.text.substr(0, verb), collective)) {
    collective_subject = true;
    std::vector<std::string> all;
    for (const auto& f : ctx.vocab->page_functions) {
      const model::Prototype* p = ctx.vocab->prototype(f);
      if (p == nullptr || p->return_type != "void") all.push_back(f);
    }
    if (!all.empty()) return all;
  }
  const std::string s = subject_of(n, ctx);
  return s.empty() ? std::vector<std::string>{} : std::vector<std::string>{s};
}

Finding make(const char* kind, json params) {
  Finding f;
  f.kind = kind;
  f.params = std::move(params);
  return f;
}

std::optional<Finding> from_outcomes(const std::vector<Outcome>& found, bool pointer) {
  json params = json::object();
  bool null_involved = false;
  for (const auto& o : found) {
    if (o.value.is_null()) continue;
    null_involved = null_involved || o.value == "null";
    const char* key = o.success ? "success" : "failure";
    if (!params.contains(key)) params[key] = o.value;
    if (!o.condition.empty()) {
      params["condition"] = o.condition;
      params["condition_of"] = key;  // the value the condition selects, not the whole statement
    }
  }
  if (params.empty()) return std::nullopt;
  if (!null_involved) return make("returns-int", params);
  json p = {{"failure", "null"}};
  if (pointer || params.value("success", json()) == "non-null") p["success"] = "non-null";
  return make("returns-pointer-or-null", p);
}

// "If a callback has not been set, the NULL pointer is returned", "0 is
// returned when the session is not valid": one value under one condition.
std::optional<Finding> conditional_value(const Normalised& n, const SentenceContext& ctx) {
  static const Regex condition_first(R"(^(?:if|when|in case) ([^,]+), (?:.*? )?(?:the return value is )" + kValue +
                                          R"(|(?:the )?)" + kValue + R"((?: pointer)? (?:is|will be) returned))");
  static const Regex value_first(R"((?:the )?)" + kValue + R"((?: pointer)? (?:is|will be) returned (?:if|when) ([^.;]+))");
  // "returns 0 if the session is not valid", "returns NULL unless ...": the
  // verb, one value, one condition clause (the two-value shapes came first).
  static const Regex verb_value_condition(R"(\breturns? )" + kValue +
                                               R"( ((?:if|when|whenever|unless|in case|in the case|once|after) [^.;]+))");
  static const Regex return_value_of(R"((?:a|the) (?:return )?value of )" + kValue +
                                          R"( (?:indicates|means|signals|signifies|shows)(?: that)? ([^.;]+))");
  // "When X, FUNC will always succeed and return 1": the value ends the
  // sentence, the condition opens it.
  static const Regex condition_first_verb(R"(^(?:if|when|whenever|once) ([^,]+), (?:[^.;]*? )?returns? )" + kValue +
                                               R"(\.?$)");
  // "If the value is 0 then a HelloRetryRequest was sent": the value names
  // the return value, the clause after "then" what it means.
  static const Regex value_means(R"(^if the (?:return )?value is )" + kValue + R"(,? then,? ([^.;]+))");
  // "FUNC will return 1 in that case": the case is the previous sentence's.
  static const Regex in_that_case(R"(\breturns? )" + kValue + R"( in (?:that|this|such a|either) case\b)");
  // "SSL_read() will indicate the end of the peer data by returning <= 0":
  // what is indicated is when the value comes.
  static const Regex indicates_by(R"(\b(?:indicates?|signals?|reports?) ([^.;]+?) by returning )" + kValue);
  std::smatch m;
  int v = 0, c = 0;
  if (std::regex_search(n.text, m, indicates_by)) {
    const json value = value_of(n, m[2], m.position(2));
    if (value.is_null()) return std::nullopt;
    const auto at = static_cast<std::size_t>(m.position(1));
    return make("returns-enumerated", {{"value", value}, {"condition", n.restore(at, at + static_cast<std::size_t>(m.length(1)))}});
  }
  if (std::regex_search(n.text, m, value_means)) {
    const json value = value_of(n, m[1], m.position(1));
    if (value.is_null()) return std::nullopt;
    const auto at = static_cast<std::size_t>(m.position(2));
    return make("returns-enumerated", {{"value", value}, {"condition", n.restore(at, at + static_cast<std::size_t>(m.length(2)))}});
  }
  if (std::regex_search(n.text, m, in_that_case)) {
    const json value = value_of(n, m[1], m.position(1));
    if (value.is_null() || ctx.previous.empty()) return std::nullopt;
    return make("returns-enumerated", {{"value", value}, {"condition", ctx.previous}});
  }
  if (std::regex_search(n.text, m, condition_first) || std::regex_search(n.text, m, condition_first_verb)) {
    v = m[2].matched ? 2 : 3;
    c = 1;
  } else if (std::regex_search(n.text, m, value_first) || std::regex_search(n.text, m, return_value_of) ||
             std::regex_search(n.text, m, verb_value_condition)) {
    v = 1;
    c = 2;
  } else {
    return std::nullopt;
  }
  const json value = value_of(n, m[v], m.position(v));
  if (value.is_null()) return std::nullopt;
  const auto at = static_cast<std::size_t>(m.position(c));
  // "NULL when memory is exhausted and a new session otherwise": the other
  // value's "otherwise" part is no part of this value's condition.
  static const Regex other_value(R"(,? (?:and|or) [^,;]*? otherwise$)");
  const std::string condition =
      std::regex_replace(n.restore(at, at + static_cast<std::size_t>(m.length(c))), other_value, "");
  return make("returns-enumerated", {{"value", value}, {"condition", condition}});
}

// "a pointer to ...", but not "the NULL pointer".
bool mentions_pointer(const std::string& t) {
  static const Regex r(R"((?:^|[^L]) pointers?\b)");
  return std::regex_search(t, r);
}

// The object a function acts on: its first parameter's name, "" if none.
std::string object_parameter(const model::Prototype* p) {
  return p == nullptr || p->params.empty() ? "" : p->params.front().name;
}

// Return statements that describe the value rather than state it, read by
// the shape of the function they are about:
// - a count an object keeps ("X() returns the number of started
//   handshakes in client mode"): a one-argument function with no setter
//   beside it, the event and the mode as written → counts;
// - a getter paired with a setter on the page, stated to return "the
//   <noun> of/set for/associated with <object>" → returns-current;
// - a pointer getter stated to return "the <noun> ... or NULL if <cond>"
//   → returns-pointer-or-null (the condition is added by the caller).
std::optional<Finding> described_value(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  const model::Prototype* p = ctx.vocab->prototype(subject);
  if (p == nullptr) return std::nullopt;
  const bool pointer_result = p->return_type.find('*') != std::string::npos;
  const std::string& t = n.text;
  std::smatch m;
  static const Regex or_null(R"(\breturns? (?:the|a|an) [^.;]*? or NULL (?:if|when|unless|in case)\b)");
  if (pointer_result && std::regex_search(t, or_null))
    return make("returns-pointer-or-null", {{"success", "non-null"}, {"failure", "null"}});
  const std::string partner = counterpart(subject, *ctx.vocab);
  // An event is something that happened: its phrase has a participle
  // ("started", "reused", "found", "removed"), and it is no state ("the
  // number of sessions currently held") nor a size ("the number of bytes").
  static const Regex counter(
      R"(\breturns? the (?:total )?number of ((?!bytes\b|bits\b|characters\b|elements\b|items\b|lines\b|entries\b)[^.;]+))");
  static const Regex happened(R"(\b(?:[a-z]+ed|found|sent|begun|made|done|taken|given)\b)");
  static const Regex state(R"(\b(?:currently|held|stored|buffered|in the stack)\b)");
  if (!pointer_result && p->return_type != "void" && p->params.size() == 1 && partner.empty() &&
      std::regex_search(t, m, counter) && std::regex_search(m[1].first, m[1].second, happened) &&
      !std::regex_search(m[1].first, m[1].second, state)) {
    const auto b = static_cast<std::size_t>(m.position(1));
    std::string event = n.restore(b, b + static_cast<std::size_t>(m.length(1)));
    json params = json::object();
    static const Regex mode(R"(,? in (client|server) mode\b)");
    std::smatch mm;
    if (std::regex_search(event, mm, mode)) {
      params["mode"] = mm[1].str();
      event = mm.prefix().str() + mm.suffix().str();
    }
    while (!event.empty() && (event.back() == ' ' || event.back() == ',')) event.pop_back();
    params["event"] = event;
    Finding f = make("counts", params);
    require(f, "event");
    return f;
  }
  static const Regex of_object(
      R"(\breturns? the (?!number\b|total\b|size\b|length\b|maximum\b|minimum\b|count\b|previous\b|old\b)([^.;]*))");
  if (!partner.empty() && partner.find("set") != std::string::npos && subject.find("get") != std::string::npos &&
      std::regex_search(t, m, of_object)) {
    const auto b = static_cast<std::size_t>(m.position(1));
    const auto named = Normalised::within(n.arguments, b, b + static_cast<std::size_t>(m.length(1)));
    if (std::find(named.begin(), named.end(), object_parameter(p)) != named.end())
      return make("returns-current", {{"setter", partner}});
  }
  return std::nullopt;
}

// The condition a size statement opens with, after an optional scope
// ("For the other functions, if outlen is greater than 0 then these
// functions return ..."): "if"/"when" up to the comma or "then".
std::string size_condition(const Normalised& n) {
  static const Regex opening(R"(^(?:for [^,]+, )?(?:if|when|whenever) (.+?)(?:,| then\b))");
  std::smatch m;
  if (!std::regex_search(n.text, m, opening)) return "";
  const auto at = static_cast<std::size_t>(m.position(1));
  return n.restore(at, at + static_cast<std::size_t>(m.length(1)));
}

// Statements of a size a call returns, read by what the size is of:
// - the bytes the call itself copied ("returns the number of bytes
//   actually copied, which will be less than or equal to outlen")
//   → returns-copied, with the parameter bounding it when named;
// - the size or length of a thing ("returns the size of the ASN1
//   representation in bytes", "the maximum number of bytes they would
//   copy") → returns-quantity.
// Either keeps the condition the sentence opens with.
std::optional<Finding> described_size(const Normalised& n) {
  static const Regex copied(
      R"(\breturns? the (?:total )?number of bytes (?:that (?:were|was|are|is|have been|has been) )?(?:actually |really )?(?:copied|written|stored)\b)");
  static const Regex bound(R"(\b(?:less than or equal to|at most|no more than|not more than|never more than) (ARG)\b)");
  static const Regex quantity(
      R"(\breturns? the ((?:(?:total|maximum|full|whole|entire) )?(?:size|length) of [^.;]+|(?:total |maximum )number of bytes (?:it|they|the function|the call) (?:would|could|can) (?:copy|write)[^.;]*))");
  std::smatch m;
  std::optional<Finding> f;
  if (std::regex_search(n.text, m, copied)) {
    f = make("returns-copied", json::object());
    if (std::regex_search(n.text, m, bound)) {
      const auto args = Normalised::within(n.arguments, static_cast<std::size_t>(m.position(1)),
                                           static_cast<std::size_t>(m.position(1) + m.length(1)));
      if (!args.empty()) f->params["bound"] = args.front();
    }
  } else if (std::regex_search(n.text, m, quantity)) {
    const auto at = static_cast<std::size_t>(m.position(1));
    f = make("returns-quantity", {{"quantity", n.restore(at, at + static_cast<std::size_t>(m.length(1)))}});
  } else {
    return std::nullopt;
  }
  if (const std::string c = size_condition(n); !c.empty()) f->params["condition"] = c;
  return f;
}

// "For connections that are not in their initial state SSL_dup() just
// increments a reference count and returns the same handle": the call
// hands back the object it was given (its first parameter), under the
// scope the sentence opens with ("for <things> that ...", "if ...").
std::optional<Finding> same_object_returned(const Normalised& n, const model::Prototype* p) {
  static const Regex same(R"(\breturns? (?:the same|its own|that same) (?:handle|object|pointer|structure|connection|session|context)\b|\breturns? (?:its|the) (?:argument|input) (?:itself|unchanged)\b)");
  if (p == nullptr || p->params.empty() || p->return_type.find('*') == std::string::npos || !std::regex_search(n.text, same))
    return std::nullopt;
  // The object returned has the type of the object given.
  auto base = [](std::string t) {
    for (const char* w : {"const ", "struct "})
      for (auto at = t.find(w); at != std::string::npos; at = t.find(w)) t.erase(at, std::string(w).size());
    t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
    return t;
  };
  if (base(p->params.front().type) != base(p->return_type)) return std::nullopt;
  Finding f = make("returns-argument", {{"argument", p->params.front().name}});
  static const Regex scope(R"(^for ((?:[a-z_]+ )+?(?:that|which|whose) [^,]+?),? (?:FUNC|it|they)\b)");
  std::smatch m;
  if (std::regex_search(n.text, m, scope)) {
    const auto at = static_cast<std::size_t>(m.position(1));
    f.params["condition"] = n.restore(at, at + static_cast<std::size_t>(m.length(1)));
  } else if (const std::string c = size_condition(n); !c.empty()) {
    f.params["condition"] = c;
  }
  return f;
}

std::optional<Finding> classify(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const Regex nothing(
      R"((?:does not|doesn't|do not|don't|will not) (?:return|provide) (?:a |any )?(?:value|values|diagnostic|information)|returns? no (?:value|diagnostic)|no return value|(?:is|are) (?:of type )?void|returns? nothing|returns? void)");
  static const Regex on_null(
      R"((?:passed|passing|given|with|called with) (?:the |a )?NULL(?: pointer)?(?: (?:for|as) (?:the )?(?:\w+ )?(ARG|\w+))?[^.;]*?,? (NUM|NULL) is returned|returns? (NUM|NULL) (?:if|when) (ARG|\w+) is NULL|\b(?:if|when) (ARG|\w+) is NULL,[^.;]*? returns? (NUM|NULL)\b)");
  static const Regex previous(R"(returns? the (?:previous(?:ly)?|old|former)\b)");
  static const Regex current(R"(returns? the (?:current(?:ly)?|present)\b)");
  static const Regex pointer(R"(returns? (?:a |the |an )?(?:\w+ )?pointer\b|\bthe return value points to\b)");
  const std::string& t = n.text;
  std::smatch m;
  if (std::regex_search(t, nothing)) return make("returns-void", json::object());
  if (std::regex_search(t, m, on_null)) {
    const int a = m[1].matched ? 1 : m[4].matched ? 4 : 5, v = m[2].matched ? 2 : m[3].matched ? 3 : 6;
    Finding f = make("returns-on-null", json::object());
    f.params["argument"] = resolve_argument(n, m.position(a), m.position(a) + m.length(a), subject, *ctx.vocab);
    f.params["value"] = value_of(n, m[v], m.position(v));
    f.params["when"] = "null-argument";
    require(f, "argument");
    return f;
  }
  Outcome yes, no;
  if (conditional(n, yes, no)) return from_outcomes({yes, no}, mentions_pointer(t));
  if (auto f = from_outcomes(outcomes(n), mentions_pointer(t))) return f;
  if (auto f = conditional_value(n, ctx)) return f;
  if (std::regex_search(t, previous)) return make("returns-previous", json::object());
  if (std::regex_search(t, current)) {
    const std::string setter = counterpart(subject, *ctx.vocab);
    return make("returns-current", setter.empty() ? json::object() : json{{"setter", setter}});
  }
  if (std::regex_search(t, pointer)) {
    if (t.find("or NULL") != std::string::npos) return make("returns-pointer-or-null", {{"success", "non-null"}, {"failure", "null"}});
    return make("returns-pointer", {{"success", "non-null"}});
  }
  if (auto f = described_value(n, ctx, subject)) return f;
  // A getter paired with a setter returns what was set, not a size it
  // computes ("returns the size of the session cache"): left described,
  // unless it writes into the caller's buffer (the size is of what it copies).
  const model::Prototype* proto = ctx.vocab->prototype(subject);
  const bool writes_out = proto != nullptr && std::any_of(proto->params.begin(), proto->params.end(), [](const model::Parameter& a) {
    return a.type.find("const") == std::string::npos && a.type.find("char *") != std::string::npos;
  });
  const bool paired_getter = subject.find("get") != std::string::npos && !counterpart(subject, *ctx.vocab).empty();
  if (!paired_getter || writes_out)
    if (auto f = described_size(n)) return f;
  if (auto f = same_object_returned(n, proto)) return f;
  Finding f = make("returns-described", json::object());
  f.checkable = false;
  f.reason = "informative";
  return f;
}

// The value a RETURN VALUES item label states, or null json.
json item_value(std::string label) {
  while (!label.empty() && (label.back() == ':' || label.back() == '.' || label.back() == ' ')) label.pop_back();
  // "0 (Failure)", "1 (Success)": the value, with its outcome in brackets.
  static const Regex outcome_note(R"(^(.*\S) \((?:success|failure|error|ok)\)$)", std::regex::icase);
  std::smatch note;
  if (std::regex_match(label, note, outcome_note)) label = note[1].str();
  static const Regex null_label(R"(^(?:the |a )?NULL(?:[- ]pointer)?$)", std::regex::icase);
  static const Regex pointer_label(R"(^(?:a |an )?(?:valid |non-NULL )?pointer\b.*|^non-NULL$)", std::regex::icase);
  static const Regex number_label(R"(^([<>]=?)? ?(-?\d+)$)");
  static const Regex symbol_label(R"(^[A-Z][A-Z0-9]*_[A-Z0-9_]+$)");
  std::smatch m;
  if (std::regex_match(label, null_label)) return "null";
  if (std::regex_match(label, pointer_label)) return "non-null";
  if (std::regex_match(label, m, number_label)) {
    const std::string phrase = m[1].matched ? m[1].str() + " NUM" : "NUM";
    return int_expectation(phrase, m[2]);
  }
  if (std::regex_match(label, symbol_label)) return label;
  return json();
}

// A RETURN VALUES item labelled with a text a function returns ("TLSv1.2",
// "unknown" under "X() returns one of the following strings"): the text in
// double quotes, so that no check takes it for a constant's name. One word
// or one quoted phrase; "A"/"B" pairs are left to the sentences.
json text_value(std::string label) {
  while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
  static const Regex quoted(R"(^["\x60']{1,2}([^"'/]+)["']{1,2}$)");
  static const Regex word(R"(^[A-Za-z][A-Za-z0-9._-]*$)");
  static const Regex not_a_value(R"(^(?:success|failure|error|otherwise|none|other|any|returns?)$)", std::regex::icase);
  std::smatch m;
  if (std::regex_match(label, m, quoted)) return "\"" + m[1].str() + "\"";
  if (std::regex_match(label, word) && !std::regex_match(label, not_a_value)) return "\"" + label + "\"";
  return json();
}

bool returns_text(const model::Prototype* p) {
  return p != nullptr && p->return_type.find("char") != std::string::npos && p->return_type.find('*') != std::string::npos;
}

// Page functions whose return type can carry the value.
std::vector<std::string> functions_returning(const json& value, const Vocabulary& vocab) {
  const bool wants_pointer = value == "null" || value == "non-null";
  const bool wants_text = value.is_string() && value.get<std::string>().rfind('"', 0) == 0;
  std::vector<std::string> out;
  for (const auto& f : vocab.page_functions) {
    const model::Prototype* p = vocab.prototype(f);
    if (p == nullptr) continue;
    if (wants_text) {
      if (returns_text(p)) out.push_back(f);
      continue;
    }
    const bool pointer = p->return_type.find('*') != std::string::npos;
    const bool is_void = p->return_type == "void";
    if (!is_void && pointer == wants_pointer) out.push_back(f);
  }
  if (out.empty() && vocab.prototypes.empty()) out = vocab.page_functions;
  return out;
}

// The condition clause a value carries after it: "or NULL if no peer
// certificate is available", "0 for failure, for example if the supplied
// session ID length exceeds ...". Keyed by the value's expectation; a value
// with no clause of its own is absent.
std::vector<std::pair<json, std::string>> value_clauses(const Normalised& n) {
  // After "for example" a situation may also be a phrase ("0 on failure,
  // for instance on a connection that uses TLS 1.3").
  static const Regex clause(kValue + R"((?: pointer)?(?: (?:is|will be) returned)?(?: (?:on|for|upon) (?:failure|error)s?)?,?(?:(?: (?:for example|for instance|e\.g\.),?)? ((?:if|when|whenever|unless|in case of|in case) [^.;]+)| (?:for example|for instance|e\.g\.),? ((?:on|with|for|during|after|before) [^.;]+)))");
  std::vector<std::pair<json, std::string>> out;
  const std::string& t = n.text;
  for (RegexIterator it(t.begin(), t.end(), clause), e; it != e; ++it) {
    const json value = value_of(n, (*it)[1], static_cast<std::size_t>(it->position(1)));
    if (value.is_null()) continue;
    const int group = (*it)[2].matched ? 2 : 3;
    const auto at = static_cast<std::size_t>(it->position(group));
    std::string text = n.restore(at, at + static_cast<std::size_t>(it->length(group)));
    // "NULL if X or 0 otherwise": the clause ends where the next value starts.
    static const Regex next_value(R"(,? (?:or|and) (?:NUM|NULL)\b.*$)");
    text = std::regex_replace(text, next_value, "");
    while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.pop_back();
    // Stored as other conditions are: without "if"/"when", "unless" kept.
    static const Regex intro(R"(^(?:if|when|whenever|in case of|in case) )");
    out.emplace_back(value, std::regex_replace(text, intro, ""));
  }
  return out;
}

// Gives the failure value its own condition when the sentence states one:
// `condition` of a returns-pointer-or-null (the NULL case), and
// `failure_condition` of a returns-int, so that a check runs the failure
// scenario the page names and no other.
void with_value_conditions(Finding& f, const Normalised& n) {
  const bool pointer = f.kind == "returns-pointer-or-null";
  if (!pointer && f.kind != "returns-int") return;
  if (!f.params.contains("failure")) return;
  for (const auto& [value, text] : value_clauses(n)) {
    if (value != f.params["failure"]) continue;
    if (pointer && !f.params.contains("condition")) {
      f.params["condition"] = text;
    } else if (!pointer && f.params.value("condition_of", "") != "success") {
      f.params["failure_condition"] = text;
    }
    return;
  }
}

// Whether the prototype has every parameter the sentence names.
bool has_parameters(const model::Prototype* p, const std::vector<Slot>& named) {
  if (p == nullptr) return named.empty();
  return std::all_of(named.begin(), named.end(), [p](const Slot& s) {
    return std::any_of(p->params.begin(), p->params.end(), [&s](const model::Parameter& a) { return a.name == s.value; });
  });
}

// Whether a value claim can be about a function of this return type.
bool fits_return_type(const Finding& f, const model::Prototype* p) {
  if (p == nullptr) return true;
  const bool pointer = p->return_type.find('*') != std::string::npos;
  if (f.kind == "returns-int") return !pointer;
  if (f.kind == "returns-pointer-or-null" || f.kind == "returns-pointer") return pointer;
  return true;
}

// A value stated under a clause that opens the sentence ("If the session is
// identical, ..., the return value is 0"; "When called on a server, it
// returns ...") holds under that clause only: it becomes the claim's
// condition unless the value shapes found a closer one.
// "Returns 1 if it can or 0 if not": a condition that only repeats a modal
// ("it can", "it does", "so") stands for the "whether" clause of the
// sentence before ("... determines whether an object can be used to resume
// a session"), which a scenario can set up.
void with_elided_condition(Finding& f, const SentenceContext& ctx, const std::string& subject) {
  static const Regex elided(R"(^(?:it|they|this|that|so|yes)(?: (?:can|could|does|do|is|are|has|have|will|may))?$)");
  static const Regex whether(R"(\bwhether (.+?)(?:,? or not)?\s*[.;]?$)", std::regex::icase);
  const auto c = f.params.find("condition");
  if (c == f.params.end() || !c->is_string() || !std::regex_search(c->get<std::string>(), elided)) return;
  std::smatch m;
  if (!std::regex_search(ctx.previous, m, whether)) return;
  f.params["condition"] = "if " + m[1].str();
  classify_condition(f.params, subject);
}

void with_condition(Finding& f, const Normalised& n, const std::string& subject) {
  static const char* const valued[] = {"returns-int", "returns-pointer-or-null", "returns-pointer",
                                       "returns-enumerated", "returns-current", "returns-previous"};
  if (f.kind == "returns-copied" || f.kind == "returns-quantity" || f.kind == "returns-argument") {  // read with the shape
    classify_condition(f.params, subject);
    return;
  }
  if (std::find(std::begin(valued), std::end(valued), f.kind) == std::end(valued)) return;
  if (!f.params.contains("condition")) {
    const std::string lead = leading_condition(n.restore(0, n.text.size()));
    if (!lead.empty()) {
      f.params["condition"] = lead;
      f.params["condition_of"] = "statement";
    }
  }
  classify_condition(f.params, subject);
}

}  // namespace

std::vector<Finding> recognise_return_item(const std::string& label, const std::string& text,
                                           const SentenceContext& ctx) {
  json value = item_value(label);
  // "0 (Failure): The X() function returns 0 when ...": an item whose text
  // states its own return statements, each naming its function, is read as
  // those sentences (a label with an outcome note groups several functions).
  static const Regex noted(R"(\((?:success|failure|error|ok)\)\s*:?\s*$)", std::regex::icase);
  static const Regex own_statement(R"(\(\) (?:function )?returns\b)");
  if (std::regex_search(label, noted) && std::regex_search(text, own_statement)) return {};
  if (value.is_null()) {
    // A text label is a value only where a page function returns text.
    value = text_value(label);
    if (value.is_null() || functions_returning(value, *ctx.vocab).empty()) return {};
  }
  std::vector<Finding> out;
  for (const auto& f : functions_returning(value, *ctx.vocab)) {
    out.push_back(make("returns-enumerated", {{"value", value}, {"condition", text}}));
    out.back().functions = {f};
    classify_condition(out.back().params, f);
    std::vector<std::string> parameters;
    if (const model::Prototype* p = ctx.vocab->prototype(f))
      for (const auto& a : p->params) parameters.push_back(a.name);
    structure_condition(out.back().params, parameters);
  }
  if (out.empty()) {  // no function fits: keep the statement, visibly unchecked
    out.push_back(make("returns-enumerated", {{"value", value}, {"condition", text}}));
    classify_condition(out.back().params, "");
    out.back().checkable = false;
    out.back().reason = "unrecognised";
  }
  return out;
}

std::vector<Finding> recognise_returns(const Normalised& n, const SentenceContext& ctx) {
  // "return value" and "return code" are nouns, not statements.
  static const Regex verb(
      R"(\b(?:returns?|returned|returning)\b(?! values?\b| codes?\b| types?\b)|\b(?:yields?|gives?) (?=NUM\b|NULL\b)|\b(?:does not|doesn't) provide\b|\b(?:the )?return value is\b|\bno return values?\b|\ba return value of\b|\bthe return value points to\b|^(?:a|the) value of (?=NUM\b|NULL\b)|^if the value is (?=NUM\b|NULL\b))");
  std::smatch m;
  if (!std::regex_search(n.text, m, verb)) return {};
  if (!n.text.empty() && n.text.back() == ':') return {};  // introduces a list: informative
  bool collective = false;
  const auto who = subjects(n, static_cast<std::size_t>(m.position(0)), ctx, collective);
  std::vector<Finding> out;
  for (const auto& subject : who.empty() ? std::vector<std::string>{""} : who) {
    auto f = classify(n, ctx, subject);
    if (!f) continue;
    // "These functions return 1 on success": not the page's functions whose
    // return type cannot carry the value (a pointer getter, an int setter).
    if (collective && !fits_return_type(*f, ctx.vocab->prototype(subject))) continue;
    // "These functions return the number of bytes copied, at most outlen":
    // only the functions that have the parameters the sentence names.
    if (collective && (f->kind == "returns-copied" || f->kind == "returns-quantity") &&
        !has_parameters(ctx.vocab->prototype(subject), n.arguments))
      continue;
    if (!subject.empty()) f->functions = {subject};
    with_value_conditions(*f, n);
    with_condition(*f, n, subject);
    with_elided_condition(*f, ctx, subject);
    if (subject.empty() && f->checkable && f->kind != "returns-on-null") {  // a value with no function to call stays visibly unchecked
      f->checkable = false;
      f->reason = "unrecognised";
      f->params["missing"] = "function";
    }
    out.push_back(std::move(*f));
  }
  return out;
}

}  // namespace sslconf::claims
