// `sslconf read FILE...`: the page model of each file as JSON on stdout,
// indented on a terminal and compact into a pipe or a file (a third of an
// indented tree's bytes are indentation; `--json` chooses either).
// A page the reader rejects is one "file:line: error: ..." line on stderr;
// the others are still printed, and the status is 2 at the end.
#include "model/diagnostic.hpp"
#include "platform/process.hpp"
#include "reader/reader.hpp"
#include "tool/commands.hpp"

#include <cstdlib>
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

using model::JsonLayout;

// Pages are written one at a time as they are turned into text, without a
// document of the whole corpus in memory.
void write_page(const model::Page& page, JsonLayout layout) {
  std::string out;
  model::append_json(out, page, 0, layout);
  out += '\n';
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
}

void write_array(const std::vector<model::Page>& pages, JsonLayout layout) {
  if (pages.empty()) {
    std::cout << "[]\n";
    return;
  }
  const bool indented = layout == JsonLayout::indented;
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (indented) out.assign(i == 0 ? "[\n  " : ",\n  ");
    else out.assign(i == 0 ? "[" : ",");
    model::append_json(out, pages[i], 1, layout);
    std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  }
  std::cout << (indented ? "\n]\n" : "]\n");
}

}  // namespace

void add_read_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("read", "Read manual pages (POD, HTML, Markdown, roff, text) into the page model");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "Pages or folders of pages")->required();
  auto layout = std::make_shared<std::string>("auto");
  cmd->add_option("--json", *layout, "indented, compact, or auto: indented on a terminal, else compact")
      ->check(CLI::IsMember({"auto", "indented", "compact"}))
      ->capture_default_str();
  cmd->callback([files, layout] {
    const bool indented =
        *layout == "indented" || (*layout == "auto" && platform::stdout_is_terminal());
    const JsonLayout json = indented ? JsonLayout::indented : JsonLayout::compact;
    reader::PagesRead read;
    try {
      read = reader::read_pages(*files, reader::OtherNames::copy);
    } catch (const model::InputError& e) {
      std::cerr << e.what() << '\n';
      throw CLI::RuntimeError(kBadInput);
    }
    const bool rejected = reader::report_rejected(read, std::cerr) > 0;
    if (names_one_file(*files) && rejected) throw CLI::RuntimeError(kBadInput);
    if (names_one_file(*files)) write_page(read.pages.front(), json);
    else write_array(read.pages, json);
    // The command is done and the models die with the process: freeing a
    // whole tree's block by block cost a tenth of the command's CPU time,
    // for memory the system takes back at once.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(rejected ? kBadInput : kSuccess);
  });
}

}  // namespace sslconf::tool
