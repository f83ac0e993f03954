#!/usr/bin/env python3
"""A straightforward all-pairs best-match sentence aligner: the baseline for `compare`.

Reads two files of one sentence per line (the side files Benchmarks/compare/generate_pairs.py
writes next to the texts), turns each sentence into its set of lowercased word tokens, computes
the Jaccard similarity of every sentence of A with every sentence of B, and links each A sentence
to its best B sentence, and each B sentence to its best A sentence, when that best Jaccard is at
least the threshold. No cleaning, no folding beyond lowercasing, no index: O(|A| x |B|).

Prints the number of links and the seconds spent (reading and aligning); with -o, writes the
links (a b jaccard, one per line).

Usage: allpairs_jaccard.py A.lines B.lines [--threshold 0.3] [-o FILE]
"""

import argparse
import re
import sys
import time

TOKEN = re.compile(r"\w+")


def read_sets(path):
    with open(path, encoding="utf-8") as f:
        return [frozenset(TOKEN.findall(line.lower())) for line in f.read().split("\n") if line.strip()]


def align(a, b, threshold):
    best_a = [(-1.0, -1)] * len(a)
    best_b = [(-1.0, -1)] * len(b)
    for i, x in enumerate(a):
        nx = len(x)
        bi, bj = -1.0, -1
        for j, y in enumerate(b):
            inter = len(x & y)
            if inter == 0:
                continue
            jac = inter / (nx + len(y) - inter)
            if jac > bi:
                bi, bj = jac, j
            if jac > best_b[j][0]:
                best_b[j] = (jac, i)
        best_a[i] = (bi, bj)
    links = set()
    for i, (s, j) in enumerate(best_a):
        if j >= 0 and s >= threshold:
            links.add((i, j, s))
    for j, (s, i) in enumerate(best_b):
        if i >= 0 and s >= threshold:
            links.add((i, j, s))
    return sorted(links)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    start = time.perf_counter()
    a, b = read_sets(args.a), read_sets(args.b)
    links = align(a, b, args.threshold)
    seconds = time.perf_counter() - start
    if args.output:
        with open(args.output, "w") as f:
            f.writelines(f"{i} {j} {s:.4f}\n" for i, j, s in links)
    print(f"sentences {len(a)} {len(b)} links {len(links)} seconds {seconds:.3f}")


if __name__ == "__main__":
    sys.exit(main())
