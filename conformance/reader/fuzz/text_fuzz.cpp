// libFuzzer target: any bytes through the plain-text reader and the model. Bad
// input must end in model::InputError; anything else (a crash, another
// exception, a sanitizer report) is a bug.
#include "model/diagnostic.hpp"
#include "reader/formats.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sslconf;
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  try {
    const auto page = reader::assemble(reader::read_text(content, "fuzz.txt"));
    (void)model::to_json(page).dump();  // strict: invalid UTF-8 in the model throws
  } catch (const model::InputError&) {
  }
  return 0;
}
