// The JSON shape of a finding and of the stats, shared by the json and jsonl reporters.
#pragma once

#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace sprawl {

nlohmann::ordered_json FindingToJson(const Finding& f, bool reveal);
nlohmann::ordered_json StatsToJson(const ScanStats& s);
nlohmann::ordered_json ProvenanceToJson(const GitProvenance& p);
// {"status": ..., "reason": ..., "identity": {...}} (verification_json.cpp)
nlohmann::ordered_json VerificationToJson(const Verification& v);
// JSON text that never throws on invalid UTF-8 (bytes are escaped first).
std::string DumpJson(const nlohmann::ordered_json& j, int indent = -1);

}  // namespace sprawl
