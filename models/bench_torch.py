"""How fast PyTorch eager computes every contract tensor: the baseline the Java side is held to.

    /usr/bin/python3 models/bench_torch.py [--weights models/gtransformer.pt] \
        [--onnx models/gtransformer.onnx] [--threads 1] [--batches 1,1024] [--runs 7]

Prints one JSON object, e.g.
``{"torch_seq_per_s": {"1": 2000.0, "1024": 150000.0}, "torch_version": "1.13.0", ...}``.
Each timed run pushes at least ``--min-seqs`` sequences through ``get_representations`` (so a
batch of 1 is timed over many calls, not one), after warm-up runs; the median run counts.
Inputs are seeded random sequences of full length t, the model's configuration comes from the
ONNX file's metadata, as in the Java reader.
"""

import argparse
import json
import math
import os
import statistics
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from export import ExportError  # noqa: E402
from reference import load_model  # noqa: E402


def seq_per_second(model, batch, runs, warmup, min_seqs, seed):
    """Median sequences per second of ``get_representations`` over ``runs`` timed runs."""
    generator = torch.Generator().manual_seed(seed)
    config = model.config
    tokens = torch.randint(0, config.num_tokens, (batch, config.t), generator=generator)
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


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--weights", default=os.path.join(HERE, "gtransformer.pt"))
    p.add_argument("--onnx", default=os.path.join(HERE, "gtransformer.onnx"), help="gives the configuration")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--batches", default="1,1024", help="comma-separated batch sizes")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--min-seqs", type=int, default=1024, help="sequences per timed run at least")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    torch.set_num_threads(args.threads)
    try:
        model = load_model(args.weights, args.onnx)
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    result = {
        "torch_seq_per_s": {
            str(b): round(seq_per_second(model, b, args.runs, args.warmup, args.min_seqs, args.seed), 1)
            for b in (int(x) for x in args.batches.split(","))
        },
        "torch_version": torch.__version__,
        "threads": args.threads,
        "length": model.config.t,
        "config": model.config.as_dict(),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
