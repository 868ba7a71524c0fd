// libFuzzer target: any bytes through the rewriting of roff for pandoc
// (pod2man's macros, strings and accents), which is pure and runs on every
// roff page before pandoc sees it. It must neither crash nor throw, and
// its output must stay valid UTF-8 where the input was.
#include "reader/formats.hpp"
#include "reader/pandoc_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sslconf;
  const std::string content(reinterpret_cast<const char*>(data), size);
  const std::string out = reader::roff_for_pandoc(content);
  bool text_in = true;
  try {
    reader::check_text(content, "in.3");
  } catch (...) {
    text_in = false;
  }
  if (text_in && !out.empty()) {
    try {
      reader::check_text(out, "out.3");
    } catch (...) {
      std::abort();  // text in, not text out: a rewriting split a character
    }
  }
  return 0;
}
