#include "report/finding_json.hpp"
#include "util/escape.hpp"

namespace sprawl {
namespace {

nlohmann::ordered_json CommitToJson(const GitCommitInfo& c) {
  return {{"id", c.id},
          {"author_name", SanitizeUtf8(c.author_name)},
          {"author_email", SanitizeUtf8(c.author_email)},
          {"author_date", c.author_date},
          {"committer_name", SanitizeUtf8(c.committer_name)},
          {"committer_email", SanitizeUtf8(c.committer_email)},
          {"committer_date", c.committer_date},
          {"summary", SanitizeUtf8(c.summary)}};
}

}  // namespace

nlohmann::ordered_json ProvenanceToJson(const GitProvenance& p) {
  nlohmann::ordered_json j;
  j["blob"] = p.blob_id;
  j["introduced"] = CommitToJson(p.introduced);
  j["last_present"] = p.last_present ? CommitToJson(*p.last_present) : nlohmann::ordered_json();
  j["removed_by"] = p.removed_by ? CommitToJson(*p.removed_by) : nlohmann::ordered_json();
  j["present_at_head"] = p.present_at_head;
  nlohmann::ordered_json paths = nlohmann::ordered_json::array();
  for (const auto& hp : p.head_paths)
    paths.push_back(SanitizeUtf8(hp));
  j["head_paths"] = paths;
  j["refs_reaching"] = p.refs_reaching;
  return j;
}

}  // namespace sprawl
