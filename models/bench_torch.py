"""How fast PyTorch eager computes every contract tensor: the baseline the Java side is held to.

    /usr/bin/python3 models/bench_torch.py [--onnx models/gtransformer.onnx] [--weights STATE_DICT.pt] \
        [--threads 1] [--batches 1,1024] [--length L] [--runs 7]

Works for any contract ONNX file written by export.py, with or without its ``.pt``: without
``--weights`` (or with ``--weights from-onnx``) the PyTorch model is rebuilt from the ONNX
file's initializers (named after the state dict keys, Linear weights as ``<key>.T``) and its
``gtlens.*`` metadata. With ``--weights`` the configuration still comes from the ONNX metadata.

Prints one JSON object, e.g.
``{"torch_seq_per_s": {"1": 2000.0, "1024": 150000.0}, "torch_version": "1.13.0", ...}``,
keyed by batch size. Each timed run pushes at least ``--min-seqs`` sequences through
``get_representations`` (so a batch of 1 is timed over many calls, not one), after warm-up
runs; the median run counts. Inputs are seeded random sequences of length ``--length``
(default t).
"""

import argparse
import json
import math
import os
import statistics
import sys
import time

import torch

from export import ExportError
from reference import FROM_ONNX, load_model

HERE = os.path.dirname(os.path.abspath(__file__))


def seq_per_second(model, batch, runs, warmup, min_seqs, seed, length=None):
    """Median sequences per second of ``get_representations`` over ``runs`` timed runs."""
    generator = torch.Generator().manual_seed(seed)
    config = model.config
    tokens = torch.randint(0, config.num_tokens, (batch, length or config.t), generator=generator)
    calls = max(1, math.ceil(min_seqs / batch))
    times = []
    with torch.inference_mode():
        for run in range(warmup + runs):
            start = time.perf_counter()
            for _ in range(calls):
                model.get_representations(tokens)
            if run >= warmup:
                times.append(time.perf_counter() - start)
    return batch * calls / statistics.median(times)


def parse_batches(text):
    """'1,14' -> [1, 14]; every entry a positive integer."""
    try:
        batches = [int(part) for part in text.split(",")]
    except ValueError:
        raise ExportError(f"--batches must be comma-separated positive integers, got {text!r}") from None
    if not batches or min(batches) < 1:
        raise ExportError(f"--batches must be comma-separated positive integers, got {text!r}")
    return batches


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--onnx", default=os.path.join(HERE, "gtransformer.onnx"),
                   help="contract ONNX model: gives the configuration, and the weights unless --weights is given")
    p.add_argument("--weights", default=FROM_ONNX,
                   help=f"state dict saved with torch.save; {FROM_ONNX} (default): the ONNX file's initializers")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--batches", default="1,1024", help="comma-separated batch sizes")
    p.add_argument("--length", type=int, help="sequence length, 1..t (default t)")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--min-seqs", type=int, default=1024, help="sequences per timed run at least")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    torch.set_num_threads(args.threads)
    try:
        batches = parse_batches(args.batches)
        model = load_model(args.weights, args.onnx)
        length = model.config.t if args.length is None else args.length
        if not 1 <= length <= model.config.t:
            raise ExportError(f"--length {length} is outside 1..t (t={model.config.t})")
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    result = {
        "torch_seq_per_s": {
            str(b): round(seq_per_second(model, b, args.runs, args.warmup, args.min_seqs, args.seed, length), 1)
            for b in batches
        },
        "torch_version": torch.__version__,
        "threads": args.threads,
        "length": length,
        "weights": args.weights if args.weights == FROM_ONNX else os.path.abspath(args.weights),
        "onnx": os.path.abspath(args.onnx),
        "config": model.config.as_dict(),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
