// `sslconf read FILE...`: the page model of each file as JSON on stdout.
#include "model/diagnostic.hpp"
#include "reader/reader.hpp"
#include "tool/commands.hpp"

#include <iostream>
#include <memory>

namespace sslconf::tool {

void add_read_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("read", "Read manual pages (POD, HTML, Markdown, roff, text) into the page model");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("files", *files, "Pages or folders of pages")->required();
  cmd->callback([files] {
    std::vector<model::Page> pages;
    try {
      pages = reader::read_docs(*files);
    } catch (const model::InputError& e) {
      std::cerr << e.what() << '\n';
      throw CLI::RuntimeError(kBadInput);
    }
    // One page: its model; several: an array, in path order.
    nlohmann::json out;
    if (pages.size() == 1) {
      out = model::to_json(pages.front());
    } else {
      out = nlohmann::json::array();
      for (const auto& p : pages) out.push_back(model::to_json(p));
    }
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  });
}

}  // namespace sslconf::tool
