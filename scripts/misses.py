#!/usr/bin/env python3
"""Summarises the scorer's --verbose lists (as scripts/evaluate.sh --verbose prints them on
stderr) without quoting the articles: per gold file, how many misses of each kind and in
which gold events. The sentences themselves are other people's writing and stay in
../shared; run `scripts/evaluate.sh --verbose` to see them.

Usage: scripts/evaluate.sh --verbose 2>misses.txt >/dev/null; scripts/misses.py misses.txt
"""
import collections
import re
import sys

# The scorer's labels for a miss, as it prints them.
KINDS = ["claim not found", "wrong side", "place", "conflict missed", "false conflict"]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    counts = collections.defaultdict(collections.Counter)
    events = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    line_re = re.compile(r"^\s*\[([^\]]+)\]\s+(.*)$")
    for line in open(sys.argv[1]):
        m = line_re.match(line)
        if not m:
            continue
        gold, rest = m.group(1), m.group(2).strip()
        if rest.startswith("gold:"):
            counts[gold]  # the file is listed even when nothing is missed
            continue
        kind = next((k for k in KINDS if rest.startswith(k)), None)
        if kind is None:
            sys.exit(f"unknown miss kind in: {rest[:40]}")
        counts[gold][kind] += 1
        ev = re.search(r"\[([a-z0-9-]+)\]", rest[len(kind):])
        if ev:
            events[gold][kind][ev.group(1)] += 1
    print("| gold file | misses by kind (gold events concerned) |")
    print("|---|---|")
    for gold in sorted(counts):
        parts = []
        for kind, n in counts[gold].most_common():
            evs = ", ".join(f"{e} ×{c}" if c > 1 else e for e, c in sorted(events[gold][kind].items()))
            parts.append(f"{kind}: {n}" + (f" ({evs})" if evs else ""))
        print(f"| {gold} | {'; '.join(parts) if parts else 'none'} |")


if __name__ == "__main__":
    main()
