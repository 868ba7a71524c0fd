// Predicates about a live connection and the objects around it, read by
// class (KINDS.md): a call closing one direction of the connection, a
// direction the peer closes, a call refused after another, an alert a call
// sends, what the peer may still do after an alert, an object being
// reference counted, a new object made from the same parent as another, a
// value both ends of a handshake see, the outcome of offering a session the
// sentence describes, a value becoming part of an object, and a quantity
// held apart for each object of a type.
#include "claims/condition.hpp"
#include "claims/recognise.hpp"

#include <algorithm>
#include <regex>
#include "model/regex.hpp"

namespace sslconf::claims {

namespace {

using nlohmann::json;

// The subject a sentence carries, else (a sentence opening a paragraph)
// the page's one function, which every sentence of its page is about.
std::string carried_or_only(const std::string& subject, const Vocabulary& vocab) {
  if (!subject.empty() || vocab.page_functions.size() != 1) return subject;
  return vocab.page_functions.front();
}

// "write"/"writing"/"sending" → "write"; "read"/"reading"/"receiving" → "read".
std::string direction_of(const std::string& word) {
  return word.rfind("writ", 0) == 0 || word.rfind("send", 0) == 0 ? "write" : "read";
}

// The function a sentence opening with FUNC is about, else (a pronoun) the
// carried subject.
std::string opening_function(const Normalised& n, const std::string& subject) {
  if (!n.functions.empty() && n.functions.front().pos == 0) return n.functions.front().value;
  return subject;
}

#define DIRECTION R"((read|reading|receiving|write|writing|sending) (?:direction|side|half))"

// "SSL_shutdown() only closes the write direction", "It shuts down the
// sending side only": the caller's own direction. "The read direction is
// closed by the peer": the other one, which the peer closes.
std::vector<Finding> closes_direction(const Normalised& n, const std::string& subject) {
  static const FilteredRegex own(
      R"(^(?:FUNC|it) (?:(only|just) )?(?:closes|shuts down|shuts|ends) (?:(only|just) )?(?:the |its )?)" DIRECTION
      R"((?: (only))?(?: of the connection)?\.?$)");
  static const FilteredRegex by_peer(
      R"(^the )" DIRECTION R"( (?:is|gets|will be|must be) closed by the (?:peer|other side|remote side)\.?$)");
  std::smatch m;
  if (filtered_search(n.text, m, own)) {
    const std::string fn = opening_function(n, subject);
    if (fn.empty()) return {};
    const bool only = m[1].matched || m[2].matched || m[4].matched;
    return {finding("closes-direction", {fn}, {{"direction", direction_of(m[3].str())}, {"by", "caller"}, {"only", only}})};
  }
  if (filtered_search(n.text, m, by_peer) && !subject.empty())
    return {finding("closes-direction", {subject}, {{"direction", direction_of(m[1].str())}, {"by", "peer"}})};
  return {};
}

// "It is not possible to call SSL_write() after calling SSL_shutdown()",
// "SSL_write() cannot be called after SSL_shutdown()", "SSL_write() fails
// after SSL_shutdown()": the subject is the call after which the other is
// refused.
std::vector<Finding> refused_after(const Normalised& n) {
  static const FilteredRegex impossible(
      R"(\b(?:it is (?:not possible|impossible) to call|one cannot call|there is no way to call) (FUNC) (?:after|once) (?:calling |a call to |having called )?(FUNC)\b)");
  static const FilteredRegex cannot(
      R"(^(FUNC) (?:cannot|can not|can no longer) be (?:called|used) (?:after|once) (?:calling |a call to |having called )?(FUNC)\b)");
  static const FilteredRegex fails(R"(^(FUNC) (?:fails|will fail|is refused) (?:after|once) (?:calling |a call to |having called )?(FUNC)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, impossible) && !filtered_search(n.text, m, cannot) &&
      !filtered_search(n.text, m, fails))
    return {};
  const auto refused = Normalised::within(n.functions, static_cast<std::size_t>(m.position(1)),
                                          static_cast<std::size_t>(m.position(1) + 4));
  const auto after = Normalised::within(n.functions, static_cast<std::size_t>(m.position(2)),
                                        static_cast<std::size_t>(m.position(2) + 4));
  if (refused.empty() || after.empty() || refused.front() == after.front()) return {};
  return {finding("refuses-after", {after.front()}, {{"call", refused.front()}})};
}

// "It sends the close_notify shutdown alert to the peer", "SSL_shutdown()
// will send the close_notify alert, set the ... flag": the alert by name.
// "tries to send" states an attempt, not its outcome: not read.
std::vector<Finding> sends_alert(const Normalised& n, const std::string& subject) {
  static const FilteredRegex sends(
      R"((?:^|, )(?:FUNC|it) (?:(?:will|does) )?(?:(?:only|first|then|also) )?(?:sends?|transmits?|writes?) (?:out )?(?:the |a |an )?([a-z][a-z0-9_]*) (?:shutdown )?alert\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, sends)) return {};
  const auto named = Normalised::within(n.functions, static_cast<std::size_t>(m.position(0)),
                                       static_cast<std::size_t>(m.position(0) + 6));
  const std::string fn = named.empty() ? subject : named.front();
  if (fn.empty()) return {};
  std::string alert = m[1].str();
  // "... to send the close_notify alert, SSL_shutdown() will only send the
  // alert": "the alert" is the one the sentence named before.
  if (alert == "the" || alert == "a" || alert == "an") {
    static const FilteredRegex named_alert(R"(\b(?:the |a |an )([a-z][a-z0-9_]*) (?:shutdown )?alert\b)");
    std::smatch first;
    const std::string before = n.text.substr(0, static_cast<std::size_t>(m.position(0)));
    if (!filtered_search(before, first, named_alert)) return {};
    alert = first[1].str();
  }
  json params = {{"alert", alert}};
  const std::string lead = leading_condition(n.restore(0, n.text.size()));
  if (!lead.empty()) params["condition"] = lead;
  classify_condition(params, fn);
  return {finding("sends-alert", {fn}, params)};
}

// "The peer is still allowed to send data after receiving the close_notify
// event", "The peer may go on writing after it received the close_notify
// alert" (not speculative: permission, read before the "may" rule only
// through this wording's own "allowed"): what the call leaves open.
std::vector<Finding> peer_may_send(const Normalised& n, const std::string& subject) {
  static const FilteredRegex allowed(
      R"(^the (?:peer|other side|remote side) (?:is|remains) (?:still )?(?:allowed|permitted|free|able) to (?:send|write) (?:more )?(?:application )?(?:data )?(?:after|once) (?:receiving|it receives|it received|it has received|having received|getting) (?:the |a |an )?([a-z][a-z0-9_]*)(?: shutdown)? (?:event|alert|message)\b)");
  std::smatch m;
  if (subject.empty() || !filtered_search(n.text, m, allowed)) return {};
  return {finding("peer-may-send", {subject}, {{"after", m[1].str()}})};
}

// The up-ref function of an object type the pages know ("SSL_CTX" →
// SSL_CTX_up_ref), else "".
std::string up_ref_of(const std::string& object, const Vocabulary& vocab) {
  const std::string fn = object + "_up_ref";
  if (vocab.functions.count(fn) || vocab.any_prototype(fn)) return fn;
  return "";
}

std::string object_type(std::string word) {
  if (word == "ssl") return "SSL";
  return word;
}

// "An SSL_CTX object is reference counted", "SSL structures are
// reference-counted": the object lives until its last reference is
// released; the subject is the type's up-ref function, the one call that
// adds a reference to it.
std::vector<Finding> reference_counted(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex counted(
      R"(^(?:an? |the |each |every |all )?(ssl|[A-Z][A-Z0-9_]*) (?:objects?|structures?) (?:is|are) reference[- ]counted\.?$)");
  std::smatch m;
  if (!filtered_search(n.text, m, counted)) return {};
  const std::string object = object_type(m[1].str());
  const std::string up = up_ref_of(object, *ctx.vocab);
  if (up.empty()) return {};
  return {finding("reference-counted", {up}, {{"object", object}})};
}

// "The function SSL_dup() creates and returns a new SSL structure from the
// same SSL_CTX that was used to create s": the new object's parent is the
// argument's.
std::vector<Finding> same_parent(const Normalised& n) {
  static const FilteredRegex from_same(
      R"(^(?:the function )?(FUNC) (?:creates|makes|allocates|returns)(?: and returns)? a new (ssl|[A-Z][A-Z0-9_]*) (?:structure|object) (?:from|with|for|in|under) the same (ssl|[A-Z][A-Z0-9_]*)(?: object| structure)? (?:that was used to create|used to create|used for|that created|as) (ARG)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, from_same)) return {};
  const auto fn = Normalised::within(n.functions, static_cast<std::size_t>(m.position(1)),
                                     static_cast<std::size_t>(m.position(1) + 4));
  const auto arg = Normalised::within(n.arguments, static_cast<std::size_t>(m.position(4)),
                                      static_cast<std::size_t>(m.position(4) + 3));
  if (fn.empty() || arg.empty()) return {};
  return {finding("same-parent", {fn.front()},
               {{"object", object_type(m[2].str())}, {"parent", object_type(m[3].str())}, {"argument", arg.front()}})};
}

// "SSL_get_client_random() extracts the random value sent from the client
// to the server during the initial handshake", "SSL_get_server_random()
// behaves the same, but extracts the random value sent from the server to
// the client": a value one end sent the other, so both ends read the same.
std::vector<Finding> same_on_both_ends(const Normalised& n) {
  static const FilteredRegex sent(
      R"(^(FUNC)\b[^.]*?\b(?:extracts|returns|retrieves|copies|gets|obtains) the ([a-z][a-z ]*?) (?:sent|transmitted) (?:from|by) the (client|server) to the (client|server)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, sent) || m[3].str() == m[4].str()) return {};
  const auto fn = Normalised::within(n.functions, 0, 4);
  if (fn.empty()) return {};
  return {finding("same-on-both-ends", {fn.front()}, {{"value", m[2].str()}, {"from", m[3].str()}, {"to", m[4].str()}})};
}

// "If a session was closed cleanly, the session object will be kept":
// one setting kept under the opening condition (keeps-settings).
std::vector<Finding> object_kept(const Normalised& n, const std::string& subject) {
  static const FilteredRegex kept(
      R"(^(?:if|when|once) [^,]+, the ([a-z]+(?: [a-z]+)?) (?:object )?(?:will be|is|remains|stays) (?:kept|preserved|retained)\b)");
  std::smatch m;
  if (subject.empty() || !filtered_search(n.text, m, kept)) return {};
  const std::string lead = leading_condition(n.restore(0, n.text.size()));
  if (lead.empty()) return {};
  std::string setting = m[1].str();
  if (setting.size() < 7 || setting.compare(setting.size() - 7, 7, " object") != 0) setting += " object";
  json params = {{"settings", json::array({setting})}, {"condition", lead}};
  classify_condition(params, subject);
  return {finding("keeps-settings", {subject}, params)};
}

// "Attempting to resume with a non-resumable session will result in a full
// handshake", "Resuming an expired session leads to a full handshake": the
// session the sentence describes is not resumed (`condition`: that session).
std::vector<Finding> full_handshake(const Normalised& n, const std::string& subject) {
  static const FilteredRegex full(
      R"(^(?:note that )?(?:attempting to resume|trying to resume|an attempt to resume|resuming)(?: a connection)? (?:with|from|using)? ?((?:an?|the) [a-z -]+?session)\b[^.]*? (?:will )?(?:results? in|leads? to|causes?|gives|ends? in) a (?:new |complete )?full handshake\b)");
  std::smatch m;
  if (subject.empty() || !filtered_search(n.text, m, full)) return {};
  json params = {{"condition", m[1].str()}};
  classify_condition(params, subject);
  return {finding("full-handshake", {subject}, params)};
}

// "If the session is not reused, the reference count is decremented again
// during SSL_connect()": a count the subject raised, dropped again by a
// later call under the opening condition.
std::vector<Finding> count_dropped_during(const Normalised& n, const std::string& subject) {
  static const FilteredRegex dropped(
      R"(, the reference count (?:of [a-z_ ]+ )?is (?:decremented|decreased|released|dropped|lowered)(?: again)? (?:during|in|by|inside|within) (FUNC)\b)");
  std::smatch m;
  if (subject.empty() || !filtered_search(n.text, m, dropped)) return {};
  const std::string text = n.restore(0, n.text.size());
  const std::string lead = leading_condition(text);
  const auto during = Normalised::within(n.functions, static_cast<std::size_t>(m.position(1)),
                                         static_cast<std::size_t>(m.position(1) + 4));
  if (lead.empty() || during.empty() || during.front() == subject) return {};
  json params = {{"condition", lead}, {"during", during.front()}};
  classify_condition(params, subject);
  return {finding("refcount-decrement", {subject}, params)};
}

// The page function whose name spells the value ("session id context" →
// SSL_CTX_set_session_id_context): the first setter on the page.
std::string setter_named(const std::string& value, const Vocabulary& vocab) {
  std::string joined = value;
  std::replace(joined.begin(), joined.end(), ' ', '_');
  for (const auto& f : vocab.page_functions)
    if (f.find("_set") != std::string::npos && f.size() >= joined.size() &&
        f.compare(f.size() - joined.size(), joined.size(), joined) == 0)
      return f;
  return "";
}

// "The session id context becomes part of the session": the value the
// page's setter sets is found in the object the connection makes.
std::vector<Finding> part_of(const Normalised& n, const Vocabulary& vocab) {
  static const FilteredRegex part(
      R"(^the ([a-z][a-z ]*?) (?:becomes|is made|will become|is stored as) (?:a )?part of (?:the |each |every )?([a-z]+)\.?$)");
  std::smatch m;
  if (!filtered_search(n.text, m, part)) return {};
  const std::string setter = setter_named(m[1].str(), vocab);
  if (setter.empty()) return {};
  return {finding("part-of", {setter}, {{"value", m[1].str()}, {"whole", m[2].str()}})};
}

// "..., the sessions are unique for each SSL_CTX object", "Each SSL_CTX
// keeps its own sessions": what is held apart per object of a type. The
// subject is the sentence's (a page function), else none.
std::vector<Finding> per_object(const Normalised& n, const std::string& subject) {
  static const FilteredRegex unique(
      R"(\b(?:the )?([a-z]+) (?:are|is) (?:unique|separate|private|distinct|kept apart|kept separately) (?:for|to|per|in) (?:each|every|one) (ssl|[A-Z][A-Z0-9_]*)(?: object| structure)?\b)");
  static const FilteredRegex own(R"(^(?:each|every) (ssl|[A-Z][A-Z0-9_]*)(?: object| structure)? (?:keeps|holds|has) its own ([a-z]+)\b)");
  std::smatch m;
  std::string quantity, object;
  if (filtered_search(n.text, m, unique)) {
    quantity = m[1].str();
    object = object_type(m[2].str());
  } else if (filtered_search(n.text, m, own)) {
    quantity = m[2].str();
    object = object_type(m[1].str());
  } else {
    return {};
  }
  return {finding("per-object", subject.empty() ? std::vector<std::string>{} : std::vector<std::string>{subject},
               {{"quantity", quantity}, {"object", object}})};
}

}  // namespace

std::vector<Finding> connection_findings(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  std::vector<Finding> out;
  auto add = [&out](std::vector<Finding> fs) {
    for (auto& f : fs) out.push_back(std::move(f));
  };
  add(closes_direction(n, subject));
  add(refused_after(n));
  add(sends_alert(n, subject));
  add(peer_may_send(n, carried_or_only(subject, *ctx.vocab)));
  add(reference_counted(n, ctx));
  add(same_parent(n));
  add(same_on_both_ends(n));
  add(object_kept(n, carried_or_only(subject, *ctx.vocab)));
  add(full_handshake(n, subject));
  add(count_dropped_during(n, subject));
  add(part_of(n, *ctx.vocab));
  add(per_object(n, subject));
  return out;
}

}  // namespace sslconf::claims
