// The pandoc AST reader is pure: JSON in, RawDocument out. These tests use
// hand-written ASTs of pandoc-api-version 1.22 and need no pandoc.
#define BOOST_TEST_MODULE reader_pandoc_ast_test
#include "model/diagnostic.hpp"
#include "reader/pandoc_reader.hpp"

#include <boost/test/unit_test.hpp>

using namespace sslconf;
using nlohmann::json;

namespace {

const char* kAst = R"AST({"pandoc-api-version":[1,22,2,1],"meta":{},"blocks":[
 {"t":"Para","c":[{"t":"Str","c":"junk"}]},
 {"t":"Header","c":[1,["name",[],[]],[{"t":"Str","c":"NAME"}]]},
 {"t":"Para","c":[{"t":"Str","c":"SSL_a,"},{"t":"Space"},{"t":"Str","c":"SSL_b"},{"t":"Space"},{"t":"Str","c":"-"},{"t":"Space"},{"t":"Str","c":"demo"}]},
 {"t":"Header","c":[1,["s",[],[]],[{"t":"Str","c":"SYNOPSIS"}]]},
 {"t":"CodeBlock","c":[["",[],[]]," #include <openssl/ssl.h>\n int SSL_a(SSL *s);\n void SSL_b(void);"]},
 {"t":"Header","c":[1,["d",[],[]],[{"t":"Str","c":"DESCRIPTION"}]]},
 {"t":"Para","c":[{"t":"Code","c":[["",[],[]],"SSL_a()"]},{"t":"Space"},{"t":"Str","c":"takes"},{"t":"Space"},
   {"t":"Strong","c":[{"t":"Str","c":"s"}]},{"t":"Str","c":"."},{"t":"SoftBreak"},{"t":"Str","c":"See"},{"t":"Space"},
   {"t":"Link","c":[["",[],[]],[{"t":"Str","c":"SSL_free(3)"}],["http://man.example/SSL_free",""]]},{"t":"Space"},
   {"t":"Str","c":"and"},{"t":"Space"},{"t":"Link","c":[["",[],[]],[{"t":"Str","c":"the"},{"t":"Space"},{"t":"Str","c":"site"}],["https://www.openssl.org/",""]]},
   {"t":"Str","c":"."}]},
 {"t":"BulletList","c":[[{"t":"Plain","c":[{"t":"Str","c":"One."}]}],[{"t":"Plain","c":[{"t":"Str","c":"Two."}]}]]},
 {"t":"DefinitionList","c":[[[{"t":"Str","c":"NULL"}],[[{"t":"Para","c":[{"t":"Emph","c":[{"t":"Str","c":"None."}]}]}]]]]},
 {"t":"OrderedList","c":[[3,{"t":"Decimal"},{"t":"Period"}],[[{"t":"Plain","c":[{"t":"Str","c":"Third."}]}]]]},
 {"t":"RawBlock","c":["html","<hr/>"]}
]})AST";


model::Page page_of(const std::string& ast, const std::string& source = "NAME\nSYNOPSIS\nDESCRIPTION\nSee SSL_free(3)\n") {
  reader::PandocInput in{"t.html", source, model::PageFormat::html};
  return reader::assemble(reader::raw_from_pandoc(json::parse(ast), in));
}

}  // namespace

BOOST_AUTO_TEST_CASE(blocks_before_the_first_heading_are_furniture) {
  const auto p = page_of(kAst);
  BOOST_TEST(p.sections.size() == 3u);
  BOOST_TEST(p.names == (std::vector<std::string>{"SSL_a", "SSL_b"}), boost::test_tools::per_element());
  BOOST_TEST(p.purpose == "demo");
}

BOOST_AUTO_TEST_CASE(code_blocks_give_prototypes) {
  const auto p = page_of(kAst);
  BOOST_REQUIRE_EQUAL(p.synopsis.prototypes.size(), 2u);
  BOOST_TEST(p.synopsis.prototypes[0].name == "SSL_a");
  BOOST_TEST(p.synopsis.includes == std::vector<std::string>{"openssl/ssl.h"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(inlines_become_text_marks_and_links) {
  const auto p = page_of(kAst);
  const auto& b = p.section("DESCRIPTION")->blocks.at(0);
  BOOST_TEST(b.text == "SSL_a() takes s. See SSL_free(3) and the site.");
  BOOST_REQUIRE_EQUAL(b.sentences.size(), 2u);
  std::vector<std::string> marks;
  for (const auto& m : b.sentences[0].marks) marks.push_back(model::to_string(m.kind) + ":" + m.text);
  BOOST_TEST(marks == (std::vector<std::string>{"code:SSL_a()", "function:SSL_a()", "argument:s"}), boost::test_tools::per_element());
  std::vector<std::string> links;
  for (const auto& l : b.links) links.push_back(l.target + "|" + l.section + (l.external ? "|url" : ""));
  BOOST_TEST(links == (std::vector<std::string>{"SSL_free|3", "https://www.openssl.org/||url"}), boost::test_tools::per_element());
  BOOST_TEST(b.loc.line == 4);  // found in the source by its first distinctive word
}

BOOST_AUTO_TEST_CASE(lists_become_items) {
  const auto p = page_of(kAst);
  std::vector<std::string> items;
  for (const auto& b : p.section("DESCRIPTION")->blocks)
    if (b.kind == model::Block::Kind::item) items.push_back(b.label + ":" + b.text + ":" + std::to_string(b.depth));
  BOOST_TEST(items == (std::vector<std::string>{"*:One.:1", "*:Two.:1", "NULL:None.:1", "3:Third.:1"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_api_version_is_refused_loudly) {
  std::string ast = kAst;
  ast.replace(ast.find("[1,22,2,1]"), 10, "[1,17,0,4]");
  BOOST_CHECK_EXCEPTION(page_of(ast), model::InputError, [](const model::InputError& e) {
    return std::string(e.what()) == "t.html: error: pandoc-api-version 1.17 is not supported (this reader knows 1.22 and 1.23)";
  });
  BOOST_CHECK_THROW(page_of(R"({"blocks":[]})"), model::InputError);
}

BOOST_AUTO_TEST_CASE(roff_verbatim_and_pod2man_strings_are_rewritten) {
  const std::string roff = ".de Vb\n..\n.TH X 3\n.SH SYNOPSIS\n.Vb 1\n\\& int f(void);\n.Ve\nsee \\fBx\\fR\\|(3) and \\*(L\"q\\*(R\"\n";
  BOOST_TEST(reader::roff_for_pandoc(roff) == ".TH X 3\n.SH SYNOPSIS\n.nf\n\\& int f(void);\n.fi\nsee \\fBx\\fR(3) and \"q\"\n");
}

BOOST_AUTO_TEST_CASE(pod2man_item_keeps_its_text_across_index_entries) {
  const std::string roff = ".TH X 3\n.SH \"RETURN VALUES\"\n.IP \"\\s-1NULL\\s0\" 4\n.IX Item \"NULL\"\nNo session.\n";
  BOOST_TEST(reader::roff_for_pandoc(roff) == ".TH X 3\n.SH \"RETURN VALUES\"\n.IP \"\\s-1NULL\\s0\" 4\nNo session.\n");
}

BOOST_AUTO_TEST_CASE(pod2man_paragraph_break_continues_the_item_it_is_in) {
  const std::string roff = ".TH X 3\n.SH R\n.IP \"0\" 4\nNot yet.\n.Sp\nMore.\n.PP\nAfter.\n.Sp\nTop.\n";
  BOOST_TEST(reader::roff_for_pandoc(roff) == ".TH X 3\n.SH R\n.TP 4\n0\nNot yet.\n.IP\nMore.\n.PP\nAfter.\n.sp\nTop.\n");
}

BOOST_AUTO_TEST_CASE(pod2man_accent_and_quote_strings_are_spelled_out) {
  BOOST_TEST(reader::without_pod2man_strings("nai\\*:ve cafe\\*' E\\*'") == "na\xC3\xAFve caf\xC3\xA9 \xC3\x89");
  BOOST_TEST(reader::without_pod2man_strings("x\\*'") == "x\xCC\x81");  // no precomposed form: combining acute
  BOOST_TEST(reader::without_pod2man_strings("it\\*(Aqs \\*(PI") == "it's \xCF\x80");
  BOOST_TEST(reader::without_pod2man_strings("\\\\*:") == "\\\\*:");  // an escaped backslash starts no string
}

BOOST_AUTO_TEST_CASE(untagged_definition_is_a_paragraph_of_the_item_before_it) {
  const std::string ast = R"({"pandoc-api-version":[1,22,2,1],"meta":{},"blocks":[
   {"t":"Header","c":[1,["",[],[]],[{"t":"Str","c":"NAME"}]]},
   {"t":"Para","c":[{"t":"Str","c":"f"},{"t":"Space"},{"t":"Str","c":"-"},{"t":"Space"},{"t":"Str","c":"g"}]},
   {"t":"Header","c":[1,["",[],[]],[{"t":"Str","c":"DESCRIPTION"}]]},
   {"t":"DefinitionList","c":[[[{"t":"Str","c":"0"}],[[{"t":"Para","c":[{"t":"Str","c":"Zero."}]}]]]]},
   {"t":"DefinitionList","c":[[[],[[{"t":"Para","c":[{"t":"Str","c":"More."}]}]]]]}
  ]})";
  const auto p = page_of(ast);
  const auto& blocks = p.section("DESCRIPTION")->blocks;
  BOOST_REQUIRE_EQUAL(blocks.size(), 2u);
  BOOST_TEST(blocks[0].label == "0");
  BOOST_TEST(blocks[0].text == "Zero.");
  BOOST_TEST((blocks[1].kind == model::Block::Kind::paragraph));
  BOOST_TEST(blocks[1].depth == 1);
  BOOST_TEST(blocks[1].text == "More.");
}

BOOST_AUTO_TEST_CASE(pod2man_spacing_and_terminal_branches_leave_items_whole) {
  // .PD goes like .IX; ".ie n" is taken (pandoc renders for terminals),
  // its ".el" branch dropped; verbatim right under a tag joins the item.
  const std::string roff = ".TH X 3\n.SH R\n.ie n .IP \"\"\"U\"\"\" 4\n.el .IP \"``U''\" 4\n.PD 0\nUnknown.\n"
                           ".IP \"\\fBBIO_free(b)\\fR\" 4\n.Vb 1\n\\& f(b)\n.Ve\n";
  BOOST_TEST(reader::roff_for_pandoc(roff) == ".TH X 3\n.SH R\n.IP \"\"\"U\"\"\" 4\nUnknown.\n"
                                              ".IP \"\\fBBIO_free(b)\\fR\" 4\n.IP\n.nf\n\\& f(b)\n.fi\n");
}
