// The POD reader on small inputs: formatting codes, links, lists, regions
// and the errors malformed POD must produce.
#define BOOST_TEST_MODULE reader_pod_reader_test
#include "model/diagnostic.hpp"
#include "reader/formats.hpp"
#include "reader/reader.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>

using namespace sslconf;

namespace {

const std::string kName = "=head1 NAME\n\nSSL_x, SSL_y - demo\n\n";

model::Page pod(const std::string& body) {
  return reader::assemble(reader::read_pod(kName + "=head1 DESCRIPTION\n\n" + body, "t.pod"));
}

model::Block first_block(const model::Page& p) { return p.section("DESCRIPTION")->blocks.at(0); }

std::string error_of(const std::string& content) {
  try {
    reader::assemble(reader::read_pod(content, "t.pod"));
  } catch (const model::InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string error_of_file(const std::string& name) {
  try {
    reader::read_page(std::string(SSLCONF_SOURCE_DIR) + "/conformance/reader/tests/fixtures/bad/" + name);
  } catch (const model::InputError& e) {
    const std::string w = e.what();
    return w.substr(w.rfind('/') + 1);
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_CASE(name_gives_names_and_purpose) {
  const auto p = pod("Text.\n");
  BOOST_TEST(p.names == (std::vector<std::string>{"SSL_x", "SSL_y"}), boost::test_tools::per_element());
  BOOST_TEST(p.purpose == "demo");
  BOOST_TEST(p.name_loc.line == 3);
}

BOOST_AUTO_TEST_CASE(formatting_codes_nest_and_are_marked) {
  const auto b = first_block(pod("Use B<I<sess>> and C<< a->b >> or C<<< x >> y >>> here.\n"));
  BOOST_TEST(b.text == "Use sess and a->b or x >> y here.");
  std::vector<std::string> marks;
  for (const auto& m : b.sentences.at(0).marks) marks.push_back(model::to_string(m.kind) + ":" + m.text);
  BOOST_TEST(marks == (std::vector<std::string>{"emphasis:sess", "argument:sess", "code:a->b", "code:x >> y"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(double_angle_without_space_is_a_single_angle_code) {
  BOOST_TEST(first_block(pod("See C<<x> now.\n")).text == "See <x now.");
}

BOOST_AUTO_TEST_CASE(escapes_become_characters) {
  BOOST_TEST(first_block(pod("E<lt>E<gt>E<sol>E<verbar>E<quot>E<0x41>E<66>E<0101>E<eacute>\n")).text == "<>/|\"ABA\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(escapes_take_any_html_entity_name) {
  // Greek, Latin-1, arrows and symbols by name; a code point in hex.
  BOOST_TEST(first_block(pod("E<alpha>E<Omega> E<Eacute>E<yuml> E<rArr>E<euro>E<hellip> E<0x263A>\n")).text ==
             "\xCE\xB1\xCE\xA9 \xC3\x89\xC3\xBF \xE2\x87\x92\xE2\x82\xAC\xE2\x80\xA6 \xE2\x98\xBA");
  // Names are case-sensitive, as in HTML.
  BOOST_TEST(error_of(kName + "E<ALPHA>\n") == "t.pod:5: error: unknown escape E<ALPHA>");
}

BOOST_AUTO_TEST_CASE(name_written_as_a_verbatim_paragraph) {
  const auto p = reader::assemble(reader::read_pod("=head1 NAME\n\n  SSL_x,\n  SSL_y - demo\n\n=head1 DESCRIPTION\n\nText.\n", "t.pod"));
  BOOST_TEST(p.names == (std::vector<std::string>{"SSL_x", "SSL_y"}), boost::test_tools::per_element());
  BOOST_TEST(p.purpose == "demo");
  BOOST_TEST(p.name_loc.line == 3);
}

BOOST_AUTO_TEST_CASE(s_x_z_codes) {
  BOOST_TEST(first_block(pod("S<a  b>X<idx>Z<>c F<f.h>\n")).text == "a bc f.h");
}

BOOST_AUTO_TEST_CASE(every_link_form) {
  const auto b = first_block(pod(
      "L<SSL_free(3)>, L<the text|SSL_new(3)>, L<ssl(7)/NOTES>, L<SSL_new/\"RETURN VALUES\">,\n"
      "L</BUGS>, L<\"HISTORY\">, L<https://www.openssl.org/>, L<Perl|https://perl.org/>.\n"));
  BOOST_TEST(b.text == "SSL_free(3), the text, \"NOTES\" in ssl(7), \"RETURN VALUES\" in SSL_new, \"BUGS\", \"HISTORY\", "
                       "https://www.openssl.org/, Perl.");
  std::vector<std::string> links;
  for (const auto& l : b.links)
    links.push_back(l.text + "|" + l.target + "|" + l.section + "|" + l.fragment + (l.external ? "|url" : ""));
  BOOST_TEST(links == (std::vector<std::string>{
                          "SSL_free(3)|SSL_free|3|", "the text|SSL_new|3|", "\"NOTES\" in ssl(7)|ssl|7|NOTES",
                          "\"RETURN VALUES\" in SSL_new|SSL_new||RETURN VALUES", "\"BUGS\"|||BUGS",
                          "\"HISTORY\"|||HISTORY", "https://www.openssl.org/|https://www.openssl.org/|||url",
                          "Perl|https://perl.org/|||url"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(lists_give_bullet_number_and_text_items_with_depth) {
  const auto p = pod("=over 4\n\n=item *\n\nOne.\n\n=item * Two.\n\n=over 2\n\n=item 1.\n\nInner.\n\n=back\n\n"
                     "=item B<NULL>\n\nNothing.\n\nMore about nothing.\n\n=back\n\nAfter.\n");
  std::vector<std::string> blocks;
  for (const auto& b : p.section("DESCRIPTION")->blocks)
    blocks.push_back(model::to_string(b.kind) + "[" + b.label + "]" + std::to_string(b.depth) + ":" + b.text);
  BOOST_TEST(blocks == (std::vector<std::string>{"item[*]1:One.", "item[*]1:Two.", "item[1]2:Inner.", "item[NULL]1:Nothing.",
                                                 "paragraph[]1:More about nothing.", "paragraph[]0:After."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(begin_end_and_for_regions_are_not_content) {
  const auto p = pod("=begin html\n\n<p>html</p>\n\n=head1 NOT A HEADING\n\n=end html\n\n=for comment hidden\n\nShown.\n");
  BOOST_TEST(p.section("DESCRIPTION")->blocks.size() == 1u);
  BOOST_TEST(first_block(p).text == "Shown.");
  BOOST_TEST(!p.section("NOT A HEADING"));
}

BOOST_AUTO_TEST_CASE(text_outside_pod_and_after_cut_is_ignored) {
  const auto p = reader::assemble(reader::read_pod("int code;\n\n" + kName + "=cut\n\nmore code\n\n=head1 DESCRIPTION\n\nD.\n", "t.pod"));
  BOOST_TEST(p.section("NAME")->blocks.size() == 1u);
  BOOST_TEST(first_block(p).text == "D.");
}

BOOST_AUTO_TEST_CASE(verbatim_paragraphs_join_and_keep_their_lines) {
  const auto p = reader::assemble(reader::read_pod(kName + "=head1 SYNOPSIS\n\n #include <a.h>\n\n int f(void);\n int g(int x);\n", "t.pod"));
  const auto& b = p.section("SYNOPSIS")->blocks.at(0);
  BOOST_TEST(b.text == " #include <a.h>\n\n int f(void);\n int g(int x);");
  BOOST_REQUIRE_EQUAL(p.synopsis.prototypes.size(), 2u);
  BOOST_TEST(p.synopsis.prototypes[0].loc.line == 9);
  BOOST_TEST(p.synopsis.prototypes[1].loc.line == 10);
}

BOOST_AUTO_TEST_CASE(sentences_carry_the_line_they_start_on) {
  const auto b = first_block(pod("One line.\nSecond sentence\nspans. Third\none.\n"));
  BOOST_REQUIRE_EQUAL(b.sentences.size(), 3u);
  BOOST_TEST(b.sentences[0].loc.line == 7);
  BOOST_TEST(b.sentences[1].loc.line == 8);
  BOOST_TEST(b.sentences[2].loc.line == 9);
}

BOOST_AUTO_TEST_CASE(latin1_declared_with_encoding_is_converted) {
  const auto p = reader::assemble(reader::read_pod("=encoding latin1\n\n" + kName + "=head1 DESCRIPTION\n\nCaf\xE9.\n", "t.pod"));
  BOOST_TEST(first_block(p).text == "Caf\xC3\xA9.");
}

BOOST_AUTO_TEST_CASE(malformed_pod_is_one_located_error) {
  BOOST_TEST(error_of(kName + "=over 4\n\n=item x\n\n") == "t.pod:5: error: =over has no matching =back");
  BOOST_TEST(error_of(kName + "B<open\nstill open\n") == "t.pod:5: error: unterminated B<...> formatting code");
  BOOST_TEST(error_of(kName + "=frobnicate\n") == "t.pod:5: error: unknown command =frobnicate");
  BOOST_TEST(error_of(kName + "=back\n") == "t.pod:5: error: =back without =over");
  BOOST_TEST(error_of(kName + "=item x\n") == "t.pod:5: error: =item outside =over ... =back");
  BOOST_TEST(error_of(kName + "=begin html\n\nx\n") == "t.pod:5: error: =begin html has no matching =end");
  BOOST_TEST(error_of(kName + "=begin html\n\n=end text\n") == "t.pod:7: error: =end text does not match =begin html");
  BOOST_TEST(error_of(kName + "Q<x>\n") == "t.pod:5: error: unknown formatting code Q<>");
  BOOST_TEST(error_of(kName + "E<nosuch>\n") == "t.pod:5: error: unknown escape E<nosuch>");
  BOOST_TEST(error_of(kName + "=encoding klingon\n") == "t.pod:5: error: unsupported =encoding klingon");
  BOOST_TEST(error_of(kName + std::string("a\0b\n", 4)) == "t.pod:5: error: binary data (control character 0)");
  BOOST_TEST(error_of("\n\n") == "t.pod:1: error: empty file");
  BOOST_TEST(error_of(kName + "I\xF5\x9E\x91\x91 x\n") == "t.pod:5: error: not UTF-8 text");  // found by the fuzzer
  BOOST_TEST(error_of(kName + "\xED\xA0\x80\n") == "t.pod:5: error: not UTF-8 text");          // a surrogate
  BOOST_TEST(error_of("=head1 DESCRIPTION\n\nx\n") == "t.pod:1: error: no NAME section: not a manual page");
  BOOST_TEST(error_of(kName + "x B<< y >\n") == "t.pod:5: error: unterminated B<...> formatting code");
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_an_error_not_a_crash) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "B<";
  deep += "x";
  deep += std::string(5000, '>');
  BOOST_TEST(error_of(kName + deep + "\n") == "t.pod:5: error: formatting codes nested too deeply");
}

BOOST_AUTO_TEST_CASE(bad_fixture_files_give_their_error_line) {
  BOOST_TEST(error_of_file("unterminated_over.pod") == "unterminated_over.pod:5: error: =over has no matching =back");
  BOOST_TEST(error_of_file("unbalanced_code.pod") == "unbalanced_code.pod:7: error: unterminated B<...> formatting code");
  BOOST_TEST(error_of_file("unknown_command.pod") == "unknown_command.pod:5: error: unknown command =hed1");
  BOOST_TEST(error_of_file("binary_junk.pod") == "binary_junk.pod:7: error: binary data (control character 0)");
  BOOST_TEST(error_of_file("empty.pod") == "empty.pod:1: error: empty file");
  BOOST_TEST(error_of_file("unknown_escape.pod") == "unknown_escape.pod:5: error: unknown escape E<bogus>");
  BOOST_TEST(error_of_file("back_without_over.pod") == "back_without_over.pod:5: error: =back without =over");
  BOOST_TEST(error_of_file("no_name.txt") == "no_name.txt:1: error: no NAME heading: not a manual page rendering");
}

// A page under two names (a symbolic link, as the installed manual has by
// the thousand) is one page for claims, cross-checks and documents, and
// listed per name only where asked (`sslconf read`).
BOOST_AUTO_TEST_CASE(a_page_under_two_names_is_read_once) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("sslconf-two-names-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "ONE_new.pod") << "=head1 NAME\n\nONE_new, ONE_free - make and drop a one\n\n"
                                        "=head1 DESCRIPTION\n\nONE_new() makes a one.\n";
  fs::create_symlink("ONE_new.pod", dir / "ONE_free.pod");
  const auto once = sslconf::reader::read_pages({dir.string()});
  BOOST_TEST(once.pages.size() == 1u);
  const auto per_name = sslconf::reader::read_pages({dir.string()}, sslconf::reader::OtherNames::copy);
  BOOST_TEST(per_name.pages.size() == 2u);
  fs::remove_all(dir);
}

// The pages of a folder come out one at a time in path order, whichever
// thread read them: good pages under each of their names, a bad page once
// as a rejection under its first name, never two takers at once.
BOOST_AUTO_TEST_CASE(pages_are_handed_over_in_path_order) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("sslconf-in-order-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<std::string> expected;  // "page NAME" or "bad NAME", in path order
  for (int i = 0; i < 60; ++i) {
    const std::string name = "P" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".pod";
    if (i % 7 == 3) {
      std::ofstream(dir / name) << "=head1 NAME\n\nbroken - B<unterminated\n";
      expected.push_back("bad " + name);
    } else if (i % 11 == 5) {  // another name of the page before it
      const std::string before = "P" + std::string(i - 1 < 10 ? "0" : "") + std::to_string(i - 1) + ".pod";
      fs::create_symlink(before, dir / name);  // (the page before is never a bad one)
      expected.push_back("page " + name);
    } else {
      std::ofstream(dir / name) << "=head1 NAME\n\nF" << i << " - page " << i << "\n\n=head1 DESCRIPTION\n\nF" << i
                                << "() does " << std::string(static_cast<std::size_t>(i) * 50, 'x') << ".\n";
      expected.push_back("page " + name);
    }
  }
  fs::create_symlink("P03.pod", dir / "P99.pod");  // a bad page's other name: no second rejection
  std::vector<std::string> seen;
  std::atomic<int> taking{0};
  bool overlapped = false;
  sslconf::reader::read_pages_in_order(
      {dir.string()}, sslconf::reader::OtherNames::copy,
      [&](sslconf::model::Page& p) {
        overlapped |= taking++ != 0;
        seen.push_back("page " + fs::path(p.source).filename().string());
        --taking;
      },
      [&](sslconf::model::InputError&& e) {
        overlapped |= taking++ != 0;
        const std::string what = e.what();
        seen.push_back("bad " + fs::path(what.substr(0, what.find(':'))).filename().string());
        --taking;
      });
  BOOST_TEST(!overlapped);
  BOOST_TEST(seen == expected, boost::test_tools::per_element());
  fs::remove_all(dir);
}
