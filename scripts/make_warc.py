#!/usr/bin/env python3
"""Writes a synthetic WARC/1.1 archive (multi-member gzip, one member per record) of
generated news pages, for measuring `newsgraph ingest` on large archives.

Usage: python3 scripts/make_warc.py OUT.warc.gz SIZE_MB
The pages are generated text in the style of the examples (no third-party content).
"""
import gzip
import io
import random
import sys

out, size_mb = sys.argv[1], float(sys.argv[2])
rng = random.Random(7)
towns = ["Sohar", "Duqm", "Salalah", "Muscat", "Sur", "Khasab", "Fujairah", "Bandar Abbas"]
verbs = ["said on Monday", "told reporters", "said in a statement", "confirmed on Tuesday"]
subjects = ["Port officials", "The harbour master", "Shipping agents", "Oman's transport ministry",
            "A spokesperson for the navy", "Insurers in London"]
things = ["the berth would reopen within days", "war-risk premiums had eased to 0.35%",
          "12 tankers had crossed the strait overnight", "talks would resume in Muscat next week",
          "about 2 million litres of fuel remained on board", "the crew were in good health"]


def page(k):
    town = rng.choice(towns)
    paras = []
    for _ in range(rng.randint(4, 8)):
        sents = [f"{rng.choice(subjects)} in {town} {rng.choice(verbs)} that {rng.choice(things)}, "
                 f"the {k}th report on the matter." for _ in range(rng.randint(2, 4))]
        paras.append("<p>" + " ".join(sents) + "</p>")
    return (f"<!DOCTYPE html><html lang=\"en\"><head><title>Harbour update {k} from {town} | Gulf Wire</title>"
            f"<meta property=\"og:site_name\" content=\"Gulf Wire\">"
            f"<meta property=\"article:published_time\" content=\"2026-03-{1 + k % 28:02d}T10:00:00Z\"></head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Harbour update {k}</h1>"
            + "".join(paras) + "</article><footer>All rights reserved</footer></body></html>")


written = 0
k = 0
with open(out, "wb") as f:
    while written < size_mb * 1e6:
        html = page(k).encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html) + html
        head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://gulfwire.example/{k}\r\n"
                f"WARC-Date: 2026-03-02T11:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{k:012d}>\r\n"
                f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
        rec = head + http + b"\r\n\r\n"
        buf = io.BytesIO()
        with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=1) as gz:
            gz.write(rec)
        f.write(buf.getvalue())
        written += len(rec)
        k += 1
print(f"{out}: {k} records, {written / 1e6:.1f} MB uncompressed")
