#include "filters/entropy.hpp"

#include <array>
#include <cmath>

namespace sprawl {

double ShannonEntropy(std::string_view s) {
  if (s.empty()) return 0.0;
  std::array<unsigned, 256> counts{};
  for (unsigned char c : s)
    ++counts[c];
  const double n = static_cast<double>(s.size());
  double h = 0.0;
  for (unsigned c : counts) {
    if (c == 0) continue;
    const double p = c / n;
    h -= p * std::log2(p);
  }
  return h;
}

}  // namespace sprawl
