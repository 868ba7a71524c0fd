// One diagnostic shape for every tool: "file:line: error: message".
#pragma once

#include "model/page.hpp"

#include <stdexcept>
#include <string>

namespace sslconf::model {

// Thrown by readers and other tools on bad input; what() is the full line.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation loc, const std::string& message)
      : std::runtime_error(format(loc, message)), loc_(std::move(loc)) {}
  const SourceLocation& where() const { return loc_; }

  static std::string format(const SourceLocation& loc, const std::string& message,
                            const std::string& level = "error") {
    std::string out = loc.file;
    if (loc.line > 0) out += ":" + std::to_string(loc.line);
    return out + ": " + level + ": " + message;
  }

 private:
  SourceLocation loc_;
};

}  // namespace sslconf::model
