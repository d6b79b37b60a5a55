#!/usr/bin/env python3
"""Side-by-side check: writes pySBD's sentences for a newsgraph SBD file.

Usage: python3 scripts/pysbd_predictions.py GOLD.jsonl OUT.jsonl
Then score both with the same scorer:
    newsgraph eval sbd OUT.jsonl          # gold = pySBD's output (agreement)
This script is for comparison only; newsgraph never depends on Python.
"""
import json
import sys

import pysbd

seg = pysbd.Segmenter(language="en", clean=False)
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        if not line.strip():
            continue
        case = json.loads(line)
        sents = [s.strip() for s in seg.segment(case["text"]) if s.strip()]
        out.write(json.dumps({"text": case["text"], "sentences": sents}, ensure_ascii=False) + "\n")
