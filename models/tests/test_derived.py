"""The committed derived.json / groups.json / mixed.json files: what derived.py writes, and what the contract defines.

Every folder's derived tensors are checked against tests/derived_loops.py (plain Python loops, no numpy
arithmetic) on PyTorch's reference tensors, and against invariants that hold for any model.
"""

import json
import math
import os
import shutil

import numpy as np
import pytest
import torch

import derived
import derived_loops as loops
import toytask
from helpers import DEFAULT_REF, INDUCTION_DIR, MID_DIR, SECOND_DIR
from reference import read_reference

FOLDERS = {
    "default": DEFAULT_REF,
    "second": os.path.join(SECOND_DIR, "reference"),
    "second-short": os.path.join(SECOND_DIR, "reference-short"),
    "mid": os.path.join(MID_DIR, "reference"),
    "mid-short": os.path.join(MID_DIR, "reference-short"),
    "induction": os.path.join(INDUCTION_DIR, "reference"),
    "induction-short": os.path.join(INDUCTION_DIR, "reference-short"),
}
MIXED = os.path.join(SECOND_DIR, "mixed.json")


@pytest.fixture(scope="module", params=list(FOLDERS), ids=list(FOLDERS))
def folder(request):
    path = FOLDERS[request.param]
    manifest, arrays = read_reference(path)
    info, tensors = derived.read_derived(path)
    return path, manifest, arrays, info, tensors


# ---------------------------------------------------------------------------- format


def test_manifest_format(folder):
    path, manifest, _, info, tensors = folder
    config = manifest["config"]
    n, length, depth, heads, v = (len(manifest["sequences"]), len(manifest["sequences"][0]), config["depth"],
                                  config["heads"], config["num_tokens"])
    k = min(5, v)
    assert info["contract"] == 2 and info["reference"] == "manifest.json" and info["config"] == config
    assert info["top_k"] == k
    assert info["head_score_names"] == ["entropy", "previous_token", "self", "first_token", "duplicate_token",
                                        "induction"]
    assert info["lens_stat_names"] == ["entropy", "kl_to_final", "final_token_rank", "max_probability"]
    expected = {
        "rollout": ([n, depth, length, length], "float32"),
        "head_scores": ([n, depth, heads, 6], "float32"),
        "lens_stats": ([n, depth, length, 4], "float32"),
        "topk_indices": ([n, depth, length, k], "int32"),
        "topk_values": ([n, depth, length, k], "float32"),
    }
    assert list(info["tensors"]) == list(expected)
    for name, (shape, dtype) in expected.items():
        entry = info["tensors"][name]
        assert (entry["shape"], entry["dtype"]) == (shape, dtype), name
        assert os.path.getsize(os.path.join(path, entry["file"])) == 4 * int(np.prod(shape)), name
        assert tensors[name].dtype == (np.int32 if dtype == "int32" else np.float32)


def test_committed_files_are_what_derived_py_writes(folder, tmp_path):
    """Rerunning derived.py on a copy of the folder gives the committed bytes."""
    path, _, _, info, _ = folder
    copy = tmp_path / "ref"
    shutil.copytree(path, copy, ignore=shutil.ignore_patterns("groups*", "derived.json", *[
        e["file"] for e in info["tensors"].values()]))
    derived.write_derived(str(copy))
    for name in ["derived.json"] + [e["file"] for e in info["tensors"].values()]:
        with open(os.path.join(path, name), "rb") as a, open(copy / name, "rb") as b:
            assert a.read() == b.read(), name


# ---------------------------------------------------------------------------- against the loops


def _as_lists(array):
    return np.asarray(array, dtype=np.float64).tolist()


def test_matches_loop_implementation(folder):
    _, manifest, arrays, info, tensors = folder
    depth = manifest["config"]["depth"]
    k = info["top_k"]
    for s in range(len(manifest["sequences"])):
        attention = [_as_lists(arrays[f"block{i}.attention"][s]) for i in range(depth)]
        np.testing.assert_allclose(tensors["rollout"][s], loops.rollout(attention), rtol=1e-6, atol=1e-7)
        final = _as_lists(arrays["logprobs"][s])
        for i in range(depth):
            tokens = manifest["sequences"][s]
            for h, att in enumerate(attention[i]):
                scores = list(loops.head_scores(att)) + [loops.duplicate_token(att, tokens), loops.induction(att, tokens)]
                expected = [np.nan if x is None else x for x in scores]
                np.testing.assert_allclose(tensors["head_scores"][s, i, h], expected, rtol=1e-6, atol=1e-7)
            block = arrays[f"block{i}.logprobs"][s]
            for p, (row, final_row) in enumerate(zip(_as_lists(block), final)):
                entropy, kl, rank, top = loops.lens_stats(row, final_row)
                got = tensors["lens_stats"][s, i, p]
                np.testing.assert_allclose(got[[0, 3]], [entropy, top], rtol=1e-6, atol=1e-7)
                assert abs(got[1] - kl) <= 1e-6 + 1e-5 * abs(kl)
                assert got[2] == rank
                chosen = loops.top_k(block[p].tolist(), k)  # the float32 values themselves
                assert tensors["topk_indices"][s, i, p].tolist() == [v for v, _ in chosen]
                assert tensors["topk_values"][s, i, p].tolist() == [x for _, x in chosen]


# ---------------------------------------------------------------------------- invariants


def test_invariants(folder):
    _, manifest, arrays, _, tensors = folder
    depth = manifest["config"]["depth"]
    rollout, scores, stats = tensors["rollout"], tensors["head_scores"], tensors["lens_stats"]
    length = rollout.shape[-1]
    np.testing.assert_allclose(rollout.sum(-1), 1, atol=1e-5)
    assert np.all(rollout[..., np.triu_indices(length, 1)[0], np.triu_indices(length, 1)[1]] == 0)  # causal
    assert np.all(rollout >= 0)
    # the last block is the model: its lens agrees with the final distribution
    assert np.all(stats[:, -1, :, 2] == 0)
    np.testing.assert_allclose(stats[:, -1, :, 1], 0, atol=1e-6)
    assert np.all(stats[..., 1] >= -1e-6)  # KL is never negative
    assert np.all(stats[..., 0] >= -1e-6) and np.all(stats[..., 0] <= math.log(manifest["config"]["num_tokens"]) + 1e-5)
    assert np.all((stats[..., 3] > 0) & (stats[..., 3] <= 1))
    np.testing.assert_allclose(stats[..., 3], np.exp(tensors["topk_values"][..., 0]), rtol=1e-6)
    assert np.all(np.isfinite(scores[..., :4])) == (length > 1)
    defined = np.nan_to_num(scores[..., 1:], nan=0.5)
    assert np.all(defined >= 0) and np.all(defined <= 1 + 1e-6)
    # position 0 can only attend to itself
    first_row_self = np.stack([arrays[f"block{i}.attention"][:, :, 0, 0] for i in range(depth)], axis=1)
    np.testing.assert_allclose(first_row_self, 1, atol=1e-6)
    values = tensors["topk_values"]
    assert np.all(np.diff(values, axis=-1) <= 0)
    block = np.stack([arrays[f"block{i}.logprobs"] for i in range(depth)], axis=1)
    np.testing.assert_array_equal(np.take_along_axis(block, tensors["topk_indices"], -1), values)


def test_definitions_on_hand_made_cases():
    """Ties, 0 ln 0, a single position, rank counting only strictly larger probabilities."""
    one = derived.head_scores(np.ones((1, 1)))
    assert one[0] == 0 and np.isnan(one[1]) and one[2] == 1 and one[3] == 1
    a = np.array([[1.0, 0.0], [0.25, 0.75]])
    entropy, previous, own, first = derived.head_scores(a)
    assert entropy == pytest.approx(-(0.25 * math.log(0.25) + 0.75 * math.log(0.75)) / 2)
    assert (previous, own, first) == (0.25, 0.875, 0.625)

    tied = np.log(np.array([0.25, 0.25, 0.25, 0.25], dtype=np.float32))
    indices, values = derived.top_k(tied[None], 3)
    assert indices.tolist() == [[0, 1, 2]] and values.dtype == np.float32
    indices, _ = derived.top_k(np.log(np.array([[0.1, 0.3, 0.3, 0.3]], dtype=np.float32)), 4)
    assert indices.tolist() == [[1, 2, 3, 0]]

    final = np.log([0.1, 0.6, 0.3])
    block = np.log([0.5, 0.2, 0.3])  # token 1 (the final favourite) is beaten by 0 and 2
    entropy, kl, rank, top = derived.lens_stats(block, final)
    assert rank == 2 and top == pytest.approx(0.5)
    assert kl == pytest.approx(0.1 * math.log(0.1 / 0.5) + 0.6 * math.log(0.6 / 0.2) + 0.3 * math.log(1.0))
    equal = np.array([math.log(0.5), math.log(0.5), -math.inf])  # token 1 ties with 0: equal is not beaten
    assert derived.lens_stats(equal, np.log([0.2, 0.8, 1e-30]))[2] == 0

    # duplicate_token and induction: which rows qualify, sums over several copies, undefined when none does
    tokens = [[7, 3, 7, 7, 3]]
    a = np.tril(np.arange(1.0, 26.0).reshape(5, 5))
    a /= a.sum(axis=-1, keepdims=True)
    duplicate, induction = derived.token_head_scores(a[None, None], tokens)[0, 0]
    assert duplicate == pytest.approx((a[2, 0] + (a[3, 0] + a[3, 2]) + a[4, 1]) / 3)
    assert induction == pytest.approx((a[2, 1] + (a[3, 1]) + a[4, 2]) / 3)  # i=3: j=0 only (j=2 has j+1 = i)
    none = derived.token_head_scores(a[None, None], [[0, 1, 2, 3, 4]])[0, 0]
    assert np.all(np.isnan(none))

    att = np.array([[[[1, 0], [0.5, 0.5]]], [[[1, 0], [0, 1]]]], dtype=np.float64)[None]  # 1 seq, 2 blocks, 1 head
    r = derived.rollout(att)[0]
    first = np.array([[1, 0], [0.25, 0.75]])
    np.testing.assert_allclose(r[0], first)
    np.testing.assert_allclose(r[1], np.array([[1, 0], [0, 1]]) @ first)


# ---------------------------------------------------------------------------- groups (toy reference)


@pytest.fixture(scope="module")
def groups():
    with open(os.path.join(DEFAULT_REF, derived.GROUPS), encoding="utf-8") as f:
        return json.load(f)


def test_group_labels_are_how_the_sequences_were_chosen(groups):
    manifest, _ = read_reference(DEFAULT_REF)
    labels = groups["groups"]
    assert len(labels) == len(manifest["sequences"]) == 64
    assert labels == [label for _, label in toytask.reference_sequences_labelled(64, 0)]
    assert labels[0] == "palindrome" and manifest["sequences"][0] == list(toytask.EXAMPLE)
    for seq, label in zip(manifest["sequences"], labels):
        if label != "random":
            assert tuple(seq) in toytask.CLASS_BY_NAME[label].members()
    # the two-of-every-class block after the example
    assert labels[1:11] == [c.name for c in toytask.CLASSES for _ in range(2)]
    assert set(groups["group_names"]) == set(labels)
    assert groups["counts"] == {g: labels.count(g) for g in groups["group_names"]}
    for index, others in groups.get("also_fits", {}).items():
        for other in others:
            assert tuple(manifest["sequences"][int(index)]) in toytask.CLASS_BY_NAME[other].members()


def test_group_means_and_stds(groups):
    manifest, arrays = read_reference(DEFAULT_REF)
    _, tensors = derived.read_derived(DEFAULT_REF)
    everything = dict(arrays, rollout=tensors["rollout"])
    labels = np.array(groups["groups"])
    assert set(groups["means"]) == set(groups["stds"]) == set(groups["group_names"])
    for group in groups["group_names"]:
        rows = labels == group
        assert list(groups["means"][group]) == list(manifest["tensors"]) + ["rollout"]
        for name, stack in everything.items():
            mean = derived.read_entry(DEFAULT_REF, groups["means"][group][name])
            std = derived.read_entry(DEFAULT_REF, groups["stds"][group][name])
            expected = torch.mean(torch.from_numpy(stack[rows]), dim=0).numpy()
            np.testing.assert_allclose(mean, expected, rtol=1e-5, atol=1e-6, err_msg=f"{group} {name}")
            np.testing.assert_allclose(std, np.std(stack[rows].astype(np.float64), axis=0, ddof=1),
                                       rtol=1e-5, atol=1e-6, err_msg=f"{group} {name}")


def test_group_of_one_has_nan_std():
    stats = derived.group_statistics(np.arange(6.0).reshape(3, 2), ["a", "b", "b"], ["a", "b"])
    count, mean, std = stats["a"]
    assert count == 1 and mean.tolist() == [0, 1] and np.all(np.isnan(std))
    count, mean, std = stats["b"]
    assert count == 2 and mean.tolist() == [3, 4] and std == pytest.approx([math.sqrt(2)] * 2)


def test_groups_json_is_what_derived_py_writes(tmp_path):
    copy = tmp_path / "ref"
    shutil.copytree(DEFAULT_REF, copy, ignore=shutil.ignore_patterns("groups*"))
    assert derived.main(["derive", str(copy), "--toy-groups", "0"]) == 0
    for root, _, files in os.walk(copy):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), copy)
            with open(os.path.join(DEFAULT_REF, rel), "rb") as a, open(os.path.join(root, name), "rb") as b:
                assert a.read() == b.read(), rel
    assert len(os.listdir(copy / "groups")) == len(os.listdir(os.path.join(DEFAULT_REF, "groups")))


# ---------------------------------------------------------------------------- mixed lengths (second model)


def test_mixed_lengths_cell_by_cell():
    with open(MIXED, encoding="utf-8") as f:
        mixed = json.load(f)
    long_manifest, long_arrays = read_reference(os.path.join(SECOND_DIR, "reference"))
    short_manifest, short_arrays = read_reference(os.path.join(SECOND_DIR, "reference-short"))
    assert [(s["sequences"], s["length"]) for s in mixed["sources"]] == [(32, 7), (8, 3)]
    assert mixed["length"] == 7 and mixed["model"] == "second.onnx"
    assert list(mixed["tensors"]) == list(long_manifest["tensors"])
    for name, entries in mixed["tensors"].items():
        count, mean, std = (derived.read_entry(SECOND_DIR, entries[key]) for key in ("count", "mean", "std"))
        assert count.dtype == np.int32 and mean.dtype == std.dtype == np.float32
        kind = name.rsplit(".", 1)[-1]
        for cell in np.ndindex(*count.shape):
            pos = cell[1:] if kind == "attention" else cell[1:2] if kind in ("queries", "keys", "values", "z") else cell[:1]
            values = [float(x) for x in long_arrays[name][(slice(None),) + cell]]
            if all(p < 3 for p in pos):
                values += [float(x) for x in short_arrays[name][(slice(None),) + cell]]
            assert count[cell] == len(values) == (40 if all(p < 3 for p in pos) else 32), (name, cell)
            m = sum(values) / len(values)
            s = math.sqrt(sum((x - m) ** 2 for x in values) / (len(values) - 1))
            assert abs(mean[cell] - m) <= 1e-6 + 1e-6 * abs(m), (name, cell)
            assert abs(std[cell] - s) <= 1e-6 + 1e-6 * abs(s), (name, cell)


def test_mixed_cells_only_one_sequence_has():
    """Cells beyond the shorter length count only the longer sequence: its value is the mean, the std is NaN."""
    long, short = np.arange(9.0).reshape(1, 3, 3), np.full((1, 2, 3), 100.0)
    count, mean, std = derived.cell_statistics("block0.out", [long, short], 3)
    assert count.tolist() == [[2] * 3, [2] * 3, [1] * 3]
    assert mean[2].tolist() == [6, 7, 8] and np.all(np.isnan(std[2]))
    np.testing.assert_allclose(std[:2], np.std(np.concatenate([long[:, :2], short]), axis=0, ddof=1))
    att_long = np.tril(np.ones((1, 1, 3, 3)))
    count, _, _ = derived.cell_statistics("block0.attention", [att_long, np.ones((1, 1, 1, 1))], 3)
    assert count[0].tolist() == [[2, 1, 1], [1, 1, 1], [1, 1, 1]]
    count, _, _ = derived.cell_statistics("block0.keys", [np.ones((2, 1, 3, 4)), np.ones((1, 1, 2, 4))], 3)
    assert count[0].tolist() == [[3] * 4, [3] * 4, [2] * 4]


def test_mixed_json_is_what_derived_py_writes(tmp_path):
    second = tmp_path / "second"
    shutil.copytree(SECOND_DIR, second, ignore=shutil.ignore_patterns("mixed*"))
    out = second / "mixed.json"
    assert derived.main(["mixed", str(out), str(second / "reference"), str(second / "reference-short")]) == 0
    with open(MIXED, "rb") as a, open(out, "rb") as b:
        assert a.read() == b.read()
    for name in os.listdir(os.path.join(SECOND_DIR, "mixed")):
        with open(os.path.join(SECOND_DIR, "mixed", name), "rb") as a, open(second / "mixed" / name, "rb") as b:
            assert a.read() == b.read(), name
