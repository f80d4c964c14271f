#!/usr/bin/env bash
# What the decoding layer costs: `sprawl scan` with decoding on (default --decode-depth 2)
# and off (--decode-depth 0), interleaved so both see the same machine load, N rounds.
#
#   bench/decode_cost.sh CORPUS_DIR [ROUNDS] [THREADS]     (defaults: 5 rounds, all cores)
#
# Prints every run, then the median wall time and user+sys CPU time of each, and the cost
# of decoding in percent of the decoding-off figure.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$1
rounds=${2:-5}
threads=${3:-$(nproc)}
export XDG_CACHE_HOME=bench/out/cache
find "$corpus" -type f -print0 | xargs -0 cat >/dev/null  # warm the page cache
./build/sprawl scan "$corpus" -q -f json -o /dev/null || true  # warm the database cache
runs=$(mktemp)
for _ in $(seq "$rounds"); do
  for depth in 2 0; do
    /usr/bin/time -f "$depth %e %U %S" -a -o "$runs" \
      ./build/sprawl scan "$corpus" -j "$threads" -q -f json -o /dev/null --decode-depth "$depth" || true
  done
done
cat "$runs"
python3 - "$runs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and l[0].isdigit()]
wall = {d: statistics.median(float(r[1]) for r in rows if r[0] == d) for d in "20"}
cpu = {d: statistics.median(float(r[2]) + float(r[3]) for r in rows if r[0] == d) for d in "20"}
for d, name in (("2", "decoding on (depth 2)"), ("0", "decoding off (depth 0)")):
    print(f"{name}: median wall {wall[d]:.2f} s, median cpu {cpu[d]:.2f} s")
print(f"cost of decoding: wall {100 * (wall['2'] / wall['0'] - 1):+.1f} %, "
      f"cpu {100 * (cpu['2'] / cpu['0'] - 1):+.1f} %")
PY
rm -f "$runs"
