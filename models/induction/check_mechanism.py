"""Check the induction circuit of a trained model with PyTorch's own tensors; print the tables.

    /usr/bin/python3 models/induction/check_mechanism.py [--model models/induction/induction.pt] [--csv docs/examples/induction_repeats.csv]

1. Head scores (previous_token, induction, duplicate_token; mechanism.head_scores) of every head
   on sequences whose second half repeats the first, on the training distribution, and on
   uniformly random tokens.
2. Ablation: next-token loss on the first half and on the repeated second half with each head
   zero-ablated and mean-ablated (a forward pre-hook on unifyheads; gtransformer.py untouched).
3. Generalisation: accuracy on first and later occurrences by segment length and by offset.
"""

import argparse
import os
import random

import torch

import make_examples
import mechanism
import repeat_task
import train_induction

HERE = os.path.dirname(os.path.abspath(__file__))
OTHER, FIRST, REPEAT = repeat_task.OTHER, repeat_task.FIRST, repeat_task.REPEAT


def half_masks(tokens):
    """Target masks of half repeats: 'first half' targets 1..L/2-1, 'second half' L/2+1..L-1."""
    n, length = tokens.shape
    half = length // 2
    first = torch.zeros(n, length, dtype=torch.bool)
    second = torch.zeros(n, length, dtype=torch.bool)
    first[:, 1:half] = True
    second[:, half + 1:] = True
    return {"first half": first, "second half": second}


def roles(scores):
    """(previous-token head, induction head) as (block, head): the best of block 0, the best of later blocks."""
    prev = scores["previous_token"][0]
    ind = scores["induction"][1:]
    b, h = divmod(int(ind.argmax()), ind.shape[1])
    return (0, int(prev.argmax())), (b + 1, h)


def margins(scores, role, name):
    """Score of the role's head, and of the best other head anywhere."""
    values = scores[name].clone()
    best = values[role].item()
    values[role] = float("-inf")
    return best, values.max().item()


def print_scores(title, scores):
    print(f"\n## head scores: {title}")
    for line in mechanism.format_scores(scores):
        print(line)


def print_ablation(model, tokens):
    masks = half_masks(tokens)
    clean, rows = mechanism.ablation_table(model, tokens, masks)
    print("\n## ablation: next-token loss on sequences whose second half repeats the first")
    print(f"clean: first half {clean['first half']:.3f}, second half {clean['second half']:.3f}")
    print(f"{'block':>5s} {'head':>4s}  {'zero: first':>11s} {'second':>8s}  {'mean: first':>11s} {'second':>8s}")
    for b, h, r in rows:
        print(f"{b:5d} {h:4d}  {r['first half'][0]:11.3f} {r['second half'][0]:8.3f}  "
              f"{r['first half'][1]:11.3f} {r['second half'][1]:8.3f}")
    return clean, rows


def print_generalisation(model, length, num_tokens, trained_max, seed, n=256):
    rng = random.Random(seed)
    print(f"\n## accuracy by segment length (2 occurrences at random offsets, {n} sequences each; "
          f"trained up to {trained_max}; chance {1 / num_tokens:.3f})")
    print(f"{'length':>6s}  {'first':>6s}  {'repeat':>6s}  {'half-repeat':>11s}")
    for s in sorted(set(list(range(4, length // 2 + 1, 4)) + [length // 2])):
        starts_list = [repeat_task.place(length, s, 2, rng) for _ in range(n)]
        seqs = [repeat_task.build(length, num_tokens, s, st, rng) for st in starts_list]
        tokens, kinds = torch.tensor([x for x, _ in seqs]), torch.tensor([k for _, k in seqs])
        first = mechanism.accuracy(model, tokens, kinds, FIRST)[0]
        rep = mechanism.accuracy(model, tokens, kinds, REPEAT)[0]
        # the segment twice and nothing else, at length 2s (another sequence length than t)
        ht, hk = (torch.tensor(x) for x in repeat_task.half_repeats(n, 2 * s, num_tokens, rng))
        half = mechanism.accuracy(model, ht, hk, REPEAT)[0]
        print(f"{s:6d}  {first:6.3f}  {rep:6.3f}  {half:11.3f}")
    print(f"\n## accuracy by offset: segment of 8, first occurrence at a, repeat at b ({n} sequences each)")
    print(f"{'a':>3s} {'b':>3s}  {'first':>6s}  {'repeat':>6s}")
    s = 8
    for a, b in [(0, 8), (0, 24), (0, length - s), (length // 2 - s, length // 2), (length - 2 * s, length - s),
                 (4, 30), (10, 20), (length // 4, length // 2 + 5)]:
        if b + s > length or a + s > b:
            continue
        tokens, kinds = (torch.tensor(x) for x in repeat_task.at(n, length, num_tokens, s, [a, b], rng))
        print(f"{a:3d} {b:3d}  {mechanism.accuracy(model, tokens, kinds, FIRST)[0]:6.3f}  "
              f"{mechanism.accuracy(model, tokens, kinds, REPEAT)[0]:6.3f}")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default=os.path.join(HERE, "induction.pt"))
    p.add_argument("--csv", default=None, help="a table like docs/examples/induction_repeats.csv (column tokens) "
                   "to score instead of fresh sequences")
    p.add_argument("--seed", type=int, default=2000)
    p.add_argument("--threads", type=int, default=1)
    for field in ("k", "heads", "depth", "t", "num_tokens"):
        p.add_argument("--" + field.replace("_", "-"), type=int, default=train_induction.CONFIG[field])
    p.add_argument("--trained-max", type=int, default=train_induction.SPEC.seg_max)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    config = dict(train_induction.CONFIG, k=args.k, heads=args.heads, depth=args.depth, t=args.t,
                  num_tokens=args.num_tokens)
    model = mechanism.load(args.model, config)
    L, V = args.t, args.num_tokens
    rng = random.Random(args.seed)

    if args.csv:
        half = torch.tensor(make_examples.read_repeats(args.csv))
        title = f"{len(half)} sequences of {args.csv} (second half repeats the first)"
    else:
        half = torch.tensor(repeat_task.half_repeats(256, L, V, rng)[0])
        title = f"256 sequences whose second half repeats the first (L={L})"
    scores = mechanism.all_head_scores(model, half)
    print_scores(title, scores)
    spec = train_induction.SPEC if train_induction.SPEC.length == L else repeat_task.Spec(length=L, num_tokens=V)
    train_like = torch.tensor(repeat_task.batch(spec, 256, rng)[0])
    print_scores("256 sequences of the training distribution", mechanism.all_head_scores(model, train_like))
    print_scores("256 uniformly random sequences", mechanism.all_head_scores(model, torch.randint(0, V, (256, L),
                 generator=torch.Generator().manual_seed(args.seed))))

    prev, ind = roles(scores)
    pv, po = margins(scores, prev, "previous_token")
    iv, io = margins(scores, ind, "induction")
    print(f"\nprevious-token head: block {prev[0]} head {prev[1]} ({pv:.3f}; best other head {po:.3f})")
    print(f"induction head: block {ind[0]} head {ind[1]} ({iv:.3f}; best other head {io:.3f})")

    clean, rows = print_ablation(model, half)
    for mode, m in (("zero", 0), ("mean", 1)):
        ranking = sorted(rows, key=lambda r: -r[2]["second half"][m])
        print(f"{mode}-ablation ranking by second-half loss: " +
              ", ".join(f"{b}.{h} {r['second half'][m]:.2f}" for b, h, r in ranking))
    print_generalisation(model, L, V, args.trained_max, args.seed + 1)


if __name__ == "__main__":
    main()
