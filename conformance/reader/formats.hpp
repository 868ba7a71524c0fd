// The format readers. Each turns file content into a RawDocument (see
// document.hpp) and throws model::InputError on malformed input.
#pragma once

#include "reader/document.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace sslconf::reader {

// POD as perlpodspec describes it, as OpenSSL's pages use it.
RawDocument read_pod(std::string_view content, const std::string& file);

// Roff written by Pod::Man (pod2man), as installed manuals are, read
// without pandoc. Nothing when the page is not pod2man output or uses roff
// that pod2man does not write (pandoc reads those). Throws
// model::InputError on a pod2man page that cannot be read.
std::optional<RawDocument> read_pod2man(std::string_view content, const std::string& file);

// Plain-text renderings: HP OpenVMS book pages, `man | col -b` output.
RawDocument read_text(std::string_view content, const std::string& file);

// Rejects content that is not text: NUL bytes, control characters, bytes
// that are not UTF-8, an empty file. The error names the offending line.
void check_text(std::string_view content, const std::string& file);

// Guesses the format from the content (used for .txt and unknown names).
model::PageFormat sniff_format(std::string_view content);

}  // namespace sslconf::reader
