"""Save a GTransformer state dict with seeded random weights (the untrained "second" and "mid" models).

    /usr/bin/python3 models/make_random.py OUT.pt --k 8 --heads 2 --depth 3 --t 7 --num-tokens 12 [--seed 12]

Readers are tested on other shapes so that nothing about the toy model (2 blocks, 3 heads,
length 5) can be hard-coded unnoticed, and on a medium size (``mid``: 6 blocks, length 64) so
that sizes and speed are exercised too. PyTorch's default init leaves every LayerNorm at weight
1 and bias 0, which would let a reader that skips the norm's affine part pass; so those get
random values too.
"""

import argparse
import os
import sys

import torch

from gtransformer import GTransformer


def random_model(k, heads, depth, t, num_tokens, seed):
    """Default init under ``seed``, then LayerNorm weight ~ 1 + 0.2 N(0,1), bias ~ 0.2 N(0,1)."""
    torch.manual_seed(seed)
    model = GTransformer(k, heads, depth, t, num_tokens)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.LayerNorm):
                module.weight.copy_(1 + 0.2 * torch.randn_like(module.weight))
                module.bias.copy_(0.2 * torch.randn_like(module.bias))
    return model.eval()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out")
    p.add_argument("--k", type=int, required=True)
    p.add_argument("--heads", type=int, required=True)
    p.add_argument("--depth", type=int, required=True)
    p.add_argument("--t", type=int, required=True)
    p.add_argument("--num-tokens", type=int, required=True)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    model = random_model(args.k, args.heads, args.depth, args.t, args.num_tokens, args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    torch.save(model.former_state_dict(), args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
