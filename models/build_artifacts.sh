#!/usr/bin/env bash
# Regenerate every committed artifact under models/ (about four minutes on 2 cores):
#   models/gtransformer.pt, models/gtransformer.onnx, models/reference/,
#   models/second/second.pt, models/second/second.onnx, models/second/reference/, models/second/reference-short/,
#   models/second/mixed.json, models/second/mixed/,
#   models/mid/mid.pt, models/mid/mid.onnx, models/mid/reference/, models/mid/reference-short/,
#   and in every reference folder derived.json (+ files); in models/reference also groups.json, groups/;
#   the causal analyses: models/reference/ablation.json, models/reference/patching.json,
#   models/second/ablation.json, models/second/patching.json, models/mid/ablation.json, models/mid/patching.json
#   (the pairs they patch are inputs: models/pairs/*.json; pairs/induction.json is written below);
#   the induction model: docs/examples/induction_repeats.csv, docs/examples/induction_pairs.csv, pairs/induction.json,
#   models/induction/induction.pt (about two minutes of training), induction.onnx, reference/, reference-short/,
#   ablation.json, patching.json, expected.json, expected.txt.
# Deterministic on one machine: seeded training with a fixed thread count, seeded sequences, one PyTorch thread.
# Usage: bash models/build_artifacts.sh [--skip-train]
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-/usr/bin/python3}
export OMP_NUM_THREADS=1  # the thread count moves PyTorch's last bits; the scripts below use one thread

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

# Third configuration: medium size (6 blocks, length 64), seeded random weights, scaling "head", dynamic length.
mkdir -p mid
"$PY" make_random.py mid/mid.pt --k 64 --heads 4 --depth 6 --t 64 --num-tokens 64 --seed 64
"$PY" export.py mid/mid.pt mid/mid.onnx --k 64 --heads 4 --depth 6 --t 64 --num-tokens 64 \
  --scaling head \
  --description "Untrained: seeded random weights (seed 64), a medium size to test readers on 6 blocks and length 64"
rm -rf mid/reference mid/reference-short
"$PY" reference.py mid/mid.pt mid/mid.onnx mid/reference --random 4 --length 64 --seed 3
"$PY" reference.py mid/mid.pt mid/mid.onnx mid/reference-short --random 3 --length 17 --seed 5

# Derived representations (docs/contract.md), computed from PyTorch's reference tensors above.
rm -rf reference/groups second/mixed
"$PY" derived.py derive reference --toy-groups 0
"$PY" derived.py derive second/reference second/reference-short mid/reference mid/reference-short
"$PY" derived.py mixed second/mixed.json second/reference second/reference-short

# Causal analyses (docs/contract.md): head ablation and activation patching, with hooks on the PyTorch model.
"$PY" causal.py ablate gtransformer.onnx reference --weights gtransformer.pt --groups reference/groups.json \
  --out reference/ablation.json
"$PY" causal.py patch gtransformer.onnx --weights gtransformer.pt --pairs pairs/toy.json --out reference/patching.json
for m in second mid; do
  "$PY" causal.py ablate $m/$m.onnx $m/reference $m/reference-short --weights $m/$m.pt --out $m/ablation.json
  "$PY" causal.py patch $m/$m.onnx --weights $m/$m.pt --pairs pairs/$m.json --out $m/patching.json
done

# Fourth model: induction heads (models/induction/): trained on random tokens with a repeated segment.
# Its example tables (docs/examples/induction_*.csv, pairs/induction.json) are seeded and written first.
"$PY" induction/make_examples.py
if [[ "${1:-}" != "--skip-train" ]]; then
  "$PY" induction/train_induction.py --out induction/induction.pt
fi
"$PY" export.py induction/induction.pt induction/induction.onnx --k 64 --heads 4 --depth 2 --t 32 --num-tokens 48 \
  --scaling head --vocab "$("$PY" induction/make_examples.py --json vocab 48)" \
  --description "Induction task: 48 random tokens (a-z, A-V) with a segment of distinct tokens that repeats at random offsets; next-token prediction. Previous-token head: block 0 head 2; induction head: block 1 head 1"
rm -rf induction/reference induction/reference-short
"$PY" reference.py induction/induction.pt induction/induction.onnx induction/reference \
  --sequences "$("$PY" induction/make_examples.py --json repeats 8)"
"$PY" reference.py induction/induction.pt induction/induction.onnx induction/reference-short \
  --sequences "$("$PY" induction/make_examples.py --json pairs 4)"
"$PY" derived.py derive induction/reference induction/reference-short
"$PY" causal.py ablate induction/induction.onnx induction/reference induction/reference-short \
  --weights induction/induction.pt --out induction/ablation.json
"$PY" causal.py patch induction/induction.onnx --weights induction/induction.pt --pairs pairs/induction.json \
  --out induction/patching.json
"$PY" induction/analyse.py --model induction/induction.pt --out induction/expected.json > induction/expected.txt
