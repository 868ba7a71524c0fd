// read_page / read_docs: choose the format, load (gzip or not), dispatch.
#include "reader/reader.hpp"

#include "model/diagnostic.hpp"
#include "platform/process.hpp"
#include "reader/formats.hpp"
#include "reader/pandoc_reader.hpp"
#include "reader/text_util.hpp"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <thread>
#include "model/regex.hpp"

namespace sslconf::reader {

namespace fs = std::filesystem;
using model::InputError;
using model::PageFormat;

namespace {

// The bytes of a regular file, read in one piece.
std::string slurp(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);  // fails for anything but a regular file
  if (ec) throw InputError({path, 0}, "cannot read file: no such regular file");
  std::ifstream in(path, std::ios::binary);
  std::string out(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(out.data(), static_cast<std::streamsize>(out.size())))
    throw InputError({path, 0}, "cannot open file");
  return out;
}

bool gzip_compressed(const std::string& bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// Every gzip member of `bytes`, decompressed one after the other.
std::string gunzip(const std::string& bytes, const std::string& path) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw InputError({path, 0}, "cannot decompress: out of memory");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[65536];
  int rc = Z_OK;
  const auto member_follows = [&z] { return z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b; };
  while (rc != Z_STREAM_END || member_follows()) {  // what follows the last member is ignored, as gzread does
    if (rc == Z_STREAM_END) inflateReset(&z);
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {  // the input ends inside a member
      rc = Z_DATA_ERROR;
      z.msg = const_cast<char*>("unexpected end of file");
      break;
    }
  }
  const std::string why = z.msg ? z.msg : "corrupt data";
  inflateEnd(&z);
  if (rc != Z_STREAM_END) throw InputError({path, 0}, "cannot decompress: " + why);
  return out;
}

// Reads a file, transparently decompressing gzip (whatever its name).
std::string load(const std::string& path) {
  std::string bytes = slurp(path);
  return gzip_compressed(bytes) ? gunzip(bytes, path) : bytes;
}

std::string without_gz(const std::string& path) {
  return path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0 ? path.substr(0, path.size() - 3) : path;
}

std::string extension(const std::string& path) {
  const std::string base = without_gz(path).substr(path.find_last_of('/') + 1);
  const auto dot = base.rfind('.');
  return dot == std::string::npos ? "" : base.substr(dot + 1);
}

// "3", "3ssl": a section digit and letters (asked of every file listed).
bool roff_extension(const std::string& ext) {
  if (ext.empty() || ext[0] < '0' || ext[0] > '9') return false;
  return std::all_of(ext.begin() + 1, ext.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The format a name announces, or nothing (.txt, no suffix): sniff then.
std::optional<PageFormat> format_by_name(const std::string& path) {
  const std::string ext = extension(path);
  if (ext == "pod") return PageFormat::pod;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return PageFormat::html;
  if (ext == "md" || ext == "markdown") return PageFormat::markdown;
  if (roff_extension(ext)) return PageFormat::man;
  return std::nullopt;
}

bool readable_name(const std::string& path) {
  const std::string ext = extension(path);
  return format_by_name(path) || ext == "txt";
}

// "doc/man7/ssl.pod" is in section 7; "SSL_free.3ssl" in section 3.
std::string manual_section_of(const std::string& path) {
  static const Regex kDir(R"((^|/)man(\d)[^/]*/[^/]*$)");
  std::smatch m;
  const std::string ext = extension(path);
  if (roff_extension(ext)) return ext.substr(0, 1);
  if (std::regex_search(path, m, kDir)) return m[2];
  return "3";
}

struct Loaded {
  std::string path;
  std::string content;
  PageFormat format = PageFormat::text;
};

Loaded load_page(const std::string& path) {
  Loaded l{path, load(path)};
  // Not value_or(sniff_format(...)): that would sniff every page, named or not.
  const auto named = format_by_name(path);
  l.format = named ? *named : sniff_format(l.content);
  // The POD reader checks the text itself, after converting a page that
  // declares Latin-1 (whose bytes are not UTF-8 before that).
  if (l.format != PageFormat::pod) check_text(l.content, path);
  return l;
}

// SSLCONF_ROFF_READER=pandoc sends pod2man's pages through pandoc as well,
// so that both readings of a manual can be compared.
bool roff_through_pandoc() {
  static const bool forced = [] {
    const char* v = std::getenv("SSLCONF_ROFF_READER");
    return v && std::string(v) == "pandoc";
  }();
  return forced;
}

// The page read by a reader of our own, or nothing when pandoc must read it
// (HTML, Markdown, roff that pod2man did not write).
std::optional<model::Page> read_native(const Loaded& l) {
  if (l.format == PageFormat::man) {
    if (roff_through_pandoc()) return std::nullopt;
    auto doc = read_pod2man(l.content, l.path);
    if (!doc) return std::nullopt;
    return assemble(*doc);
  }
  if (l.format != PageFormat::pod && l.format != PageFormat::text) return std::nullopt;
  RawDocument doc = l.format == PageFormat::pod ? read_pod(l.content, l.path) : read_text(l.content, l.path);
  doc.manual_section = manual_section_of(l.path);
  return assemble(doc);
}

void relocate(model::Page& p, const std::string& file) {
  auto fix = [&](model::SourceLocation& l) { l.file = file; };
  p.source = file;
  fix(p.name_loc);
  fix(p.synopsis.loc);
  for (auto& pr : p.synopsis.prototypes) fix(pr.loc);
  for (auto& s : p.sections) {
    fix(s.loc);
    for (auto& b : s.blocks) {
      fix(b.loc);
      for (auto& se : b.sentences) fix(se.loc);
      for (auto& k : b.links) fix(k.loc);
    }
  }
  for (auto& k : p.see_also) fix(k.loc);
  for (auto& h : p.history) fix(h.loc);
}

void collect(const std::string& arg, std::vector<std::string>& files) {
  std::error_code ec;
  const fs::file_status status = fs::status(arg, ec);  // one stat() for both questions
  if (!fs::exists(status)) throw InputError({arg, 0}, "no such file or directory");
  if (!fs::is_directory(status)) {
    files.push_back(arg);
    return;
  }
  for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::follow_directory_symlink, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string p = it->path().string();
    if (it->is_regular_file(ec) && readable_name(p)) files.push_back(p);
  }
  if (ec) throw InputError({arg, 0}, "cannot list directory: " + ec.message());
}

// The current exception as an InputError naming the file, so that every
// failure reaches the user as one "file:line: error: message" line.
std::exception_ptr as_input_error(const std::string& file) {
  try {
    throw;
  } catch (const InputError&) {
    return std::current_exception();
  } catch (const std::exception& e) {
    return std::make_exception_ptr(InputError({file, 0}, e.what()));
  }
}

// The error of one file as the InputError that reports it.
InputError rejection(const std::exception_ptr& error, const std::string& file) {
  try {
    std::rethrow_exception(error);
  } catch (const InputError& e) {
    return e;
  } catch (const std::exception& e) {
    return InputError({file, 0}, e.what());
  }
}

// Runs f(i, worker) for i in [0, n) on hardware_cores() threads; worker is
// the thread's number, 0 for the calling thread.
template <typename F>
void parallel_for(std::size_t n, unsigned threads, F f) {
  std::atomic<std::size_t> next{0};
  auto worker = [&](unsigned w) {
    for (std::size_t i; (i = next++) < n;) f(i, w);
  };
  std::vector<std::thread> running;
  for (unsigned w = 1; w < threads; ++w) running.emplace_back(worker, w);
  worker(0);
  for (auto& th : running) th.join();
}

unsigned threads_for(std::size_t n) {
  return std::max(1u, std::min<unsigned>(platform::hardware_cores(), static_cast<unsigned>(n)));
}

// Pages handed over by one thread and freed by the thread that read them:
// memory goes back to the allocator arena it came from, without waiting
// on that arena's lock while its own thread allocates.
class Graves {
 public:
  explicit Graves(unsigned threads) : graves_(threads) {}
  void bury(unsigned reader, model::Page&& p) {
    std::lock_guard<std::mutex> lock(graves_[reader].lock);
    graves_[reader].pages.push_back(std::move(p));
  }
  // Frees what was buried for this thread.
  void free_for(unsigned reader) {
    std::vector<model::Page> dead;
    {
      std::lock_guard<std::mutex> lock(graves_[reader].lock);
      dead.swap(graves_[reader].pages);
    }
  }

 private:
  struct Grave {
    std::mutex lock;
    std::vector<model::Page> pages;
  };
  std::vector<Grave> graves_;
};

}  // namespace

model::Page read_page(const std::string& path) {
  auto pages = read_docs({path});
  if (pages.empty()) throw InputError({path, 0}, "no manual page read");
  return std::move(pages.front());
}

void read_pages_in_order(const std::vector<std::string>& files_or_dirs, OtherNames other_names,
                         const std::function<void(model::Page&)>& take_page,
                         const std::function<void(model::InputError&&)>& take_rejection) {
  std::vector<std::string> files;
  for (const auto& a : files_or_dirs) collect(a, files);
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  const std::size_t n = files.size();

  // Symbolic (and hard) links to one page are read once: original[i] is the
  // first name of file i's page, last_name[o] the last name of page o.
  std::map<std::pair<unsigned long long, unsigned long long>, std::size_t> first_of_file;
  std::vector<std::size_t> original(n), last_name(n);
  std::vector<std::size_t> unique;
  for (std::size_t i = 0; i < n; ++i) {
    original[i] = i;
    if (const auto id = platform::file_identity(files[i])) original[i] = first_of_file.emplace(*id, i).first->second;
    if (original[i] == i) unique.push_back(i);
    last_name[original[i]] = i;
  }

  std::vector<model::Page> pages(n);
  std::vector<unsigned> reader_of(n, 0);  // the thread that read each page
  std::vector<std::exception_ptr> errors(n);
  std::vector<Loaded> loaded(n);
  const unsigned threads = threads_for(unique.size());
  Graves graves(threads);
  // Set (release) when pages[i] or errors[i] holds the page's outcome.
  const std::unique_ptr<std::atomic<bool>[]> done(new std::atomic<bool>[n]);
  for (std::size_t i = 0; i < n; ++i) done[i].store(false, std::memory_order_relaxed);

  // Hands over, in path order, every page whose outcome is known, up to the
  // first that is not. Requires `emitting`.
  std::mutex emitting;
  std::size_t next = 0;
  std::exception_ptr take_failed;  // a taker's exception, rethrown after the workers stop
  const auto emit_ready = [&] {
    for (; next < n && !take_failed; ++next) {
      const std::size_t o = original[next];
      if (!done[o].load(std::memory_order_acquire)) return;
      try {
        if (errors[o]) {
          if (o == next) take_rejection(rejection(errors[o], files[o]));  // once, under its first name
        } else if (o == next && (other_names == OtherNames::skip || last_name[o] == next)) {
          take_page(pages[o]);
          graves.bury(reader_of[o], std::move(pages[o]));
        } else if (other_names == OtherNames::copy) {
          // A further name: a copy of the page under that name; the page
          // itself is buried with its last name.
          model::Page p = pages[o];
          if (o != next) relocate(p, files[next]);
          take_page(p);
          if (last_name[o] == next) graves.bury(reader_of[o], std::move(pages[o]));
        }
      } catch (...) {
        take_failed = std::current_exception();
      }
    }
  };

  parallel_for(unique.size(), threads, [&](std::size_t k, unsigned worker) {
    graves.free_for(worker);
    const std::size_t i = unique[k];
    reader_of[i] = worker;
    bool outcome = true;
    try {
      loaded[i] = load_page(files[i]);
      if (auto page = read_native(loaded[i])) {
        pages[i] = std::move(*page);
        loaded[i] = {};  // only pandoc's pages need their text later; the next page reuses this memory
      } else {
        outcome = false;  // pandoc reads it, after this pass
      }
    } catch (...) {
      errors[i] = as_input_error(files[i]);
    }
    if (!outcome) return;
    done[i].store(true, std::memory_order_release);
    // Pages leave as soon as they are in order, so that few are held at once.
    // A worker that finds another handing pages over goes on reading.
    std::unique_lock<std::mutex> lock(emitting, std::try_to_lock);
    if (lock) emit_ready();
  });

  std::vector<PandocInput> inputs;
  std::vector<std::size_t> input_of;
  for (auto i : unique)
    if (!done[i].load(std::memory_order_acquire)) {
      inputs.push_back({files[i], std::move(loaded[i].content), loaded[i].format});
      input_of.push_back(i);
    }
  auto converted = convert_with_pandoc(inputs);
  for (std::size_t k = 0; k < converted.size(); ++k) {
    const std::size_t i = input_of[k];
    if (converted[k].error) {
      errors[i] = converted[k].error;
    } else {
      try {
        pages[i] = assemble(converted[k].doc);
        reader_of[i] = 0;  // read here, on the calling thread
      } catch (...) {
        errors[i] = as_input_error(files[i]);
      }
    }
    done[i].store(true, std::memory_order_release);
  }
  std::lock_guard<std::mutex> lock(emitting);
  emit_ready();
  if (take_failed) std::rethrow_exception(take_failed);
}

PagesRead read_pages(const std::vector<std::string>& files_or_dirs, OtherNames other_names) {
  PagesRead out;
  read_pages_in_order(
      files_or_dirs, other_names, [&out](model::Page& p) { out.pages.push_back(std::move(p)); },
      [&out](model::InputError&& e) { out.rejected.push_back(std::move(e)); });
  return out;
}

std::vector<model::Page> read_docs(const std::vector<std::string>& files_or_dirs) {
  PagesRead read = read_pages(files_or_dirs);
  if (!read.rejected.empty()) throw read.rejected.front();
  return std::move(read.pages);
}

std::size_t report_rejected(const PagesRead& read, std::ostream& err) {
  for (const auto& e : read.rejected) err << e.what() << '\n';
  return read.rejected.size();
}

}  // namespace sslconf::reader
