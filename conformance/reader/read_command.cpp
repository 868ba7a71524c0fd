// `sslconf read FILE...`: the page model of each file as JSON on stdout.
// A page the reader rejects is one "file:line: error: ..." line on stderr;
// the others are still printed, and the status is 2 at the end.
#include "model/diagnostic.hpp"
#include "reader/reader.hpp"
#include "tool/commands.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace sslconf::tool {

namespace {

// One file named: its model; several files or a folder: an array, in path
// order, whatever number of them could be read.
bool names_one_file(const std::vector<std::string>& args) {
  std::error_code ec;
  return args.size() == 1 && !std::filesystem::is_directory(args.front(), ec);
}

// Pages are written one at a time as they are turned into text: the same
// indented JSON as before, without a document of the whole corpus in memory.
void write_page(const model::Page& page) {
  std::string out;
  model::append_json(out, page);
  out += '\n';
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
}

void write_array(const std::vector<model::Page>& pages) {
  if (pages.empty()) {
    std::cout << "[]\n";
    return;
  }
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    out.assign(i == 0 ? "[\n  " : ",\n  ");
    model::append_json(out, pages[i], 1);
    std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  }
  std::cout << "\n]\n";
}

}  // namespace

void add_read_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("read", "Read manual pages (POD, HTML, Markdown, roff, text) into the page model");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "Pages or folders of pages")->required();
  cmd->callback([files] {
    reader::PagesRead read;
    try {
      read = reader::read_pages(*files, reader::OtherNames::copy);
    } catch (const model::InputError& e) {
      std::cerr << e.what() << '\n';
      throw CLI::RuntimeError(kBadInput);
    }
    const bool rejected = reader::report_rejected(read, std::cerr) > 0;
    if (names_one_file(*files) && rejected) throw CLI::RuntimeError(kBadInput);
    if (names_one_file(*files)) write_page(read.pages.front());
    else write_array(read.pages);
    if (rejected) throw CLI::RuntimeError(kBadInput);
  });
}

}  // namespace sslconf::tool
