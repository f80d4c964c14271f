// Errors that reach the user as one line, with the exit code they imply.
#pragma once

#include <stdexcept>
#include <string>

#include "sprawl/exit_codes.hpp"

namespace sprawl {

// A problem with what the user gave us (arguments, config, rules): exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A problem while running (I/O, engine): exit code 3.
class RuntimeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sprawl
