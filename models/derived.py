"""Reference values of the derived representations (docs/contract.md), from PyTorch's own tensors.

    /usr/bin/python3 models/derived.py derive REF_DIR [REF_DIR ...] [--toy-groups SEED]
    /usr/bin/python3 models/derived.py mixed OUT.json REF_DIR [REF_DIR ...]

``derive`` reads a reference folder written by reference.py (PyTorch's float32 contract
tensors) and writes next to its manifest.json:

* ``derived.json``: ``{"contract": 2, ..., "tensors": {name: {"file", "shape", "dtype"}}}`` for
  ``rollout`` float32 [n, depth, L, L], ``head_scores`` float32 [n, depth, heads, 6],
  ``lens_stats`` float32 [n, depth, L, 4], ``topk_indices`` int32 and ``topk_values`` float32
  [n, depth, L, K] with K = min(5, V); the names of the last axes of ``head_scores`` and
  ``lens_stats`` are listed as ``head_score_names`` and ``lens_stat_names``;
* with ``--toy-groups SEED`` (a folder written by ``reference.py --toy N --seed SEED``):
  ``groups.json`` with each sequence's group (the toy class it was drawn from, or ``random``),
  and per group the count, the mean and the sample standard deviation (ddof=1, NaN for a group
  of one) over its sequences of every contract tensor and of ``rollout``; files in ``groups/``.

``mixed`` pools reference folders of one model at different lengths: per contract tensor and
cell (cells up to the longest length; a sequence contributes only the cells it has) the count
(int32), mean and sample standard deviation (float32; NaN where the count is 1). Files go to a
folder named like OUT.json without ``.json``.

All statistics are computed in float64 from the float32 tensors and stored as float32
(little-endian, C order); top-k values are the block's log-probabilities themselves.
"""

import argparse
import json
import os
import sys

import numpy as np
import torch

from export import ExportError
from gtransformer import LATEST
from reference import MANIFEST, read_reference

DERIVED = "derived.json"
GROUPS = "groups.json"
HEAD_SCORE_NAMES = ("entropy", "previous_token", "self", "first_token", "duplicate_token", "induction")
LENS_STAT_NAMES = ("entropy", "kl_to_final", "final_token_rank", "max_probability")
TOP_K = 5
DEFINITIONS = f"docs/contract.md (contract version {LATEST}), section Derived representations"
_DTYPES = {"float32": ("<f4", ".f32"), "int32": ("<i4", ".i32")}


# ---------------------------------------------------------------------------- the definitions


def rollout(attention):
    """Attention rollout (Abnar & Zuidema 2020) of every block: [n, depth, h, L, L] -> [n, depth, L, L], float64.

    A'_i = 0.5 * mean over heads + 0.5 * I, rows renormalised to sum 1; rollout_0 = A'_0,
    rollout_i = A'_i x rollout_(i-1).
    """
    attention = np.asarray(attention, dtype=np.float64)
    length = attention.shape[-1]
    mixed = 0.5 * attention.mean(axis=2) + 0.5 * np.eye(length)
    mixed /= mixed.sum(axis=-1, keepdims=True)
    out = np.empty_like(mixed)
    out[:, 0] = mixed[:, 0]
    for i in range(1, mixed.shape[1]):
        # einsum's own loop rather than BLAS: the same sums in the same order on every machine
        out[:, i] = np.einsum("nij,njk->nik", mixed[:, i], out[:, i - 1])
    return out


def _xlogx(p, logp):
    """p * ln p with 0 ln 0 = 0."""
    return np.where(p > 0, p * np.where(p > 0, logp, 0.0), 0.0)


def head_scores(attention):
    """[..., L, L] attention -> [..., 4]: entropy, previous_token, self, first_token (float64).

    previous_token is NaN when L = 1 (no query has a previous position).
    """
    a = np.asarray(attention, dtype=np.float64)
    length = a.shape[-1]
    with np.errstate(divide="ignore"):
        logs = np.log(a)
    entropy = -_xlogx(a, logs).sum(axis=-1).mean(axis=-1)
    if length > 1:
        previous = np.diagonal(a, offset=-1, axis1=-2, axis2=-1).mean(axis=-1)
    else:
        previous = np.full(a.shape[:-2], np.nan)
    own = np.diagonal(a, axis1=-2, axis2=-1).mean(axis=-1)
    first = a[..., :, 0].mean(axis=-1)
    return np.stack([entropy, previous, own, first], axis=-1)


def token_head_scores(attention, tokens):
    """[n, ..., L, L] attention and [n, L] token ids -> [n, ..., 2]: duplicate_token, induction (float64).

    duplicate_token: the mean, over queries i that have an earlier j with x_j = x_i, of the attention i pays
    to all such j; induction: the mean, over queries i that have a j with j + 1 < i and x_j = x_i, of the
    attention i pays to all such j + 1 (the token after an earlier copy of itself). NaN where no query
    qualifies (TransformerLens' head detector patterns, averaged over the qualifying rows only).
    """
    a = np.asarray(attention, dtype=np.float64)
    x = np.asarray(tokens)
    length = x.shape[-1]
    query, key = np.arange(length)[:, None], np.arange(length)[None, :]
    same = x[:, :, None] == x[:, None, :]                               # [n, i, j]: x_i == x_j
    duplicate = same & (key < query)
    after = np.zeros_like(same)                                         # [n, i, m]: x_(m-1) == x_i, m < i
    after[:, :, 1:] = same[:, :, :-1] & (key[:, 1:] < query)
    extra = a.ndim - 3
    scores = []
    for mask in (duplicate, after):
        qualifies = mask.any(axis=-1)                                   # [n, i]
        per_query = (a * mask.reshape(mask.shape[:1] + (1,) * extra + mask.shape[1:])).sum(axis=-1)
        rows = qualifies.reshape(qualifies.shape[:1] + (1,) * extra + qualifies.shape[1:])
        count = rows.sum(axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            scores.append(np.where(count > 0, np.where(rows, per_query, 0.0).sum(axis=-1) / count, np.nan))
    return np.stack(scores, axis=-1)


def lens_stats(block_logprobs, final_logprobs):
    """[..., V] log-probabilities of a block and of the model -> [..., 4] (float64):
    entropy, kl_to_final, final_token_rank, max_probability.

    ln p is the stored log-probability itself; the final token is the final distribution's
    most probable one (the smallest id among equals), its rank the number of tokens the block
    gives a strictly larger probability (compared as log-probabilities: exp is increasing).
    """
    lb = np.asarray(block_logprobs, dtype=np.float64)
    lf = np.asarray(final_logprobs, dtype=np.float64)
    pb, pf = np.exp(lb), np.exp(lf)
    entropy = -_xlogx(pb, lb).sum(axis=-1)
    kl = np.where(pf > 0, pf * (lf - lb), 0.0).sum(axis=-1)
    final_token = np.argmax(lf, axis=-1)[..., None]
    rank = (lb > np.take_along_axis(lb, final_token, axis=-1)).sum(axis=-1).astype(np.float64)
    return np.stack([entropy, kl, rank, pb.max(axis=-1)], axis=-1)


def top_k(logprobs, k):
    """(indices int32, values float32) of the k most probable tokens per position: descending, ties by ascending id."""
    values = np.asarray(logprobs, dtype=np.float32)
    order = np.argsort(-values, axis=-1, kind="stable")[..., :k]
    return order.astype(np.int32), np.take_along_axis(values, order, axis=-1)


def compute_derived(arrays, config, sequences):
    """The five derived tensors for the contract ``arrays`` of one reference folder's ``sequences``."""
    depth, k = config["depth"], min(TOP_K, config["num_tokens"])
    attention = np.stack([arrays[f"block{i}.attention"] for i in range(depth)], axis=1)
    block_logprobs = np.stack([arrays[f"block{i}.logprobs"] for i in range(depth)], axis=1)
    indices, values = top_k(block_logprobs, k)
    return {
        "rollout": rollout(attention),
        "head_scores": np.concatenate([head_scores(attention), token_head_scores(attention, sequences)], axis=-1),
        "lens_stats": lens_stats(block_logprobs, arrays["logprobs"][:, None]),
        "topk_indices": indices,
        "topk_values": values,
    }


# ---------------------------------------------------------------------------- files


def _write(folder, file, array, dtype="float32"):
    """Write ``array`` as raw little-endian ``dtype`` in C order; return its manifest entry."""
    code, _ = _DTYPES[dtype]
    path = os.path.join(folder, file)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.ascontiguousarray(array, dtype=code).tofile(path)
    return {"file": file, "shape": list(np.shape(array)), "dtype": dtype}


def read_entry(folder, entry):
    """The array a manifest entry ``{"file", "shape", "dtype"}`` describes (dtype float32 if absent)."""
    code, _ = _DTYPES[entry.get("dtype", "float32")]
    return np.fromfile(os.path.join(folder, entry["file"]), dtype=code).reshape(entry["shape"])


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_derived(folder):
    """(derived.json, {name: array}) of a reference folder."""
    manifest = read_json(os.path.join(folder, DERIVED))
    return manifest, {name: read_entry(folder, e) for name, e in manifest["tensors"].items()}


def format_json(value, indent=0):
    """JSON with one line per file entry (and per scalar-valued dict): readable in a diff, still plain JSON."""
    def compact(v):
        if isinstance(v, dict):
            return "file" in v or not any(isinstance(x, (dict, list)) for x in v.values())
        if isinstance(v, list):
            return not any(isinstance(x, (dict, list)) for x in v)
        return True

    if compact(value):
        return json.dumps(value, allow_nan=True)
    pad = " " * (indent + 1)
    if isinstance(value, list):
        items = [pad + format_json(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    items = [f"{pad}{json.dumps(k)}: {format_json(v, indent + 1)}" for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"


def _save_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        f.write(format_json(value) + "\n")


def write_derived(folder):
    """derived.json and its files for the reference folder ``folder``; return (manifest, float64/int arrays)."""
    manifest, arrays = read_reference(folder)
    config = manifest["config"]
    derived = compute_derived(arrays, config, manifest["sequences"])
    tensors = {}
    for name, array in derived.items():
        dtype = "int32" if array.dtype.kind == "i" else "float32"
        tensors[name] = _write(folder, name + _DTYPES[dtype][1], array, dtype)
    n, length = len(manifest["sequences"]), len(manifest["sequences"][0])
    out = {
        "contract": LATEST,
        "definitions": DEFINITIONS,
        "reference": MANIFEST,
        "config": config,
        "sequences": n,
        "length": length,
        "top_k": min(TOP_K, config["num_tokens"]),
        "head_score_names": list(HEAD_SCORE_NAMES),
        "lens_stat_names": list(LENS_STAT_NAMES),
        "tensors": tensors,
    }
    _save_json(os.path.join(folder, DERIVED), out)
    return out, derived


# ---------------------------------------------------------------------------- group statistics


def toy_labels(sequences, seed):
    """Each sequence's group as toytask.reference_sequences_labelled(n, seed) chose it; the folder must be exactly those."""
    import toytask

    labelled = toytask.reference_sequences_labelled(len(sequences), seed)
    if [s for s, _ in labelled] != sequences:
        raise ExportError(f"the sequences are not toytask.reference_sequences({len(sequences)}, seed={seed}) "
                          "(reference.py --toy N --seed S with nothing else): cannot label them")
    labels = [label for _, label in labelled]
    names = [c.name for c in toytask.CLASSES]
    order = [g for g in names + ["random"] if g in labels]
    also = {}
    for i, seq in enumerate(sequences):
        fits = [c.name for c in toytask.CLASSES if c.name != labels[i] and tuple(seq) in c.members()]
        if fits:
            also[str(i)] = fits
    return labels, order, also


def group_statistics(stack, labels, order):
    """{group: (count, mean, std)} over axis 0 of float64 ``stack``; std ddof=1, NaN for a group of one."""
    labels = np.asarray(labels)
    out = {}
    for group in order:
        rows = torch.from_numpy(np.ascontiguousarray(stack[labels == group], dtype=np.float64))
        mean = torch.mean(rows, dim=0)
        std = torch.std(rows, dim=0, unbiased=True) if rows.shape[0] > 1 else torch.full_like(mean, float("nan"))
        out[group] = (rows.shape[0], mean.numpy(), std.numpy())
    return out


def write_groups(folder, labels, order, derived=None, note=None, also_fits=None):
    """groups.json and groups/<group>.<tensor>.mean|std.f32 for the reference ``folder``."""
    manifest, arrays = read_reference(folder)
    if len(labels) != len(manifest["sequences"]):
        raise ExportError(f"{len(labels)} labels for {len(manifest['sequences'])} sequences")
    if derived is None:
        derived = compute_derived(arrays, manifest["config"], manifest["sequences"])
    tensors = dict(arrays)
    tensors["rollout"] = derived["rollout"]
    means, stds, counts = {g: {} for g in order}, {g: {} for g in order}, {}
    for name, stack in tensors.items():
        for group, (count, mean, std) in group_statistics(stack, labels, order).items():
            counts[group] = count
            means[group][name] = _write(folder, f"groups/{group}.{name}.mean.f32", mean)
            stds[group][name] = _write(folder, f"groups/{group}.{name}.std.f32", std)
    out = {"contract": LATEST, "reference": MANIFEST}
    if note:
        out["labels"] = note
    out["group_names"] = list(order)
    out["groups"] = list(labels)
    if also_fits:
        out["also_fits"] = also_fits
    out.update({"counts": counts, "means": means, "stds": stds})
    _save_json(os.path.join(folder, GROUPS), out)
    return out


# ---------------------------------------------------------------------------- mixed lengths


_HEADED = ("attention", "queries", "keys", "values", "z")


def pad_to(name, array, longest):
    """[n, ...] tensor at its length -> (float64 values, bool mask) at ``longest``, NaN/False in missing cells.

    Positions are axis 2 of the per-head tensors (and axis 3 of attention, whose columns are
    positions too), axis 1 of ``out`` and ``logprobs``; other axes are kept whole.
    """
    kind = name.rsplit(".", 1)[-1]
    axes = (2, 3) if kind == "attention" else (2,) if kind in _HEADED else (1,)
    length = array.shape[axes[0]]
    shape = [longest if axis in axes else size for axis, size in enumerate(array.shape)]
    index = tuple(slice(0, length) if axis in axes else slice(None) for axis in range(array.ndim))
    values = np.full(shape, np.nan)
    mask = np.zeros(shape, dtype=bool)
    values[index] = array
    mask[index] = True
    return values, mask


def mixed_statistics(folders):
    """(info, {name: (count int32, mean float64, std float64)}) pooled over reference ``folders`` of one model."""
    loaded = [read_reference(f) for f in folders]
    models = {os.path.realpath(os.path.join(f, m["model"])) for f, (m, _) in zip(folders, loaded)}
    configs = {json.dumps(m["config"], sort_keys=True) for m, _ in loaded}
    if len(models) != 1 or len(configs) != 1:
        raise ExportError("the reference folders are not of one model")
    longest = max(len(m["sequences"][0]) for m, _ in loaded)
    stats = {name: cell_statistics(name, [arrays[name] for _, arrays in loaded], longest)
             for name in loaded[0][0]["tensors"]}
    return {"model": models.pop(), "longest": longest, "loaded": loaded}, stats


def cell_statistics(name, stacks, longest):
    """(count int32, mean, std) per cell of contract tensor ``name`` over ``stacks`` ([n, ...] arrays, one per length).

    Cells go up to ``longest``; std has ddof=1 and is NaN where fewer than two sequences have the cell.
    """
    padded = [pad_to(name, stack, longest) for stack in stacks]
    values = np.concatenate([v for v, _ in padded])
    mask = np.concatenate([m for _, m in padded])
    count = mask.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(mask, values, 0.0).sum(axis=0) / count
        squares = np.where(mask, (values - mean) ** 2, 0.0).sum(axis=0)
        std = np.where(count > 1, np.sqrt(squares / (count - 1)), np.nan)
    mean = np.where(count > 0, mean, np.nan)
    return count.astype(np.int32), mean, std


def write_mixed(out_json, folders):
    """OUT.json and its files (in OUT/ next to it) for the reference ``folders``."""
    info, stats = mixed_statistics(folders)
    base = os.path.dirname(os.path.abspath(out_json))
    sub = os.path.splitext(os.path.basename(out_json))[0]

    def rel(path):
        return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")

    tensors = {}
    for name, (count, mean, std) in stats.items():
        tensors[name] = {
            "count": _write(base, f"{sub}/{name}.count.i32", count, "int32"),
            "mean": _write(base, f"{sub}/{name}.mean.f32", mean),
            "std": _write(base, f"{sub}/{name}.std.f32", std),
        }
    out = {
        "contract": LATEST,
        "model": rel(info["model"]),
        "sources": [{"reference": rel(os.path.join(f, MANIFEST)), "sequences": len(m["sequences"]),
                     "length": len(m["sequences"][0])} for f, (m, _) in zip(folders, info["loaded"])],
        "length": info["longest"],
        "cells": "per cell up to length; a sequence counts only in the rows (and, for attention, columns) "
                 "below its own length; std has ddof=1 and is NaN where the count is 1",
        "tensors": tensors,
    }
    _save_json(out_json, out)
    return out


# ---------------------------------------------------------------------------- CLI


def main(argv=None):
    p = argparse.ArgumentParser(description="Reference values of the derived representations, from PyTorch's tensors.")
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("derive", help="derived.json (and groups.json) in reference folders")
    d.add_argument("folders", nargs="+", metavar="REF_DIR")
    d.add_argument("--toy-groups", type=int, metavar="SEED",
                   help="also groups.json: the folder holds reference.py --toy N --seed SEED's sequences")
    m = sub.add_parser("mixed", help="per-cell statistics over reference folders of one model at several lengths")
    m.add_argument("out", metavar="OUT.json")
    m.add_argument("folders", nargs="+", metavar="REF_DIR")
    args = p.parse_args(argv)
    try:
        if args.command == "derive":
            for folder in args.folders:
                manifest, derived = write_derived(folder)
                print(f"wrote {os.path.join(folder, DERIVED)}: {', '.join(manifest['tensors'])}")
                if args.toy_groups is not None:
                    sequences = read_reference(folder)[0]["sequences"]
                    labels, order, also = toy_labels(sequences, args.toy_groups)
                    note = (f"the toy class each sequence was drawn from (toytask.reference_sequences_labelled, "
                            f"seed {args.toy_groups}), or random for uniformly random digits; also_fits lists "
                            "sequences whose digits fit another class too")
                    out = write_groups(folder, labels, order, derived, note, also)
                    print(f"wrote {os.path.join(folder, GROUPS)}: {out['counts']}")
        else:
            out = write_mixed(args.out, args.folders)
            print(f"wrote {args.out}: {len(out['tensors'])} tensors over {[s['sequences'] for s in out['sources']]} "
                  f"sequences, cells up to length {out['length']}")
    except (ExportError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
