#include "manual_fixture.hpp"

#include "platform/process.hpp"
#include "reader/reader.hpp"
#include "writer/manual_writer.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sslconf::writer::test {

namespace {

struct Holder {
  GeneratedManual manual;
  Holder() {
    manual.out = fs::temp_directory_path() / ("sslconf-manual-" + std::to_string(::getpid()));
    manual.pages = reader::read_docs({std::string(SSLCONF_SOURCE_DIR) + "/pod"});
    if (!have_program("pandoc")) return;
    ManualOptions options;
    options.out_dir = manual.out.string();
    options.docs_dir = std::string(SSLCONF_SOURCE_DIR) + "/docs";
    options.date = "2026-01-01";
#ifdef SSLCONF_MANUAL_BOOK_ONLY
    options.man = options.html = false;  // the browser looks at the book only
#endif
    write_manual(manual.pages, options);
    manual.written = true;
  }
  ~Holder() { fs::remove_all(manual.out); }
};

}  // namespace

const GeneratedManual& generated_manual() {
  static Holder holder;
  return holder.manual;
}

bool have_program(const std::string& program) {
  try {
    platform::ProcessOptions options;
    options.timeout = std::chrono::seconds(30);
    return platform::run_process({program, "--version"}, options).exited;
  } catch (const std::exception&) {
    return false;
  }
}

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> attribute_values(const std::string& html, const std::string& name) {
  const std::regex pattern("\\s" + name + "=\"([^\"]*)\"");
  std::vector<std::string> values;
  for (std::sregex_iterator it(html.begin(), html.end(), pattern), end; it != end; ++it)
    values.push_back((*it)[1].str());
  return values;
}

std::string head_link(const std::string& html, const std::string& rel) {
  const std::regex pattern("<link rel=\"" + rel + "\" href=\"([^\"]*)\"");
  std::smatch match;
  return std::regex_search(html, match, pattern) ? match[1].str() : "";
}

}  // namespace sslconf::writer::test
