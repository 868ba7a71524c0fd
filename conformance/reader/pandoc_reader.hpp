// HTML, Markdown and roff pages through `pandoc -t json`.
#pragma once

#include "reader/document.hpp"

#include <nlohmann/json.hpp>

#include <exception>
#include <string>
#include <vector>

namespace sslconf::reader {

struct PandocInput {
  std::string file;      // as given, for locations
  std::string content;   // decompressed source text
  model::PageFormat format = model::PageFormat::html;
};

// Pure: pandoc's JSON AST of one page → RawDocument. The source text is
// used only to find the line each block starts on (pandoc's AST has no
// positions for these formats). Throws model::InputError on an AST of an
// unsupported pandoc-api-version.
RawDocument raw_from_pandoc(const nlohmann::json& ast, const PandocInput& input);

// Throws unless the AST's pandoc-api-version is one this reader knows.
void check_pandoc_api_version(const nlohmann::json& ast, const std::string& file);

// A roff page rewritten for pandoc's man reader, which knows man(7) but not
// pod2man's own macros and strings (defined in a preamble pandoc skips):
// verbatim blocks keep their lines, list items keep their text and their
// further paragraphs, quotes and accents are spelled out. Pure.
std::string roff_for_pandoc(const std::string& roff);

// One roff line with pod2man's thin spaces, quote and accent strings spelled out.
std::string without_pod2man_strings(const std::string& line);

// Converts the inputs with pandoc, several roff pages per pandoc run and
// runs in parallel on hardware_cores() threads. Result i belongs to input
// i; a page that fails holds its error message instead of a document.
struct PandocResult {
  RawDocument doc;
  std::exception_ptr error;  // a model::InputError, null on success
};
std::vector<PandocResult> convert_with_pandoc(const std::vector<PandocInput>& inputs);

}  // namespace sslconf::reader
