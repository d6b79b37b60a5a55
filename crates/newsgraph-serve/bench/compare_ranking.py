#!/usr/bin/env python3
"""Time of the search ranking query before and after the rank window (docs/serve.md,
Speed), straight on a store, without the server: the old query scored every match and
joined every match to its article; the new one finds the 5,000 most recent matches
without scoring, then scores those in the index alone.

Usage: compare_ranking.py STORE.db QUERIES.txt
Prints the mean time of each per query, how often both return the same top 21, and
how many queries match more than 5,000 articles (where they may differ by design).
The query rendering below is a simplified copy of the store's (words, "phrases",
-exclusions, OR), enough for the benchmark query files.
"""
import re
import sqlite3
import sys
import time

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)


def fts(q):
    groups, none, pending_or = [], [], False
    for t in re.findall(r'-?"[^"]*"|\S+', q):
        if t == "OR":
            pending_or = bool(groups)
            continue
        negated = t.startswith("-")
        t = t.lstrip("-").strip('"')
        term = '"' + t.replace('"', '""') + '"'
        if negated:
            none.append(term)
        elif pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False

    def group(terms):
        return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"

    positive = " AND ".join(group(g) for g in groups)
    return f"({positive}) NOT {group(none)}" if none else positive


OLD = """SELECT a.seq, a.id, a.title, a.source, a.published, bm25(articles_fts, 10.0, 1.0) AS rank
 FROM articles_fts CROSS JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank, a.seq LIMIT 21"""
CUT = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET 4999"
NEW = """SELECT a.seq, a.id, a.title, a.source, a.published, h.score FROM (SELECT rowid AS seq, bm25(articles_fts, 10.0, 1.0) AS score
 FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY score, rowid LIMIT 21) h CROSS JOIN articles a ON a.seq = h.seq ORDER BY h.score, a.seq"""
qs = [l.strip() for l in open(sys.argv[2]) if l.strip() and not l.startswith("#")]
told = tnew = 0.0
same = n = big = 0
for q in qs:
    f = fts(q)
    t = time.perf_counter()
    old = db.execute(OLD, (f,)).fetchall()
    told += time.perf_counter() - t
    t = time.perf_counter()
    cut = db.execute(CUT, (f,)).fetchone()
    new = db.execute(NEW, (f, cut[0] if cut else 0)).fetchall()
    tnew += time.perf_counter() - t
    n += 1
    same += [r[1] for r in old] == [r[1] for r in new]
    big += cut is not None
print(f"{n} queries: old ranking {told*1000/n:.1f} ms each, new {tnew*1000/n:.1f} ms each; same top 21 for {same}; {big} match more than 5,000")
