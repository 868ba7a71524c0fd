#include "writer/manual_writer.hpp"

#include "platform/process.hpp"
#include "writer/book.hpp"
#include "writer/link_index.hpp"
#include "writer/page_document.hpp"
#include "writer/pandoc_ast.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace sslconf::writer {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// One pandoc run: a document in, one output file out.
struct Job {
  std::string label;     // the page it comes from, for error messages
  std::string output;    // file to write
  std::string to;        // pandoc writer: "man" or "html5"
  std::string template_file;
  std::string input;     // the Pandoc JSON document
};

std::string utc_date(std::time_t when) {
  char text[16];
  std::tm parts{};
  gmtime_r(&when, &parts);
  std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
  return text;
}

// Reproducible builds set SOURCE_DATE_EPOCH; otherwise the man pages carry
// the day they were generated.
std::string man_date(const std::string& requested) {
  if (!requested.empty()) return requested;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) return utc_date(std::strtoll(epoch, nullptr, 10));
  return utc_date(std::time(nullptr));
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error(path.string() + ": error: cannot write");
}

std::string section_of(const model::Page& page) {
  return page.manual_section.empty() ? "3" : page.manual_section;
}

fs::path man_path(const fs::path& out, const std::string& stem, const std::string& section) {
  return out / "man" / ("man" + section) / (stem + "." + section);
}

void add_man_jobs(const std::vector<model::Page>& pages, const LinkIndex& links, const ManualOptions& o,
                  std::vector<Job>& jobs) {
  RenderContext ctx;
  ctx.format = Format::man;
  ctx.links = &links;
  ctx.date = man_date(o.date);
  for (const auto& page : pages)
    jobs.push_back({page.source, man_path(o.out_dir, page_stem(page), section_of(page)).string(), "man",
                    (fs::path(o.docs_dir) / "templates" / "page.man").string(),
                    page_document(page, ctx).dump()});
}

void add_html_jobs(const std::vector<model::Page>& pages, const LinkIndex& links, const ManualOptions& o,
                   std::vector<Job>& jobs) {
  RenderContext ctx;
  ctx.format = Format::html;
  ctx.links = &links;
  ctx.stylesheet = "sslconf.css";
  for (const auto& page : pages)
    jobs.push_back({page.source, (fs::path(o.out_dir) / "html" / (page_stem(page) + ".html")).string(), "html5",
                    (fs::path(o.docs_dir) / "templates" / "page.html").string(), page_document(page, ctx).dump()});
}

void add_book_jobs(const std::vector<model::Page>& pages, const LinkIndex& links, const ManualOptions& o,
                   std::vector<Job>& jobs) {
  const BookPlan plan = plan_book(pages, o.book_title);
  RenderContext ctx;
  ctx.format = Format::book;
  ctx.links = &links;
  ctx.stylesheet = "book.css";
  ctx.book_title = o.book_title;
  const fs::path dir = fs::path(o.out_dir) / "book";
  const std::string book_template = (fs::path(o.docs_dir) / "templates" / "book.html").string();
  for (std::size_t k = 0; k < plan.order.size(); ++k) {
    const model::Page& page = pages[plan.order[k]];
    ctx.navigation = plan.navigation[k];
    jobs.push_back({page.source, (dir / (page_stem(page) + ".html")).string(), "html5", book_template,
                    page_document(page, ctx).dump()});
  }
  jobs.push_back({"book contents", (dir / kBookTop).string(), "html5", book_template,
                  contents_document(pages, plan, ctx).dump()});
  jobs.push_back({"book index", (dir / kBookIndex).string(), "html5", book_template,
                  names_index_document(links, plan, ctx).dump()});
}

// Runs one job; returns an error line, or "" on success.
std::string run_job(const Job& job, const std::string& pandoc) {
  platform::ProcessOptions options;
  options.input = job.input;
  options.timeout = std::chrono::seconds(60);
  const auto result = platform::run_process(
      {pandoc, "--from=json", "--to=" + job.to, "--standalone", "--no-highlight",
       "--template=" + job.template_file}, options);
  if (!result.exited || result.exit_code != 0) {
    std::string why = result.timed_out ? "timed out" : result.err;
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return job.label + ": error: pandoc failed for " + job.output + ": " + why;
  }
  write_file(job.output, result.out);
  return "";
}

// Every job on `workers` threads; all failures are collected, not only the first.
void run_jobs(const std::vector<Job>& jobs, const std::string& pandoc, unsigned workers) {
  std::atomic<std::size_t> next{0};
  std::mutex lock;
  std::vector<std::string> errors;
  auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      std::string error;
      try {
        error = run_job(jobs[i], pandoc);
      } catch (const std::exception& e) {
        error = jobs[i].label + ": error: " + e.what();
      }
      if (error.empty()) continue;
      std::lock_guard<std::mutex> guard(lock);
      errors.push_back(error);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < workers; ++t) threads.emplace_back(work);
  for (auto& t : threads) t.join();
  if (errors.empty()) return;
  std::string message;
  for (const auto& e : errors) message += (message.empty() ? "" : "\n") + e;
  throw std::runtime_error(message);
}

// man/man3/SSL_SESSION_free.3 → SSL_SESSION_new.3, for every other NAME entry.
std::size_t write_man_links(const std::vector<model::Page>& pages, const fs::path& out) {
  std::size_t count = 0;
  for (const auto& page : pages) {
    const std::string stem = page_stem(page), section = section_of(page);
    for (const auto& name : page.names) {
      const fs::path link = man_path(out, name, section);
      if (name == stem || fs::exists(fs::symlink_status(link))) continue;
      fs::create_symlink(stem + "." + section, link);
      ++count;
    }
  }
  return count;
}

void copy_stylesheet(const ManualOptions& o, const char* name, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(fs::path(o.docs_dir) / name, to, fs::copy_options::overwrite_existing);
}

// Two pages with one title would write the same files (the seeds hold two
// releases of SSL_SESSION_free); refuse rather than let one overwrite the other.
void check_unique_titles(const std::vector<model::Page>& pages) {
  std::map<std::string, const model::Page*> seen;
  for (const auto& page : pages) {
    auto [it, fresh] = seen.emplace(page_stem(page), &page);
    if (!fresh)
      throw std::runtime_error(page.source + ": error: page '" + page.title + "' is also " + it->second->source +
                               "; write each release of a page to its own folder");
  }
}

void check_inputs(const std::vector<model::Page>& pages, const ManualOptions& o) {
  if (pages.empty()) throw std::runtime_error("sslconf docs: error: no pages to write");
  check_unique_titles(pages);
  for (const char* name : {"templates/page.man", "templates/page.html", "templates/book.html", "sslconf.css", "book.css"})
    if (!fs::exists(fs::path(o.docs_dir) / name))
      throw std::runtime_error((fs::path(o.docs_dir) / name).string() + ": error: missing (see --docs-dir)");
  pandoc::check_api_version(json(installed_pandoc_api_version(o.pandoc)));
}

}  // namespace

std::vector<int> installed_pandoc_api_version(const std::string& pandoc) {
  platform::ProcessOptions options;
  options.input = "";
  options.timeout = std::chrono::seconds(30);
  platform::ProcessResult result;
  try {
    result = platform::run_process({pandoc, "--from=markdown", "--to=json"}, options);
  } catch (const std::exception& e) {
    throw std::runtime_error("sslconf docs: error: cannot run " + pandoc + ": " + e.what());
  }
  if (!result.exited || result.exit_code != 0)
    throw std::runtime_error("sslconf docs: error: " + pandoc + " failed: " + result.err);
  const json doc = json::parse(result.out, nullptr, false);
  if (doc.is_discarded() || !doc.contains("pandoc-api-version"))
    throw std::runtime_error("sslconf docs: error: " + pandoc + " wrote no pandoc-api-version");
  return doc["pandoc-api-version"].get<std::vector<int>>();
}

ManualSummary write_manual(const std::vector<model::Page>& pages, const ManualOptions& options) {
  check_inputs(pages, options);
  const LinkIndex links(pages);
  const fs::path out(options.out_dir);
  std::vector<Job> jobs;
  if (options.man) add_man_jobs(pages, links, options, jobs);
  if (options.html) add_html_jobs(pages, links, options, jobs);
  if (options.book) add_book_jobs(pages, links, options, jobs);

  // Stale pages of an earlier run would break the one-page-per-input rule.
  for (const auto& [wanted, dir] : {std::pair{options.man, "man"}, {options.html, "html"}, {options.book, "book"}})
    if (wanted) fs::remove_all(out / dir);
  const unsigned workers = options.jobs ? options.jobs : platform::hardware_cores();
  run_jobs(jobs, options.pandoc, workers);

  ManualSummary summary{pages.size(), jobs.size(), jobs.size()};
  if (options.man) summary.files += write_man_links(pages, out);
  if (options.html) copy_stylesheet(options, "sslconf.css", out / "html" / "sslconf.css");
  if (options.book) copy_stylesheet(options, "book.css", out / "book" / "book.css");
  summary.files += (options.html ? 1 : 0) + (options.book ? 1 : 0);
  return summary;
}

}  // namespace sslconf::writer
