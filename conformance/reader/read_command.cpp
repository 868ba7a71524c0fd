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

}  // namespace

void add_read_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("read", "Read manual pages (POD, HTML, Markdown, roff, text) into the page model");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "Pages or folders of pages")->required();
  cmd->callback([files] {
    reader::PagesRead read;
    try {
      read = reader::read_pages(*files);
    } catch (const model::InputError& e) {
      std::cerr << e.what() << '\n';
      throw CLI::RuntimeError(kBadInput);
    }
    const bool rejected = reader::report_rejected(read, std::cerr) > 0;
    if (names_one_file(*files) && rejected) throw CLI::RuntimeError(kBadInput);
    nlohmann::json out;
    if (names_one_file(*files)) {
      out = model::to_json(read.pages.front());
    } else {
      out = nlohmann::json::array();
      for (const auto& p : read.pages) out.push_back(model::to_json(p));
    }
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    if (rejected) throw CLI::RuntimeError(kBadInput);
  });
}

}  // namespace sslconf::tool
