#include "plan/objects.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

namespace sslconf::plan {

namespace {

std::vector<std::string> words_of(const std::string& type) {
  std::string spaced;
  for (const char ch : type) spaced += ch == '*' ? std::string(" * ") : std::string(1, ch);
  std::istringstream in(spaced);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The makers (plan/makers.h) take these state numbers.
const std::map<std::string, std::vector<State>>& model() {
  static const std::map<std::string, std::vector<State>> m{
      {"SSL_CTX",
       {{"sslconf_make_ctx(SSLCONF_CTX_SERVER)", "a new server context holding a certificate and key", {}},
        {"sslconf_make_ctx(SSLCONF_CTX_CLIENT)", "a new client context", {"value-not-set"}},
        {"sslconf_make_ctx(SSLCONF_CTX_PLAIN)", "a new context with nothing set", {"value-not-set", "fresh"}}}},
      {"SSL",
       {{"sslconf_make_ssl(SSLCONF_SSL_CLIENT_NEW)", "a new client connection, before its handshake",
         {"no-handshake", "no-session", "value-not-set"}},
        {"sslconf_make_ssl(SSLCONF_SSL_CLIENT_CONNECTED)", "a client connection after a TLS 1.2 handshake", {}},
        {"sslconf_make_ssl(SSLCONF_SSL_SERVER_CONNECTED)", "a server connection after a TLS 1.2 handshake",
         {"no-peer-certificate"}},
        {"sslconf_make_ssl(SSLCONF_SSL_SERVER_NEW)", "a new server connection, before its handshake",
         {"no-handshake", "no-session"}},
        {"sslconf_make_ssl(SSLCONF_SSL_PLAIN)", "a new connection of a context with nothing set",
         {"no-handshake", "no-session", "fresh"}}}},
      {"SSL_SESSION",
       {{"sslconf_make_session(SSLCONF_SESSION_ESTABLISHED)", "the session a TLS 1.2 handshake established", {}},
        {"sslconf_make_session(SSLCONF_SESSION_NEW)", "a new, empty session", {"value-not-set", "fresh"}}}},
      {"BIO", {{"BIO_new(BIO_s_mem())", "a new memory BIO", {}}}},
      {"X509", {{"sslconf_make_cert()", "the test certificate", {}}}},
      {"EVP_PKEY", {{"sslconf_make_key()", "the test certificate's private key", {}}}},
      {"SSL_METHOD", {{"TLS_method()", "TLS_method()", {}}}},
      {"SSL_CIPHER", {{"sslconf_make_cipher()", "the cipher a TLS 1.2 handshake agreed", {}}}},
      {"X509_STORE", {{"X509_STORE_new()", "a new X509_STORE", {}}}},
      {"X509_VERIFY_PARAM", {{"X509_VERIFY_PARAM_new()", "a new X509_VERIFY_PARAM", {}}}},
      {"SSL_CONF_CTX", {{"SSL_CONF_CTX_new()", "a new SSL_CONF_CTX", {}}}},
      {"X509_NAME", {{"X509_NAME_new()", "a new, empty X509_NAME", {}}}},
      {"EVP_MD", {{"EVP_sha256()", "EVP_sha256()", {}}}},
      {"OSSL_LIB_CTX", {{"NULL", "the default library context (NULL)", {}}}},
      {"STACK_OF(X509_NAME)", {{"sk_X509_NAME_new_null()", "a new, empty list of names", {}}}},
      {"STACK_OF(X509)", {{"sk_X509_new_null()", "a new, empty list of certificates", {}}}},
      {"STACK_OF(SSL_CIPHER)", {{"sk_SSL_CIPHER_new_null()", "a new, empty list of ciphers", {}}}},
  };
  return m;
}

}  // namespace

std::string object_type(const std::string& type) {
  std::vector<std::string> w = words_of(type);
  w.erase(std::remove(w.begin(), w.end(), "const"), w.end());
  w.erase(std::remove(w.begin(), w.end(), "struct"), w.end());
  const auto stars = std::count(w.begin(), w.end(), "*");
  w.erase(std::remove(w.begin(), w.end(), "*"), w.end());
  std::string name;
  for (const auto& x : w) name += x;
  if (name.rfind("STACK_OF(", 0) == 0) return stars == 1 ? name : "";
  if (stars != 1 || w.size() != 1) return "";
  return name;
}

const std::vector<State>& states_of(const std::string& type) {
  static const std::vector<State> none;
  const auto it = model().find(object_type(type));
  return it == model().end() ? none : it->second;
}

bool is_integer_type(const std::string& type) {
  static const std::set<std::string> words{"int",      "long",     "short",    "unsigned", "signed",  "size_t",
                                           "uint64_t", "uint32_t", "uint16_t", "uint8_t",  "int64_t", "int32_t",
                                           "time_t",   "char",     "const",    "ossl_ssize_t", "ssize_t"};
  const auto w = words_of(type);
  if (w.empty() || std::find(w.begin(), w.end(), "*") != w.end()) return false;
  const bool only = std::all_of(w.begin(), w.end(), [](const std::string& x) { return words.count(x) > 0; });
  return only && !(w.size() == 1 && w[0] == "const");
}

bool is_pointer_type(const std::string& type) {
  return type.find('*') != std::string::npos || type.rfind("STACK_OF(", 0) != std::string::npos;
}

}  // namespace sslconf::plan
