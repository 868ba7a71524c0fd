// Malformed session encodings made from a valid one, for the failure case
// of d2i_SSL_SESSION: each breaks one rule of DER or of the session
// structure that OpenSSL's own decoder enforces too, so every
// implementation must refuse them all. Pure C++: no libssl here.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sslconf::checks::scenarios {

using Der = std::vector<unsigned char>;

// (what is wrong, the bytes); empty when `valid` is not a SEQUENCE of
// elements this builder can take apart (then only truncations are made).
std::vector<std::pair<std::string, Der>> malformed_session_encodings(const Der& valid);

}  // namespace sslconf::checks::scenarios
