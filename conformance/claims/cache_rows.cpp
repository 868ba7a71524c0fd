// Predicates about the session cache and the callbacks a context calls
// around it: when a callback is called and with what, what a callback's
// return value does to the cache, how mode flags combine, what is off by
// default, what a context counts as a hit. Each recogniser reads a
// predicate class (subject, predicate, condition) in any wording of that
// shape; the words of the sentence become the params the check sets up.
#include "claims/condition.hpp"
#include "claims/recognise.hpp"
#include "model/numbers.hpp"
#include "model/regex.hpp"

#include <algorithm>
#include <optional>

namespace sslconf::claims {

namespace {

using nlohmann::json;

// A list as the page wrote it ("the ssl connection and the nascent ssl
// session sess"): one entry per item.
json listed(std::string text) {
  static const Regex separator(R"(\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*)");
  json out = json::array();
  for (RegexTokenIterator it(text.begin(), text.end(), separator, -1), end; it != end; ++it)
    if (!it->str().empty()) out.push_back(it->str());
  return out;
}

std::string restored(const Normalised& n, const std::smatch& m, int group) {
  const auto b = static_cast<std::size_t>(m.position(group));
  return n.restore(b, b + static_cast<std::size_t>(m.length(group)));
}

// ---- callbacks ----

// The callback a sentence names (a function-pointer parameter of a page
// setter, written as "new_session_cb()" or as the parameter) and where.
struct Named {
  std::string callback;
  std::size_t pos = std::string::npos;
};

Named named_in(const Normalised& n, const Vocabulary& v) {
  Named best;
  for (const auto* slots : {&n.functions, &n.arguments})
    for (const auto& s : *slots)
      if (!callback_setter(s.value, v).empty() && s.pos < best.pos) best = {s.value, s.pos};
  return best;
}

// The callback "the callback" or a pronoun stands for: the one the block
// named last, else the callback parameter of the subject carried over.
std::string callback_meant(const SentenceContext& ctx, const std::string& subject) {
  if (!ctx.callback.empty()) return ctx.callback;
  if (const model::Prototype* p = ctx.vocab->prototype(subject))
    for (const auto& a : p->params)
      if (a.type.find("(*") != std::string::npos) return a.name;
  return "";
}

// "only called on SSL/TLS servers", "even when session caching was
// disabled", "whenever the SSL engine removes a session ...", "multiple
// times": the parts of a "called" predicate the check sets up.
json call_circumstances(const Normalised& n, std::size_t at, std::size_t end, bool only) {
  const std::string rest = n.text.substr(at, end - at);
  const auto quote = [&](long b, long e) { return n.restore(at + static_cast<std::size_t>(b), at + static_cast<std::size_t>(e)); };
  json p = json::object();
  static const FilteredRegex role(R"(\b(?:on|by|in|for) (?:ssl/tls |tls |the )?(server|client)s?\b)");
  std::smatch m;
  if (only && filtered_search(rest, m, role)) p["only"] = m[1].str();
  // The concession ("even when caching was disabled") is no event: kept
  // apart, then blanked (same length, so positions hold).
  static const FilteredRegex even(R"(\beven (?:when|if) ([^,;]+))");
  std::string plain = rest;
  if (filtered_search(rest, m, even)) {
    p["even"] = quote(m.position(1), m.position(1) + m.length(1));
    plain.replace(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)),
                  static_cast<std::size_t>(m.length(0)), ' ');
  }
  static const Regex event(R"((?:^|[ ,])(?:whenever|each time|every time|as soon as|when) ([^;]+?)\s*(?:\((?:see|cf\.) [^)]*\))?\s*$)");
  if (std::regex_search(plain, m, event)) p["event"] = quote(m.position(1), m.position(1) + m.length(1));
  static const FilteredRegex many(R"(\b(?:multiple|several|many) times\b|\bmore than once\b)");
  if (filtered_search(rest, many)) p["times"] = "multiple";
  return p;
}

// "The new_session_cb() is called whenever a new session has been
// negotiated", "The get_session_cb() is only called on SSL/TLS servers",
// "... is always called, even when session caching was disabled", "In
// these cases the new_session_cb() function will be invoked multiple times".
std::optional<Finding> callback_called(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex called(
      R"(^(?:(in (?:these|those|such|this|both) cases?),? )?(?:the )?(?:FUNC|ARG)(?: function| callback)?(?: function)? (?:is|will be|gets) (only |always |also |then )?(?:called|invoked|run|triggered|executed)\b([^.;]*))");
  std::smatch m;
  if (!filtered_search(n.text, m, called)) return std::nullopt;
  const Named cb = named_in(n, *ctx.vocab);
  if (cb.callback.empty() || cb.pos > static_cast<std::size_t>(m.position(3))) return std::nullopt;  // the subject
  const auto at = static_cast<std::size_t>(m.position(3));
  json p = call_circumstances(n, at, at + static_cast<std::size_t>(m.length(3)), m[2].str() == "only ");
  // "In these cases": the situation is the sentence before.
  if (m[1].matched && !ctx.previous.empty()) p["event"] = ctx.previous;
  if (m[2].str() == "always ") p["always"] = true;
  if (!p.contains("event") && !p.contains("only") && !p.contains("even")) return std::nullopt;
  p["callback"] = cb.callback;
  return finding("callback-called", {callback_setter(cb.callback, *ctx.vocab)}, p);
}

// "This can happen when the session is removed because it is expired or
// when ...", "It also happens for all sessions in the internal session
// cache when SSL_CTX_free(3) is called": the callback the sentence before
// spoke of is called in that situation too.
std::optional<Finding> callback_also_called(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex happens(R"(^(?:this|it) (?:also |can |will |then )*(?:happens?|occurs?)\b([^.;]*))");
  std::smatch m;
  if (ctx.callback.empty() || !filtered_search(n.text, m, happens)) return std::nullopt;
  static const FilteredRegex about_calls(R"(\b(?:called|invoked|happens?|occurs?)\b)");
  if (!filtered_search(ctx.previous, about_calls)) return std::nullopt;
  const std::string rest = m[1].str();
  static const FilteredRegex when(R"(\b(?:when|whenever|if) (.+)$)");
  std::smatch w;
  if (!filtered_search(rest, w, when)) return std::nullopt;
  const std::string full = restored(n, m, 1);
  json p = {{"callback", ctx.callback},
            {"event", full.substr(static_cast<std::size_t>(w.position(1)))}};
  static const FilteredRegex every(R"(\bfor (?:all|every|each) (?:of the )?sessions?\b)");
  if (filtered_search(rest, every)) p["each"] = true;
  return finding("callback-called", {callback_setter(ctx.callback, *ctx.vocab)}, p);
}

// "The new_session_cb() is passed the ssl connection and the nascent ssl
// session sess", "... and is given the session id proposed by the client",
// "The callback receives the connection and the session".
std::optional<Finding> callback_passed(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const FilteredRegex passed(R"(\b(?:is|are|gets|will be) (?:passed|given|handed) ((?!to\b)[^.;]+)|^the callback (?:receives|gets) ([^.;]+))");
  std::smatch m;
  if (!filtered_search(n.text, m, passed)) return std::nullopt;
  static const FilteredRegex conditional(R"(^(?:if|when|unless)\b)");
  if (filtered_search(n.text, conditional)) return std::nullopt;
  const Named cb = named_in(n, *ctx.vocab);
  const bool generic = m[2].matched;
  const std::string callback = generic ? callback_meant(ctx, subject) : cb.callback;
  if (callback.empty() || (!generic && cb.pos > static_cast<std::size_t>(m.position(0)))) return std::nullopt;
  std::string args = restored(n, m, generic ? 2 : 1);
  static const Regex tail(R"(;.*$|\s*\.$)");
  args = std::regex_replace(args, tail, "");
  return finding("callback-passed", {callback_setter(callback, *ctx.vocab)}, {{"callback", callback}, {"arguments", listed(args)}});
}

// "If the callback returns 0, the session will be immediately removed from
// the internal cache and the reference count released": what the value
// returned does to the cache (and to the callback's reference).
std::vector<Finding> callback_return(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const FilteredRegex returns(
      R"(^(?:if|when) (?:the )?(?:(FUNC|ARG) |[\w-]+ )?(?:callback|function)?(?: function)? ?returns (NUM),? (?:then )?([^.;]+))");
  std::smatch m;
  if (!filtered_search(n.text, m, returns)) return {};
  const Named cb = named_in(n, *ctx.vocab);
  const std::string callback = !cb.callback.empty() && cb.pos < static_cast<std::size_t>(m.position(2)) ? cb.callback
                                                                                                          : callback_meant(ctx, subject);
  const auto nums = Normalised::within(n.numbers, static_cast<std::size_t>(m.position(2)), static_cast<std::size_t>(m.position(2)) + 3);
  const auto value = nums.empty() ? std::nullopt : model::parse_integer(nums.front());
  const std::string setter = callback_setter(callback, *ctx.vocab);
  if (!value || setter.empty()) return {};
  const long long returned = *value;
  // The effect is the main clause: an aside in parentheses or after a
  // colon ("(another page says it is removed)") states no effect.
  static const Regex aside(R"(\s*\([^)]*\)|:.*$)");
  const std::string effect = std::regex_replace(m[3].str(), aside, "");
  std::vector<Finding> out;
  static const FilteredRegex removed(R"(\b(?:is|are|will be|gets) (?:immediately |then )?(?:removed|dropped|evicted) from the (?:internal )?(?:session )?cache\b)");
  static const FilteredRegex stays(R"(\b(?:stays|remains|is kept|is left|will stay|will remain) in the (?:internal )?(?:session )?cache\b)");
  if (filtered_search(effect, removed)) out.push_back(finding("callback-return-removes", {setter}, {{"callback", callback}, {"returns", returned}, {"removed", true}}));
  else if (filtered_search(effect, stays)) out.push_back(finding("callback-return-removes", {setter}, {{"callback", callback}, {"returns", returned}, {"removed", false}}));
  // "... and the reference count released": the library lets go of the
  // callback's reference.
  static const FilteredRegex released(R"(\b(?:the )?reference(?: count)? (?:is |will be )?(?:released|dropped|decremented)\b)");
  if (filtered_search(effect, released))
    out.push_back(finding("callback-reference", {setter}, {{"returns", returned}, {"holder", "library"}}));
  return out;
}

// "X(), Y() and Z() return different callback function pointers
// respectively": each getter returns what its counterpart set.
std::vector<Finding> getters_respectively(const Normalised& n, const SentenceContext& ctx) {
  static const Regex respectively(
      R"(^((?:FUNC,? (?:and )?)+)(?:return|returns|give|yield) (?:the |their )?(?:different |respective |corresponding )?(?:callback )?(?:function )?(?:pointers?|callbacks?|values?)\b[^.;]*\brespectively\b)");
  std::smatch m;
  if (!std::regex_search(n.text, m, respectively)) return {};
  std::vector<Finding> out;
  for (const auto& g : Normalised::within(n.functions, 0, static_cast<std::size_t>(m.length(1)))) {
    const std::string setter = counterpart(g, *ctx.vocab);
    if (setter.empty() || setter.find("set") == std::string::npos) continue;
    out.push_back(finding("returns-current", {g}, {{"setter", setter}}));
  }
  return out;
}

// ---- cache modes, counters, session times ----

bool is_flag(const std::string& s) {
  static const Regex flag(R"(^[A-Z][A-Z0-9]*_[A-Z0-9_]+$)");
  return std::regex_match(s, flag);
}

std::string page_function(const SentenceContext& ctx) {
  return ctx.vocab->page_functions.empty() ? std::string() : ctx.vocab->page_functions.front();
}

// "Enable both SSL_SESS_CACHE_CLIENT and SSL_SESS_CACHE_SERVER at the same
// time" under SSL_SESS_CACHE_BOTH; "X is the same as Y | Z", "X combines Y
// and Z": the flag is the union of the others.
std::optional<Finding> flag_union(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex item(R"(^(?:enables?|sets?|turns on|selects?|means|combines|is) both ([A-Z][A-Z0-9_]+) and ([A-Z][A-Z0-9_]+)\b)");
  static const FilteredRegex named(
      R"(^([A-Z][A-Z0-9_]+) (?:is|means|equals|combines|stands for) (?:the same as |equivalent to |shorthand for |the union of |both )?([A-Z][A-Z0-9_]+) (?:and|\||plus|or) ([A-Z][A-Z0-9_]+)\b)");
  std::smatch m;
  std::string flag;
  json of = json::array();
  if (is_flag(ctx.label) && filtered_search(n.text, m, item)) {
    flag = ctx.label;
    of = {m[1].str(), m[2].str()};
  } else if (filtered_search(n.text, m, named)) {
    flag = m[1].str();
    of = {m[2].str(), m[3].str()};
  }
  if (flag.empty() || !is_flag(of[0].get<std::string>()) || !is_flag(of[1].get<std::string>())) return std::nullopt;
  return finding("flag-combines", {page_function(ctx)}, {{"flag", flag}, {"of", of}});
}

// "This option is not activated by default" under a flag's item, "X is
// off by default": a new object's value does not include the flag.
std::optional<Finding> not_default(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex off(
      R"(^(?:(?:this|the|it)(?: option| flag| mode| modifier| setting)?|([A-Z][A-Z0-9_]+)) is (?:not (?:activated|enabled|set|on|active|turned on|selected)|off|disabled|unset) by default\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, off)) return std::nullopt;
  const std::string flag = m[1].matched ? m[1].str() : ctx.label;
  if (!is_flag(flag)) return std::nullopt;
  return finding("default-excludes", {page_function(ctx)}, {{"flag", flag}});
}

// The page function that counts what a noun names: "counted as a hit" →
// the function whose name ends in "_hits" (or "_hit").
std::string counter_for(const std::string& noun, const Vocabulary& v) {
  for (const auto& f : v.page_functions)
    for (const std::string& end : {noun + "s", noun + "es", noun})
      if (f.size() > end.size() + 1 && f.compare(f.size() - end.size() - 1, end.size() + 1, "_" + end) == 0) return f;
  return "";
}

// "In client mode a session set with SSL_set_session(3) successfully
// reused is counted as a hit": the counter counts that event.
std::optional<Finding> counted_as(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex as(R"(^(?:in (client|server) mode,? )?(.+?) (?:is|are) counted as (?:an? )?([a-z]+)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, as)) return std::nullopt;
  const std::string counter = counter_for(m[3].str(), *ctx.vocab);
  if (counter.empty()) return std::nullopt;
  json p = {{"event", restored(n, m, 2)}};
  if (m[1].matched) p["mode"] = m[1].str();
  return finding("counts", {counter}, p);
}

// "These sessions are not included in the SSL_CTX_sess_hits() count": the
// event of the sentence before ("returns the number of <event> [in server
// mode]") leaves that counter as it was.
std::optional<Finding> not_counted(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex excluded(
      R"(^(?:these|such|those) (?:[a-z]+ )?(?:are|is) not (?:included|counted) in (?:the )?(FUNC)(?: count| counter| total| number)?\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, excluded)) return std::nullopt;
  static const FilteredRegex number_of(R"(\bnumber of (.+?)\.?$)", std::regex::icase);
  std::smatch e;
  if (!filtered_search(ctx.previous, e, number_of)) return std::nullopt;
  std::string event = e[1].str();
  json p = json::object();
  static const FilteredRegex mode(R"(\bin (client|server) mode\b)", std::regex::icase);
  std::smatch md;
  if (filtered_search(event, md, mode)) p["mode"] = md[1].str();
  p["event"] = event;
  p["excluded"] = true;
  const auto fs = Normalised::within(n.functions, static_cast<std::size_t>(m.position(1)), static_cast<std::size_t>(m.position(1)) + 4);
  if (fs.empty()) return std::nullopt;
  return finding("counts", {fs.front()}, p);
}

// "Both are set at creation time of the session to the actual time and the
// default timeout value at creation, respectively, as set by
// SSL_CTX_set_timeout(3)": what a new session starts with.
std::optional<Finding> set_at_creation(const Normalised& n, const SentenceContext& ctx, std::string subject) {
  static const FilteredRegex both(
      R"(^(?:both|they|these|the two) (?:are|is) (?:set|initiali[sz]ed) (?:at|on|upon) (?:the )?creation(?: time)?(?: of (?:the|a|each) (?:new )?session)? to ([^.;]+?)(?:,? respectively\b.*|\.)?$)");
  std::smatch m;
  if (!ctx.vocab->on_page(subject)) subject = page_function(ctx);
  if (!filtered_search(n.text, m, both) || subject.empty()) return std::nullopt;
  // "as set by SSL_CTX_set_timeout": a value the context holds, so the
  // session is one a handshake on that context makes.
  static const FilteredRegex context(R"(\bSSL_CTX_\w+)");
  const bool of_context = filtered_search(n.restore(0, n.text.size()), context);
  return finding("session-starts-with", {subject}, {{"fields", listed(restored(n, m, 1))}, {"origin", of_context ? "handshake" : "subject"}});
}

// "If the same session is stored in a different SSL_SESSION object, the
// old session is removed and replaced by the new session".
std::optional<Finding> replaced_by_new(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const FilteredRegex replaced(
      R"(\bdifferent (?:SSL_SESSION |session )?(?:object|structure)\b[^.]*?\b(?:the )?(?:old|older|previous|existing|first) (?:session|object|one) (?:is|gets|will be) (?:removed|replaced)\b)");
  if (!filtered_search(n.text, replaced)) return std::nullopt;
  std::string fn = subject;
  if (!ctx.vocab->on_page(fn)) fn = page_function(ctx);
  return finding("cache-replaces-same-id", {fn}, json::object());
}

// The cache-mode flag a sentence speaks of: one it names, else the list
// item's ("this flag", "By setting this flag").
std::string cache_flag(const Normalised& n, const SentenceContext& ctx) {
  static const Regex flag(R"(^SSL_SESS_CACHE_\w+$)");
  for (const auto& c : n.constants)
    if (std::regex_match(c.value, flag)) return c.value;
  return std::regex_match(ctx.label, flag) ? ctx.label : std::string();
}

// "This flag will prevent sessions being stored in the internal cache",
// "If a server SSL_CTX is configured with the X flag then the internal
// cache will not be populated automatically by new sessions": which
// sessions enter the cache in that mode (cache-by-mode).
std::optional<Finding> stored_by_mode(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex stored(
      R"(\bprevents? (?:new )?sessions? (?:from )?being (?:stored|added|cached|put) (?:in|to|into) the (?:internal )?(?:session )?cache\b|\b(?:internal )?(?:session )?cache (?:will|is|does) not (?:be )?(?:populated|filled)\b)");
  if (!filtered_search(n.text, stored)) return std::nullopt;
  const std::string flag = cache_flag(n, ctx);
  if (flag.empty()) return std::nullopt;
  return finding("cache-by-mode", {page_function(ctx)}, {{"mode", json::array({flag})}});
}

// Where a server looks for a proposed session: "A server will look up the
// session in its internal session storage", "... the server will try the
// external storage if available", "... looks in (first) the internal cache
// (unless X is set), then (second) in the external cache", "By setting
// this flag, ... will not automatically look up sessions in the internal
// cache", "this flag guarantees that all lookups are directed to the
// external cache".
std::optional<Finding> server_lookup(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex verb(R"(\b(?:look(?:s|ed)? (?:up|for|in)|will try|tries|search(?:es|ed)?|(?:lookups?|look-ups?) (?:are|is) (?:directed|sent|made))\b)");
  std::smatch v;
  if (!filtered_search(n.text, v, verb)) return std::nullopt;
  // The storage the main clause looks in: the last one named after the verb.
  static const Regex storage(R"(\b(internal|external) (?:session )?(?:cache|storage)\b)");
  const std::string after = n.text.substr(static_cast<std::size_t>(v.position(0)));
  std::string target;
  bool internal_then_external = false;
  for (RegexIterator it(after.begin(), after.end(), storage), end; it != end; ++it) {
    if (target == "internal" && (*it)[1].str() == "external") internal_then_external = true;
    target = (*it)[1].str();
  }
  if (target.empty()) return std::nullopt;
  // "(first) the internal cache ..., then (second) the external one",
  // "in the internal cache first, and second in the external cache".
  static const FilteredRegex order(R"(\b(?:first|firstly)\b[^.]*\b(?:then|second|secondly|afterwards)\b)");
  const bool ordered = internal_then_external && filtered_search(after, order);
  static const FilteredRegex negated(R"(\b(?:not|never|no longer)(?: [a-z]+){0,2} (?:look|search))");
  json p = {{"looks", ordered ? "internal" : target}};
  if (ordered) p["then"] = "external";
  if (filtered_search(n.text, negated)) p["negated"] = true;
  if (const std::string flag = cache_flag(n, ctx); !flag.empty()) p["mode"] = flag;
  return finding("cache-lookup", {page_function(ctx)}, p);
}

// "A special case is the size 0, which is used for unlimited size", "A
// size of 0 means that the cache has no limit": the setter given that
// value sets no bound.
std::optional<Finding> unlimited_value(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const FilteredRegex unlimited(
      R"(\b(size|value|limit|timeout|number|length)(?: of)? (NUM)\b[^.;]*?\b(?:unlimited|no limit|no maximum|no upper bound|infinite|not limited)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, unlimited)) return std::nullopt;
  const auto nums = Normalised::within(n.numbers, static_cast<std::size_t>(m.position(2)), static_cast<std::size_t>(m.position(2)) + 3);
  const auto value = nums.empty() ? std::nullopt : model::parse_integer(nums.front());
  // The page's setter of that quantity: the subject when it is one.
  const model::Prototype* p = ctx.vocab->prototype(subject);
  if (!value || p == nullptr || subject.find("set") == std::string::npos) return std::nullopt;
  const long long v = *value;
  return finding("unlimited-value", {subject}, {{"quantity", m[1].str()}, {"value", v}});
}

// "If adding the session makes the cache exceed its size, then unused
// sessions are dropped from the end of the cache": a full cache makes room.
std::optional<Finding> evicts_beyond_size(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const FilteredRegex evicts(
      R"(\b(?:makes? the cache exceed|exceeds? (?:its|the) (?:cache |maximum )?size|(?:the )?cache is full|more sessions? than (?:its|the) (?:cache )?size)\b[^.]*?\b(?:are|is|get|gets|will be) (?:dropped|removed|evicted|discarded)\b)");
  static const FilteredRegex none(R"(\b(?:nothing|no session|none)\b[^.]*?\b(?:is|are|gets) (?:dropped|removed|evicted|discarded)\b|\bnot (?:dropped|removed|evicted|discarded)\b)");
  if (!filtered_search(n.text, evicts) || filtered_search(n.text, none)) return std::nullopt;
  std::string fn = subject;
  if (!ctx.vocab->on_page(fn)) fn = page_function(ctx);
  return finding("cache-evicts", {fn}, json::object());
}

// "By setting the parameter copy to 1, the callback can require the SSL
// engine to increment the reference count of the SSL_SESSION object;
// setting copy to 0 causes the reference count to remain unchanged": what
// a callback's output flag does to the reference count of what it returns.
std::vector<Finding> callback_copy(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const Regex setting(
      R"(\bsetting (?:the (?:parameter|argument|flag) )?\*?(ARG|[a-z_]+) to (NUM)\b[^;.]*?\b(increment(?:s|ed)?|(?:remain|stay|is left|be left)s? unchanged|not (?:be )?incremented)\b)");
  const std::string callback = callback_meant(ctx, subject);
  const std::string setter = callback_setter(callback, *ctx.vocab);
  if (setter.empty()) return {};
  std::vector<Finding> out;
  for (RegexIterator it(n.text.begin(), n.text.end(), setting), end; it != end; ++it) {
    const auto at = static_cast<std::size_t>(it->position(2));
    const auto nums = Normalised::within(n.numbers, at, at + 3);
    const auto value = nums.empty() ? std::nullopt : model::parse_integer(nums.front());
    if (!value) continue;
    const auto flag_at = static_cast<std::size_t>(it->position(1));
    const auto args = Normalised::within(n.arguments, flag_at, flag_at + static_cast<std::size_t>(it->length(1)));
    const std::string flag = args.empty() ? (*it)[1].str() : args.front();
    const bool incremented = (*it)[3].str().rfind("increment", 0) == 0;
    const long long v = *value;
    out.push_back(finding("callback-copy", {setter}, {{"callback", callback}, {"flag", flag}, {"value", v},
                                                 {"references", incremented ? "incremented" : "unchanged"}}));
  }
  return out;
}

// "The time is given in seconds since the Epoch and therefore compatible
// to the time delivered by the time() call": the unit of what a getter reads.
std::optional<Finding> epoch_seconds(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const FilteredRegex epoch(
      R"(^(?:the )?(?:time|value|timestamp|creation time)s? (?:is|are) (?:given|expressed|returned|measured|stored|counted) in seconds since the (?:unix )?epoch\b)");
  if (!filtered_search(n.text, epoch) || !ctx.vocab->on_page(subject)) return std::nullopt;
  return finding("epoch-seconds", {subject}, json::object());
}

}  // namespace

std::string callback_setter(const std::string& callback, const Vocabulary& vocab) {
  for (const auto& [fn, p] : vocab.prototypes)
    for (const auto& a : p.params)
      if (a.name == callback && a.type.find("(*") != std::string::npos) return fn;
  return "";
}

std::string named_callback(const Normalised& n, const Vocabulary& vocab) { return named_in(n, vocab).callback; }

std::vector<Finding> recognise_cache_rows(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  std::vector<Finding> out;
  for (auto* one : {&callback_called, &callback_also_called})
    if (auto f = (*one)(n, ctx)) out.push_back(*f);
  if (auto f = callback_passed(n, ctx, subject)) out.push_back(*f);
  for (auto& f : callback_return(n, ctx, subject)) out.push_back(f);
  for (auto& f : getters_respectively(n, ctx)) out.push_back(f);
  for (auto* one : {&flag_union, &not_default, &counted_as, &not_counted})
    if (auto f = (*one)(n, ctx)) out.push_back(*f);
  if (auto f = set_at_creation(n, ctx, subject)) out.push_back(*f);
  if (auto f = replaced_by_new(n, ctx, subject)) out.push_back(*f);
  for (auto* one : {&stored_by_mode, &server_lookup})
    if (auto f = (*one)(n, ctx)) out.push_back(*f);
  for (auto& f : callback_copy(n, ctx, subject)) out.push_back(f);
  for (auto* one : {&unlimited_value, &evicts_beyond_size, &epoch_seconds})
    if (auto f = (*one)(n, ctx, subject)) out.push_back(*f);
  return out;
}

}  // namespace sslconf::claims
