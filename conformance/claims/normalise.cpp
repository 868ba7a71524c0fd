#include "claims/normalise.hpp"

#include <algorithm>
#include <cctype>

namespace sslconf::claims {

namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Parameter names that are also everyday words ("in", "out", "session"):
// they stay words; recognisers still match them against the prototype.
bool english(const std::string& w) {
  static const std::set<std::string> words{
      "a", "an", "the", "in", "out", "to", "from", "for", "on", "of", "at", "by", "is", "it", "or",
      "and", "if", "no", "not", "as", "be", "data", "time", "type", "session", "mode", "size",
      "length", "file", "key", "value", "flags", "name", "id", "copy", "buf", "str", "cb", "arg"};
  return words.count(w) > 0;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Builds the normalised text left to right.
class Builder {
 public:
  explicit Builder(const Vocabulary& v) : vocab_(v) {}

  Normalised run(const std::string& s) {
    s_ = &s;
    i_ = 0;
    while (i_ < s.size()) step();
    while (!out_.text.empty() && out_.text.back() == ' ') out_.text.pop_back();
    return std::move(out_);
  }

 private:
  void step() {
    const std::string& s = *s_;
    const char c = s[i_];
    if (ident_start(c)) return identifier();
    if (digit(c) || (c == '-' && i_ + 1 < s.size() && digit(s[i_ + 1]) && !after_word())) return number();
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out_.text.empty() && out_.text.back() != ' ') out_.text += ' ';
      ++i_;
      return;
    }
    // Markup remnants carry no meaning; a '*' between two numbers is a
    // product ("1024*20").
    if (c != '`' && (c != '*' || between_numbers())) out_.text += c;
    ++i_;
  }

  bool between_numbers() const {
    const std::string& s = *s_;
    std::size_t b = i_, a = i_ + 1;
    while (b > 0 && s[b - 1] == ' ') --b;
    while (a < s.size() && s[a] == ' ') ++a;
    return b > 0 && digit(s[b - 1]) && a < s.size() && digit(s[a]);
  }

  bool after_word() const { return i_ > 0 && ident_char((*s_)[i_ - 1]); }

  void put(std::vector<Slot>& slots, const std::string& placeholder, const std::string& value) {
    slots.push_back({value, out_.text.size()});
    out_.text += placeholder;
  }

  // "name(3)", "name()", "name (3ssl)": the length of the parenthesis, or 0.
  std::size_t call_suffix(std::size_t at, std::string& inside) const {
    const std::string& s = *s_;
    std::size_t j = at;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j >= s.size() || s[j] != '(') return 0;
    const std::size_t close = s.find(')', j);
    if (close == std::string::npos || close - j > 6) return 0;
    inside = s.substr(j + 1, close - j - 1);
    const bool section = !inside.empty() && digit(inside[0]) &&
                         std::all_of(inside.begin(), inside.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (!inside.empty() && !section) return 0;
    return close + 1 - at;
  }

  void identifier() {
    const std::string& s = *s_;
    std::size_t j = i_;
    while (j < s.size() && (ident_char(s[j]) || (s[j] == '*' && j + 1 < s.size() && s[j + 1] == '('))) ++j;
    const std::string word = s.substr(i_, j - i_);
    std::string inside;
    const std::size_t suffix = call_suffix(j, inside);
    i_ = j;
    if (suffix > 0) {
      i_ += suffix;
      const bool function = inside.empty() || word.find('_') != std::string::npos ||
                            vocab_.functions.count(word) > 0;
      if (function) return put(out_.functions, "FUNC", word);
      out_.text += "PAGE";
      return;
    }
    classify(word);
  }

  void classify(const std::string& word) {
    if (vocab_.functions.count(word) || vocab_.on_page(word)) return put(out_.functions, "FUNC", word);
    if (vocab_.arguments.count(word) && !english(word)) return put(out_.arguments, "ARG", word);
    if (word == "NULL") {
      out_.text += "NULL";
      if (s_->compare(i_, 8, "-pointer") == 0) {  // "the NULL-pointer"
        out_.text += " pointer";
        i_ += 8;
      }
      return;
    }
    if (word == "zero") return put(out_.numbers, "NUM", "0");
    const bool keep = word.find('_') != std::string::npos;
    if (keep && !has_lower(word)) out_.constants.push_back({word, out_.text.size()});
    out_.text += keep ? word : lower(word);
  }

  static bool has_lower(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  }

  void number() {
    const std::string& s = *s_;
    std::size_t j = i_ + (s[i_] == '-' ? 1 : 0);
    while (j < s.size() && digit(s[j])) ++j;
    bool version = false;
    while (j + 1 < s.size() && s[j] == '.' && digit(s[j + 1])) {
      version = true;
      ++j;
      while (j < s.size() && digit(s[j])) ++j;
    }
    if (version && j < s.size() && std::islower(static_cast<unsigned char>(s[j])) &&
        (j + 1 >= s.size() || !ident_char(s[j + 1])))
      ++j;  // "0.9.8h"
    const std::string value = s.substr(i_, j - i_);
    i_ = j;
    if (version) return put(out_.versions, "VER", value);
    if (j < s.size() && ident_char(s[j])) {  // "1024x", "3des": not a number
      out_.text += lower(value);
      return;
    }
    put(out_.numbers, "NUM", value);
  }

  const Vocabulary& vocab_;
  const std::string* s_ = nullptr;
  std::size_t i_ = 0;
  Normalised out_;
};

}  // namespace

bool Vocabulary::on_page(const std::string& f) const {
  return std::find(page_functions.begin(), page_functions.end(), f) != page_functions.end();
}

const model::Prototype* Vocabulary::prototype(const std::string& f) const {
  const auto it = prototypes.find(f);
  return it == prototypes.end() ? nullptr : &it->second;
}

std::vector<std::string> Normalised::within(const std::vector<Slot>& slots, std::size_t begin,
                                            std::size_t end) {
  std::vector<std::string> out;
  for (const auto& s : slots)
    if (s.pos >= begin && s.pos < end) out.push_back(s.value);
  return out;
}

std::string Normalised::restore(std::size_t begin, std::size_t end) const {
  end = std::min(end, text.size());
  struct Put { std::size_t pos; std::size_t length; const std::string* value; };
  std::vector<Put> puts;
  auto collect = [&](const std::vector<Slot>& slots, std::size_t length) {
    for (const auto& s : slots)
      if (s.pos >= begin && s.pos + length <= end) puts.push_back({s.pos, length, &s.value});
  };
  collect(functions, 4);
  collect(arguments, 3);
  collect(numbers, 3);
  collect(versions, 3);
  std::sort(puts.begin(), puts.end(), [](const Put& a, const Put& b) { return a.pos < b.pos; });
  std::string out;
  std::size_t at = begin;
  for (const auto& p : puts) {
    if (p.pos < at) continue;
    out.append(text, at, p.pos - at);
    out += *p.value;
    at = p.pos + p.length;
  }
  if (at < end) out.append(text, at, end - at);
  return out;
}

Normalised normalise(const std::string& sentence, const Vocabulary& vocab) {
  return Builder(vocab).run(sentence);
}

const model::Prototype* Vocabulary::any_prototype(const std::string& f) const {
  if (const model::Prototype* p = prototype(f)) return p;
  if (elsewhere == nullptr) return nullptr;
  const auto it = elsewhere->find(f);
  return it == elsewhere->end() ? nullptr : &it->second;
}

Vocabulary vocabulary_of(const model::Page& page, const std::set<std::string>& all_functions) {
  Vocabulary v;
  v.functions = all_functions;
  auto add = [&v](const std::string& f) {
    if (!f.empty() && !v.on_page(f)) v.page_functions.push_back(f);
  };
  for (const auto& n : page.names) add(n);
  for (const auto& p : page.synopsis.prototypes) {
    add(p.name);
    v.prototypes.emplace(p.name, p);
    for (const auto& a : p.params)
      if (a.name.size() > 0) v.arguments.insert(a.name);
  }
  for (const auto& f : v.page_functions) v.functions.insert(f);
  for (const auto& f : v.page_functions) v.arguments.erase(f);
  return v;
}

}  // namespace sslconf::claims
