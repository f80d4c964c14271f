#!/usr/bin/env bash
# Streams a generated multi-GB CI log through `sprawl log` and reports throughput and peak
# RSS. Nothing is stored: the generator pipes straight into sprawl's stdin.
#
#   bench/log_bench.sh [SIZE_MIB] [THREADS] [BUILD_DIR]     (defaults: 4096 2 build)
#
# Recall check: the generator plants one GitHub token per 4 MiB; the findings must equal
# SIZE_MIB / 4. Prints one Markdown table row per run for docs/performance.md.
set -euo pipefail
size_mib=${1:-4096}
threads=${2:-2}
build=${3:-build}
here=$(cd "$(dirname "$0")" && pwd)
sprawl="$build/sprawl"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Warm the rule database cache so the compile is not timed.
echo | "$sprawl" log -q >/dev/null || true

python3 "$here/gen_log.py" --size-mib "$size_mib" |
  /usr/bin/time -v "$sprawl" log - -j "$threads" -q -f jsonl >"$out/findings.jsonl" 2>"$out/time.txt" || true

wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
secs=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
user=$(awk -F': ' '/User time/ {print $2}' "$out/time.txt")
sys=$(awk -F': ' '/System time/ {print $2}' "$out/time.txt")
findings=$(wc -l <"$out/findings.jsonl")
python3 - "$size_mib" "$secs" "$rss_kib" "$user" "$sys" "$findings" "$threads" <<'PY'
import sys
size, secs, rss, user, sys_t, findings, threads = sys.argv[1:]
size, secs, rss, user, sys_t = int(size), float(secs), int(rss), float(user), float(sys_t)
print(f"| {size} MiB piped, -j {threads} | {secs:.2f} s | {size/secs:.0f} MiB/s | "
      f"{size/(user+sys_t):.0f} MiB per CPU-second (user {user:.2f} s + sys {sys_t:.2f} s) | "
      f"{rss/1024:.1f} MiB | {findings} / {size//4} |")
PY
