#!/usr/bin/env python3
"""Turns scale measurements into the growth table and plot of BENCHMARKS.md.

Reads the rows scripts/bench.sh appends to a TSV file (BENCH_TSV) and, when present, the
medians criterion wrote for `cargo bench --bench incremental` (target/criterion/add one
article/...). Prints a Markdown table and writes an SVG with four panels: ingest throughput,
peak memory, store size against the raw text, and the cost of adding one article, each
against the number of articles on a log scale. Standard library only.

Usage: scripts/plot_scale.py SCALE.tsv OUT.svg [CRITERION_DIR]
"""
import json
import math
import os
import sys


def load_rows(path):
    rows = {}
    for line in open(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 6 or not parts[0].startswith("generated-"):
            continue
        label, count, raw, secs, rss_kb, disk = parts
        # The last measurement of a size wins.
        rows[int(count)] = {
            "count": int(count),
            "raw": int(raw),
            "secs": float(secs),
            "rss_mb": int(rss_kb) / 1024,
            "disk": int(disk),
        }
    return [rows[k] for k in sorted(rows)]


def load_incremental(criterion_dir):
    out = {}
    base = os.path.join(criterion_dir, "add one article")
    if not os.path.isdir(base):
        return out
    for name in os.listdir(base):
        if not name.startswith("store of "):
            continue
        n = int(name.split()[2])
        est = os.path.join(base, name, "new", "estimates.json")
        if os.path.exists(est):
            out[n] = json.load(open(est))["median"]["point_estimate"] / 1e6  # ns -> ms
    return out


def panel(x0, y0, w, h, title, unit, points, target=None):
    """One panel: points are (articles, value); x is log10(articles)."""
    if not points:
        return ""
    xs = [math.log10(p[0]) for p in points]
    lo_x, hi_x = min(xs) - 0.2, max(xs) + 0.2
    top = max([p[1] for p in points] + ([target] if target else [])) * 1.15 or 1
    sx = lambda v: x0 + 40 + (math.log10(v) - lo_x) / (hi_x - lo_x) * (w - 50)
    sy = lambda v: y0 + h - 25 - v / top * (h - 50)
    svg = [f'<text x="{x0 + 40}" y="{y0 + 14}" font-size="12" font-weight="bold">{title}</text>']
    svg.append(f'<line x1="{x0 + 40}" y1="{y0 + h - 25}" x2="{x0 + w - 10}" y2="{y0 + h - 25}" stroke="#888"/>')
    svg.append(f'<line x1="{x0 + 40}" y1="{y0 + 25}" x2="{x0 + 40}" y2="{y0 + h - 25}" stroke="#888"/>')
    for frac in (0, 0.5, 1):
        v = top / 1.15 * frac
        svg.append(f'<text x="{x0 + 36}" y="{sy(v) + 4:.1f}" font-size="9" text-anchor="end">{v:,.4g}</text>')
    for n, _ in points:
        label = f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"
        svg.append(f'<text x="{sx(n):.1f}" y="{y0 + h - 10}" font-size="9" text-anchor="middle">{label}</text>')
    if target:
        svg.append(
            f'<line x1="{x0 + 40}" y1="{sy(target):.1f}" x2="{x0 + w - 10}" y2="{sy(target):.1f}" '
            f'stroke="#c33" stroke-dasharray="4 3"/><text x="{x0 + w - 12}" y="{sy(target) - 3:.1f}" '
            f'font-size="9" fill="#c33" text-anchor="end">target {target:,}{unit}</text>'
        )
    path = " ".join(f"{'M' if i == 0 else 'L'}{sx(n):.1f},{sy(v):.1f}" for i, (n, v) in enumerate(points))
    svg.append(f'<path d="{path}" fill="none" stroke="#2a6" stroke-width="2"/>')
    for n, v in points:
        svg.append(f'<circle cx="{sx(n):.1f}" cy="{sy(v):.1f}" r="3" fill="#2a6"/>')
        svg.append(f'<text x="{sx(n) + 4:.1f}" y="{sy(v) - 5:.1f}" font-size="9">{v:,.3g}{unit}</text>')
    return "\n".join(svg)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rows = load_rows(sys.argv[1])
    inc = load_incremental(sys.argv[3] if len(sys.argv) > 3 else "target/criterion")
    print("| articles | text | time | articles/s | MB/s | peak memory | store | store / text | add one article (median) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        add = f"{inc[r['count']]:.2f} ms" if r["count"] in inc else "not measured"
        print(
            f"| {r['count']:,} | {r['raw'] / 1e6:,.0f} MB | {r['secs']:,.1f} s | {r['count'] / r['secs']:,.0f} | "
            f"{r['raw'] / 1e6 / r['secs']:.2f} | {r['rss_mb']:,.0f} MB | {r['disk'] / 1e6:,.0f} MB | "
            f"{r['disk'] / r['raw']:.1f}x | {add} |"
        )
    w, h = 360, 220
    parts = [
        panel(0, 0, w, h, "Ingest throughput (articles/s)", "", [(r["count"], r["count"] / r["secs"]) for r in rows], 10000),
        panel(w, 0, w, h, "Peak memory (MB)", "", [(r["count"], r["rss_mb"]) for r in rows], 300),
        panel(0, h, w, h, "Store size / raw text", "x", [(r["count"], r["disk"] / r["raw"]) for r in rows], 3),
        panel(w, h, w, h, "Add one article, median (ms)", "", sorted(inc.items()), 2),
    ]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * w}" height="{2 * h}" '
        f'font-family="sans-serif"><rect width="100%" height="100%" fill="#fff"/>\n' + "\n".join(parts) + "\n</svg>\n"
    )
    with open(sys.argv[2], "w") as f:
        f.write(svg)


if __name__ == "__main__":
    main()
