"""How fast PyTorch runs the two causal analyses with hooks: the baselines for the Java side's ``gtlens bench``.

    /usr/bin/python3 models/bench_causal.py ablate [--onnx models/gtransformer.onnx] [--weights from-onnx] \
        [--sequences 8] [--batch 64] [--threads 1] [--length L] [--runs 3] [--seed 0]
    /usr/bin/python3 models/bench_causal.py patch [--onnx ...] [--weights ...] [--batch 64] [--threads 1] \
        [--length L] [--runs 1] [--seed 0]

Both time causal.py's own code (forward hooks on ``hook_z`` / ``hook_resid_pre``), batched as the Java
side batches: ``ablate`` is the zero ablation of every head of ``--sequences`` random sequences of
length ``--length`` (default t), rows in sequence-major order (each sequence's clean run, then its
depth x heads ablated runs), ``--batch`` rows per forward pass, metrics included; ``patch`` is the
resid and head patching of one random pair (two sequences differing in their first token) at that
length: the clean and corrupted runs, then depth x L resid runs and depth x heads head runs,
``--batch`` at a time. Like bench_torch.py the model is rebuilt from any contract ONNX file's
initializers and metadata unless ``--weights`` is given. After one untimed warm-up forward pass of
``--batch`` rows, ``--runs`` timed runs; the median counts. Prints one JSON line:
``{"torch_ablation_seq_per_s": ..., ...}`` or ``{"torch_patching_s": ..., ...}``.
"""

import argparse
import json
import os
import statistics
import sys
import time

import torch

from causal import head_ablation, patch_pair, patch_rows, run_edited
from export import ExportError
from reference import FROM_ONNX, load_model

HERE = os.path.dirname(os.path.abspath(__file__))


def _timed(work, runs):
    """Median seconds of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", choices=("ablate", "patch"))
    p.add_argument("--onnx", default=os.path.join(HERE, "gtransformer.onnx"))
    p.add_argument("--weights", default=FROM_ONNX,
                   help=f"state dict saved with torch.save; {FROM_ONNX} (default): the ONNX file's initializers")
    p.add_argument("--sequences", type=int, default=8, help="ablate: how many sequences")
    p.add_argument("--batch", type=int, default=64, help="runs per forward pass")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--length", type=int, help="sequence length, 1..t (default t)")
    p.add_argument("--runs", type=int, help="timed runs, the median counts (default 3 for ablate, 1 for patch)")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    try:
        for name in ("sequences", "batch", "threads"):
            if getattr(args, name) < 1:
                raise ExportError(f"--{name} must be at least 1, got {getattr(args, name)}")
        model = load_model(args.weights, args.onnx)
        config = model.config
        length = config.t if args.length is None else args.length
        if not 1 <= length <= config.t:
            raise ExportError(f"--length {length} is outside 1..t (t={config.t})")
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    runs = args.runs or (3 if args.mode == "ablate" else 1)
    generator = torch.Generator().manual_seed(args.seed)
    count = args.sequences if args.mode == "ablate" else 2
    tokens = torch.randint(0, config.num_tokens, (count, length), generator=generator)
    if args.mode == "patch":
        tokens[1, 0] = (tokens[0, 0] + 1) % config.num_tokens
    run_edited(model, tokens[:1].expand(args.batch, length))  # warm-up
    result = {"threads": args.threads, "batch": args.batch, "length": length}
    if args.mode == "ablate":
        sequences = tokens.tolist()
        seconds = _timed(lambda: head_ablation(model, [sequences], "zero", args.batch), runs)
        result = dict({"torch_ablation_seq_per_s": round(args.sequences / seconds, 3), "sequences": args.sequences,
                       "runs_per_sequence": 1 + config.depth * config.heads}, **result)
    else:
        clean, corrupted = tokens.tolist()
        seconds = _timed(lambda: patch_pair(model, clean, corrupted, batch=args.batch), runs)
        result = dict({"torch_patching_s": round(seconds, 4), "runs": 2 + len(patch_rows(config, length))}, **result)
    result.update({"timed_runs": runs, "torch_version": torch.__version__,
                   "weights": args.weights if args.weights == FROM_ONNX else os.path.abspath(args.weights),
                   "onnx": os.path.abspath(args.onnx), "config": config.as_dict()})
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
