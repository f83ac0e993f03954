#!/usr/bin/env python3
"""Generates pairs of accounts for the `compare` benchmark, deterministically (seeded).

Real sentences only: the WMT21 de-en references A and B (two human translations of the same
1000 lines, cut into documents of 10-20 lines) and the news_synth articles with their rewrites
(Wikinews originals against LLM rewrites of the same event). A source document is a pair
(sentences told by A, sentences told by B).

The stream of documents is made of passes over all source documents, each pass in its own
shuffled order. Pass 0 uses the texts as they are; pass k > 0 swaps the two sides of some
documents and applies its own word substitution to both sides of every document (a word type
is replaced, with some probability, by another word type of about the same corpus frequency,
keeping capitalisation), so that a sentence seen again carries other rare words: no two
copies are identical and the inverted index does not degenerate into many equal postings.

A takes the A sentences in order, in paragraphs of 5-10 sentences. B takes the B sentences with
edits: some deleted, some inserted from other documents, some split at a comma, some adjacent
pairs merged, and a few paragraphs moved within their document or to a nearby document.
Each side also loses a few words per pass independently (noise).

For a size N the stream is cut when A reaches N sentences (the last document is trimmed), so
every size is a prefix of the same stream.

Writes, per size N: a-N.txt and b-N.txt (paragraphs separated by blank lines, sentences of a
paragraph on one line separated by a space) and a-N.lines and b-N.lines (the same sentences,
one per line, for the all-pairs baseline).

Usage: generate_pairs.py OUT_DIR SIZE... [--seed S] [--wmt-a F --wmt-b F --news F]
"""

import argparse
import json
import os
import random
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
RES = os.path.join(ROOT, "Tests", "ParallaxKitTests", "Resources")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def clean(s):
    return " ".join(s.split())


def load_wmt(path_a, path_b, rng):
    with open(path_a, encoding="utf-8") as f:
        a = [clean(l) for l in f.read().split("\n")]
    with open(path_b, encoding="utf-8") as f:
        b = [clean(l) for l in f.read().split("\n")]
    while a and not a[-1]:
        a.pop()
    while b and not b[-1]:
        b.pop()
    assert len(a) == len(b), (len(a), len(b))
    docs = []
    start = 0
    while start < len(a):
        n = min(rng.randint(10, 20), len(a) - start)
        docs.append((a[start:start + n], b[start:start + n]))
        start += n
    return docs


def load_news(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    docs = []
    if isinstance(data, list):  # news_synth.json: [{title, original, rewrite, links}]
        for d in data:
            docs.append(([clean(s) for s in d["original"]], [clean(s) for s in d["rewrite"]]))
    else:  # docs.json: {"<title>_original": {"0": s, ...}, "<title>_generated": {...}}
        for key in sorted(data):
            if not key.endswith("_original"):
                continue
            other = key[: -len("_original")] + "_generated"
            if other not in data:
                continue

            def parts(d):
                return [clean(d[k]) for k in sorted(d, key=int)]

            docs.append((parts(data[key]), parts(data[other])))
    return [(a, b) for a, b in ((list(filter(None, a)), list(filter(None, b))) for a, b in docs) if a and b]


class Substitution:
    """One pass's word substitution: a word type to another of about the same frequency."""

    def __init__(self, ranked, rate, rng, window=40, keep_top=300):
        # The most frequent types (function words) and short words stay: the prose stays prose.
        content = [w for w in ranked[keep_top:] if len(w) > 3]
        self.map = {}
        n = len(content)
        for r, w in enumerate(content):
            if rng.random() < rate:
                lo, hi = max(0, r - window), min(n - 1, r + window)
                self.map[w] = content[rng.randint(lo, hi)]

    def word(self, token):
        repl = self.map.get(token.lower())
        if repl is None:
            return token
        if token.isupper() and len(token) > 1:
            return repl.upper()
        if token[0].isupper():
            return repl[0].upper() + repl[1:]
        return repl

    def sentence(self, s):
        return WORD.sub(lambda m: self.word(m.group(0)), s)


def drop_words(s, rate, rng):
    """Drops a few words (not the first or last token, so punctuation and capitals stay)."""
    tokens = s.split(" ")
    if len(tokens) < 6 or rate <= 0:
        return s
    kept = [tokens[0]] + [t for t in tokens[1:-1] if not (WORD.fullmatch(t) and rng.random() < rate)] + [tokens[-1]]
    return " ".join(kept)


def split_sentence(s):
    """Splits at a comma near the middle: two sentences."""
    commas = [m.start() for m in re.finditer(r", ", s)]
    commas = [c for c in commas if 0.3 * len(s) < c < 0.7 * len(s)]
    if not commas:
        return None
    c = commas[len(commas) // 2]
    first, second = s[:c].rstrip() + ".", s[c + 2:].lstrip()
    if not second or not second[0].isalpha():
        return None
    return [first, second[0].upper() + second[1:]]


def merge_sentences(x, y):
    x = x.rstrip()
    if x and x[-1] in ".!?":
        x = x[:-1]
    if not y:
        return x
    head = y.split(" ", 1)[0]
    if head.isalpha() and not head.isupper() and head not in ("I",):
        y = y[0].lower() + y[1:]
    return x + "; " + y


def paragraphs(sentences, rng):
    out, i = [], 0
    while i < len(sentences):
        n = rng.randint(5, 10)
        if len(sentences) - i - n < 3:
            n = len(sentences) - i
        out.append(sentences[i:i + n])
        i += n
    return out


def edit_b(b, pool, rng, p):
    """B's sentences with deletions, insertions from elsewhere, splits and merges."""
    out = []
    for s in b:
        r = rng.random()
        if r < p["delete"]:
            continue
        if r < p["delete"] + p["split"]:
            parts = split_sentence(s)
            if parts:
                out.extend(parts)
                continue
        out.append(s)
        if rng.random() < p["insert"]:
            out.append(rng.choice(pool))
    merged = []
    for s in out:
        if merged and rng.random() < p["merge"]:
            merged[-1] = merge_sentences(merged[-1], s)
        else:
            merged.append(s)
    return merged


def build_stream(docs, target, seed, p):
    """Documents (A paragraphs, B paragraphs) until A holds `target` sentences."""
    rng = random.Random(seed)
    counts = {}
    for a, b in docs:
        for s in a + b:
            for w in WORD.findall(s):
                counts[w.lower()] = counts.get(w.lower(), 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    all_b = [s for _, b in docs for s in b]
    stream, total, k = [], 0, 0
    while total < target:
        order = list(range(len(docs)))
        rng.shuffle(order)
        sub = None if k == 0 else Substitution(ranked, p["substitute"], rng)
        noise = 0.0 if k == 0 else p["noise"]
        for d in order:
            a, b = docs[d]
            if k > 0 and rng.random() < 0.5:
                a, b = b, a
            if sub:
                a = [drop_words(sub.sentence(s), noise, rng) for s in a]
                b = [drop_words(sub.sentence(s), noise, rng) for s in b]
            pool_item = lambda: all_b[rng.randrange(len(all_b))]
            pool = [pool_item() for _ in range(8)]
            if sub:
                pool = [sub.sentence(s) for s in pool]
            if total + len(a) > target:
                keep = target - total
                b = b[: max(1, round(len(b) * keep / len(a)))]
                a = a[:keep]
            eb = edit_b(b, pool, rng, p)
            pa, pb = paragraphs(a, rng), paragraphs(eb, rng)
            # A paragraph moved inside its document.
            if len(pb) >= 3 and rng.random() < p["move"]:
                i = rng.randrange(len(pb))
                para = pb.pop(i)
                pb.insert(rng.randrange(len(pb) + 1), para)
            stream.append((pa, pb))
            total += len(a)
            if total >= target:
                break
        k += 1
    # A few B paragraphs moved to a nearby document (a later or earlier part of the text).
    for i in range(len(stream)):
        if rng.random() < p["move_far"] and len(stream[i][1]) >= 2:
            j = min(len(stream) - 1, max(0, i + rng.randint(-3, 3)))
            if j != i:
                para = stream[i][1].pop(rng.randrange(len(stream[i][1])))
                stream[j][1].insert(rng.randrange(len(stream[j][1]) + 1), para)
    return stream, k


def write(out_dir, n, stream):
    a_pars = [para for pa, _ in stream for para in pa]
    b_pars = [para for _, pb in stream for para in pb if para]
    for side, pars in (("a", a_pars), ("b", b_pars)):
        with open(os.path.join(out_dir, f"{side}-{n}.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(" ".join(par) for par in pars) + "\n")
        with open(os.path.join(out_dir, f"{side}-{n}.lines"), "w", encoding="utf-8") as f:
            f.write("\n".join(s for par in pars for s in par) + "\n")
    return sum(map(len, a_pars)), sum(map(len, b_pars))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--wmt-a", default=os.path.join(RES, "newstest2021.de-en.ref.A.en"))
    ap.add_argument("--wmt-b", default=os.path.join(RES, "newstest2021.de-en.ref.B.en"))
    default_news = "/work/shared/data/news_synth/docs.json"
    if not os.path.exists(default_news):
        default_news = os.path.join(RES, "news_synth.json")
    ap.add_argument("--news", default=default_news)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    docs = load_wmt(args.wmt_a, args.wmt_b, rng) + load_news(args.news)
    p = dict(delete=0.05, split=0.03, insert=0.05, merge=0.03, move=0.10, move_far=0.02,
             substitute=0.3, noise=0.05)
    os.makedirs(args.out, exist_ok=True)
    stream, passes = build_stream(docs, max(args.sizes), args.seed, p)
    # Each size is a prefix of the same stream (cut at the document where A reaches the size).
    for n in sorted(args.sizes):
        prefix, total = [], 0
        for pa, pb in stream:
            count = sum(map(len, pa))
            if total + count > n:
                # Trim the last document's paragraphs to reach exactly n on A.
                keep, pa2 = n - total, []
                for para in pa:
                    if keep <= 0:
                        break
                    pa2.append(para[:keep])
                    keep -= len(para[:keep])
                share = (n - total) / count
                nb = sum(map(len, pb))
                bkeep, pb2 = max(1, round(nb * share)), []
                for para in pb:
                    if bkeep <= 0:
                        break
                    pb2.append(para[:bkeep])
                    bkeep -= len(para[:bkeep])
                prefix.append((pa2, pb2))
                total = n
            else:
                prefix.append((pa, pb))
                total += count
            if total >= n:
                break
        na, nb = write(args.out, n, prefix)
        print(f"{n}: A {na} sentences, B {nb} sentences, {len(prefix)} documents", file=sys.stderr)
    print(f"{len(docs)} source documents, {passes} passes", file=sys.stderr)


if __name__ == "__main__":
    main()
