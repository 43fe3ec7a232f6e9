#!/usr/bin/env bash
# Scores rift against every gold file: the shared gold (../shared/gold) and the project's
# corpus gold (fixtures/gold-corpus) over the whole shared corpus, and the fixture gold
# (fixtures/gold) over the fixtures. Prints one table row per gold file.
# Usage: scripts/evaluate.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -d "$shared/corpus" ]; then
  echo "skipped: ../shared not found" >&2
  exit 0
fi
verbose=""
[ "${1:-}" = "--verbose" ] && verbose="--verbose"
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/rift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" -q --store "$work/corpus" ingest "$shared/corpus/articles.jsonl" "$shared/corpus/isw.jsonl" "$shared/seeds/seeds.jsonl"
"$bin" --store "$work/corpus" report --format json -o "$work/corpus.json"
"$bin" -q --store "$work/fixtures" ingest fixtures/articles
"$bin" --store "$work/fixtures" report --format json -o "$work/fixtures.json"
# RIFT_EVAL_KEEP=DIR keeps both reports there, to look into what the figures count.
[ -n "${RIFT_EVAL_KEEP:-}" ] && cp "$work/corpus.json" "$work/fixtures.json" "$RIFT_EVAL_KEEP"/

printf '| %-34s | %s | %s | %s | %s | %s |\n' "gold file" conflict_f1 claim_recall side_accuracy link_f1 place_accuracy
printf '|%s|---|---|---|---|---|\n' "------------------------------------"
score() {
  local gold=$1 report=$2 label=$3
  local out
  out=$(python3 "$shared/eval/score.py" --gold "$gold" --report "$report" $verbose)
  if [ -n "$verbose" ]; then echo "$out" | sed '$d' | sed "s|^|    [$label] |" >&2; fi
  echo "$out" | tail -n 1 | python3 -c "
import sys
f = dict(kv.split('=') for kv in sys.stdin.read().split())
print('| %-34s | %s | %s | %s | %s | %s |' % ('$label', f['conflict_f1'], f['claim_recall'], f['side_accuracy'], f['link_f1'], f['place_accuracy']))"
}
for g in "$shared"/gold/*.json; do score "$g" "$work/corpus.json" "shared/$(basename "$g" .json)"; done
for g in fixtures/gold-corpus/*.json; do score "$g" "$work/corpus.json" "gold-corpus/$(basename "$g" .json)"; done
for g in fixtures/gold/*.json; do
  [ "$(basename "$g")" = "background.json" ] && continue
  score "$g" "$work/fixtures.json" "fixtures/$(basename "$g" .json)"
done
