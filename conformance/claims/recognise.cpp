// Shared pieces of the recognisers: subjects, argument resolution, integer
// expectations. The tables themselves are in patterns.cpp and returns.cpp.
#include "claims/recognise.hpp"
#include "model/numbers.hpp"

#include <algorithm>
#include <cstring>
#include <regex>
#include "model/regex.hpp"

namespace sslconf::claims {

namespace {

// "const SSL_SESSION *" → "SSL_SESSION".
std::string base_type(std::string t) {
  for (const char* word : {"const ", "struct ", "unsigned "}) {
    for (auto p = t.find(word); p != std::string::npos; p = t.find(word)) t.erase(p, std::strlen(word));
  }
  t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == '*' || c == ' '; }), t.end());
  return t;
}

bool is_pointer(const std::string& type) { return type.find('*') != std::string::npos; }

// Identifiers of the span (SSL_SESSION, SSL_CTX): types the text mentions.
std::vector<std::string> identifiers(const std::string& span) {
  static const Regex ident(R"(\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b)");
  std::vector<std::string> out;
  for (RegexIterator it(span.begin(), span.end(), ident), end; it != end; ++it)
    out.push_back(it->str());
  return out;
}

std::string parameter_named(const model::Prototype& p, const std::string& span) {
  static const Regex word(R"([a-z_][a-z0-9_]*)");
  for (RegexIterator it(span.begin(), span.end(), word), end; it != end; ++it)
    for (const auto& a : p.params)
      if (a.name == it->str()) return a.name;
  return "";
}

std::string parameter_of_type(const model::Prototype& p, const std::string& span) {
  for (const auto& type : identifiers(span)) {
    for (const auto& a : p.params)
      if (base_type(a.type) == type && is_pointer(a.type)) return a.name;
    if (base_type(p.return_type) == type && is_pointer(p.return_type)) return "result";
  }
  return "";
}

std::string first_pointer_parameter(const model::Prototype& p) {
  for (const auto& a : p.params)
    if (is_pointer(a.type) && !a.name.empty()) return a.name;
  return "";
}

std::string default_argument(const model::Prototype& p) {
  if (is_pointer(p.return_type) && base_type(p.return_type) != "void") return "result";
  for (const auto& a : p.params)
    if (is_pointer(a.type) && !a.name.empty()) return a.name;
  return "";
}

// The one page function whose prototype has all the ARGs of the sentence.
std::string owner_of_arguments(const Normalised& n, const Vocabulary& vocab) {
  if (n.arguments.empty()) return "";
  std::string owner;
  for (const auto& [name, proto] : vocab.prototypes) {
    const bool all = std::all_of(n.arguments.begin(), n.arguments.end(), [&proto = proto](const Slot& s) {
      return std::any_of(proto.params.begin(), proto.params.end(),
                         [&s](const model::Parameter& a) { return a.name == s.value; });
    });
    if (!all) continue;
    if (!owner.empty()) return "";  // ambiguous
    owner = name;
  }
  return owner;
}

}  // namespace

std::string subject_of(const Normalised& n, const SentenceContext& ctx) {
  // A page function the sentence opens with is its grammatical subject; one
  // named further on ("obtained from an earlier call to X()") is a mention,
  // weaker than the subject carried from the previous sentence.
  const auto& fs = n.functions;
  if (!fs.empty() && ctx.vocab->on_page(fs.front().value) &&
      (fs.front().pos == 0 || n.text.compare(0, fs.front().pos, "the ") == 0))
    return fs.front().value;
  if (!ctx.carried.empty()) return ctx.carried;
  for (const auto& f : fs)
    if (ctx.vocab->on_page(f.value)) return f.value;
  if (!n.functions.empty()) return n.functions.front().value;
  return owner_of_arguments(n, *ctx.vocab);
}

std::string resolve_parameter(const Normalised& n, std::size_t begin, std::size_t end,
                              const std::string& function, const Vocabulary& vocab) {
  const std::string found = resolve_argument(n, begin, end, function, vocab);
  if (found != "result") return found;
  const model::Prototype* p = vocab.prototype(function);
  return p == nullptr ? "" : first_pointer_parameter(*p);
}

std::string resolve_argument(const Normalised& n, std::size_t begin, std::size_t end,
                             const std::string& function, const Vocabulary& vocab) {
  const auto args = Normalised::within(n.arguments, begin, end);
  if (!args.empty()) return args.front();
  const model::Prototype* p = vocab.prototype(function);
  if (p == nullptr) return "";
  const std::string span = n.text.substr(begin, end - begin);
  if (auto named = parameter_named(*p, span); !named.empty()) return named;
  if (auto typed = parameter_of_type(*p, span); !typed.empty()) return typed;
  return default_argument(*p);
}

nlohmann::json int_expectation(const std::string& phrase, const std::string& number) {
  const bool zero = number == "0";
  if (phrase.find("NUM or") != std::string::npos && phrase.find("negative") != std::string::npos)
    return zero ? nlohmann::json("nonpositive") : nlohmann::json();
  if (phrase.find("NUM") != std::string::npos) {
    if (phrase.find("greater than or equal") != std::string::npos || phrase.find(">=") != std::string::npos)
      return zero ? nlohmann::json("nonnegative") : nlohmann::json();
    if (phrase.find("less than or equal") != std::string::npos || phrase.find("<=") != std::string::npos)
      return zero ? nlohmann::json("nonpositive") : nlohmann::json();
    if (phrase.find("greater") != std::string::npos || phrase.find('>') != std::string::npos)
      return zero ? nlohmann::json("positive") : nlohmann::json();
    if (phrase.find("less") != std::string::npos || phrase.find('<') != std::string::npos)
      return zero ? nlohmann::json("negative") : nlohmann::json();
    // A number too large for the check to compare with states no expectation.
    if (const auto n = model::parse_integer(number)) return *n;
    return nlohmann::json();
  }
  if (phrase.find("non-zero") != std::string::npos || phrase.find("nonzero") != std::string::npos)
    return "nonzero";
  if (phrase.find("non-negative") != std::string::npos || phrase.find("nonnegative") != std::string::npos)
    return "nonnegative";
  if (phrase.find("non-positive") != std::string::npos || phrase.find("nonpositive") != std::string::npos)
    return "nonpositive";
  if (phrase.find("positive") != std::string::npos) return "positive";
  if (phrase.find("negative") != std::string::npos) return "negative";
  return nlohmann::json();
}

std::string counterpart(const std::string& function, const Vocabulary& vocab) {
  static const std::vector<std::pair<std::string, std::string>> pairs{
      {"_set1_", "_get0_"}, {"_set0_", "_get0_"}, {"_set1_", "_get_"}, {"_set_", "_get_"},
      {"_get0_", "_set1_"}, {"_get_", "_set_"}, {"_get_", "_set1_"}};
  for (const auto& [from, to] : pairs) {
    const auto at = function.find(from);
    if (at == std::string::npos) continue;
    std::string other = function;
    other.replace(at, from.size(), to);
    if (vocab.functions.count(other)) return other;
  }
  return "";
}

Finding finding(const char* kind, std::vector<std::string> functions, nlohmann::json params) {
  Finding f;
  f.kind = kind;
  for (auto& fn : functions)
    if (!fn.empty()) f.functions.push_back(std::move(fn));
  f.params = std::move(params);
  return f;
}

void require(Finding& f, const char* param) {
  const auto it = f.params.find(param);
  if (it != f.params.end() && !(it->is_string() && it->get<std::string>().empty())) return;
  f.checkable = false;
  f.reason = "unrecognised";
  f.params["missing"] = param;
}

}  // namespace sslconf::claims
