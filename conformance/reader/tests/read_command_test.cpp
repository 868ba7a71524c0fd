// `sslconf read` as users run it: JSON on stdout and status 0; one line
// "file:line: error: message" on stderr and status 2 for bad input.
// The path of the sslconf executable is the first argument after "--".
#define BOOST_TEST_MODULE reader_read_command_test
#include "platform/process.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace sslconf;

namespace {

const std::string kFixtures = "conformance/reader/tests/fixtures/";

std::string sslconf() {
  const auto& m = boost::unit_test::framework::master_test_suite();
  BOOST_TEST_REQUIRE(m.argc >= 2, "pass the sslconf executable after --");
  return m.argv[1];
}

platform::ProcessResult read(const std::vector<std::string>& files) {
  std::vector<std::string> argv{sslconf(), "read"};
  argv.insert(argv.end(), files.begin(), files.end());
  platform::ProcessOptions opt;
  opt.timeout = std::chrono::milliseconds(60000);
  return platform::run_process(argv, opt);
}

void expect_bad_input(const std::string& file, const std::string& line) {
  const auto r = read({kFixtures + "bad/" + file});
  BOOST_TEST(r.exited);
  BOOST_TEST(r.exit_code == 2, file);
  BOOST_TEST(r.err == kFixtures + "bad/" + file + line + "\n");
  BOOST_TEST(r.out.empty(), file << ": nothing half-read on stdout");
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_good_page_prints_its_model) {
  const auto r = read({kFixtures + "session_cache.pod"});
  BOOST_TEST(r.exit_code == 0);
  std::ostringstream golden;
  golden << std::ifstream(kFixtures + "session_cache.pod.json").rdbuf();
  BOOST_TEST(nlohmann::json::parse(r.out) == nlohmann::json::parse(golden.str()));
}

BOOST_AUTO_TEST_CASE(several_pages_print_an_array_in_path_order) {
  const auto r = read({kFixtures + "session_cache.pod", kFixtures + "book_page.txt"});
  BOOST_TEST(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  BOOST_REQUIRE(j.is_array());
  BOOST_REQUIRE_EQUAL(j.size(), 2u);
  BOOST_TEST(j[0]["format"] == "text");
  BOOST_TEST(j[1]["format"] == "pod");
}

// Into a pipe (as here) the JSON is compact unless asked otherwise; either
// layout is the same document.
BOOST_AUTO_TEST_CASE(json_is_compact_into_a_pipe_and_indented_on_request) {
  const std::vector<std::string> pages{kFixtures + "session_cache.pod", kFixtures + "book_page.txt"};
  const auto piped = read(pages);
  std::vector<std::string> indented_args{"--json", "indented"};
  indented_args.insert(indented_args.end(), pages.begin(), pages.end());
  const auto indented = read(indented_args);
  BOOST_TEST(piped.exit_code == 0);
  BOOST_TEST(indented.exit_code == 0);
  BOOST_TEST(piped.out.find('\n') == piped.out.size() - 1, "one line, ending the output");
  BOOST_TEST(indented.out.find("\n  {") != std::string::npos);
  BOOST_TEST(nlohmann::json::parse(piped.out) == nlohmann::json::parse(indented.out));
}

BOOST_AUTO_TEST_CASE(malformed_input_is_one_line_and_status_2) {
  expect_bad_input("unterminated_over.pod", ":5: error: =over has no matching =back");
  expect_bad_input("unbalanced_code.pod", ":7: error: unterminated B<...> formatting code");
  expect_bad_input("unknown_command.pod", ":5: error: unknown command =hed1");
  expect_bad_input("binary_junk.pod", ":7: error: binary data (control character 0)");
  expect_bad_input("empty.pod", ":1: error: empty file");
  expect_bad_input("no_name.txt", ":1: error: no NAME heading: not a manual page rendering");
}

// Installed manuals are gzip-compressed: such a page reads as its plain
// text does; one cut short is bad input, named, like any other.
BOOST_AUTO_TEST_CASE(gzip_pages_are_read_and_a_truncated_one_is_bad_input) {
  const auto plain = read({kFixtures + "session_cache.3"});
  const auto packed = read({kFixtures + "gzip/session_cache.3.gz"});
  BOOST_TEST(packed.exit_code == 0);
  const auto a = nlohmann::json::parse(plain.out);
  const auto b = nlohmann::json::parse(packed.out);
  BOOST_TEST(a["sections"].size() == b["sections"].size());
  BOOST_TEST(a["names"] == b["names"]);
  BOOST_TEST(a["purpose"] == b["purpose"]);
  BOOST_TEST(a["synopsis"]["prototypes"].size() == b["synopsis"]["prototypes"].size());
  expect_bad_input("truncated.pod.gz", ": error: cannot decompress: unexpected end of file");
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_bad_input) {
  const auto r = read({kFixtures + "no-such-page.pod"});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err == kFixtures + "no-such-page.pod: error: no such file or directory\n");
}

BOOST_AUTO_TEST_CASE(a_rejected_page_costs_that_page_only) {
  // A folder: the page that is not a manual page is one line on stderr,
  // the others are printed, and the status says the input was bad.
  const auto r = read({kFixtures + "one_bad_page"});
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err == kFixtures + "one_bad_page/README.md:1: error: no NAME section: not a manual page\n");
  const auto j = nlohmann::json::parse(r.out);
  BOOST_REQUIRE(j.is_array());
  BOOST_REQUIRE_EQUAL(j.size(), 1u);
  BOOST_TEST(j[0]["title"] == "SSL_SESSION_up_ref");

  // Files named one by one: each bad one reported, in path order.
  const auto two = read({kFixtures + "bad/empty.pod", kFixtures + "session_cache.pod", kFixtures + "bad/unknown_command.pod"});
  BOOST_TEST(two.exit_code == 2);
  BOOST_TEST(two.err == kFixtures + "bad/empty.pod:1: error: empty file\n" + kFixtures +
                            "bad/unknown_command.pod:5: error: unknown command =hed1\n");
  BOOST_TEST(nlohmann::json::parse(two.out).size() == 1u);
}

// A POD page that declares =encoding latin1 is not UTF-8 until the POD
// reader converts it: the command must not reject its bytes before that.
BOOST_AUTO_TEST_CASE(a_pod_page_declaring_latin1_is_read_as_utf8) {
  const auto r = read({kFixtures + "latin1/latin1.pod"});
  BOOST_TEST(r.exit_code == 0, r.err);
  const auto page = nlohmann::json::parse(r.out);
  BOOST_TEST(page["sections"][1]["blocks"][0]["text"] == "The caf\u00e9 opens at nine.");
}
