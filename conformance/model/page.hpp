// The page model: one manual page, whatever format it was read from.
//
// Every reader (POD, pandoc-based HTML/Markdown/roff, plain text) produces
// this; claims, docs and cross-checks read only this. Every node keeps the
// file:line it came from so diagnostics and claims point back at the page.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sslconf::model {

struct SourceLocation {
  std::string file;
  int line = 0;
  std::string str() const { return file + ":" + std::to_string(line); }
};

enum class PageFormat { pod, html, markdown, man, text };

// A marked stretch of a sentence's text: inline code, a function reference
// ("SSL_free()"), an argument name (B<session>), emphasis, a link, a file.
struct Mark {
  enum class Kind { code, function, argument, emphasis, link, file };
  Kind kind = Kind::code;
  std::string text;     // the marked text as it appears in the sentence
  std::size_t offset = 0;  // byte offset into Sentence::text
};

// A cross-reference: L<name(3)>, <a href>, [name(3)](#), "name(3)" in text.
struct Link {
  std::string text;     // what the reader sees
  std::string target;   // page name ("SSL_get_session"), or URL when external
  std::string section;  // man section ("3", "7"), empty when none
  std::string fragment; // L<text|page/section> section part
  bool external = false;  // a URL
  SourceLocation loc;
};

struct Sentence {
  std::string text;  // normalised: single spaces, no markup
  std::vector<Mark> marks;
  SourceLocation loc;
};

struct Block {
  enum class Kind { paragraph, item, verbatim };
  Kind kind = Kind::paragraph;
  std::string label;  // item label: "*", "1" (numbers without a dot), or a text label such as "NULL"
  int depth = 0;      // nesting depth of =over lists
  std::string text;   // whole block text, normalised (verbatim: as written)
  std::vector<Sentence> sentences;  // empty for verbatim blocks
  std::vector<Link> links;
  SourceLocation loc;
};

struct Section {
  std::string title;  // as written, upper-cased for head1 ("RETURN VALUES")
  int level = 1;      // 1..4
  std::vector<Block> blocks;
  SourceLocation loc;
};

struct Parameter {
  std::string type;   // "const SSL_SESSION *", "int (*)(SSL *, SSL_SESSION *)"
  std::string name;   // may be empty ("void", unnamed)
  bool function_pointer = false;
};

struct Prototype {
  std::string text;         // the declaration as written, whitespace-normalised
  std::string return_type;  // "SSL_SESSION *"
  std::string name;
  std::vector<Parameter> params;  // empty for f(void)
  bool variadic = false;
  bool macro = false;       // "#define X(...)" or a declaration marked as macro
  SourceLocation loc;
  // A generic template ("TYPE *d2i_TYPE(...)"): its name holds a placeholder
  // the page stands for many real names with, so it declares no function.
  bool generic = false;
  // Written without its ';' (the next declaration began on the next line):
  // read as the declaration it plainly is, and reported by lint.
  bool unterminated = false;
};

struct Synopsis {
  std::vector<std::string> includes;  // "openssl/ssl.h"
  std::vector<Prototype> prototypes;
  std::vector<std::string> other;     // lines that are neither (typedefs, comments)
  SourceLocation loc;
  // The page marks its SYNOPSIS generic (POD "=for comment generic" or
  // "=for openssl generic"): NAME lists real names the SYNOPSIS only
  // describes by templates or by a sample, so the two are not matched.
  bool generic = false;
  // The placeholders its templates use ("TYPE" of d2i_TYPE, or a whole
  // name the page calls a placeholder, "EVP_ciphername").
  std::vector<std::string> placeholders;
};

struct HistoryLine {
  std::string text;
  std::vector<std::string> functions;  // functions the line names
  std::string release;                 // "1.1.1", "3.0"; empty if none named
  SourceLocation loc;
};

struct Page {
  std::string source;          // file path as given
  PageFormat format = PageFormat::pod;
  std::string title;           // first NAME entry, or file stem
  std::string manual_section;  // "3", "7"; from file name or .TH, default "3"
  std::vector<std::string> names;  // from NAME, in order
  std::string purpose;             // text after the dash in NAME
  SourceLocation name_loc;
  Synopsis synopsis;
  std::vector<Section> sections;   // in page order, all levels
  std::vector<Link> see_also;
  std::vector<HistoryLine> history;
  // Pages of other manuals the page declares it links to ("exit(1)"), from
  // POD "=for comment foreign manuals:" / "=for openssl foreign manual".
  std::vector<std::string> foreign_pages;

  const Section* section(const std::string& title) const {
    for (const auto& s : sections)
      if (s.title == title) return &s;
    return nullptr;
  }
};

std::string to_string(PageFormat f);
std::string to_string(Mark::Kind k);
std::string to_string(Block::Kind k);

// JSON form of the model, as printed by `sslconf read`.
nlohmann::json to_json(const Page& page);
// Indented: to_json(page).dump(2), for people; compact: dump(), for programs.
enum class JsonLayout { indented, compact };
// Appends exactly that text (invalid UTF-8 replaced) to out, without
// building the document; depth is the nesting level the page is written at
// (1 inside a top-level array), the first line not indented.
void append_json(std::string& out, const Page& page, int depth = 0, JsonLayout layout = JsonLayout::indented);
Page page_from_json(const nlohmann::json& j);

}  // namespace sslconf::model
