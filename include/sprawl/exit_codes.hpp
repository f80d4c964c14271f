// Process exit codes, documented in README.md and `sprawl --help`.
#pragma once

namespace sprawl {

inline constexpr int kExitClean = 0;         // scan finished, no findings
inline constexpr int kExitFindings = 1;      // scan finished with findings (or failing rule checks)
inline constexpr int kExitUsage = 2;         // bad arguments, bad config, bad rules
inline constexpr int kExitRuntimeError = 3;  // the scan could not run (I/O, engine failure)

}  // namespace sprawl
