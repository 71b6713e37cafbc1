#!/usr/bin/env bash
# Regenerate every committed artifact under models/ (about a minute on 2 cores):
#   models/gtransformer.pt, models/gtransformer.onnx, models/reference/,
#   models/second/second.pt, models/second/second.onnx, models/second/reference/, models/second/reference-short/
# Deterministic on one machine: seeded training with a fixed thread count, seeded sequences.
# Usage: bash models/build_artifacts.sh [--skip-train]
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-/usr/bin/python3}

if [[ "${1:-}" != "--skip-train" ]]; then
  "$PY" train.py --out gtransformer.pt
fi

"$PY" export.py gtransformer.pt gtransformer.onnx --k 6 --heads 3 --depth 2 --t 5 --num-tokens 10 \
  --scaling head \
  --description "Toy task: digit sequences of length 5 from five patterns (increasing, decreasing, palindrome, cycle, fibonacci); next-token prediction"
rm -rf reference
"$PY" reference.py gtransformer.pt gtransformer.onnx reference --toy 64 --seed 0

# Second configuration: seeded random weights, scaling "full", letter labels, dynamic length.
mkdir -p second
"$PY" make_random.py second/second.pt --k 8 --heads 2 --depth 3 --t 7 --num-tokens 12 --seed 12
"$PY" export.py second/second.pt second/second.onnx --k 8 --heads 2 --depth 3 --t 7 --num-tokens 12 \
  --scaling full --vocab '["<pad>","a","b","c","d","e","f","g","h","i","j","k"]' \
  --description "Untrained: seeded random weights (seed 12), to test readers on another shape"
rm -rf second/reference second/reference-short
"$PY" reference.py second/second.pt second/second.onnx second/reference --random 32 --length 7 --seed 1
"$PY" reference.py second/second.pt second/second.onnx second/reference-short --random 8 --length 3 --seed 2
