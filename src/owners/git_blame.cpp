#include "owners/git_blame.hpp"

#include <algorithm>

#include "owners/git_identity.hpp"
#include "sources/git_util.hpp"

namespace sprawl::owners {

std::optional<std::string_view> NthLine(std::string_view content, std::uint64_t line) {
  if (line == 0) return std::nullopt;
  std::size_t start = 0;
  for (std::uint64_t n = 1; n < line; ++n) {
    const std::size_t nl = content.find('\n', start);
    if (nl == std::string_view::npos) return std::nullopt;
    start = nl + 1;
  }
  if (start > content.size()) return std::nullopt;
  std::string_view l = content.substr(start);
  l = l.substr(0, l.find('\n'));
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

FileBlame::FileBlame(git_repository* repo, const std::string& rel_path, std::uint64_t first_line,
                     std::uint64_t last_line) {
  head_content_ = ReadBlobAtHead(repo, rel_path);
  if (!head_content_) return;  // untracked, or no commit yet
  // Lines added in the work tree past the end of the HEAD version have no blame: keep the
  // range inside the HEAD version (libgit2 versions differ on ranges past the end).
  std::uint64_t head_lines =
      static_cast<std::uint64_t>(std::count(head_content_->begin(), head_content_->end(), '\n'));
  if (!head_content_->empty() && head_content_->back() != '\n') ++head_lines;
  last_line = std::min(last_line, head_lines);
  if (first_line > last_line) return;
  git_blame_options opts;
  git_blame_options_init(&opts, GIT_BLAME_OPTIONS_VERSION);
  opts.min_line = static_cast<std::size_t>(first_line);
  opts.max_line = static_cast<std::size_t>(last_line);
  git_blame* raw = nullptr;
  if (git_blame_file(&raw, repo, rel_path.c_str(), &opts) != 0) {
    git_error_clear();
    return;
  }
  blame_.reset(raw);
}

std::optional<OwnerHint> FileBlame::Hint(std::uint64_t line,
                                         std::string_view work_tree_line) const {
  if (!blame_ || !head_content_) return std::nullopt;
  const auto head_line = NthLine(*head_content_, line);
  if (!head_line || *head_line != work_tree_line) return std::nullopt;  // changed since HEAD
  const git_blame_hunk* hunk =
      git_blame_get_hunk_byline(blame_.get(), static_cast<std::size_t>(line));
  if (!hunk || git_oid_is_zero(&hunk->final_commit_id)) return std::nullopt;
  std::string name, email;
  if (hunk->final_signature) {
    name = hunk->final_signature->name ? hunk->final_signature->name : "";
    email = hunk->final_signature->email ? hunk->final_signature->email : "";
  }
  return OwnerHint{"blame", FormatIdentity(name, email),
                   CommitSource(OidHex(hunk->final_commit_id))};
}

}  // namespace sprawl::owners
