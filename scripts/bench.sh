#!/usr/bin/env bash
# Ingest throughput at scale: generates N synthetic articles (rift generate), ingests them into
# a fresh store, and prints articles/s, MB/s, peak memory and store size against the raw text.
# Usage: scripts/bench.sh [N=100000] [SEED=1]
# Also measures the real shared corpus (articles + ISW) when ../shared is present.
# With BENCH_TSV=file, each measurement is also appended to that file as a tab-separated row
# (label, articles, text bytes, seconds, peak KB, store bytes), which scripts/plot_scale.py
# turns into the growth table and plot of BENCHMARKS.md. With BENCH_SKIP_SHARED=1 the shared
# corpus is not measured.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
seed=${2:-1}
cargo build --release --quiet
bin=target/release/rift
work=${RIFT_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
input="$work/gen-$n-$seed.jsonl"
[ -f "$input" ] || "$bin" generate --count "$n" --seed "$seed" -o "$input"

measure() {
  local label=$1; shift
  local store="$work/store-$label"
  rm -rf "$store"
  local raw
  raw=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for f in sys.argv[1:] for l in open(f)))" "$@")
  local count
  count=$(cat "$@" | grep -c .)
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss-$label" "$bin" -q --store "$store" ingest "$@"
  t1=$(date +%s.%N)
  local secs rss disk
  secs=$(python3 -c "print(f'{$t1-$t0:.2f}')")
  rss=$(cat "$work/rss-$label")
  disk=$(du -sb "$store" | cut -f1)
  python3 - "$label" "$count" "$raw" "$secs" "$rss" "$disk" <<'PY'
import sys
label, count, raw, secs, rss, disk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
import os
if os.environ.get("BENCH_TSV"):
    with open(os.environ["BENCH_TSV"], "a") as f:
        f.write(f"{label}\t{count}\t{raw}\t{secs}\t{rss}\t{disk}\n")
print(f"{label}: {count} articles, {raw/1e6:.1f} MB of text in {secs:.1f} s: {count/secs:,.0f} articles/s, "
      f"{raw/1e6/secs:.2f} MB/s; peak memory {rss/1024:.0f} MB; store {disk/1e6:.0f} MB = {disk/raw:.1f}x the raw text")
PY
}

measure "generated-$n" "$input"
if [ -d ../shared/corpus ] && [ -z "${BENCH_SKIP_SHARED:-}" ]; then
  measure "shared-articles" ../shared/corpus/articles.jsonl
  measure "shared-isw" ../shared/corpus/isw.jsonl
  measure "shared-corpus" ../shared/corpus/articles.jsonl ../shared/corpus/isw.jsonl
fi
[ -z "${RIFT_BENCH_DIR:-}" ] && rm -rf "$work"
