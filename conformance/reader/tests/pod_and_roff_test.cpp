// A roff page made by pod2man reads as its POD source does. The POD comes
// from OpenSSL 1.1.1w's doc/ tree (../shared/impls, unpacked into the build
// folder); the roff pages are those Debian's libssl-doc installs (3.0). The
// releases differ in places, so only sections whose text the two releases
// share are compared; both must give the same blocks (kind, item label,
// nesting) and the same sentences. Skipped, saying why, when either side
// is absent.
#define BOOST_TEST_MODULE reader_pod_and_roff_test
#include "page_essence.hpp"
#include "platform/process.hpp"
#include "reader/reader.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace sslconf;

namespace {

const fs::path kTarball = fs::path(SSLCONF_SOURCE_DIR) / "../shared/impls/openssl-1.1.1w-doc.tar.xz";
const fs::path kMan3 = "/usr/share/man/man3";

struct Compared {
  std::string page;
  std::vector<std::string> sections;
};

// Pages of the session family and the sections of each that 1.1.1w and the
// installed release word alike (checked by reading both; other sections
// changed between the releases).
const std::vector<Compared> kCompared{
    {"SSL_get_session", {"NAME", "DESCRIPTION", "NOTES", "RETURN VALUES"}},
    {"SSL_CTX_add_session", {"NAME", "DESCRIPTION", "NOTES", "RETURN VALUES"}},
    {"SSL_set_session", {"NAME", "NOTES", "RETURN VALUES"}},
    {"SSL_new", {"NAME", "RETURN VALUES"}},
    {"SSL_CTX_new", {"RETURN VALUES"}},
    {"SSL_free", {"NAME", "DESCRIPTION", "NOTES", "RETURN VALUES"}},
    {"SSL_clear", {"NAME", "DESCRIPTION", "NOTES", "RETURN VALUES"}},
    {"SSL_shutdown", {"NAME", "RETURN VALUES"}},
    {"SSL_session_reused", {"NAME", "DESCRIPTION", "RETURN VALUES"}},
    {"SSL_CTX_set_session_id_context", {"NAME", "DESCRIPTION", "RETURN VALUES"}},
    {"SSL_CTX_set_session_cache_mode", {"NAME", "DESCRIPTION", "RETURN VALUES"}},
    {"SSL_SESSION_get_time", {"NAME", "DESCRIPTION", "NOTES", "RETURN VALUES"}},
    {"d2i_SSL_SESSION", {"NAME", "DESCRIPTION", "RETURN VALUES"}},
    {"SSL_CTX_free", {"NAME", "DESCRIPTION", "RETURN VALUES"}},
};

// A section as text: each block's kind, label and depth, then its
// sentences (verbatim blocks: their lines), so a difference is a line diff.
std::string section_text(const model::Page& p, const std::string& title) {
  const model::Section* s = p.section(title);
  if (!s) return "<no section " + title + ">\n";
  std::ostringstream out;
  for (const auto& b : s->blocks) {
    out << model::to_string(b.kind) << " depth " << b.depth << (b.label.empty() ? "" : " [" + b.label + "]") << "\n";
    if (b.kind == model::Block::Kind::verbatim) reader::testing::verbatim_lines(b.text, out);
    for (const auto& se : b.sentences) out << "  - " << se.text << "\n";
  }
  return out.str();
}

// read_docs returns pages sorted by path.
std::map<std::string, model::Page> by_source(std::vector<model::Page> pages) {
  std::map<std::string, model::Page> out;
  for (auto& p : pages) out.emplace(p.source, std::move(p));
  return out;
}

// The unpacked 1.1.1w doc/man3 folder, or empty with the reason in `why`.
fs::path unpacked_pods(std::string& why) {
  if (!fs::exists(kTarball)) {
    why = kTarball.string() + " is absent";
    return {};
  }
  if (!fs::exists(kMan3 / "SSL_get_session.3ssl.gz")) {
    why = "the installed manual (libssl-doc, " + kMan3.string() + ") is absent";
    return {};
  }
  const fs::path dir = fs::path(SSLCONF_TEST_WORK_DIR) / "openssl-1.1.1w-doc";
  fs::create_directories(dir);
  const auto r = platform::run_process({"tar", "-xJf", kTarball.string(), "-C", dir.string()});
  BOOST_REQUIRE_MESSAGE(r.exited && r.exit_code == 0, "tar could not unpack " << kTarball << ": " << r.err);
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename() == "man3" && fs::exists(e.path() / "SSL_get_session.pod")) return e.path();
  BOOST_FAIL(kTarball << " holds no doc/man3/SSL_get_session.pod");
  return {};
}

}  // namespace

BOOST_AUTO_TEST_CASE(pod2man_pages_read_like_their_pod_source) {
  std::string why;
  const fs::path pods = unpacked_pods(why);
  if (pods.empty()) {
    BOOST_TEST_MESSAGE("skipped: " << why);
    return;
  }
  std::vector<std::string> pod_files, roff_files;
  for (const auto& c : kCompared) {
    pod_files.push_back((pods / (c.page + ".pod")).string());
    roff_files.push_back((kMan3 / (c.page + ".3ssl.gz")).string());
  }
  const auto pod = by_source(reader::read_docs(pod_files));
  const auto roff = by_source(reader::read_docs(roff_files));
  for (std::size_t i = 0; i < kCompared.size(); ++i) {
    BOOST_REQUIRE(pod.count(pod_files[i]) && roff.count(roff_files[i]));
    const auto& p = pod.at(pod_files[i]);
    const auto& r = roff.at(roff_files[i]);
    BOOST_TEST(r.format == model::PageFormat::man);
    for (const auto& title : kCompared[i].sections) {
      const auto a = section_text(p, title), b = section_text(r, title);
      BOOST_TEST(a == b, kCompared[i].page << " " << title << " differs at "
                                           << reader::testing::first_difference(a, b));
    }
  }
}

BOOST_AUTO_TEST_CASE(installed_return_value_items_keep_their_text) {
  if (!fs::exists(kMan3 / "SSL_get_session.3ssl.gz")) {
    BOOST_TEST_MESSAGE("skipped: the installed manual (libssl-doc) is absent");
    return;
  }
  std::vector<std::string> files;
  for (const auto& c : kCompared) files.push_back((kMan3 / (c.page + ".3ssl.gz")).string());
  std::size_t items = 0;
  for (const auto& p : reader::read_docs(files)) {
    const model::Section* rv = p.section("RETURN VALUES");
    if (!rv) continue;
    for (const auto& b : rv->blocks) {
      if (b.kind != model::Block::Kind::item) continue;
      ++items;
      BOOST_TEST(!b.text.empty(), p.source << ": RETURN VALUES item [" << b.label << "] has no text");
      BOOST_TEST(b.label.find("\\") == std::string::npos, p.source << ": label [" << b.label << "]");
    }
  }
  BOOST_TEST(items >= 10u);  // the pages above have 19 such items
}
