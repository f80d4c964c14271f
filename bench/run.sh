#!/usr/bin/env bash
# Measures `sprawl scan` against honest floors on a generated corpus and prints a Markdown
# table for docs/performance.md.
#
#   bench/run.sh [SIZE_MIB] [THREADS] [PROFILE]   (defaults: 1024 MiB, all cores, realistic)
#
# PROFILE is the generator's: `realistic` (keyword and URL density close to real code) or
# `dense` (a keyword-heavy stress corpus); see bench/gen_corpus.py. PROFILE `real` takes real
# source files from this machine instead (bench/real_corpus.py): no planted secrets, so no
# recall line, but the text of real code, which no generator reproduces.
#
# Floors: `cat` of the same files (I/O), ripgrep counting one literal (a tuned search tool
# walking the same tree), and sprawl-hs-floor (the same Hyperscan database over the same
# bytes already in memory, no confirmation, no filters). Page cache is warmed first.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
threads=${2:-$(nproc)}
profile=${3:-realistic}
out=bench/out
case $profile in
  realistic) corpus=$out/corpus-${size}m ;;
  real) corpus=$out/real-${size}m ;;
  *) corpus=$out/corpus-$profile-${size}m ;;
esac
mkdir -p "$out"
export XDG_CACHE_HOME=$out/cache

[[ -x build/sprawl && -x build/sprawl-hs-floor ]] || {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build >/dev/null
}
if [[ ! -d $corpus && $profile == real ]]; then
  python3 bench/real_corpus.py "$corpus" --size-mib "$size"
elif [[ ! -d $corpus ]]; then
  python3 bench/gen_corpus.py "$corpus" --size-mib "$size" --seed 1 --profile "$profile"
fi
if [[ $profile == real ]]; then
  generate="python3 bench/real_corpus.py $corpus --size-mib $size"
else
  generate="python3 bench/gen_corpus.py $corpus --size-mib $size --seed 1 --profile $profile"
fi

# Median wall time in seconds of N runs of a command.
median() {
  local n=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
mib() { find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {printf "%d", s / 1048576}'; }

bytes_mib=$(mib)
find "$corpus" -type f -print0 | xargs -0 cat >/dev/null  # warm the page cache
./build/sprawl scan "$corpus" -q -f json -o /dev/null || true  # warm the database cache

t_cat=$(median 3 bash -c "find '$corpus' -type f -print0 | xargs -0 cat > /dev/null")
t_rg=$(median 3 rg --no-ignore -j "$threads" -c -F 'ghp_' "$corpus")
hs_line=$(./build/sprawl-hs-floor --threads "$threads" --repeat 3 "$corpus")
t_hs=$(echo "$hs_line" | sed -E 's/.*seconds=([0-9.]+).*/\1/')
t_sprawl=$(median 3 ./build/sprawl scan "$corpus" -j "$threads" -q -f json -o /dev/null)
# Decoding layer: the same scan with decoding off, to show what decoding costs.
t_nodecode=$(median 3 ./build/sprawl scan "$corpus" -j "$threads" -q -f json -o /dev/null --decode-depth 0)
rss_kb=$( { /usr/bin/time -f '%M' ./build/sprawl scan "$corpus" -j "$threads" -q -f json -o /dev/null || true; } 2>&1 >/dev/null | tail -1)

# Start-up with a cached database: one small file, median of 31 runs, timed from Python
# around fork+exec+wait (the shell's `median` above also times forking `date`: 2-4 ms that
# are not sprawl's), next to the same for /bin/true (the cost of any process here).
echo 'nothing here' > "$out/small.txt"
startup_ms() {
  python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(31):
    s = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - s)
print(f"{statistics.median(times) * 1000:.1f}")
PY
}
t_start=$(startup_ms ./build/sprawl scan "$out/small.txt" -q)
t_true=$(startup_ms /bin/true)

# Recall on the planted secrets: every planted (path, line, rule) must be reported.
./build/sprawl scan "$corpus" -j "$threads" -q -f jsonl -o "$out/findings.jsonl" || true
recall="none planted ($(wc -l < "$out/findings.jsonl") findings in real files)"
[[ -f ${corpus%/}.planted.jsonl ]] && recall=$(python3 - "$corpus" "$out/findings.jsonl" <<'PY'
import json, sys
corpus, findings = sys.argv[1], sys.argv[2]
planted = [json.loads(l) for l in open(corpus.rstrip('/') + '.planted.jsonl')]
found = set()
for l in open(findings):
    f = json.loads(l)
    found.add((f['path'][len(corpus) + 1:], f['line'], f['rule_id']))
hit = sum((p['path'], p['line'], p['rule_id']) in found for p in planted)
extra = len(found) - len({(p['path'], p['line'], p['rule_id']) for p in planted} & found)
print(f"{hit}/{len(planted)} planted found, {extra} other findings")
PY
)

rate() { echo "scale=0; $bytes_mib / $1" | bc -l; }
cat <<MD
Corpus: \`$generate\` ($bytes_mib MiB, $(find "$corpus" -type f | wc -l) files), $threads threads, warm page cache, $(./build/sprawl rules list | wc -l) rules.

| what | seconds | MiB/s |
|---|---|---|
| \`cat\` every file (I/O floor) | $t_cat | $(rate "$t_cat") |
| \`rg -c -F ghp_\` (search-tool floor) | $t_rg | $(rate "$t_rg") |
| \`sprawl-hs-floor\` (same DB, bytes in memory) | $t_hs | $(rate "$t_hs") |
| **\`sprawl scan\`** | **$t_sprawl** | **$(rate "$t_sprawl")** |
| \`sprawl scan --decode-depth 0\` (decoding off) | $t_nodecode | $(rate "$t_nodecode") |

Peak RSS of \`sprawl scan\`: $((rss_kb / 1024)) MiB. Start-up (cached database, one small file, median of 31): ${t_start} ms (\`/bin/true\`: ${t_true} ms). Planted secrets: $recall.
MD
