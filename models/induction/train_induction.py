"""Train a former-style GTransformer to continue repeated segments (an induction task); save its state dict.

    /usr/bin/python3 models/induction/train_induction.py [--out models/induction/induction.pt] [--steps N]

Data: repeat_task.py (48 random tokens, length 32, a segment of 4-12 distinct tokens; half of the
sequences have it two or more times at random offsets, the other half are periodic: random filler,
then the segment again and again to the end). Loss: next-token NLL at every position that has a
next token, all weighted alike (filler and first occurrences are unpredictable, which is fine: the
model learns to say so). AdamW (no weight decay by default) with linear warm-up and cosine decay;
the position table starts as sines and cosines; for the first half of the steps only head 2 of
block 0 and head 1 of block 1 pass their output on (``--solo 2,1 --solo-until 0.5``, see
SoloHeads). Seeded, one thread by default, so the same machine and thread count give the same
weights (models/README.md, "The induction model", has the trials that led to this recipe).

At the end it prints next-token accuracy on held-out sequences (a fresh seeded sample of the
training distribution, and sequences whose second half repeats the first), the loss, the time,
and the previous-token / induction scores of every head; check_mechanism.py goes further.
"""

import argparse
import dataclasses
import json
import math
import os
import random
import time

import torch
import torch.nn.functional as F

import mechanism
import repeat_task
from mechanism import GTransformer

HERE = os.path.dirname(os.path.abspath(__file__))

# The final recipe (models/README.md has the trials that led to it); the rest of it is in main's defaults.
CONFIG = dict(k=64, heads=4, depth=2, t=32, num_tokens=48, scaling="head")
SPEC = repeat_task.Spec(length=32, num_tokens=48, seg_min=4, seg_max=12, repeats_min=2, repeats_max=0, periodic_share=0.5)
EVAL_SEED = 1000  # held-out sequences: a seed training never uses


def weighted_loss(model, tokens, kinds, weight_other=1.0):
    """Mean next-token NLL over targets 1..L-1; targets that are not in a later occurrence get ``weight_other``."""
    logprobs = model(tokens)[:, :-1]
    nll = F.nll_loss(logprobs.reshape(-1, logprobs.size(-1)), tokens[:, 1:].reshape(-1), reduction="none")
    if weight_other == 1.0:
        return nll.mean()
    w = torch.where(kinds[:, 1:].reshape(-1) == repeat_task.REPEAT, 1.0, weight_other)
    return (nll * w).sum() / w.sum()


@torch.no_grad()
def evaluate(model, spec, seed=EVAL_SEED, n=1024):
    """Accuracy on first occurrences, later occurrences and the rest of fresh sequences; the loss; half repeats."""
    rng = random.Random(seed)
    tokens, kinds = (torch.tensor(x) for x in repeat_task.batch(spec, n, rng))
    result = {"loss": weighted_loss(model, tokens, kinds).item()}
    for name, kind in (("first", repeat_task.FIRST), ("repeat", repeat_task.REPEAT), ("other", repeat_task.OTHER)):
        result[name] = mechanism.accuracy(model, tokens, kinds, kind)[0]
    tokens, kinds = (torch.tensor(x) for x in repeat_task.half_repeats(256, spec.length, spec.num_tokens, rng))
    result["half_first"] = mechanism.accuracy(model, tokens, kinds, repeat_task.FIRST)[0]
    result["half_repeat"] = mechanism.accuracy(model, tokens, kinds, repeat_task.REPEAT)[0]
    result["scores"] = mechanism.all_head_scores(model, tokens)
    return result


def param_groups(model, weight_decay):
    """Weight decay on the attention and feed-forward matrices only (not embeddings, norms, biases)."""
    decayed = [p for n, p in model.named_parameters() if n.startswith("tblocks.") and n.endswith("weight") and p.dim() == 2]
    ids = {id(p) for p in decayed}
    rest = [p for p in model.parameters() if id(p) not in ids]
    return [{"params": decayed, "weight_decay": weight_decay}, {"params": rest, "weight_decay": 0.0}]


def sinusoid_(weight, base=10000.0):
    """Fill a [t, k] position table with Vaswani et al.'s sines and cosines (it stays trainable).

    Then "the position before" is one rotation per frequency, the same at every position, so a
    single head can learn to attend to the previous token everywhere; from former's N(0, 1)
    start every position pair is learned on its own (and the heads share the positions out).
    """
    t, k = weight.shape
    position = torch.arange(t, dtype=torch.float32)[:, None]
    freq = base ** (-torch.arange(0, k, 2, dtype=torch.float32) / k)
    with torch.no_grad():
        weight[:, 0::2] = torch.sin(position * freq)
        weight[:, 1::2] = torch.cos(position * freq)
    return weight


def head_norms(model):
    """[depth, heads]: Frobenius norm of each head's d input columns of ``unifyheads`` (its output weights)."""
    rows = []
    for block in model.tblocks:
        att = block.attention
        w = att.unifyheads.weight.view(att.k, att.heads, att.k // att.heads)
        rows.append(w.pow(2).sum(dim=(0, 2)).add(1e-12).sqrt())
    return torch.stack(rows)


def head_penalty(model, power):
    """Sum over heads of norm ** power: power 1 is a group lasso; below 1 it is concave, so it
    prefers one head doing a job to several identical heads sharing it."""
    return head_norms(model).pow(power).sum()


def ramp(step, steps, start, full):
    """0 before start*steps, 1 from full*steps on, linear in between."""
    a, b = start * steps, full * steps
    return 0.0 if step < a else 1.0 if step >= b or b <= a else (step - a) / (b - a)


class SoloHeads:
    """While on, only head ``heads[i]`` of block i passes its output on (the others' z times 0, a hook on hook_z).

    A curriculum: with every head free, the heads of a block learn the same pattern side by side (four
    previous-token heads at 0.3 each); with one head per block passing on, that head alone learns it.
    """

    def __init__(self, model, heads):
        self.on = True
        self.handles = []
        for i, head in enumerate(heads):
            if head < 0:
                continue
            mask = torch.zeros(1, model.config.heads, 1, 1)
            mask[0, head] = 1.0
            self.handles.append(model.tblocks[i].attention.hook_z.register_forward_hook(
                lambda module, inputs, output, mask=mask: output * mask if self.on else output))

    def remove(self):
        for handle in self.handles:
            handle.remove()


def train(config, spec, steps, batch_size, lr, seed, weight_other=1.0, weight_decay=0.0, warmup_share=0.05,
          log_every=250, pos_init="normal", lasso=0.0, lasso_power=1.0, lasso_start=0.0, lasso_full=0.0,
          solo=None, solo_until=0.0):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = GTransformer(**config)
    solo_heads = SoloHeads(model, solo) if solo and solo_until > 0 else None
    if pos_init == "sinusoid":
        sinusoid_(model.pos_embedding.weight)
    opt = torch.optim.AdamW(param_groups(model, weight_decay), lr=lr)
    warmup = max(1, int(steps * warmup_share))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * s / steps)))
    probe = [torch.tensor(x) for x in repeat_task.batch(spec, 128, random.Random(EVAL_SEED + 1))]
    running = None
    for step in range(1, steps + 1):
        if solo_heads is not None and step > solo_until * steps:
            solo_heads.remove()
            solo_heads = None
            print(f"step {step:5d}  every head passes its output on from here", flush=True)
        tokens, kinds = (torch.tensor(x) for x in repeat_task.batch(spec, batch_size, rng))
        loss = weighted_loss(model, tokens, kinds, weight_other)
        opt.zero_grad()
        weight = lasso * ramp(step, steps, lasso_start, lasso_full)
        (loss + weight * head_penalty(model, lasso_power) if weight else loss).backward()
        opt.step()
        schedule.step()
        running = loss.item() if running is None else 0.95 * running + 0.05 * loss.item()
        if step % log_every == 0 or step == steps:
            model.eval()
            acc = mechanism.accuracy(model, probe[0], probe[1], repeat_task.REPEAT)[0]
            scores = mechanism.all_head_scores(model, probe[0])
            model.train()
            prev = " ".join(f"{v:.2f}" for v in scores["previous_token"][0].tolist())
            ind = " ".join(f"{v:.2f}" for v in scores["induction"][-1].tolist())
            norms = " | ".join(" ".join(f"{v:.1f}" for v in row) for row in head_norms(model).tolist())
            print(f"step {step:5d}  loss {running:.4f}  repeated-part accuracy {acc:.3f}  "
                  f"block 0 previous_token {prev}  block {len(scores['induction']) - 1} induction {ind}  "
                  f"head norms {norms}", flush=True)
    return model.eval()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default=os.path.join(HERE, "induction.pt"))
    p.add_argument("--steps", type=int, default=2500)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--weight-other", type=float, default=1.0, help="loss weight of targets outside later occurrences")
    p.add_argument("--weight-decay", type=float, default=0.0, help="AdamW's, on the blocks' matrices")
    p.add_argument("--pos-init", choices=("normal", "sinusoid"), default="sinusoid",
                   help="start of the learned position table: former's N(0, 1) or sines and cosines")
    p.add_argument("--lasso", type=float, default=0.0, help="weight of the per-head penalty on unifyheads")
    p.add_argument("--lasso-power", type=float, default=1.0)
    p.add_argument("--lasso-start", type=float, default=0.0, help="share of the steps before the penalty starts")
    p.add_argument("--lasso-full", type=float, default=0.0, help="share of the steps when it is fully on")
    p.add_argument("--solo", default="2,1", help="comma-separated head per block that alone passes its output on "
                   "at first (-1: all heads of that block), e.g. 2,1")
    p.add_argument("--solo-until", type=float, default=0.5, help="share of the steps with --solo on")
    p.add_argument("--log-every", type=int, default=250)
    for field in ("k", "heads", "depth", "t", "num_tokens"):
        p.add_argument("--" + field.replace("_", "-"), type=int, default=CONFIG[field])
    for field in dataclasses.fields(repeat_task.Spec):
        if field.name in ("length", "num_tokens"):
            continue
        kind = {"bool": lambda s: s.lower() in ("1", "true", "yes"), "float": float, "int": int}[field.type.__name__
                                                                                               if isinstance(field.type, type) else field.type]
        p.add_argument("--" + field.name.replace("_", "-"), type=kind, default=getattr(SPEC, field.name))
    args = p.parse_args(argv)

    config = dict(CONFIG, k=args.k, heads=args.heads, depth=args.depth, t=args.t, num_tokens=args.num_tokens)
    spec = dataclasses.replace(SPEC, length=args.t, num_tokens=args.num_tokens,
                               **{f.name: getattr(args, f.name) for f in dataclasses.fields(repeat_task.Spec)
                                  if f.name not in ("length", "num_tokens")})
    print(json.dumps({"config": config, "spec": dataclasses.asdict(spec), "steps": args.steps,
                      "batch_size": args.batch_size, "lr": args.lr, "seed": args.seed,
                      "weight_other": args.weight_other, "weight_decay": args.weight_decay,
                      "pos_init": args.pos_init, "lasso": args.lasso, "lasso_power": args.lasso_power,
                      "lasso_start": args.lasso_start, "lasso_full": args.lasso_full,
                      "solo": args.solo, "solo_until": args.solo_until}), flush=True)
    torch.set_num_threads(args.threads)
    start = time.time()
    model = train(config, spec, args.steps, args.batch_size, args.lr, args.seed, args.weight_other,
                  args.weight_decay, log_every=args.log_every, pos_init=args.pos_init, lasso=args.lasso,
                  lasso_power=args.lasso_power, lasso_start=args.lasso_start, lasso_full=args.lasso_full,
                  solo=[int(x) for x in args.solo.split(",")] if args.solo else None, solo_until=args.solo_until)
    seconds = time.time() - start

    r = evaluate(model, spec)
    chance = 1 / spec.num_tokens
    print(f"held-out accuracy  repeated part {r['repeat']:.4f}  first occurrence {r['first']:.4f}  "
          f"filler {r['other']:.4f}  (chance {chance:.4f})")
    print(f"second half repeats the first (L={spec.length}): repeated half {r['half_repeat']:.4f}  "
          f"first half {r['half_first']:.4f}")
    print(f"held-out loss {r['loss']:.4f}")
    for line in mechanism.format_scores(r["scores"]):
        print("  " + line)
    print(f"training took {seconds:.1f} s on {args.threads} thread(s), seed {args.seed}")
    torch.save(model.former_state_dict(), args.out)
    print(json.dumps({"saved": os.path.relpath(args.out), "bytes": os.path.getsize(args.out)}))


if __name__ == "__main__":
    main()
