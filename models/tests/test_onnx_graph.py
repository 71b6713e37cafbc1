"""The exported ONNX graphs compute the reference tensors (run by the numpy interpreter).

Tolerance: 1e-5 absolute plus 1e-5 relative. Logprobs of unlikely tokens reach about -26,
where float32 rounding alone differs by a few 1e-5 between two correct implementations.
"""

import os

import numpy as np
import onnx
import pytest

from helpers import DEFAULT_REF, INDUCTION_DIR, MID_DIR, SECOND_DIR, neutral_feeds
from onnx_numpy import run
from reference import config_from_onnx, read_reference

FOLDERS = [DEFAULT_REF, os.path.join(SECOND_DIR, "reference"), os.path.join(SECOND_DIR, "reference-short"),
           os.path.join(MID_DIR, "reference"), os.path.join(MID_DIR, "reference-short"),
           os.path.join(INDUCTION_DIR, "reference"), os.path.join(INDUCTION_DIR, "reference-short")]


@pytest.mark.parametrize("folder", FOLDERS, ids=["default", "second", "second-short", "mid", "mid-short",
                                                   "induction", "induction-short"])
def test_onnx_graph_matches_reference(folder):
    manifest, arrays = read_reference(folder)
    path = os.path.join(folder, manifest["model"])
    outputs = run(onnx.load(path), manifest["sequences"], neutral_feeds(config_from_onnx(path)))
    assert list(outputs) == list(arrays)
    for name, expected in arrays.items():
        assert outputs[name].shape == expected.shape, name
        np.testing.assert_allclose(outputs[name], expected, atol=1e-5, rtol=1e-5, err_msg=name)


def test_one_token_and_batch_of_one():
    """The smallest input the contract allows: batch 1, length 1."""
    manifest, _ = read_reference(os.path.join(SECOND_DIR, "reference"))
    path = os.path.join(SECOND_DIR, "reference", manifest["model"])
    outputs = run(onnx.load(path), [[3]], neutral_feeds(config_from_onnx(path)))
    assert outputs["block0.attention"].shape == (1, 2, 1, 1)
    np.testing.assert_allclose(outputs["block0.attention"], 1, atol=1e-6)
    assert outputs["logprobs"].shape == (1, 1, 12)
