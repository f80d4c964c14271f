// Owner hint from `git blame` of one line at HEAD, for findings in a work-tree file. Only
// the finding's line is blamed (libgit2 is told the line range), and only when the line
// in the work tree is the line at HEAD: an edited or untracked line has no author yet.
#pragma once

#include <git2.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sprawl/finding.hpp"

namespace sprawl::owners {

// `rel_path`: '/'-separated, relative to the work tree root. `line_text`: the finding's
// line as it is in the work tree (without the newline), compared with the line at HEAD.
std::optional<OwnerHint> BlameLine(git_repository* repo, const std::string& rel_path,
                                   std::uint64_t line, std::string_view line_text);

// Line `line` (1-based) of `content`, without its line ending; none past the end.
std::optional<std::string_view> NthLine(std::string_view content, std::uint64_t line);

}  // namespace sprawl::owners
