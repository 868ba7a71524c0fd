// Kinds about the protocol versions a method constructor's connections
// speak (added for issue 13): protocol-only and negotiates-highest. Each
// method meets a version-flexible peer in a real handshake over a memory
// BIO pair; the version is read from the client's session. A handshake
// that does not complete is UNRESOLVED with the reason: a library may
// refuse an old version by configuration, which says nothing about what
// the method understands.
#include "checks/check.hpp"
#include "checks/params.hpp"
#include "checks/verdict.hpp"
#include "harness/handshake.hpp"
#include "harness/optional.hpp"

#include <string>
#include <utility>
#include <vector>

namespace sslconf::checks {

namespace {

namespace optional = harness::optional;

// Wire values of the versions (RFC 6101, 2246, 4346, 5246, 8446).
constexpr int kSsl3 = 0x0300, kTls1 = 0x0301, kTls11 = 0x0302, kTls12 = 0x0303, kTls13 = 0x0304;

int wire_version(const std::string& protocol) {
  if (protocol == "SSLv3") return kSsl3;
  if (protocol == "TLSv1") return kTls1;
  if (protocol == "TLSv1.1") return kTls11;
  if (protocol == "TLSv1.2") return kTls12;
  if (protocol == "TLSv1.3") return kTls13;
  throw Untestable("the suite cannot set up the protocol " + protocol);
}

std::string version_name(int version) {
  switch (version) {
    case kSsl3: return "SSLv3";
    case kTls1: return "TLSv1";
    case kTls11: return "TLSv1.1";
    case kTls12: return "TLSv1.2";
    case kTls13: return "TLSv1.3";
    default: return "version " + std::to_string(version);
  }
}

bool is_datagram(const std::string& name) { return name.rfind("DTLS", 0) == 0; }
bool server_method(const std::string& method) { return method.find("_server_") != std::string::npos; }
bool client_method(const std::string& method) { return method.find("_client_") != std::string::npos; }

// Where a bound or a level cannot be set the library's defaults stay.
void allow_versions_from(SSL_CTX* ctx, int lowest) {
  try {
    optional::ctx_set_min_proto_version(ctx, lowest);
  } catch (const harness::Missing&) {
  }
  try {
    optional::ctx_set_security_level(ctx, 0);
  } catch (const harness::Missing&) {
  }
}

void hold_to_version(SSL_CTX* ctx, int version) {
  if (optional::ctx_set_min_proto_version(ctx, version) != 1 || optional::ctx_set_max_proto_version(ctx, version) != 1)
    throw Unresolved("scenario: the peer could not be held to " + version_name(version));
}

struct End {
  const SSL_METHOD* method;
  int lowest;                        // allowed from this version up
  int held = 0;                      // held to this one version (0: not)
};

struct Meeting {
  bool connected = false;
  int version = 0;
  std::string why;
};

// One handshake between a client and a server context made as described.
Meeting meet_at_versions(const End& client, const End& server) {
  harness::Contexts ctx{SSL_CTX_new(client.method), SSL_CTX_new(server.method)};
  harness::Connection conn;
  // Both contexts and the connection go on every way out, thrown or not.
  struct Freed {
    harness::Contexts& ctx;
    harness::Connection& conn;
    ~Freed() {
      harness::disconnect(conn, false);
      SSL_CTX_free(ctx.client);
      SSL_CTX_free(ctx.server);
    }
  } freed{ctx, conn};
  if (!ctx.client || !ctx.server) throw Unresolved("scenario: SSL_CTX_new failed for a method");
  if (!harness::use_test_identity(ctx.server)) throw Unresolved("scenario: the server refused the test identity");
  for (const auto& [c, side] : {std::pair{ctx.client, &client}, std::pair{ctx.server, &server}}) {
    allow_versions_from(c, side->lowest);
    if (side->held) hold_to_version(c, side->held);
  }
  Meeting out;
  out.connected = harness::connect(ctx, conn, out.why);
  if (out.connected) out.version = optional::session_get_protocol_version(SSL_get_session(conn.client));
  return out;
}

// The roles_of_method a method plays: a client method as client, a server method as
// server, a generic one as both; the other end is version-flexible.
std::vector<std::pair<bool, std::string>> roles_of_method(const std::string& method) {
  std::vector<std::pair<bool, std::string>> out;  // (as client, how it reads)
  if (!server_method(method)) out.push_back({true, method + " as client"});
  if (!client_method(method)) out.push_back({false, method + " as server"});
  return out;
}

std::vector<std::string> declared_methods(const Claim& c) {
  std::vector<std::string> out;
  for (const auto& m : c.functions) {
    if (is_datagram(m)) throw Untestable("DTLS needs a datagram transport; the suite's memory BIO pair is a stream");
    try {
      optional::method_named(m);
      out.push_back(m);
    } catch (const harness::Missing&) {
    }
  }
  if (out.empty()) throw Untestable("none of the methods is declared here");
  return out;
}

}  // namespace

Verdict protocol_only(const Claim& c) {
  const auto params = params_of(c);
  const std::string protocol = text_param(params, "protocol");
  if (is_datagram(protocol)) throw Untestable("DTLS needs a datagram transport; the suite's memory BIO pair is a stream");
  const int want = wire_version(protocol);
  const int neighbour = want >= kTls12 ? (want == kTls12 && optional::has_tls13() ? kTls13 : 0) : kTls12;
  std::string seen;
  for (const auto& m : declared_methods(c)) {
    for (const auto& [as_client, role] : roles_of_method(m)) {
      const End own{optional::method_named(m), want};
      const End flexible{optional::tls_method(), want};
      const Meeting o = as_client ? meet_at_versions(own, flexible) : meet_at_versions(flexible, own);
      if (!o.connected)
        return unresolved(role + " against a version-flexible peer allowing " + protocol +
                          ": no handshake (" + o.why + "); the library may refuse " + protocol + " by configuration");
      if (o.version != want)
        return fail(role + " against a version-flexible peer: the session is " + version_name(o.version) + " (page: only " +
                    protocol + ")");
      seen += (seen.empty() ? "" : "; ") + role + ": " + version_name(o.version);
      if (!neighbour) continue;
      End held = flexible;
      held.lowest = neighbour;
      held.held = neighbour;
      const Meeting refused = as_client ? meet_at_versions(own, held) : meet_at_versions(held, own);
      if (refused.connected)
        return fail(role + " against a peer held to " + version_name(neighbour) + ": the handshake completed at " +
                    version_name(refused.version) + " (page: only " + protocol + ")");
      seen += ", refused by a peer held to " + version_name(neighbour);
    }
  }
  return pass(seen);
}

Verdict negotiates_highest(const Claim& c) {
  const int highest = optional::has_tls13() ? optional::tls13_version() : kTls12;
  std::string seen;
  for (const auto& m : declared_methods(c)) {
    for (const auto& [as_client, role] : roles_of_method(m)) {
      const End own{optional::method_named(m), kTls12};
      const End flexible{optional::tls_method(), kTls12};
      const Meeting with_flexible = as_client ? meet_at_versions(own, flexible) : meet_at_versions(flexible, own);
      if (!with_flexible.connected) return unresolved(role + " against a version-flexible peer: no handshake (" + with_flexible.why + ")");
      if (with_flexible.version != highest)
        return fail(role + " against a version-flexible peer: " + version_name(with_flexible.version) + ", where both support " +
                    version_name(highest));
      seen += (seen.empty() ? "" : "; ") + role + ": " + version_name(with_flexible.version);
      if (highest == kTls12) continue;
      End capped = flexible;
      capped.held = kTls12;  // the peer supports TLS 1.2 at most (and at least)
      const Meeting capped_result = as_client ? meet_at_versions(own, capped) : meet_at_versions(capped, own);
      if (!capped_result.connected) return unresolved(role + " against a peer held to TLSv1.2: no handshake (" + capped_result.why + ")");
      if (capped_result.version != kTls12)
        return fail(role + " against a peer held to TLSv1.2: " + version_name(capped_result.version));
      seen += ", TLSv1.2 with a peer held to it";
    }
  }
  return pass(seen);
}

}  // namespace sslconf::checks
