#!/usr/bin/env python3
"""Generates one hostile pair of accounts for `Benchmarks/run-hostile`, deterministically.

Each shape is a kind of input that once cost Parallax more than linear time or memory (issue 15),
or a realistic relative of one. A is the hostile text; B is a lightly edited copy of it (about one
word in 60 replaced, one in 150 dropped, numbers and names changed in their shapes), so that a
compare aligns the two, diffs long word sequences with scattered edits and classifies the
changes: every stage of the pipeline gets work.

Shapes and what SIZE counts:
  sentence   one sentence of SIZE words (real words from the WMT21 references)
  lines      SIZE lines of one word each (single newlines: one paragraph of short lines)
  numbers    one sentence holding SIZE numbers (integers, grouped thousands, decimals, percents)
  marks      one word followed by SIZE bytes of combining marks (U+0301), in a short sentence
  nopunct    SIZE bytes of words in lines of ~12 words, no sentence punctuation, no blank line
  paragraph  one paragraph of SIZE real sentences (WMT21 reference A; B the other translation)
  names      one sentence listing SIZE personal names ("Anna Kowalski, Peter Osei and ...")

Usage: generate.py SHAPE SIZE OUT_DIR [--seed S]   writes OUT_DIR/a.txt and OUT_DIR/b.txt
"""

import argparse
import os
import random
import re

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
RES = os.path.join(ROOT, "Tests", "ParallaxKitTests", "Resources")
WMT_A = os.path.join(RES, "newstest2021.de-en.ref.A.en")
WMT_B = os.path.join(RES, "newstest2021.de-en.ref.B.en")
WORD = re.compile(r"[A-Za-z][a-z'-]*[a-z]")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [" ".join(line.split()) for line in f if line.strip()]


def vocabulary():
    words = []
    for line in read_lines(WMT_A):
        words.extend(w.lower() for w in WORD.findall(line))
    return words


def edit_words(words, rng, replacement):
    """A lightly edited copy: about one word in 60 replaced, one in 150 dropped."""
    out = []
    for w in words:
        r = rng.random()
        if r < 1 / 150:
            continue
        out.append(replacement() if r < 1 / 150 + 1 / 60 else w)
    return out


def sentence(n, rng):
    vocab = vocabulary()
    a = [rng.choice(vocab) for _ in range(n)]
    b = edit_words(a, rng, lambda: rng.choice(vocab))
    return "The " + " ".join(a) + ".\n", "The " + " ".join(b) + ".\n"


def lines(n, rng):
    vocab = vocabulary()
    a = [rng.choice(vocab) for _ in range(n)]
    b = edit_words(a, rng, lambda: rng.choice(vocab))
    return "\n".join(a) + "\n", "\n".join(b) + "\n"


def number(rng):
    kind = rng.randrange(5)
    if kind == 0:
        return str(rng.randrange(1, 1000))
    if kind == 1:
        return f"{rng.randrange(1000, 10_000_000):,}"
    if kind == 2:
        return f"{rng.randrange(1, 1000)}.{rng.randrange(10)}"
    if kind == 3:
        return f"{rng.randrange(1, 100)} percent"
    return f"{rng.randrange(2, 90)} million"


def numbers(n, rng):
    units = ["people", "tonnes", "euros", "cases", "votes", "kilometres"]
    a = [f"{number(rng)} {rng.choice(units)}" if rng.random() < 0.3 else number(rng) for _ in range(n)]
    b = edit_words(a, rng, lambda: number(rng))

    def text(items):
        return "The figures reported were " + ", ".join(items[:-1]) + " and " + items[-1] + ".\n"

    return text(a), text(b)


def marks(n, rng):
    run = "\u0301" * (n // 2)
    shorter = "\u0301" * (n // 2 - min(1000, n // 8))
    return f"The word e{run} was written there.\n", f"The word e{shorter} was written here.\n"


def nopunct(n, rng):
    vocab = vocabulary()
    a_lines, b_lines, size = [], [], 0
    while size < n:
        words = [rng.choice(vocab) for _ in range(rng.randint(8, 16))]
        line = " ".join(words)
        a_lines.append(line)
        b_lines.append(" ".join(edit_words(words, rng, lambda: rng.choice(vocab))))
        size += len(line) + 1
    return "\n".join(a_lines) + "\n", "\n".join(b_lines) + "\n"


def paragraph(n, rng):
    a_src, b_src = read_lines(WMT_A), read_lines(WMT_B)
    a, b = [], []
    for i in range(n):
        a.append(a_src[i % len(a_src)])
        b.append(b_src[i % len(b_src)])
    # Lines that are headlines carry no final punctuation: give them one, so that the
    # paragraph is one run of sentences.
    end = lambda s: s if s[-1] in ".!?\"'”" else s + "."
    return " ".join(map(end, a)) + "\n", " ".join(map(end, b)) + "\n"


FIRST = ["Anna", "Peter", "Maria", "Jonas", "Li", "Fatima", "Olga", "Kwame", "Sofia", "Ahmed", "Elena", "Tomasz",
         "Yuki", "Carlos", "Ingrid", "Ravi", "Chen", "Amara", "Lukas", "Nadia"]
SYLLABLES = ["ko", "wal", "ski", "ber", "ger", "os", "ei", "man", "ri", "ta", "no", "vic", "sen", "dal", "mu", "ra",
             "lin", "ha", "zu", "pe"]


def name(rng):
    last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return f"{rng.choice(FIRST)} {last.capitalize()}"


def names(n, rng):
    a = [name(rng) for _ in range(n)]
    b = edit_words(a, rng, lambda: name(rng))

    def text(items):
        return "Attending were " + ", ".join(items[:-1]) + " and " + items[-1] + ".\n"

    return text(a), text(b)


SHAPES = {"sentence": sentence, "lines": lines, "numbers": numbers, "marks": marks, "nopunct": nopunct,
          "paragraph": paragraph, "names": names}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shape", choices=sorted(SHAPES))
    ap.add_argument("size", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(f"{args.seed}-{args.shape}-{args.size}")
    a, b = SHAPES[args.shape](args.size, rng)
    os.makedirs(args.out, exist_ok=True)
    for name_, text in (("a.txt", a), ("b.txt", b)):
        with open(os.path.join(args.out, name_), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
