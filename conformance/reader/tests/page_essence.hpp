// What must not depend on the format a page was read from, as text: names,
// purpose, prototypes, section titles, sentences, item labels, verbatim
// lines, man-page references and HISTORY lines. Line numbers and marks are
// left out (formats keep them differently); two readings of one page must
// give the same essence, and a difference shows as a line diff.
#pragma once

#include "model/page.hpp"
#include "reader/document.hpp"
#include "reader/text_util.hpp"

#include <ostream>
#include <sstream>
#include <string>

namespace sslconf::model {
// Lets Boost.Test print formats in failed comparisons.
inline std::ostream& operator<<(std::ostream& out, PageFormat f) { return out << to_string(f); }
}  // namespace sslconf::model

namespace sslconf::reader::testing {

inline void verbatim_lines(const std::string& text, std::ostringstream& out) {
  for (const auto& line : split_lines(text)) {
    const std::string t = collapse_space(line);
    if (!t.empty()) out << "    | " << t << "\n";
  }
}

inline std::string essence(const model::Page& p) {
  std::ostringstream out;
  out << "names:";
  for (const auto& n : p.names) out << " " << n;
  out << "\npurpose: " << p.purpose << "\nincludes:";
  for (const auto& i : p.synopsis.includes) out << " " << i;
  out << "\n";
  for (const auto& pr : p.synopsis.prototypes) {
    out << "prototype: " << pr.return_type << " | " << pr.name << (pr.macro ? " (macro)" : "")
        << (pr.variadic ? " (variadic)" : "") << "\n";
    for (const auto& pa : pr.params) out << "  param: " << pa.type << " | " << pa.name << "\n";
  }
  for (const auto& s : p.sections) {
    out << "section " << s.level << ": " << s.title << "\n";
    for (const auto& b : s.blocks) {
      if (b.kind == model::Block::Kind::verbatim) {
        verbatim_lines(b.text, out);
        continue;
      }
      if (b.kind == model::Block::Kind::item) out << "  item [" << b.label << "]\n";
      for (const auto& se : b.sentences) out << "  - " << se.text << "\n";
      for (const auto& l : b.links) {
        model::Link ref;
        if (!l.external && parse_man_reference(l.text, ref))
          out << "  link: " << l.target << "(" << l.section << ")\n";
      }
    }
  }
  for (const auto& h : p.history) {
    out << "history: " << h.release << " |";
    for (const auto& f : h.functions) out << " " << f;
    out << "\n";
  }
  return out.str();
}

// The first line where two essences differ, with both versions.
inline std::string first_difference(const std::string& a, const std::string& b) {
  const auto la = split_lines(a), lb = split_lines(b);
  for (std::size_t i = 0; i < std::max(la.size(), lb.size()); ++i) {
    const std::string x = i < la.size() ? la[i] : "<end>", y = i < lb.size() ? lb[i] : "<end>";
    if (x != y) return "line " + std::to_string(i + 1) + ":\n  " + x + "\n  " + y;
  }
  return "";
}

}  // namespace sslconf::reader::testing
