"""Export a former-style GTransformer state dict to ONNX following the GT Lens contract.

    /usr/bin/python3 models/export.py STATE_DICT.pt OUT.onnx --k 6 --heads 3 --depth 2 --t 5 \
        --num-tokens 10 [--scaling head|full] [--vocab '["a","b",...]' | --vocab-file F] \
        [--description "..."] [--fixed-length] [--contract 2|1]

The representation contract (``docs/contract.md`` in the repository) fixes the input names
(``tokens`` int64 [batch, length]; in version 2 also the float32 intervention inputs
``head_keep``, ``head_repl``, ``resid_keep``, ``resid_repl``), the output names (``logprobs``,
version 2's ``embedding``, ``block{i}.attention|queries|keys|values|out|logprobs`` and version 2's
``block{i}.z``), their declared shapes and the ``gtlens.*`` metadata. Readers find everything by
name, so this script's job is to make the file say exactly that and nothing invented:

* torch 1.13 declares made-up symbolic dims (``Transposeblock0.keys_dim_1``) where the real
  dims are static or are the input's ``length``; they are rewritten to ``batch``, ``length``
  (or t when ``--fixed-length``), the intervention inputs' own ``<input>_batch`` and
  ``<input>_length``, and the integers depth, h, d, k, V;
* every weight is an initializer of its own under its state dict key (``<key>.T`` when the graph
  stores it transposed), even where two weights hold equal values (torch would merge them);
* the result is checked with ``onnx.checker`` (full check) and strict shape inference;
* a state dict that does not fit the configuration fails with one line naming the tensor, and
  one of another former variant (GPT-2, wide, narrow, relative, ... attention) with one line
  naming the variant.

``--contract 1`` writes the previous version (no intervention inputs, no ``z`` or ``embedding``):
the same graph minus those, for readers that still take version 1 and for the tests.

``gtlens.vocab`` is always written: the given labels, or "0".."V-1" when none are given (the
contract's default, made explicit so readers need no special case).
"""

import argparse
import json
import os
import sys

import numpy as np
import torch

from gtransformer import (CONTRACT_VERSIONS, INTERVENTION_INPUTS, LATEST, Config, GTransformer, Interventions,
                          contract_names, contract_shapes, intervention_shapes)

OPSET = 17
CONTRACT_VERSION = LATEST


class ExportError(Exception):
    """A problem the user can fix; main() prints it as one line without a traceback."""


class _ContractOutputs(GTransformer):
    """The model with the contract tensors as its outputs, so initializers keep former's names.

    Version 2 takes the four intervention inputs after ``tokens``; version 1 takes ``tokens`` only.
    """

    version = LATEST

    def forward(self, tokens, *interventions):
        given = Interventions(*interventions) if interventions else None
        return tuple(self.get_representations(tokens, given, self.version).values())


# ---------------------------------------------------------------------------- state dict


def load_state_dict(path):
    """Read a state dict (or a pickled module, whose state dict is taken) onto the CPU."""
    if not os.path.isfile(path):
        raise ExportError(f"{path} does not exist")
    try:
        obj = torch.load(path, map_location="cpu")
    except Exception as e:  # a pickle of a class that is not importable here, a zip that is not torch's, ...
        raise ExportError(f"cannot read {path} with torch.load: {type(e).__name__}: {e}".replace("\n", " ")) from None
    if isinstance(obj, torch.nn.Module):
        obj = obj.state_dict()
    if not isinstance(obj, dict) or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        raise ExportError(f"{path} does not hold a state dict (a dict of parameter name -> tensor)")
    return strip_data_parallel_prefix(dict(obj))


def strip_data_parallel_prefix(state):
    """Drop the ``module.`` that nn.DataParallel puts before every key, if every key has it."""
    if state and all(key.startswith("module.") for key in state):
        return {key[len("module."):]: value for key, value in state.items()}
    return state


def _responsible(key, config):
    """The configuration values a tensor's shape or existence depends on, for error messages."""
    c = config
    if key.startswith("token_embedding."):
        return f"num_tokens={c.num_tokens}, k={c.k}"
    if key.startswith("pos_embedding."):
        return f"t={c.t}, k={c.k}"
    if key == "toprobs.weight":
        return f"num_tokens={c.num_tokens}, k={c.k}"
    if key == "toprobs.bias":
        return f"num_tokens={c.num_tokens}"
    return f"k={c.k}"


def _block_index(key):
    parts = key.split(".")
    if len(parts) > 1 and parts[0] == "tblocks" and parts[1].isdigit():
        return int(parts[1])
    return None


COVERED = "the contract covers former's default attention since 2021 (attention_type='default')"


def former_variant(state):
    """A phrase naming the other variant of pbloem/former that ``state`` was saved from, or None.

    Told apart by the parameter names and shapes each variant has and the default never has
    (former's history: ``former/modules.py``, ``former/transformers.py``); the evidence is part of the
    phrase so the user can check it.
    """
    def first(suffix):
        return next((key for key in state if key.endswith(suffix)), None)

    if "unify_embeddings.weight" in state:
        return ("former of August 2019, which concatenated token and position embeddings "
                "(unify_embeddings.weight) and used the wide attention")
    named = (
        (".attention.c_attn.weight", "former's GPT-2 attention (attention_type='gpt2'"),
        (".attention.tokeys_pos.weight", "former's attention with relative positions (attention_type='relative'"),
        (".attention.downproj.weight", "former's alternative attention (attention_type='alt'"),
        (".attention.kln.weight", "former's default attention with layer norm on keys and queries (kqnorm=True"),
    )
    for suffix, phrase in named:
        key = first(suffix)
        if key is not None:
            return f"{phrase}, {key})"
    key = first(".attention.tokeys.weight")
    width = state["token_embedding.weight"].shape[-1] if "token_embedding.weight" in state else None
    if key is None or state[key].dim() != 2 or width is None:
        return None
    rows, cols = state[key].shape
    if rows > cols:
        return (f"former's wide attention ({key} has shape {[rows, cols]}, heads x k rows: attention_type='wide', "
                "or former's only attention before October 2019)")
    if cols < width:
        prefix = key[:-len("tokeys.weight")]
        if prefix + "unifyheads.weight" in state:
            return (f"former's narrow attention of 2019 ({key} has shape {[rows, cols]}, one k/heads-wide "
                    "projection shared by the heads: GTransformer's default from October 2019 to April 2021)")
        return f"former's narrow attention ({key} has shape {[rows, cols]} and there is no unifyheads: attention_type='narrow')"
    return None


def check_state_dict(state, config, source="the state dict"):
    """Raise ExportError with one line for the first tensor that does not fit ``config``.

    A state dict of another former variant is named as such first (its tensors would otherwise be
    blamed on the configuration). Then checked in the model's own parameter order, so the message
    names the earliest culprit; ``heads`` and ``scaling`` leave no trace in the weights and cannot be
    checked here.
    """
    variant = former_variant(state)
    if variant is not None:
        raise ExportError(f"{source} holds {variant}; {COVERED}")
    expected = GTransformer.from_config(config).state_dict()
    for key, tensor in expected.items():
        if key not in state:
            i = _block_index(key)
            why = f"depth={config.depth}" if i is not None else "former's GTransformer layout"
            raise ExportError(f"{source} has no tensor {key}, which the configuration ({why}) needs")
        got = list(state[key].shape)
        if got != list(tensor.shape):
            raise ExportError(
                f"{key} has shape {got} in {source} but the configuration "
                f"({_responsible(key, config)}) needs {list(tensor.shape)}"
            )
    unexpected = [key for key in state if key not in expected]
    if unexpected:
        key = unexpected[0]
        i = _block_index(key)
        why = f"depth={config.depth}" if i is not None and i >= config.depth else "this GTransformer"
        more = f" (and {len(unexpected) - 1} more)" if len(unexpected) > 1 else ""
        raise ExportError(f"{source} has tensor {key}{more}, which the configuration ({why}) does not have")


def build_model(state, config, source="the state dict", version=LATEST):
    """A contract-output model carrying ``state``, after check_state_dict has vouched for it."""
    check_state_dict(state, config, source)
    model = _ContractOutputs(config.k, config.heads, config.depth, config.t, config.num_tokens, config.scaling)
    model.version = version
    model.load_state_dict(state, strict=True)
    return model.eval()


def fingerprint(state):
    """Stand-in weights of the same shapes, no two tensors (nor their transposes) equal.

    torch.onnx.export merges initializers with equal values (all LayerNorm weights of a freshly
    initialised model are ones), so the graph would no longer say which weight is which. Exporting
    these instead keeps one initializer per weight; ``put_weights`` then writes the real values
    into them by name. Weight values never change the traced graph.
    """
    generator = torch.Generator().manual_seed(0)
    return {key: torch.rand(value.shape, generator=generator) + i for i, (key, value) in enumerate(state.items())}


def put_weights(model, state):
    """Replace each initializer named ``<key>`` or ``<key>.T`` by ``state[key]`` (transposed for .T).

    Every state dict key must be there exactly once; otherwise the export lost track of a weight.
    """
    from onnx import numpy_helper

    seen = []
    for init in model.graph.initializer:
        key, transposed = (init.name[:-2], True) if init.name.endswith(".T") else (init.name, False)
        if key not in state:
            continue
        array = state[key].detach().to(torch.float32).numpy()  # as load_state_dict would copy it into the model
        init.CopyFrom(numpy_helper.from_array(np.ascontiguousarray(array.T if transposed else array), init.name))
        seen.append(key)
    if sorted(seen) != sorted(state):
        missing = sorted(set(state) - set(seen)) or sorted(k for k in seen if seen.count(k) > 1)
        raise ExportError(f"the exported graph does not hold {missing[0]} as one initializer of its own")


# ---------------------------------------------------------------------------- ONNX


def _set_dims(value_info, dims):
    """Overwrite the declared shape of a graph input/output with names and integers."""
    shape = value_info.type.tensor_type.shape
    del shape.dim[:]
    for dim in dims:
        new = shape.dim.add()
        if isinstance(dim, int):
            new.dim_value = dim
        else:
            new.dim_param = dim


def fix_declared_shapes(model, config, fixed_length, version=LATEST):
    """Declare exactly the contract's shapes, replacing the names torch made up."""
    length = config.t if fixed_length else "length"
    _set_dims(model.graph.input[0], ["batch", length])
    inputs = intervention_shapes(config)
    for value_info in model.graph.input[1:]:
        _set_dims(value_info, inputs[value_info.name])
    shapes = contract_shapes(config, "batch", length, version)
    for output in model.graph.output:
        _set_dims(output, shapes[output.name])
    # Intermediate annotations may carry torch's names too; shape inference recomputes them.
    del model.graph.value_info[:]


def name_transposed_weights(model, state):
    """Rename the ``onnx::MatMul_123`` initializers torch makes of Linear weights.

    Constant folding stores each Linear weight transposed under a made-up name; giving it
    the state dict key plus ``.T`` lets anyone (and the tests) trace every number in the
    graph back to the state dict. Only exact transposes are renamed.
    """
    import numpy as np
    from onnx import numpy_helper

    transposed = {key: value.detach().numpy().T for key, value in state.items() if value.dim() == 2}
    renames = {}
    taken = {init.name for init in model.graph.initializer}
    for init in model.graph.initializer:
        if not init.name.startswith("onnx::"):
            continue
        array = numpy_helper.to_array(init)
        for key, value in transposed.items():
            new = f"{key}.T"
            if new not in taken and value.shape == array.shape and np.array_equal(value, array):
                renames[init.name] = new
                taken.add(new)
                init.name = new
                break
    for node in model.graph.node:
        for j, name in enumerate(node.input):
            if name in renames:
                node.input[j] = renames[name]


def set_metadata(model, config, vocab, description, fixed_length, version=LATEST):
    """Fill ``metadata_props`` with the ``gtlens.*`` keys of the contract."""
    props = {
        "gtlens.contract": str(version),
        "gtlens.k": str(config.k),
        "gtlens.heads": str(config.heads),
        "gtlens.depth": str(config.depth),
        "gtlens.t": str(config.t),
        "gtlens.num_tokens": str(config.num_tokens),
        "gtlens.scaling": config.scaling,
        "gtlens.vocab": json.dumps(vocab if vocab is not None else [str(i) for i in range(config.num_tokens)]),
    }
    if description:
        props["gtlens.description"] = " ".join(description.split())  # one line, as the contract says
    if fixed_length:
        props["gtlens.fixed_length"] = "true"
    del model.metadata_props[:]
    for key, value in props.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value


def verify(model):
    """onnx.checker (full) and strict shape inference: what a reader's runtime will also do."""
    import onnx

    onnx.checker.check_model(model, full_check=True)
    onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)


def fold_copied_dims(model):
    """Make Reshape targets that torch computes at run time (Shape -> Gather -> Unsqueeze -> Concat) constants.

    ``x.view(b, length, h, d)`` exports the sizes ``b`` and ``length`` as a chain of shape operators run on
    every call. Where such a size is the same symbolic dimension (``batch``, ``length``) of the reshaped tensor at
    the same position, ONNX's Reshape can copy it by itself (a 0 in the target), so the chain is dropped. For a
    model this small ONNX Runtime spends much of a batch-of-one run on those operators. Values are unchanged: the
    tests compare the result with PyTorch.
    """
    import onnx
    from onnx import helper, numpy_helper

    inferred = onnx.shape_inference.infer_shapes(_with_stream_hints(model))
    dims = {}
    for info in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output):
        dims[info.name] = [d.dim_param if d.HasField("dim_param") else None
                           for d in info.type.tensor_type.shape.dim]
    producer = {out: node for node in model.graph.node for out in node.output}
    consts = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    for node in model.graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
            consts[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)

    def copied_dim(name):
        """(tensor, index) when ``name`` is Unsqueeze(Gather(Shape(tensor), index)) along axis 0."""
        unsqueeze = producer.get(name)
        if unsqueeze is None or unsqueeze.op_type != "Unsqueeze" or len(unsqueeze.input) != 2:
            return None
        if consts.get(unsqueeze.input[1]) is None or consts[unsqueeze.input[1]].reshape(-1).tolist() != [0]:
            return None
        gather = producer.get(unsqueeze.input[0])
        if gather is None or gather.op_type != "Gather" or consts.get(gather.input[1]) is None:
            return None
        if any(a.name == "axis" and a.i != 0 for a in gather.attribute) or consts[gather.input[1]].ndim != 0:
            return None
        shape = producer.get(gather.input[0])
        if shape is None or shape.op_type != "Shape" or shape.attribute:
            return None
        return shape.input[0], int(consts[gather.input[1]])

    for node in model.graph.node:
        if node.op_type != "Reshape" or any(a.name == "allowzero" and a.i for a in node.attribute):
            continue
        concat = producer.get(node.input[1])
        data_dims = dims.get(node.input[0])
        if concat is None or concat.op_type != "Concat" or not data_dims:
            continue
        target = []
        for position, part in enumerate(concat.input):
            value = consts.get(part)
            source = copied_dim(part)
            if value is not None and value.size == 1 and int(value.reshape(-1)[0]) > 0:
                target.append(int(value.reshape(-1)[0]))
            elif (source is not None and source[1] == position and position < len(data_dims)
                  and data_dims[position] and position < len(dims.get(source[0], []))
                  and dims[source[0]][position] == data_dims[position]):
                target.append(0)
            else:
                target = None
                break
        if target is None:
            continue
        name = node.input[1] + "_folded"
        model.graph.node.insert(0, helper.make_node("Constant", [], [name], value=numpy_helper.from_array(
            np.array(target, dtype=np.int64), name)))
        node.input[1] = name
    _remove_dead_nodes(model)


def _with_stream_hints(model):
    """A copy of ``model`` that declares every 3-D activation entering a weight MatMul as [batch, length, width].

    In this model family every such activation is the residual stream or a projection of it, so its first two
    dimensions are the input's batch and length. Shape inference cannot see that through the slice of the position
    table (it gives up on the length there), which would keep block 0's shape operators.

    The intervention inputs are declared with batch and length 1 in the copy: they are fed as 1 or as the batch and
    length, so ``keep * value + (1 - keep) * repl`` always has the value's shape, which inference can then see.
    """
    import onnx
    from onnx import helper

    hinted = onnx.ModelProto()
    hinted.CopyFrom(model)
    for value_info in hinted.graph.input[1:]:
        for dim in value_info.type.tensor_type.shape.dim:
            if dim.HasField("dim_param") and dim.dim_param.endswith(("_batch", "_length")):
                dim.dim_value = 1
    weights = {init.name: list(init.dims) for init in model.graph.initializer}
    known = {info.name for info in hinted.graph.value_info}
    for node in hinted.graph.node:
        weight = weights.get(node.input[1]) if node.op_type == "MatMul" and len(node.input) == 2 else None
        if weight is not None and len(weight) == 2 and node.input[0] not in known:
            hinted.graph.value_info.append(helper.make_tensor_value_info(
                node.input[0], onnx.TensorProto.FLOAT, ["batch", "length", weight[0]]))
            known.add(node.input[0])
    return hinted


def _remove_dead_nodes(model):
    """Drop nodes none of whose outputs is used by another node or is a graph output."""
    outputs = {o.name for o in model.graph.output}
    while True:
        used = {name for node in model.graph.node for name in node.input} | outputs
        dead = [node for node in model.graph.node if not any(out in used for out in node.output)]
        if not dead:
            break
        for node in dead:
            model.graph.node.remove(node)
    used = {name for node in model.graph.node for name in node.input}
    for init in [i for i in model.graph.initializer if i.name not in used]:
        model.graph.initializer.remove(init)


def check_vocab(vocab, config):
    if vocab is None:
        return None
    if not isinstance(vocab, list) or not all(isinstance(v, str) for v in vocab):
        raise ExportError("the vocabulary must be a JSON array of strings")
    if len(vocab) != config.num_tokens:
        raise ExportError(f"the vocabulary has {len(vocab)} labels but the configuration (num_tokens={config.num_tokens}) needs {config.num_tokens}")
    return vocab


def export(state, out_path, config, vocab=None, description=None, fixed_length=False, source="the state dict",
           contract=CONTRACT_VERSION):
    """Export ``state`` (a state dict, or a path to one) as a contract ONNX file; return the ModelProto.

    ``contract`` is the version to write (2, or 1 without the intervention inputs and the z and embedding outputs).
    """
    import onnx

    if contract not in CONTRACT_VERSIONS:
        raise ExportError(f"contract version {contract} is not one of {list(CONTRACT_VERSIONS)}")
    if isinstance(state, str):
        state, source = load_state_dict(state), state
    vocab = check_vocab(vocab, config)
    check_state_dict(state, config, source)
    model = build_model(fingerprint(state), config, source, contract)

    names = contract_names(config.depth, contract)
    example = (torch.arange(2 * config.t) % config.num_tokens).view(2, config.t)
    dynamic = {0: "batch"} if fixed_length else {0: "batch", 1: "length"}
    out_dynamic = {0: "batch"} if fixed_length else None
    dynamic_axes = {"tokens": dynamic}
    for name in names:
        dynamic_axes[name] = out_dynamic or _length_axes(name)
    inputs, input_names = (example,), ["tokens"]
    if contract >= 2:
        # batch 2 and length t, as the tokens: no dim is 1, so nothing is traced as a broadcast special case
        shapes = intervention_shapes(config, 2, config.t)
        inputs += tuple(torch.full(shapes[name], 0.5) for name in INTERVENTION_INPUTS)
        input_names += list(INTERVENTION_INPUTS)
        for name in INTERVENTION_INPUTS:
            length_axis = 3 if name.startswith("head") else 2
            dynamic_axes[name] = {0: f"{name}_batch", length_axis: f"{name}_length"}

    out_dir = os.path.dirname(os.path.abspath(out_path))
    os.makedirs(out_dir, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(
            model,
            inputs,
            out_path,
            opset_version=OPSET,
            input_names=input_names,
            output_names=names,
            dynamic_axes=dynamic_axes,
            do_constant_folding=True,
        )
    proto = onnx.load(out_path)
    _check_output_names(proto, names)
    _check_input_names(proto, input_names)
    stand_in = dict(model.state_dict())
    name_transposed_weights(proto, stand_in)
    put_weights(proto, state)
    fix_declared_shapes(proto, config, fixed_length, contract)
    fold_copied_dims(proto)
    set_metadata(proto, config, vocab, description, fixed_length, contract)
    proto.doc_string = f"GT Lens contract {contract} GTransformer" + (f": {description}" if description else "")
    verify(proto)
    onnx.save(proto, out_path)
    return proto


def _length_axes(name):
    """Which axes of a contract output are batch and length (attention has length twice)."""
    kind = name.rsplit(".", 1)[-1]
    if kind == "attention":
        return {0: "batch", 2: "length", 3: "length"}
    if kind in ("queries", "keys", "values", "z"):
        return {0: "batch", 2: "length"}
    return {0: "batch", 1: "length"}


def _check_output_names(proto, names):
    got = [o.name for o in proto.graph.output]
    if got != names:
        raise ExportError(f"the exported graph has outputs {got}, expected {names}")


def _check_input_names(proto, names):
    """torch drops an input the graph does not use; the contract needs all of them, required (no initializer)."""
    got = [i.name for i in proto.graph.input]
    initialized = {init.name for init in proto.graph.initializer}
    if got != names or initialized & set(names):
        raise ExportError(f"the exported graph has inputs {got}, expected {names} without defaults")


# ---------------------------------------------------------------------------- CLI


def _parse_args(argv):
    p = argparse.ArgumentParser(description="Export a former GTransformer state dict to a GT Lens ONNX model.")
    p.add_argument("state_dict", help="file saved with torch.save(model.state_dict(), ...)")
    p.add_argument("out", help="ONNX file to write")
    p.add_argument("--k", type=int, required=True, help="embedding width (former: emb)")
    p.add_argument("--heads", type=int, required=True)
    p.add_argument("--depth", type=int, required=True)
    p.add_argument("--t", type=int, required=True, help="maximum sequence length (former: seq_length)")
    p.add_argument("--num-tokens", type=int, required=True)
    p.add_argument("--scaling", choices=("head", "full"), default="head",
                   help="head: q.k/sqrt(k/heads) (former since May 2024); full: q.k/sqrt(k) (former before)")
    vocab = p.add_mutually_exclusive_group()
    vocab.add_argument("--vocab", help="JSON array of num_tokens labels")
    vocab.add_argument("--vocab-file", help="file with a JSON array of labels, or one label per line")
    p.add_argument("--description", help="one line on what the model was trained on")
    p.add_argument("--fixed-length", action="store_true", help="input length fixed at t instead of 1..t")
    p.add_argument("--contract", type=int, choices=CONTRACT_VERSIONS, default=CONTRACT_VERSION,
                   help=f"contract version to write (default {CONTRACT_VERSION}; 1 has no intervention inputs)")
    return p.parse_args(argv)


def _read_vocab(args):
    if args.vocab is not None:
        try:
            return json.loads(args.vocab)
        except json.JSONDecodeError as e:
            raise ExportError(f"--vocab is not valid JSON: {e}") from None
    if args.vocab_file is not None:
        try:
            with open(args.vocab_file, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise ExportError(f"cannot read {args.vocab_file}: {e.strerror}") from None
        if text.lstrip().startswith("["):
            try:
                return json.loads(text)
            except json.JSONDecodeError as e:
                raise ExportError(f"{args.vocab_file} is not valid JSON: {e}") from None
        return text.rstrip("\n").split("\n")
    return None


def main(argv=None):
    args = _parse_args(argv)
    try:
        try:
            config = Config(args.k, args.heads, args.depth, args.t, args.num_tokens, args.scaling)
        except ValueError as e:
            raise ExportError(str(e)) from None
        proto = export(args.state_dict, args.out, config, _read_vocab(args), args.description, args.fixed_length,
                       contract=args.contract)
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: contract {args.contract}, {len(proto.graph.input)} inputs, {len(proto.graph.output)} "
          f"outputs, {len(proto.graph.node)} nodes, opset {OPSET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
