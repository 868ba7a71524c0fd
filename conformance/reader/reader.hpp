// Readers: any manual page, in any of its shapes, into the page model.
#pragma once

#include "model/page.hpp"

#include <string>
#include <vector>

namespace sslconf::reader {

// Reads one page; the format is chosen from the name (.pod, .html/.htm, .md,
// .3/.3ssl/.7... optionally .gz, .txt) and, where the name says nothing,
// from the content. Throws model::InputError ("file:line: error: ...") on
// unreadable or malformed input; never returns a partial model.
model::Page read_page(const std::string& path);

// Reads files and folders (recursively, by the suffixes above), in a stable
// order (sorted by path). Pandoc-based formats are converted in parallel.
std::vector<model::Page> read_docs(const std::vector<std::string>& files_or_dirs);

}  // namespace sslconf::reader
