// Predicates about how one call relates to another or to a fixed size,
// read by class (KINDS.md): "X() behaves the same (as Y())", "the length
// of <field> is always C bytes", "<free>() is called for that <object>"
// under a clause saying one was already there, and "this is also the case
// when C", which repeats the sentence before under another condition.
#include "claims/condition.hpp"
#include "claims/recognise.hpp"

#include <algorithm>
#include <regex>
#include "model/regex.hpp"

namespace sslconf::claims {

namespace {

using nlohmann::json;

// "SSL_get_server_random() behaves the same, but extracts ...", "X() works
// the same way as Y()", "X() behaves identically to Y()": the other
// function is the one named after "as"/"to", else the subject of the
// sentence before, else the page's first function.
std::vector<Finding> behaves_like(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex same(
      R"(^(FUNC(?:,? (?:and|or) FUNC)*) (?:behaves|behave|works|work|acts|act|operates|operate) (?:exactly |just )?(?:the same(?: way)?|identically|likewise|in the same way)(?: (?:as|to) (FUNC))?\b)");
  static const FilteredRegex unlike(R"(\b(?:not|differently|unlike)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, same)) return {};
  // "but does not ...": the likeness is qualified by a difference in what
  // it does, not in how; "behaves the same except that it does not ..." is
  // left unread.
  if (filtered_search(n.text.substr(0, static_cast<std::size_t>(m.length(0))), unlike)) return {};
  static const FilteredRegex except(R"(\bexcept\b)");
  if (filtered_search(n.text, except)) return {};
  std::string target;
  if (m[2].matched) {
    const auto t = Normalised::within(n.functions, static_cast<std::size_t>(m.position(2)),
                                      static_cast<std::size_t>(m.position(2) + 4));
    if (!t.empty()) target = t.front();
  } else {
    // The function the block spoke of before, else (a new paragraph) the
    // page's first function, which the page describes first.
    target = ctx.carried;
    if (target.empty() && !ctx.vocab->page_functions.empty()) target = ctx.vocab->page_functions.front();
  }
  const auto subjects = Normalised::within(n.functions, static_cast<std::size_t>(m.position(1)),
                                           static_cast<std::size_t>(m.position(1) + m.length(1)));
  std::vector<Finding> out;
  for (const auto& s : subjects) {
    if (target.empty() || s == target) continue;
    out.push_back(finding("behaves-like", {s, target}, {{"like", target}}));
  }
  return out;
}

// The page function that reads a field: its name ends with "_<field>"
// (client_random → SSL_get_client_random); "" when none or several do.
std::string reader_of(const std::string& field, const Vocabulary& vocab) {
  std::string found;
  for (const auto& f : vocab.page_functions) {
    if (f.size() <= field.size() + 1 || f.compare(f.size() - field.size(), field.size(), field) != 0 ||
        f[f.size() - field.size() - 1] != '_')
      continue;
    if (!found.empty()) return "";
    found = f;
  }
  return found;
}

// "The length of client_random (and also server_random) is always
// SSL3_RANDOM_SIZE bytes", "The size of the server_random field is 32
// bytes": a field of fixed size, read by the page function named after it.
std::vector<Finding> fixed_length(const Normalised& n, const SentenceContext& ctx) {
  static const Regex size(
      R"(\b(?:length|size) of (?:the )?([a-z][a-z0-9]*_[a-z0-9_]+)(?: (?:value|field))?(?: \((?:and )?(?:also )?(?:of )?(?:the )?([a-z][a-z0-9]*_[a-z0-9_]+)\)| and (?:of )?(?:the )?([a-z][a-z0-9]*_[a-z0-9_]+))?(?: (?:value|field))? (?:is|are) (?:always |fixed at |exactly )*([A-Z][A-Z0-9_]+|NUM) bytes\b)");
  static const FilteredRegex hedged(R"(\b(?:not|never|usually|normally|typically|often|at most|at least|up to)\b)");
  std::smatch m;
  if (!std::regex_search(n.text, m, size) || filtered_search(n.text, hedged)) return {};
  std::string value = m[4].str();
  if (value == "NUM") {
    const auto nums = Normalised::within(n.numbers, static_cast<std::size_t>(m.position(4)),
                                         static_cast<std::size_t>(m.position(4) + 3));
    if (nums.empty()) return {};
    value = nums.front();
  }
  json params = {{"value", value}};
  // A scope that opens the sentence ("In current versions of the TLS
  // protocols, ...") is when the size holds.
  const std::string lead = leading_condition(n.restore(0, n.text.size()));
  static const FilteredRegex scope(R"(^((?:in|for|with) [^,]+),)");
  std::smatch sm;
  if (!lead.empty()) params["condition"] = lead;
  else if (filtered_search(n.text, sm, scope)) params["condition"] = n.restore(0, static_cast<std::size_t>(sm.length(1)));
  std::vector<Finding> out;
  for (const int g : {1, 2, 3}) {
    if (!m[g].matched) continue;
    const std::string reader = reader_of(m[g].str(), *ctx.vocab);
    if (reader.empty()) continue;
    json p = params;
    p["quantity"] = "length of " + m[g].str();
    classify_condition(p, reader);
    out.push_back(finding("length-is", {reader}, p));
  }
  return out;
}

// "<X>_free() will be called for that session" under a clause saying one
// was already there ("If there is already a session set inside ssl, ..."):
// the call that replaces it releases the old one. The subject is the
// page's function acting in the clause, never the free function.
std::vector<Finding> free_called_for_old(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  static const FilteredRegex called(
      R"(\bFUNC (?:will be|is|gets|will get) called (?:once )?(?:for|on) (?:that|the old|the previous|the existing|this|the former) [a-z_]+\b)");
  static const FilteredRegex already(R"(\b(?:already|previously)\b)");
  std::smatch m;
  if (!filtered_search(n.text, m, called)) return {};
  const auto freer = Normalised::within(n.functions, static_cast<std::size_t>(m.position(0)),
                                        static_cast<std::size_t>(m.position(0) + 4));
  if (freer.empty() || freer.front().size() < 5 || freer.front().compare(freer.front().size() - 5, 5, "_free") != 0) return {};
  const std::string lead = leading_condition(n.restore(0, n.text.size()));
  if (lead.empty() || !filtered_search(lead, already)) return {};
  std::string acting = subject;
  if (acting.empty() || acting == freer.front() || !ctx.vocab->on_page(acting)) {
    acting.clear();
    for (const auto& f : n.functions)
      if (f.value != freer.front() && ctx.vocab->on_page(f.value)) { acting = f.value; break; }
  }
  if (acting.empty()) return {};
  json params = {{"condition", lead}};
  classify_condition(params, acting);
  return {finding("releases-previous", {acting}, params)};
}

// "this number matches the constants e.g. TLS1_VERSION, TLS1_2_VERSION or
// TLS1_3_VERSION", "The value is one of SSL_ERROR_NONE, ...": what the
// subject returns is one of the constants named (`examples` when the page
// lists them as examples only).
std::vector<Finding> one_of_constants(const Normalised& n, const std::string& subject) {
  static const FilteredRegex listed(
      R"(\b(?:(?:matches|match|is|are|equals) (?:one of )?|returns? one of )(?:the )?(?:constants?|values?|macros?)?,? ?(e\.g\.,?|such as|for example,?|like|namely)? ?([A-Z][A-Z0-9]*_[A-Z0-9_]+(?:,? (?:or |and )?[A-Z][A-Z0-9]*_[A-Z0-9_]+)+)\b)");
  static const Regex returned(R"(\breturns?\b)");
  std::smatch m;
  if (subject.empty() || !std::regex_search(n.text, returned) || !filtered_search(n.text, m, listed)) return {};
  // Constants have an underscore; the placeholders (FUNC, NUM, NULL) none.
  static const Regex name(R"([A-Z][A-Z0-9]*_[A-Z0-9_]+)");
  json values = json::array();
  const std::string list = m[2].str();
  for (RegexIterator it(list.begin(), list.end(), name), end; it != end; ++it) values.push_back(it->str());
  if (values.size() < 2) return {};
  return {finding("returns-one-of", {subject}, {{"values", values}, {"examples", m[1].matched}})};
}

}  // namespace

std::vector<Finding> likeness_findings(const Normalised& n, const SentenceContext& ctx, const std::string& subject) {
  std::vector<Finding> out = behaves_like(n, ctx);
  for (auto& f : fixed_length(n, ctx)) out.push_back(std::move(f));
  for (auto& f : free_called_for_old(n, ctx, subject)) out.push_back(std::move(f));
  for (auto& f : one_of_constants(n, subject)) out.push_back(std::move(f));
  return out;
}

std::string also_the_case(const std::string& sentence) {
  static const FilteredRegex also(
      R"(^(?:this|the same|that) (?:is|holds|applies) (?:also |too |as well )?(?:true |the case )?(?:also |too |as well )?(?:when|if|whenever|for) (.+?)\.?$)",
      std::regex::icase);
  std::smatch m;
  if (!filtered_search(sentence, m, also)) return "";
  return m[1].str();
}

}  // namespace sslconf::claims
