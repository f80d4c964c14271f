// How reporters show ownership hints and token metadata (docs/ownership.md).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "sprawl/finding.hpp"

namespace sprawl {

// [{"kind", "value", "source"}, ...], best first.
nlohmann::ordered_json OwnersToJson(const Finding& f);
// {"jwt.exp": "...", "expired": "true", ...} in the order the facts were decoded.
nlohmann::ordered_json MetadataToJson(const Finding& f);

// Human report lines under a finding: the best owner hint ("+N more" when there are
// others) and a visible mark on expired tokens. Values are escaped for the terminal.
void WriteOwnerLines(std::ostream& out, const Finding& f, bool color);

}  // namespace sprawl
