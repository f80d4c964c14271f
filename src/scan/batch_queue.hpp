// A blocking queue of work batches between one producer (a walker) and N worker threads.
// Batching keeps lock traffic and wake-ups far below one per item. The queue is bounded:
// a walker faster than the scanners (a git history walk is, since the scanners read and
// scan every blob) waits instead of queueing the whole repository in memory.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace sprawl {

template <typename T>
class BatchQueue {
 public:
  using Batch = std::vector<T>;

  explicit BatchQueue(std::size_t capacity = 64) : capacity_(capacity) {}

  // Blocks while `capacity` batches are waiting.
  void Push(Batch&& b) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      space_.wait(lock, [&] { return items_.size() < capacity_; });
      items_.push_back(std::move(b));
    }
    cv_.notify_one();
  }
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    cv_.notify_all();
  }
  std::size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return items_.size();
  }
  // Blocks until a batch is available; false once the queue is closed and drained.
  bool Pop(Batch* out) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return false;
    *out = std::move(items_.front());
    items_.pop_front();
    lock.unlock();
    space_.notify_one();
    return true;
  }

 private:
  std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;     // a batch arrived, or closed
  std::condition_variable space_;  // a batch left
  std::deque<Batch> items_;
  bool closed_ = false;
};

// Producer side: collects items and pushes them in batches that start small (so workers
// start at once) and grow to `max` (to cut overhead).
template <typename T>
class Batcher {
 public:
  Batcher(BatchQueue<T>* queue, std::size_t max) : queue_(queue), max_(max) {}
  ~Batcher() { Flush(); }
  void Add(T&& item) {
    pending_.push_back(std::move(item));
    if (pending_.size() >= size_) Flush();
  }
  void Flush() {
    if (pending_.empty()) return;
    queue_->Push(std::move(pending_));
    pending_ = {};
    size_ = std::min(size_ * 2, max_);
  }

 private:
  BatchQueue<T>* queue_;
  std::size_t max_;
  std::size_t size_ = 1;
  std::vector<T> pending_;
};

}  // namespace sprawl
