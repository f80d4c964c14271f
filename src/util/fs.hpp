// File-system helpers: whole-file reads, atomic writes, the XDG cache directory.
#pragma once

#include <optional>
#include <string>

namespace sprawl {

// Reads a whole file; nullopt (with errno set) if it cannot be opened or read.
std::optional<std::string> ReadWholeFile(const std::string& path);

// Writes via a temporary file and rename, so readers never see a partial file.
bool WriteFileAtomic(const std::string& path, const std::string& data);

// $XDG_CACHE_HOME/sprawl, else $HOME/.cache/sprawl; empty if neither is set.
std::string DefaultCacheDir();

}  // namespace sprawl
