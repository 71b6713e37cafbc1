"""Reference values of the two causal analyses of docs/contract.md, from the PyTorch model with forward hooks.

    /usr/bin/python3 models/causal.py ablate MODEL.onnx REF_DIR [REF_DIR ...] --out FILE.json \
        [--weights STATE_DICT.pt] [--methods zero,mean] [--groups GROUPS.json] [--batch 64] [--threads 1]
    /usr/bin/python3 models/causal.py patch MODEL.onnx --pairs PAIRS.json --out FILE.json \
        [--weights STATE_DICT.pt] [--batch 64] [--threads 1]

The model is the one of MODEL.onnx (configuration from its ``gtlens.*`` metadata, weights from
``--weights`` or, by default, its initializers), run in PyTorch; interventions are forward hooks
on ``tblocks.{i}.attention.hook_z`` and ``tblocks.{i}.hook_resid_pre`` that replace rows of the
value in place (``out[rows, head_or_position] = values``), as TransformerLens does. The ONNX
graph's intervention inputs are never used here: the tests hold the graph against these hooks.

* **Head ablation** (``ablate``): per sequence, block and head, the sequence run with that head's
  ``z`` replaced at every position by 0 (``zero``) or by the mean of that head's ``z`` at that
  position over all given sequences that have the position (``mean``); metrics ``loss_increase``,
  ``logprob_change``, ``kl`` against the clean run. Reference folders of several lengths are taken
  together (the means then pool them).
* **Activation patching** (``patch``): per pair of equal-length clean and corrupted sequences, the
  corrupted run with the residual stream entering block i at position j (``resid``) or head h's
  ``z`` in block i at every position (``head``) taken from the clean run; the patched value
  ``(M_patched - M_corrupted) / (M_clean - M_corrupted)`` of the logit-difference metric M.

Runs are batched the way the Java side batches them: rows in sequence-major order (a sequence's
clean run, then its (block, head) runs), ``--batch`` rows per forward pass, one length per pass.
Metrics are computed in float64 from the float32 log-probabilities. The JSON formats are in
models/README.md; a missing value is ``null``.
"""

import argparse
import json
import math
import os
import sys
from collections import defaultdict
from contextlib import contextmanager

import numpy as np
import torch

from derived import format_json, read_json
from export import ExportError
from gtransformer import LATEST
from reference import FROM_ONNX, MANIFEST, load_model, read_reference

METRICS = ("loss_increase", "logprob_change", "kl")
METHODS = ("zero", "mean")
SITES = ("resid", "head")
SEPARATION = 1e-6  # |M_clean - M_corrupted| below this: the pair does not separate, patched values are missing
ABLATION_DEFINITIONS = f"docs/contract.md (contract version {LATEST}), section Head ablation"
PATCHING_DEFINITIONS = f"docs/contract.md (contract version {LATEST}), section Activation patching"


# ---------------------------------------------------------------------------- hooks


class Edits:
    """Replacements for the rows of one batch, grouped by (site, block): rows, head or position, values.

    A ``head`` edit puts ``values`` [L, d] into ``z[row, head]``; a ``resid`` edit puts ``values`` [k]
    into the residual stream ``x[row, position]`` entering the block.
    """

    def __init__(self):
        self.by_site = defaultdict(lambda: ([], [], []))

    def add(self, site, block, row, index, values):
        rows, indices, stacked = self.by_site[(site, block)]
        rows.append(row)
        indices.append(index)
        stacked.append(values)


def _replace(rows, indices, values):
    rows, indices, values = torch.tensor(rows), torch.tensor(indices), torch.stack(values)

    def hook(module, inputs, output):
        out = output.clone()
        out[rows, indices] = values.to(out.dtype)
        return out

    return hook


def _site_module(model, site, block):
    return model.tblocks[block].attention.hook_z if site == "head" else model.tblocks[block].hook_resid_pre


@contextmanager
def hooked(model, hooks):
    """Register ``{(site, block): forward hook}`` for the duration of the block, then remove them."""
    handles = [_site_module(model, site, block).register_forward_hook(fn) for (site, block), fn in hooks.items()]
    try:
        yield
    finally:
        for handle in handles:
            handle.remove()


@torch.inference_mode()
def run_edited(model, tokens, edits=None):
    """Final log-probabilities [B, L, V] of ``tokens`` with ``edits`` (an Edits, or None) applied by hooks."""
    hooks = {} if edits is None else {key: _replace(*lists) for key, lists in edits.by_site.items()}
    with hooked(model, hooks):
        return model.final_logprobs(tokens)


@torch.inference_mode()
def run_captured(model, tokens):
    """(final log-probabilities, resid [depth] of [B, L, k], z [depth] of [B, h, L, d]) of a clean run.

    ``resid[i]`` is the residual stream entering block i (the embedding for i = 0), ``z[i]`` block i's heads.
    """
    depth = model.config.depth
    seen = {}

    def keep(key):
        def hook(module, inputs, output):
            seen[key] = output.detach().clone()
        return hook

    hooks = {(site, i): keep((site, i)) for site in SITES for i in range(depth)}
    with hooked(model, hooks):
        logprobs = model.final_logprobs(tokens)
    return logprobs, [seen[("resid", i)] for i in range(depth)], [seen[("head", i)] for i in range(depth)]


def batches(rows, size):
    """``rows`` in consecutive chunks of at most ``size``."""
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


# ---------------------------------------------------------------------------- metrics


def _argmax(values):
    """Index of the largest value, the smallest index among equals."""
    return int(np.argmax(values))


def ablation_metrics(clean, ablated, sequence):
    """(loss_increase or None, logprob_change, kl) from the clean and the ablated run's log-probabilities [L, V].

    ``clean``/``ablated`` are float64 arrays; natural log; loss_increase is None when L = 1.
    """
    n = len(sequence)
    if n > 1:
        positions, following = np.arange(n - 1), np.asarray(sequence[1:])
        loss_increase = float(np.mean(clean[positions, following] - ablated[positions, following]))
    else:
        loss_increase = None
    p, q = clean[n - 1], ablated[n - 1]
    y = _argmax(p)
    probability = np.exp(p)
    kl = float(np.sum(np.where(probability > 0, probability * (p - q), 0.0)))
    return loss_increase, float(q[y] - p[y]), kl


def logit_difference(last, answer, wrong):
    """M = lp(answer) - lp(wrong), or lp(answer) when they are the same token; ``last`` [V] in float64."""
    return float(last[answer]) if answer == wrong else float(last[answer] - last[wrong])


def patched_value(metric, clean_metric, corrupted_metric):
    """(M_patched - M_corrupted) / (M_clean - M_corrupted); None when the pair does not separate."""
    spread = clean_metric - corrupted_metric
    return None if abs(spread) < SEPARATION else (metric - corrupted_metric) / spread


def group_statistics(values, labels, order):
    """{group: (count, mean, std)} over the non-missing ``values``; mean None when count is 0, std (ddof 1) when < 2."""
    out = {}
    for group in order:
        present = [v for v, label in zip(values, labels) if label == group and v is not None]
        count = len(present)
        mean = math.fsum(present) / count if count else None
        std = math.sqrt(math.fsum((v - mean) ** 2 for v in present) / (count - 1)) if count > 1 else None
        out[group] = (count, mean, std)
    return out


# ---------------------------------------------------------------------------- head ablation


def head_means(model, sequence_sets, batch):
    """Per block, the mean of z over the sequences that have each position: [heads, longest, d] float32.

    ``sequence_sets`` are lists of sequences of one length each; position p pools every sequence longer than p.
    """
    depth = model.config.depth
    longest = max(len(seqs[0]) for seqs in sequence_sets)
    sums = [None] * depth
    counts = np.zeros(longest)
    for seqs in sequence_sets:
        length = len(seqs[0])
        counts[:length] += len(seqs)
        for chunk in batches(seqs, batch):
            _, _, z = run_captured(model, torch.tensor(chunk))
            for i in range(depth):
                part = np.zeros((z[i].shape[1], longest, z[i].shape[3]))
                part[:, :length] = z[i].double().sum(dim=0).numpy()
                sums[i] = part if sums[i] is None else sums[i] + part
    return [torch.from_numpy((s / counts[None, :, None]).astype(np.float32)) for s in sums]


def ablation_rows(count, config):
    """The runs of ``count`` sequences in sequence-major order: (sequence, None) clean, then (sequence, (block, head))."""
    rows = []
    for s in range(count):
        rows.append((s, None))
        rows += [(s, (i, h)) for i in range(config.depth) for h in range(config.heads)]
    return rows


def ablate_set(model, sequences, replacement, batch):
    """{(sequence, block, head): metrics} for sequences of one length; ``replacement(block, head, length)`` -> [L, d]."""
    length = len(sequences[0])
    clean, results = {}, {}
    for chunk in batches(ablation_rows(len(sequences), model.config), batch):
        edits = Edits()
        for row, (_, site) in enumerate(chunk):
            if site is not None:
                edits.add("head", site[0], row, site[1], replacement(site[0], site[1], length))
        logprobs = run_edited(model, torch.tensor([sequences[s] for s, _ in chunk]), edits).double().numpy()
        for row, (s, site) in enumerate(chunk):
            if site is None:
                clean[s] = logprobs[row]
            else:
                results[(s, *site)] = ablation_metrics(clean[s], logprobs[row], sequences[s])
    return results


def head_ablation(model, sequence_sets, method, batch=64):
    """Metrics per (sequence, block, head), sequences numbered across ``sequence_sets`` in order."""
    if method not in METHODS:
        raise ExportError(f"unknown ablation method {method!r}: use one of {', '.join(METHODS)}")
    total = sum(len(seqs) for seqs in sequence_sets)
    if method == "mean":
        if total < 2:
            raise ExportError(f"mean ablation needs at least 2 sequences, got {total}")
        means = head_means(model, sequence_sets, batch)

        def replacement(block, head, length):
            return means[block][head, :length]
    else:
        d = model.config.d

        def replacement(block, head, length):
            return torch.zeros(length, d)

    results, offset = {}, 0
    for seqs in sequence_sets:
        for (s, block, head), metrics in ablate_set(model, seqs, replacement, batch).items():
            results[(offset + s, block, head)] = metrics
        offset += len(seqs)
    return results


# ---------------------------------------------------------------------------- activation patching


def check_pair(pair, config, where):
    """Raise ExportError with one sentence when a pair cannot be patched."""
    clean, corrupted = pair.get("clean"), pair.get("corrupted")
    for name, seq in (("clean", clean), ("corrupted", corrupted)):
        if not isinstance(seq, list) or not 1 <= len(seq) <= config.t:
            raise ExportError(f"{where}: {name} must be a list of 1 to t={config.t} token ids, got {seq!r}")
        if any(not isinstance(x, int) or isinstance(x, bool) or not 0 <= x < config.num_tokens for x in seq):
            raise ExportError(f"{where}: {name} {seq} has a token outside 0..{config.num_tokens - 1}")
    if len(clean) != len(corrupted):
        raise ExportError(f"{where}: clean has length {len(clean)} but corrupted has length {len(corrupted)}")
    for name in ("answer", "wrong"):
        value = pair.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or not 0 <= value < config.num_tokens):
            raise ExportError(f"{where}: {name} {value!r} is not a token id in 0..{config.num_tokens - 1}")


def patch_rows(config, length):
    """Every site in a fixed order: resid (block, position) block by block, then head (block, head)."""
    rows = [("resid", i, None, j) for i in range(config.depth) for j in range(length)]
    return rows + [("head", i, h, None) for i in range(config.depth) for h in range(config.heads)]


def patch_pair(model, clean, corrupted, answer=None, wrong=None, batch=64):
    """The patching result of one pair as a dict (chosen answer/wrong, both metrics, every patched value)."""
    length = len(clean)
    # one pass each, so that with batch=1 a patch that changes nothing rounds exactly as the corrupted run did
    logprobs, resid, z = run_captured(model, torch.tensor([clean]))
    last = [logprobs[0, -1].double().numpy(), run_edited(model, torch.tensor([corrupted]))[0, -1].double().numpy()]
    answer = _argmax(last[0]) if answer is None else answer
    wrong = _argmax(last[1]) if wrong is None else wrong
    clean_metric = logit_difference(last[0], answer, wrong)
    corrupted_metric = logit_difference(last[1], answer, wrong)
    patched = []
    for chunk in batches(patch_rows(model.config, length), batch):
        edits = Edits()
        for row, (site, block, head, position) in enumerate(chunk):
            if site == "resid":
                edits.add(site, block, row, position, resid[block][0, position])
            else:
                edits.add(site, block, row, head, z[block][0, head])
        out = run_edited(model, torch.tensor([corrupted] * len(chunk)), edits)[:, -1].double().numpy()
        for row, (site, block, head, position) in enumerate(chunk):
            value = patched_value(logit_difference(out[row], answer, wrong), clean_metric, corrupted_metric)
            patched.append({"site": site, "block": block, "head": head, "position": position, "value": value})
    return {"chosen_answer": answer, "chosen_wrong": wrong, "clean_metric": clean_metric,
            "corrupted_metric": corrupted_metric, "patched": patched}


# ---------------------------------------------------------------------------- files


def _relative(path, base):
    return os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")


def _save(path, value):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(format_json(value) + "\n")


def _load_sets(folders, config):
    """The sequences of each reference folder (one length each), checked against the model's configuration."""
    sets = []
    for folder in folders:
        manifest, _ = read_reference(folder)
        if manifest["config"] != config.as_dict():
            raise ExportError(f"{os.path.join(folder, MANIFEST)} is for the configuration {manifest['config']}, "
                              f"not the model's {config.as_dict()}")
        sets.append(manifest["sequences"])
    return sets


def _labels(path, count):
    """The per-sequence group labels of a groups.json (derived.py --toy-groups) and its group order."""
    groups = read_json(path)
    if len(groups.get("groups", [])) != count:
        raise ExportError(f"{path} labels {len(groups.get('groups', []))} sequences, the references hold {count}")
    return groups["groups"], groups["group_names"]


def write_ablation(model, onnx_path, folders, out, methods=METHODS, groups=None, batch=64):
    """FILE.json of head ablation over the sequences of ``folders`` (see models/README.md); return the dict."""
    sets = _load_sets(folders, model.config)
    base = os.path.dirname(os.path.abspath(out))
    total = sum(len(s) for s in sets)
    result = {
        "definitions": ABLATION_DEFINITIONS,
        "model": _relative(onnx_path, base),
        "config": model.config.as_dict(),
        "sources": [{"reference": _relative(os.path.join(f, MANIFEST), base), "sequences": len(s),
                     "length": len(s[0])} for f, s in zip(folders, sets)],
        "metrics": list(METRICS),
        "missing": None,
        "methods": {},
    }
    labels = order = None
    if groups is not None:
        labels, order = _labels(groups, total)
        result["groups"] = {"labels": _relative(groups, base), "group_names": order}
    for method in methods:
        values = head_ablation(model, sets, method, batch)
        section = {"runs": [dict({"sequence": s, "block": i, "head": h}, **dict(zip(METRICS, values[(s, i, h)])))
                            for s, i, h in sorted(values)]}
        if labels is not None:
            section["groups"] = [
                {"group": group, "block": i, "head": h, "metric": metric, "count": count, "mean": mean, "std": std}
                for i in range(model.config.depth) for h in range(model.config.heads)
                for m, metric in enumerate(METRICS)
                for group, (count, mean, std) in group_statistics(
                    [values[(s, i, h)][m] for s in range(total)], labels, order).items()]
        result["methods"][method] = section
    _save(out, result)
    return result


def read_pairs(path, config):
    """The pairs of a PAIRS.json: a JSON array of {"clean", "corrupted", optional "answer", "wrong", "group"}."""
    try:
        pairs = read_json(path)
    except json.JSONDecodeError as e:
        raise ExportError(f"{path} is not valid JSON: {e}") from None
    if not isinstance(pairs, list) or not pairs or not all(isinstance(p, dict) for p in pairs):
        raise ExportError(f"{path} must hold a non-empty JSON array of pairs {{\"clean\": [...], \"corrupted\": [...]}}")
    for i, pair in enumerate(pairs):
        check_pair(pair, config, f"{path}, pair {i}")
    return pairs


def patching_groups(pairs, results):
    """Per group label of the pairs (pairs without one are left out) and site: count, mean, std of the values."""
    labels = [p.get("group") for p in pairs]
    order = list(dict.fromkeys(label for label in labels if label is not None))
    rows = []
    for group in order:
        members = [r for r, label in zip(results, labels) if label == group]
        lengths = {len(r["patched"]) for r in members}
        if len(lengths) != 1:
            raise ExportError(f"the pairs of group {group} have different lengths; a group must have one length")
        for k, site in enumerate(members[0]["patched"]):
            count, mean, std = group_statistics([r["patched"][k]["value"] for r in members], [group] * len(members),
                                                [group])[group]
            rows.append({"group": group, "site": site["site"], "block": site["block"], "head": site["head"],
                         "position": site["position"], "count": count, "mean": mean, "std": std})
    return order, rows


def write_patching(model, onnx_path, pairs_path, out, batch=64):
    """FILE.json of activation patching for the pairs of ``pairs_path`` (see models/README.md); return the dict."""
    pairs = read_pairs(pairs_path, model.config)
    base = os.path.dirname(os.path.abspath(out))
    results = []
    for pair in pairs:
        result = {key: pair.get(key) for key in ("clean", "corrupted", "answer", "wrong", "group")}
        result.update(patch_pair(model, pair["clean"], pair["corrupted"], pair.get("answer"), pair.get("wrong"), batch))
        results.append(result)
    order, groups = patching_groups(pairs, results)
    out_dict = {
        "definitions": PATCHING_DEFINITIONS,
        "model": _relative(onnx_path, base),
        "config": model.config.as_dict(),
        "pairs_file": _relative(pairs_path, base),
        "separation": SEPARATION,
        "missing": None,
        "pairs": results,
        "group_names": order,
        "groups": groups,
    }
    _save(out, out_dict)
    return out_dict


# ---------------------------------------------------------------------------- CLI


def _common(p):
    p.add_argument("onnx", metavar="MODEL.onnx", help="contract model: configuration, and weights unless --weights")
    p.add_argument("--weights", default=FROM_ONNX, help=f"state dict .pt; {FROM_ONNX} (default): the ONNX initializers")
    p.add_argument("--out", required=True, metavar="FILE.json")
    p.add_argument("--batch", type=int, default=64, help="runs per forward pass (default 64)")
    p.add_argument("--threads", type=int, default=1)


def main(argv=None):
    p = argparse.ArgumentParser(description="Head ablation and activation patching with hooks on the PyTorch model.")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("ablate", help="zero/mean ablation of every head, for the sequences of reference folders")
    _common(a)
    a.add_argument("folders", nargs="+", metavar="REF_DIR")
    a.add_argument("--methods", default=",".join(METHODS), help="comma-separated: zero, mean (default both)")
    a.add_argument("--groups", metavar="GROUPS.json", help="per-group statistics with this groups.json's labels")
    t = sub.add_parser("patch", help="resid and head patching of clean/corrupted pairs")
    _common(t)
    t.add_argument("--pairs", required=True, metavar="PAIRS.json")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    try:
        if args.batch < 1:
            raise ExportError(f"--batch must be at least 1, got {args.batch}")
        model = load_model(args.weights, args.onnx)
        if args.command == "ablate":
            methods = [m for m in args.methods.split(",") if m]
            unknown = [m for m in methods if m not in METHODS]
            if unknown or not methods:
                raise ExportError(f"--methods takes {', '.join(METHODS)}, got {args.methods!r}")
            result = write_ablation(model, args.onnx, args.folders, args.out, methods, args.groups, args.batch)
            print(f"wrote {args.out}: {', '.join(result['methods'])} ablation of "
                  f"{sum(s['sequences'] for s in result['sources'])} sequences")
        else:
            result = write_patching(model, args.onnx, args.pairs, args.out, args.batch)
            print(f"wrote {args.out}: {len(result['pairs'])} pairs")
    except (ExportError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
