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


# ---------------------------------------------------------------------------- other variants of former


def former_variant_state(variant, k=8, heads=2, depth=2, t=5, v=10):
    """A state dict with the parameter names and shapes of a former variant (pbloem/former's history), zeros."""
    s = k // heads
    default = {"tokeys.weight": (k, k), "toqueries.weight": (k, k), "tovalues.weight": (k, k),
               "unifyheads.weight": (k, k), "unifyheads.bias": (k,)}
    attention = {
        "gpt2": {"c_attn.weight": (3 * k, k), "c_attn.bias": (3 * k,), "c_proj.weight": (k, k), "c_proj.bias": (k,)},
        "wide": {"tokeys.weight": (k * heads, k), "toqueries.weight": (k * heads, k),
                 "tovalues.weight": (k * heads, k), "unifyheads.weight": (k, heads * k), "unifyheads.bias": (k,)},
        "narrow": {"tokeys.weight": (s, s), "toqueries.weight": (s, s), "tovalues.weight": (s, s)},
        "narrow2019": {"tokeys.weight": (s, s), "toqueries.weight": (s, s), "tovalues.weight": (s, s),
                       "unifyheads.weight": (k, heads * s), "unifyheads.bias": (k,)},
        "alt": {"downproj.weight": (k, k), "tokeys": (heads, s, s), "toqueries": (heads, s, s),
                "tovalues": (heads, s, s), "unifyheads.weight": (k, k), "unifyheads.bias": (k,)},
        "relative": {"tokeys.weight": (k, k), "tokeys_pos.weight": (k, k), "toqueries.weight": (k, k),
                     "tovalues.weight": (k, k), "unifyheads.weight": (k, k), "unifyheads.bias": (k,),
                     "parma": (1, heads, 1, s), "parmb": (1, heads, 1, s)},
        "kqnorm": dict(default, **{"kln.weight": (s,), "kln.bias": (s,), "qln.weight": (s,), "qln.bias": (s,)}),
    }
    attention["concatenated"] = attention["wide"]
    shapes = {"token_embedding.weight": (v, k), "pos_embedding.weight": (2 * t - 1 if variant == "relative" else t, k)}
    if variant == "concatenated":
        shapes.update({"unify_embeddings.weight": (k, 2 * k), "unify_embeddings.bias": (k,)})
    for i in range(depth):
        p = f"tblocks.{i}."
        shapes.update({p + "attention." + key: shape for key, shape in attention[variant].items()})
        shapes.update({p + "norm1.weight": (k,), p + "norm1.bias": (k,), p + "norm2.weight": (k,), p + "norm2.bias": (k,),
                       p + "ff.0.weight": (4 * k, k), p + "ff.0.bias": (4 * k,), p + "ff.2.weight": (k, 4 * k),
                       p + "ff.2.bias": (k,)})
    shapes.update({"toprobs.weight": (v, k), "toprobs.bias": (v,)})
    return {key: torch.zeros(shape) for key, shape in shapes.items()}


COVERED = "the contract covers former's default attention since 2021 (attention_type='default')"
VARIANTS = {
    "gpt2": "former's GPT-2 attention (attention_type='gpt2', tblocks.0.attention.c_attn.weight)",
    "wide": "former's wide attention (tblocks.0.attention.tokeys.weight has shape [16, 8], heads x k rows: "
            "attention_type='wide', or former's only attention before October 2019)",
    "narrow": "former's narrow attention (tblocks.0.attention.tokeys.weight has shape [4, 4] and there is no "
              "unifyheads: attention_type='narrow')",
    "narrow2019": "former's narrow attention of 2019 (tblocks.0.attention.tokeys.weight has shape [4, 4], one "
                  "k/heads-wide projection shared by the heads: GTransformer's default from October 2019 to April 2021)",
    "alt": "former's alternative attention (attention_type='alt', tblocks.0.attention.downproj.weight)",
    "relative": "former's attention with relative positions (attention_type='relative', "
                "tblocks.0.attention.tokeys_pos.weight)",
    "kqnorm": "former's default attention with layer norm on keys and queries (kqnorm=True, "
              "tblocks.0.attention.kln.weight)",
    "concatenated": "former of August 2019, which concatenated token and position embeddings "
                    "(unify_embeddings.weight) and used the wide attention",
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_other_former_variant_is_named(variant):
    """Each variant is named in one sentence, whatever configuration was given (it fits none of them)."""
    from export import ExportError, check_state_dict
    from gtransformer import Config

    for config in (Config(8, 2, 2, 5, 10), Config(6, 3, 3, 5, 10)):
        with pytest.raises(ExportError) as caught:
            check_state_dict(former_variant_state(variant), config, "W.pt")
        assert str(caught.value) == f"W.pt holds {VARIANTS[variant]}; {COVERED}"


def test_default_attention_is_no_variant():
    from export import former_variant

    assert former_variant(GTransformer(8, 2, 2, 5, 10).state_dict()) is None
    assert former_variant(former_variant_state("kqnorm")) is not None
    assert former_variant({k: v for k, v in former_variant_state("kqnorm").items() if "ln." not in k}) is None


def test_gpt2_state_dict_from_the_command_line(tmp_path, state_path):
    """As a user sees it: one line, exit code 1, no traceback (the depth was blamed before)."""
    path = state_path(former_variant_state("gpt2", k=6, heads=3, depth=2, t=5, v=10))
    rc, err = run_export(path, tmp_path / "x.onnx", TOY)
    assert_one_line_error(rc, err, f"error: {path} holds former's GPT-2 attention (attention_type='gpt2', "
                                   f"tblocks.0.attention.c_attn.weight); {COVERED}")
