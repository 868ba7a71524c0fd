// Golden models, in the mandoc manner: each fixture (POD, roff, HTML,
// Markdown, text renderings) beside the JSON model it must produce.
// Set SSLCONF_UPDATE_GOLDEN=1 to rewrite the golden files on purpose;
// they are never rewritten otherwise.
#define BOOST_TEST_MODULE reader_golden_test
#include "page_essence.hpp"
#include "reader/reader.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace sslconf;

namespace {

// Relative to the project root (the tests' working directory), so golden
// files name the same source wherever the tree is checked out.
const fs::path kFixtures = "conformance/reader/tests/fixtures";

std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kFixtures))
    if (e.is_regular_file() && e.path().extension() != ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ostringstream s;
  s << std::ifstream(p).rdbuf();
  return s.str();
}

bool updating() {
  const char* v = std::getenv("SSLCONF_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_fixture_reads_to_its_golden_model) {
  const auto files = fixtures();
  BOOST_REQUIRE(files.size() >= 6u);
  // One read_docs call: the pandoc formats are converted together.
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.string());
  const auto pages = reader::read_docs(names);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path golden = files[i].string() + ".json";
    const std::string got = model::to_json(pages[i]).dump(2) + "\n";
    if (updating()) {
      std::ofstream(golden) << got;
      BOOST_TEST_MESSAGE("rewrote " << golden.string());
      continue;
    }
    BOOST_REQUIRE_MESSAGE(fs::exists(golden), golden.string() << " is missing (SSLCONF_UPDATE_GOLDEN=1 writes it)");
    const std::string want = slurp(golden);
    BOOST_TEST(got == want, files[i].string() << " differs from its golden model at "
                                              << reader::testing::first_difference(want, got));
  }
}

BOOST_AUTO_TEST_CASE(golden_models_survive_a_json_round_trip) {
  for (const auto& f : fixtures()) {
    const auto page = reader::read_page(f.string());
    const auto json = model::to_json(page);
    BOOST_TEST(model::to_json(model::page_from_json(json)) == json, f.string());
  }
}

// `sslconf read` streams pages with append_json; it must print what the
// document form prints, byte for byte, at the top level and inside an array.
BOOST_AUTO_TEST_CASE(streamed_json_is_the_document_json_byte_for_byte) {
  for (const auto& f : fixtures()) {
    const auto page = reader::read_page(f.string());
    std::string streamed;
    model::append_json(streamed, page);
    BOOST_TEST(streamed == model::to_json(page).dump(2), f.string());
    std::string compact;
    model::append_json(compact, page, 0, model::JsonLayout::compact);
    BOOST_TEST(compact == model::to_json(page).dump(), f.string());
  }
}

BOOST_AUTO_TEST_CASE(streamed_json_escapes_as_the_document_json_does) {
  model::Page page;
  page.source = "dir\\with \"quotes\"\x01.pod";
  page.title = "tab\there, caf\xc3\xa9, bad \xff\xfe byte, del \x7f";
  page.names = {"", "\n", "\b\f\r\x1f back\\slash"};
  page.foreign_pages = {"exit(1)"};
  page.synopsis.generic = true;
  page.synopsis.placeholders = {"TYPE"};
  model::Prototype proto;
  proto.generic = true;
  proto.params = {{"int", "n", false}};
  proto.loc = {"\xc3", 7};
  page.synopsis.prototypes = {proto};
  model::Section section;
  section.blocks.resize(2);
  section.blocks[0].sentences.push_back({"x", {{model::Mark::Kind::function, "f()", 12}}, {"a", 1}});
  section.blocks[1].links.push_back({"t", "SSL_free", "3", "", true, {"b", 2}});
  page.sections = {section, model::Section{}};
  page.history.push_back({"h", {"SSL_free"}, "1.1.0", {"c", 3}});
  std::string streamed;
  model::append_json(streamed, page);
  BOOST_TEST(streamed == model::to_json(page).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  std::string nested = "[\n  ";
  model::append_json(nested, page, 1);
  nested += "\n]";
  const auto array = nlohmann::json::array({model::to_json(page)});
  BOOST_TEST(nested == array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  std::string compact = "[";
  model::append_json(compact, page, 1, model::JsonLayout::compact);
  compact += "]";
  BOOST_TEST(compact == array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

BOOST_AUTO_TEST_CASE(fixture_shapes_are_read_by_the_right_reader) {
  const auto format = [](const std::string& name) {
    return model::to_string(reader::read_page((kFixtures / name).string()).format);
  };
  BOOST_TEST(format("session_cache.pod") == "pod");
  BOOST_TEST(format("session_cache.3") == "man");
  BOOST_TEST(format("session_cache.html") == "html");
  BOOST_TEST(format("session_cache.md") == "markdown");
  BOOST_TEST(format("session_cache.man.txt") == "text");
  BOOST_TEST(format("book_page.txt") == "text");
}
