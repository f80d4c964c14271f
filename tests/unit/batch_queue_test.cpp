// The work queue between a walker and the scanners: bounded, nothing lost, closes cleanly.
#include "scan/batch_queue.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <thread>

using sprawl::BatchQueue;

TEST_CASE("a full queue makes the producer wait instead of growing") {
  constexpr std::size_t kCapacity = 4;
  constexpr int kBatches = 1000;
  BatchQueue<int> queue(kCapacity);
  std::atomic<bool> producer_done{false};
  std::thread producer([&] {
    for (int i = 0; i < kBatches; ++i)
      queue.Push({i});
    queue.Close();
    producer_done = true;
  });
  // Unbounded, the producer would finish with 1000 batches queued; bounded, it stops at 4
  // and waits for us. Either way this loop ends.
  while (!producer_done && queue.size() < kCapacity)
    std::this_thread::yield();
  CHECK_FALSE(producer_done);
  CHECK(queue.size() == kCapacity);

  std::vector<int> seen, expected;
  std::size_t most_queued = 0;
  BatchQueue<int>::Batch batch;
  while (queue.Pop(&batch)) {
    most_queued = std::max(most_queued, queue.size());
    seen.insert(seen.end(), batch.begin(), batch.end());
  }
  producer.join();
  CHECK(most_queued <= kCapacity);
  for (int i = 0; i < kBatches; ++i)
    expected.push_back(i);
  CHECK(seen == expected);  // nothing lost, nothing reordered
}
