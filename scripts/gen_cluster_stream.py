#!/usr/bin/env python3
"""Turn ``newsgraph-gen`` output into a story-clustering stream.

``newsgraph-gen`` writes synthetic articles (JSON Lines of ``title``, ``body``,
``date``, ``source``, ``url``, ``author``) about parallel storylines; each
headline ends with the storyline's tag in parentheses, e.g. ``"... (17)"``.
This script writes the layout ``newsgraph eval cluster`` reads,
``{"id", "date", "title", "text", "cluster"}``, with ``cluster`` = that tag and
the tag removed from the headline, so that the clusterer never sees the answer.

The generator also names the tag in one body template ("Story 17 marks day 4
of the crisis ..."); that sentence is kept but its tag is replaced by "The
story" (``--keep-body-tag`` keeps it as generated). Ids are the line numbers
(1-based), so the output is deterministic for a given input.

Usage::

    newsgraph-gen 20000 --stories 50 | python3 scripts/gen_cluster_stream.py > gen.jsonl
    python3 scripts/gen_cluster_stream.py IN.jsonl --out OUT.jsonl

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

TAG_RE = re.compile(r"\s*\((\d+)\)\s*$")
BODY_TAG_RE = re.compile(r"\bStory \d+ marks day\b")


def convert(record: dict, n: int, keep_body_tag: bool = False) -> dict:
    """One generator record (line ``n``) in the eval layout.

    >>> r = {"title": "Iran and Oman resume talks in Tehran (17)",
    ...      "body": "Story 17 marks day 3 of the crisis.", "date": "2025-01-02T10:00:00Z"}
    >>> convert(r, 5)
    {'id': '5', 'date': '2025-01-02T10:00:00Z', 'title': 'Iran and Oman resume talks in Tehran', 'text': 'The story marks day 3 of the crisis.', 'cluster': '17'}
    >>> convert({"title": "No tag", "body": "", "date": ""}, 1)
    Traceback (most recent call last):
    ...
    ValueError: line 1: headline has no storyline tag: 'No tag'
    """
    title = record.get("title", "")
    m = TAG_RE.search(title)
    if not m:
        raise ValueError(f"line {n}: headline has no storyline tag: {title!r}")
    text = record.get("body", "")
    if not keep_body_tag:
        text = BODY_TAG_RE.sub("The story marks day", text)
    return {
        "id": str(n),
        "date": record.get("date", ""),
        "title": title[: m.start()],
        "text": text,
        "cluster": m.group(1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", nargs="?", default="-",
                    help="newsgraph-gen output (default: stdin)")
    ap.add_argument("--out", default="-", help="output (default: stdout)")
    ap.add_argument("--keep-body-tag", action="store_true",
                    help="keep the tag in the body's 'Story N marks day' sentence")
    args = ap.parse_args(argv)
    src = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    dst = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    try:
        n = 0
        for line in src:
            if not line.strip():
                continue
            n += 1
            row = convert(json.loads(line), n, args.keep_body_tag)
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    except (ValueError, json.JSONDecodeError) as e:
        print(f"gen_cluster_stream: error: {e}", file=sys.stderr)
        return 1
    finally:
        if dst is not sys.stdout:
            dst.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
