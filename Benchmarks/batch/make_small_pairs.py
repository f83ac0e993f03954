#!/usr/bin/env python3
"""Writes N small pairs of real accounts for the batch benchmark, deterministically.

Pairs 0, 2, 4, ...: five consecutive WMT21 de-en segments, translation A against translation B
(windows starting at 0, 3, 6, ... of the 1000 lines); pairs 1, 3, 5, ...: a news_synth
article against its rewrite, the first ten sentences of each (the 80 or 346 pairs in the test
resources, in order, again from the start when they run out; the start sentence moves by one
on each round, so that no two pairs are the same).

Writes OUT/pairs/a-I.txt and b-I.txt, OUT/manifest.jsonl (the files, relative to OUT) and
OUT/manifest-inline.jsonl (the same pairs with the texts inline, for Spark).

Usage: make_small_pairs.py OUT N
"""

import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
RES = os.path.join(ROOT, "Tests", "ParallaxKitTests", "Resources")


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    with open(os.path.join(RES, "newstest2021.de-en.ref.A.en"), encoding="utf-8") as f:
        wmt_a = f.read().split("\n")[:1000]
    with open(os.path.join(RES, "newstest2021.de-en.ref.B.en"), encoding="utf-8") as f:
        wmt_b = f.read().split("\n")[:1000]
    with open(os.path.join(RES, "news_synth.json"), encoding="utf-8") as f:
        news = json.load(f)
    os.makedirs(os.path.join(out, "pairs"), exist_ok=True)
    files = open(os.path.join(out, "manifest.jsonl"), "w", encoding="utf-8")
    inline = open(os.path.join(out, "manifest-inline.jsonl"), "w", encoding="utf-8")
    total = 0
    for i in range(count):
        k = i // 2
        if i % 2 == 0:
            start = (3 * k) % 995
            a, b = "\n".join(wmt_a[start:start + 5]) + "\n", "\n".join(wmt_b[start:start + 5]) + "\n"
        else:
            pair = news[k % len(news)]
            shift = k // len(news)
            a = " ".join(pair["original"][shift:shift + 10]) + "\n"
            b = " ".join(pair["rewrite"][shift:shift + 10]) + "\n"
        for side, text in (("a", a), ("b", b)):
            with open(os.path.join(out, "pairs", f"{side}-{i}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
        total += len(a.encode()) + len(b.encode())
        files.write(json.dumps({"id": f"p{i}", "a": f"pairs/a-{i}.txt", "b": f"pairs/b-{i}.txt"}) + "\n")
        inline.write(json.dumps({"id": f"p{i}", "aText": a, "bText": b}) + "\n")
    files.close()
    inline.close()
    print(f"{count} pairs, {total / count / 1024:.1f} KB a pair (A and B) on average")


if __name__ == "__main__":
    main()
