#include "crosscheck/lint.hpp"
#include "crosscheck/patch.hpp"
#include "claims/extract.hpp"
#include "model/diagnostic.hpp"
#include "model/numbers.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <optional>
#include <regex>
#include <set>
#include <tuple>

namespace sslconf::crosscheck {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}


namespace {

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

Finding make(const model::SourceLocation& loc, Severity severity, std::string check, std::string message,
             std::string subject = "") {
  return Finding{loc, severity, std::move(check), std::move(message), std::move(subject), ""};
}

// Top-level sections only: subsections (=head2) are free in name and order.
std::vector<const model::Section*> head1_sections(const model::Page& page) {
  std::vector<const model::Section*> out;
  for (const auto& s : page.sections)
    if (s.level == 1) out.push_back(&s);
  return out;
}

const model::Section* find_head1(const model::Page& page, const std::string& title) {
  for (const auto* s : head1_sections(page))
    if (upper(s->title) == title) return s;
  return nullptr;
}

// Where a section may stand. Sections sharing a rank may interleave; titles
// without a rank (project-specific ones) are not ordered.
std::optional<int> section_rank(const std::string& title) {
  static const std::map<std::string, int> ranks{
      {"NAME", 0},          {"SYNOPSIS", 1},     {"DESCRIPTION", 2},  {"OPTIONS", 3},
      {"NOTES", 3},         {"BUGS", 3},         {"WARNINGS", 3},     {"RESTRICTIONS", 3},
      {"ERRORS", 3},        {"RETURN VALUES", 3}, {"ENVIRONMENT", 3}, {"EXAMPLES", 3},
      {"EXAMPLE", 3},       {"CONFORMING TO", 3}, {"SEE ALSO", 4},    {"HISTORY", 5},
      {"COPYRIGHT", 6},     {"LICENSE", 6}};
  const auto it = ranks.find(upper(title));
  if (it == ranks.end()) return std::nullopt;
  return it->second;
}

bool returns_void(const model::Prototype& p) {
  std::string t;
  for (char c : p.return_type)
    if (!std::isspace(static_cast<unsigned char>(c))) t += c;
  return t == "void";
}

// Every sentence and item label of a section, with where it stands.
std::vector<std::pair<std::string, model::SourceLocation>> statements(const model::Section& s) {
  std::vector<std::pair<std::string, model::SourceLocation>> out;
  for (const auto& b : s.blocks) {
    if (b.kind == model::Block::Kind::verbatim) continue;
    if (!b.label.empty()) out.emplace_back(b.label, b.loc);
    for (const auto& se : b.sentences) out.emplace_back(se.text, se.loc);
    if (b.sentences.empty() && !b.text.empty()) out.emplace_back(b.text, b.loc);
  }
  return out;
}

std::vector<std::string> synopsis_functions(const model::Page& page) {
  std::vector<std::string> out;
  for (const auto& p : page.synopsis.prototypes) out.push_back(p.name);
  return out;
}

bool upper_word(const std::string& w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A template name as a pattern: each placeholder in it may stand for any
// name part ("d2i_TYPE_bio" matches "d2i_X509_CRL_bio", "d2i_TYPEparams"
// matches "d2i_DHparams"); a whole-name placeholder (EVP_ciphername) stands
// for any name. Without known placeholders (a page only marked generic),
// each upper-case component is taken for one.
std::regex template_pattern(const std::string& name, const std::vector<std::string>& placeholders) {
  if (std::find(placeholders.begin(), placeholders.end(), name) != placeholders.end()) return std::regex(".+");
  std::string pattern;
  std::size_t start = 0;
  while (start <= name.size()) {
    auto end = name.find('_', start);
    if (end == std::string::npos) end = name.size();
    std::string part = name.substr(start, end - start);
    if (!pattern.empty()) pattern += "_";
    bool replaced = false;
    for (const auto& w : placeholders)
      if (upper_word(w) && part.rfind(w, 0) == 0) {
        pattern += "[A-Za-z0-9_]+" + part.substr(w.size());
        replaced = true;
        break;
      }
    if (!replaced) pattern += placeholders.empty() && upper_word(part) ? "[A-Za-z0-9_]+" : part;
    start = end + 1;
  }
  return std::regex(pattern);
}

bool c_word(const std::string& w) {
  static const std::set<std::string> words{"int", "void", "char", "long", "short", "unsigned", "signed", "const",
                                           "struct", "union", "enum", "double", "float", "static", "inline",
                                           "return", "sizeof", "volatile", "typedef", "extern"};
  return words.count(w) > 0;
}

// The SYNOPSIS and its subsections ("=head2 Callback Functions"), up to
// the next top-level section.
std::vector<const model::Section*> synopsis_sections(const model::Page& page) {
  std::vector<const model::Section*> out;
  bool inside = false;
  for (const auto& s : page.sections) {
    if (s.level == 1) inside = upper(s.title) == "SYNOPSIS";
    if (inside) out.push_back(&s);
  }
  return out;
}

// The symbol one SYNOPSIS line declares, read as OpenSSL's find-doc-nits
// reads it: environment variable, callback typedef, typedef, enum, macro,
// else the first name followed by "(". Container macros (STACK_OF(X)) are
// types, not symbols.
std::optional<std::string> line_symbol(std::string line) {
  static const std::regex containers(R"(\b(STACK_OF|LHASH_OF|SPARSE_ARRAY_OF)\([^)]*\))");
  static const std::regex declspec(R"(__declspec\([^)]*\))");
  static const std::vector<std::regex> forms{
      std::regex(R"(env (\S*)=)"),
      std::regex(R"(typedef.*\(\*(\S+)\)\s*\()"),
      std::regex(R"(typedef.*\(\*(\w+)\)\s*$)"),  // its parameters on the next line
      std::regex(R"(typedef.* (\S+)\()"),
      std::regex(R"(typedef.* (\S+);)"),
      std::regex(R"(enum (\S*) \{)"),
      std::regex(R"(#\s*(?:define|undef)\s+([A-Za-z0-9_]+))"),
      std::regex(R"(([A-Za-z0-9_]+)\()")};
  if (line.find('(') == std::string::npos && line.find("typedef") == std::string::npos &&
      line.find("enum") == std::string::npos && line.find('#') == std::string::npos &&
      line.find("env ") == std::string::npos)
    return std::nullopt;
  line = std::regex_replace(std::regex_replace(line, containers, "int"), declspec, "");
  for (const auto& form : forms) {
    std::smatch m;
    if (std::regex_search(line, m, form)) {
      std::string name = m.str(1);
      while (!name.empty() && !is_identifier_char(name.back())) name.pop_back();
      while (!name.empty() && !is_identifier_char(name.front())) name.erase(0, 1);
      // A C word is no symbol: "int (*f(" of a garbled line names nothing.
      if (name.empty()) continue;
      if (c_word(name)) return std::nullopt;
      return name;
    }
  }
  return std::nullopt;
}

bool has_placeholder(const model::Page& page, const std::string& name) {
  std::size_t start = 0;
  while (start <= name.size()) {
    auto end = name.find('_', start);
    if (end == std::string::npos) end = name.size();
    const std::string part = name.substr(start, end - start);
    for (const auto& w : page.synopsis.placeholders)
      if (name == w || (upper_word(w) && part.rfind(w, 0) == 0)) return true;
    start = end + 1;
  }
  return false;
}

bool is_template_name(const model::Page& page, const std::string& name) {
  return has_placeholder(page, name) ||
         std::any_of(page.synopsis.prototypes.begin(), page.synopsis.prototypes.end(),
                     [&](const model::Prototype& p) { return p.generic && p.name == name; });
}

// Every name NAME lists, over all its paragraphs (a page may break its
// list with a blank line), up to the dash that starts the purpose.
std::vector<std::string> listed_names(const model::Page& page) {
  std::vector<std::string> out = page.names;
  const auto* name = find_head1(page, "NAME");
  if (name == nullptr) return out;
  bool purpose_reached = false;
  for (const auto& b : name->blocks) {
    if (purpose_reached) break;
    std::string text = b.text;
    for (const char* dash : {" - ", " \u2010 ", " \u2013 ", " \u2014 "})
      if (const auto at = text.find(dash); at != std::string::npos) {
        text = text.substr(0, at);
        purpose_reached = true;
      }
    std::size_t start = 0;
    while (start <= text.size()) {
      auto comma = text.find(',', start);
      if (comma == std::string::npos) comma = text.size();
      std::string n = text.substr(start, comma - start);
      while (!n.empty() && std::isspace(static_cast<unsigned char>(n.front()))) n.erase(0, 1);
      while (!n.empty() && std::isspace(static_cast<unsigned char>(n.back()))) n.pop_back();
      if (!n.empty() && std::all_of(n.begin(), n.end(), is_identifier_char) &&
          std::find(out.begin(), out.end(), n) == out.end())
        out.push_back(n);
      start = comma + 1;
    }
  }
  return out;
}

bool names_any(const std::string& text, const std::vector<std::string>& functions) {
  return std::any_of(functions.begin(), functions.end(),
                     [&](const std::string& f) { return mentions(text, f); });
}

std::string page_ref(const std::string& name, const std::string& section) {
  return section.empty() ? name : name + "(" + section + ")";
}

bool in_doc_set(const model::Link& link, const std::vector<model::Page>& doc_set) {
  for (const auto& page : doc_set) {
    // "3ssl" (Debian's suffixed section) is section 3.
    if (!link.section.empty() && !page.manual_section.empty() &&
        link.section.substr(0, 1) != page.manual_section.substr(0, 1))
      continue;
    // A page is installed under its file's name too (EVP_aes.pod lists
    // only EVP_aes_128_cbc... in NAME, yet EVP_aes(3) is its page).
    if (page.title == link.target || page_stem(page.source) == link.target) return true;
    if (std::find(page.names.begin(), page.names.end(), link.target) != page.names.end()) return true;
  }
  return false;
}

std::vector<model::Link> all_links(const model::Page& page) {
  std::vector<model::Link> out;
  std::set<std::tuple<std::string, std::string, int>> seen;
  auto add = [&](const model::Link& k) {
    if (k.external || k.target.empty()) return;
    if (seen.emplace(k.target, k.section, k.loc.line).second) out.push_back(k);
  };
  for (const auto& s : page.sections)
    for (const auto& b : s.blocks)
      for (const auto& k : b.links) add(k);
  for (const auto& k : page.see_also) add(k);
  std::stable_sort(out.begin(), out.end(),
                   [](const model::Link& a, const model::Link& b) { return a.loc.line < b.loc.line; });
  return out;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

bool all_letters(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// A word stripped of the punctuation around it: "1.1.1." → "1.1.1".
std::string bare(const std::string& raw) {
  std::size_t begin = 0, end = raw.size();
  while (begin < end && std::ispunct(static_cast<unsigned char>(raw[begin]))) ++begin;
  while (end > begin && std::ispunct(static_cast<unsigned char>(raw[end - 1]))) --end;
  return raw.substr(begin, end - begin);
}

// A release as a HISTORY line should write it: "OpenSSL 1.1.1" before 3.0
// (with an optional letter), "OpenSSL 3.0" from 3.0 on. Words such as
// "TLSv1.3" are not releases.
std::optional<std::string> release_form_problem(const std::string& sentence) {
  static const std::regex version(R"(v?(\d+)\.(\d+)(\.\d+)?[a-z]?)");
  const auto words = words_of(sentence);
  bool any = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string number = bare(words[i]);
    std::smatch m;
    if (!std::regex_match(number, m, version)) continue;
    any = true;
    // SSLeay, OpenSSL's predecessor, named its own releases.
    if (i > 0 && bare(words[i - 1]) == "SSLeay") continue;
    if (i == 0 || bare(words[i - 1]) != "OpenSSL")
      return "release " + number + " is not written as \"OpenSSL " + number + "\"";
    const long long major = model::parse_integer(m.str(1)).value_or(0);
    if (major < 3 && !m[3].matched)
      return "release \"OpenSSL " + number + "\" lacks its third component (e.g. OpenSSL 1.1.0)";
    if (major >= 3 && m[3].matched)
      return "release \"OpenSSL " + number + "\" should be written \"OpenSSL " + m.str(1) + "." + m.str(2) + "\"";
  }
  if (!any) return std::string("HISTORY line names no release");
  return std::nullopt;
}

}  // namespace

bool mentions(const std::string& text, const std::string& function) {
  if (function.empty()) return false;
  for (auto pos = text.find(function); pos != std::string::npos; pos = text.find(function, pos + 1)) {
    const bool starts = pos == 0 || !is_identifier_char(text[pos - 1]);
    const auto after = pos + function.size();
    const bool ends = after == text.size() || !is_identifier_char(text[after]);
    if (starts && ends) return true;
  }
  return false;
}

std::vector<Finding> check_required_sections(const model::Page& page, const LintOptions& options) {
  std::vector<Finding> out;
  const bool function_page = page.manual_section == "3" || !page.synopsis.prototypes.empty();
  // A SYNOPSIS of types only (OSSL_ALGORITHM, OSSL_PARAM) has no return value to give.
  const bool declares_functions = !page.synopsis.prototypes.empty() || find_head1(page, "SYNOPSIS") == nullptr;
  for (const auto& alternatives : function_page ? options.required_sections : options.required_sections_overview) {
    if (!declares_functions && alternatives.front() == "RETURN VALUES") continue;
    const bool present = std::any_of(alternatives.begin(), alternatives.end(),
                                     [&](const std::string& t) { return find_head1(page, t) != nullptr; });
    if (present) continue;
    std::string names = alternatives.front();
    for (std::size_t i = 1; i < alternatives.size(); ++i) names += " or " + alternatives[i];
    out.push_back(make({page.source, 1}, Severity::error, "section-missing",
                       "required section " + names + " is missing"));
  }
  return out;
}

std::vector<Finding> check_section_order(const model::Page& page) {
  std::vector<Finding> out;
  const model::Section* highest = nullptr;
  int highest_rank = -1;
  for (const auto* s : head1_sections(page)) {
    const auto rank = section_rank(s->title);
    if (!rank) continue;
    if (*rank < highest_rank)
      out.push_back(make(s->loc, Severity::warning, "section-order",
                         "section " + upper(s->title) + " should come before " + upper(highest->title)));
    else {
      highest_rank = *rank;
      highest = s;
    }
  }
  return out;
}

std::vector<SynopsisSymbol> synopsis_symbols(const model::Page& page) {
  std::vector<SynopsisSymbol> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& name, const model::SourceLocation& loc) {
    if (name.empty() || is_template_name(page, name) || !seen.insert(name).second) return;
    out.push_back({name, loc});
  };
  for (const auto& p : page.synopsis.prototypes)
    if (!p.generic && !c_word(p.name)) add(p.name, p.loc);
  for (const auto* synopsis : synopsis_sections(page))
    for (const auto& b : synopsis->blocks) {
      if (b.kind != model::Block::Kind::verbatim) continue;
      int line = b.loc.line;
      for (const auto& text : split_lines(b.text)) {
        if (const auto name = line_symbol(text)) add(*name, {b.loc.file, line});
        ++line;
      }
    }
  std::stable_sort(out.begin(), out.end(),
                   [](const SynopsisSymbol& a, const SynopsisSymbol& b) { return a.loc.line < b.loc.line; });
  return out;
}

namespace {

std::string synopsis_text(const model::Page& page) {
  std::string out;
  for (const auto* section : synopsis_sections(page))
    for (const auto& b : section->blocks) out += b.text + "\n";
  return out;
}

// "OSSL_TRACE5" when SYNOPSIS shows OSSL_TRACE2 ... OSSL_TRACE9: a numbered
// series the SYNOPSIS elides with "...".
bool within_elided_series(const std::string& name, const std::vector<SynopsisSymbol>& symbols) {
  auto split = [](const std::string& n) {
    std::size_t digits = n.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(n[digits - 1]))) --digits;
    const auto number = digits < n.size() ? model::parse_integer(n.substr(digits)) : std::nullopt;
    return std::make_pair(n.substr(0, digits), number);
  };
  const auto [stem, number] = split(name);
  if (!number) return false;
  bool below = false, above = false;
  for (const auto& s : symbols) {
    const auto [other_stem, other] = split(s.name);
    if (other_stem != stem || !other) continue;
    below = below || *other < *number;
    above = above || *other > *number;
  }
  return below && above;
}

}  // namespace

std::vector<Finding> check_name_matches_synopsis(const model::Page& page) {
  std::vector<Finding> out;
  // A SYNOPSIS marked generic gives samples or templates for NAME's real
  // names; OpenSSL does not match the two on such pages.
  if (page.synopsis.generic || page.names.empty() || find_head1(page, "SYNOPSIS") == nullptr) return out;
  // Renderings (roff, HTML, text) drop POD's "=for openssl generic"; in
  // OpenSSL's manual a page whose SYNOPSIS uses templates is such a page.
  const bool has_templates = std::any_of(page.synopsis.prototypes.begin(), page.synopsis.prototypes.end(),
                                         [](const model::Prototype& p) { return p.generic; });
  if (has_templates && page.format != model::PageFormat::pod) return out;
  const auto symbols = synopsis_symbols(page);
  if (symbols.empty() && page.synopsis.prototypes.empty()) return out;  // a prose SYNOPSIS
  std::vector<std::regex> templates;
  for (const auto& p : page.synopsis.prototypes)
    if (p.generic) templates.push_back(template_pattern(p.name, page.synopsis.placeholders));
  const bool elides = synopsis_text(page).find("...") != std::string::npos;
  auto declared = [&](const std::string& name) {
    if (elides && within_elided_series(name, symbols)) return true;
    if (std::any_of(symbols.begin(), symbols.end(), [&](const SynopsisSymbol& s) { return s.name == name; }))
      return true;
    if (is_template_name(page, name)) return true;
    return std::any_of(templates.begin(), templates.end(),
                       [&](const std::regex& t) { return std::regex_match(name, t); });
  };
  const auto names = listed_names(page);
  for (const auto& name : names)
    if (!declared(name))
      out.push_back(make(page.name_loc, Severity::error, "name-without-synopsis",
                         "NAME lists " + name + " but SYNOPSIS does not declare it", name));
  for (const auto& symbol : symbols)
    if (std::find(names.begin(), names.end(), symbol.name) == names.end())
      out.push_back(make(symbol.loc, Severity::error, "synopsis-without-name",
                         "SYNOPSIS declares " + symbol.name + " but NAME does not list it", symbol.name));
  return out;
}

namespace {

// Where outside RETURN VALUES the page says what `function` returns: the
// first sentence of DESCRIPTION or NOTES naming it with a form of "return".
std::optional<model::SourceLocation> return_stated_elsewhere(const model::Page& page, const std::string& function) {
  for (const char* title : {"DESCRIPTION", "NOTES"})
    if (const auto* section = find_head1(page, title))
      for (const auto& [text, loc] : statements(*section))
        if (mentions(text, function) && lower(text).find("return") != std::string::npos) return loc;
  return std::nullopt;
}

}  // namespace

namespace {

// A SYNOPSIS line without its comments: "/* called at new */" and "//" rest.
std::string without_comments(std::string line) {
  for (auto open = line.find("/*"); open != std::string::npos; open = line.find("/*")) {
    const auto close = line.find("*/", open + 2);
    line.erase(open, close == std::string::npos ? std::string::npos : close + 2 - open);
  }
  const auto slashes = line.find("//");
  return slashes == std::string::npos ? line : line.substr(0, slashes);
}

}  // namespace

std::vector<Finding> check_synopsis_syntax(const model::Page& page) {
  std::vector<Finding> out;
  for (const auto* section : synopsis_sections(page))
    for (const auto& b : section->blocks) {
      if (b.kind != model::Block::Kind::verbatim) continue;
      int depth = 0, start = 0, line = b.loc.line;
      auto close_declaration = [&] {
        if (depth != 0)
          out.push_back(make({b.loc.file, start}, Severity::error, "synopsis-syntax",
                             "SYNOPSIS declaration has unbalanced parentheses (" +
                                 std::to_string(depth > 0 ? depth : -depth) + " too many " +
                                 (depth > 0 ? "\"(\")" : "\")\")")));
        depth = 0;
        start = 0;
      };
      for (const auto& raw : split_lines(b.text)) {
        const std::string text = without_comments(raw);
        const auto first = text.find_first_not_of(" \t");
        if (first != std::string::npos && text[first] != '#') {
          for (char c : text) {
            if (start == 0 && !std::isspace(static_cast<unsigned char>(c))) start = line;
            if (c == '(') ++depth;
            if (c == ')') --depth;
            if (c == ';') close_declaration();
          }
        }
        ++line;
      }
      if (start != 0 && depth != 0) close_declaration();
    }
  // A warning: older OpenSSL pages leave the ';' out of whole blocks of
  // macro-like declarations; the declarations themselves are read fine.
  for (const auto& p : page.synopsis.prototypes)
    if (p.unterminated)
      out.push_back(make(p.loc, Severity::warning, "synopsis-syntax",
                         "SYNOPSIS declaration of " + p.name + " lacks its ';' (the next declaration follows it)",
                         p.name));
  return out;
}

std::vector<Finding> check_return_values(const model::Page& page) {
  std::vector<Finding> out;
  const auto* section = find_head1(page, "RETURN VALUES");
  if (section == nullptr) return out;  // section-missing reports the page
  const auto declared = synopsis_functions(page);
  bool generic = false;  // a statement naming no function speaks for all of them
  std::set<std::string> covered;
  for (const auto& [text, loc] : statements(*section)) {
    if (!names_any(text, declared)) generic = true;
    for (const auto& f : declared)
      if (mentions(text, f)) covered.insert(f);
  }
  if (generic) return out;
  for (const auto& p : page.synopsis.prototypes) {
    if (p.generic || p.return_type.empty() || returns_void(p) || covered.count(p.name)) continue;
    const std::string message = p.name + " returns " + p.return_type + " but RETURN VALUES does not say what";
    // A warning either way: pages state returns for groups ("and the
    // equivalent SHA256 functions"), which no reading of names can check.
    const auto elsewhere = return_stated_elsewhere(page, p.name);
    out.push_back(make(p.loc, Severity::warning, "return-value-undocumented",
                       message + (elsewhere ? " (only line " + std::to_string(elsewhere->line) +
                                                  " outside RETURN VALUES does)"
                                            : ", nor does any other section"),
                       p.name));
  }
  return out;
}

namespace {

// The integer a return claim expects for one outcome, as text ("1", "0",
// "nonzero"), or "" when the claim gives none.
std::string expected(const claims::Claim& c, const char* outcome) {
  if (!c.checkable || !c.params.contains(outcome)) return "";
  const auto& v = c.params.at(outcome);
  return v.is_string() ? v.get<std::string>() : v.dump();
}

int line_of(const std::string& source) {
  const auto colon = source.rfind(':');
  return colon == std::string::npos ? 0 : static_cast<int>(model::parse_integer(source.substr(colon + 1)).value_or(0));
}

// "1" and "nonzero" can both be true of one value; only two values no
// single integer satisfies contradict each other.
bool incompatible(const std::string& a, const std::string& b) {
  auto integer = [](const std::string& v) { return model::parse_integer(v); };
  const auto x = integer(a), y = integer(b);
  if (x && y) return *x != *y;
  const auto& word = x ? b : a;
  const long long number = x ? *x : y ? *y : 0;
  if (!x && !y) return (a == "negative" && (b == "positive" || b == "nonnegative")) ||
                       (b == "negative" && (a == "positive" || a == "nonnegative"));
  if (word == "nonzero") return number == 0;
  if (word == "positive") return number <= 0;
  if (word == "nonnegative") return number < 0;
  if (word == "negative") return number >= 0;
  if (word == "nonpositive") return number > 0;
  return false;
}

}  // namespace

std::vector<Finding> check_return_contradictions(const model::Page& page) {
  std::vector<Finding> out;
  if (find_head1(page, "RETURN VALUES") == nullptr || find_head1(page, "DESCRIPTION") == nullptr) return out;
  const auto catalogue = claims::extract({page});
  std::vector<const claims::Claim*> described, returned;
  const auto declared = synopsis_functions(page);
  // Only a statement about one function of the page is compared: "X() is
  // like Y() except that it returns 1" speaks of X, whatever names Y.
  auto about_one = [&](const claims::Claim& c) {
    return std::count_if(declared.begin(), declared.end(),
                         [&](const std::string& f) { return mentions(c.text, f); }) == 1 &&
           mentions(c.text, c.functions.front());
  };
  for (const auto& c : catalogue.claims) {
    if (c.kind != "returns-int" || c.functions.empty() || !about_one(c)) continue;
    if (c.section == "DESCRIPTION") described.push_back(&c);
    if (c.section.rfind("RETURN VALUE", 0) == 0) returned.push_back(&c);
  }
  std::set<std::string> reported;
  for (const auto* r : returned)
    for (const auto* d : described) {
      if (r->functions.front() != d->functions.front()) continue;
      for (const char* outcome : {"success", "failure"}) {
        const std::string rv = expected(*r, outcome), dv = expected(*d, outcome);
        if (rv.empty() || dv.empty() || !incompatible(rv, dv)) continue;
        const std::string subject = r->functions.front() + " " + outcome;
        if (!reported.insert(subject).second) continue;
        out.push_back(make({page.source, line_of(r->source)}, Severity::error, "return-value-contradiction",
                           "RETURN VALUES gives " + r->functions.front() + " " + rv + " on " + outcome +
                               " but DESCRIPTION (line " + std::to_string(line_of(d->source)) + ") gives " + dv,
                           subject));
      }
    }
  return out;
}

namespace {

std::string section_digit(const std::string& section) {
  return section.empty() ? section : section.substr(0, 1);
}

bool declared_foreign(const model::Page& page, const model::Link& link) {
  return std::find(page.foreign_pages.begin(), page.foreign_pages.end(), page_ref(link.target, link.section)) !=
         page.foreign_pages.end();
}

// True when the documents hold pages of the link's manual section, so a
// missing target is a missing page of this manual, not one of another.
bool section_held(const std::vector<model::Page>& doc_set, const std::string& section) {
  if (section.empty()) return true;
  return std::any_of(doc_set.begin(), doc_set.end(),
                     [&](const model::Page& p) { return section_digit(p.manual_section) == section_digit(section); });
}

}  // namespace

namespace {

// "EVP_" of "EVP_aes(3)"; empty for names without "_" (bio, crypt).
std::string name_prefix(const std::string& name) {
  const auto underscore = name.find('_');
  return underscore == std::string::npos || underscore == 0 ? "" : name.substr(0, underscore + 1);
}

// True when some page of the documents has a name with the same prefix:
// the target is named like this manual's pages, not like another manual's
// (the C library's crypt(3), pthread_atfork(3)).
bool named_like_the_documents(const std::string& target, const std::vector<model::Page>& doc_set) {
  const std::string prefix = name_prefix(target);
  if (prefix.empty()) return false;
  for (const auto& p : doc_set)
    for (const auto& n : p.names)
      if (n.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

bool is_heading_of(const model::Page& page, const std::string& target) {
  return std::any_of(page.sections.begin(), page.sections.end(),
                     [&](const model::Section& s) { return upper(s.title) == upper(target); });
}

}  // namespace

namespace {

// L<SSL_free> for L<SSL_free(3)>: pod2man and pod2html make no manual page
// link of it. The fix is certain when one manual section holds the page,
// unless that page is a command and the link is not from a command's page:
// command names are also words of the prose ("see the L<dsa> page" in a
// library page need not mean the dsa command).
std::optional<Finding> section_missing(const model::Page& page, const model::Link& link,
                                       const std::vector<model::Page>& doc_set, const KnownPages& known) {
  if (link.target.find_first_of(" /\"") != std::string::npos || !link.fragment.empty()) return std::nullopt;
  std::set<std::string> sections;
  for (const auto& p : doc_set)
    if (p.title == link.target || page_stem(p.source) == link.target ||
        std::find(p.names.begin(), p.names.end(), link.target) != p.names.end())
      sections.insert(section_digit(p.manual_section));
  for (const auto& s : known.sections_of(link.target)) sections.insert(section_digit(s));
  sections.erase("");
  if (sections.empty()) return std::nullopt;
  auto f = make(link.loc, Severity::warning, "link-section-missing",
                "link to " + link.target + " names no manual section" +
                    (sections.size() == 1 ? " (" + link.target + "(" + *sections.begin() + "))" : ""),
                link.target);
  const bool command_from_elsewhere = *sections.begin() == "1" && section_digit(page.manual_section) != "1";
  if (sections.size() == 1 && !command_from_elsewhere) f.fix = link.target + "(" + *sections.begin() + ")";
  return f;
}

}  // namespace

std::vector<Finding> check_links(const model::Page& page, const std::vector<model::Page>& doc_set,
                                 const KnownPages& known) {
  std::vector<Finding> out;
  for (const auto& link : all_links(page)) {
    const std::string digit = section_digit(link.section);
    if (digit == "0") continue;  // "time(0)": a call in the prose, no manual section
    if (in_doc_set(link, doc_set) || known.has(link.target, link.section) ||
        (digit != link.section && known.has(link.target, digit)) || declared_foreign(page, link)) {
      if (link.section.empty())
        if (auto f = section_missing(page, link, doc_set, known)) out.push_back(std::move(*f));
      continue;
    }
    const std::string ref = page_ref(link.target, link.section);
    auto elsewhere = known.sections_of(link.target);
    for (const auto& p : doc_set)
      if (p.title == link.target || std::find(p.names.begin(), p.names.end(), link.target) != p.names.end())
        elsewhere.insert(elsewhere.begin(), p.manual_section);
    const std::string missing = "link target " + ref + " is neither a page of these documents nor a known page";
    const bool ours = named_like_the_documents(link.target, doc_set);
    const bool elsewhere_ours = ours || known.in_package_manual(link.target) ||
                                std::any_of(doc_set.begin(), doc_set.end(), [&](const model::Page& p) {
                                  return std::find(p.names.begin(), p.names.end(), link.target) != p.names.end();
                                });
    if (!elsewhere.empty()) {
      // In another section: a wrong section number. Another manual's page
      // (send(3) for send(2)) is for a maintainer to look at, not a broken link.
      out.push_back(make(link.loc, elsewhere_ours ? Severity::error : Severity::warning, "link-unresolved",
                         missing + " (" + page_ref(link.target, elsewhere.front()) + " exists)", ref));
    } else if (link.section.empty() && is_heading_of(page, link.target)) {
      // POD formatters still read L<Two Words> as the old spelling of a
      // section link; L<NOTES> is a link to a page named NOTES.
      const bool old_spelling = link.target.find(' ') != std::string::npos;
      auto f = make(link.loc, old_spelling ? Severity::warning : Severity::error, "link-unresolved",
                    "link target " + ref + " is written as a page, but names a section of this page"
                        " (a section link is L</" + link.target + ">)",
                    ref);
      if (!old_spelling) f.fix = "/" + link.target;
      out.push_back(std::move(f));
    } else if (ours && section_held(doc_set, link.section)) {
      out.push_back(make(link.loc, Severity::error, "link-unresolved", missing, ref));
    } else if (section_held(doc_set, link.section) || known.has_section(digit)) {
      // Named like no page here: a page of another manual (a command, the C
      // library) not installed here, or one to declare as foreign.
      out.push_back(make(link.loc, Severity::warning, "link-unresolved",
                         missing + "; if it belongs to another manual, declare it foreign", ref));
    }
    // Otherwise nothing of that section is known: the link cannot be judged.
  }
  return out;
}

namespace {

// True when byte `offset` of a sentence lies inside one of its marks.
bool marked(const model::Sentence& s, std::size_t offset) {
  return std::any_of(s.marks.begin(), s.marks.end(), [&](const model::Mark& m) {
    return offset >= m.offset && offset < m.offset + m.text.size();
  });
}

struct Repetition {
  std::string word;
  bool english = false;  // "that that", "had had", "etc etc": may be meant
};

// The first word repeated outside markup in `text`: a word inside B<>, I<>,
// C<> (a name, an argument, a placeholder) repeats no prose ("of type
// I<type>", "the B<key> key"). A punctuation mark between the two breaks
// the repetition ("that. That").
std::optional<Repetition> repeated_outside_markup(const std::string& text, const model::Sentence* sentence) {
  std::string previous;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    std::size_t end = pos;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    if (end == pos) break;
    const std::string raw = text.substr(pos, end - pos);
    std::size_t begin = 0, stop = raw.size();
    while (begin < stop && !std::isalnum(static_cast<unsigned char>(raw[begin]))) ++begin;
    while (stop > begin && !std::isalnum(static_cast<unsigned char>(raw[stop - 1]))) --stop;
    const std::string word = lower(raw.substr(begin, stop - begin));
    const bool in_markup = sentence != nullptr && marked(*sentence, pos + begin);
    const bool plain = !in_markup && all_letters(word);
    if (plain && begin == 0 && word == previous)
      return Repetition{word, word == "that" || word == "had" || word == "etc"};
    // "-purpose purpose" is an option and its argument, not prose.
    const bool option = raw.find('-') < begin;
    previous = (plain && stop == raw.size() && !option) ? word : "";
    pos = end;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Finding> check_repeated_words(const model::Page& page) {
  std::vector<Finding> out;
  auto check = [&](const std::string& text, model::SourceLocation loc, const model::Sentence* sentence) {
    const auto r = repeated_outside_markup(text, sentence);
    if (!r) return;
    // A sentence spreads over lines: name the line the second word is on.
    if (page.format == model::PageFormat::pod) loc.line = repeated_word_line(loc.file, loc.line, r->word);
    auto f = make(loc, r->english ? Severity::warning : Severity::error, "repeated-word",
                  "repeated word \"" + r->word + " " + r->word + "\"" + (r->english ? " (sometimes meant)" : ""),
                  r->word);
    if (!r->english) f.fix = r->word;
    out.push_back(std::move(f));
  };
  check(page.purpose, page.name_loc, nullptr);
  for (const auto& s : page.sections)
    for (const auto& b : s.blocks) {
      if (b.kind == model::Block::Kind::verbatim) continue;
      // Item labels are terms ("B<-iv> I<iv>") whose markup the model
      // does not keep: they are not prose.
      for (const auto& se : b.sentences) check(se.text, se.loc, &se);
      if (b.sentences.empty() && !b.text.empty()) check(b.text, b.loc, nullptr);
    }
  return out;
}

std::vector<Finding> check_history(const model::Page& page) {
  std::vector<Finding> out;
  std::vector<std::pair<std::string, model::SourceLocation>> lines;
  if (const auto* section = find_head1(page, "HISTORY"))
    lines = statements(*section);
  else
    for (const auto& h : page.history) lines.emplace_back(h.text, h.loc);
  for (const auto& [text, loc] : lines)
    if (const auto problem = release_form_problem(text))
      out.push_back(make(loc, Severity::warning, "history-release", *problem));
  return out;
}

std::vector<Finding> check_against_header(const model::Page& page, const HeaderIndex& header,
                                          const std::string& header_name) {
  std::vector<Finding> out;
  for (const auto& p : page.synopsis.prototypes) {
    if (p.generic || p.macro) continue;
    const auto c = compare(p, header);
    if (c.agreement != Agreement::different || !c.declaration) continue;
    std::string reasons;
    for (const auto& r : c.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
    // An error when the header gives the certain correction (the page lacks
    // a '*', a 'const' or a parameter's type: `lint --patch` writes it); any
    // other difference is to be looked at: the header is read by a small
    // declarator parser, and types such as STACK_OF(X) or BN_ULONG differ in
    // spelling only.
    const bool certain = completable(p, *c.declaration, header);
    out.push_back(make(p.loc, certain ? Severity::error : Severity::warning, "synopsis-header",
                       "SYNOPSIS declares " + p.name + " unlike the " + header_name + " header (" + reasons +
                           "): header has " + c.declaration->text,
                       p.name));
  }
  return out;
}

std::string page_stem(const std::string& source) {
  std::string name = source.substr(source.find_last_of('/') + 1);
  for (const char* compressed : {".gz", ".bz2", ".xz", ".zst"}) {
    const std::string suffix = compressed;
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      name.resize(name.size() - suffix.size());
  }
  const auto dot = name.find('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

std::vector<Finding> lint(const std::vector<model::Page>& pages, const LintOptions& options) {
  std::vector<Finding> out;
  for (const auto& page : pages) {
    std::vector<Finding> findings = check_required_sections(page, options);
    for (auto rule : {check_section_order, check_name_matches_synopsis, check_synopsis_syntax, check_return_values,
                      check_return_contradictions, check_repeated_words, check_history}) {
      auto more = rule(page);
      findings.insert(findings.end(), more.begin(), more.end());
    }
    auto links = check_links(page, pages, options.known_pages);
    findings.insert(findings.end(), links.begin(), links.end());
    if (page.format == model::PageFormat::pod) {
      auto commands = check_command_paragraphs(page.source);
      findings.insert(findings.end(), commands.begin(), commands.end());
    }
    if (options.header != nullptr) {
      auto header = check_against_header(page, *options.header, options.header_name);
      findings.insert(findings.end(), header.begin(), header.end());
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.loc.line < b.loc.line; });
    // One finding per line and message: a link written twice in one
    // paragraph, or a symbol met both as prototype and as line, is one defect.
    std::set<std::string> shown;
    for (auto& f : findings)
      if (shown.insert(f.str()).second) out.push_back(std::move(f));
  }
  return out;
}

std::vector<AcceptedException> read_accepted(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw model::InputError({path, 0}, "cannot read the accepted-exceptions file");
  std::vector<AcceptedException> out;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::vector<std::string> fields;
    for (std::string w; words >> w;) fields.push_back(w);
    if (fields.empty()) continue;
    if (fields.size() < 2 || fields.size() > 3)
      throw model::InputError({path, line_no}, "an accepted exception is \"CHECK PAGE [SUBJECT]\"");
    out.push_back({fields[0], fields[1], fields.size() == 3 ? fields[2] : "*", {path, line_no}});
  }
  return out;
}

namespace {

bool accepts(const AcceptedException& e, const Finding& f) {
  return e.check == f.check && (e.page == "*" || e.page == page_stem(f.loc.file)) &&
         (e.subject == "*" || e.subject == f.subject);
}

}  // namespace

Acceptance apply_accepted(const std::vector<Finding>& findings, const std::vector<AcceptedException>& entries) {
  Acceptance out;
  std::vector<bool> used(entries.size(), false);
  for (const auto& f : findings) {
    bool accepted = false;
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (accepts(entries[i], f)) accepted = used[i] = true;
    if (accepted) ++out.accepted;
    else out.kept.push_back(f);
  }
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (!used[i])
      out.kept.push_back(make(entries[i].loc, Severity::warning, "accepted-unused",
                              "accepted exception " + entries[i].check + " " + entries[i].page + " " +
                                  entries[i].subject + " matches no finding",
                              entries[i].check));
  return out;
}

}  // namespace sslconf::crosscheck
