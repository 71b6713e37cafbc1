"""Train the default GT Lens model on the toy digit task (see toytask.py) and save its state dict.

    /usr/bin/python3 models/train.py [--out models/gtransformer.pt] [--steps N]

Next-token prediction with the loss over every position that has a next token (positions
0..L-2 predict tokens 1..L-1; the last position has nothing to predict, so it is left out).
Seeded and single-process with a fixed thread count so that the same machine gives the same
weights; prints the loss as it goes and, at the end, for each class the accuracy of
predicting the last digit from the first four, scored on every member of the class.
"""

import argparse
import json
import math
import os
import random
import time

import torch
import torch.nn.functional as F

import toytask
from gtransformer import GTransformer

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = dict(k=6, heads=3, depth=2, t=toytask.LENGTH, num_tokens=toytask.NUM_TOKENS, scaling="head")


def next_token_loss(model, batch):
    """Mean NLL of tokens 1..L-1 given their prefixes, all positions at once."""
    logprobs = model(batch)[:, :-1]
    return F.nll_loss(logprobs.reshape(-1, logprobs.size(-1)), batch[:, 1:].reshape(-1))


@torch.no_grad()
def sample_loss(model, n=4096, seed=12345):
    """Loss on a fresh seeded sample, comparable with toytask.loss_floor()."""
    model.eval()
    loss = next_token_loss(model, torch.tensor(toytask.sample(n, random.Random(seed)))).item()
    model.train()
    return loss


@torch.no_grad()
def class_accuracies(model):
    """Share of each class's members whose last digit is the argmax after the first four."""
    model.eval()
    result = {}
    for cls in toytask.CLASSES:
        members = torch.tensor(cls.members())
        predicted = model(members)[:, -2].argmax(-1)
        result[cls.name] = (predicted == members[:, -1]).float().mean().item()
    model.train()
    return result


def train(steps, batch_size, lr, seed, log_every=250):
    """Adam with a linear warm-up and cosine decay: fast and steady on this tiny model."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = GTransformer(**CONFIG)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    warmup = max(1, steps // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * s / steps))
    )
    running = None
    for step in range(1, steps + 1):
        batch = torch.tensor(toytask.sample(batch_size, rng))
        loss = next_token_loss(model, batch)
        opt.zero_grad()
        loss.backward()
        opt.step()
        schedule.step()
        running = loss.item() if running is None else 0.95 * running + 0.05 * loss.item()
        if step % log_every == 0 or step == steps:
            print(f"step {step:5d}  loss {running:.4f}", flush=True)
    return model.eval()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(HERE, "gtransformer.pt"))
    parser.add_argument("--steps", type=int, default=12000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1,
                        help="1 by default: as fast as 2 on this tiny model, and 2 slow down 10x when another process busies a core")
    args = parser.parse_args(argv)

    torch.set_num_threads(args.threads)
    start = time.time()
    model = train(args.steps, args.batch_size, args.lr, args.seed)
    seconds = time.time() - start

    accuracies = class_accuracies(model)
    for name, acc in accuracies.items():
        print(f"last-digit accuracy  {name:<11s} {acc:.4f}")
    overall = sum(accuracies.values()) / len(accuracies)
    print(f"last-digit accuracy  {'mean':<11s} {overall:.4f}")
    print(f"loss on a fresh sample {sample_loss(model):.4f}; the task's floor is {toytask.loss_floor():.4f}")
    print(f"training took {seconds:.1f} s on {args.threads} thread(s)")
    torch.save(model.former_state_dict(), args.out)
    print(json.dumps({"saved": os.path.relpath(args.out), "config": CONFIG}))


if __name__ == "__main__":
    main()
