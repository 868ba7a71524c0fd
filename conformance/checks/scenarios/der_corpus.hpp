// Malformed session encodings by construction, for the failure case of
// d2i_SSL_SESSION. From a valid encoding made by the implementation under
// test: every single-point change of its DER tree (an element dropped,
// repeated, moved, given another tag class or number, an element of each
// class inserted at each position of each constructed element the session
// grammar opens, each length one shorter and one longer, the whole cut
// short), plus a few changed field values. A change whose result is still
// a session encoding (session_grammar_accepts) is left out: it is not
// malformed. Pure C++: no libssl here.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace sslconf::checks::scenarios {

using Der = std::vector<unsigned char>;

struct Malformed {
  std::string kind;  // the class of malformation ("element moved", "length shortened"...)
  std::string what;  // which element and how ("[5] moved before the master key")
  Der bytes;
};

struct Corpus {
  std::vector<Malformed> malformed;
  // Single-point changes left out because the result is a session encoding.
  std::size_t still_valid = 0;
  // False when `valid` is not a session encoding this grammar knows (e.g.
  // not DER): then only cuts are made, whose malformation needs no grammar.
  bool tree = false;
};

Corpus malformed_session_encodings(const Der& valid);

// `valid` followed by spare bytes (which d2i functions leave unread):
// (what follows, the bytes).
std::vector<std::pair<std::string, Der>> with_trailing_bytes(const Der& valid);

// Whether `der` is one DER session encoding, in the layout OpenSSL
// documents for SSL_SESSION_ASN1 widened by the fields other libraries
// write (BoringSSL, LibreSSL): a SEQUENCE of the format version (1), the
// protocol version, a 2-byte cipher suite, a session ID of at most 32
// bytes and a master key, an optional [0] primitive field, then explicitly
// tagged fields in increasing tag order, each holding one element of a
// type some library gives that tag. Lenient where the libraries differ, so
// that nothing it rejects is a valid encoding for any of them.
bool session_grammar_accepts(const Der& der);

}  // namespace sslconf::checks::scenarios
