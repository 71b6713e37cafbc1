"""bench_torch.py works from the ONNX file alone: the PyTorch model rebuilt from its initializers and metadata."""

import io
import json
import os
from contextlib import redirect_stdout

import numpy as np
import onnx
import pytest
import torch

import bench_torch
from export import ExportError, load_state_dict
from helpers import DEFAULT_ONNX, DEFAULT_PT, DEFAULT_REF, MID_DIR, MID_ONNX, MID_PT, SECOND_ONNX, SECOND_PT
from reference import load_model, read_reference, state_dict_from_onnx

MODELS = [(DEFAULT_ONNX, DEFAULT_PT), (SECOND_ONNX, SECOND_PT), (MID_ONNX, MID_PT)]


@pytest.mark.parametrize("onnx_path, pt_path", MODELS, ids=["default", "second", "mid"])
def test_rebuilt_state_dict_is_the_saved_one(onnx_path, pt_path):
    rebuilt, saved = state_dict_from_onnx(onnx_path), load_state_dict(pt_path)
    assert list(rebuilt) == list(saved)
    for key, tensor in saved.items():
        assert rebuilt[key].dtype == torch.float32
        np.testing.assert_array_equal(rebuilt[key].numpy(), tensor.numpy(), err_msg=key)


@pytest.mark.parametrize("folder", [DEFAULT_REF, os.path.join(MID_DIR, "reference"),
                                    os.path.join(MID_DIR, "reference-short")],
                         ids=["default", "mid", "mid-short"])
def test_rebuilt_model_reproduces_reference(folder):
    manifest, arrays = read_reference(folder)
    model = load_model(None, os.path.join(folder, manifest["model"]))
    assert model.config.as_dict() == manifest["config"]
    with torch.no_grad():
        reps = model.get_representations(torch.tensor(manifest["sequences"]))
    for name, expected in arrays.items():
        np.testing.assert_allclose(reps[name].numpy(), expected, atol=1e-5, rtol=0, err_msg=name)


def _bench(args):
    out = io.StringIO()
    with redirect_stdout(out):
        rc = bench_torch.main(args)
    return rc, out.getvalue()


def test_bench_on_mid_without_weights():
    rc, out = _bench(["--onnx", MID_ONNX, "--batches", "1,3", "--length", "17", "--runs", "1", "--warmup", "0",
                      "--min-seqs", "1"])
    assert rc == 0
    result = json.loads(out.strip().splitlines()[-1])
    assert list(result["torch_seq_per_s"]) == ["1", "3"] and all(v > 0 for v in result["torch_seq_per_s"].values())
    assert result["length"] == 17 and result["weights"] == "from-onnx"
    assert result["config"] == dict(k=64, heads=4, depth=6, t=64, num_tokens=64, scaling="head")


def test_bench_rejects_bad_options(capsys):
    assert bench_torch.main(["--onnx", SECOND_ONNX, "--length", "8"]) == 1
    assert capsys.readouterr().err.strip() == "error: --length 8 is outside 1..t (t=7)"
    assert bench_torch.main(["--batches", "1,0"]) == 1
    assert "--batches" in capsys.readouterr().err


def test_onnx_without_a_weight_fails_naming_it(tmp_path):
    model = onnx.load(DEFAULT_ONNX)
    for init in model.graph.initializer:
        if init.name == "toprobs.weight.T":
            init.name = "something.else"
    path = tmp_path / "stripped.onnx"
    onnx.save(model, str(path))
    with pytest.raises(ExportError, match=r"has no initializer toprobs\.weight \(nor toprobs\.weight\.T\)"):
        state_dict_from_onnx(str(path))


def _bench_causal(args):
    import bench_causal

    out = io.StringIO()
    with redirect_stdout(out):
        rc = bench_causal.main(args)
    return rc, json.loads(out.getvalue().strip().splitlines()[-1]) if rc == 0 else None


def test_bench_causal_ablation_on_mid():
    rc, result = _bench_causal(["ablate", "--onnx", MID_ONNX, "--sequences", "2", "--batch", "16", "--length", "5",
                                "--runs", "1"])
    assert rc == 0 and result["torch_ablation_seq_per_s"] > 0
    assert result["runs_per_sequence"] == 1 + 6 * 4 and result["batch"] == 16 and result["length"] == 5
    assert result["weights"] == "from-onnx" and result["config"]["depth"] == 6


def test_bench_causal_patching_on_second():
    rc, result = _bench_causal(["patch", "--onnx", SECOND_ONNX, "--batch", "8"])
    assert rc == 0 and result["torch_patching_s"] > 0
    assert result["runs"] == 2 + 3 * 7 + 3 * 2 and result["length"] == 7


def test_bench_causal_rejects_bad_options(capsys):
    import bench_causal

    assert bench_causal.main(["patch", "--onnx", SECOND_ONNX, "--length", "8"]) == 1
    assert capsys.readouterr().err.strip() == "error: --length 8 is outside 1..t (t=7)"
    assert bench_causal.main(["ablate", "--batch", "0"]) == 1
    assert capsys.readouterr().err.strip() == "error: --batch must be at least 1, got 0"
