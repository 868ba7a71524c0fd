// One page, four shapes: POD as written, pod2html HTML, pod2man roff and
// Markdown (pandoc from the HTML; pod2markdown when installed). Converted
// here, with the real tools, from our fixtures and from the project's pod/.
#define BOOST_TEST_MODULE reader_format_independence_test
#include "page_essence.hpp"
#include "platform/process.hpp"
#include "reader/reader.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace sslconf;
using reader::testing::essence;
using reader::testing::first_difference;

namespace {

const fs::path kProject = SSLCONF_SOURCE_DIR;

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("sslconf-reader-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void run(const std::vector<std::string>& argv, const fs::path& cwd) {
  platform::ProcessOptions opt;
  opt.working_directory = cwd.string();
  opt.timeout = std::chrono::milliseconds(60000);
  const auto r = platform::run_process(argv, opt);
  BOOST_REQUIRE_MESSAGE(r.exited && r.exit_code == 0, argv[0] + " failed: " + r.err);
}

bool have(const std::string& tool) {
  try {
    return platform::run_process({"sh", "-c", "command -v " + tool}).exit_code == 0;
  } catch (const std::exception&) {
    return false;
  }
}

// The other three shapes of one POD page, made by the real converters.
std::vector<fs::path> renderings(const fs::path& pod, const fs::path& dir) {
  const std::string stem = pod.stem().string();
  const fs::path html = dir / (stem + ".html"), man = dir / (stem + ".3"), md = dir / (stem + ".md");
  run({"pod2html", "--infile=" + pod.string(), "--outfile=" + html.string(), "--quiet",
       "--cachedir=" + dir.string()}, dir);
  run({"pod2man", "--utf8", "--section=3", pod.string(), man.string()}, dir);
  if (have("pod2markdown")) run({"pod2markdown", pod.string(), md.string()}, dir);
  else run({"pandoc", "-f", "html", "-t", "markdown", html.string(), "-o", md.string()}, dir);
  return {html, man, md};
}

void check_same_page_in_every_shape(const fs::path& pod) {
  TempDir tmp;
  const std::string expected = essence(reader::read_page(pod.string()));
  std::vector<std::string> files;
  for (const auto& f : renderings(pod, tmp.path)) files.push_back(f.string());
  const auto pages = reader::read_docs(files);  // one parallel, batched pandoc pass
  for (const auto& page : pages) {
    const std::string got = essence(page);
    BOOST_TEST(got == expected, pod.filename().string() << " as " << model::to_string(page.format)
                                                        << " differs at " << first_difference(expected, got));
  }
}

// The .pod files of a folder; of its subfolders too when `recursive` (pod/
// has man3/ and man7/; the fixtures' bad/ holds pages that must not read).
std::vector<fs::path> pods_in(const fs::path& dir, bool recursive) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (recursive) {
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
      if (e.path().extension() == ".pod") out.push_back(e.path());
  } else {
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".pod") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(fixture_pages_read_the_same_as_pod_html_roff_and_markdown) {
  const auto pods = pods_in(kProject / "conformance/reader/tests/fixtures", false);
  BOOST_REQUIRE(!pods.empty());
  for (const auto& pod : pods) check_same_page_in_every_shape(pod);
}

BOOST_AUTO_TEST_CASE(project_pod_pages_read_the_same_as_pod_html_roff_and_markdown) {
  const auto pods = pods_in(kProject / "pod", true);
  if (pods.empty()) {
    BOOST_TEST_MESSAGE("pod/ has no pages yet: nothing to compare");
    return;
  }
  for (const auto& pod : pods) check_same_page_in_every_shape(pod);
}
