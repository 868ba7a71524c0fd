// report.html as a reader's browser shows it: headless Chromium loads the
// dashboard generated from the fixture results, at 1280 px; the test reads
// the DOM the page's script drew. Filters are applied through the page's
// fragment, which is where the filter controls keep their state (a filtered
// view is a link). Exits 77 (skipped, for CTest) when chromium is absent.
#define BOOST_TEST_MODULE report_dashboard_browser
#include <boost/test/unit_test.hpp>

#include "platform/process.hpp"
#include "report/dashboard.hpp"
#include "report/tests/fixtures.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <map>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using sslconf::report::testing::fixture;
using sslconf::report::testing::kFixtures;

bool have_chromium() {
  try {
    const auto r = sslconf::platform::run_process({"chromium", "--version"});
    return r.exited && r.exit_code == 0;
  } catch (const std::exception&) {
    return false;
  }
}

// Before any test: skip the whole program, with its reason, without chromium.
struct RequireChromium {
  RequireChromium() {
    if (have_chromium()) return;
    std::cout << "skipped: chromium is not installed (Debian package chromium, see scripts/setup)\n";
    std::exit(77);
  }
};
BOOST_TEST_GLOBAL_FIXTURE(RequireChromium);

// The fixture's report, written once into a scratch folder.
struct Report {
  fs::path dir = fs::temp_directory_path() /
                 ("sslconf-dashboard-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  fs::path html = dir / "report.html";
  Report() : Report({fixture("results-alpha.json"), fixture("results-beta.json")}) {}
  explicit Report(const std::vector<nlohmann::json>& results) {
    fs::create_directories(dir);
    sslconf::report::write_report_html(results, html.string(), fixture("claims.json"));
  }
  ~Report() { fs::remove_all(dir); }

  // The DOM after the page's script ran, for report.html + `fragment`.
  std::string dom(const std::string& fragment) const {
    static int run = 0;
    const fs::path profile = dir / ("profile-" + std::to_string(++run));
    sslconf::platform::ProcessOptions options;
    options.timeout = std::chrono::seconds(90);
    const auto r = sslconf::platform::run_process(
        {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile.string(),
         "--dump-dom", "file://" + html.string() + fragment},
        options);
    BOOST_REQUIRE_MESSAGE(r.exited && r.exit_code == 0, "chromium failed: " << r.err);
    // What the script drew, without the script's own text.
    return r.out.substr(0, r.out.find("<script"));
  }
};

std::string attribute(const std::string& dom, const std::string& name) {
  std::smatch m;
  return std::regex_search(dom, m, std::regex("<html[^>]*? " + name + "=\"([^\"]*)\"")) ? m[1].str() : "";
}

// The claim ids of the grid's rows, in order.
std::vector<std::string> rows(const std::string& dom) {
  std::vector<std::string> ids;
  static const std::regex row("<tr data-id=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), row); it != std::sregex_iterator(); ++it)
    ids.push_back((*it)[1].str());
  return ids;
}

// Sentence text → its mark on the annotated page (st-pass, st-fail, ...).
std::map<std::string, std::string> marks(const std::string& dom) {
  std::map<std::string, std::string> out;
  static const std::regex mark("<span class=\"s (st-[a-z]+)\"[^>]*>([^<]*)</span>");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), mark); it != std::sregex_iterator(); ++it)
    out[(*it)[2].str()] = (*it)[1].str();
  return out;
}

const Report& report() {
  static const Report r;
  return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(dashboard_shows_every_claim_within_1280_px) {
  const auto dom = report().dom("");
  BOOST_TEST(attribute(dom, "data-view") == "dashboard");
  BOOST_TEST(rows(dom).size() == 8u);
  BOOST_TEST(dom.find("8 of 8 claims") != std::string::npos);
  BOOST_TEST(dom.find("aria-label=\"outcomes of beta\"") != std::string::npos, "a bar per implementation");
  const int width = std::atoi(attribute(dom, "data-width").c_str());
  BOOST_TEST(width > 0);
  BOOST_TEST(width <= 1280, "no sideways scrolling at 1280 px");
}

BOOST_AUTO_TEST_CASE(outcome_and_implementation_filter_shows_only_those_rows) {
  const auto dom = report().dom("#outcome=FAIL&impl=beta");
  BOOST_TEST(rows(dom) == (std::vector<std::string>{"SSL_SESSION_free/prototype/1", "SSL_SESSION_free/null-noop/1"}),
             boost::test_tools::per_element());
  BOOST_TEST(dom.find("<option value=\"FAIL\" selected=\"\">") != std::string::npos, "the control shows the filter");
  BOOST_TEST(dom.find("observed the process died of SIGSEGV") != std::string::npos, "a FAIL says what was observed");
  BOOST_TEST(dom.find("<th style=\"width:88px\" title=\"sslref 0.1\">alpha</th>") == std::string::npos,
             "only the chosen implementation's column");
}

BOOST_AUTO_TEST_CASE(differences_only_and_unexpected_only) {
  BOOST_TEST(rows(report().dom("#differ=1")) ==
                 (std::vector<std::string>{"SSL_SESSION_free/prototype/1", "SSL_SESSION_free/null-noop/1",
                                           "SSL_SESSION_new/version-added/1"}),
             boost::test_tools::per_element());
  BOOST_TEST(rows(report().dom("#unexpected=1")) == std::vector<std::string>{"SSL_SESSION_free/null-noop/1"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(page_kind_and_search_narrow_the_grid) {
  BOOST_TEST(rows(report().dom("#page=SSL_SESSION_new&kind=version-added")) ==
                 std::vector<std::string>{"SSL_SESSION_new/version-added/1"},
             boost::test_tools::per_element());
  BOOST_TEST(rows(report().dom("#q=nothing%20is%20done")) == std::vector<std::string>{"SSL_SESSION_free/null-noop/1"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(annotated_page_marks_each_sentence_by_what_became_of_it) {
  const auto dom = report().dom("#annotate=SSL_SESSION_free");
  BOOST_TEST(attribute(dom, "data-view") == "annotated");
  const auto m = marks(dom);
  BOOST_TEST(m.at("SSL_SESSION_free() decrements the reference count of session and frees it at zero.") == "st-pass");
  BOOST_TEST(m.at("If session is NULL nothing is done.") == "st-fail");
  BOOST_TEST(m.at("Sessions are shared between threads with care.") == "st-unrecognised");
  BOOST_TEST(m.at("A page may mention &lt;/script&gt; in its text.") == "st-notcheckable");
  BOOST_TEST(m.size() == 5u, "only this page's sentences");
  BOOST_TEST(dom.find("not machine-checkable: informative") != std::string::npos, "the reason on hover");
  BOOST_TEST(dom.find("<h3>NOTES</h3>") != std::string::npos);
  const int width = std::atoi(attribute(dom, "data-width").c_str());
  BOOST_TEST((width > 0 && width <= 1280));
}

BOOST_AUTO_TEST_CASE(a_sentence_reached_from_the_grid_shows_its_claims_and_outcomes) {
  const auto dom = report().dom("#annotate=SSL_SESSION_free&line=16");
  const auto at = dom.find("<aside id=\"why\">");
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "the explanation is open");
  const auto why = dom.substr(at);
  BOOST_TEST(why.find("null-noop") != std::string::npos);
  BOOST_TEST(why.find("beta: <b>FAIL</b> (expected PASS) — the process died of SIGSEGV") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(dashboard_links_to_the_annotated_pages) {
  const auto dom = report().dom("");
  BOOST_TEST(dom.find("href=\"#annotate=SSL_SESSION_new\"") != std::string::npos);
  BOOST_TEST(dom.find("href=\"#annotate=SSL_SESSION_free&amp;line=16\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(annotate_accepts_a_function_and_opens_the_page_documenting_it) {
  // SSL_SESSION_dup declared on SSL_SESSION_new's page, as OpenSSL's manual has it.
  auto beta = fixture("results-beta.json");
  auto dup = beta["results"][5];
  dup["id"] = "SSL_SESSION_new/prototype/2";
  dup["kind"] = "prototype";
  dup["functions"] = {"SSL_SESSION_dup"};
  dup["text"] = "SSL_SESSION *SSL_SESSION_dup(const SSL_SESSION *src);";
  beta["results"].push_back(dup);
  const Report with_dup({fixture("results-alpha.json"), beta});
  const auto dom = with_dup.dom("#annotate=SSL_SESSION_dup");
  BOOST_TEST(attribute(dom, "data-view") == "annotated");
  BOOST_TEST(dom.find("SSL_SESSION_dup</span> is documented on the page <span class=\"mono\">SSL_SESSION_new") !=
             std::string::npos);
  BOOST_TEST(dom.find("<h2>SSL_SESSION_new ") != std::string::npos, "the page of SSL_SESSION_new is drawn");
  BOOST_TEST(std::atoi(attribute(dom, "data-shown").c_str()) > 0, "the page's sentences are drawn");
  // Letter case does not matter; a name nothing documents says so.
  BOOST_TEST(attribute(with_dup.dom("#annotate=ssl_session_new"), "data-shown") != "0");
  const auto none = with_dup.dom("#annotate=SSL_no_such_function");
  BOOST_TEST(none.find("No page of this report documents SSL_no_such_function") != std::string::npos);
  BOOST_TEST(attribute(none, "data-shown") == "0");
}

BOOST_AUTO_TEST_CASE(findings_section_lists_each_divergence_once_with_where_it_holds) {
  const auto dom = report().dom("");
  const auto at = dom.find("id=\"findings\"");
  BOOST_REQUIRE(at != std::string::npos);
  const auto section = dom.substr(at, dom.find("</details>", at) - at);
  BOOST_TEST(section.find("Findings (2)") != std::string::npos, section);
  BOOST_TEST(section.find("differs on beta (OpenSSL 3.0.99 fixture)</b>: the process died of SIGSEGV") != std::string::npos);
}
