// sslconf docs DOCS... -o DIR: the manual in man, HTML and book form.
#include "model/diagnostic.hpp"
#include "reader/reader.hpp"
#include "tool/commands.hpp"
#include "writer/manual_writer.hpp"

#include <chrono>
#include <iostream>

#ifndef SSLCONF_DOCS_DIR
#define SSLCONF_DOCS_DIR "docs"
#endif

namespace sslconf::tool {

namespace {

struct DocsArguments {
  std::vector<std::string> inputs;
  std::vector<std::string> formats{"man", "html", "book"};
  writer::ManualOptions options;
};

void run_docs(DocsArguments& args) {
  auto& o = args.options;
  o.man = o.html = o.book = false;
  for (const auto& f : args.formats) (f == "man" ? o.man : f == "html" ? o.html : o.book) = true;
  const auto start = std::chrono::steady_clock::now();
  bool rejected = false;
  try {
    // A rejected page costs that page only: the manual holds the others
    // and the status is 2 at the end.
    const auto read = reader::read_pages(args.inputs);
    rejected = reader::report_rejected(read, std::cerr) > 0;
    if (read.pages.empty() && rejected) throw CLI::RuntimeError(kBadInput);
    const auto& pages = read.pages;
    const auto summary = writer::write_manual(pages, o);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::cout << "sslconf docs: " << summary.pages << " pages, " << summary.files << " files ("
              << summary.pandoc_runs << " pandoc runs) in " << o.out_dir << ", " << ms.count() << " ms\n";
  } catch (const CLI::RuntimeError&) {
    throw;
  } catch (const model::InputError& e) {
    std::cerr << e.what() << "\n";
    throw CLI::RuntimeError(kBadInput);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    throw CLI::RuntimeError(kBadInput);
  }
  if (rejected) throw CLI::RuntimeError(kBadInput);
}

}  // namespace

void add_docs_command(CLI::App& app) {
  auto args = std::make_shared<DocsArguments>();
  args->options.docs_dir = SSLCONF_DOCS_DIR;
  auto* cmd = app.add_subcommand("docs", "Write the manual: roff man pages, HTML pages and the reference book");
  cmd->add_option("docs", args->inputs, "Pages: files or folders (.pod, .html, .md, roff, .txt)")->required();
  cmd->add_option("-o,--out", args->options.out_dir, "Output folder (gets man/, html/, book/)")->required();
  cmd->add_option("--format", args->formats, "Outputs to write: man, html, book (default: all)")
      ->check(CLI::IsMember({"man", "html", "book"}))
      ->delimiter(',');
  cmd->add_option("--docs-dir", args->options.docs_dir, "Folder with templates/ and the stylesheets")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--date", args->options.date, "Date printed in the man pages (default: SOURCE_DATE_EPOCH or today)");
  cmd->add_option("--book-title", args->options.book_title, "Title of the reference book");
  cmd->add_option("-j,--jobs", args->options.jobs, "pandoc processes at once (default: all cores)");
  cmd->add_option("--pandoc", args->options.pandoc, "The pandoc program");
  cmd->callback([args] { run_docs(*args); });
}

}  // namespace sslconf::tool
