// The condition vocabulary: each class is recognised by cue words (all
// words of one alternative present, lower case). The classes name
// situations a scenario can set up; the cues are general wording of them,
// not sentences of one page.
#include "checks/conditions.hpp"
#include "checks/text.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <utility>

namespace sslconf::checks {

namespace {

using Alternatives = std::vector<std::vector<std::string>>;

const std::vector<std::pair<std::string, Alternatives>>& vocabulary() {
  static const std::vector<std::pair<std::string, Alternatives>> v{
      {"success", {{"succeeded"}, {"success"}, {"successful"}}},
      {"null-argument", {{"null", "argument"}, {"null", "passed"}, {"is null"}, {"null pointer", "given"}}},
      {"identical-object", {{"identical"}, {"same session"}, {"same object"}}},
      {"already-in-cache", {{"already", "cache"}}},
      {"not-in-cache", {{"not in the cache"}, {"not found"}, {"not in cache"}}},
      {"too-long", {{"exceed"}, {"too long"}, {"longer than"}, {"maximum", "length"}}},
      {"malformed-input", {{"malformed"}, {"invalid", "encod"}, {"not", "decod"}, {"corrupt"}}},
      {"handshake-started", {{"handshake", "started"}, {"handshake", "in progress"}}},
      {"no-session", {{"no session"}}},
      {"no-handshake", {{"before", "handshake"}, {"no handshake"}}},
      {"no-peer-certificate", {{"no peer certificate"}, {"peer", "no certificate"}}},
      {"no-callback", {{"callback", "not been set"}, {"no callback"}}},
      {"value-not-set", {{"none was set"}, {"never set"}, {"no value", "set"}, {"not been stored"}, {"nothing was stored"}, {"nothing is stored"}, {"nothing has been stored"}}},
      {"unknown-version", {{"unknown", "version"}, {"invalid", "version"}, {"unsupported", "version"}}},
      {"missing-file", {{"file", "not exist"}, {"no such file"}, {"cannot be opened"}, {"could not be opened"}}},
      {"unknown-class", {{"class", "not exist"}, {"invalid class"}, {"unknown class"}}},
      {"invalid-index", {{"invalid index"}, {"negative index"}, {"index", "out of range"}}},
      {"no-more-indexes", {{"no more", "index"}, {"exhaust"}, {"too many"}}},
      {"tls13", {{"tls 1.3"}, {"tlsv1.3"}, {"tls1.3"}}},
      {"would-block", {{"nonblocking"}, {"non-blocking"}, {"would block"}, {"want_write"}}},
      {"nothing-to-read", {{"nothing", "read"}, {"nothing", "waiting"}, {"no data"}, {"no bytes", "waiting"}}},
      {"peer-gone", {{"other", "gone"}, {"peer", "gone"}, {"other", "freed"}, {"peer", "freed"}}},
  };
  return v;
}

const char* const kFailureCues[] = {"fail", "error", "unsuccessful", "could not", "cannot", "not be"};

bool contains(const std::string& text, const std::string& word) { return text.find(word) != std::string::npos; }

bool names_failure(const std::string& t) {
  return std::any_of(std::begin(kFailureCues), std::end(kFailureCues), [&](const char* w) { return contains(t, w); });
}

bool matches(const std::string& t, const Alternatives& alternatives) {
  return std::any_of(alternatives.begin(), alternatives.end(), [&](const std::vector<std::string>& words) {
    return std::all_of(words.begin(), words.end(), [&](const std::string& w) { return contains(t, w); });
  });
}

bool is_negation(const std::string& word) {
  return word == "not" || word == "no" || word == "never" || word == "cannot" ||
         (word.size() > 3 && word.compare(word.size() - 3, 3, "n't") == 0);
}

// A negation among the three words before `at`.
bool negated_before(const std::string& t, std::size_t at) {
  std::istringstream before(t.substr(0, at));
  std::vector<std::string> words;
  for (std::string w; before >> w;) words.push_back(w);
  const std::size_t from = words.size() > 3 ? words.size() - 3 : 0;
  return std::any_of(words.begin() + static_cast<long>(from), words.end(), is_negation);
}

// Words that only say "it failed", or point elsewhere for the reason.
bool is_failure_filler(const std::string& w) {
  static const char* const filler[] = {"the", "a", "an", "operation", "call", "function", "failed", "fails", "failure",
                                       "error", "errors", "occurred", "occurs", "could", "not", "be", "performed",
                                       "was", "is", "unsuccessful", "on", "in", "case", "of", "if", "it", "has", "been",
                                       "created", "done", "completed", "some", "other", "for", "any", "reason", "creation", "new",
                                       "object", "connection", "session", "context", "structure"};
  return std::any_of(std::begin(filler), std::end(filler), [&](const char* f) { return w == f; });
}

// The sentences of a condition that give its cause, without those that send
// the reader to the error stack or to SSL_get_error.
std::string cause_part(const std::string& t) {
  std::string kept, sentence;
  std::istringstream in(t);
  while (std::getline(in, sentence, '.')) {
    if (contains(sentence, "error stack") || contains(sentence, "error queue") || contains(sentence, "ssl_get_error") ||
        contains(sentence, "find out"))
      continue;
    kept += sentence + " ";
  }
  return kept;
}

}  // namespace

std::set<std::string> condition_classes(const std::string& text) {
  const std::string t = lower(text);
  std::set<std::string> classes;
  for (const auto& [name, alternatives] : vocabulary())
    if (matches(t, alternatives)) classes.insert(name);
  if (names_failure(t)) classes.erase("success");
  return classes;
}

bool is_condition_class(const std::string& key) {
  const auto& v = vocabulary();
  return std::any_of(v.begin(), v.end(), [&](const auto& entry) { return entry.first == key; });
}

bool condition_names(const std::string& text, const std::string& key, bool& negated) {
  negated = false;
  if (is_condition_class(key)) return condition_classes(text).count(key) > 0;
  const std::string t = lower(text);
  const std::size_t at = t.find(lower(key));
  if (at == std::string::npos) return false;
  std::istringstream key_words(lower(key));
  bool key_negates = false;
  for (std::string w; key_words >> w;) key_negates = key_negates || is_negation(w);
  negated = !key_negates && negated_before(t, at);
  return true;
}

bool is_bare_failure(const std::string& text) {
  const std::string t = lower(text);
  if (!names_failure(t)) return false;
  std::istringstream words(cause_part(t));
  for (std::string w; words >> w;) {
    w.erase(std::remove_if(w.begin(), w.end(), [](unsigned char ch) { return !std::isalnum(ch) && ch != '_'; }), w.end());
    if (w.empty() || is_failure_filler(w)) continue;
    if (w.find('_') != std::string::npos) continue;  // the function's own name
    return false;
  }
  return true;
}

}  // namespace sslconf::checks
