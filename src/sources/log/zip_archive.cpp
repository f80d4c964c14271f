#include "sources/log/zip_archive.hpp"

#include <algorithm>
#include <tuple>

#include "sources/log/libzip.hpp"

namespace sprawl::logs {
namespace {

class ZipEntrySource : public ByteSource {
 public:
  explicit ZipEntrySource(zip_file_t* file) : file_(file) {}
  ~ZipEntrySource() override { Libzip().fclose(file_); }
  ZipEntrySource(const ZipEntrySource&) = delete;
  ZipEntrySource& operator=(const ZipEntrySource&) = delete;

  std::size_t Read(char* buf, std::size_t n) override {
    const zip_int64_t got = Libzip().fread(file_, buf, n);
    if (got < 0)
      throw LogReadError(std::string("damaged zip entry: ") + Libzip().file_strerror(file_));
    return static_cast<std::size_t>(got);
  }

 private:
  zip_file_t* file_;
};

// "job/10_Deploy.txt" sorts after "job/2_Build.txt": directory, then step number, then name.
std::tuple<std::string, unsigned long long, std::string> StepOrderKey(const std::string& name) {
  const std::size_t slash = name.rfind('/');
  const std::size_t base = slash == std::string::npos ? 0 : slash + 1;
  unsigned long long number = 0;
  std::size_t i = base;
  for (; i < name.size() && i < base + 18 && name[i] >= '0' && name[i] <= '9'; ++i)
    number = number * 10 + static_cast<unsigned long long>(name[i] - '0');
  return {name.substr(0, base), number, name};
}

}  // namespace

ZipArchive::ZipArchive(const std::string& path) {
  const LibzipApi& zip = Libzip();
  int error = 0;
  archive_ = zip.open(path.c_str(), ZIP_RDONLY, &error);
  if (!archive_) {
    zip_error_t ze;
    zip.error_init_with_code(&ze, error);
    std::string why = std::string("not a readable zip archive: ") + zip.error_strerror(&ze);
    zip.error_fini(&ze);
    throw LogReadError(why);
  }
}

ZipArchive::~ZipArchive() {
  if (archive_) Libzip().discard(archive_);
}

std::vector<ZipArchive::Entry> ZipArchive::LogEntries() const {
  const LibzipApi& zip = Libzip();
  std::vector<Entry> entries;
  const zip_int64_t n = zip.get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip.get_name(archive_, static_cast<zip_uint64_t>(i), 0);
    if (!name || !*name) continue;
    std::string s(name);
    if (s.back() == '/') continue;
    entries.push_back({std::move(s), static_cast<std::uint64_t>(i)});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return StepOrderKey(a.name) < StepOrderKey(b.name);
  });
  return entries;
}

std::unique_ptr<ByteSource> ZipArchive::Open(const Entry& entry) {
  const LibzipApi& zip = Libzip();
  zip_file_t* file = zip.fopen_index(archive_, entry.index, 0);
  if (!file) throw LogReadError(std::string("cannot open zip entry: ") + zip.strerror(archive_));
  return std::make_unique<ZipEntrySource>(file);
}

}  // namespace sprawl::logs
