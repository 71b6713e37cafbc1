"""Measure an induction circuit with PyTorch's own tensors: head scores, head ablations, accuracy.

Everything here runs the PyTorch ``GTransformer`` of ``models/gtransformer.py`` (imported from
the parent folder, unchanged). Attention comes from ``get_representations``; a head is ablated
with a forward pre-hook on its block's ``unifyheads``, whose input is the heads' outputs side by
side ([b, L, k], head h in columns h*d .. (h+1)*d-1), so the model's code is not touched.
"""

import importlib.abc
import importlib.util
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.dirname(HERE)


NEIGHBOURS = ("gtransformer", "export", "reference", "derived", "causal")


class _ModelsFolder(importlib.abc.MetaPathFinder):
    """Finds the scripts of models/ (one folder up) that the scripts here use, by module name.

    The scripts of models/ import their neighbours through sys.path[0] (their own folder); the scripts
    here sit one folder below them, so those modules (``NEIGHBOURS``: causal.py imports derived, export,
    gtransformer, reference) are found by this finder instead, and sys.path is left alone. It comes first
    on sys.meta_path because this folder holds a data folder named ``reference/``, which the ordinary
    finder would otherwise import as an empty namespace package.
    """

    def find_spec(self, name, path=None, target=None):
        if name not in NEIGHBOURS:
            return None
        return importlib.util.spec_from_file_location(name, os.path.join(MODELS, name + ".py"))


if not any(isinstance(f, _ModelsFolder) for f in sys.meta_path):
    sys.meta_path.insert(0, _ModelsFolder())


def _parent_module(name):
    """models/<name>.py as module ``name`` (and, through _ModelsFolder, the modules it imports)."""
    return importlib.import_module(name)


gtransformer = _parent_module("gtransformer")
GTransformer = gtransformer.GTransformer

SCORE_NAMES = ("previous_token", "induction", "duplicate_token")


def load(path, config):
    model = GTransformer(**config)
    model.load_state_dict(torch.load(path, map_location="cpu"), strict=True)
    return model.eval()


# ---------------------------------------------------------------------------- head scores


def match_masks(tokens):
    """(dup [n, L, L], ind [n, L, L]) bool: dup[i, j] when j < i and x_j = x_i; ind[i, j+1] when j+1 < i and x_j = x_i."""
    n, length = tokens.shape
    same = tokens[:, :, None] == tokens[:, None, :]                      # [n, i, j]
    below = torch.ones(length, length, dtype=torch.bool).tril(-1)        # j < i
    dup = same & below
    ind = torch.zeros_like(dup)
    ind[:, :, 1:] = same[:, :, :-1] & below[:, 1:].unsqueeze(0).expand(n, -1, -1)[:, :, :]  # key j+1 < i
    return dup, ind


def head_scores(attention, tokens):
    """attention [n, h, L, L] of one block, tokens [n, L] -> {score: [h]} averaged over sequences.

    previous_token: mean over q = 1..L-1 of a[q, q-1]. induction (TransformerLens's detector):
    mean over positions i with some j, j+1 < i, x_j = x_i of the sum over such j of a[i, j+1].
    duplicate_token: mean over positions i with some j < i, x_j = x_i of the sum over such j of
    a[i, j]. Per sequence first, then the mean over the sequences that have such positions.
    """
    a = attention.double()
    out = {"previous_token": a.diagonal(offset=-1, dim1=-2, dim2=-1).mean(-1).mean(0)}
    dup, ind = match_masks(tokens)
    for name, mask in (("induction", ind), ("duplicate_token", dup)):
        mask = mask[:, None].double()                                    # [n, 1, L, L]
        per_row = (a * mask).sum(-1)                                     # [n, h, L]
        has = mask.sum(-1) > 0                                           # [n, 1, L]
        count = has.sum(-1)                                              # [n, 1]
        per_seq = (per_row * has).sum(-1) / count.clamp(min=1)           # [n, h]
        keep = (count[:, 0] > 0)
        out[name] = per_seq[keep].mean(0)
    return out


@torch.no_grad()
def all_head_scores(model, tokens):
    """{score: [depth, heads]} for a batch of sequences."""
    reps = model.get_representations(tokens)
    depth = len(model.tblocks)
    per_block = [head_scores(reps[f"block{i}.attention"], tokens) for i in range(depth)]
    return {name: torch.stack([b[name] for b in per_block]) for name in SCORE_NAMES}


# ---------------------------------------------------------------------------- ablation


class HeadAblation:
    """Context manager: replace head ``head`` of block ``block`` by zeros or by ``mean`` ([L, d])."""

    def __init__(self, model, block, head, mean=None):
        self.attention = model.tblocks[block].attention
        self.head, self.mean = head, mean
        self.d = self.attention.k // self.attention.heads
        self.handle = None

    def _hook(self, module, inputs):
        (mixed,) = inputs
        cols = slice(self.head * self.d, (self.head + 1) * self.d)
        mixed = mixed.clone()
        if self.mean is None:
            mixed[:, :, cols] = 0.0
        else:
            mixed[:, :, cols] = self.mean[: mixed.size(1)]
        return (mixed,)

    def __enter__(self):
        self.handle = self.attention.unifyheads.register_forward_pre_hook(self._hook)
        return self

    def __exit__(self, *exc):
        self.handle.remove()


@torch.no_grad()
def head_outputs(model, tokens):
    """{block: [n, L, k]} the input of every block's ``unifyheads`` (the heads' outputs side by side)."""
    seen, handles = {}, []
    for i, block in enumerate(model.tblocks):
        handles.append(block.attention.unifyheads.register_forward_pre_hook(
            lambda m, inp, i=i: seen.__setitem__(i, inp[0].detach().clone())))
    try:
        model(tokens)
    finally:
        for h in handles:
            h.remove()
    return seen


def token_losses(logprobs, tokens):
    """NLL of token i+1 at position i: [n, L-1]."""
    return -logprobs[:, :-1].gather(-1, tokens[:, 1:, None])[..., 0]


@torch.no_grad()
def masked_loss(model, tokens, masks):
    """{name: mean NLL over the target positions where masks[name] ([n, L], by target) is true}."""
    nll = token_losses(model(tokens), tokens)
    return {name: nll[m[:, 1:]].mean().item() for name, m in masks.items()}


@torch.no_grad()
def ablation_table(model, tokens, masks):
    """[(block, head, {name: (zero-ablated loss, mean-ablated loss)})] plus the clean losses.

    Mean ablation replaces the head's output by its mean over the batch at each position.
    """
    clean = masked_loss(model, tokens, masks)
    outputs = head_outputs(model, tokens)
    rows = []
    for b, block in enumerate(model.tblocks):
        att = block.attention
        d = att.k // att.heads
        for h in range(att.heads):
            with HeadAblation(model, b, h):
                zero = masked_loss(model, tokens, masks)
            mean = outputs[b][:, :, h * d:(h + 1) * d].mean(0)
            with HeadAblation(model, b, h, mean=mean):
                meaned = masked_loss(model, tokens, masks)
            rows.append((b, h, {name: (zero[name], meaned[name]) for name in masks}))
    return clean, rows


# ---------------------------------------------------------------------------- accuracy


@torch.no_grad()
def accuracy(model, tokens, kinds, kind):
    """Share of target positions of ``kind`` (kinds [n, L], by target) predicted by the arg-max."""
    pred = model(tokens)[:, :-1].argmax(-1)
    hit = pred == tokens[:, 1:]
    sel = kinds[:, 1:] == kind
    return hit[sel].float().mean().item(), int(sel.sum())


def format_scores(scores):
    """Lines 'block head  previous_token induction duplicate_token'."""
    depth, heads = scores[SCORE_NAMES[0]].shape
    lines = [f"{'block':>5s} {'head':>4s}  " + " ".join(f"{n:>15s}" for n in SCORE_NAMES)]
    for b in range(depth):
        for h in range(heads):
            lines.append(f"{b:5d} {h:4d}  " + " ".join(f"{scores[n][b, h].item():15.3f}" for n in SCORE_NAMES))
    return lines
