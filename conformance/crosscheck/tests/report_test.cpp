// The HTML report: the Pandoc document is checked as JSON (pure), then
// rendered by the real pandoc when it is installed.
#define BOOST_TEST_MODULE crosscheck_report
#include <boost/test/unit_test.hpp>

#include "crosscheck/report.hpp"
#include "page_builder.hpp"
#include "platform/process.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sslconf;
using namespace sslconf::crosscheck;

namespace {

CrosscheckReport sample_report() {
  CrosscheckReport r;
  r.docs = "pod";
  r.lint.push_back({{"pod/a.pod", 3}, Severity::warning, "repeated-word", "repeated word \"the the\"", "the", ""});
  DocSetDiff d;
  d.before = "1.1.0";
  d.after = "1.1.1";
  d.functions_added = {"SSL_SESSION_dup"};
  d.see_also.push_back({"SSL_SESSION_new", "SSL_SESSION_new", "ssl(3)", "ssl(7)", {"b.html", 4}});
  r.page_diffs.push_back(d);
  HeaderReport h;
  h.implementation = "boringssl";
  PrototypeComparison c;
  c.prototype = test::prototype("SSL_SESSION *", "SSL_SESSION_new", {}, 12);
  c.declaration = Declaration{"SSL_SESSION_new", "SSL_SESSION_new", "", false,
                              "SSL_SESSION *SSL_SESSION_new(const SSL_CTX *ctx);", "SSL_SESSION *", {}, false};
  c.agreement = Agreement::different;
  c.reasons = {"the page has 0 parameter(s), the header 1"};
  h.comparisons.push_back(c);
  r.headers.push_back(h);
  return r;
}

// All the text of a pandoc JSON value, Str by Str.
void collect(const nlohmann::json& j, std::string& out) {
  if (j.is_object()) {
    if (j.value("t", "") == "Str" || j.value("t", "") == "Code") {
      out += (j["t"] == "Str" ? j["c"].get<std::string>() : j["c"][1].get<std::string>()) + " ";
      return;
    }
    for (const auto& [k, v] : j.items()) collect(v, out);
  } else if (j.is_array()) {
    for (const auto& v : j) collect(v, out);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(document_holds_all_four_checks) {
  const auto doc = report_document(sample_report(), {1, 22, 2, 1});
  BOOST_TEST(doc["pandoc-api-version"] == nlohmann::json({1, 22, 2, 1}));
  std::string text;
  collect(doc["blocks"], text);
  for (const char* expected : {"lint", "pod/a.pod:3", "SSL_SESSION_dup", "ssl(3)", "ssl(7)", "Page against header",
                               "SSL_SESSION *SSL_SESSION_new(const SSL_CTX *ctx);", "different", "Page against behaviour"})
    BOOST_TEST(text.find(expected) != std::string::npos, "report mentions " << expected);
}

BOOST_AUTO_TEST_CASE(unknown_pandoc_api_is_refused) {
  BOOST_CHECK_THROW(report_document(sample_report(), {2, 0}), std::runtime_error);
  BOOST_CHECK_THROW(report_document(sample_report(), {1, 16}), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(pandoc_renders_the_report_as_html) {
  try {
    platform::run_process({"pandoc", "--version"});
  } catch (const std::exception&) {
    BOOST_TEST_MESSAGE("skipped: no pandoc");
    return;
  }
  const auto path = std::filesystem::temp_directory_path() / ("crosscheck-report-" + std::to_string(::getpid()) + ".html");
  write_crosscheck_report(sample_report(), path.string());
  std::ifstream in(path);
  std::stringstream html;
  html << in.rdbuf();
  std::filesystem::remove(path);
  BOOST_TEST(html.str().find("<title>Documentation cross-checks</title>") != std::string::npos);
  BOOST_TEST(html.str().find("<code>SSL_SESSION *SSL_SESSION_new(const SSL_CTX *ctx);</code>") != std::string::npos);
  BOOST_TEST(html.str().find("id=\"page-vs-header\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(findings_come_first_with_a_count_per_group) {
  const auto doc = report_document(sample_report(), {1, 22, 2, 1});
  const auto& blocks = doc["blocks"];
  std::vector<std::string> headings;
  for (const auto& b : blocks)
    if (b["t"] == "Header" && b["c"][0] == 2) headings.push_back(b["c"][1][0].get<std::string>());
  const std::vector<std::string> expected{"findings", "lint", "page-vs-page", "page-vs-header", "page-vs-behaviour"};
  BOOST_TEST(headings == expected, boost::test_tools::per_element());
  std::string summary;
  collect(blocks[2], summary);  // the list under "Findings"
  BOOST_TEST(summary.find("1 finding (0 errors, 1 warning)") != std::string::npos, summary);
  BOOST_TEST(summary.find("1 different, 0 missing, 0 compatible; 0 as documented.") != std::string::npos, summary);
}

BOOST_AUTO_TEST_CASE(functions_one_side_lacks_are_one_line_per_page) {
  CrosscheckReport r;
  r.docs = "pod";
  DocSetDiff d;
  d.before = "installed";
  d.after = "pod";
  for (const char* f : {"BIO_new", "BIO_free", "BIO_up_ref", "BIO_vfree", "BIO_free_all", "BIO_a", "BIO_b"}) {
    d.functions_removed.push_back(f);
    d.function_sources[f] = "/usr/share/man/man3/BIO_new.3ssl.gz:5";
  }
  d.functions_removed.push_back("SSL_x");
  d.function_sources["SSL_x"] = "/usr/share/man/man3/SSL_x.3ssl.gz:5";
  ClaimChange removed;
  removed.type = ClaimChange::Type::removed;
  removed.function = "BIO_new";
  removed.kind = "returns-pointer-or-null";
  removed.before.text = "BIO_new() returns a new BIO";
  d.claims.push_back(removed);
  ClaimChange aside;
  aside.type = ClaimChange::Type::removed;
  aside.function = "-";
  aside.kind = "informative";
  aside.before.text = "Sessions are a fine thing";
  aside.before.source = "/usr/share/man/man3/SSL_x.3ssl.gz:30";
  d.claims.push_back(aside);
  ClaimChange checked = aside;
  checked.kind = "cache-by-mode";
  checked.before.text = "Client sessions are cached";
  checked.before.checkable = true;
  d.claims.push_back(checked);
  r.page_diffs.push_back(d);
  std::string text;
  collect(report_document(r, {1, 22, 2, 1})["blocks"], text);
  BOOST_TEST(text.find("/usr/share/man/man3/BIO_new.3ssl.gz 7 functions: BIO_new, BIO_free, BIO_up_ref, BIO_vfree, "
                       "BIO_free_all, BIO_a, and 1 more") != std::string::npos, text);
  BOOST_TEST(text.find("/usr/share/man/man3/SSL_x.3ssl.gz 1 function: SSL_x") != std::string::npos, text);
  BOOST_TEST(text.find("BIO_new() returns a new BIO") == std::string::npos, "claims of one-sided functions are counted, not listed");
  BOOST_TEST(text.find("Sessions are a fine thing") == std::string::npos, "sentences no check uses are counted");
  BOOST_TEST(text.find("/usr/share/man/man3/SSL_x.3ssl.gz 1 sentence") != std::string::npos, text);
  // A statement one side makes and the other does not is counted per page:
  // two manuals written apart say different things, not different facts.
  BOOST_TEST(text.find("Client sessions are cached") == std::string::npos, "a one-sided statement is counted");
  BOOST_TEST(text.find("/usr/share/man/man3/SSL_x.3ssl.gz 1 statement") != std::string::npos, text);
  BOOST_TEST(text.find("0 differences of fact (values, declarations, releases, defaults) in what both document; "
                       "0 sentences reworded or saying more on one side, 1 statement made on one side only, 0 SEE ALSO targets on one side only; "
                       "8 functions documented on one side only (2 pages) and 1 sentence no check uses") !=
                 std::string::npos,
             text);
}

BOOST_AUTO_TEST_CASE(changed_values_are_listed_and_rewordings_counted) {
  CrosscheckReport r;
  r.docs = "pod";
  DocSetDiff d;
  d.before = "installed";
  d.after = "pod";
  ClaimChange value;
  value.type = ClaimChange::Type::changed;
  value.function = "SSL_CTX_get_timeout";
  value.kind = "default-value";
  value.before.text = "The default timeout is 300 seconds.";
  value.after.text = "A new context's timeout is 7200 seconds.";
  value.after.source = "pod/SSL_CTX_set_timeout.pod:20";
  value.params = {{"value", 300, 7200}, {"subject", "the default timeout", "a new context's timeout"}};
  d.claims.push_back(value);
  ClaimChange words = value;
  words.kind = "descriptive";
  words.before.text = "The cache holds the session.";
  words.after.text = "The session stays in the cache.";
  words.params = {{"predicate", "holds the session", "stays in the cache"}};
  d.claims.push_back(words);
  ClaimChange more = value;  // one side gives a failure value the other does not
  more.kind = "returns-int";
  more.after.text = "SSL_CTX_set_timeout() returns 0 on failure.";
  more.params = {{"failure", nullptr, 0}};
  d.claims.push_back(more);
  ClaimChange proto;
  proto.type = ClaimChange::Type::added;
  proto.function = "SSL_CTX_get_timeout";
  proto.kind = "prototype";
  proto.after.text = "long SSL_CTX_get_timeout(const SSL_CTX *ctx);";
  proto.after.checkable = true;
  d.claims.push_back(proto);
  d.see_also.push_back({"a", "a", "ssl(3)", "ssl(7)", {"pod/a.pod", 40}});
  d.see_also.push_back({"a", "a", "", "SSL_new(3)", {"pod/a.pod", 41}});
  r.page_diffs.push_back(d);
  std::string text;
  collect(report_document(r, {1, 22, 2, 1})["blocks"], text);
  BOOST_TEST(text.find("A new context's timeout is 7200 seconds.") != std::string::npos, "a changed value is listed");
  BOOST_TEST(text.find("long SSL_CTX_get_timeout(const SSL_CTX *ctx);") != std::string::npos,
             "a declaration on one side only is listed");
  BOOST_TEST(text.find("The session stays in the cache.") == std::string::npos, "a rewording is counted");
  BOOST_TEST(text.find("returns 0 on failure") == std::string::npos, "saying more is no contradiction");
  BOOST_TEST(text.find("2 sentences say the same thing in other words or say more on one side") != std::string::npos, text);
  BOOST_TEST(text.find("3 differences of fact") != std::string::npos, text);
  BOOST_TEST(text.find("pod/a.pod 1 SEE ALSO target") != std::string::npos, text);
}
