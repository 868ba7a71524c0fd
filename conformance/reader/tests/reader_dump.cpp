// reader_dump FILE...: the page model as JSON, like `sslconf read`, but
// with nothing else linked in; used to inspect the reader and, with
// --golden, to rewrite a fixture's golden file on purpose.
#include "model/diagnostic.hpp"
#include "page_essence.hpp"
#include "reader/reader.hpp"

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  using namespace sslconf;
  bool golden = false;
  bool essence = false;  // print the format-independent part only
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--golden") golden = true;
    else if (a == "--essence") essence = true;
    else files.push_back(a);
  }
  try {
    for (const auto& f : files) {
      const auto page = reader::read_page(f);
      const std::string json = essence ? reader::testing::essence(page) : model::to_json(page).dump(2) + "\n";
      if (golden) std::ofstream(f + ".json") << json;
      else std::cout << json;
    }
  } catch (const model::InputError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  return 0;
}
