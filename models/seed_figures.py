"""Draw the six figures of the original notebook with matplotlib, for one sequence.

    /usr/bin/python3 models/seed_figures.py [--sequence '[4,5,5,5,4]'] [--out-dir DIR] [--bench N]

The figures are drawn the way the notebook did (a grid of annotated ``imshow`` heatmaps per
kind of tensor), so they serve both as the picture the Java charts should resemble and as the
time to beat: ``--bench N`` renders all six N times and prints
``{"matplotlib_six_figures_ms": {"cold": ms, "median_warm": ms}}``. The model is run once,
outside the timing, so only drawing and PNG writing are measured.

1. attention: blocks x heads, y "Out-Position i", x "In-Position j"
2-4. queries / keys / values: blocks x heads, y "Position i", x head dimension
5. out: one per block, y "Position i", x embedding dimension
6. probabilities: exp(block logprobs) per block, y "Position i", x "Vocab-Token v", 3 decimals
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from export import ExportError  # noqa: E402
from reference import load_model  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def _heatmap(ax, matrix, title, ylabel, xlabel, yticks, xticks=None, decimals=2):
    """One annotated heatmap: a text per cell, as the notebook did."""
    ax.imshow(matrix, cmap="viridis", aspect="auto")
    rows, cols = matrix.shape
    mid = (matrix.max() + matrix.min()) / 2
    for i in range(rows):
        for j in range(cols):
            value = matrix[i, j]
            ax.text(j, i, f"{value:.{decimals}f}", ha="center", va="center", fontsize=6,
                    color="black" if value > mid else "white")
    ax.set_title(title, fontsize=8)
    ax.set_ylabel(ylabel, fontsize=7)
    ax.set_xlabel(xlabel, fontsize=7)
    ax.set_yticks(range(rows), yticks, fontsize=6)
    ax.set_xticks(range(cols), xticks if xticks is not None else range(cols), fontsize=6)


def _grid(nrows, ncols, cell_w, cell_h):
    fig, axes = plt.subplots(nrows, ncols, figsize=(cell_w * ncols, cell_h * nrows), squeeze=False)
    return fig, axes


def draw_figures(reps, config, labels, out_dir):
    """Write the six PNGs for one sequence; ``reps`` are the contract tensors of a batch of one."""
    depth, heads = config.depth, config.heads
    pos = [f"{i}: {tok}" for i, tok in enumerate(labels["sequence"])]
    paths = []

    def save(fig, name):
        fig.tight_layout()
        path = os.path.join(out_dir, f"{name}.png")
        fig.savefig(path, dpi=80)
        plt.close(fig)
        paths.append(path)

    fig, axes = _grid(depth, heads, 3, 2.6)
    for b in range(depth):
        for h in range(heads):
            _heatmap(axes[b][h], reps[f"block{b}.attention"][0, h], f"block {b}, head {h}",
                     "Out-Position i", "In-Position j", pos, pos)
    save(fig, "attention")

    for kind in ("queries", "keys", "values"):
        fig, axes = _grid(depth, heads, 0.5 * config.d + 1.8, 2.6)
        for b in range(depth):
            for h in range(heads):
                _heatmap(axes[b][h], reps[f"block{b}.{kind}"][0, h], f"{kind}: block {b}, head {h}",
                         "Position i", "Head dim", pos)
        save(fig, kind)

    fig, axes = _grid(1, depth, 0.5 * config.k + 1.8, 2.8)
    for b in range(depth):
        _heatmap(axes[0][b], reps[f"block{b}.out"][0], f"out: block {b}", "Position i", "Embedding dim", pos)
    save(fig, "out")

    fig, axes = _grid(depth, 1, 0.55 * config.num_tokens + 1.8, 2.8)
    for b in range(depth):
        _heatmap(axes[b][0], np.exp(reps[f"block{b}.logprobs"][0]), f"next-token probabilities: block {b}",
                 "Position i", "Vocab-Token v", pos, labels["vocab"], decimals=3)
    save(fig, "probabilities")
    return paths


def vocab_labels(onnx_path, num_tokens):
    """Token labels from the model's ``gtlens.vocab`` metadata, else the ids."""
    import onnx

    props = {p.key: p.value for p in onnx.load(onnx_path).metadata_props}
    if "gtlens.vocab" in props:
        return json.loads(props["gtlens.vocab"])
    return [str(i) for i in range(num_tokens)]


def _causal_attention(rng, length):
    """A random causal attention map: softmax over the visible positions of each row."""
    scores = rng.standard_normal((length, length)) * 2
    scores[np.triu_indices(length, 1)] = -np.inf
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def bench_large(runs, out_dir, length=256, depth=12, heads=8):
    """Median warm milliseconds of matplotlib drawing what GT Lens draws for a model of former's default size:
    one head as an image with a colour bar, and the depth x heads grid of them (no per-cell text: at this size
    neither tool writes values into cells)."""
    rng = np.random.default_rng(0)
    maps = [[_causal_attention(rng, length) for _ in range(heads)] for _ in range(depth)]

    def head():
        fig, ax = plt.subplots(figsize=(7, 6))
        im = ax.imshow(maps[0][0], cmap="viridis", aspect="auto", interpolation="nearest")
        fig.colorbar(im, ax=ax)
        ax.set_title("Block 0 · Head 0")
        fig.savefig(os.path.join(out_dir, "head.png"), dpi=100)
        plt.close(fig)

    def grid():
        fig, axes = plt.subplots(depth, heads, figsize=(2 * heads, 2 * depth), squeeze=False)
        for b in range(depth):
            for h in range(heads):
                im = axes[b][h].imshow(maps[b][h], cmap="viridis", aspect="auto", interpolation="nearest",
                                       vmin=0, vmax=1)
                axes[b][h].set_title(f"Block {b} · Head {h}", fontsize=7)
                axes[b][h].tick_params(labelsize=5)
        fig.colorbar(im, ax=axes)
        fig.savefig(os.path.join(out_dir, "grid.png"), dpi=100)
        plt.close(fig)

    result = {}
    for name, draw in (("head_256", head), ("grid_12x8_256", grid)):
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            draw()
            times.append((time.perf_counter() - start) * 1000)
        result[name] = round(statistics.median(times[1:]), 1)
    return {"matplotlib_large_ms": result, "runs": runs, "matplotlib_version": matplotlib.__version__}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--weights", default=os.path.join(HERE, "gtransformer.pt"))
    p.add_argument("--onnx", default=os.path.join(HERE, "gtransformer.onnx"), help="gives configuration and vocab")
    p.add_argument("--sequence", default="[4,5,5,5,4]")
    p.add_argument("--out-dir", help="where the PNGs go (default: a new temporary folder)")
    p.add_argument("--bench", type=int, default=0, help="render the six figures N times and print timings")
    p.add_argument("--bench-large", type=int, default=0, metavar="N",
                   help="time N renders of a 256x256 head and of a 12x8 grid of them (former's default size)")
    args = p.parse_args(argv)
    if args.bench_large:
        print(json.dumps(bench_large(args.bench_large, args.out_dir or tempfile.mkdtemp(prefix="gtlens-large-"))))
        return 0

    try:
        model = load_model(args.weights, args.onnx)
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    sequence = json.loads(args.sequence)
    with torch.no_grad():
        reps = {k: v.numpy() for k, v in model.get_representations(torch.tensor([sequence])).items()}
    vocab = vocab_labels(args.onnx, model.config.num_tokens)
    labels = {"vocab": vocab, "sequence": [vocab[t] for t in sequence]}
    out_dir = args.out_dir or tempfile.mkdtemp(prefix="gtlens-figures-")
    os.makedirs(out_dir, exist_ok=True)

    if not args.bench:
        for path in draw_figures(reps, model.config, labels, out_dir):
            print(path)
        return 0

    times = []
    for _ in range(args.bench):
        start = time.perf_counter()
        draw_figures(reps, model.config, labels, out_dir)
        times.append((time.perf_counter() - start) * 1000)
    warm = times[1:] or times
    print(json.dumps({"matplotlib_six_figures_ms": {"cold": round(times[0], 1),
                                                    "median_warm": round(statistics.median(warm), 1)},
                      "runs": args.bench, "matplotlib_version": matplotlib.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
