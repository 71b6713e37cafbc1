"""Write the induction model's example tables (seeded): sequences whose second half repeats the first, and pairs.

    /usr/bin/python3 models/induction/make_examples.py [--t 32] [--num-tokens 48] [--seed 7]

* ``docs/examples/induction_repeats.csv`` (header ``tokens``, space-separated ids): ``--sequences`` sequences of
  length t, each a segment of t/2 distinct random tokens written twice.
* ``docs/examples/induction_pairs.csv`` (header ``clean,corrupted``, quoted comma-separated ids) and the same
  pairs as ``models/pairs/induction.json`` (group ``induction``), the input of ``causal.py patch``: ``clean`` is
  the first t/2 + m tokens of such a sequence (m = t/4), so its last token x[m-1] stands in the second
  occurrence and the token that follows it in the first occurrence, x[m], is what an induction circuit
  predicts. ``corrupted`` changes one first-half token, x[m-1] at position m-1, to a token the sequence does
  not hold: the last token then has no earlier occurrence. The path the patching should show runs from
  that position through the previous-token head (which, at position m, writes "the token before me was
  x[m-1]") to the induction head at the last position (which looks for it).
"""

import argparse
import csv
import json
import os
import random

import repeat_task

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REPEATS_CSV = os.path.join(ROOT, "docs", "examples", "induction_repeats.csv")
PAIRS_CSV = os.path.join(ROOT, "docs", "examples", "induction_pairs.csv")
PAIRS_JSON = os.path.join(ROOT, "models", "pairs", "induction.json")


def repeats(n, length, num_tokens, rng):
    """n sequences of ``length`` tokens: a segment of length/2 distinct tokens, twice."""
    return repeat_task.half_repeats(n, length, num_tokens, rng)[0]


def pair(sequence, num_tokens, rng):
    """(clean, corrupted, changed position) from a sequence whose second half repeats the first."""
    half = len(sequence) // 2
    m = half // 2
    clean = list(sequence[:half + m])
    position = m - 1
    corrupted = list(clean)
    corrupted[position] = rng.choice([v for v in range(num_tokens) if v not in set(sequence)])
    return clean, corrupted, position


def write(t, num_tokens, seed, sequences, pairs, repeats_csv=REPEATS_CSV, pairs_csv=PAIRS_CSV, pairs_json=PAIRS_JSON):
    """Write the three files; return (table, [(clean, corrupted, changed position)])."""
    rng = random.Random(seed)
    table = repeats(sequences, t, num_tokens, rng)
    with open(repeats_csv, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL)
        f.write("tokens\n")
        for seq in table:
            writer.writerow([" ".join(map(str, seq))])
    made = [pair(seq, num_tokens, rng) for seq in repeats(pairs, t, num_tokens, rng)]
    with open(pairs_csv, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        f.write("clean,corrupted\n")
        for clean, corrupted, _ in made:
            writer.writerow([",".join(map(str, clean)), ",".join(map(str, corrupted))])
    with open(pairs_json, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(
            "  " + json.dumps({"clean": c, "corrupted": x, "group": "induction"}) for c, x, _ in made) + "\n]\n")
    return table, made


def read_repeats(path=REPEATS_CSV):
    with open(path, newline="", encoding="utf-8") as f:
        return [[int(x) for x in row["tokens"].split()] for row in csv.DictReader(f)]


def read_pairs(path=PAIRS_CSV):
    with open(path, newline="", encoding="utf-8") as f:
        return [([int(x) for x in row["clean"].split(",")], [int(x) for x in row["corrupted"].split(",")])
                for row in csv.DictReader(f)]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--t", type=int, default=32)
    p.add_argument("--num-tokens", type=int, default=48)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--sequences", type=int, default=32)
    p.add_argument("--pairs", type=int, default=16)
    p.add_argument("--json", nargs=2, metavar=("WHAT", "N"),
                   help="print instead, as JSON, the first N rows of the committed tables: 'repeats' (sequences), "
                        "'pairs' (clean sequences of the pairs), or 'vocab' (N labels, repeat_task.vocab)")
    args = p.parse_args(argv)
    if args.json:
        what, n = args.json[0], int(args.json[1])
        rows = {"repeats": lambda: read_repeats()[:n], "pairs": lambda: [c for c, _ in read_pairs()[:n]],
                "vocab": lambda: repeat_task.vocab(n)}[what]()
        print(json.dumps(rows, separators=(",", ":")))
        return
    table, made = write(args.t, args.num_tokens, args.seed, args.sequences, args.pairs)
    for path in (REPEATS_CSV, PAIRS_CSV, PAIRS_JSON):
        print(os.path.relpath(path, ROOT))
    print(f"{len(table)} sequences of length {args.t}; {len(made)} pairs of length {len(made[0][0])}, "
          f"position {made[0][2]} changed")


if __name__ == "__main__":
    main()
