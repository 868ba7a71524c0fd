// Predicates about the protocol versions a method constructor's connections
// speak: "a connection made with these methods only understands the <P>
// protocol" (protocol-only) and "the version is negotiated to the highest
// both ends support" (negotiates-highest). The methods are those the
// sentence names, else, for "these methods" or "they", those the list
// item's label names. Method constructors are the functions whose names
// end in "_method", OpenSSL's naming for them in every release.
#include "claims/recognise.hpp"
#include "model/regex.hpp"

#include <algorithm>

namespace sslconf::claims {

namespace {

bool method_constructor(const std::string& name) {
  static const std::string suffix = "_method";
  return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void add_methods(const std::vector<Slot>& slots, std::vector<std::string>& out) {
  for (const auto& s : slots)
    if (method_constructor(s.value) && std::find(out.begin(), out.end(), s.value) == out.end()) out.push_back(s.value);
}

// The methods a sentence speaks of: named there, else, inside a list item
// whose label names them, those of the label (the sentence points at them,
// "these methods", "they", or names no function at all: "The version used
// will be negotiated ..." under "TLS_method(), ...").
std::vector<std::string> methods_of(const Normalised& n, const SentenceContext& ctx) {
  std::vector<std::string> out;
  add_methods(n.functions, out);
  if (out.empty() && n.functions.empty() && !ctx.label.empty())
    add_methods(normalise(ctx.label, *ctx.vocab).functions, out);
  return out;
}

// "TLSv1.2", "TLS 1.2", "TLSv1", "SSLv3", "DTLS 1.2", "DTLSv1" as a protocol
// name with its version: "TLSv1.2", "TLSv1", "SSLv3", "DTLSv1.2".
std::string protocol_named(const std::string& sentence) {
  static const Regex name(R"(\b(SSL|TLS|DTLS) ?v?(\d)(?:\.(\d))?\b)", std::regex::icase);
  std::smatch m;
  std::string found;
  for (auto it = sentence.cbegin(); std::regex_search(it, sentence.cend(), m, name); it = m[0].second) {
    std::string family = m[1].str();
    std::transform(family.begin(), family.end(), family.begin(), [](unsigned char c) { return std::toupper(c); });
    const std::string p = family + "v" + m[2].str() + (m[3].matched && m[3].str() != "0" ? "." + m[3].str() : "");
    if (!found.empty() && found != p) return "";  // several versions: not one protocol
    found = p;
  }
  return found;
}

}  // namespace

std::vector<Finding> recognise_protocol_rows(const Normalised& n, const SentenceContext& ctx) {
  static const FilteredRegex only(
      R"(\bonly (?:understands?|supports?|speaks?|accepts?|negotiates?|implements?|uses?|talks?)\b|\bunderstands? only\b|\bsupports? only\b)");
  static const FilteredRegex highest(
      R"(\bhighest (?:protocol )?version (?:that is |that are )?(?:mutually supported|supported by both|(?:that )?both (?:the client and the server|sides|peers|ends|parties) support)\b)");
  static const FilteredRegex negotiated(R"(\bnegotiat)");
  const bool says_only = filtered_search(n.text, only);
  const bool says_highest = filtered_search(n.text, highest) && filtered_search(n.text, negotiated);
  if (!says_only && !says_highest) return {};
  auto methods = methods_of(n, ctx);
  if (methods.empty()) return {};
  if (says_highest) return {finding("negotiates-highest", methods, nlohmann::json::object())};
  const std::string protocol = protocol_named(n.restore(0, n.text.size()));
  if (protocol.empty()) return {};
  return {finding("protocol-only", methods, {{"protocol", protocol}})};
}

}  // namespace sslconf::claims
