#include "sources/git_diff.hpp"

#include <git2/sys/repository.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "sources/git_index_file.hpp"
#include "sources/git_staged_paths.hpp"
#include "sources/git_util.hpp"
#include "sprawl/error.hpp"

namespace sprawl {
namespace {

struct Collector {
  std::map<std::string, AddedLines> files;
};

int OnFile(const git_diff_delta* delta, float, void* payload) {
  auto* c = static_cast<Collector*>(payload);
  if (delta->status == GIT_DELTA_DELETED) return 0;
  if ((delta->new_file.mode & 0170000) != 0100000) return 0;  // regular files only
  AddedLines& f = c->files[delta->new_file.path];
  f.path = delta->new_file.path;
  f.blob = delta->new_file.id;
  f.binary = (delta->flags & GIT_DIFF_FLAG_BINARY) != 0;
  return 0;
}

int OnLine(const git_diff_delta* delta, const git_diff_hunk*, const git_diff_line* line,
           void* payload) {
  if (line->origin != GIT_DIFF_LINE_ADDITION || line->new_lineno <= 0) return 0;
  auto* c = static_cast<Collector*>(payload);
  auto it = c->files.find(delta->new_file.path);
  if (it == c->files.end()) return 0;
  auto& ranges = it->second.ranges;
  const auto n = static_cast<std::uint32_t>(line->new_lineno);
  if (!ranges.empty() && ranges.back().second + 1 == n) {
    ranges.back().second = n;
  } else {
    ranges.emplace_back(n, n);
  }
  return 0;
}

std::map<std::string, AddedLines> Collect(git_diff* diff) {
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_COPIES;
  git_diff_find_similar(diff, &find);
  Collector c;
  if (git_diff_foreach(diff, &OnFile, nullptr, nullptr, &OnLine, &c) != 0) {
    throw RuntimeError(GitErrorMessage("cannot read diff"));
  }
  // Files with no added lines (pure renames, mode changes) add nothing to scan.
  for (auto it = c.files.begin(); it != c.files.end();) {
    it = it->second.ranges.empty() && !it->second.binary ? c.files.erase(it) : std::next(it);
  }
  return std::move(c.files);
}

git_diff_options DiffOptions() {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  return opts;
}

std::vector<AddedLines> ToVector(std::map<std::string, AddedLines> files) {
  std::vector<AddedLines> out;
  for (auto& [_, f] : files)
    out.push_back(std::move(f));
  return out;
}

// Lines present in both sets of ranges.
std::vector<std::pair<std::uint32_t, std::uint32_t>> Intersect(
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& a,
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& b) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const auto lo = std::max(a[i].first, b[j].first);
    const auto hi = std::min(a[i].second, b[j].second);
    if (lo <= hi) out.emplace_back(lo, hi);
    (a[i].second < b[j].second) ? ++i : ++j;
  }
  return out;
}

// What `index` adds to `tree` (null: the empty tree).
std::vector<AddedLines> IndexAdditions(git_repository* repo, git_tree* tree, git_index* index,
                                       const git_diff_options& opts) {
  git_diff* diff = nullptr;
  if (git_diff_tree_to_index(&diff, repo, tree, index, &opts) != 0) {
    throw RuntimeError(GitErrorMessage("cannot diff the index against HEAD"));
  }
  DiffPtr holder(diff);
  return ToVector(Collect(diff));
}

}  // namespace

bool AddedLines::Contains(std::uint64_t line) const {
  for (const auto& [lo, hi] : ranges) {
    if (line >= lo && line <= hi) return true;
  }
  return false;
}

std::vector<AddedLines> StagedAdditions(git_repository* repo, StagedDiff how) {
  // Inside a hook git may point at another index ($GIT_INDEX_FILE: `git commit -a` and
  // `git commit PATH` stage into a temporary index); that is what will be committed.
  std::string index_path;
  const char* env_index = std::getenv("GIT_INDEX_FILE");
  if (env_index && *env_index) {
    index_path = env_index;
    if (index_path.front() != '/') {
      const char* workdir = git_repository_workdir(repo);
      index_path = std::string(workdir ? workdir : git_repository_path(repo)) + index_path;
    }
  }
  TreePtr head_tree;
  git_object* head = nullptr;
  if (git_revparse_single(&head, repo, "HEAD^{tree}") == 0) {
    head_tree.reset(reinterpret_cast<git_tree*>(head));
  }  // else: unborn HEAD (first commit): everything staged is added
  git_diff_options opts = DiffOptions();

  // Fast path: read the index file in place and diff only the paths that changed (see
  // git_staged_paths.hpp); rename detection still sees every added and removed path.
  if (head_tree && how == StagedDiff::kChangedPathsOnly) {
    std::string why;
    auto file = IndexFile::Read(
        index_path.empty() ? std::string(git_repository_path(repo)) + "index" : index_path, &why);
    auto staged = file ? FindStagedPaths(repo, *file, head_tree.get()) : std::nullopt;
    if (staged) {
      if (staged->changed.empty()) return {};
      std::vector<char*> paths;
      for (auto& p : staged->changed)
        paths.push_back(p.data());
      opts.pathspec = {paths.data(), paths.size()};
      opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
      // Attribute lookups during the diff would otherwise load the whole index from disk.
      git_repository_set_index(repo, staged->index.get());
      return IndexAdditions(repo, head_tree.get(), staged->index.get(), opts);
    }
  }

  git_index* index_raw = nullptr;
  if (!index_path.empty()) {
    if (git_index_open(&index_raw, index_path.c_str()) != 0) {
      throw UsageError(
          GitErrorMessage("cannot read the index named by GIT_INDEX_FILE (" + index_path + ")"));
    }
  } else if (git_repository_index(&index_raw, repo) != 0) {
    throw UsageError(GitErrorMessage("cannot read the index"));
  }
  IndexPtr index(index_raw);
  return IndexAdditions(repo, head_tree.get(), index.get(), opts);
}

std::vector<AddedLines> CommitAdditions(git_repository* repo, git_commit* commit) {
  git_tree* tree_raw = nullptr;
  if (git_commit_tree(&tree_raw, commit) != 0) {
    throw RuntimeError(GitErrorMessage("cannot read tree of " + OidHex(*git_commit_id(commit))));
  }
  TreePtr tree(tree_raw);
  const unsigned parents = git_commit_parentcount(commit);
  git_diff_options opts = DiffOptions();
  std::map<std::string, AddedLines> result;
  for (unsigned p = 0; p < std::max(parents, 1u); ++p) {
    TreePtr parent_tree;
    if (parents > 0) {
      git_commit* parent = nullptr;
      if (git_commit_parent(&parent, commit, p) != 0) {
        // A shallow clone's boundary: the parent is not here; diff against nothing.
        parent = nullptr;
      }
      CommitPtr parent_holder(parent);
      git_tree* pt = nullptr;
      if (parent && git_commit_tree(&pt, parent) == 0) parent_tree.reset(pt);
    }
    git_diff* diff = nullptr;
    if (git_diff_tree_to_tree(&diff, repo, parent_tree.get(), tree.get(), &opts) != 0) {
      throw RuntimeError(GitErrorMessage("cannot diff " + OidHex(*git_commit_id(commit))));
    }
    DiffPtr holder(diff);
    auto files = Collect(diff);
    if (p == 0) {
      result = std::move(files);
      continue;
    }
    for (auto it = result.begin(); it != result.end();) {
      auto other = files.find(it->first);
      if (other == files.end()) {
        it = result.erase(it);  // unchanged against this parent: it came from there
        continue;
      }
      it->second.ranges = Intersect(it->second.ranges, other->second.ranges);
      it = it->second.ranges.empty() && !it->second.binary ? result.erase(it) : std::next(it);
    }
  }
  return ToVector(std::move(result));
}

}  // namespace sprawl
