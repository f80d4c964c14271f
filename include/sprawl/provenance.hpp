// Where a finding came from in git history: the commit that introduced it and what
// happened to it since. Computed only for findings, never for every blob.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sprawl {

struct GitCommitInfo {
  std::string id;  // full hex object id
  std::string author_name;
  std::string author_email;
  std::string author_date;  // ISO 8601 with the author's UTC offset
  std::string committer_name;
  std::string committer_email;
  std::string committer_date;
  std::string summary;  // first line of the message
};

struct GitProvenance {
  std::string blob_id;
  GitCommitInfo introduced;                   // first commit (parents before children) with it
  std::optional<GitCommitInfo> last_present;  // on HEAD's first-parent line; none if never there
  std::optional<GitCommitInfo> removed_by;    // the next commit on that line, once gone
  bool present_at_head = false;
  std::vector<std::string> head_paths;  // where the blob sits in HEAD's tree (renames show here)
  std::uint32_t refs_reaching = 0;      // refs whose history contains the introducing commit
};

}  // namespace sprawl
