"""The numbers models/README.md gives for the induction model, from PyTorch, into one JSON file (seeded).

    /usr/bin/python3 models/induction/analyse.py [--model models/induction/induction.pt] [--out models/induction/expected.json]

* accuracy (arg-max next token) on held-out sequences of the training distribution (first occurrences,
  later occurrences, the rest), on docs/examples/induction_repeats.csv (first half, second half), by
  segment length (two occurrences at random offsets, longer segments than trained included) and at
  chosen offsets;
* head scores of every head over the repeats table (derived.py's definitions, docs/contract.md: the
  mean over sequences of each sequence's score);
* head ablation (zero and mean) over the repeats table: the next-token loss on the first half and the
  second half with each head ablated (mechanism.ablation_table), and causal.py's loss_increase
  (what the Java tool's ablate reports) averaged over the sequences;
* activation patching (causal.py) of docs/examples/induction_pairs.csv: the mean patched value of every site.

tests/test_induction.py recomputes all of it from the committed weights and compares.
"""

import argparse
import json
import os
import random

import numpy as np
import torch

import make_examples
import mechanism
import repeat_task
import train_induction

HERE = os.path.dirname(os.path.abspath(__file__))
derived = mechanism._parent_module("derived")
causal = mechanism._parent_module("causal")
FIRST, REPEAT, OTHER = repeat_task.FIRST, repeat_task.REPEAT, repeat_task.OTHER


def half_kinds(tokens):
    """Target kinds of sequences whose second half repeats the first (repeat_task's FIRST/REPEAT/OTHER)."""
    n, length = tokens.shape
    half = length // 2
    kinds = torch.full((n, length), OTHER)
    kinds[:, 1:half] = FIRST
    kinds[:, half + 1:] = REPEAT
    return kinds


def half_masks(tokens):
    kinds = half_kinds(tokens)
    return {"first_half": kinds == FIRST, "second_half": kinds == REPEAT}


@torch.no_grad()
def accuracies(model, spec, seed, n=512):
    rng = random.Random(seed)
    chance = 1 / spec.num_tokens
    tokens, kinds = (torch.tensor(x) for x in repeat_task.batch(spec, n, rng))
    held_out = {name: mechanism.accuracy(model, tokens, kinds, kind)[0]
                for name, kind in (("first", FIRST), ("repeat", REPEAT), ("other", OTHER))}
    by_length = []
    length = spec.length
    for s in range(spec.seg_min, length // 2 + 1, 2):
        seqs = [repeat_task.build(length, spec.num_tokens, s, repeat_task.place(length, s, 2, rng), rng)
                for _ in range(n // 2)]
        t, k = torch.tensor([x for x, _ in seqs]), torch.tensor([y for _, y in seqs])
        by_length.append({"segment": s, "trained": s <= spec.seg_max,
                          "first": mechanism.accuracy(model, t, k, FIRST)[0],
                          "repeat": mechanism.accuracy(model, t, k, REPEAT)[0]})
    by_offset = []
    s = length // 4
    for a, b in [(0, s), (0, length - s), (length // 2 - s, length // 2), (length - 2 * s, length - s), (3, length // 2 + 2)]:
        t, k = (torch.tensor(x) for x in repeat_task.at(n // 2, length, spec.num_tokens, s, [a, b], rng))
        # the same placement with filler that never uses the segment's tokens: no second earlier copy to confuse
        ct, ck = (torch.tensor(x) for x in repeat_task.at(n // 2, length, spec.num_tokens, s, [a, b], rng, True))
        by_offset.append({"segment": s, "first_start": a, "repeat_start": b,
                          "first": mechanism.accuracy(model, t, k, FIRST)[0],
                          "repeat": mechanism.accuracy(model, t, k, REPEAT)[0],
                          "repeat_filler_avoids_segment": mechanism.accuracy(model, ct, ck, REPEAT)[0]})
    return {"chance": chance, "held_out": held_out, "by_segment_length": by_length, "by_offset": by_offset}


@torch.no_grad()
def head_scores(model, tokens):
    """{score: [depth][heads]} over the sequences (derived.py's per-sequence scores, then their mean)."""
    reps = model.get_representations(tokens)
    x = tokens.numpy()
    out = {name: [] for name in ("previous_token", "induction", "duplicate_token")}
    for i in range(model.config.depth):
        a = reps[f"block{i}.attention"].numpy()
        plain = derived.head_scores(a)                 # [n, h, 4]: entropy, previous_token, self, first_token
        token = derived.token_head_scores(a, x)        # [n, h, 2]: duplicate_token, induction
        out["previous_token"].append(np.nanmean(plain[..., 1], axis=0).tolist())
        out["duplicate_token"].append(np.nanmean(token[..., 0], axis=0).tolist())
        out["induction"].append(np.nanmean(token[..., 1], axis=0).tolist())
    return out


@torch.no_grad()
def previous_by_position(model, tokens, head):
    """The attention ``head`` (block, head) pays to the previous token, by query position 1..L-1, mean over sequences."""
    a = model.get_representations(tokens)[f"block{head[0]}.attention"][:, head[1]]
    return a.diagonal(offset=-1, dim1=-2, dim2=-1).double().mean(0).tolist()


def roles(scores):
    """The previous-token head (block 0's best) and the induction head (the best of the later blocks)."""
    prev = np.asarray(scores["previous_token"])[0]
    ind = np.asarray(scores["induction"])[1:]
    b, h = divmod(int(ind.argmax()), ind.shape[1])
    return [0, int(prev.argmax())], [b + 1, h]


@torch.no_grad()
def ablation(model, tokens, batch=64):
    clean, rows = mechanism.ablation_table(model, tokens, half_masks(tokens))
    seqs = tokens.tolist()
    increase = {}
    for method in causal.METHODS:
        result = causal.head_ablation(model, [seqs], method, batch)
        increase[method] = {(b, h): float(np.mean([result[(s, b, h)][0] for s in range(len(seqs))]))
                            for b in range(model.config.depth) for h in range(model.config.heads)}
    table = []
    for b, h, r in rows:
        entry = {"block": b, "head": h}
        for m, method in enumerate(causal.METHODS):
            entry[method] = {"first_half_loss": r["first_half"][m], "second_half_loss": r["second_half"][m],
                             "loss_increase": increase[method][(b, h)]}
        table.append(entry)
    return {"clean": {"first_half_loss": clean["first_half"], "second_half_loss": clean["second_half"]}, "heads": table}


def induction_answer(clean):
    """The token an induction circuit predicts after a pair's clean sequence (t/2 + t/4 tokens): x[t/4]."""
    return clean[len(clean) // 3]


@torch.no_grad()
def patching(model, pairs, batch=64):
    results = [causal.patch_pair(model, clean, corrupted, batch=batch) for clean, corrupted in pairs]
    sites = []
    for k, site in enumerate(results[0]["patched"]):
        values = [r["patched"][k]["value"] for r in results if r["patched"][k]["value"] is not None]
        sites.append({key: site[key] for key in ("site", "block", "head", "position")} |
                     {"mean": float(np.mean(values)), "count": len(values)})
    return {"pairs": len(pairs), "length": len(pairs[0][0]),
            "changed_position": next(i for i, (a, b) in enumerate(zip(*pairs[0])) if a != b),
            "clean_metric_mean": float(np.mean([r["clean_metric"] for r in results])),
            "corrupted_metric_mean": float(np.mean([r["corrupted_metric"] for r in results])),
            "answer_is_induction": float(np.mean([r["chosen_answer"] == induction_answer(clean)
                                                  for r, (clean, _) in zip(results, pairs)])),
            "sites": sites}


def analyse(model, spec, seed=3000):
    table = torch.tensor(make_examples.read_repeats())
    kinds = half_kinds(table)
    scores = head_scores(model, table)
    prev, ind = roles(scores)
    return {
        "config": model.config.as_dict(),
        "spec": {k: getattr(spec, k) for k in ("length", "num_tokens", "seg_min", "seg_max", "repeats_min", "repeats_max")},
        "repeats_table": {"file": "docs/examples/induction_repeats.csv", "sequences": int(table.shape[0]),
                          "length": int(table.shape[1]),
                          "first_half_accuracy": mechanism.accuracy(model, table, kinds, FIRST)[0],
                          "second_half_accuracy": mechanism.accuracy(model, table, kinds, REPEAT)[0]},
        "accuracy": accuracies(model, spec, seed),
        "head_scores": scores,
        "previous_token_head": prev,
        "previous_token_by_position": {
            "repeats_table": previous_by_position(model, table, prev),
            "uniform_random": previous_by_position(
                model, torch.randint(0, spec.num_tokens, (256, spec.length), generator=torch.Generator().manual_seed(seed)),
                prev)},
        "induction_head": ind,
        "ablation": ablation(model, table),
        "patching": patching(model, make_examples.read_pairs()),
    }


def _round(value):
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value


def report(r):
    """The tables of models/README.md, as text."""
    lines = []
    acc, chance = r["accuracy"], r["accuracy"]["chance"]
    h = acc["held_out"]
    lines.append(f"held-out training distribution: repeated part {h['repeat']:.4f}, first occurrence {h['first']:.4f}, "
                 f"rest {h['other']:.4f} (chance {chance:.4f})")
    t = r["repeats_table"]
    lines.append(f"{t['file']} ({t['sequences']} x {t['length']}): second half {t['second_half_accuracy']:.4f}, "
                 f"first half {t['first_half_accuracy']:.4f}")
    lines.append("segment length  trained  first  repeat")
    for e in acc["by_segment_length"]:
        lines.append(f"{e['segment']:14d}  {'yes' if e['trained'] else 'no':>7s}  {e['first']:.3f}  {e['repeat']:.3f}")
    lines.append("segment  first at  repeat at  first  repeat  repeat, filler avoids the segment's tokens")
    for e in acc["by_offset"]:
        lines.append(f"{e['segment']:7d}  {e['first_start']:8d}  {e['repeat_start']:9d}  {e['first']:.3f}  {e['repeat']:.3f}  "
                     f"{e['repeat_filler_avoids_segment']:.3f}")
    s = r["head_scores"]
    lines.append("block head  previous_token  induction  duplicate_token")
    for b in range(len(s["induction"])):
        for hd in range(len(s["induction"][b])):
            lines.append(f"{b:5d} {hd:4d}  {s['previous_token'][b][hd]:14.3f}  {s['induction'][b][hd]:9.3f}  "
                         f"{s['duplicate_token'][b][hd]:15.3f}")
    lines.append(f"previous-token head {r['previous_token_head']}, induction head {r['induction_head']}")
    for name, values in r["previous_token_by_position"].items():
        lines.append(f"previous-token head's attention to the previous token by query position 1..L-1 ({name}): "
                     + " ".join(f"{v:.2f}" for v in values))
    a = r["ablation"]
    lines.append(f"clean loss: first half {a['clean']['first_half_loss']:.3f}, second half {a['clean']['second_half_loss']:.3f}")
    lines.append("block head  zero: first  second  loss_increase   mean: first  second  loss_increase")
    for e in a["heads"]:
        z, m = e["zero"], e["mean"]
        lines.append(f"{e['block']:5d} {e['head']:4d}  {z['first_half_loss']:11.3f} {z['second_half_loss']:7.3f} "
                     f"{z['loss_increase']:14.3f}   {m['first_half_loss']:11.3f} {m['second_half_loss']:7.3f} "
                     f"{m['loss_increase']:14.3f}")
    p = r["patching"]
    lines.append(f"patching: {p['pairs']} pairs of length {p['length']}, position {p['changed_position']} changed; "
                 f"mean M clean {p['clean_metric_mean']:.3f}, corrupted {p['corrupted_metric_mean']:.3f}")
    top = sorted(p["sites"], key=lambda e: -abs(e["mean"]))[:8]
    for e in top:
        where = f"position {e['position']}" if e["site"] == "resid" else f"head {e['head']}"
        lines.append(f"  {e['site']:5s} block {e['block']} {where:12s} mean patched value {e['mean']:.3f}")
    return lines


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default=os.path.join(HERE, "induction.pt"))
    p.add_argument("--out", default=os.path.join(HERE, "expected.json"))
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    model = mechanism.load(args.model, train_induction.CONFIG)
    r = _round(analyse(model, train_induction.SPEC))
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(r, f, indent=1)
        f.write("\n")
    print("\n".join(report(r)))


if __name__ == "__main__":
    main()
