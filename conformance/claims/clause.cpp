// The clause grammar (see clause.hpp). Words are told apart by closed
// classes (determiners, prepositions, auxiliaries, subordinators) and by one
// open class, the verb lexicon: common verbs of API manuals in base form,
// whose inflections are derived. A word outside the lexicon is a verb only
// after an auxiliary or when a function list is the subject, so a sentence
// whose verb nothing identifies stays unparsed (and visibly unrecognised).
#include "claims/clause.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace sslconf::claims {

namespace {

struct Token {
  std::string word;
  std::size_t pos = 0;
  int depth = 0;  // parenthesis depth
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\'' || c == '-' || c == '/';
}

std::vector<Token> tokens_of(const std::string& t) {
  std::vector<Token> out;
  int depth = 0;
  for (std::size_t i = 0; i < t.size();) {
    const char c = t[i];
    if (c == ' ') { ++i; continue; }
    if (word_char(c) && c != '\'' && c != '-' && c != '/') {
      std::size_t j = i;
      // A dot between letters or digits is part of the word ("TLSv1.3").
      while (j < t.size() && (word_char(t[j]) || (t[j] == '.' && j + 1 < t.size() && std::isalnum(static_cast<unsigned char>(t[j + 1])) &&
                                                  std::isalnum(static_cast<unsigned char>(t[j - 1])))))
        ++j;
      while (j > i && (t[j - 1] == '\'' || t[j - 1] == '-' || t[j - 1] == '/')) --j;
      out.push_back({t.substr(i, j - i), i, depth});
      i = j;
      continue;
    }
    if (c == ')' && depth > 0) --depth;
    out.push_back({std::string(1, c), i, depth});
    if (c == '(') ++depth;
    ++i;
  }
  return out;
}

bool in(const std::set<std::string>& s, const std::string& w) { return s.count(w) > 0; }

const std::set<std::string>& determiners() {
  static const std::set<std::string> s{"the", "a", "an", "this", "that", "these", "those", "each", "every", "all",
                                       "any", "no", "its", "their", "such", "both", "some", "one", "other",
                                       "another", "multiple", "many", "several", "most", "his", "her", "our", "your"};
  return s;
}

// Determiners that always precede a noun (a word after them is no verb).
const std::set<std::string>& articles() {
  static const std::set<std::string> s{"the", "a", "an", "its", "their", "his", "her", "our", "your", "each",
                                       "every", "no", "any", "some", "such", "several", "many", "multiple",
                                       "other", "another", "all", "both"};
  return s;
}

const std::set<std::string>& prepositions() {
  static const std::set<std::string> s{"in", "for", "on", "upon", "during", "inside", "within", "by", "with",
                                       "without", "despite", "due", "using", "through", "under", "at", "from",
                                       "to", "of", "into", "onto", "after", "before", "over", "via", "per",
                                       "between", "among", "like", "as", "than", "about", "against", "except"};
  return s;
}

// Words that open a condition clause (kept as the claim's condition).
const std::set<std::string>& condition_words() {
  static const std::set<std::string> s{"if", "when", "whenever", "unless", "once", "while", "until"};
  return s;
}

// Other subordinators and prepositions that open an adjunct before the subject.
const std::set<std::string>& adjunct_words() {
  static const std::set<std::string> s{"after", "before", "as", "since", "because", "although", "though",
                                       "in", "for", "on", "upon", "during", "inside", "within", "by", "with",
                                       "without", "despite", "due", "using", "through", "under", "at", "from",
                                       "to", "where", "whereas", "given", "apart", "besides", "unlike", "like"};
  return s;
}

// Words that open a subordinate clause (not a condition) before the subject.
const std::set<std::string>& subordinators() {
  static const std::set<std::string> s{"as", "since", "because", "although", "though", "whereas", "where", "given"};
  return s;
}

// Words that open a clause inside a phrase: the next verb is that clause's.
const std::set<std::string>& relative_words() {
  static const std::set<std::string> s{"where", "which", "that", "who", "whose", "when", "if", "while", "whether"};
  return s;
}

// Discourse words that open a sentence and carry no claim ("Note that",
// "Finally,", "Currently,").
const std::set<std::string>& discourse_words() {
  static const std::set<std::string> s{"note", "finally", "additionally", "also", "however", "instead", "so",
                                       "thus", "therefore", "hence", "then", "currently", "normally", "furthermore",
                                       "moreover", "now", "again", "consequently", "similarly", "likewise",
                                       "usually", "typically", "generally", "otherwise", "alternatively", "still",
                                       "first", "second", "third", "lastly", "nevertheless", "accordingly", "and",
                                       "but", "or", "in_addition"};
  return s;
}

const std::set<std::string>& auxiliaries() {
  static const std::set<std::string> s{"is", "are", "was", "were", "be", "will", "would", "can", "cannot", "could",
                                       "may", "might", "must", "shall", "should", "does", "do", "did", "has",
                                       "have", "had", "won't", "can't", "isn't", "aren't", "doesn't", "don't",
                                       "wasn't", "weren't", "shouldn't", "wouldn't", "couldn't", "hasn't",
                                       "haven't", "didn't"};
  return s;
}

const std::set<std::string>& adverbs() {
  static const std::set<std::string> s{"also", "only", "then", "always", "never", "currently", "simply", "just",
                                       "still", "now", "first", "automatically", "internally", "normally",
                                       "usually", "already", "actually", "explicitly", "implicitly", "therefore",
                                       "thus", "either", "neither", "typically", "generally", "not", "again",
                                       "later", "immediately", "directly", "additionally", "further", "merely",
                                       "silently", "indirectly", "subsequently", "effectively", "really"};
  return s;
}

// The verb lexicon: base forms. Inflections (-s, -es, -ies, -ed, -d, -ied,
// -ing) are derived; irregular past participles are listed beside.
const std::set<std::string>& verb_bases() {
  static const std::set<std::string> s{
      "accept", "add", "affect", "agree", "allocate", "allow", "apply", "assign", "assume", "attempt", "avoid",
      "become", "behave", "belong", "call", "cause", "change", "check", "choose", "clean", "clear", "close",
      "compare", "complete", "configure", "consider", "consist", "construct", "contain", "continue", "control",
      "copy", "correspond", "count", "create", "deactivate", "decrement", "define", "delete", "depend",
      "describe", "destroy", "determine", "differ", "direct", "disable", "discard", "drop", "enable", "encode",
      "decode", "end", "enforce", "ensure", "establish", "examine", "exceed", "exist", "expire", "extend",
      "fail", "fill", "find", "flush", "follow", "free", "generate", "get", "give", "guarantee", "handle",
      "happen", "hold", "identify", "ignore", "implement", "include", "increase", "increment", "indicate",
      "inherit", "initialise", "initialize", "insert", "invoke", "keep", "leave", "let", "limit", "link", "load",
      "look", "lose", "maintain", "make", "manage", "mark", "match", "mean", "modify", "move", "need",
      "negotiate", "obtain", "occur", "own", "pass", "perform", "permit", "point", "populate", "prepare",
      "prevent", "proceed", "process", "propose", "provide", "put", "query", "read", "realise", "realize",
      "receive", "record", "reduce", "refer", "register", "reject", "release", "remain", "remove", "rename",
      "replace", "report", "represent", "request", "require", "reserve", "reset", "restore", "result",
      "resume", "retain", "retrieve", "return", "reuse", "run", "save", "search", "select", "send", "serve",
      "set", "share", "shorten", "show", "shut", "specify", "start", "stay", "stop", "store", "succeed",
      "supply", "support", "suppress", "synchronize", "take", "terminate", "treat", "try", "understand",
      "update", "use", "verify", "wait", "work", "write", "yield", "apply", "enter", "appear", "persist",
      "decide", "offer", "protect", "expect", "serialise", "serialize", "list", "track", "grow", "shrink",
      "carry", "answer", "survive", "lend", "borrow", "own", "hand", "tell", "happen", "expire", "ask", "grant",
      "join", "reach", "matter", "label", "talk", "exchange", "mirror", "govern", "corrupt",
      // Added for issue 25 item 3: verbs of the wider libssl manual.
      "operate", "design", "respond", "override", "mimic", "encrypt", "decrypt", "impose", "schedule", "submit",
      "supersede", "spread", "constrain", "pad", "benefit", "arise", "render", "validate", "detect", "cancel",
      "reflect", "abort", "interpret", "differentiate", "locate", "employ", "utilize", "utilise",
      "install", "recognise", "recognize", "turn", "prefer", "reprioritize", "reprioritise", "cleanse", "parse",
      "allocate", "sign", "consume", "contain", "produce", "treat", "lead", "mention", "appear", "vary",
      "deliver", "expand", "convert", "assemble", "fetch", "pick", "rely", "inform",
      "associate", "attach", "detach", "duplicate", "restrict", "delay", "notify", "complain", "fall",
      "build", "split", "skip", "omit", "advertise", "announce", "block",
      "transmit", "emit", "echo", "negotiate", "interoperate", "compute", "derive", "export", "import",
      "verify", "trigger", "override", "overwrite", "wrap", "unwrap", "extract",
      "compress", "decompress", "resolve", "bind", "connect", "accept", "listen", "reply", "renegotiate",
      "violate", "switch", "reverse", "consist", "inherit", "cause", "help", "mean", "fit", "depend"};
  return s;
}

const std::set<std::string>& irregular_forms() {
  static const std::set<std::string> s{"held", "kept", "made", "sent", "taken", "given", "done", "found", "left",
                                       "lost", "written", "understood", "chosen", "known", "seen", "shown",
                                       "begun", "run", "got", "gotten", "put", "read", "set", "shut", "let",
                                       "became", "took", "gave", "went", "gone", "came", "come", "meant",
                                       "does", "did", "has", "had", "overridden", "led", "built", "fell", "fallen", "arisen", "arose", "spread",
                                       "bound", "sought", "dealt", "broken", "drawn", "thrown", "chose"};
  return s;
}

bool ends_with(const std::string& w, const char* suffix) {
  const std::size_t n = std::char_traits<char>::length(suffix);
  return w.size() > n && w.compare(w.size() - n, n, suffix) == 0;
}

// The base forms a word may inflect.
std::vector<std::string> bases_of(const std::string& w) {
  std::vector<std::string> out{w};
  auto cut = [&](const char* suffix, const char* add) {
    if (ends_with(w, suffix)) out.push_back(w.substr(0, w.size() - std::char_traits<char>::length(suffix)) + add);
  };
  cut("s", ""); cut("es", ""); cut("ies", "y"); cut("ed", ""); cut("d", ""); cut("ied", "y"); cut("ing", "");
  cut("ing", "e");
  if (w.size() > 4 && ends_with(w, "ed") && w[w.size() - 3] == w[w.size() - 4])  // "dropped"
    out.push_back(w.substr(0, w.size() - 3));
  return out;
}

bool lexicon_form(const std::string& w) {
  if (in(irregular_forms(), w)) return true;
  for (const auto& b : bases_of(w))
    if (in(verb_bases(), b)) return true;
  return false;
}

bool third_person(const std::string& w) {
  if (w == "does" || w == "has") return true;
  if (!ends_with(w, "s") || ends_with(w, "ss")) return false;
  for (const auto& b : {w.substr(0, w.size() - 1), ends_with(w, "es") ? w.substr(0, w.size() - 2) : std::string(),
                        ends_with(w, "ies") ? w.substr(0, w.size() - 3) + "y" : std::string()})
    if (!b.empty() && in(verb_bases(), b)) return true;
  return false;
}

bool base_form(const std::string& w) { return in(verb_bases(), w); }

bool gerund(const std::string& w) {
  static const std::set<std::string> not_verbs{"thing", "string", "during", "nothing", "something", "anything",
                                               "everything", "bring", "ring", "king", "setting", "settings"};
  return ends_with(w, "ing") && w.size() > 4 && !in(not_verbs, w);
}

bool plural(const std::string& w) {
  if (w == "was" || w == "has" || w == "does" || w == "is" || w == "this" || w == "its") return false;
  return (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is")) || w == "they" ||
         w == "both";
}

// Verbs that take a "when/if/whether" clause as their object ("decide
// when it expires", "check if it is set", "depends on when").
bool takes_clause(const std::string& w) {
  static const std::set<std::string> verbs{"decide", "determine", "know", "check", "tell", "show", "say",
                                           "specify", "indicate", "ask", "query", "learn", "see", "on", "about"};
  for (const auto& b : bases_of(w))
    if (in(verbs, b)) return true;
  return false;
}

bool placeholder(const std::string& w) { return w == "FUNC" || w == "ARG" || w == "NUM" || w == "VER"; }

bool upper_identifier(const std::string& w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])) && !placeholder(w);
}

bool punctuation(const Token& t) { return t.word.size() == 1 && !word_char(t.word[0]); }

// Reads one sentence.
class Reader {
 public:
  explicit Reader(const Normalised& n) : n_(n), t_(tokens_of(n.text)) {}

  std::optional<Clause> run() {
    skip_discourse();
    topic();
    leading_adjuncts();
    if (i_ >= t_.size()) return std::nullopt;
    if (topic_participle()) return c_;
    if (!subject()) return std::nullopt;  // finds the verb group too
    if (c_.condition.empty()) trailing_condition();
    return c_;
  }

  // "Client mode: ignored (see BUGS)": after a topic, a participle with no
  // subject is the topic's predicate.
  bool topic_participle() {
    if (c_.topic.empty() || i_ >= t_.size()) return false;
    const std::string& v = w(i_);
    if (!(ends_with(v, "ed") || in(irregular_forms(), v)) || !lexicon_form(v)) return false;
    c_.subject_kind = SubjectKind::noun;
    c_.subject_begin = c_.subject_end = pos(i_);
    c_.verb_begin = pos(i_);
    c_.predicate = v;
    after_verb_ = i_ + 1;
    return true;
  }

 private:
  const std::string& w(std::size_t i) const {
    static const std::string none;
    return i < t_.size() ? t_[i].word : none;
  }
  std::size_t pos(std::size_t i) const { return i < t_.size() ? t_[i].pos : n_.text.size(); }

  void skip_discourse() {
    for (int guard = 0; guard < 4 && i_ < t_.size(); ++guard) {
      if (w(i_) == "in" && w(i_ + 1) == "addition") { i_ += 2; }
      else if (in(discourse_words(), w(i_))) {
        // "Note that ...", "Note: ...": "note" is discourse only then.
        if (w(i_) == "note" && w(i_ + 1) != "that" && w(i_ + 1) != ":" && w(i_ + 1) != ",") return;
        if (w(i_) == "first" && w(i_ + 1) != ",") return;
        if (w(i_) == "so" && w(i_ + 1) == "that") return;
        ++i_;
        if (w(i_) == "that" && w(i_ - 1) == "note") ++i_;
      } else {
        return;
      }
      while (w(i_) == "," || w(i_) == ":") ++i_;
    }
  }

  // "Server mode: ...", "CERT_PKEY_VALID: ...": at most four words with no
  // verb before a colon name what the rest of the sentence is about. A
  // participle with no subject after it ("Client mode: ignored") is a
  // predicate of the topic.
  void topic() {
    std::size_t colon = i_;
    while (colon < t_.size() && colon < i_ + 5 && w(colon) != ":") {
      if (in(auxiliaries(), w(colon)) || third_person(w(colon)) || punctuation(t_[colon])) return;
      ++colon;
    }
    if (colon == i_ || colon >= t_.size() || w(colon) != ":" || colon + 1 >= t_.size()) return;
    c_.topic = n_.restore(pos(i_), pos(colon));
    while (!c_.topic.empty() && c_.topic.back() == ' ') c_.topic.pop_back();
    const std::string& last = w(colon - 1);
    if (last == "mode" || last == "side" || last == "only") c_.condition = c_.topic;
    i_ = colon + 1;
  }

  // The next depth-0 comma at or after `from` before any ';' or end.
  std::size_t comma_after(std::size_t from) const {
    for (std::size_t j = from; j < t_.size(); ++j) {
      if (t_[j].depth > 0) continue;
      if (w(j) == "," ) return j;
      if (w(j) == ";") return t_.size();
    }
    return t_.size();
  }

  // Where an adjunct opened at i_ ends: its comma, or for a short scope
  // without one ("In TLSv1.3 the same is true"), the determiner or pronoun
  // that opens the subject; t_.size() when no end is found.
  std::size_t adjunct_end(bool condition) const {
    std::size_t comma = comma_after(i_ + 1);
    if (condition) {
      // "If X then Y, ...": the condition ends at "then".
      for (std::size_t j = i_ + 1; j < comma; ++j)
        if (t_[j].depth == 0 && w(j) == "then") return j;
      if (comma < t_.size()) return comma;
      // "If buf is NULL it will be allocated", "If not set the default is
      // used": with no comma, the main clause's subject opens after the
      // condition's own verb with a pronoun, a function or a determiner
      // (not right after a copula: "if s is the same ...").
      bool verb = false;
      for (std::size_t j = i_ + 1; j < t_.size() && j < i_ + 20; ++j) {
        if (t_[j].depth > 0) continue;
        const std::string& x = w(j);
        const bool opens = x == "it" || x == "they" || x == "FUNC" || (in(articles(), x) && x != "no" && x != "all") ||
                           x == "these" || x == "this" || x == "such" ||
                           // "If not specified 1024 is used": a value or a word right before its auxiliary.
                           ((placeholder(x) || !punctuation(t_[j])) && in(auxiliaries(), w(j + 1)) && w(j + 1) != "be" &&
                            !in(prepositions(), x) && x != "not");
        if (verb && opens && j > i_ + 2 && !in(auxiliaries(), w(j - 1)) && !in(prepositions(), w(j - 1)) &&
            w(j - 1) != "and" && w(j - 1) != "or")
          return j;
        verb = verb || in(auxiliaries(), x) || third_person(x) || lexicon_form(x) || x == "not";
      }
      return comma;
    }
    // A verb of a relative clause inside the adjunct ("in any servers where
    // external caching is configured,") does not end it early.
    bool verb_before_comma = false, relative = false;
    for (std::size_t j = i_ + 1; j < comma; ++j) {
      relative = relative || in(relative_words(), w(j));
      // An -s word is a verb here only with an object after it ("a client
      // obtains a session"), not as a plural noun ("previous releases,").
      const bool verb = in(auxiliaries(), w(j)) || (third_person(w(j)) && in(articles(), w(j + 1)));
      verb_before_comma = verb_before_comma || (t_[j].depth == 0 && !relative && verb);
    }
    if (w(i_) == "whether") return verb_before_comma || comma == t_.size() ? t_.size() : comma;
    // A subordinate clause ("As automatic lookup only applies for servers,")
    // has its own verb: its comma ends it.
    if (in(subordinators(), w(i_))) return comma;
    if (comma < t_.size() && !verb_before_comma) return comma;
    for (std::size_t j = i_ + 2; j < std::min(t_.size(), i_ + 6); ++j)
      if (in(determiners(), w(j)) || w(j) == "it" || w(j) == "they" || w(j) == "FUNC" || w(j) == "there" ||
          w(j) == "we")
        return j;
    // "By default OpenSSL will use ...": a one-word subject right before
    // its auxiliary.
    for (std::size_t j = i_ + 2; j < std::min(t_.size(), i_ + 6); ++j)
      if (!punctuation(t_[j]) && !in(prepositions(), w(j)) && in(auxiliaries(), w(j + 1)) && w(j + 1) != "be" &&
          w(j - 1) != "and" && w(j - 1) != "or" && w(j - 1) != ",")
        return j;
    return t_.size();
  }

  void leading_adjuncts() {
    for (int guard = 0; guard < 3 && i_ < t_.size(); ++guard) {
      const std::string& first = w(i_);
      const bool condition = in(condition_words(), first) || (first == "in" && w(i_ + 1) == "case") ||
                             (first == "on" && (w(i_ + 1) == "success" || w(i_ + 1) == "error" || w(i_ + 1) == "failure"));
      if (!condition && !in(adjunct_words(), first) && first != "whether") return;
      const std::size_t end = adjunct_end(condition);
      if (end == t_.size() || end - i_ > 30) return;
      // Conditions and scopes ("For TLSv1.2", "In client mode") restrict the
      // statement; reasons and purposes ("As ...", "In order to ...") do not.
      const bool scope = first == "for" || first == "in" || first == "on" || first == "during" ||
                         first == "after" || first == "before" || first == "with" || first == "without";
      const bool purpose = first == "in" && w(i_ + 1) == "order";
      if (condition || (scope && !purpose)) {
        std::string text = n_.restore(pos(i_), pos(end));
        while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.pop_back();
        c_.condition = c_.condition.empty() ? text : c_.condition + ", " + text;
      }
      i_ = end;
      while (w(i_) == "," || w(i_) == "then") ++i_;
      skip_discourse();
    }
  }

  bool subject() {
    const std::size_t b = i_;
    const std::string& first = w(b);
    c_.subject_begin = pos(b);
    subject_token_ = b;
    if (first == "FUNC" || (first == "the" && w(b + 1) == "FUNC")) return functions_subject();
    if (first == "it" || first == "they" || first == "there" || (first == "both" && !collective_noun(b)) ||
        ((first == "this" || first == "these" || first == "that" || first == "those") &&
         (in(auxiliaries(), w(b + 1)) || in(adverbs(), w(b + 1)) || third_person(w(b + 1))))) {
      c_.subject_kind = SubjectKind::pronoun;
      std::size_t v = b + 1;
      while (v < t_.size() && ((in(adverbs(), w(v)) && w(v) != "not") ||
                               ((first == "they" || first == "these") && (w(v) == "both" || w(v) == "all" || w(v) == "each"))))
        ++v;
      // "it"/"they" stand for the function carried from the sentence before:
      // as after a function name, the next word is the verb.
      return verb_at(v, /*any_word=*/first == "it" || first == "they");
    }
    if (imperative(b)) return true;
    if (gerund(first) && first != "using") {
      c_.subject_kind = SubjectKind::gerund;
      return find_verb(b + 1);
    }
    if (first == "whether") {
      c_.subject_kind = SubjectKind::noun;
      for (std::size_t j = b + 1; j < t_.size(); ++j)
        if (w(j) == "can" || w(j) == "cannot" || w(j) == "depends" || w(j) == "may" || w(j) == "will") return verb_at(j);
      return false;
    }
    if (in(prepositions(), first) || in(condition_words(), first) || punctuation(t_[b])) return false;
    c_.subject_kind = collective(b) ? SubjectKind::collective : SubjectKind::noun;
    return find_verb(b + 1);
  }

  // "both functions", "these macros": a determiner and a head naming functions.
  bool collective_noun(std::size_t b) const {
    static const std::set<std::string> heads{"function", "functions", "macro", "macros", "call", "calls",
                                             "methods", "method"};
    for (std::size_t j = b + 1; j < std::min(t_.size(), b + 4); ++j)
      if (in(heads, w(j))) return true;
    return false;
  }

  bool collective(std::size_t b) const {
    static const std::set<std::string> heads{"function", "functions", "macro", "macros", "call", "calls",
                                             "methods", "method"};
    if (w(b) == "both" && (in(auxiliaries(), w(b + 1)) || third_person(w(b + 1)) || base_form(w(b + 1)))) return true;
    for (std::size_t j = b; j < std::min(t_.size(), b + 4); ++j)
      if (in(heads, w(j))) return in(determiners(), w(b));
    return false;
  }

  bool functions_subject() {
    c_.subject_kind = SubjectKind::functions;
    std::size_t j = i_;
    static const std::set<std::string> joiners{"FUNC", "the", "and", "or", ",", "function", "functions", "macro",
                                               "macros", "call", "calls", "both", "either"};
    while (j < t_.size() && in(joiners, w(j))) ++j;
    while (j < t_.size() && in(adverbs(), w(j)) && w(j) != "not") ++j;
    if (j >= t_.size() || punctuation(t_[j]) || in(prepositions(), w(j)) || placeholder(w(j))) return false;
    // A function list is a clear subject: any word in verb position is the verb.
    return verb_at(j, /*any_word=*/true);
  }

  // "Reset ssl to allow ...", "Enable both X and Y", "Updates the timestamp":
  // a verb with no subject (an instruction, or a description of the item
  // or function it belongs to).
  bool imperative(std::size_t b) {
    const std::string& first = w(b);
    const bool bare = base_form(first) || third_person(first);
    if (!bare) return false;
    const std::string& next = w(b + 1);
    bool object = in(determiners(), next) || placeholder(next) || upper_identifier(next) || next == "," ||
                  next == "both" || next == "it" || next == "them" || next == "whether" || next == "and";
    // "Disable version rollback attack detection", "Turn on Cookie
    // Exchange": a bare noun phrase or a particle after the verb, when no
    // verb follows that would make the first word a noun ("Set operations
    // are ...").
    if (!object && !next.empty() && !punctuation(t_[b + 1]) && !in(auxiliaries(), next) && !third_person(next) &&
        !in(auxiliaries(), w(b + 2)) && !(in(prepositions(), next) && next != "on" && next != "off" && next != "in" &&
                                          next != "to")) {
      object = b + 2 < t_.size();
      for (std::size_t j = b + 1; object && j < t_.size() && j < b + 10; ++j)
        if (in(auxiliaries(), w(j))) object = false;  // "Attempts to set ... are blocked": a noun subject
    }
    if (!object) return false;
    c_.subject_kind = SubjectKind::imperative;
    c_.subject_end = c_.subject_begin;
    c_.verb_begin = pos(b);
    c_.predicate = first;
    after_verb_ = b + 1;
    return true;
  }

  // The first word that can be the subject's verb, within a short subject.
  bool find_verb(std::size_t from) {
    int clauses = 0;  // clauses opened inside the subject whose verb is still to come
    // A past form of the lexicon ("an error condition occurred", "the
    // sender decided ..."): the verb when no other word is one.
    std::size_t past = t_.size();
    const bool found = scan_verb(from, clauses, past);
    if (found) return true;
    if (past < t_.size() && clauses == 0) return verb_at(past);
    return false;
  }

  bool scan_verb(std::size_t from, int& clauses, std::size_t& past) {
    for (std::size_t j = from; j < t_.size() && j < from + 16; ++j) {
      if (t_[j].depth > 0 || w(j) == "(" ) continue;
      // "that" opens a relative clause when a verb follows it ("a program
      // that joins ..."); otherwise it is a determiner ("that session").
      const bool relative_that = w(j) == "that" && (in(auxiliaries(), w(j + 1)) || third_person(w(j + 1)));
      if ((in(relative_words(), w(j)) && w(j) != "that") || relative_that) { ++clauses; continue; }
      if (w(j) == ";" || w(j) == ":" || w(j) == ".") return false;
      if (w(j) == ",") continue;  // an apposition: "libctx (see ...), is"
      const std::string& prev = w(j - 1);
      // "The files each contain": a quantifier after a plural head floats.
      const bool floating = (prev == "each" || prev == "all" || prev == "both") && j >= 2 && plural(w(j - 2));
      if (!floating && (in(articles(), prev) || in(prepositions(), prev) || prev == "to")) continue;
      if (past == t_.size() && clauses == 0 && (ends_with(w(j), "ed") || in(irregular_forms(), w(j))) &&
          lexicon_form(w(j)) && j > subject_token_)
        past = j;
      const bool candidate = in(auxiliaries(), w(j)) ||
                             // "the old function calls are renamed": a word followed by an
                             // auxiliary is the head noun, not the verb.
                             (third_person(w(j)) && !in(auxiliaries(), w(j + 1)));
      if (candidate && clauses > 0) {  // "Waiting ... when the peer closes ... will result"
        --clauses;
        continue;
      }
      if (candidate) return verb_at(j);
      // Agreement: a base form is the verb of a plural subject ("SSL_SESSION
      // objects keep", "tickets generated during ... use", "all other
      // methods only support").
      std::size_t h = j - 1;
      while (h > subject_token_ && in(adverbs(), w(h))) --h;
      // "Anonymous ciphers (without ...) also use": the head is before the brackets.
      if (w(h) == ")") {
        while (h > subject_token_ && w(h) != "(") --h;
        if (h > subject_token_) --h;
      }
      const bool plural_head = plural(w(h)) || plural(w(subject_token_)) ||
                               (in(articles(), w(subject_token_)) && plural(w(subject_token_ + 1)));
      if (base_form(w(j)) && plural_head) {
        if (clauses > 0) {
          --clauses;
          continue;
        }
        return verb_at(j);
      }
    }
    return false;
  }

  bool verb_at(std::size_t j, bool any_word = false) {
    if (j >= t_.size()) return false;
    const std::string& v = w(j);
    const bool verb = in(auxiliaries(), v) || third_person(v) || base_form(v) || lexicon_form(v) ||
                      (any_word && !punctuation(t_[j]) && !in(determiners(), v) && v.size() >= 3);
    if (!verb) return false;
    if (c_.subject_kind != SubjectKind::imperative) {
      std::size_t e = j;  // "the server then looks": the adverb is no part of the subject
      while (e > subject_token_ + 1 && in(adverbs(), w(e - 1))) --e;
      c_.subject_end = pos(e) > 0 ? pos(e) - 1 : 0;
    }
    c_.verb_begin = pos(j);
    // The verb group: auxiliaries, negation and adverbs, then one main word.
    std::string group = v;
    std::size_t k = j + 1;
    if (in(auxiliaries(), v)) {
      while (k < t_.size() && (in(auxiliaries(), w(k)) || w(k) == "be" || w(k) == "been" || w(k) == "being" ||
                               in(adverbs(), w(k)))) {
        group += " " + w(k);
        ++k;
      }
      if (k < t_.size() && !punctuation(t_[k]) && !placeholder(w(k))) group += " " + w(k++);
    }
    c_.predicate = group;
    after_verb_ = k;
    return true;
  }

  void trailing_condition() {
    const std::size_t from = after_verb_;
    for (std::size_t j = from; j < t_.size(); ++j) {
      if (t_[j].depth > 0) continue;
      if (w(j) == ";") return;  // the next clause's conditions are its own
      const bool opens = in(condition_words(), w(j)) || (w(j) == "in" && w(j + 1) == "case");
      if (!opens) continue;
      // "numbers that decide when it expires": a clause a verb takes as its
      // object is no condition of the sentence.
      if (j > 0 && takes_clause(w(j - 1))) continue;
      std::size_t e = j + 1;
      while (e < t_.size() && w(e) != ";" && w(e) != ":" && !(w(e) == "." && e + 1 == t_.size())) ++e;
      std::string text = n_.restore(pos(j), pos(e));
      while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.pop_back();
      c_.condition = text;
      return;
    }
  }

  const Normalised& n_;
  std::vector<Token> t_;
  std::size_t i_ = 0;
  std::size_t after_verb_ = 0;
  std::size_t subject_token_ = 0;
  Clause c_;
};

}  // namespace

std::optional<Clause> parse_clause(const Normalised& n) { return Reader(n).run(); }

bool is_lexicon_verb(const std::string& word) { return lexicon_form(word); }

bool has_finite_verb(const Normalised& n) {
  const auto t = tokens_of(n.text);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string& x = t[i].word;
    if (in(auxiliaries(), x) || third_person(x)) return true;
    const bool after_article = i > 0 && (in(articles(), t[i - 1].word) || in(prepositions(), t[i - 1].word));
    if (after_article || i == 0) continue;
    if (lexicon_form(x) && !gerund(x) && (ends_with(x, "ed") || in(irregular_forms(), x) || base_form(x))) return true;
    // A word outside the lexicon is a verb when it has an object after it
    // ("violates the TLS standard", "switches it on"): kept, so that a
    // sentence is called a phrase only when nothing in it can be a verb.
    const std::string& next = i + 1 < t.size() ? t[i + 1].word : std::string();
    if (ends_with(x, "s") && (in(articles(), next) || next == "it" || next == "them" || placeholder(next))) return true;
    // After a plural noun, a plain word may be its verb ("Sessions wobble
    // after ..."): not a phrase either.
    static const std::set<std::string> joining{"and", "or", "such", "as", "etc", "but", "nor", "not"};
    const std::string& prev = t[i - 1].word;
    const bool plain = !x.empty() && std::islower(static_cast<unsigned char>(x[0])) && !in(determiners(), x) &&
                       !in(prepositions(), x) && !in(adverbs(), x) && !in(joining, x);
    if (plain && plural(prev) && !in(determiners(), prev)) return true;
  }
  return false;
}

}  // namespace sslconf::claims
