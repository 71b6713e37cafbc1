"""The committed causal references (ablation.json, patching.json), recomputed here another way, and causal.py's promises.

causal.py replaces values with forward hooks, batched. Here every run goes through the model's own intervention
path instead (``keep * value + (1 - keep) * repl`` inside forward, the one the exporter traces), the replacements
for mean ablation come from the reference folders' ``block{i}.z`` tensors (written by reference.py, not by
causal.py), the clean streams for patching from the clean run's ``embedding`` / ``block{i-1}.out``, and the metrics
are plain loops over Python floats.
"""

import json
import math
import os

import numpy as np
import pytest
import torch

import causal
from derived import read_json
from gtransformer import INTERVENTION_INPUTS, Interventions, intervention_shapes
from helpers import (DEFAULT_ONNX, DEFAULT_PT, DEFAULT_REF, INDUCTION_DIR, INDUCTION_ONNX, INDUCTION_PT, MID_DIR, MID_ONNX,
                     MID_PT, SECOND_DIR, SECOND_ONNX, SECOND_PT, patching_feeds)
from reference import load_model, read_reference, write_reference

CASES = {
    "default": (DEFAULT_PT, DEFAULT_ONNX, DEFAULT_REF, [DEFAULT_REF]),
    "second": (SECOND_PT, SECOND_ONNX, SECOND_DIR, [os.path.join(SECOND_DIR, f) for f in ("reference", "reference-short")]),
    "mid": (MID_PT, MID_ONNX, MID_DIR, [os.path.join(MID_DIR, f) for f in ("reference", "reference-short")]),
    "induction": (INDUCTION_PT, INDUCTION_ONNX, INDUCTION_DIR,
                  [os.path.join(INDUCTION_DIR, f) for f in ("reference", "reference-short")]),
}


@pytest.fixture(scope="module", params=list(CASES), ids=list(CASES))
def case(request):
    pt, onnx_path, folder, references = CASES[request.param]
    return request.param, load_model(pt, onnx_path), folder, references


# ---------------------------------------------------------------------------- the other way


def _feeds(config, rows, length):
    """Neutral intervention tensors with one row per run (batch dim = rows), at full length."""
    shapes = intervention_shapes(config, rows, length)
    return {name: (torch.ones if name.endswith("keep") else torch.zeros)(shapes[name]) for name in INTERVENTION_INPUTS}


@torch.no_grad()
def _formula(model, tokens, feeds):
    reps = model.get_representations(torch.tensor(tokens), Interventions(*(feeds[n] for n in INTERVENTION_INPUTS)))
    return reps["logprobs"].double().tolist()


def _loop_metrics(clean, ablated, sequence):
    """loss_increase, logprob_change, kl of docs/contract.md, over Python floats."""
    n = len(sequence)
    loss = None if n == 1 else sum(clean[i][sequence[i + 1]] - ablated[i][sequence[i + 1]] for i in range(n - 1)) / (n - 1)
    p, q = clean[n - 1], ablated[n - 1]
    y = 0
    for v in range(len(p)):
        if p[v] > p[y]:
            y = v
    return loss, q[y] - p[y], sum(math.exp(p[v]) * (p[v] - q[v]) for v in range(len(p)))


def _close(got, expected, what):
    if expected is None:
        assert got is None, what
    else:
        assert abs(got - expected) <= 1e-5 + 1e-5 * abs(expected), (what, got, expected)


def _pooled_means(references, depth):
    """Per block [heads, longest, d]: mean of the reference tensors' z over the sequences that have each position."""
    arrays = [read_reference(f)[1] for f in references]
    longest = max(a["logprobs"].shape[1] for a in arrays)
    means = []
    for i in range(depth):
        total, count = 0, np.zeros(longest)
        for a in arrays:
            z = a[f"block{i}.z"].astype(np.float64)
            padded = np.zeros(z.shape[1:2] + (longest,) + z.shape[3:])
            padded[:, :z.shape[2]] = z.sum(axis=0)
            total, count[:z.shape[2]] = total + padded, count[:z.shape[2]] + z.shape[0]
        means.append(total / count[None, :, None])
    return means


def test_ablation_reference(case):
    name, model, folder, references = case
    config = model.config
    data = read_json(os.path.join(folder, "ablation.json"))
    sequences = [s for f in references for s in read_reference(f)[0]["sequences"]]
    assert data["metrics"] == ["loss_increase", "logprob_change", "kl"] and list(data["methods"]) == ["zero", "mean"]
    assert [s["sequences"] for s in data["sources"]] == [len(read_reference(f)[0]["sequences"]) for f in references]
    means = _pooled_means(references, config.depth)
    rows = [(i, h) for i in range(config.depth) for h in range(config.heads)]
    for method, section in data["methods"].items():
        runs = {(r["sequence"], r["block"], r["head"]): r for r in section["runs"]}
        assert sorted(runs) == [(s, i, h) for s in range(len(sequences)) for i, h in rows]
        for s, sequence in enumerate(sequences):
            length = len(sequence)
            feeds = _feeds(config, len(rows) + 1, length)
            for r, (i, h) in enumerate(rows, start=1):
                feeds["head_keep"][r, i, h] = 0
                if method == "mean":
                    feeds["head_repl"][r, i, h] = torch.from_numpy(means[i][h, :length].astype(np.float32))
            out = _formula(model, [sequence] * (len(rows) + 1), feeds)
            for r, (i, h) in enumerate(rows, start=1):
                expected = _loop_metrics(out[0], out[r], sequence)
                for metric, value in zip(data["metrics"], expected):
                    _close(runs[(s, i, h)][metric], value, (name, method, s, i, h, metric))


def test_ablation_groups():
    """The per-group mean and sample std of every metric, from the runs and groups.json's labels."""
    data = read_json(os.path.join(DEFAULT_REF, "ablation.json"))
    labels = read_json(os.path.join(DEFAULT_REF, "groups.json"))["groups"]
    assert data["groups"]["group_names"] == read_json(os.path.join(DEFAULT_REF, "groups.json"))["group_names"]
    for method, section in data["methods"].items():
        assert len(section["groups"]) == 6 * 2 * 3 * 3
        for row in section["groups"]:
            values = [r[row["metric"]] for r in section["runs"]
                      if r["block"] == row["block"] and r["head"] == row["head"] and labels[r["sequence"]] == row["group"]]
            assert row["count"] == len(values) == labels.count(row["group"])
            assert row["mean"] == pytest.approx(np.mean(values), rel=1e-12, abs=1e-12)
            assert row["std"] == pytest.approx(np.std(values, ddof=1), rel=1e-9, abs=1e-12)


def test_patching_reference(case):
    name, model, folder, _ = case
    config = model.config
    data = read_json(os.path.join(folder, "patching.json"))
    pairs = read_json(os.path.join(folder, data["pairs_file"]))
    assert len(data["pairs"]) == len(pairs) and data["separation"] == 1e-6
    for k, (pair, result) in enumerate(zip(pairs, data["pairs"])):
        clean, corrupted = pair["clean"], pair["corrupted"]
        assert (result["clean"], result["corrupted"]) == (clean, corrupted)
        assert (result["answer"], result["wrong"]) == (pair.get("answer"), pair.get("wrong"))
        length = len(clean)
        neutral = _feeds(config, 1, 1)
        with torch.no_grad():
            reps = model.get_representations(torch.tensor([clean]))
        last_clean, last_corrupted = (_formula(model, [s], neutral)[0][-1] for s in (clean, corrupted))
        answer = pair.get("answer", max(range(config.num_tokens), key=lambda v: (last_clean[v], -v)))
        wrong = pair.get("wrong", max(range(config.num_tokens), key=lambda v: (last_corrupted[v], -v)))
        assert (result["chosen_answer"], result["chosen_wrong"]) == (answer, wrong), (name, k)

        def metric(lp):
            return lp[answer] if answer == wrong else lp[answer] - lp[wrong]

        _close(result["clean_metric"], metric(last_clean), (name, k, "clean"))
        _close(result["corrupted_metric"], metric(last_corrupted), (name, k, "corrupted"))
        sites = causal.patch_rows(config, length)
        assert [(e["site"], e["block"], e["head"], e["position"]) for e in result["patched"]] == sites
        spread = metric(last_clean) - metric(last_corrupted)
        if abs(spread) < 1e-6:
            assert all(e["value"] is None for e in result["patched"]), (name, k)
            continue
        feeds = patching_feeds(config, sites, length, {name: t.numpy() for name, t in reps.items()})
        out = _formula(model, [corrupted] * len(sites), {name: torch.from_numpy(f) for name, f in feeds.items()})
        for r, entry in enumerate(result["patched"]):
            expected = (metric(out[r][-1]) - metric(last_corrupted)) / spread
            assert abs(entry["value"] - expected) <= 1e-5 + 3e-5 / abs(spread), (name, k, sites[r])


def test_patching_groups():
    data = read_json(os.path.join(DEFAULT_REF, "patching.json"))
    assert data["group_names"] == ["palindrome", "cycle"]
    for row in data["groups"]:
        values = [next(e["value"] for e in p["patched"] if (e["site"], e["block"], e["head"], e["position"]) ==
                       (row["site"], row["block"], row["head"], row["position"]))
                  for p in data["pairs"] if p["group"] == row["group"]]
        assert row["count"] == len(values) == 3
        assert row["mean"] == pytest.approx(np.mean(values), rel=1e-12, abs=1e-12)
        assert row["std"] == pytest.approx(np.std(values, ddof=1), rel=1e-9, abs=1e-12)


def test_toy_pairs_cover_the_cases():
    """The toy pairs include given answers, a pair that does not separate and the brief's palindrome pair."""
    data = read_json(os.path.join(DEFAULT_REF, "patching.json"))
    pairs = data["pairs"]
    assert pairs[0]["clean"] == [4, 5, 5, 5, 4] and pairs[0]["corrupted"] == [4, 5, 6, 5, 4]
    assert any(p["answer"] is not None and p["wrong"] is not None for p in pairs)
    assert any(p["answer"] is not None and p["wrong"] is None for p in pairs)
    assert any(all(e["value"] is None for e in p["patched"]) for p in pairs)
    assert any(p["chosen_answer"] == p["chosen_wrong"] and p["patched"][0]["value"] is not None for p in pairs)
    lengths = {len(p["clean"]) for p in read_json(os.path.join(MID_DIR, "patching.json"))["pairs"]}
    assert lengths == {64, 17}


# ---------------------------------------------------------------------------- properties


@pytest.mark.parametrize("pt, onnx_path", [(DEFAULT_PT, DEFAULT_ONNX), (SECOND_PT, SECOND_ONNX), (MID_PT, MID_ONNX),
                                          (INDUCTION_PT, INDUCTION_ONNX)], ids=["default", "second", "mid", "induction"])
def test_resid_at_block_0_is_the_token(pt, onnx_path):
    """Entering block 0 the stream is the embedding: equal tokens give 0, the one differing position gives 1.

    One run per batch, as the clean and the corrupted run: PyTorch's kernels then round the patched runs as they
    rounded those (another batch size moves log-probabilities by ~1e-6, which the ratio divides by the spread).
    """
    model = load_model(pt, onnx_path)
    config = model.config
    rng = np.random.default_rng(11)
    checked = 0
    for length in sorted({2, min(config.t, 9)}):
        for where in (length - 1, 0, int(rng.integers(0, length))):
            clean = rng.integers(0, config.num_tokens, length).tolist()
            corrupted = list(clean)
            corrupted[where] = (clean[where] + 1 + int(rng.integers(0, config.num_tokens - 1))) % config.num_tokens
            result = causal.patch_pair(model, clean, corrupted, batch=1)
            if abs(result["clean_metric"] - result["corrupted_metric"]) < 0.01:
                continue
            checked += 1
            block0 = {e["position"]: e["value"] for e in result["patched"] if e["site"] == "resid" and e["block"] == 0}
            assert sorted(block0) == list(range(length))
            for position, value in block0.items():
                assert abs(value - (1.0 if position == where else 0.0)) <= 1e-5, (length, position, value)
    assert checked >= 2


def test_ablation_batches_do_not_matter():
    """Rows split over batches of any size (sequences cut in the middle) give the same metrics."""
    model = load_model(SECOND_PT, SECOND_ONNX)
    sets = [read_reference(os.path.join(SECOND_DIR, "reference-short"))[0]["sequences"]]
    one = causal.head_ablation(model, sets, "mean", batch=1)
    many = causal.head_ablation(model, sets, "mean", batch=5)
    assert one.keys() == many.keys()
    for key in one:
        for a, b in zip(one[key], many[key]):
            assert abs(a - b) <= 1e-6 + 1e-6 * abs(a), key


# ---------------------------------------------------------------------------- bad input


def _main(args, capsys):
    rc = causal.main(args)
    return rc, capsys.readouterr().err.strip()


def test_bad_pairs_are_one_sentence(tmp_path, capsys):
    cases = [
        ([{"clean": [1, 2], "corrupted": [1, 2, 3]}], "pair 0: clean has length 2 but corrupted has length 3"),
        ([{"clean": [1, 2], "corrupted": [1, 12]}], "pair 0: corrupted [1, 12] has a token outside 0..9"),
        ([{"clean": [1, 2], "corrupted": [1, 3], "answer": 10}], "pair 0: answer 10 is not a token id in 0..9"),
        ([{"clean": [1, 2, 3, 4, 5, 6], "corrupted": [1, 2, 3, 4, 5, 6]}],
         "pair 0: clean must be a list of 1 to t=5 token ids, got [1, 2, 3, 4, 5, 6]"),
    ]
    for pairs, message in cases:
        path = tmp_path / "pairs.json"
        path.write_text(json.dumps(pairs))
        rc, err = _main(["patch", DEFAULT_ONNX, "--pairs", str(path), "--out", str(tmp_path / "p.json")], capsys)
        assert rc == 1 and err == f"error: {path}, {message}"
    path.write_text("{}")
    rc, err = _main(["patch", DEFAULT_ONNX, "--pairs", str(path), "--out", str(tmp_path / "p.json")], capsys)
    assert rc == 1 and err.startswith(f"error: {path} must hold a non-empty JSON array of pairs")
    assert not (tmp_path / "p.json").exists()


def test_mean_ablation_needs_two_sequences(tmp_path, capsys):
    model = load_model(DEFAULT_PT, DEFAULT_ONNX)
    write_reference(model, [[1, 2, 3]], str(tmp_path / "one"), DEFAULT_ONNX)
    out = str(tmp_path / "a.json")
    rc, err = _main(["ablate", DEFAULT_ONNX, str(tmp_path / "one"), "--methods", "mean", "--out", out], capsys)
    assert rc == 1 and err == "error: mean ablation needs at least 2 sequences, got 1"
    rc, err = _main(["ablate", DEFAULT_ONNX, str(tmp_path / "one"), "--methods", "zero,half", "--out", out], capsys)
    assert rc == 1 and err == "error: --methods takes zero, mean, got 'zero,half'"
    rc, err = _main(["ablate", SECOND_ONNX, str(tmp_path / "one"), "--out", out], capsys)
    assert rc == 1 and "is for the configuration" in err and err.count("\n") == 0
    assert _main(["ablate", DEFAULT_ONNX, str(tmp_path / "one"), "--methods", "zero", "--out", out], capsys)[0] == 0
    runs = read_json(out)["methods"]["zero"]["runs"]
    assert len(runs) == 6 and all(r["loss_increase"] is not None for r in runs)
