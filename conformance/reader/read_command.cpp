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

// Writes the pages it is handed as they come, without a document of the
// whole corpus in memory: one page's model alone, or an array of them.
class PageWriter {
 public:
  PageWriter(JsonLayout layout, bool array) : layout_(layout), array_(array) {}

  void write(const model::Page& page) {
    const bool indented = layout_ == JsonLayout::indented;
    if (!array_) out_.clear();
    else if (indented) out_.assign(count_ == 0 ? "[\n  " : ",\n  ");
    else out_.assign(count_ == 0 ? "[" : ",");
    model::append_json(out_, page, array_ ? 1 : 0, layout_);
    if (!array_) out_ += '\n';
    std::cout.write(out_.data(), static_cast<std::streamsize>(out_.size()));
    ++count_;
  }
  void finish() {
    if (!array_) return;
    if (count_ == 0) std::cout << "[]\n";
    else std::cout << (layout_ == JsonLayout::indented ? "\n]\n" : "]\n");
  }

 private:
  JsonLayout layout_;
  bool array_;
  std::size_t count_ = 0;
  std::string out_;  // one page's text, its capacity kept from page to page
};

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
    // A single file named prints its model alone, and nothing when it is
    // rejected; several files or a folder print an array of those read.
    PageWriter writer(json, !names_one_file(*files));
    std::size_t rejected = 0;
    try {
      reader::read_pages_in_order(
          *files, reader::OtherNames::copy, [&writer](model::Page& page) { writer.write(page); },
          [&rejected](model::InputError&& e) {
            std::cerr << e.what() << '\n';
            ++rejected;
          });
    } catch (const model::InputError& e) {
      std::cerr << e.what() << '\n';
      throw CLI::RuntimeError(kBadInput);
    }
    if (names_one_file(*files) && rejected) throw CLI::RuntimeError(kBadInput);
    writer.finish();
    // The command is done: what is left goes with the process.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(rejected ? kBadInput : kSuccess);
  });
}

}  // namespace sslconf::tool
