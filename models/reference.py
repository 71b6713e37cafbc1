"""Write PyTorch's own contract tensors for a set of sequences, in a form Java reads without Python.

    /usr/bin/python3 models/reference.py STATE_DICT.pt MODEL.onnx OUT_DIR \
        [--sequences '[[4,5,5,5,4]]'] [--toy N] [--random N] [--length L] [--seed S]

The configuration (k, heads, depth, t, num_tokens, scaling) and the contract version are read
from the ONNX file's ``gtlens.*`` metadata, so a reference can only be written for the model it
will be compared with. OUT_DIR gets:

* ``manifest.json``: ``{"contract": 2, "model": "<ONNX path relative to OUT_DIR>",
  "config": {...}, "sequences": [[...], ...], "tensors": {name: {"file": ..., "shape": [...]}}}``
  with the tensors of the model's contract version in contract order (version 2: ``logprobs``,
  ``embedding``, then per block attention, queries, keys, values, z, out, logprobs; version 1
  has no ``embedding`` and no ``z``);
* one ``<name>.f32`` per contract tensor: raw little-endian float32, C order, batch first.

All sequences share one length (one tensor per name); write a second folder for another length.
STATE_DICT.pt may be ``from-onnx``: the weights are then read back from MODEL.onnx itself
(``state_dict_from_onnx``).
"""

import argparse
import json
import os
import random
import sys

import numpy as np
import torch

from export import ExportError, build_model, load_state_dict
from gtransformer import CONTRACT_VERSIONS, Config, GTransformer, contract_names

MANIFEST = "manifest.json"
FROM_ONNX = "from-onnx"


def _metadata(path):
    import onnx

    if not os.path.isfile(path):
        raise ExportError(f"{path} does not exist")
    return {p.key: p.value for p in onnx.load(path, load_external_data=False).metadata_props}


def contract_from_onnx(path):
    """The contract version (an int this code knows) an exported model declares in ``gtlens.contract``."""
    value = _metadata(path).get("gtlens.contract")
    if value not in [str(v) for v in CONTRACT_VERSIONS]:
        raise ExportError(f"{path} has gtlens.contract {value!r}, not one of {list(CONTRACT_VERSIONS)}")
    return int(value)


def config_from_onnx(path):
    """The Config an exported contract model declares in its metadata."""
    props = _metadata(path)
    try:
        return Config(
            int(props["gtlens.k"]),
            int(props["gtlens.heads"]),
            int(props["gtlens.depth"]),
            int(props["gtlens.t"]),
            int(props["gtlens.num_tokens"]),
            props.get("gtlens.scaling", "head"),
        )
    except KeyError as e:
        raise ExportError(f"{path} lacks metadata {e.args[0]}; export it with export.py first") from None
    except ValueError as e:
        raise ExportError(f"{path} has unusable gtlens.* metadata: {e}") from None


def state_dict_from_onnx(path):
    """The state dict an exported contract model carries in its initializers.

    export.py keeps every weight traceable: an initializer is named after its state dict key,
    or ``<key>.T`` for a Linear weight that the graph stores transposed. The keys needed are
    those of the configuration in the file's ``gtlens.*`` metadata; a missing one fails with
    one line naming it.
    """
    import onnx
    from onnx import numpy_helper

    config = config_from_onnx(path)
    initializers = {init.name: init for init in onnx.load(path).graph.initializer}
    state = {}
    for key in GTransformer.from_config(config).state_dict():
        if key in initializers:
            array = numpy_helper.to_array(initializers[key])
        elif f"{key}.T" in initializers:
            array = numpy_helper.to_array(initializers[f"{key}.T"]).T
        else:
            raise ExportError(f"{path} has no initializer {key} (nor {key}.T), which its metadata's configuration "
                              "needs; only models written by export.py can be rebuilt from the ONNX file")
        state[key] = torch.from_numpy(np.array(array, dtype=np.float32, order="C"))
    return state


def load_model(state_path, onnx_path):
    """The PyTorch model for a state dict, configured by the metadata of its exported ONNX file.

    ``state_path`` None or ``"from-onnx"`` takes the weights from the ONNX file itself. The model reports the
    tensors of the file's contract version (``model.version``).
    """
    config, version = config_from_onnx(onnx_path), contract_from_onnx(onnx_path)
    if state_path is None or state_path == FROM_ONNX:
        return build_model(state_dict_from_onnx(onnx_path), config, onnx_path, version)
    return build_model(load_state_dict(state_path), config, state_path, version)


def check_sequences(sequences, config):
    """All sequences non-empty, of one length <= t, with ids < num_tokens."""
    if not sequences:
        raise ExportError("no sequences given")
    length = len(sequences[0])
    if not 1 <= length <= config.t:
        raise ExportError(f"sequence length {length} is outside 1..t (t={config.t})")
    for seq in sequences:
        if len(seq) != length:
            raise ExportError(f"sequence {seq} has length {len(seq)}, the first has {length}: write one folder per length")
        if any(not isinstance(x, int) or not 0 <= x < config.num_tokens for x in seq):
            raise ExportError(f"sequence {seq} has a token outside 0..{config.num_tokens - 1}")


@torch.no_grad()
def compute(model, sequences):
    """The contract tensors (of the model's contract version) for ``sequences`` as float32 numpy arrays, in order."""
    reps = model.get_representations(torch.tensor(sequences, dtype=torch.int64), version=model.version)
    return {name: reps[name].detach().numpy().astype("<f4") for name in contract_names(model.config.depth, model.version)}


def write_reference(model, sequences, out_dir, onnx_path):
    """Write manifest.json and the .f32 files; return the manifest dict."""
    check_sequences(sequences, model.config)
    os.makedirs(out_dir, exist_ok=True)
    tensors = {}
    for name, array in compute(model, sequences).items():
        file = f"{name}.f32"
        np.ascontiguousarray(array).tofile(os.path.join(out_dir, file))
        tensors[name] = {"file": file, "shape": list(array.shape)}
    manifest = {
        "contract": model.version,
        "model": os.path.relpath(os.path.abspath(onnx_path), os.path.abspath(out_dir)).replace(os.sep, "/"),
        "config": model.config.as_dict(),
        "sequences": [list(s) for s in sequences],
        "tensors": tensors,
    }
    with open(os.path.join(out_dir, MANIFEST), "w", encoding="utf-8") as f:
        f.write(format_manifest(manifest))
    return manifest


def format_manifest(manifest):
    """JSON with one line per sequence and per tensor: readable in a diff, still plain JSON."""

    def block(items, opener, closer):
        return opener + "\n" + ",\n".join("  " + item for item in items) + "\n " + closer

    fields = []
    for key, value in manifest.items():
        if key == "sequences":
            text = block([json.dumps(s, separators=(",", ":")) for s in value], "[", "]")
        elif key == "tensors":
            text = block([f"{json.dumps(n)}: {json.dumps(e)}" for n, e in value.items()], "{", "}")
        else:
            text = json.dumps(value)
        fields.append(f" {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def read_reference(out_dir):
    """(manifest, {name: numpy array}) from a reference folder; the inverse of write_reference."""
    with open(os.path.join(out_dir, MANIFEST), encoding="utf-8") as f:
        manifest = json.load(f)
    arrays = {}
    for name, entry in manifest["tensors"].items():
        data = np.fromfile(os.path.join(out_dir, entry["file"]), dtype="<f4")
        arrays[name] = data.reshape(entry["shape"])
    return manifest, arrays


def choose_sequences(args, config):
    """Explicit sequences first, then toy-task ones, then seeded random digits."""
    sequences = json.loads(args.sequences) if args.sequences else []
    if args.toy:
        import toytask

        sequences += toytask.reference_sequences(args.toy, seed=args.seed)
    if args.random:
        rng = random.Random(args.seed)
        length = args.length or config.t
        sequences += [[rng.randrange(config.num_tokens) for _ in range(length)] for _ in range(args.random)]
    return sequences


def main(argv=None):
    p = argparse.ArgumentParser(description="Write PyTorch's contract tensors for Java to compare with.")
    p.add_argument("state_dict", help=f"torch.save of the state dict, or {FROM_ONNX}: the weights in the ONNX file")
    p.add_argument("onnx", help="the exported model; its metadata gives the configuration")
    p.add_argument("out_dir")
    p.add_argument("--sequences", help="JSON array of token id arrays, written first")
    p.add_argument("--toy", type=int, default=0, help="add N toy-task sequences ([4,5,5,5,4] first)")
    p.add_argument("--random", type=int, default=0, help="add N random sequences")
    p.add_argument("--length", type=int, help="length of the random sequences (default t)")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    try:
        model = load_model(args.state_dict, args.onnx)
        manifest = write_reference(model, choose_sequences(args, model.config), args.out_dir, args.onnx)
    except (ExportError, json.JSONDecodeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    n = len(manifest["sequences"])
    print(f"wrote {args.out_dir}: {n} sequences of length {len(manifest['sequences'][0])}, {len(manifest['tensors'])} tensors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
