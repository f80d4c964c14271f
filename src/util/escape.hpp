// Makes untrusted bytes (file names, file contents) safe to print on a terminal: control
// characters, escape sequences and invalid UTF-8 become visible \xNN / \n escapes.
#pragma once

#include <string>
#include <string_view>

namespace sprawl {

std::string EscapeForTerminal(std::string_view s);

// Replaces invalid UTF-8 with \xNN escapes so JSON encoders accept the text losslessly
// enough for a human to recognise it.
std::string SanitizeUtf8(std::string_view s);

}  // namespace sprawl
