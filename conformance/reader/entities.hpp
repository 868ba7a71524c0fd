// Named character escapes shared by the readers.
#pragma once

#include <optional>
#include <string_view>

namespace sslconf::reader {

// The code point of an HTML 4 character entity name ("eacute", "alpha",
// "rArr") or of POD's "verbar" and "sol"; nothing for an unknown name.
// Names are case-sensitive, as in HTML ("Alpha" and "alpha" differ).
std::optional<unsigned> html_entity(std::string_view name);

}  // namespace sslconf::reader
