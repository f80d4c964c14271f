// Floor for `sprawl scan`: the same Hyperscan database run over the same bytes, with a
// callback that only counts, after all files are already in memory. No RE2, no filters,
// no I/O in the timed part.
// Usage: sprawl-hs-floor [--threads N] [--per-rule] [--repeat N] [--only RE] [--without RE]
//                        [--rules RULES_DIR] DIR
//        sprawl-hs-floor --db-sizes [--only RE] [--without RE]
//        sprawl-hs-floor --scan-costs [--only RE] [--without RE] DIR
// --only / --without keep or drop the rules whose id matches RE (ECMAScript regex), to
// measure what a group of rules costs the database. --db-sizes compiles each kept rule on
// its own and prints the 30 largest databases (bytecode size drives start-up: Hyperscan
// checks the whole image's CRC before the first scan). --scan-costs compiles each kept rule
// on its own, scans every file with it on one thread and prints the 30 slowest rules: which
// patterns make the combined database slow on this corpus.
#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "engine/hs_database.hpp"
#include "rules/rule_loader.hpp"
#include "rules/rule_set.hpp"
#include "sprawl/engine.hpp"
#include "util/fs.hpp"

namespace {

struct Counts {
  std::uint64_t total = 0;
  std::vector<std::uint64_t> per_rule;
};

int CountHit(unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
  auto* c = static_cast<Counts*>(ctx);
  ++c->total;
  ++c->per_rule[id];
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string dir;
  bool per_rule_report = false;
  std::string only, without, rules_dir;
  unsigned repeat = 1;
  bool db_sizes = false;
  bool scan_costs = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db-sizes")) {
      db_sizes = true;
    } else if (!std::strcmp(argv[i], "--scan-costs")) {
      scan_costs = true;
    } else if (!std::strcmp(argv[i], "--per-rule")) {
      per_rule_report = true;
    } else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) {
      threads = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
      repeat = std::max(1u, static_cast<unsigned>(std::stoul(argv[++i])));
    } else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) {
      only = argv[++i];
    } else if (!std::strcmp(argv[i], "--without") && i + 1 < argc) {
      without = argv[++i];
    } else if (!std::strcmp(argv[i], "--rules") && i + 1 < argc) {
      rules_dir = argv[++i];
    } else {
      dir = argv[i];
    }
  }
  if (dir.empty() && !db_sizes) {
    std::fprintf(stderr, "usage: sprawl-hs-floor [--threads N] DIR | --db-sizes\n");
    return 2;
  }
  sprawl::EngineOptions opts;
  opts.cache_dir = sprawl::DefaultCacheDir();
  std::vector<sprawl::Rule> kept;
  // --rules: another rule set in place of the built-in one, to measure a rule change
  // without rebuilding (the YAML is loaded as `sprawl rules check DIR` loads it).
  const sprawl::RuleSet embedded = rules_dir.empty()
                                       ? sprawl::RuleSet::Embedded()
                                       : sprawl::RuleSet(sprawl::LoadRulesFromPath(rules_dir));
  for (const auto& r : embedded.rules()) {
    if (!only.empty() && !std::regex_search(r.id, std::regex(only))) continue;
    if (!without.empty() && std::regex_search(r.id, std::regex(without))) continue;
    kept.push_back(r);
  }
  std::fprintf(stderr, "rules: %zu\n", kept.size());
  if (db_sizes) {
    std::vector<std::pair<std::size_t, std::string>> sizes;
    for (const auto& r : kept) {
      auto db = sprawl::HsDatabase::Compile({r});
      std::size_t n = 0;
      if (db->get()) hs_database_size(db->get(), &n);
      sizes.emplace_back(n, r.id);
    }
    auto all = sprawl::HsDatabase::Compile(kept);
    std::size_t total = 0;
    if (all->get()) hs_database_size(all->get(), &total);
    std::sort(sizes.rbegin(), sizes.rend());
    std::printf("all %zu rules together: %zu bytes\n", kept.size(), total);
    for (std::size_t i = 0; i < std::min<std::size_t>(30, sizes.size()); ++i)
      std::printf("%9zu  %s\n", sizes[i].first, sizes[i].second.c_str());
    return 0;
  }
  auto engine = sprawl::Engine::Create(sprawl::RuleSet(std::move(kept)), opts);
  std::vector<std::string> files;
  std::uint64_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().string().find("/.git/") != std::string::npos) continue;
    auto data = sprawl::ReadWholeFile(e.path().string());
    if (!data || data->size() > (25u << 20) ||
        std::memchr(data->data(), 0, std::min<size_t>(data->size(), 8000)))
      continue;
    total += data->size();
    files.push_back(std::move(*data));
  }
  if (scan_costs) {
    std::vector<std::pair<double, std::string>> costs;
    for (const auto& r : engine->rules()) {
      auto db = sprawl::HsDatabase::Compile({r});
      if (!db->get()) {
        costs.emplace_back(0.0, r.id + " (RE2 only)");
        continue;
      }
      hs_scratch_t* scratch = nullptr;
      hs_alloc_scratch(db->get(), &scratch);
      Counts local;
      local.per_rule.assign(1, 0);
      double best = 1e100;
      for (unsigned run = 0; run < repeat; ++run) {
        const auto start = std::chrono::steady_clock::now();
        for (const auto& f : files) {
          hs_scan(db->get(), f.data(), static_cast<unsigned>(f.size()), 0, scratch, CountHit,
                  &local);
        }
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      }
      hs_free_scratch(scratch);
      costs.emplace_back(best, r.id + " hits=" + std::to_string(local.total / repeat));
    }
    std::sort(costs.rbegin(), costs.rend());
    double sum = 0;
    for (const auto& c : costs)
      sum += c.first;
    std::printf("bytes=%llu sum of rules alone: %.3f s\n", static_cast<unsigned long long>(total),
                sum);
    for (std::size_t i = 0; i < std::min<std::size_t>(30, costs.size()); ++i)
      std::printf("%8.3f s  %s\n", costs[i].first, costs[i].second.c_str());
    return 0;
  }
  std::atomic<std::uint64_t> hits{0};
  std::mutex mu;
  std::vector<std::uint64_t> per_rule(engine->rules().size(), 0);
  // This VM's timings swing by tens of percent between identical runs: report the best of
  // --repeat runs (hit counts are from the last one).
  double secs = 1e100;
  for (unsigned run = 0; run < repeat; ++run) {
    hits = 0;
    std::fill(per_rule.begin(), per_rule.end(), 0);
    std::atomic<size_t> next{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&] {
        hs_scratch_t* scratch = nullptr;
        hs_alloc_scratch(engine->database().get(), &scratch);
        Counts local;
        local.per_rule.assign(engine->rules().size(), 0);
        for (size_t i; (i = next++) < files.size();) {
          hs_scan(engine->database().get(), files[i].data(), static_cast<unsigned>(files[i].size()),
                  0, scratch, CountHit, &local);
        }
        hits += local.total;
        {
          std::lock_guard<std::mutex> lock(mu);
          for (size_t r = 0; r < per_rule.size(); ++r)
            per_rule[r] += local.per_rule[r];
        }
        hs_free_scratch(scratch);
      });
    }
    for (auto& t : pool)
      t.join();
    secs = std::min(
        secs, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("files=%zu bytes=%llu threads=%u seconds=%.3f throughput=%.1f MiB/s raw_hits=%llu\n",
              files.size(), static_cast<unsigned long long>(total), threads, secs,
              total / secs / (1 << 20), static_cast<unsigned long long>(hits.load()));
  if (per_rule_report) {
    std::vector<size_t> order(per_rule.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return per_rule[a] > per_rule[b]; });
    for (size_t i = 0; i < std::min<size_t>(20, order.size()) && per_rule[order[i]]; ++i) {
      std::printf("%10llu  %s\n", static_cast<unsigned long long>(per_rule[order[i]]),
                  engine->rules()[order[i]].id.c_str());
    }
  }
  return 0;
}
