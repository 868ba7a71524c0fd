#define BOOST_TEST_MODULE conform_arguments
#include <boost/test/unit_test.hpp>

#include "conform/arguments.hpp"
#include "model/diagnostic.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using sslconf::conform::resolve_implementation;
using sslconf::conform::validate;
using sslconf::model::InputError;

namespace {

struct TempDir {
  fs::path path;
  TempDir() : path(fs::temp_directory_path() / fs::path("sslconf-args-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(known_names_resolve_to_themselves) {
  for (const char* n : {"reference", "openssl", "boringssl", "wolfssl"}) {
    const auto impl = resolve_implementation(n);
    BOOST_TEST(impl.kind == n);
    BOOST_TEST(impl.prefix.empty());
  }
}

BOOST_AUTO_TEST_CASE(unknown_name_is_one_line_naming_it) {
  const auto m = message_of([] { resolve_implementation("nosuch"); });
  BOOST_TEST(m.rfind("nosuch: error: unknown implementation", 0) == 0);
  BOOST_TEST(m.find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_prefix_is_rejected) {
  const auto m = message_of([] { resolve_implementation("/nonexistent"); });
  BOOST_TEST(m.rfind("/nonexistent: error: implementation prefix does not exist", 0) == 0);
}

BOOST_AUTO_TEST_CASE(prefix_without_headers_names_the_missing_header) {
  TempDir t;
  const auto m = message_of([&] { resolve_implementation(t.path.string()); });
  BOOST_TEST(m.find("include/openssl/ssl.h: error: not found") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(prefix_without_libraries_names_the_missing_library) {
  TempDir t;
  fs::create_directories(t.path / "include/openssl");
  std::ofstream(t.path / "include/openssl/ssl.h") << "\n";
  const auto m = message_of([&] { resolve_implementation(t.path.string()); });
  BOOST_TEST(m.find("lib/libssl.so: error: not found") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(complete_prefix_is_accepted_with_a_label) {
  TempDir t;
  fs::create_directories(t.path / "include/openssl");
  fs::create_directories(t.path / "lib");
  std::ofstream(t.path / "include/openssl/ssl.h") << "\n";
  std::ofstream(t.path / "lib/libssl.so.3") << "\n";
  std::ofstream(t.path / "lib/libcrypto.so.3") << "\n";
  const auto impl = resolve_implementation(t.path.string());
  BOOST_TEST(impl.kind == "prefix");
  BOOST_TEST(impl.name.rfind("prefix-", 0) == 0);
}

BOOST_AUTO_TEST_CASE(defaults_are_reference_and_openssl_on_pod) {
  const auto a = validate({}, {}, "", SSLCONF_SOURCE_DIR);
  BOOST_TEST(a.impls.size() == 2u);
  BOOST_TEST(a.impls[0].name == "reference");
  BOOST_TEST(a.impls[1].name == "openssl");
  BOOST_TEST(a.docs.size() == 1u);
  BOOST_TEST(fs::path(a.docs[0]).filename() == "pod");
}

// pod/'s expectation files speak of pod/'s pages only: pages under pod/
// (the default, a page or a subfolder) use them; any other manual, or pod/
// mixed with another manual, is compared with each kind's default.
BOOST_AUTO_TEST_CASE(pod_expectations_apply_to_pod_pages_only) {
  const std::string pod = std::string(SSLCONF_SOURCE_DIR) + "/pod";
  BOOST_TEST(validate({"reference"}, {}, "", SSLCONF_SOURCE_DIR).expectations_set == sslconf::conform::kPodDocs);
  BOOST_TEST(validate({"reference"}, {pod + "/man3"}, "", SSLCONF_SOURCE_DIR).expectations_set ==
             sslconf::conform::kPodDocs);
  TempDir other;
  std::ofstream(other.path / "page.pod") << "=head1 NAME\n\nx - y\n";
  BOOST_TEST(validate({"reference"}, {other.path.string()}, "", SSLCONF_SOURCE_DIR).expectations_set.empty());
  BOOST_TEST(validate({"reference"}, {pod, other.path.string()}, "", SSLCONF_SOURCE_DIR).expectations_set.empty());
  // A path that leaves pod/ again is not inside it.
  BOOST_TEST(validate({"reference"}, {std::string(SSLCONF_SOURCE_DIR) + "/pod/../README.md"}, "", SSLCONF_SOURCE_DIR)
                 .expectations_set.empty());
}

BOOST_AUTO_TEST_CASE(missing_docs_are_rejected) {
  const auto m = message_of([] { validate({"reference"}, {"/no/such/page.pod"}, "", "."); });
  BOOST_TEST(m.rfind("/no/such/page.pod: error: documentation path does not exist", 0) == 0);
}

BOOST_AUTO_TEST_CASE(the_same_implementation_twice_is_rejected) {
  const auto m = message_of([] { validate({"openssl", "openssl"}, {}, "", SSLCONF_SOURCE_DIR); });
  BOOST_TEST(m.find("implementation named twice") != std::string::npos);
}

namespace {

sslconf::conform::CommandLine parsed(std::vector<std::string> words) {
  CLI::App app;
  sslconf::conform::CommandLine line;
  sslconf::conform::add_options(app, line);
  std::reverse(words.begin(), words.end());  // CLI11 takes the arguments last first
  app.parse(words);
  return line;
}

}  // namespace

BOOST_AUTO_TEST_CASE(matrix_is_off_unless_asked_for) {
  BOOST_TEST(!parsed({"--impl", "reference"}).matrix);
  BOOST_TEST(parsed({"--matrix"}).matrix);
  for (const bool asked : {false, true}) {
    auto line = parsed(asked ? std::vector<std::string>{"--matrix"} : std::vector<std::string>{});
    line.project = SSLCONF_SOURCE_DIR;
    BOOST_TEST(validate(line).matrix == asked);
  }
}

BOOST_AUTO_TEST_CASE(session_family_reads_the_family_list_only_when_asked) {
  auto line = parsed({"--impl", "reference"});
  line.project = SSLCONF_SOURCE_DIR;
  BOOST_TEST(validate(line).family.empty());
  line = parsed({"--session-family"});
  line.project = SSLCONF_SOURCE_DIR;
  const auto family = validate(line).family;
  BOOST_TEST(std::count(family.begin(), family.end(), "SSL_SESSION_free") == 1);
  BOOST_TEST(std::count(family.begin(), family.end(), "d2i_SSL_SESSION") == 1);
}

BOOST_AUTO_TEST_CASE(options_keep_their_documented_names) {
  const auto line = parsed({"--impl", "openssl", "--impl", "wolfssl", "--docs", "pod", "--out", "elsewhere"});
  BOOST_TEST(line.impls == (std::vector<std::string>{"openssl", "wolfssl"}));
  BOOST_TEST(line.docs == std::vector<std::string>{"pod"});
  BOOST_TEST(line.out == "elsewhere");
}

// A manual folder where one page documents two functions: one name is a
// symlink to it, another a `.so` link; each page is read once.
BOOST_AUTO_TEST_CASE(installed_pages_follow_symlinks_and_so_links_once) {
  TempDir t;
  const fs::path man3 = t.path / "man" / "man3";
  fs::create_directories(man3);
  std::ofstream(man3 / "A_free.3ssl") << ".TH A_free 3\n";
  fs::create_symlink("A_free.3ssl", man3 / "A_new.3ssl");
  std::ofstream(man3 / "A_dup.3ssl") << ".so man3/A_free.3ssl\n";
  std::ofstream(man3 / "B_get.3ssl") << ".TH B_get 3\n";
  const fs::path family = t.path / "family.txt";
  std::ofstream(family) << "# functions\nA_new\nA_dup\nB_get\nC_absent\nA_free\n";
  const auto pages = sslconf::conform::installed_pages(family.string(), {(t.path / "man").string()});
  BOOST_REQUIRE(pages.size() == 2u);
  BOOST_TEST(fs::path(pages[0]).filename() == "A_free.3ssl");
  BOOST_TEST(fs::path(pages[1]).filename() == "B_get.3ssl");
}

BOOST_AUTO_TEST_CASE(installed_pages_with_no_page_found_is_one_error) {
  TempDir t;
  fs::create_directories(t.path / "man" / "man3");
  const fs::path family = t.path / "family.txt";
  std::ofstream(family) << "C_absent\n";
  const auto m = message_of([&] { sslconf::conform::installed_pages(family.string(), {(t.path / "man").string()}); });
  BOOST_TEST(m.find("no session-family page found") != std::string::npos);
}

// The whole libssl manual: every man3 entry with a libssl prefix, its link
// followed, each page once; entries of other libraries stay out, and an
// earlier manual folder shadows a later one's entry of the same name.
BOOST_AUTO_TEST_CASE(installed_libssl_pages_take_every_libssl_entry_once) {
  TempDir t;
  const fs::path man3 = t.path / "man" / "man3", other = t.path / "other" / "man3";
  fs::create_directories(man3);
  fs::create_directories(other);
  std::ofstream(man3 / "BIO_get_ex_new_index.3ssl.gz") << ".TH BIO_get_ex_new_index 3\n";
  fs::create_symlink("BIO_get_ex_new_index.3ssl.gz", man3 / "SSL_get_ex_new_index.3ssl.gz");
  std::ofstream(man3 / "SSL_new.3ssl") << ".TH SSL_new 3\n";
  std::ofstream(man3 / "DTLS_method.3ssl") << ".so man3/SSL_new.3ssl\n";
  std::ofstream(man3 / "EVP_sha256.3ssl") << ".TH EVP 3\n";
  std::ofstream(man3 / "d2i_SSL_SESSION.3ssl") << ".TH d2i_SSL_SESSION 3\n";
  std::ofstream(other / "SSL_new.3") << ".TH shadowed 3\n";
  std::ofstream(other / "TLS_method.3") << ".TH TLS_method 3\n";
  const fs::path prefixes = t.path / "prefixes.txt";
  std::ofstream(prefixes) << "# libssl\nSSL_\nDTLS\nTLS\nd2i_SSL\n";
  const auto pages = sslconf::conform::installed_libssl_pages(
      prefixes.string(), {(t.path / "man").string(), (t.path / "other").string()});
  std::vector<std::string> names;
  for (const auto& p : pages) names.push_back(fs::path(p).filename().string());
  // In entry-name order: DTLS_method (to SSL_new), SSL_get_ex_new_index,
  // SSL_new (already read), TLS_method, d2i_SSL_SESSION.
  const std::vector<std::string> expected{"SSL_new.3ssl", "BIO_get_ex_new_index.3ssl.gz", "TLS_method.3",
                                          "d2i_SSL_SESSION.3ssl"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(installed_libssl_with_no_page_found_is_one_error) {
  TempDir t;
  fs::create_directories(t.path / "man" / "man3");
  const fs::path prefixes = t.path / "prefixes.txt";
  std::ofstream(prefixes) << "SSL_\n";
  const auto m = message_of(
      [&] { sslconf::conform::installed_libssl_pages(prefixes.string(), {(t.path / "man").string()}); });
  BOOST_TEST(m == "installed-libssl: error: no libssl page found in the installed manual (is libssl-doc installed?)");
}

BOOST_AUTO_TEST_CASE(a_page_is_libssl_when_its_name_list_has_a_libssl_name) {
  const std::vector<std::string> prefixes{"SSL_", "DTLS", "d2i_SSL"};
  BOOST_TEST(sslconf::conform::names_libssl({"BIO_get_ex_new_index", "SSL_get_ex_new_index"}, prefixes));
  BOOST_TEST(sslconf::conform::names_libssl({"d2i_SSL_SESSION"}, prefixes));
  BOOST_TEST(!sslconf::conform::names_libssl({"d2i_X509", "BIO_f_ssl"}, prefixes));
  BOOST_TEST(!sslconf::conform::names_libssl({}, prefixes));
}

BOOST_AUTO_TEST_CASE(the_two_installed_manuals_cannot_be_mixed) {
  const auto m = message_of([] { validate({"openssl"}, {"installed", "installed-libssl"}, "out", SSLCONF_SOURCE_DIR); });
  if (m.find("no session-family page found") != std::string::npos || m.find("no libssl page found") != std::string::npos)
    return;  // no manual installed here: nothing to mix
  BOOST_TEST(m == "installed-libssl: error: --docs installed and --docs installed-libssl are two manuals: name one");
}
