// The five seed pages (../shared/seeds; skipped when absent): each is
// sniffed as the right format, and what the pages share reads the same.
#define BOOST_TEST_MODULE reader_seeds_test
#include "page_essence.hpp"
#include "reader/reader.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using namespace sslconf;
using model::PageFormat;

namespace {

const fs::path kSeeds = fs::path(SSLCONF_SOURCE_DIR) / "../shared/seeds";

struct Seeds {
  std::vector<model::Page> pages;  // 000 .. 004 in name order
  Seeds() {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(kSeeds, ec))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
    if (files.size() == 5) pages = reader::read_docs(files);
  }
};

const Seeds& seeds() {
  static const Seeds s;
  return s;
}

// Precondition: the seed folder is there (it is not part of the project).
boost::test_tools::assertion_result have_seeds(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result r(seeds().pages.size() == 5);
  r.message() << "no seed pages at " << kSeeds.string();
  return r;
}

std::vector<std::string> sentences(const model::Page& p, const std::string& section) {
  std::vector<std::string> out;
  if (const auto* s = p.section(section))
    for (const auto& b : s->blocks)
      for (const auto& se : b.sentences) out.push_back(se.text);
  return out;
}

bool says(const model::Page& p, const std::string& section, const std::string& text) {
  for (const auto& s : sentences(p, section))
    if (s.find(text) != std::string::npos) return true;
  return false;
}

std::vector<std::string> see_also(const model::Page& p) {
  std::vector<std::string> out;
  for (const auto& l : p.see_also) out.push_back(l.target + "(" + l.section + ")");
  return out;
}

std::vector<std::string> prototypes(const model::Page& p) {
  std::vector<std::string> out;
  for (const auto& pr : p.synopsis.prototypes) out.push_back(pr.return_type + "|" + pr.name);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(seeds_suite, *boost::unit_test::precondition(have_seeds))

BOOST_AUTO_TEST_CASE(each_seed_is_sniffed_as_its_own_format) {
  const auto& p = seeds().pages;
  BOOST_TEST(p[0].format == PageFormat::text);
  BOOST_TEST(p[1].format == PageFormat::html);
  BOOST_TEST(p[2].format == PageFormat::markdown);
  BOOST_TEST(p[3].format == PageFormat::pod);
  BOOST_TEST(p[4].format == PageFormat::text);
}

BOOST_AUTO_TEST_CASE(names_and_prototypes_come_from_every_shape) {
  const auto& p = seeds().pages;
  BOOST_TEST(p[0].names == std::vector<std::string>{"SSL_SESSION_free"}, boost::test_tools::per_element());
  BOOST_TEST(p[1].names == (std::vector<std::string>{"SSL_SESSION_new", "SSL_SESSION_dup", "SSL_SESSION_up_ref", "SSL_SESSION_free"}),
             boost::test_tools::per_element());
  BOOST_TEST(p[2].names == (std::vector<std::string>{"SSL_SESSION_new", "SSL_SESSION_up_ref", "SSL_SESSION_free"}),
             boost::test_tools::per_element());
  BOOST_TEST(p[4].names == std::vector<std::string>{"SSL_get_session"}, boost::test_tools::per_element());
  BOOST_TEST(p[4].purpose == "retrieve TLS/SSL session data");
  for (int i : {0, 3}) BOOST_TEST(prototypes(p[i]) == std::vector<std::string>{"void|SSL_SESSION_free"}, boost::test_tools::per_element());
  BOOST_TEST(prototypes(p[1]) == (std::vector<std::string>{"SSL_SESSION *|SSL_SESSION_new", "SSL_SESSION *|SSL_SESSION_dup",
                                                           "int|SSL_SESSION_up_ref", "void|SSL_SESSION_free"}),
             boost::test_tools::per_element());
  BOOST_TEST(prototypes(p[4]) == (std::vector<std::string>{"SSL_SESSION *|SSL_get_session", "SSL_SESSION *|SSL_get0_session",
                                                           "SSL_SESSION *|SSL_get1_session"}),
             boost::test_tools::per_element());
  for (const auto& page : p) BOOST_TEST(page.synopsis.includes == std::vector<std::string>{"openssl/ssl.h"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(notes_read_the_same_in_text_html_markdown_and_pod) {
  const auto& p = seeds().pages;
  const auto pod = sentences(p[3], "NOTES");
  BOOST_TEST(pod.size() == 7u);
  for (int i : {0, 1, 2}) BOOST_TEST(sentences(p[i], "NOTES") == pod, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_differences_the_readme_lists_are_visible) {
  const auto& p = seeds().pages;
  const std::string null_rule = "If session is NULL nothing is done.";
  BOOST_TEST(!says(p[0], "DESCRIPTION", null_rule));
  BOOST_TEST(says(p[1], "DESCRIPTION", null_rule));
  BOOST_TEST(says(p[2], "DESCRIPTION", null_rule));
  BOOST_TEST(!says(p[3], "DESCRIPTION", null_rule));
  BOOST_TEST(p[1].history.size() == 1u);
  BOOST_TEST(p[1].history.at(0).release == "1.1.1");
  BOOST_TEST(p[1].history.at(0).functions == std::vector<std::string>{"SSL_SESSION_dup"}, boost::test_tools::per_element());
  for (int i : {0, 2, 3}) BOOST_TEST(see_also(p[i]).at(0) == "ssl(3)");
  BOOST_TEST(see_also(p[1]).at(0) == "ssl(7)");
  BOOST_TEST(says(p[0], "DESCRIPTION", "if the the reference count"));
  for (int i : {0, 3}) BOOST_TEST(says(p[i], "RETURN VALUES", "does not provide diagnostic information"));
  for (int i : {1, 2}) BOOST_TEST(!says(p[i], "RETURN VALUES", "does not provide diagnostic information"));
}

BOOST_AUTO_TEST_CASE(return_value_bullets_of_the_openvms_page_are_items) {
  const auto* rv = seeds().pages[4].section("RETURN VALUES");
  BOOST_REQUIRE(rv);
  std::vector<std::string> labels;
  for (const auto& b : rv->blocks)
    if (b.kind == model::Block::Kind::item) labels.push_back(b.label + ": " + b.text);
  BOOST_TEST(labels == (std::vector<std::string>{"NULL: There is no session available in ssl.",
                                                 "Pointer to an SSL: The return value points to the data of an SSL session."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(navigation_and_section_index_are_not_content) {
  const auto& p0 = seeds().pages[0];
  std::vector<std::string> titles;
  for (const auto& s : p0.sections) titles.push_back(s.title);
  BOOST_TEST(titles == (std::vector<std::string>{"NAME", "SYNOPSIS", "DESCRIPTION", "NOTES", "RETURN VALUES", "SEE ALSO"}),
             boost::test_tools::per_element());
  const auto see = sentences(p0, "SEE ALSO");
  BOOST_REQUIRE_EQUAL(see.size(), 1u);
  BOOST_TEST(see[0].find("go to") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(pod_seed_keeps_exact_lines) {
  const auto& p3 = seeds().pages[3];
  BOOST_TEST(p3.synopsis.prototypes.at(0).loc.line == 11);
  BOOST_TEST(p3.section("NOTES")->blocks.at(0).sentences.at(1).loc.line == 22);
  BOOST_TEST(p3.name_loc.line == 5);
}

BOOST_AUTO_TEST_SUITE_END()
