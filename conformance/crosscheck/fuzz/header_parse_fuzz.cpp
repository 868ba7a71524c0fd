// libFuzzer target: preprocessed header text → HeaderIndex → comparison with
// a fixed prototype. The parser must never crash or read out of bounds,
// whatever a compiler (or a broken header) hands it.
#include "crosscheck/header_compare.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto header = sslconf::crosscheck::HeaderIndex::parse(text);
  sslconf::model::Prototype p;
  p.name = "SSL_SESSION_dup";
  p.return_type = "SSL_SESSION *";
  p.params = {{"SSL_SESSION *", "src", false}};
  sslconf::crosscheck::compare(p, header);
  p.name = "f";
  sslconf::crosscheck::compare(p, header);
  header.canonical_type(text.substr(0, 64));
  return 0;
}
