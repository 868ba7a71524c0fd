// Condition clauses and their classes. The classes are the situations a
// check library can set up by name; anything else keeps its words
// ("named:...") so that a check can tell it has no scenario for it.
#include "claims/condition.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <tuple>
#include <vector>
#include "model/regex.hpp"

namespace sslconf::claims {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Words of the condition, lower case, joined by single spaces, without
// punctuation: the stable form of a condition no class covers.
std::string words_of(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : lower(s)) {
    const bool word = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    if (word) {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

std::vector<std::string> sentences_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size(); ++i) {
    cur += s[i];
    if (s[i] == '.' && (i + 1 == s.size() || s[i + 1] == ' ')) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (cur.find_first_not_of(' ') != std::string::npos) out.push_back(cur);
  return out;
}

struct Class {
  const char* name;
  Regex pattern;
};

// Tried in order: the specific situations before plain success and failure,
// since "failed because the session was already in the cache" names both.
const std::vector<Class>& classes() {
  static const auto icase = std::regex::icase | std::regex::optimize;
  static const std::vector<Class> table{
      {"null-argument", Regex(R"(\b(?:is|are|was|were) (?:a )?null\b|\bnull (?:pointer|argument|parameter)\b|\b(?:passed|passing|given|with) (?:a |the )?null\b)", icase)},
      {"identical-object", Regex(R"(\bidentical\b|\bsame (?:\w+ )?(?:object|structure|pointer)\b|\bsame session\b[^.]*\btwice\b)", icase)},
      {"already-present", Regex(R"(\balready (?:exists?|present|in the|contained|stored|cached|set|added|there)\b|\bwith the same (?:session )?id already\b)", icase)},
      {"not-found", Regex(R"(\bnot (?:be )?found\b|\bdoes not exist\b|\bnot (?:present|contained|in the (?:internal )?(?:session )?cache)\b|\bno (?:such|matching) )", icase)},
      {"failure", Regex(R"(\bfail(?:s|ed|ure|ures)?\b|\berrors?\b|\bunsuccessful(?:ly)?\b|\bnot successful\b|\bdid not succeed\b)", icase)},
      {"success", Regex(R"(\bsucce(?:ss|ssful|ssfully|eds?|eded)\b|\bwas successful\b|^ok$)", icase)},
      {"otherwise", Regex(R"(^(?:otherwise|else|in all other cases|if not)$)", icase)},
  };
  return table;
}

}  // namespace

std::string when_class(const std::string& condition) {
  // The introducing word of a quoted clause is not part of what it names.
  static const Regex intro(R"(^(?:if|when|whenever|once|after|in case of|in case|in the case of) )");
  const std::string w = std::regex_replace(words_of(condition), intro, "");
  if (w.empty()) return "";
  if (w.rfind("unless ", 0) == 0) return "named:" + w;  // a negated condition has no class of its own
  for (const auto& c : classes())
    if (std::regex_search(w, c.pattern)) return c.name;
  return "named:" + w;
}

std::string condition_for(const std::string& condition, const std::string& function) {
  static const Regex other_operation(R"(^\s*in (?:the )?case of (?:the |an? )?(\w+) operation\b)", std::regex::icase);
  const std::string fn = lower(function);
  std::string out;
  bool dropped = false;
  for (const auto& s : sentences_of(condition)) {
    std::smatch m;
    if (std::regex_search(s, m, other_operation) && !fn.empty() && fn.find(lower(m[1].str())) == std::string::npos) {
      dropped = true;
      continue;
    }
    out += s;
  }
  if (!dropped) return condition;
  const auto b = out.find_first_not_of(' ');
  return b == std::string::npos ? condition : out.substr(b);
}

std::string leading_condition(const std::string& text, std::size_t* length) {
  static const Regex clause(
      R"(^(?:if|when|whenever|unless|once|in (?:the )?case(?: of)?|in the event(?: of)?|on|upon|after) ([^,;]+?),)",
      std::regex::icase | std::regex::optimize);
  std::smatch m;
  if (!std::regex_search(text, m, clause)) return "";
  if (length != nullptr) *length = static_cast<std::size_t>(m.position(1) + m.length(1));
  std::string c = m[1].str();
  // "unless X" holds when X does not: the word stays part of the condition.
  if (lower(text.substr(0, 7)) == "unless ") c = "unless " + c;
  return c;
}

std::vector<std::string> condition_classes_of(const std::string& condition, const std::vector<std::string>& parameters,
                                              std::string& argument) {
  argument.clear();
  const std::string w = words_of(condition);
  std::vector<std::string> out;
  auto add = [&out](const char* c) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.emplace_back(c);
  };
  // "ctx is NULL", "NULL is passed for ssl", "the ssl argument is NULL".
  static const Regex null_named(
      R"(\b([a-z_][a-z0-9_]*) (?:argument |parameter |pointer )?(?:is|are|was|were) (?:a |the )?null\b|\bnull (?:pointer |value )?(?:is |was )?(?:passed|given|supplied|used) (?:for|as|in) (?:the )?([a-z_][a-z0-9_]*))");
  std::smatch m;
  if (std::regex_search(w, m, null_named)) {
    const std::string name = m[1].matched ? m[1].str() : m[2].str();
    for (const auto& p : parameters)
      if (words_of(p) == name) argument = p;  // the parameter as the prototype spells it ("CApath")
  }
  struct Cue {
    const char* name;
    Regex pattern;
  };
  static const std::vector<Cue> cues{
      {"null-argument", Regex(R"(\b(?:is|are|was|were) (?:a |the )?null\b|\bnull (?:pointer|argument|parameter)\b|\b(?:passed|passing|given|with) (?:a |the )?null\b)")},
      {"no-handshake", Regex(R"(\bbefore (?:the |a )?(?:\w+ )?handshake\b|\bhandshake (?:has|had|is|was) not (?:yet )?(?:been )?(?:completed|finished|started|done|performed)|\bnot yet (?:connected|established)\b|\bno handshake\b|\bbefore (?:a |the )?(?:connection|session) (?:is|has been) established\b)")},
      {"handshake-started", Regex(R"(\bhandshake (?:has )?(?:already )?started\b|\bhandshake (?:is )?in progress\b|\bduring (?:the |a )?handshake\b)")},
      {"after-handshake", Regex(R"(\bafter (?:the |a )?(?:\w+ )?handshake\b|\bhandshake (?:has|had) (?:been )?(?:completed|finished)\b|\bonce (?:the |a )?handshake\b)")},
      {"server-side", Regex(R"(\b(?:on|for|by|in|as) (?:a |the )?server(?: side)?\b|\bserver[ -]side\b|\bserver mode\b|\bcalled (?:by|on|from) (?:a |the )?server\b)")},
      {"client-side", Regex(R"(\b(?:on|for|by|in|as) (?:a |the )?client(?: side)?\b|\bclient[ -]side\b|\bclient mode\b|\bcalled (?:by|on|from) (?:a |the )?client\b)")},
      {"value-not-set", Regex(R"(\bnot (?:been |yet |already )?(?:set|configured|specified|installed|assigned|stored|available)\b|\bnever (?:been )?set\b|\bnone (?:was|has been|is) set\b|\bno [a-z_ ]{1,30}? (?:was|has been|is|were|have been) (?:set|configured|specified|installed)\b|\bunset\b|\bif not set\b)")},
      {"too-long", Regex(R"(\btoo long\b|\blonger than\b|\blength (?:exceeds|is greater than|is larger than)\b|\bexceeds? (?:the )?(?:maximum )?(?:length|size)\b|\bexceeds? [a-z0-9_]*max[a-z0-9_]*)")},
      {"out-of-range", Regex(R"(\bout of range\b|\boutside (?:the )?(?:valid |allowed )?range\b|\btoo (?:small|large|big|short)\b|\b(?:invalid|illegal|unsupported|bad) (?:value|argument|parameter|mode|type|option)s?\b|\bnegative\b|\bexceeds?\b)")},
      {"missing-file", Regex(R"(\b(?:file|directory|path)s? (?:does|do|did) not exist\b|\bno such (?:file|directory)\b|\b(?:cannot|could not|can't|couldn't) be (?:opened|read|found|loaded)\b|\bfailed to (?:open|read|load)\b|\bmissing (?:file|directory|location)\b)")},
      {"unknown-version", Regex(R"(\b(?:unknown|invalid|unsupported) (?:protocol )?version\b)")},
      {"malformed-input", Regex(R"(\bmalformed\b|\bcorrupt\w*\b|\binvalid (?:encoding|data|input|format)\b|\b(?:cannot|could not|can't) be (?:decoded|parsed)\b|\bfails? to parse\b)")},
      {"no-peer-certificate", Regex(R"(\bno (?:peer )?certificate (?:was |is )?(?:presented|available|sent|received)\b|\bpeer (?:did not|didn't) (?:present|send) a certificate\b)")},
      {"no-callback", Regex(R"(\bno callback\b|\bcallback (?:has|was|is) not (?:been )?set\b)")},
      {"no-session", Regex(R"(\bno session\b|\bsession (?:is not|was not|has not been) (?:set|established|available)\b)")},
      {"out-of-memory", Regex(R"(\b(?:memory|allocation) (?:allocation )?(?:failure|error|failed|exhausted)\b|\bout of memory\b|\bmalloc failure\b)")},
      {"tls13", Regex(R"(\btls ?v?1 3\b|\btls ?v?1\.3\b)")},
  };
  for (const auto& c : cues)
    if (std::regex_search(w, c.pattern)) add(c.name);
  static const Regex intro(R"(^(?:if|when|whenever|once|after|in case of|in case|in the case of) )");
  const std::string stripped = std::regex_replace(w, intro, "");
  const std::string when = when_class(condition);
  if (when == "success" || when == "failure" || when == "otherwise") add(when.c_str());
  else if (out.empty() && std::regex_search(stripped, classes()[4].pattern)) add("failure");
  return out;
}

void structure_condition(nlohmann::json& params, const std::vector<std::string>& parameters) {
  // The failure value's own clause of a returns-int ("0 for failure, for
  // example if ...") is structured beside it.
  for (const auto& [key, classes_key, argument_key] :
       {std::make_tuple("condition", "classes", "condition_argument"),
        std::make_tuple("failure_condition", "failure_classes", "failure_argument")}) {
    const auto it = params.find(key);
    if (it == params.end() || !it->is_string()) continue;
    std::string argument;
    const auto found = condition_classes_of(it->get<std::string>(), parameters, argument);
    if (found.empty()) continue;
    params[classes_key] = found;
    if (!argument.empty()) params[argument_key] = argument;
  }
}

void classify_condition(nlohmann::json& params, const std::string& function) {
  const auto it = params.find("condition");
  if (it == params.end() || !it->is_string()) return;
  const std::string when = when_class(condition_for(it->get<std::string>(), function));
  if (!when.empty()) params["when"] = when;
}

}  // namespace sslconf::claims
