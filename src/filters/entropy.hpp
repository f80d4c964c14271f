// Shannon entropy of a byte string, in bits per byte: random tokens score high, words low.
#pragma once

#include <string_view>

namespace sprawl {

double ShannonEntropy(std::string_view s);

}  // namespace sprawl
