"""Every script runs from any working directory without patching sys.path, as the Java side calls them.

A script run as ``python3 models/x.py`` has its own folder first on sys.path, which is all the
imports between the scripts need; only tests/conftest.py adds models/ (for the tests' imports).
"""

import ast
import importlib.util
import json
import os
import re
import subprocess
import sys

from helpers import MODELS

SCRIPTS = ["bench_causal.py", "bench_torch.py", "causal.py", "derived.py", "export.py", "make_random.py", "reference.py",
           "seed_figures.py", "train.py"]
REPO = os.path.dirname(MODELS)


def test_no_script_patches_sys_path():
    for name in sorted(os.listdir(MODELS)):
        if name.endswith(".py"):
            with open(os.path.join(MODELS, name), encoding="utf-8") as f:
                assert not re.search(r"sys\.path\.(insert|append)|sys\.path\s*=", f.read()), name


def _local_imports(path):
    """Top-level modules a script imports that live in models/ (found there through sys.path[0])."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return {n for n in names if importlib.util.find_spec(n) is None or os.path.isfile(os.path.join(MODELS, n + ".py"))}


def test_scripts_import_only_their_neighbours():
    """What a script imports is installed or a file next to it, so sys.path[0] (the script's folder) suffices."""
    for name in SCRIPTS:
        for module in _local_imports(os.path.join(MODELS, name)):
            assert os.path.isfile(os.path.join(MODELS, module + ".py")), f"{name} imports {module}"


def test_scripts_run_from_anywhere(tmp_path):
    """The two calls of the Java benchmark, at once (each starts torch); export.py runs from elsewhere in test_errors."""
    python = sys.executable
    env = dict(os.environ, PYTHONPATH="")
    runs = {
        # as BenchCommand does: from the repository root, relative script path, default model and batches
        "bench": subprocess.Popen(
            [python, "models/bench_torch.py", "--threads", "1", "--runs", "1", "--warmup", "0", "--min-seqs", "1"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
        # and seed_figures.py by its absolute path, here from a foreign folder
        "figures": subprocess.Popen([python, os.path.join(MODELS, "seed_figures.py"), "--help"],
                                    cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
    }
    results = {name: (p.communicate(timeout=180), p.returncode) for name, p in runs.items()}
    for name, ((_, err), rc) in results.items():
        assert rc == 0, f"{name}: {err}"
    bench = json.loads(results["bench"][0][0].strip().splitlines()[-1])
    assert list(bench["torch_seq_per_s"]) == ["1", "1024"] and bench["weights"] == "from-onnx"
    assert bench["config"]["depth"] == 2
    assert results["figures"][0][0].startswith("usage: seed_figures.py")
