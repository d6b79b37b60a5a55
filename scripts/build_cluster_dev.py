#!/usr/bin/env python3
"""Build newsgraph's story-clustering dev stream from Reuters-21578.

The stream follows the layout of the streaming news-clustering benchmark of
Miranda et al. (2018): JSON Lines, one article per line,
``{"id", "date", "title", "text", "cluster"}``, in date order, where
``cluster`` names the developing story the article belongs to.

The article text is third-party data and never enters the repository. The
repository only holds the story labels (``data/eval/cluster-dev.labels.tsv``,
``NEWID<TAB>label``); this script joins them with a local copy of
Reuters-21578 and writes the stream to ``target/eval/cluster-dev.jsonl``.

Text handling: the SGML files are ASCII with a few stray high bytes, so they
are decoded as latin-1 (which never fails). Character references (``&lt;``,
``&amp;``, ``&#3;`` ...) are resolved and control characters dropped. The
newswire body is hard-wrapped at ~70 columns with indented paragraph starts;
wrapped lines are joined into paragraphs separated by a blank line, and the
closing "Reuter" signature is removed.

Usage::

    python3 scripts/build_cluster_dev.py [--data DIR] [--labels FILE] [--out FILE]
                                         [--since YYYY-MM-DD] [--before YYYY-MM-DD]

Standard library only.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "reuters21578"
DEFAULT_LABELS = REPO / "data" / "eval" / "cluster-dev.labels.tsv"
DEFAULT_OUT = REPO / "target" / "eval" / "cluster-dev.jsonl"

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
    )
}

ARTICLE_RE = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
NEWID_RE = re.compile(r'NEWID="(\d+)"')
DATE_RE = re.compile(
    r"(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d+):(\d{2}):(\d{2})"
)
# Control characters left after resolving references (the wire's
# start/end-of-text marks and similar); tab and newline are kept.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# The wire signature closes almost every body: "Reuter", sometimes upper
# case, doubled, truncated ("REUTE"), or followed by dots or a little line
# noise ("REUTER11:43/VB"). Mixed-case forms are stripped only when they
# stand alone, as their own paragraph or right after the end of a sentence
# (never "... told Reuters."); the upper-case and dotted forms never occur
# as ordinary words, so they are stripped after any white space.
SIGNATURE_RE = re.compile(
    r"(?:(?:^|\n\n|(?<=[.!?\"')])\s+)(?i:reuters?|reute)(?:\.+|\s?[A-Za-z0-9])?"
    r"|\s+(?:REUTERS?|REUTE|Reuter\.+)(?:\S{0,8}|\s[A-Z]{1,3}))\s*$"
)


class BuildError(Exception):
    """A problem the user must fix (missing data, bad labels file)."""


def field(block: str, tag: str) -> str | None:
    """Return the raw content of the first ``<tag>...</tag>`` in ``block``."""
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return m.group(1) if m else None


def clean(raw: str) -> str:
    """Resolve SGML character references and drop control characters.

    A few records carry a carriage return spelt out as the two characters
    "^M"; those are dropped too.
    """
    return CONTROL_RE.sub("", html.unescape(raw).replace("^M", ""))


def iso_date(raw: str) -> str:
    """Turn ``26-FEB-1987 15:01:01.79`` into ``1987-02-26T15:01:01``.

    >>> iso_date(" 5-MAR-1987  09:13:46.74")
    '1987-03-05T09:13:46'
    >>> iso_date("31-MAR-1987 605:12:19.12")
    '1987-03-31T05:12:19'
    """
    m = DATE_RE.search(raw)
    if not m:
        raise BuildError(f"unreadable <DATE>: {raw!r}")
    day, mon, year, hh, mm, ss = m.groups()
    # One record has a garbled hour ("605:12:19"); keep its last two digits.
    hh = hh[-2:]
    return (
        f"{int(year):04d}-{MONTHS[mon]:02d}-{int(day):02d}"
        f"T{int(hh):02d}:{mm}:{ss}"
    )


def reflow(body: str) -> str:
    r"""Join hard-wrapped lines into paragraphs and drop the signature.

    A line that starts with white space opens a new paragraph (the wire
    indents paragraph starts and table rows); other lines continue the
    current one. Paragraphs are separated by one blank line.

    >>> reflow("Texaco said it\nfiled a petition.\n    It gave no details.\n Reuter\n")
    'Texaco said it filed a petition.\n\nIt gave no details.'
    >>> reflow("Net 1.0 mln vs 0.1 mln\n REUTER\n Reuter")
    'Net 1.0 mln vs 0.1 mln'
    >>> reflow("The plan was confirmed, he told Reuters.\n Reuter")
    'The plan was confirmed, he told Reuters.'
    """
    paragraphs: list[str] = []
    for line in body.replace("\r", "").split("\n"):
        if not line.strip():
            continue
        if line[:1].isspace() or not paragraphs:
            paragraphs.append(line.strip())
        else:
            paragraphs[-1] += " " + line.strip()
    text = "\n\n".join(paragraphs)
    for _ in range(2):  # some bodies end with the signature twice
        text = SIGNATURE_RE.sub("", text).rstrip()
    return text


def parse_file(path: Path):
    """Yield one dict per ``<REUTERS>`` element of an SGML file."""
    data = path.read_bytes().decode("latin-1")
    for m in ARTICLE_RE.finditer(data):
        attrs, block = m.groups()
        newid = NEWID_RE.search(attrs)
        if not newid:
            continue
        title = field(block, "TITLE")
        body = field(block, "BODY")
        yield {
            "id": newid.group(1),
            "date": iso_date(clean(field(block, "DATE") or "")),
            "title": " ".join(clean(title).split()) if title else "",
            "text": reflow(clean(body)) if body else "",
        }


def read_labels(path: Path) -> dict[str, str]:
    """Read ``NEWID<TAB>label`` lines; ``#`` lines and blanks are comments."""
    if not path.is_file():
        raise BuildError(f"labels file not found: {path}")
    labels: dict[str, str] = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].isdigit() or not parts[1]:
            raise BuildError(f"{path}:{n}: expected NEWID<TAB>label: {line!r}")
        if parts[0] in labels:
            raise BuildError(f"{path}:{n}: NEWID {parts[0]} listed twice")
        labels[parts[0]] = parts[1]
    return labels


def build(data_dir: Path, labels_path: Path, out: Path,
          since: str | None = None, before: str | None = None) -> int:
    """Write the labelled articles to ``out``; return how many were written.

    ``since`` and ``before`` (ISO dates) keep only the articles dated on or after
    ``since`` and before ``before``: the halves of the stream used to check that a
    change tuned on one half holds on the other.
    """
    files = sorted(data_dir.glob("reut2-*.sgm")) if data_dir.is_dir() else []
    if not files:
        raise BuildError(
            f"Reuters-21578 not found in {data_dir} (expected reut2-*.sgm); "
            "pass --data DIR"
        )
    labels = read_labels(labels_path)
    rows = []
    for path in files:
        for art in parse_file(path):
            label = labels.get(art["id"])
            if label is not None:
                art["cluster"] = label
                rows.append(art)
    missing = set(labels) - {r["id"] for r in rows}
    if missing:
        some = ", ".join(sorted(missing, key=int)[:10])
        raise BuildError(f"{len(missing)} labelled NEWIDs not in the data: {some}")
    rows.sort(key=lambda r: (r["date"], int(r["id"])))
    rows = [r for r in rows if in_window(r["date"], since, before)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


def in_window(date: str, since: str | None, before: str | None) -> bool:
    """True when ``date`` is on or after ``since`` and before ``before``.

    >>> in_window("1987-03-20T23:59:00", None, "1987-03-21")
    True
    >>> in_window("1987-03-21T00:01:00", None, "1987-03-21")
    False
    >>> in_window("1987-03-21T00:01:00", "1987-03-21", None)
    True
    """
    day = date[:10]
    return (since is None or day >= since) and (before is None or day < before)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="Reuters-21578 directory (default: %(default)s)")
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS,
                    help="labels TSV (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="output JSON Lines (default: %(default)s)")
    ap.add_argument("--since", metavar="YYYY-MM-DD",
                    help="keep articles dated on or after this day")
    ap.add_argument("--before", metavar="YYYY-MM-DD",
                    help="keep articles dated before this day")
    args = ap.parse_args(argv)
    try:
        n = build(args.data, args.labels, args.out, args.since, args.before)
    except BuildError as e:
        print(f"build_cluster_dev: error: {e}", file=sys.stderr)
        return 1
    print(f"wrote {n} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
