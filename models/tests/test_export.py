"""The exported files follow the ONNX contract and carry exactly the committed weights."""

import json

import numpy as np
import onnx
import pytest
import torch
from onnx import numpy_helper

from export import export, load_state_dict
from helpers import (DEFAULT_ONNX, DEFAULT_PT, MID_ONNX, SECOND_ONNX, SECOND_PT, SECOND_VOCAB, assert_follows_contract,
                     metadata)
from reference import config_from_onnx


@pytest.fixture(scope="module")
def default_config():
    return config_from_onnx(DEFAULT_ONNX)


@pytest.fixture(scope="module")
def reexported(tmp_path_factory, default_config):
    """The committed weights exported again, as a user of export.py would."""
    out = tmp_path_factory.mktemp("export") / "gtransformer.onnx"
    description = metadata(onnx.load(DEFAULT_ONNX))["gtlens.description"]
    export(DEFAULT_PT, str(out), default_config, description=description)
    return onnx.load(str(out))


def test_default_config_is_the_toy_model(default_config):
    assert default_config.as_dict() == dict(k=6, heads=3, depth=2, t=5, num_tokens=10, scaling="head")


def test_committed_onnx_follows_contract(default_config):
    model = onnx.load(DEFAULT_ONNX)
    assert_follows_contract(model, default_config)
    assert "toy" in metadata(model)["gtlens.description"].lower()


def test_reexport_follows_contract(reexported, default_config):
    assert_follows_contract(reexported, default_config)


def test_reexport_reproduces_committed_onnx(reexported):
    """Same weights, same graph, same metadata: the committed file is what export.py makes."""
    committed = onnx.load(DEFAULT_ONNX)
    assert reexported.graph.SerializeToString() == committed.graph.SerializeToString()
    assert metadata(reexported) == metadata(committed)


def test_graph_weights_are_the_state_dict(reexported):
    """Every initializer is a state dict tensor (Linear weights stored transposed as KEY.T), and
    every state dict tensor is in the graph."""
    state = load_state_dict(DEFAULT_PT)
    seen = set()
    for init in reexported.graph.initializer:
        array = numpy_helper.to_array(init)
        key = init.name[:-2] if init.name.endswith(".T") else init.name
        assert key in state, f"initializer {init.name} is not from the state dict"
        expected = state[key].numpy()
        np.testing.assert_array_equal(array, expected.T if init.name.endswith(".T") else expected)
        seen.add(key)
    assert seen == set(state)


def test_reshape_targets_are_constants(reexported):
    """Head splits and merges copy batch and length from their input (0 in the target) instead of computing them
    with shape operators on every run."""
    producers = {out: node for node in reexported.graph.node for out in node.output}
    reshapes = [node for node in reexported.graph.node if node.op_type == "Reshape"]
    assert reshapes
    for node in reshapes:
        target = producers[node.input[1]]
        assert target.op_type == "Constant", f"{node.name} takes its target from {target.op_type}"
        assert numpy_helper.to_array(target.attribute[0].t).tolist()[:2] == [0, 0]


def test_second_config_follows_contract(tmp_path):
    config = config_from_onnx(SECOND_ONNX)
    assert config.as_dict() == dict(k=8, heads=2, depth=3, t=7, num_tokens=12, scaling="full")
    assert_follows_contract(onnx.load(SECOND_ONNX), config, vocab=SECOND_VOCAB)

    out = tmp_path / "second.onnx"
    export(SECOND_PT, str(out), config, vocab=SECOND_VOCAB)
    assert_follows_contract(onnx.load(str(out)), config, vocab=SECOND_VOCAB)


def test_mid_config_follows_contract():
    config = config_from_onnx(MID_ONNX)
    assert config.as_dict() == dict(k=64, heads=4, depth=6, t=64, num_tokens=64, scaling="head")
    model = onnx.load(MID_ONNX)
    assert_follows_contract(model, config)
    assert "seed 64" in metadata(model)["gtlens.description"]


def test_fixed_length_export(tmp_path):
    config = config_from_onnx(SECOND_ONNX)
    out = tmp_path / "fixed.onnx"
    export(SECOND_PT, str(out), config, vocab=SECOND_VOCAB, fixed_length=True)
    assert_follows_contract(onnx.load(str(out)), config, fixed_length=True, vocab=SECOND_VOCAB)


def test_export_from_in_memory_state_dict(tmp_path, default_config):
    """The function accepts a state dict too, with the DataParallel 'module.' prefix."""
    state = {f"module.{k}": v for k, v in torch.load(DEFAULT_PT).items()}
    from export import strip_data_parallel_prefix

    out = tmp_path / "m.onnx"
    proto = export(strip_data_parallel_prefix(state), str(out), default_config)
    assert json.loads(metadata(proto)["gtlens.vocab"]) == [str(i) for i in range(10)]


def test_version_1_still_written(tmp_path, default_config):
    """--contract 1: tokens only, no z or embedding, gtlens.contract=1; the version-2 file has a superset."""
    out = tmp_path / "v1.onnx"
    export(DEFAULT_PT, str(out), default_config, contract=1)
    assert_follows_contract(onnx.load(str(out)), default_config, version=1)


def test_untrained_former_size_keeps_every_weight(tmp_path):
    """PyTorch's default initialisation at former's default size: every LayerNorm weight is ones and every bias
    zeros, which torch.onnx.export would merge into one initializer. Each stays its own, under its key, and the
    model can be rebuilt from the file (as bench_torch.py and reference.py from-onnx do)."""
    from gtransformer import Config, GTransformer
    from reference import state_dict_from_onnx

    torch.manual_seed(0)
    config = Config(128, 8, 12, 256, 256)
    state = GTransformer.from_config(config).former_state_dict()
    assert torch.equal(state["tblocks.0.norm2.weight"], state["tblocks.0.norm1.weight"])  # the case that broke
    out = tmp_path / "former.onnx"
    proto = export(state, str(out), config)
    names = [init.name[:-2] if init.name.endswith(".T") else init.name for init in proto.graph.initializer]
    assert sorted(names) == sorted(state)
    rebuilt = state_dict_from_onnx(str(out))
    for key, tensor in state.items():
        assert torch.equal(rebuilt[key], tensor), key
    assert_follows_contract(proto, config)


def test_unknown_contract_version(tmp_path, default_config):
    from export import ExportError

    with pytest.raises(ExportError, match=r"contract version 3 is not one of \[1, 2\]"):
        export(DEFAULT_PT, str(tmp_path / "x.onnx"), default_config, contract=3)


def test_double_precision_state_dict_gives_float_initializers(tmp_path, default_config):
    """A state dict saved in float64 is stored as float32, the values load_state_dict would give the model."""
    state = {key: value.double() for key, value in load_state_dict(DEFAULT_PT).items()}
    proto = export(state, str(tmp_path / "d.onnx"), default_config)
    single = load_state_dict(DEFAULT_PT)
    for init in proto.graph.initializer:
        array = numpy_helper.to_array(init)
        assert array.dtype == np.float32, init.name
        key = init.name[:-2] if init.name.endswith(".T") else init.name
        np.testing.assert_array_equal(array, single[key].numpy().T if init.name.endswith(".T") else single[key].numpy())
