"""The compressed-dump rows of `make bench` (bench/compressed.py's results)."""

from measure import median
from report import mb, spread, verdict


def render(results):
    part = results["compressed"]
    rounds = part["rounds"]
    decoded_mb = part["decoded_bytes"] / 1e6
    stored = part["stored_bytes"]
    rate = {kind: [decoded_mb / r[kind]["seconds"] for r in rounds] for kind in rounds[0]}
    lines = ["", f"### Compressed dumps: the base dumps ({mb(part['decoded_bytes'])}) plain, gzipped, zstd-compressed and as one .tar.gz",
             "",
             f"Each import into a fresh archive, the four in turn, {len(rounds)} rounds; MB/s of the decoded bytes; "
             "ratio = compressed MB/s / plain MB/s of the same round (median, min-max).",
             "",
             "| import | stored | MB/s | ratio to plain | peak RSS, MB | target | met? |",
             "|---|---|---|---|---|---|---|"]
    plain = rate["plain"]
    for kind, label in (("plain", "plain `.txt`"), ("gzip", "`.txt.gz` (gzip -6)"), ("zstd", "`.txt.zst` (zstd -3)"),
                        ("bundle", "one `.tar.gz` of them")):
        ratios = [c / p for c, p in zip(rate[kind], plain)]
        peak = median([r[kind]["peak_mb"] for r in rounds])
        if kind == "plain":
            lines.append(f"| {label} | {mb(stored[kind])} | {spread(rate[kind])} | - | {peak:.0f} | - | - |")
        else:
            target = ">= 0.9x" if kind == "gzip" else "-"
            met = verdict(median(ratios) >= 0.9) if kind == "gzip" else "-"
            lines.append(f"| {label} | {mb(stored[kind])} | {spread(rate[kind])} | {spread(ratios)}x | {peak:.0f} | {target} | {met} |")
    lines.append("")
    return lines
