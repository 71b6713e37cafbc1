"""Contract version 2 on the exported graphs, run by the numpy interpreter.

* Neutral intervention inputs change nothing: every output of a version-2 graph equals the version-1
  graph's (the same weights exported with ``--contract 1``) bit for bit.
* Outputs report the value at their site before the intervention there; everything downstream sees it.
* The graph's intervention inputs do what causal.py's forward hooks on the PyTorch model do, for head
  ablation and for resid and head patching, built the way a reader builds them (the clean run's
  ``embedding`` / ``block{i-1}.out`` and ``block{i}.z`` as replacements): final log-probabilities within 1e-5.
"""

import numpy as np
import onnx
import pytest
import torch

import causal
from export import export
from gtransformer import INTERVENTION_INPUTS, Interventions, intervention_shapes
from helpers import DEFAULT_ONNX, DEFAULT_PT, MID_ONNX, MID_PT, SECOND_ONNX, SECOND_PT, neutral_feeds, patching_feeds
from onnx_numpy import run
from reference import config_from_onnx, load_model

MODELS = {"default": (DEFAULT_PT, DEFAULT_ONNX), "second": (SECOND_PT, SECOND_ONNX), "mid": (MID_PT, MID_ONNX)}


@pytest.fixture(scope="module", params=list(MODELS), ids=list(MODELS))
def graphs(request, tmp_path_factory):
    """(config, version-1 export of the committed weights, the committed version-2 file, the PyTorch model)."""
    pt, path = MODELS[request.param]
    config = config_from_onnx(path)
    v1 = tmp_path_factory.mktemp("v1") / "v1.onnx"
    export(pt, str(v1), config, contract=1)
    return config, onnx.load(str(v1)), onnx.load(path), load_model(pt, path)


def _tokens(config, batch, length, seed):
    return np.random.default_rng(seed).integers(0, config.num_tokens, (batch, length))


def test_neutral_version_2_is_version_1_bit_for_bit(graphs):
    config, v1, v2, _ = graphs
    for length in sorted({config.t, max(1, config.t // 3)}):
        tokens = _tokens(config, 3, length, length)
        old, new = run(v1, tokens), run(v2, tokens, neutral_feeds(config))
        assert set(old) < set(new)
        worst = max(float(np.abs(new[name] - old[name]).max()) for name in old)
        assert worst == 0.0
        for name in old:
            np.testing.assert_array_equal(new[name], old[name], err_msg=name)


def _random_feeds(config, dims, seed):
    """keep uniform in [0, 1], repl normal, with (batch, length) dims per input."""
    rng = np.random.default_rng(seed)
    shapes = {name: intervention_shapes(config, *dims[name])[name] for name in INTERVENTION_INPUTS}
    return {name: (rng.random(shapes[name]) if name.endswith("keep") else rng.normal(size=shapes[name]))
            .astype(np.float32) for name in INTERVENTION_INPUTS}


def _assert_graph_is_pytorch(v2, model, tokens, feeds):
    """Every output of the graph with ``feeds`` as PyTorch's get_representations computes it with them."""
    outputs = run(v2, tokens, feeds)
    with torch.no_grad():
        expected = model.get_representations(torch.tensor(tokens),
                                             Interventions(*(torch.from_numpy(feeds[n]) for n in INTERVENTION_INPUTS)))
    for name, tensor in expected.items():
        np.testing.assert_allclose(outputs[name], tensor.numpy(), atol=1e-5, rtol=1e-5, err_msg=name)


def test_full_size_inputs_match_the_pytorch_formula(graphs):
    """Random keep in [0, 1] and repl, fed with the batch and length dims: every output as PyTorch computes it."""
    config, _, v2, model = graphs
    length = min(config.t, 9)
    feeds = _random_feeds(config, {name: (2, length) for name in INTERVENTION_INPUTS}, 2)
    _assert_graph_is_pytorch(v2, model, _tokens(config, 2, length, 1), feeds)


def test_inputs_broadcast_from_size_one(graphs):
    """Each input's batch and length dims may be 1 independently; the graph broadcasts them as PyTorch does."""
    config, _, v2, model = graphs
    length = min(config.t, 6)
    dims = {"head_keep": (3, 1), "head_repl": (1, length), "resid_keep": (1, 1), "resid_repl": (3, length)}
    _assert_graph_is_pytorch(v2, model, _tokens(config, 3, length, 3), _random_feeds(config, dims, 4))


def test_outputs_are_reported_before_their_site(graphs):
    """z of the ablated head and the stream entering the patched block are as computed; what follows changes."""
    config, _, v2, _ = graphs
    tokens = _tokens(config, 1, min(config.t, 5), 5)
    clean = run(v2, tokens, neutral_feeds(config))
    last = config.depth - 1

    feeds = neutral_feeds(config)
    feeds["head_keep"] = np.ones(intervention_shapes(config, 1, 1)["head_keep"], dtype=np.float32)
    feeds["head_keep"][0, last, 0] = 0
    ablated = run(v2, tokens, feeds)
    np.testing.assert_array_equal(ablated[f"block{last}.z"], clean[f"block{last}.z"])
    assert np.abs(ablated[f"block{last}.out"] - clean[f"block{last}.out"]).max() > 1e-4

    feeds = neutral_feeds(config)
    feeds["resid_keep"] = np.zeros(intervention_shapes(config, 1, 1)["resid_keep"], dtype=np.float32)
    feeds["resid_keep"][0, :last] = 1  # only the stream entering the last block is replaced (by 0)
    patched = run(v2, tokens, feeds)
    before = "embedding" if last == 0 else f"block{last - 1}.out"
    np.testing.assert_array_equal(patched[before], clean[before])
    assert np.abs(patched[f"block{last}.attention"] - clean[f"block{last}.attention"]).max() > 1e-4


# ---------------------------------------------------------------------------- the graph against the hooks


def _ablation_feeds(config, rows, length, repl):
    """One row per (block, head): keep 0 there, 1 elsewhere; ``repl(block, head)`` [length, d] there."""
    shapes = intervention_shapes(config, len(rows), length)
    feeds = neutral_feeds(config)
    feeds["head_keep"] = np.ones(shapes["head_keep"], dtype=np.float32)
    feeds["head_repl"] = np.zeros(shapes["head_repl"], dtype=np.float32)
    for r, (block, head) in enumerate(rows):
        feeds["head_keep"][r, block, head] = 0
        feeds["head_repl"][r, block, head] = repl(block, head)
    return feeds


@pytest.mark.parametrize("method", ["zero", "mean"])
def test_head_ablation_graph_equals_hooks(graphs, method):
    config, _, v2, model = graphs
    length = min(config.t, 7)
    sequences = _tokens(config, 3, length, 6)
    clean = run(v2, sequences, neutral_feeds(config))
    means = {i: clean[f"block{i}.z"].astype(np.float64).mean(axis=0).astype(np.float32) for i in range(config.depth)}
    rows = [(i, h) for i in range(config.depth) for h in range(config.heads)]

    def repl(block, head):
        return 0 if method == "zero" else means[block][head]

    feeds = _ablation_feeds(config, rows, length, repl)
    graph = run(v2, np.repeat(sequences[:1], len(rows), axis=0), feeds)["logprobs"]
    edits = causal.Edits()
    for r, (block, head) in enumerate(rows):
        edits.add("head", block, r, head, torch.from_numpy(np.broadcast_to(np.float32(repl(block, head)),
                                                                          (length, config.d)).copy()))
    hooks = causal.run_edited(model, torch.tensor(np.repeat(sequences[:1], len(rows), axis=0)), edits).numpy()
    np.testing.assert_allclose(graph, hooks, atol=1e-5, rtol=1e-5)  # as test_onnx_graph: float32 at logprobs of -20
    assert np.abs(graph - clean["logprobs"][:1]).max() > 1e-3  # the ablations did something


def test_patching_graph_equals_hooks(graphs):
    """Resid and head patching built from the graph's own clean outputs, against causal.patch_pair's values."""
    config, _, v2, model = graphs
    length = min(config.t, 6)
    clean_tokens, corrupted_tokens = _tokens(config, 2, length, 7)
    corrupted_tokens[0] = (clean_tokens[0] + 1) % config.num_tokens
    clean = run(v2, clean_tokens[None], neutral_feeds(config))
    rows = causal.patch_rows(config, length)
    feeds = patching_feeds(config, rows, length, clean)
    graph = run(v2, np.repeat(corrupted_tokens[None], len(rows), axis=0), feeds)["logprobs"][:, -1].astype(np.float64)
    corrupted = run(v2, corrupted_tokens[None], neutral_feeds(config))["logprobs"][0, -1].astype(np.float64)
    last_clean = clean["logprobs"][0, -1].astype(np.float64)

    result = causal.patch_pair(model, clean_tokens.tolist(), corrupted_tokens.tolist(), batch=5)
    a, w = int(np.argmax(last_clean)), int(np.argmax(corrupted))
    assert (result["chosen_answer"], result["chosen_wrong"]) == (a, w)

    def metric(lp):
        return lp[a] if a == w else lp[a] - lp[w]

    assert abs(result["clean_metric"] - metric(last_clean)) < 1e-5
    assert abs(result["corrupted_metric"] - metric(corrupted)) < 1e-5
    spread = metric(last_clean) - metric(corrupted)
    assert abs(spread) > 1e-3
    for r, entry in enumerate(result["patched"]):
        assert (entry["site"], entry["block"], entry["head"], entry["position"]) == rows[r]
        expected = (metric(graph[r]) - metric(corrupted)) / spread
        assert abs(entry["value"] - expected) <= 1e-5 + 3e-5 / abs(spread), (rows[r], entry["value"], expected)
