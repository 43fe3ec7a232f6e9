#!/usr/bin/env bash
# Ingest for a fixed time: for corpora too large to ingest within the time at hand (the 1M
# generated corpus), ingests for SECONDS and samples, once a minute, how many articles are
# durable (`rift -v` prints a line per article once flushed), the resident and peak memory, and
# the store's size; then stops the ingest with SIGKILL (which loses nothing reported done).
# Usage: scripts/bench_timed.sh CORPUS.jsonl SECONDS [OUT_DIR]
# Prints one tab-separated row per sample: seconds, articles done, RSS MB, peak RSS MB, store MB.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$1
limit=$2
out=${3:-$(mktemp -d)}
mkdir -p "$out"
cargo build --release --quiet
store="$out/store-timed"
rm -rf "$store"
target/release/rift -v --store "$store" ingest "$corpus" >"$out/done.txt" 2>"$out/stderr.txt" &
pid=$!
start=$(date +%s)
printf 'seconds\tarticles\trss_mb\tpeak_mb\tstore_mb\n'
while kill -0 "$pid" 2>/dev/null; do
  sleep 60
  now=$(($(date +%s) - start))
  done_count=$(grep -c '^added\|^unchanged\|^replaced\|^duplicate' "$out/done.txt" || true)
  rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status 2>/dev/null || echo 0)
  peak=$(awk '/VmHWM/{print int($2/1024)}' /proc/$pid/status 2>/dev/null || echo 0)
  disk=$(du -sm "$store" | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\n' "$now" "$done_count" "$rss" "$peak" "$disk"
  if [ "$now" -ge "$limit" ]; then
    kill -9 "$pid" 2>/dev/null || true
    break
  fi
done
wait "$pid" 2>/dev/null || true
