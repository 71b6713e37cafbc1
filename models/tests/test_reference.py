"""The committed reference folders: right format, right numbers, and the contract's promises."""

import os

import numpy as np
import pytest
import torch

from gtransformer import contract_names, contract_shapes
from helpers import DEFAULT_PT, DEFAULT_REF, INDUCTION_DIR, INDUCTION_PT, MID_DIR, MID_PT, SECOND_DIR, SECOND_PT
from reference import config_from_onnx, load_model, read_reference

FOLDERS = [
    (DEFAULT_REF, DEFAULT_PT),
    (os.path.join(SECOND_DIR, "reference"), SECOND_PT),
    (os.path.join(SECOND_DIR, "reference-short"), SECOND_PT),
    (os.path.join(MID_DIR, "reference"), MID_PT),
    (os.path.join(MID_DIR, "reference-short"), MID_PT),
    (os.path.join(INDUCTION_DIR, "reference"), INDUCTION_PT),
    (os.path.join(INDUCTION_DIR, "reference-short"), INDUCTION_PT),
]


@pytest.fixture(scope="module", params=FOLDERS, ids=["default", "second", "second-short", "mid", "mid-short",
                                                              "induction", "induction-short"])
def reference(request):
    folder, weights = request.param
    manifest, arrays = read_reference(folder)
    onnx_path = os.path.normpath(os.path.join(folder, manifest["model"]))
    return folder, weights, onnx_path, manifest, arrays


def test_manifest_format(reference):
    folder, _, onnx_path, manifest, arrays = reference
    assert manifest["contract"] == 2
    assert os.path.isfile(onnx_path)
    config = config_from_onnx(onnx_path)
    assert manifest["config"] == config.as_dict()
    seqs = manifest["sequences"]
    n, length = len(seqs), len(seqs[0])
    assert all(len(s) == length for s in seqs)
    assert list(manifest["tensors"]) == contract_names(config.depth)
    shapes = contract_shapes(config, n, length)
    for name, entry in manifest["tensors"].items():
        assert entry["shape"] == shapes[name], name
        assert os.path.getsize(os.path.join(folder, entry["file"])) == 4 * int(np.prod(entry["shape"]))


def test_sizes_asked_for():
    default, _ = read_reference(DEFAULT_REF)
    assert default["sequences"][0] == [4, 5, 5, 5, 4]
    assert len(default["sequences"]) >= 64 and len(default["sequences"][0]) == 5
    second, _ = read_reference(os.path.join(SECOND_DIR, "reference"))
    assert len(second["sequences"]) >= 32 and len(second["sequences"][0]) == 7
    short, _ = read_reference(os.path.join(SECOND_DIR, "reference-short"))
    assert len(short["sequences"][0]) == 3
    mid, _ = read_reference(os.path.join(MID_DIR, "reference"))
    assert [len(s) for s in mid["sequences"]] == [64] * 4
    mid_short, _ = read_reference(os.path.join(MID_DIR, "reference-short"))
    assert [len(s) for s in mid_short["sequences"]] == [17] * 3


def test_torch_reproduces_reference(reference):
    _, weights, onnx_path, manifest, arrays = reference
    model = load_model(weights, onnx_path)
    with torch.no_grad():
        reps = model.get_representations(torch.tensor(manifest["sequences"]))
    for name, expected in arrays.items():
        np.testing.assert_allclose(reps[name].numpy(), expected, atol=1e-5, rtol=0, err_msg=name)


def test_contract_promises(reference):
    _, _, _, manifest, arrays = reference
    depth = manifest["config"]["depth"]
    for i in range(depth):
        att = arrays[f"block{i}.attention"]
        np.testing.assert_allclose(att.sum(-1), 1, atol=1e-5)
        length = att.shape[-1]
        assert np.all(att[..., np.triu_indices(length, 1)[0], np.triu_indices(length, 1)[1]] == 0)
        np.testing.assert_allclose(np.exp(arrays[f"block{i}.logprobs"]).sum(-1), 1, atol=1e-5)
    np.testing.assert_array_equal(arrays["logprobs"], arrays[f"block{depth - 1}.logprobs"])


def test_new_tensors_of_version_2(reference):
    """block{i}.z is attention x values and embedding is token + position embedding, from the weights."""
    _, weights, _, manifest, arrays = reference
    state = torch.load(weights)
    tokens = np.array(manifest["sequences"])
    length = tokens.shape[1]
    embedding = state["token_embedding.weight"].numpy()[tokens] + state["pos_embedding.weight"].numpy()[:length]
    np.testing.assert_allclose(arrays["embedding"], embedding, atol=1e-6, rtol=0)
    for i in range(manifest["config"]["depth"]):
        z = np.matmul(arrays[f"block{i}.attention"].astype(np.float64), arrays[f"block{i}.values"].astype(np.float64))
        np.testing.assert_allclose(arrays[f"block{i}.z"], z, atol=1e-5, rtol=0, err_msg=f"block{i}.z")
