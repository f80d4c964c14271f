#include "rules/rule_set.hpp"

#include <algorithm>
#include <unordered_map>

namespace sprawl {

void RuleSet::AddOrOverride(std::vector<Rule> rules) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < rules_.size(); ++i)
    index[rules_[i].id] = i;
  for (auto& r : rules) {
    auto it = index.find(r.id);
    if (it != index.end()) {
      rules_[it->second] = std::move(r);
    } else {
      index[r.id] = rules_.size();
      rules_.push_back(std::move(r));
    }
  }
}

std::vector<std::string> RuleSet::Disable(const std::vector<std::string>& ids) {
  std::vector<std::string> unknown;
  for (const auto& id : ids) {
    auto it = std::find_if(rules_.begin(), rules_.end(), [&](const Rule& r) { return r.id == id; });
    if (it == rules_.end()) {
      unknown.push_back(id);
    } else {
      rules_.erase(it);
    }
  }
  return unknown;
}

const Rule* RuleSet::Find(const std::string& id) const {
  for (const auto& r : rules_) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace sprawl
