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

// Marks the generic templates of the page's SYNOPSIS ("TYPE *d2i_TYPE(...)",
// "int TYPE_get_ex_new_index(...)"): prototypes whose name has a component
// that is a placeholder of the page. A placeholder is an upper-case word
// that stands alone as a type or macro argument in the SYNOPSIS ("TYPE *a",
// "STACK_OF(TYPE)") and that the page shows to be a variable: the SYNOPSIS is
// marked generic, or the prose writes the word in italics (I<TYPE>), or no
// NAME entry uses it (NAME lists the real names, d2i_X509...). A real type
// such as SSL in "SSL *SSL_new(void)" is named in NAME and never italic.
// A sentence of SYNOPSIS or DESCRIPTION calling a declared name or an
// upper-case word a "placeholder" makes it one too ("EVP_ciphername").
void mark_templates(model::Page& page);

// "const SSL_SESSION*" → "const SSL_SESSION *": one spelling for types.
std::string normalise_type(std::string_view type);

}  // namespace sslconf::reader
