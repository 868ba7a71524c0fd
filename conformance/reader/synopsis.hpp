// SYNOPSIS text → includes and parsed C prototypes.
#pragma once

#include "model/page.hpp"

#include <string>
#include <string_view>

namespace sslconf::reader {

// Parses one C declaration ("int f(SSL *s, int (*cb)(SSL *));" or
// "#define X(a) ...") into a prototype. False when it is not a function or
// macro declaration (typedefs, variables, comments).
bool parse_prototype(std::string_view declaration, model::Prototype& out);

// Adds the includes, prototypes and other lines of a SYNOPSIS text block.
// Declarations are split at top-level semicolons, not at line ends, so a
// block whose line breaks were lost (pandoc flattening roff verbatim) still
// yields one prototype per declaration. first_line is the source line of
// the block's first line; each prototype gets the line it starts on.
void parse_synopsis_block(std::string_view text, const model::SourceLocation& first_line,
                          model::Synopsis& synopsis);

// "const SSL_SESSION*" → "const SSL_SESSION *": one spelling for types.
std::string normalise_type(std::string_view type);

}  // namespace sslconf::reader
