"""A tiny numpy interpreter for the ONNX ops our exports use (there is no onnxruntime in Python here).

It lets the tests run the exported *graph* (not just the PyTorch model) against the reference
files, at full and at shorter lengths, so a graph that traced a length as a constant or lost a
scale factor is caught on this side, before Java ever loads it. Semantics follow the ONNX
operator docs for opset 17; an op outside this list fails loudly.
"""

import numpy as np
import onnx
from onnx import numpy_helper


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _log_softmax(x, axis):
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def _layer_norm(x, scale, bias, axis=-1, epsilon=1e-5):
    axes = tuple(range(axis % x.ndim, x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    return ((x - mean) / np.sqrt(var + epsilon)) * scale + bias


def _slice(data, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    index = [slice(None)] * data.ndim
    for start, end, axis, step in zip(starts, ends, axes, steps):
        index[int(axis)] = slice(int(start), int(end), int(step))
    return data[tuple(index)]


def _reshape(data, shape):
    shape = [data.shape[i] if s == 0 else int(s) for i, s in enumerate(shape)]
    return data.reshape(shape)


def _shape(x, start=0, end=None):
    return np.array(x.shape[start:end], dtype=np.int64)


_CAST = {onnx.TensorProto.FLOAT: np.float32, onnx.TensorProto.INT64: np.int64, onnx.TensorProto.BOOL: np.bool_}


def _run_node(node, inputs):
    a = _attrs(node)
    op = node.op_type
    if op == "Constant":
        return numpy_helper.to_array(a["value"])
    if op == "Identity":
        return inputs[0]
    if op == "Shape":
        return _shape(inputs[0], a.get("start", 0), a.get("end"))
    if op == "Gather":
        return np.take(inputs[0], inputs[1], axis=a.get("axis", 0))
    if op == "Unsqueeze":
        out = inputs[0]
        for axis in sorted(int(x) % (out.ndim + len(inputs[1])) for x in inputs[1]):
            out = np.expand_dims(out, axis)
        return out
    if op == "Slice":
        return _slice(*inputs)
    if op == "Concat":
        return np.concatenate(inputs, axis=a["axis"])
    if op == "Reshape":
        return _reshape(*inputs)
    if op == "Transpose":
        return np.transpose(inputs[0], a.get("perm"))
    if op == "Cast":
        return inputs[0].astype(_CAST[a["to"]])
    if op == "Add":
        return inputs[0] + inputs[1]
    if op == "Sub":
        return inputs[0] - inputs[1]
    if op == "Mul":
        return inputs[0] * inputs[1]
    if op == "Div":
        return inputs[0] / inputs[1]
    if op == "Sqrt":
        return np.sqrt(inputs[0])
    if op == "MatMul":
        return np.matmul(inputs[0], inputs[1])
    if op == "Relu":
        return np.maximum(inputs[0], 0)
    if op == "Where":
        return np.where(*inputs)
    if op == "Softmax":
        return _softmax(inputs[0], a.get("axis", -1))
    if op == "LogSoftmax":
        return _log_softmax(inputs[0], a.get("axis", -1))
    if op == "LayerNormalization":
        return _layer_norm(inputs[0], inputs[1], inputs[2], a.get("axis", -1), a.get("epsilon", 1e-5))
    raise NotImplementedError(f"op {op} is not in this test interpreter")


def run(model, tokens, feeds=None):
    """Evaluate ``model`` on int64 ``tokens`` and float32 ``feeds`` for its other inputs; return {output name: array}.

    Every graph input must be given, as ONNX Runtime requires (contract version 2's intervention inputs too).
    """
    values = {init.name: numpy_helper.to_array(init) for init in model.graph.initializer}
    values[model.graph.input[0].name] = np.asarray(tokens, dtype=np.int64)
    for value_info in model.graph.input[1:]:
        if feeds is None or value_info.name not in feeds:
            raise KeyError(f"input {value_info.name} is not fed")
        values[value_info.name] = np.asarray(feeds[value_info.name], dtype=np.float32)
    with np.errstate(over="ignore", invalid="ignore"):
        for node in model.graph.node:
            result = _run_node(node, [values[name] if name else None for name in node.input])
            values[node.output[0]] = np.asarray(result)
    return {out.name: values[out.name] for out in model.graph.output}
