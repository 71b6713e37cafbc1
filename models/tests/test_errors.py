"""A state dict that does not fit the configuration fails with one clear line and exit code 1.

Run through a subprocess, as a user would, so that a stray traceback would show in stderr.
"""

import os
import subprocess
import sys

import pytest
import torch

from gtransformer import GTransformer
from helpers import DEFAULT_PT, MODELS

EXPORT = os.path.join(MODELS, "export.py")
TOY = ["--k", "6", "--heads", "3", "--depth", "2", "--t", "5", "--num-tokens", "10"]


def run_export(state_path, out_path, args):
    # from the output's folder, not models/: the script finds its imports by itself
    proc = subprocess.run([sys.executable, EXPORT, str(state_path), str(out_path), *args],
                          capture_output=True, text=True, timeout=120, cwd=os.path.dirname(str(out_path)))
    return proc.returncode, proc.stderr


def assert_one_line_error(rc, stderr, expected):
    assert rc == 1
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert lines == [expected], stderr


@pytest.fixture()
def state_path(tmp_path):
    def save(state, name="weights.pt"):
        path = tmp_path / name
        torch.save(state, path)
        return path
    return save


def test_wrong_shape_names_tensor_and_both_shapes(tmp_path, state_path):
    state = torch.load(DEFAULT_PT)
    state["tblocks.0.attention.tokeys.weight"] = torch.zeros(8, 8)
    path = state_path(state, "STATE_DICT.pt")
    rc, err = run_export(path, tmp_path / "x.onnx", TOY)
    assert_one_line_error(rc, err, f"error: tblocks.0.attention.tokeys.weight has shape [8, 8] in {path} "
                                   "but the configuration (k=6) needs [6, 6]")
    assert not (tmp_path / "x.onnx").exists()


def test_model_of_another_width(tmp_path, state_path):
    path = state_path(GTransformer(8, 2, 2, 5, 10).state_dict())
    rc, err = run_export(path, tmp_path / "x.onnx", TOY)
    assert_one_line_error(rc, err, f"error: token_embedding.weight has shape [10, 8] in {path} "
                                   "but the configuration (num_tokens=10, k=6) needs [10, 6]")


def test_missing_block(tmp_path):
    args = TOY.copy()
    args[args.index("--depth") + 1] = "3"
    rc, err = run_export(DEFAULT_PT, tmp_path / "x.onnx", args)
    assert_one_line_error(rc, err, f"error: {DEFAULT_PT} has no tensor tblocks.2.attention.tokeys.weight, "
                                   "which the configuration (depth=3) needs")


def test_unexpected_block(tmp_path):
    args = TOY.copy()
    args[args.index("--depth") + 1] = "1"
    rc, err = run_export(DEFAULT_PT, tmp_path / "x.onnx", args)
    assert_one_line_error(rc, err, f"error: {DEFAULT_PT} has tensor tblocks.1.attention.tokeys.weight "
                                   "(and 12 more), which the configuration (depth=1) does not have")


def test_heads_must_divide_k(tmp_path):
    args = TOY.copy()
    args[args.index("--heads") + 1] = "4"
    rc, err = run_export(DEFAULT_PT, tmp_path / "x.onnx", args)
    assert_one_line_error(rc, err, "error: k (6) must be divisible by heads (4)")


def test_vocab_of_wrong_length(tmp_path):
    rc, err = run_export(DEFAULT_PT, tmp_path / "x.onnx", TOY + ["--vocab", '["a", "b"]'])
    assert_one_line_error(rc, err, "error: the vocabulary has 2 labels but the configuration "
                                   "(num_tokens=10) needs 10")


def test_not_a_state_dict(tmp_path, state_path):
    path = state_path({"epoch": 3})
    rc, err = run_export(path, tmp_path / "x.onnx", TOY)
    assert_one_line_error(rc, err, f"error: {path} does not hold a state dict (a dict of parameter name -> tensor)")
