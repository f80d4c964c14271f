// The JSON shape of a finding and of the stats, shared by the json, jsonl and sarif
// reporters.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "report/reporter.hpp"

namespace sprawl {

nlohmann::ordered_json FindingToJson(const Finding& f, bool reveal);
nlohmann::ordered_json StatsToJson(const ScanStats& s);
nlohmann::ordered_json ProvenanceToJson(const GitProvenance& p);
// {"status": ..., "reason": ..., "identity": {...}} (verification_json.cpp)
nlohmann::ordered_json VerificationToJson(const Verification& v);
// JSON text that never throws on invalid UTF-8 (bytes are escaped first).
std::string DumpJson(const nlohmann::ordered_json& j, int indent = -1);

// Writes `doc` as DumpJson(doc, 2) does, with the empty array under `key` (at `depth`
// levels of nesting, the first key of that name in the text) filled with `count` items,
// item(i) each, dumped one at a time. For 10,860 findings, dumping the whole tree at once
// took 3x as long as this (docs/performance.md), and held a second copy of the output.
void WriteJsonWithItems(std::ostream& out, const nlohmann::ordered_json& doc, std::string_view key,
                        int depth, std::size_t count,
                        const std::function<nlohmann::ordered_json(std::size_t)>& item);

}  // namespace sprawl
