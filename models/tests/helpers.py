"""Shared checks: does an ONNX model say exactly what the contract says, for its config?"""

import json
import os

import numpy as np
import onnx
from onnx import TensorProto

from gtransformer import INTERVENTION_INPUTS, Interventions, contract_names, contract_shapes, intervention_shapes

MODELS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PT = os.path.join(MODELS, "gtransformer.pt")
DEFAULT_ONNX = os.path.join(MODELS, "gtransformer.onnx")
DEFAULT_REF = os.path.join(MODELS, "reference")
SECOND_DIR = os.path.join(MODELS, "second")
SECOND_PT = os.path.join(SECOND_DIR, "second.pt")
SECOND_ONNX = os.path.join(SECOND_DIR, "second.onnx")
MID_DIR = os.path.join(MODELS, "mid")
MID_PT = os.path.join(MID_DIR, "mid.pt")
MID_ONNX = os.path.join(MID_DIR, "mid.onnx")
INDUCTION_DIR = os.path.join(MODELS, "induction")
INDUCTION_PT = os.path.join(INDUCTION_DIR, "induction.pt")
INDUCTION_ONNX = os.path.join(INDUCTION_DIR, "induction.onnx")
SECOND_VOCAB = ["<pad>", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]


def declared_dims(value_info):
    """Declared dims as ints and names; an undeclared dim shows as None (never allowed here)."""
    dims = []
    for dim in value_info.type.tensor_type.shape.dim:
        if dim.HasField("dim_value"):
            dims.append(dim.dim_value)
        elif dim.HasField("dim_param"):
            dims.append(dim.dim_param)
        else:
            dims.append(None)
    return dims


def metadata(model):
    return {p.key: p.value for p in model.metadata_props}


def neutral_feeds(config):
    """The four intervention inputs at their neutral values (keep 1, repl 0; batch and length 1), as numpy."""
    neutral = Interventions.neutral(config)
    return {name: getattr(neutral, name).numpy() for name in INTERVENTION_INPUTS}


def patching_feeds(config, sites, length, clean):
    """Intervention inputs for one row per patching site, as a reader builds them from the clean run's outputs.

    ``sites`` are causal.patch_rows' (site, block, head, position); ``clean`` maps output names to arrays of a
    batch of one: the stream entering block i is ``embedding`` (i = 0) or ``block{i-1}.out``, a head's is ``z``.
    """
    shapes = intervention_shapes(config, len(sites), length)
    feeds = {name: (np.ones if name.endswith("keep") else np.zeros)(shapes[name], dtype=np.float32)
             for name in INTERVENTION_INPUTS}
    for r, (site, block, head, position) in enumerate(sites):
        if site == "resid":
            stream = clean["embedding"] if block == 0 else clean[f"block{block - 1}.out"]
            feeds["resid_keep"][r, block, position] = 0
            feeds["resid_repl"][r, block, position] = np.asarray(stream)[0, position]
        else:
            feeds["head_keep"][r, block, head] = 0
            feeds["head_repl"][r, block, head] = np.asarray(clean[f"block{block}.z"])[0, head]
    return feeds


def assert_follows_contract(model, config, fixed_length=False, vocab=None, version=2):
    """Inputs, every output (names, order, types, declared dims) and metadata, as contract ``version`` says."""
    length = config.t if fixed_length else "length"

    extra = list(INTERVENTION_INPUTS) if version >= 2 else []
    assert [i.name for i in model.graph.input] == ["tokens"] + extra
    assert not {init.name for init in model.graph.initializer} & set(extra), "intervention inputs must be required"
    tokens = model.graph.input[0]
    assert tokens.type.tensor_type.elem_type == TensorProto.INT64
    assert declared_dims(tokens) == ["batch", length]
    shapes = intervention_shapes(config)
    for value_info in model.graph.input[1:]:
        assert value_info.type.tensor_type.elem_type == TensorProto.FLOAT, value_info.name
        assert declared_dims(value_info) == shapes[value_info.name], value_info.name

    names = contract_names(config.depth, version)
    assert [o.name for o in model.graph.output] == names
    expected = contract_shapes(config, "batch", length, version)
    for output in model.graph.output:
        assert output.type.tensor_type.elem_type == TensorProto.FLOAT, output.name
        assert declared_dims(output) == expected[output.name], output.name

    meta = metadata(model)
    assert meta["gtlens.contract"] == str(version)
    for key in ("k", "heads", "depth", "t", "num_tokens"):
        assert meta[f"gtlens.{key}"] == str(getattr(config, key)), key
    assert meta["gtlens.scaling"] == config.scaling
    labels = json.loads(meta["gtlens.vocab"])
    assert labels == (vocab if vocab is not None else [str(i) for i in range(config.num_tokens)])
    assert ("gtlens.fixed_length" in meta) == fixed_length
    if fixed_length:
        assert meta["gtlens.fixed_length"] == "true"
    assert model.opset_import[0].version == 17

    onnx.checker.check_model(model, full_check=True)
    onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
