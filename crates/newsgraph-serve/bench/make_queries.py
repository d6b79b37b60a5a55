#!/usr/bin/env python3
"""Builds a wide search mix for load.sh from the generated articles themselves.

Usage: make_queries.py ARTICLES.jsonl [COUNT] [SEED] > queries.txt

Every query is made of text that occurs in the corpus: single words (frequent and
rare), names (runs of capitalised words), two- and three-word combinations from one
sentence, quoted phrases, story numbers from titles, exclusions (`-word`) and `OR`
alternatives. The output has COUNT (default 2500) distinct lines, the same for the
same file and seed, so that a load over them mostly misses an answer cache.
"""
import json
import random
import re
import sys

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
STOP = {
    "a", "an", "and", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from",
    "that", "this", "was", "were", "is", "are", "be", "it", "its", "as", "or", "not",
    "any", "has", "have", "had", "would", "will", "which", "when", "said", "after",
}


def sample_articles(path, keep, rng):
    """Reservoir sample of `keep` records over the whole file."""
    chosen = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if len(chosen) < keep:
                chosen.append(line)
            else:
                j = rng.randrange(n + 1)
                if j < keep:
                    chosen[j] = line
    return [json.loads(line) for line in chosen]


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def main():
    path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2500
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    articles = sample_articles(path, 2000, rng)
    sents = []
    for a in articles:
        sents.extend(sentences(a.get("body", "")))
    titles = [a.get("title", "") for a in articles]
    vocab = sorted({w for s in sents for w in WORD.findall(s) if w.lower() not in STOP})
    names = sorted(
        {m for s in sents + titles for m in re.findall(r"(?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+", s)}
    )
    tags = sorted({m for t in titles for m in re.findall(r"\((\d+)\)$", t)})

    def words_of_sentence():
        return [w for w in WORD.findall(rng.choice(sents)) if w.lower() not in STOP]

    def combo():
        ws = words_of_sentence()
        if len(ws) < 2:
            return rng.choice(vocab)
        k = min(len(ws), rng.choice([2, 2, 3]))
        return " ".join(rng.sample(ws, k))

    def phrase():
        ws = WORD.findall(rng.choice(sents))
        if len(ws) < 3:
            return rng.choice(vocab)
        k = rng.choice([2, 3])
        i = rng.randrange(len(ws) - k + 1)
        return '"' + " ".join(ws[i : i + k]) + '"'

    makers = [
        (3, lambda: rng.choice(vocab)),
        (3, lambda: rng.choice(names)),
        (4, combo),
        (3, phrase),
        (2, lambda: rng.choice(names) + " " + rng.choice(vocab)),
        (2, lambda: f"{rng.choice(vocab)} {rng.choice(tags)}" if tags else combo()),
        (1, lambda: f"{combo()} -{rng.choice(vocab)}"),
        (1, lambda: f"{rng.choice(vocab)} OR {rng.choice(vocab)}"),
        (1, lambda: f"{rng.choice(names)} OR {rng.choice(names)}"),
    ]
    weights = [w for w, _ in makers]
    seen = set()
    out = []
    attempts = 0
    while len(out) < count and attempts < count * 50:
        attempts += 1
        q = rng.choices(makers, weights)[0][1]().strip()
        key = q.lower()
        if q and key not in seen:
            seen.add(key)
            out.append(q)
    print("# Wide search mix made by make_queries.py from the generated articles.")
    for q in out:
        print(q)


if __name__ == "__main__":
    main()
