// A repository as ownership sees it: the libgit2 handle, the work tree root and the parsed
// CODEOWNERS (read once). Opened lazily by the enricher, one per repository.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "owners/codeowners.hpp"
#include "sources/git_util.hpp"

namespace sprawl::owners {

class RepoContext {
 public:
  // The repository containing `path` (a directory), or null when there is none.
  static std::unique_ptr<RepoContext> Discover(const std::string& path);
  // Reads and parses CODEOWNERS (first of kCodeownersLocations); malformed lines are
  // described in `warnings`. Called once per repository.
  void LoadCodeowners(std::vector<std::string>* warnings);

  git_repository* repo() const { return repo_.get(); }
  // Canonical work tree root ending in '/', empty for a bare repository.
  const std::string& workdir() const { return workdir_; }
  // git_repository_path: identifies the repository.
  std::string git_dir() const { return git_repository_path(repo_.get()); }
  const std::optional<CodeownersIndex>& codeowners() const { return codeowners_; }

  // `absolute` (canonical) relative to the work tree, or none if outside it.
  std::optional<std::string> RelativePath(const std::string& absolute) const;
  // Whether `rel_path` is in the index (tracked). Untracked files have no blame to ask for.
  bool IsTracked(const std::string& rel_path);
  // A blob's bytes by hex id; none if it cannot be read.
  std::optional<std::string> ReadBlob(const std::string& hex_id) const;

 private:
  // A file from the work tree, or (bare repositories) from HEAD's tree.
  std::optional<std::string> ReadRepoFile(std::string_view rel_path) const;

  RepoPtr repo_;
  IndexPtr index_;
  bool index_loaded_ = false;
  std::string workdir_;
  std::optional<CodeownersIndex> codeowners_;
};

}  // namespace sprawl::owners
