#include "sources/git_index_file.hpp"

#include <cstring>

// Format: git's Documentation/gitformat-index.txt. All integers are big-endian.
namespace sprawl {
namespace {

constexpr std::size_t kHeaderSize = 12;
constexpr std::size_t kHashSize = 20;             // SHA-1 repositories only
constexpr std::size_t kEntryFixedSize = 62;       // stat data, id, flags
constexpr std::uint16_t kFlagExtended = 0x4000;   // a second flags word follows (v3+)
constexpr std::uint16_t kFlagStageMask = 0x3000;  // non-zero: a merge conflict
constexpr std::uint16_t kNameMask = 0x0fff;       // name length, 0xfff when longer
constexpr std::uint16_t kExtendedKnown = 0x6000;  // skip-worktree, intent-to-add

std::uint32_t Be32(const unsigned char* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 |
         std::uint32_t{p[3]};
}

std::uint16_t Be16(const unsigned char* p) {
  return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}

class Cursor {
 public:
  Cursor(const unsigned char* p, std::size_t n) : p_(p), end_(p + n) {}
  std::size_t left() const { return static_cast<std::size_t>(end_ - p_); }
  const unsigned char* here() const { return p_; }
  bool Skip(std::size_t n) {
    if (left() < n) return false;
    p_ += n;
    return true;
  }
  bool U16(std::uint16_t* v) {
    if (left() < 2) return false;
    *v = Be16(p_);
    p_ += 2;
    return true;
  }
  bool U32(std::uint32_t* v) {
    if (left() < 4) return false;
    *v = Be32(p_);
    p_ += 4;
    return true;
  }
  // git's offset varint (also used by pack OFS_DELTA): 7 bits a byte, +1 per continuation.
  bool Varint(std::uint64_t* v) {
    if (!left()) return false;
    unsigned char c = *p_++;
    std::uint64_t value = c & 127;
    while (c & 128) {
      if (!left() || value >= (std::uint64_t{1} << 56)) return false;
      c = *p_++;
      value = ((value + 1) << 7) | (c & 127);
    }
    *v = value;
    return true;
  }
  // A NUL-terminated string; the cursor moves past the NUL.
  bool CString(std::string_view* s) {
    const void* nul = std::memchr(p_, 0, left());
    if (!nul) return false;
    const auto* q = static_cast<const unsigned char*>(nul);
    *s = std::string_view(reinterpret_cast<const char*>(p_), static_cast<std::size_t>(q - p_));
    p_ = q + 1;
    return true;
  }

 private:
  const unsigned char* p_;
  const unsigned char* end_;
};

// Offsets in an entry's fixed part.
constexpr std::size_t kModeAt = 24, kSizeAt = 36, kIdAt = 40, kFlagsAt = 60, kExtendedAt = 62;

bool ParseDecimal(Cursor* c, char terminator, std::int64_t* out) {
  bool negative = false;
  std::int64_t value = 0;
  int digits = 0;
  const unsigned char* p = c->here();
  std::size_t i = 0;
  if (i < c->left() && p[i] == '-') {
    negative = true;
    ++i;
  }
  for (; i < c->left() && p[i] >= '0' && p[i] <= '9'; ++i) {
    if (++digits > 10) return false;
    value = value * 10 + (p[i] - '0');
  }
  if (!digits || i >= c->left() || p[i] != terminator) return false;
  c->Skip(i + 1);
  *out = negative ? -value : value;
  return true;
}

// One cache-tree node and, recursively, its subtrees (written depth-first).
bool ParseCacheTree(Cursor* c, CacheTreeNode* node, int depth) {
  if (depth > 4096) return false;
  std::string_view name;
  std::int64_t entries = 0, subtrees = 0;
  if (!c->CString(&name) || !ParseDecimal(c, ' ', &entries) || !ParseDecimal(c, '\n', &subtrees))
    return false;
  if (entries < -1 || entries > INT32_MAX || subtrees < 0) return false;
  node->name = std::string(name);
  node->entry_count = static_cast<std::int32_t>(entries);
  if (entries >= 0) {
    if (c->left() < kHashSize) return false;
    git_oid_fromraw(&node->id, c->here());
    c->Skip(kHashSize);
  }
  if (static_cast<std::size_t>(subtrees) > c->left() / 5) return false;  // each takes 5+ bytes
  node->children.resize(static_cast<std::size_t>(subtrees));
  for (auto& child : node->children) {
    if (!ParseCacheTree(c, &child, depth + 1)) return false;
  }
  return true;
}

}  // namespace

git_oid IndexFileEntry::id() const {
  git_oid id;
  git_oid_fromraw(&id, record + kIdAt);
  return id;
}
std::uint32_t IndexFileEntry::mode() const {
  return Be32(record + kModeAt);
}
std::uint32_t IndexFileEntry::file_size() const {
  return Be32(record + kSizeAt);
}
std::uint16_t IndexFileEntry::flags_extended() const {
  return (Be16(record + kFlagsAt) & kFlagExtended) ? Be16(record + kExtendedAt) : 0;
}

const CacheTreeNode* CacheTreeNode::Child(std::string_view component) const {
  for (const auto& c : children) {
    if (c.name == component) return &c;
  }
  return nullptr;
}

std::optional<IndexFile> IndexFile::Read(const std::string& path, std::string* why) {
  auto mapped = MappedFile::Open(path);
  if (!mapped) {
    *why = "cannot map " + path;
    return std::nullopt;
  }
  return Parse(std::move(*mapped), why);
}

std::optional<IndexFile> IndexFile::Parse(MappedFile bytes, std::string* why) {
  IndexFile file(std::move(bytes));
  const std::string_view all = file.bytes_.bytes();
  if (all.size() < kHeaderSize + kHashSize || all.substr(0, 4) != "DIRC") {
    *why = "not an index file";
    return std::nullopt;
  }
  // The trailing hash is not checked: git itself skips it when index.skipHash is set, and
  // every field read here is bounds-checked; a damaged file at worst makes this decline.
  Cursor c(reinterpret_cast<const unsigned char*>(all.data()), all.size() - kHashSize);
  std::uint32_t version = 0, count = 0;
  c.Skip(4);  // "DIRC", checked above
  c.U32(&version);
  c.U32(&count);
  if (version < 2 || version > 4) {
    *why = "index version " + std::to_string(version);
    return std::nullopt;
  }
  if (count > c.left() / 2) {  // every entry takes more than two bytes
    *why = "entry count beyond the file";
    return std::nullopt;
  }
  file.entries_.reserve(count);
  std::vector<std::pair<std::size_t, std::size_t>> v4_spans;  // (offset, length) in the pool
  std::string previous;                                       // v4: the last path
  for (std::uint32_t i = 0; i < count; ++i) {
    const unsigned char* start = c.here();
    IndexFileEntry e{{}, start};
    if (!c.Skip(kEntryFixedSize)) {
      *why = "truncated entry";
      return std::nullopt;
    }
    const std::uint16_t flags = Be16(start + kFlagsAt);
    if (flags & kFlagStageMask) {
      *why = "unmerged entries";
      return std::nullopt;
    }
    std::size_t fixed = kEntryFixedSize;
    if (flags & kFlagExtended) {
      std::uint16_t extended = 0;
      if (version < 3 || !c.U16(&extended) || (extended & ~kExtendedKnown)) {
        *why = "unknown extended entry flags";
        return std::nullopt;
      }
      fixed += 2;
    }
    if (version == 4) {
      std::uint64_t strip = 0;
      std::string_view suffix;
      if (!c.Varint(&strip) || strip > previous.size() || !c.CString(&suffix)) {
        *why = "malformed entry path";
        return std::nullopt;
      }
      previous.resize(previous.size() - strip);
      previous.append(suffix);
      v4_spans.emplace_back(file.v4_paths_.size(), previous.size());
      file.v4_paths_.insert(file.v4_paths_.end(), previous.begin(), previous.end());
      file.v4_paths_.push_back('\0');
    } else {
      std::string_view name;
      if (!c.CString(&name) ||
          ((flags & kNameMask) != kNameMask && name.size() != (flags & kNameMask))) {
        *why = "malformed entry path";
        return std::nullopt;
      }
      e.path = name;
      // Entries are padded with 1-8 NULs to a multiple of eight bytes; CString took one.
      const std::size_t padded = (fixed + name.size() + 8) & ~std::size_t{7};
      const auto used = static_cast<std::size_t>(c.here() - start);
      if (padded < used || !c.Skip(padded - used)) {
        *why = "malformed entry padding";
        return std::nullopt;
      }
    }
    if ((e.mode() & 0170000) == 0040000) {
      *why = "sparse directory entries";
      return std::nullopt;
    }
    file.entries_.push_back(e);
  }
  for (std::size_t i = 0; i < v4_spans.size(); ++i) {
    file.entries_[i].path =
        std::string_view(file.v4_paths_.data() + v4_spans[i].first, v4_spans[i].second);
  }
  // Extensions: a four-byte signature and a length. An upper-case first letter means the
  // extension is optional (ignorable); lower-case ones ("link", "sdir") change what the
  // entries mean, so this reader declines them.
  while (c.left() > 0) {
    std::uint32_t size = 0;
    if (c.left() < 8) {
      *why = "truncated extension";
      return std::nullopt;
    }
    const std::string_view sig(reinterpret_cast<const char*>(c.here()), 4);
    c.Skip(4);
    c.U32(&size);
    if (size > c.left()) {
      *why = "truncated extension";
      return std::nullopt;
    }
    if (sig == "TREE") {
      Cursor tree(c.here(), size);
      CacheTreeNode root;
      if (size > 0 && ParseCacheTree(&tree, &root, 0) && tree.left() == 0) {
        file.cache_tree_ = std::move(root);
      }  // an unreadable cache tree only costs speed: every directory is compared
    } else if (!(sig[0] >= 'A' && sig[0] <= 'Z')) {
      *why = "index extension '" + std::string(sig) + "'";
      return std::nullopt;
    }
    c.Skip(size);
  }
  return file;
}

}  // namespace sprawl
