#include "crosscheck/lint.hpp"
#include "model/numbers.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <tuple>

namespace sslconf::crosscheck {

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

Finding make(const model::SourceLocation& loc, Severity severity, std::string check, std::string message) {
  return Finding{loc, severity, std::move(check), std::move(message)};
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

bool names_any(const std::string& text, const std::vector<std::string>& functions) {
  return std::any_of(functions.begin(), functions.end(),
                     [&](const std::string& f) { return mentions(text, f); });
}

std::string page_ref(const std::string& name, const std::string& section) {
  return section.empty() ? name : name + "(" + section + ")";
}

bool in_doc_set(const model::Link& link, const std::vector<model::Page>& doc_set) {
  for (const auto& page : doc_set) {
    if (!link.section.empty() && !page.manual_section.empty() && link.section != page.manual_section)
      continue;
    if (page.title == link.target) return true;
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

// The repeated word of `text` ("the" for "if the the count"), if any. A
// punctuation mark between the two breaks the repetition ("that. That").
std::optional<std::string> repeated_word(const std::string& text) {
  std::string previous;
  for (const auto& raw : words_of(text)) {
    std::size_t begin = 0, end = raw.size();
    while (begin < end && !std::isalnum(static_cast<unsigned char>(raw[begin]))) ++begin;
    while (end > begin && !std::isalnum(static_cast<unsigned char>(raw[end - 1]))) --end;
    const std::string word = lower(raw.substr(begin, end - begin));
    const bool leading_punct = begin > 0, trailing_punct = end < raw.size();
    if (!leading_punct && all_letters(word) && word == previous) return word;
    previous = trailing_punct || !all_letters(word) ? "" : word;
  }
  return std::nullopt;
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
  for (const auto& alternatives : function_page ? options.required_sections : options.required_sections_overview) {
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

std::vector<Finding> check_name_matches_synopsis(const model::Page& page) {
  std::vector<Finding> out;
  if (page.synopsis.prototypes.empty() || page.names.empty()) return out;  // section-missing says why
  const auto declared = synopsis_functions(page);
  for (const auto& name : page.names)
    if (std::find(declared.begin(), declared.end(), name) == declared.end())
      out.push_back(make(page.name_loc, Severity::error, "name-without-synopsis",
                         "NAME lists " + name + " but SYNOPSIS does not declare it"));
  for (const auto& p : page.synopsis.prototypes)
    if (std::find(page.names.begin(), page.names.end(), p.name) == page.names.end())
      out.push_back(make(p.loc, Severity::error, "synopsis-without-name",
                         "SYNOPSIS declares " + p.name + " but NAME does not list it"));
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
  const auto* description = find_head1(page, "DESCRIPTION");
  for (const auto& p : page.synopsis.prototypes) {
    if (p.return_type.empty() || returns_void(p) || covered.count(p.name)) continue;
    std::string message = p.name + " returns " + p.return_type + " but RETURN VALUES does not say what";
    if (description != nullptr)
      for (const auto& [text, loc] : statements(*description))
        if (mentions(text, p.name) && text.find("return") != std::string::npos) {
          message += " (only DESCRIPTION does, at line " + std::to_string(loc.line) + ")";
          break;
        }
    out.push_back(make(p.loc, Severity::error, "return-value-undocumented", message));
  }
  return out;
}

std::vector<Finding> check_links(const model::Page& page, const std::vector<model::Page>& doc_set,
                                 const KnownPages& known) {
  std::vector<Finding> out;
  for (const auto& link : all_links(page)) {
    if (in_doc_set(link, doc_set) || known.has(link.target, link.section)) continue;
    std::string message = "link target " + page_ref(link.target, link.section) +
                          " is neither a page of these documents nor a known page";
    auto elsewhere = known.sections_of(link.target);
    for (const auto& p : doc_set)
      if (p.title == link.target || std::find(p.names.begin(), p.names.end(), link.target) != p.names.end())
        elsewhere.insert(elsewhere.begin(), p.manual_section);
    if (!elsewhere.empty()) message += " (" + page_ref(link.target, elsewhere.front()) + " exists)";
    out.push_back(make(link.loc, Severity::error, "link-unresolved", message));
  }
  return out;
}

std::vector<Finding> check_repeated_words(const model::Page& page) {
  std::vector<Finding> out;
  auto check = [&](const std::string& text, const model::SourceLocation& loc) {
    if (const auto word = repeated_word(text))
      out.push_back(make(loc, Severity::warning, "repeated-word", "repeated word \"" + *word + " " + *word + "\""));
  };
  check(page.purpose, page.name_loc);
  for (const auto& s : page.sections)
    for (const auto& [text, loc] : statements(s)) check(text, loc);
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

std::vector<Finding> lint(const std::vector<model::Page>& pages, const LintOptions& options) {
  std::vector<Finding> out;
  auto append = [&out](std::vector<Finding> more) {
    std::stable_sort(more.begin(), more.end(),
                     [](const Finding& a, const Finding& b) { return a.loc.line < b.loc.line; });
    out.insert(out.end(), more.begin(), more.end());
  };
  for (const auto& page : pages) {
    std::vector<Finding> findings = check_required_sections(page, options);
    for (auto rule : {check_section_order, check_name_matches_synopsis, check_return_values,
                      check_repeated_words, check_history}) {
      auto more = rule(page);
      findings.insert(findings.end(), more.begin(), more.end());
    }
    auto links = check_links(page, pages, options.known_pages);
    findings.insert(findings.end(), links.begin(), links.end());
    append(std::move(findings));
  }
  return out;
}

}  // namespace sslconf::crosscheck
