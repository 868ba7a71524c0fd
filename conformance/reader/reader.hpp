// Readers: any manual page, in any of its shapes, into the page model.
#pragma once

#include "model/diagnostic.hpp"
#include "model/page.hpp"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace sslconf::reader {

// Reads one page; the format is chosen from the name (.pod, .html/.htm, .md,
// .3/.3ssl/.7... optionally .gz, .txt) and, where the name says nothing,
// from the content. Throws model::InputError ("file:line: error: ...") on
// unreadable or malformed input; never returns a partial model.
model::Page read_page(const std::string& path);

// The pages of a run over many files, and the files the reader rejected:
// one bad page costs that page only.
struct PagesRead {
  std::vector<model::Page> pages;          // in path order
  std::vector<model::InputError> rejected; // one per rejected file, in path order
};

// Reads files and folders (recursively, by the suffixes above), in a stable
// order (sorted by path). Pandoc-based formats are converted in parallel.
// A file or folder that does not exist throws model::InputError (a bad
// argument, before any page is read); a page that cannot be read is listed
// in `rejected` and the others are read.
// A page reached under several names (symbolic links: the installed manual
// has thousands) is read once; `copy` also reports it under each further
// name (what `sslconf read` shows per file), `skip` only under the first, so
// that claims, cross-checks and generated documents hold each page once.
enum class OtherNames { skip, copy };
PagesRead read_pages(const std::vector<std::string>& files_or_dirs, OtherNames other_names = OtherNames::skip);

// read_pages' pages and rejections handed over one at a time, in path order,
// each as soon as it and everything before it is read. take_page may move
// the page out; what it leaves is freed here, by the thread that read it,
// so that a caller that only writes pages out holds few at once. The takers
// are never called concurrently (but may be called from a reading thread);
// an exception from one stops the handing over and is rethrown here.
void read_pages_in_order(const std::vector<std::string>& files_or_dirs, OtherNames other_names,
                         const std::function<void(model::Page&)>& take_page,
                         const std::function<void(model::InputError&&)>& take_rejection);

// read_pages for callers that need every page: throws the first rejection.
std::vector<model::Page> read_docs(const std::vector<std::string>& files_or_dirs);

// Commands' shared reporting: each rejected page as one
// "file:line: error: message" line on `err`; returns how many.
std::size_t report_rejected(const PagesRead& read, std::ostream& err);

}  // namespace sslconf::reader
