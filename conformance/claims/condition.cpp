// Condition clauses and their classes. The classes are the situations a
// check library can set up by name; anything else keeps its words
// ("named:...") so that a check can tell it has no scenario for it.
#include "claims/condition.hpp"

#include <cctype>
#include <regex>
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

void classify_condition(nlohmann::json& params, const std::string& function) {
  const auto it = params.find("condition");
  if (it == params.end() || !it->is_string()) return;
  const std::string when = when_class(condition_for(it->get<std::string>(), function));
  if (!when.empty()) params["when"] = when;
}

}  // namespace sslconf::claims
