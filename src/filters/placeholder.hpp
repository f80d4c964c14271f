// Recognizes secrets that are obviously not real: documentation placeholders, template
// variables, environment references, masked or repetitive values.
#pragma once

#include <string_view>

namespace sprawl {

// The reason a value looks like a placeholder, or nullptr if it looks real. With
// `check_runs` false a run of repeated or sequential characters does not count: some formats
// have fixed runs (rules tagged `fixed-runs`, docs/rule-format.md).
const char* PlaceholderReason(std::string_view secret, bool check_runs = true);

}  // namespace sprawl
