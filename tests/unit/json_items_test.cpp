// WriteJsonWithItems writes large reports a finding at a time; its bytes must be exactly
// those of dumping the whole tree, at any depth, for any items.
#include <catch2/catch.hpp>
#include <sstream>

#include "report/finding_json.hpp"

using namespace sprawl;
using Json = nlohmann::ordered_json;

namespace {

Json Item(std::size_t i) {
  Json j;
  j["n"] = i;
  j["text"] = "line one\nline two \"quoted\" \\ tab\t é 日本";
  j["nested"] = {{"list", Json::array({1, 2, Json::object()})}, {"empty", Json::array()}};
  if (i % 2) j["odd"] = nullptr;
  return j;
}

}  // namespace

TEST_CASE("report items written one at a time give the whole-tree dump, byte for byte") {
  for (std::size_t count : {0u, 1u, 3u}) {
    INFO("items: " << count);
    // Top level, as in the json report.
    Json doc;
    doc["version"] = 1;
    doc["findings"] = Json::array();
    doc["stats"] = {{"findings", count}};
    std::ostringstream spliced;
    WriteJsonWithItems(spliced, doc, "findings", 1, count, Item);
    Json whole = doc;
    for (std::size_t i = 0; i < count; ++i)
      whole["findings"].push_back(Item(i));
    CHECK(spliced.str() == DumpJson(whole, 2) + "\n");

    // Three levels down, as in SARIF's runs[0].results.
    Json sarif;
    sarif["version"] = "2.1.0";
    Json run;
    run["tool"] = {{"driver", {{"rules", Json::array()}}}};
    run["results"] = Json::array();
    sarif["runs"] = Json::array({run});
    std::ostringstream deep;
    WriteJsonWithItems(deep, sarif, "results", 3, count, Item);
    Json full_run = run;
    for (std::size_t i = 0; i < count; ++i)
      full_run["results"].push_back(Item(i));
    Json full = sarif;
    full["runs"] = Json::array({full_run});
    CHECK(deep.str() == DumpJson(full, 2) + "\n");
  }
}
