// Owner hints from `git blame` at HEAD, for findings in a work-tree file. A file is blamed
// once, over the line range its findings span (libgit2 is told the range), and only when
// a finding's line in the work tree is the line at HEAD: an edited or untracked line has
// no author yet, and a shifted line would name the wrong person.
#pragma once

#include <git2.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sources/git_util.hpp"
#include "sprawl/finding.hpp"

namespace sprawl::owners {

class FileBlame {
 public:
  // Blames lines [first_line, last_line] of `rel_path` ('/'-separated, relative to the
  // work tree root) at HEAD. Untracked files and unborn HEADs give no hints.
  FileBlame(git_repository* repo, const std::string& rel_path, std::uint64_t first_line,
            std::uint64_t last_line);

  // The hint for `line`, whose text in the work tree is `work_tree_line`.
  std::optional<OwnerHint> Hint(std::uint64_t line, std::string_view work_tree_line) const;

 private:
  std::unique_ptr<git_blame, GitDeleter<git_blame, git_blame_free>> blame_;
  std::optional<std::string> head_content_;
};

// Line `line` (1-based) of `content`, without its line ending; none past the end.
std::optional<std::string_view> NthLine(std::string_view content, std::uint64_t line);

}  // namespace sprawl::owners
