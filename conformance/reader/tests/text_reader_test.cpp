// Plain-text renderings and format sniffing.
#define BOOST_TEST_MODULE reader_text_reader_test
#include "model/diagnostic.hpp"
#include "page_essence.hpp"
#include "reader/formats.hpp"

#include <boost/test/unit_test.hpp>

using namespace sslconf;
using model::PageFormat;

namespace {

model::Page text(const std::string& content) { return reader::assemble(reader::read_text(content, "t.txt")); }

std::vector<std::string> blocks(const model::Page& p, const std::string& section) {
  std::vector<std::string> out;
  for (const auto& b : p.section(section)->blocks)
    out.push_back(model::to_string(b.kind) + "[" + b.label + "]" + std::to_string(b.depth) + ":" + b.text);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sniffing_picks_the_reader_from_the_content) {
  BOOST_TEST(reader::sniff_format("junk\n=pod\n\n=head1 NAME\n") == PageFormat::pod);
  BOOST_TEST(reader::sniff_format("junk line\n<?xml version=\"1.0\" ?> <html><body><h1>NAME</h1>") == PageFormat::html);
  BOOST_TEST(reader::sniff_format("NAME\n\nx - y\n\n```\nint f(void);\n```\n") == PageFormat::markdown);
  BOOST_TEST(reader::sniff_format(".\\\" comment\n.TH X 3\n.SH NAME\n") == PageFormat::man);
  BOOST_TEST(reader::sniff_format("NAME\n       x - y\n\nSYNOPSIS\n       void f(char **out);\n") == PageFormat::text);
}

BOOST_AUTO_TEST_CASE(man_rendering_header_footer_and_layout) {
  const auto p = text(
      "X(3ssl)                    OpenSSL                    X(3ssl)\n\nNAME\n       SSL_x - demo\n\nSYNOPSIS\n"
      "        #include <openssl/ssl.h>\n\n        int SSL_x(SSL *s,\n                  int n);\n\nDESCRIPTION\n"
      "       First line\n       continues. Second.\n\n       NULL\n           Nothing.\n\n       0   Failure.\n\n"
      "       •   A bullet.\n\n   Sub title\n       Under it.\n\n3.0.2                      2024-01-01                 X(3ssl)\n");
  BOOST_TEST(p.names == std::vector<std::string>{"SSL_x"}, boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(p.synopsis.prototypes.size(), 1u);
  BOOST_TEST(p.synopsis.prototypes[0].text == "int SSL_x(SSL *s, int n);");
  BOOST_TEST(p.synopsis.prototypes[0].loc.line == 9);
  BOOST_TEST(blocks(p, "DESCRIPTION") == (std::vector<std::string>{"paragraph[]0:First line continues. Second.",
                                                                  "item[NULL]1:Nothing.", "item[0]1:Failure.",
                                                                  "item[*]1:A bullet."}),
             boost::test_tools::per_element());
  BOOST_TEST(p.section("Sub title")->level == 2);
  BOOST_TEST(blocks(p, "Sub title") == std::vector<std::string>{"paragraph[]0:Under it."}, boost::test_tools::per_element());
  BOOST_TEST(p.section("DESCRIPTION")->blocks.at(0).sentences.at(1).loc.line == 14);
}

BOOST_AUTO_TEST_CASE(book_furniture_and_section_index_are_dropped) {
  const auto p = text(
      "go to previous page: A\ngo to next page: B\n\nPAGE\nDescription\nSee Also\n \n\nNAME\n\nSSL_x - demo\n\n"
      "return to top DESCRIPTION  \n\nIt works (see SSL_y(3) ).\n\n\xC2\xBB Table of Contents\n\n"
      "return to top SEE ALSO\n\nssl(7) , SSL_y(3)\ngo to previous page: A\n");
  std::vector<std::string> titles;
  for (const auto& s : p.sections) titles.push_back(s.title);
  BOOST_TEST(titles == (std::vector<std::string>{"NAME", "DESCRIPTION", "SEE ALSO"}), boost::test_tools::per_element());
  BOOST_TEST(blocks(p, "DESCRIPTION") == std::vector<std::string>{"paragraph[]0:It works (see SSL_y(3))."},
             boost::test_tools::per_element());
  BOOST_TEST(p.see_also.size() == 2u);
}

BOOST_AUTO_TEST_CASE(bullet_over_explanation_is_a_labelled_item) {
  const auto p = text("NAME\n\nSSL_x - demo\n\nRETURN VALUES\n\nValues:\n\n  \xE2\x80\xA2 NULL\n\n    None here.\n\n"
                      "  \xE2\x80\xA2 Pointer\n\n    A session.\n");
  BOOST_TEST(blocks(p, "RETURN VALUES") == (std::vector<std::string>{"paragraph[]0:Values:", "item[NULL]1:None here.",
                                                                    "item[Pointer]1:A session."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_rendering_without_name_is_refused) {
  BOOST_CHECK_EXCEPTION(text("Just some words.\n"), model::InputError, [](const model::InputError& e) {
    return std::string(e.what()) == "t.txt:1: error: no NAME heading: not a manual page rendering";
  });
}
