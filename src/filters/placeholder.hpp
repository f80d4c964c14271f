// Recognizes secrets that are obviously not real: documentation placeholders, template
// variables, environment references, masked or repetitive values.
#pragma once

#include <string_view>

namespace sprawl {

// The reason a value looks like a placeholder, or nullptr if it looks real.
const char* PlaceholderReason(std::string_view secret);

}  // namespace sprawl
