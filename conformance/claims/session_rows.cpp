// Predicates about sessions' lifetimes and the tickets that carry them: a
// default given by a named constant and its current value, the lifetime
// hint a ticket carries (and under which protocol and handshake), a value
// fixed when a session is negotiated, a lifetime the application can
// change, a callback called while a call removes sessions. Each recogniser
// reads a class of wordings (subject, predicate, condition); the words of
// the sentence become the params the check sets up (KINDS.md).
#include "claims/recognise.hpp"
#include "model/numbers.hpp"
#include "model/regex.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace sslconf::claims {

namespace {

using nlohmann::json;

std::string page_setter(const SentenceContext& ctx) {
  for (const auto& f : ctx.vocab->page_functions)
    if (f.find("_set") != std::string::npos) return f;
  return ctx.vocab->page_functions.empty() ? std::string() : ctx.vocab->page_functions.front();
}

// The integer an arithmetic expression of the page stands for ("1024*20",
// "7 * 24 * 3600", "300"): the numbers of n in [begin, end) joined by the
// operators between them; nullopt for anything else.
std::optional<long long> evaluate(const Normalised& n, std::size_t begin, std::size_t end) {
  long long total = 0, term = 1;
  std::size_t at = begin;
  bool first = true;
  for (const auto& s : n.numbers) {
    if (s.pos < begin || s.pos >= end) continue;
    std::string between = n.text.substr(at, s.pos - at);
    between.erase(std::remove(between.begin(), between.end(), ' '), between.end());
    const auto v = model::parse_integer(s.value);
    if (!v) return std::nullopt;
    if (first && between.empty()) term = *v;
    else if (between == "*") term *= *v;
    else if (between == "+") {
      total += term;
      term = *v;
    } else return std::nullopt;
    first = false;
    at = s.pos + 3;
  }
  if (first) return std::nullopt;
  return total + term;
}

// "1 week (604800 seconds)", "300 seconds", "2 hours": a duration in seconds,
// the seconds the page spells out winning over the larger unit.
std::optional<long long> seconds_in(const Normalised& n, std::size_t begin, std::size_t end) {
  static const Regex amount(R"(NUM (second|minute|hour|day|week)s?\b)");
  static const std::map<std::string, long long> unit{
      {"second", 1}, {"minute", 60}, {"hour", 3600}, {"day", 86400}, {"week", 604800}};
  const std::string span = n.text.substr(begin, end - begin);
  std::optional<long long> best;
  for (RegexIterator it(span.begin(), span.end(), amount), stop; it != stop; ++it) {
    const auto nums = Normalised::within(n.numbers, begin + static_cast<std::size_t>(it->position(0)),
                                         begin + static_cast<std::size_t>(it->position(0)) + 3);
    const auto v = nums.empty() ? std::nullopt : model::parse_integer(nums.front());
    if (!v) continue;
    const long long s = *v * unit.at((*it)[1].str());
    if (!best || (*it)[1].str() == "second") best = s;
  }
  return best;
}

// ---- defaults given by a constant ----

// "The internal session cache size is SSL_SESSION_CACHE_MAX_SIZE_DEFAULT,
// currently 1024*20": a quantity whose value is a constant named as the
// default, with the value that constant has today.
std::optional<Finding> default_constant(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex is_default(
      R"(^(?:the )?((?:[a-z_]+ ){0,3}(?:size|timeout|mode|value|length|limit|lifetime|number)) (?:is|defaults to) ([A-Z][A-Z0-9_]*DEFAULT[A-Z0-9_]*)\b(?:,? \(?(?:currently|which is(?: currently)?|i\.e\.|that is|now) ((?:NUM ?[*+] ?)*NUM)\b)?)");
  std::smatch m;
  if (!filtered_search(n.text, m, is_default)) return std::nullopt;
  json p = {{"quantity", m[1].str()}, {"constant", m[2].str()}, {"value", m[2].str()}};
  if (m[3].matched) {
    const auto b = static_cast<std::size_t>(m.position(3));
    if (const auto v = evaluate(n, b, b + static_cast<std::size_t>(m.length(3)))) p["value"] = *v;
  }
  return finding("default-value", {page_setter(ctx)}, p);
}

// ---- values a session keeps ----

// "All sessions behave according to the timeout value valid at the time of
// the session negotiation", "a session keeps the timeout in effect when it
// was created": a later change of the setting leaves a session as it was.
std::optional<Finding> fixed_at_negotiation(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex fixed(
      R"(\bsessions? (?:behaves?|works?|expires?|(?:is|are) treated|keeps?|retains?) (?:according to |with |by )?the ((?:[a-z]+ ){0,2}?(?:timeout|lifetime|expiry)(?: value)?) (?:valid|in effect|in force|current|set) (?:at|when|during) (?:the time of )?(?:the |their |its )?(?:session )?(?:negotiation|creation|handshake|it was (?:negotiated|created)|they were (?:negotiated|created)))");
  std::smatch m;
  if (!filtered_search(n.text, m, fixed)) return std::nullopt;
  return finding("value-fixed-at-creation", {page_setter(ctx)}, {{"quantity", m[1].str()}});
}

// ---- ticket lifetime hints ----

// The protocol a sentence is scoped to ("For TLSv1.3, ...", "in TLS 1.2"),
// as "TLSv1.2"/"TLSv1.3"; "" when none.
std::string protocol_named(const std::string& restored) {
  static const FilteredRegex tls(R"(\btls ?v?1\.([0-3])\b)", std::regex::icase);
  std::smatch m;
  return filtered_search(restored, m, tls) ? "TLSv1." + m[1].str() : "";
}

// A sentence of the same paragraph that opens with a protocol scope
// ("For TLSv1.2, tickets generated during an initial handshake ...")
// scopes the next one that names none.
std::string protocol_scope(const Normalised& n, const SentenceContext& ctx) {
  if (std::string own = protocol_named(n.restore(0, n.text.size())); !own.empty()) return own;
  static const FilteredRegex opens(R"(^(?:for|in|with) tls ?v?1\.[0-3],)", std::regex::icase);
  return filtered_search(ctx.previous, opens) ? protocol_named(ctx.previous) : "";
}

json hint_params(const Normalised& n, const SentenceContext& ctx, json value) {
  json p = {{"value", std::move(value)}};
  if (const std::string proto = protocol_scope(n, ctx); !proto.empty()) p["protocol"] = proto;
  return p;
}

// "This timeout value is used as the ticket lifetime hint for stateless
// session tickets", "the ticket lifetime hint is the timeout value".
std::optional<Finding> hint_is_value(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex used(
      R"(\b(?:this|the|that) (?:[a-z]+ )?(?:timeout|lifetime|value)(?: value)? (?:is|will be) (?:also )?(?:used|sent|transmitted|given|advertised) as the (?:session )?(?:ticket'?s? )?lifetime hint\b|\b(?:the )?(?:session )?ticket lifetime hint (?:is|will be) (?:set to |taken from )?(?:this|the) (?:session )?(?:timeout|lifetime)\b)");
  if (!filtered_search(n.text, used)) return std::nullopt;
  return finding("ticket-lifetime-hint", {page_setter(ctx)}, hint_params(n, ctx, "set"));
}

// "For TLSv1.3, RFC8446 limits transmission of this value to 1 week
// (604800 seconds)", "the lifetime hint is capped at 7 days": the value
// sent is the setting, but never more than the bound.
std::optional<Finding> hint_bounded(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex bounded(
      R"(\blimits? (?:the )?transmi(?:ssion|tted value) of (?:this|the|that) (?:[a-z]+ )?(?:value|timeout|hint) to ([^;]+)|\b(?:ticket )?lifetime hint (?:is|will be) (?:limited|capped|clamped|bounded) (?:to|at) ([^;]+))");
  std::smatch m;
  if (!filtered_search(n.text, m, bounded)) return std::nullopt;
  const int g = m[1].matched ? 1 : 2;
  const auto b = static_cast<std::size_t>(m.position(g));
  const auto most = seconds_in(n, b, b + static_cast<std::size_t>(m.length(g)));
  if (!most) return std::nullopt;
  json p = hint_params(n, ctx, "set");
  p["at_most"] = *most;
  return finding("ticket-lifetime-hint", {page_setter(ctx)}, p);
}

// "For TLSv1.2, tickets generated during an initial handshake use the value
// as specified", "Tickets generated during a resumed handshake have a value
// of 0 for the ticket lifetime hint": the hint a ticket of that handshake
// carries.
std::optional<Finding> hint_of_handshake(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex tickets(
      R"(\btickets? (?:generated|issued|sent|created|made) (?:during|in|on|for|by) (?:an?|the) (initial|full|first|resumed|abbreviated|resumption) handshakes? (?:use|uses|carry|carries|have|has|get|gets|contain|contains) (?:(the (?:value|timeout) as (?:specified|set|configured|given))|an? (?:value|lifetime hint|hint) of (NUM)))");
  std::smatch m;
  if (!filtered_search(n.text, m, tickets)) return std::nullopt;
  json value = "set";
  if (m[3].matched) {
    const auto at = static_cast<std::size_t>(m.position(3));
    const auto nums = Normalised::within(n.numbers, at, at + 3);
    const auto v = nums.empty() ? std::nullopt : model::parse_integer(nums.front());
    if (!v) return std::nullopt;
    value = *v;
  }
  json p = hint_params(n, ctx, value);
  const std::string kind = m[1].str();
  p["handshake"] = kind == "initial" || kind == "full" || kind == "first" ? "initial" : "resumed";
  return finding("ticket-lifetime-hint", {page_setter(ctx)}, p);
}

// ---- lifetimes the application changes ----

// "The expiration time of a single session can be modified using the
// SSL_SESSION_get_time(3) family of functions", "Using these functions it is
// possible to extend or shorten the lifetime of the session".
std::optional<Finding> lifetime_adjustable(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex can_be(
      R"(\b(?:expiration|expiry) (?:time )?of (?:a |an |the |each |every )?(?:single |individual |given )?session (?:can|is able to) be (modified|changed|adjusted|extended|shortened)\b)");
  static const FilteredRegex possible(
      R"(\bpossible to (extend|shorten|change|modify|adjust)(?: or (extend|shorten))? the (?:lifetime|expiration time|expiry|timeout) of (?:the|a|each) session\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, can_be) && !filtered_search(n.text, m, possible)) return std::nullopt;
  json changes = json::array();
  for (int g = 1; g <= 2 && g < static_cast<int>(m.size()); ++g)
    if (m[g].matched && (m[g].str() == "extend" || m[g].str() == "extended")) changes.push_back("extend");
    else if (m[g].matched && (m[g].str() == "shorten" || m[g].str() == "shortened")) changes.push_back("shorten");
  if (changes.empty()) changes = {"extend", "shorten"};  // modified, changed: either way
  // The family named ("using the SSL_SESSION_get_time family"), else the page's.
  const std::string fn = n.functions.empty() ? page_setter(ctx) : n.functions.front().value;
  return finding("lifetime-adjustable", {fn}, {{"changes", changes}});
}

// ---- callbacks of other pages ----

// The setter, on any page read, of a callback named as a word
// ("remove_session_cb" on a page that does not declare it).
std::pair<std::string, std::string> callback_elsewhere(const Normalised& n, const Vocabulary& v) {
  static const FilteredRegex word(R"(\b([a-z][a-z0-9_]*_cb)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, word) || v.elsewhere == nullptr) return {};
  for (const auto& [fn, p] : *v.elsewhere)
    for (const auto& a : p.params)
      if (a.name == m[1].str() && a.type.find("(*") != std::string::npos) return {m[1].str(), fn};
  return {};
}

// "When a session is found and removed, the remove_session_cb is however
// called ...": on a page of another call (SSL_CTX_flush_sessions), the
// callback runs in that call's situation; the leading clause is the event.
std::optional<Finding> called_during(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex when(
      R"(^(?:when|whenever|if|each time) ([^,]+), (?:the )?([a-z][a-z0-9_]*_cb)(?:\(\))?(?: function| callback)? (?:is|will be|gets) (?:however |also |then |still )*(?:called|invoked|run)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, when)) return std::nullopt;
  const auto [callback, setter] = callback_elsewhere(n, *ctx.vocab);
  if (callback != m[2].str() || ctx.vocab->on_page(setter)) return std::nullopt;  // the page's own: cache_rows.cpp
  const std::string during = ctx.vocab->page_functions.empty() ? "" : ctx.vocab->page_functions.front();
  const auto b = static_cast<std::size_t>(m.position(1));
  json p = {{"callback", callback}, {"event", n.restore(b, b + static_cast<std::size_t>(m.length(1)))}};
  if (!during.empty()) p["during"] = during;
  return finding("callback-called", {setter}, p);
}

// ---- what the session getters return in TLS 1.3 ----

// The functions a sentence's subject stands for: those it names, else (for
// "these functions", "the above functions", "they") the page's functions
// that return a session.
std::vector<std::string> session_getters(const Normalised& n, const SentenceContext& ctx, std::size_t end) {
  std::vector<std::string> out = Normalised::within(n.functions, 0, end);
  if (!out.empty()) return out;
  for (const auto& f : ctx.vocab->page_functions)
    if (const model::Prototype* p = ctx.vocab->prototype(f);
        p != nullptr && p->return_type.find("SSL_SESSION") != std::string::npos && p->return_type.find('*') != std::string::npos)
      out.push_back(f);
  return out;
}

std::vector<Finding> for_each(const std::vector<std::string>& functions, const char* kind, const json& params) {
  std::vector<Finding> out;
  for (const auto& f : functions) out.push_back(finding(kind, {f}, params));
  return out;
}

// "Calling these functions on the client side in TLSv1.3 before the session
// has been established will still return an SSL_SESSION object but that
// object cannot be used for resuming the session".
std::vector<Finding> before_established(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex early(
      R"(^(?:calling|called) (?:these functions|the above functions|them|(?:FUNC(?:,? (?:and |or )?)?)+) on the (client|server) side\b[^;]*?\bbefore (?:the |a )?session (?:has been|is|was|gets) established\b[^;]*?\breturns? (?:an? )?(?:SSL_SESSION )?(?:object|pointer|session)\b[^;]*?\b(?:cannot|can not|can't|is not able to|may not) be used (?:for|to) resum)");
  std::smatch m;
  if (!filtered_search(n.text, m, early)) return {};
  json p = {{"side", m[1].str()}, {"resumable", false}};
  if (const std::string proto = protocol_named(n.restore(0, n.text.size())); !proto.empty()) p["protocol"] = proto;
  return for_each(session_getters(n, ctx, static_cast<std::size_t>(m.position(1))), "session-before-established", p);
}

// "In that case, on the client side, the above functions will only return
// information on the last session that was received", "On the server side
// they will only return information on the last session that was sent, or
// if no session tickets were sent then the session for the current
// connection".
std::vector<Finding> last_session(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex last(
      R"(^(?:(in (?:that|this|such a|which) case),? )?(?:on the (client|server) side,? )?(?:the above functions|these functions|they|(?:FUNC(?:,? (?:and |or )?)?)+) (?:will )?(?:only )?(?:returns?|gives?|reports?) (?:(?:information|details|data) (?:on|about|of) )?the (?:last|latest|most recent) session (?:that was |they )?(received|sent)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, last)) return {};
  const std::string side = m[2].matched ? m[2].str() : m[3].str() == "received" ? "client" : "server";
  json p = {{"side", side}};
  if (m[1].matched && !ctx.previous.empty()) p["condition"] = ctx.previous;
  const std::string scope = protocol_named(n.restore(0, n.text.size()) + " " + (m[1].matched ? ctx.previous : std::string()));
  if (!scope.empty()) p["protocol"] = scope;
  static const FilteredRegex otherwise(R"(\bor if no (?:session )?tickets? (?:were|was|are|is) sent,? (?:then )?(?:they return )?(?:the|its) session (?:for|of) the (?:current )?connection\b)");
  if (filtered_search(n.text, otherwise)) p["otherwise"] = "no tickets";
  return for_each(session_getters(n, ctx, static_cast<std::size_t>(m.position(3))), "returns-last-session", p);
}

// "It is also possible in TLSv1.3 for multiple sessions to be established
// with a single connection", "one connection can establish several
// sessions": the page's callback setter counts them (its callback is
// handed each session established).
std::optional<Finding> several_per_connection(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex several(
      R"(\bpossible\b[^;]*? for (?:multiple|several|more than one|two or more) sessions to be (?:established|created|negotiated) (?:with|on|over|for|in|by) (?:a single|one|the same|a) connection\b|\b(?:a single|one|the same) connection (?:can|may|is able to) (?:establish|create|negotiate) (?:multiple|several|more than one) sessions\b)");
  if (!filtered_search(n.text, several)) return std::nullopt;
  json p = {{"count", "multiple"}};
  if (const std::string proto = protocol_named(n.restore(0, n.text.size())); !proto.empty()) p["protocol"] = proto;
  const std::string fn = ctx.vocab->page_functions.empty() ? std::string() : ctx.vocab->page_functions.front();
  return finding("sessions-per-connection", {fn}, p);
}

}  // namespace

std::vector<Finding> recognise_session_rows(const Normalised& n, const SentenceContext& ctx) {
  std::vector<Finding> out;
  for (auto* one : {&default_constant, &fixed_at_negotiation, &hint_is_value, &hint_bounded, &hint_of_handshake,
                    &lifetime_adjustable, &called_during, &several_per_connection})
    if (auto f = (*one)(n, ctx)) out.push_back(*f);
  for (auto* many : {&before_established, &last_session})
    for (auto& f : (*many)(n, ctx)) out.push_back(f);
  return out;
}

}  // namespace sslconf::claims
