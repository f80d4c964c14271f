// Recursive directory walking with gitignore semantics. Produces paths; reads nothing else.
#pragma once

#include <functional>
#include <string>

#include "sources/gitignore.hpp"
#include "sprawl/stats.hpp"
#include "util/diagnostics.hpp"

namespace sprawl {

struct WalkOptions {
  bool respect_ignore_files = true;  // .gitignore, .ignore, .git/info/exclude
  bool follow_symlinks = false;
  const IgnoreList* allow_paths = nullptr;  // config allowlist, relative to the walked root
};

struct FileEntry {
  std::string path;      // as the user will see it, and as it is opened
  bool regular = false;  // the walk saw a regular file (ScanFile then needs no fstat)
};

// Walks `root` (a directory or a file). Calls `emit` for every regular file to scan.
// Skipped symlinks, special files and allowlisted paths are counted in `stats`; unreadable
// directories produce a warning and the walk goes on.
void WalkPath(const std::string& root, const WalkOptions& options,
              const std::function<void(FileEntry&&)>& emit, ScanStats* stats, Diagnostics* diag);

// True if `rel_path` (or one of its parent directories) matches the allowlist.
bool PathAllowlisted(const IgnoreList& allow, const std::string& rel_path);

}  // namespace sprawl
