// Interop with the system OpenSSL: sessions it encodes decode here with
// equal fields, and sessions encoded here decode there with equal fields.
// OpenSSL runs in a separate helper program (sslref_openssl_peer), never in
// this process.
#define BOOST_TEST_MODULE sslref_interop
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"
#include "platform/process.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace sslref_test;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("sslref-interop-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

sslconf::platform::ProcessResult peer(const std::vector<std::string>& args) {
  std::vector<std::string> argv{SSLREF_OPENSSL_PEER};
  argv.insert(argv.end(), args.begin(), args.end());
  sslconf::platform::ProcessOptions options;
  options.timeout = std::chrono::milliseconds(10000);
  return sslconf::platform::run_process(argv, options);
}

std::vector<unsigned char> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& p, const std::vector<unsigned char>& bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::string hex(const unsigned char* p, size_t n) {
  std::string out;
  char b[3];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(b, sizeof b, "%02x", p[i]);
    out += b;
  }
  return out;
}

// The same one-line field dump the peer prints.
std::string fields(const SSL_SESSION* s) {
  std::ostringstream out;
  unsigned int len = 0;
  const unsigned char* id = SSL_SESSION_get_id(s, &len);
  out << "id=" << hex(id, len) << " ";
  const unsigned char* ctx = SSL_SESSION_get0_id_context(s, &len);
  out << "sid_ctx=" << hex(ctx, len) << " ";
  unsigned char key[64];
  const size_t klen = SSL_SESSION_get_master_key(s, key, sizeof key);
  out << "master_key=" << hex(key, klen) << " ";
  out << "time=" << SSL_SESSION_get_time(s) << " timeout=" << SSL_SESSION_get_timeout(s)
      << " version=" << SSL_SESSION_get_protocol_version(s) << " resumable=" << SSL_SESSION_is_resumable(s) << "\n";
  return out.str();
}

// The peer's known session, built here with libsslref.
SSL_SESSION* known_session() {
  SSL_SESSION* s = make_session(0x5a, 1600000000, 1234);
  unsigned char key[48];
  for (int i = 0; i < 48; ++i) key[i] = static_cast<unsigned char>(i);
  BOOST_REQUIRE(SSL_SESSION_set1_master_key(s, key, sizeof key) == 1);
  BOOST_REQUIRE(SSL_SESSION_set1_id_context(s, reinterpret_cast<const unsigned char*>("interop"), 7) == 1);
  BOOST_REQUIRE(SSL_SESSION_set_protocol_version(s, TLS1_2_VERSION) == 1);
  return s;
}

std::vector<unsigned char> encode(const SSL_SESSION* s) {
  unsigned char* buf = nullptr;
  const int n = i2d_SSL_SESSION(s, &buf);
  std::vector<unsigned char> out(buf, buf + n);
  std::free(buf);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(session_written_by_openssl_decodes_with_equal_fields) {
  TempDir dir;
  const fs::path file = dir.path / "openssl.der";
  const auto w = peer({"write", file.string()});
  BOOST_REQUIRE_MESSAGE(w.exited && w.exit_code == 0, "peer write failed: " << w.err);
  const std::vector<unsigned char> der = read_file(file);
  const unsigned char* p = der.data();
  SSL_SESSION* d = d2i_SSL_SESSION(nullptr, &p, static_cast<long>(der.size()));
  BOOST_REQUIRE(d);
  BOOST_TEST(p == der.data() + der.size());
  SSL_SESSION* expected = known_session();
  BOOST_TEST(fields(d) == fields(expected));
  // And OpenSSL's own reading of its file agrees with ours.
  const auto r = peer({"read", file.string()});
  BOOST_TEST(r.out == fields(d));
  SSL_SESSION_free(expected);
  SSL_SESSION_free(d);
}

BOOST_AUTO_TEST_CASE(session_written_by_sslref_decodes_in_openssl_with_equal_fields) {
  TempDir dir;
  const fs::path file = dir.path / "sslref.der";
  SSL_SESSION* s = known_session();
  write_file(file, encode(s));
  const auto r = peer({"read", file.string()});
  BOOST_REQUIRE_MESSAGE(r.exited && r.exit_code == 0, "OpenSSL could not decode our session: " << r.err);
  BOOST_TEST(r.out == fields(s));
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(openssl_reencodes_our_session_byte_for_byte) {
  TempDir dir;
  SSL_SESSION* s = known_session();
  const std::vector<unsigned char> ours = encode(s);
  write_file(dir.path / "in.der", ours);
  const auto r = peer({"reencode", (dir.path / "in.der").string(), (dir.path / "out.der").string()});
  BOOST_REQUIRE(r.exited && r.exit_code == 0);
  BOOST_TEST((read_file(dir.path / "out.der") == ours));
  SSL_SESSION_free(s);
}

BOOST_AUTO_TEST_CASE(handshake_session_round_trips_through_openssl) {
  SSL_CTX* client = make_client_ctx();
  SSL_CTX* server = make_server_ctx();
  Pair p;
  BOOST_REQUIRE(connect(client, server, p));
  SSL_SESSION* s = SSL_get1_session(p.client);
  shutdown_cleanly(p);
  free_pair(p);
  TempDir dir;
  write_file(dir.path / "hs.der", encode(s));
  const auto r = peer({"read", (dir.path / "hs.der").string()});
  BOOST_REQUIRE(r.exited && r.exit_code == 0);
  BOOST_TEST(r.out == fields(s));
  SSL_SESSION_free(s);
  SSL_CTX_free(client);
  SSL_CTX_free(server);
}
