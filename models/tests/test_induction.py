"""The induction model (models/induction/): its export, its numbers and its mechanism, from the committed weights.

Nothing here trains: the committed induction.pt is loaded. analyse.py's numbers are recomputed with PyTorch and
compared with the committed expected.json (what models/README.md quotes), and the claims the Java tool must later
show are asserted on the recomputed values: one previous-token head in block 0 and one induction head in block 1,
far above the other heads; ablating either raises the second-half loss far more than any other head while the first
half barely changes; patching a pair that differs in one first-half token restores the answer through the changed
token's position, the previous-token head, the position after the changed token in block 1, and the induction head.
"""

import json
import math
import os

import numpy as np
import onnx
import pytest
import torch

import analyse
import make_examples
import mechanism
import repeat_task
import train_induction
from export import export
from helpers import INDUCTION_DIR, INDUCTION_ONNX, INDUCTION_PT, assert_follows_contract, metadata
from reference import config_from_onnx, load_model, state_dict_from_onnx

EXPECTED = os.path.join(INDUCTION_DIR, "expected.json")


@pytest.fixture(scope="module")
def model():
    return mechanism.load(INDUCTION_PT, train_induction.CONFIG)


@pytest.fixture(scope="module")
def expected():
    with open(EXPECTED, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def result(model):
    """analyse.py's numbers, recomputed from the committed weights (about 10 s)."""
    return analyse._round(analyse.analyse(model, train_induction.SPEC))


# ---------------------------------------------------------------------------- export


def test_onnx_follows_contract_2():
    proto = onnx.load(INDUCTION_ONNX)
    config = config_from_onnx(INDUCTION_ONNX)
    assert config.as_dict() == train_induction.CONFIG
    assert_follows_contract(proto, config, vocab=repeat_task.vocab(config.num_tokens))
    description = metadata(proto)["gtlens.description"]
    assert "induction" in description.lower() and "block 0 head 2" in description and "block 1 head 1" in description


def test_onnx_holds_the_committed_weights():
    saved = torch.load(INDUCTION_PT, map_location="cpu")
    rebuilt = state_dict_from_onnx(INDUCTION_ONNX)
    assert sorted(saved) == sorted(rebuilt)
    for key, value in saved.items():
        assert torch.equal(value, rebuilt[key]), key


def test_reexport_is_the_committed_file(tmp_path):
    proto = onnx.load(INDUCTION_ONNX)
    meta = metadata(proto)
    out = tmp_path / "induction.onnx"
    export(INDUCTION_PT, str(out), config_from_onnx(INDUCTION_ONNX), vocab=json.loads(meta["gtlens.vocab"]),
           description=meta["gtlens.description"])
    again = onnx.load(str(out))
    assert again.graph.SerializeToString() == proto.graph.SerializeToString()
    assert metadata(again) == meta


def test_files_are_small():
    for name in ("induction.onnx", "induction.pt"):
        assert os.path.getsize(os.path.join(INDUCTION_DIR, name)) < 1_000_000, name


def test_load_model_is_the_mechanism_model():
    a, b = load_model(INDUCTION_PT, INDUCTION_ONNX), mechanism.load(INDUCTION_PT, train_induction.CONFIG)
    tokens = torch.tensor(make_examples.read_repeats()[:4])
    with torch.no_grad():
        assert torch.equal(a.final_logprobs(tokens), b(tokens))


# ---------------------------------------------------------------------------- example tables


def test_example_tables_are_what_make_examples_writes(tmp_path):
    paths = {"repeats_csv": tmp_path / "r.csv", "pairs_csv": tmp_path / "p.csv", "pairs_json": tmp_path / "p.json"}
    make_examples.write(32, 48, 7, 32, 16, **{k: str(v) for k, v in paths.items()})
    for key, committed in (("repeats_csv", make_examples.REPEATS_CSV), ("pairs_csv", make_examples.PAIRS_CSV),
                           ("pairs_json", make_examples.PAIRS_JSON)):
        assert paths[key].read_bytes() == open(committed, "rb").read(), key


def test_example_tables_are_what_they_say():
    table = make_examples.read_repeats()
    with open(make_examples.REPEATS_CSV, encoding="utf-8") as f:
        assert f.readline() == "tokens\n"
    assert len(table) == 32
    for seq in table:
        half = len(seq) // 2
        assert len(seq) == train_induction.CONFIG["t"] and seq[:half] == seq[half:] and len(set(seq[:half])) == half
    with open(make_examples.PAIRS_CSV, encoding="utf-8") as f:
        assert f.readline() == "clean,corrupted\n"
        assert all(row[0].startswith('"') for row in f)
    pairs = make_examples.read_pairs()
    with open(make_examples.PAIRS_JSON, encoding="utf-8") as f:
        as_json = json.load(f)
    assert [(p["clean"], p["corrupted"]) for p in as_json] == pairs
    for clean, corrupted in pairs:
        length = len(clean)
        assert length == 24
        changed = [i for i in range(length) if clean[i] != corrupted[i]]
        assert changed == [7] and corrupted[7] not in clean
        assert clean[16:] == clean[:8]  # the second occurrence, cut after t/4 tokens


# ---------------------------------------------------------------------------- numbers


def _compare(got, want, where=""):
    if isinstance(want, dict):
        assert sorted(got) == sorted(want), where
        for key in want:
            _compare(got[key], want[key], f"{where}.{key}")
    elif isinstance(want, list):
        assert len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want)):
            _compare(g, w, f"{where}[{i}]")
    elif isinstance(want, float):
        assert math.isclose(got, want, abs_tol=2e-5, rel_tol=1e-5), (where, got, want)
    else:
        assert got == want, where


def test_expected_json_is_reproduced(result, expected):
    """Every number models/README.md quotes, recomputed from the committed weights."""
    _compare(result, expected)


def test_accuracy(result):
    chance = result["accuracy"]["chance"]
    table = result["repeats_table"]
    assert table["second_half_accuracy"] > 0.95
    assert table["first_half_accuracy"] < 2 * chance
    held = result["accuracy"]["held_out"]
    assert held["repeat"] > 0.95 and abs(held["first"] - chance) < 0.01
    for entry in result["accuracy"]["by_segment_length"]:
        assert entry["first"] < 2 * chance
        if entry["segment"] >= 10:  # longer segments than trained included
            assert entry["repeat"] > 0.94, entry
    longer = [e for e in result["accuracy"]["by_segment_length"] if not e["trained"]]
    assert longer and all(e["repeat"] > 0.95 for e in longer)


def test_one_previous_token_head_and_one_induction_head(result):
    prev = np.asarray(result["head_scores"]["previous_token"])
    ind = np.asarray(result["head_scores"]["induction"])
    assert result["previous_token_head"] == [0, 2] and result["induction_head"] == [1, 1]
    others = prev.copy()
    others[0, 2] = -1
    assert prev[0, 2] > 0.45 and prev[0, 2] > 3 * others.max()
    others = ind.copy()
    others[1, 1] = -1
    assert ind[1, 1] > 0.7 and ind[1, 1] > 10 * others.max()


@pytest.mark.parametrize("method", ["zero", "mean"])
def test_ablation_of_the_two_heads(result, method):
    clean = result["ablation"]["clean"]
    rows = {(e["block"], e["head"]): e[method] for e in result["ablation"]["heads"]}
    circuit = [(0, 2), (1, 1)]
    rise = {k: r["second_half_loss"] - clean["second_half_loss"] for k, r in rows.items()}
    biggest_other = max(abs(v) for k, v in rise.items() if k not in circuit)
    for k in circuit:
        assert rise[k] > 2.0 and rise[k] > 20 * biggest_other, (k, rise)
        assert rows[k]["loss_increase"] > 1.0
    for k, r in rows.items():
        assert abs(r["first_half_loss"] - clean["first_half_loss"]) < 0.05, k
        if k not in circuit:
            assert abs(r["loss_increase"]) < 0.05, k


def test_patching_shows_the_path(result):
    p = result["patching"]
    assert p["changed_position"] == 7 and p["answer_is_induction"] == 1.0
    sites = {(s["site"], s["block"], s["head"] if s["site"] == "head" else s["position"]): s["mean"] for s in p["sites"]}
    path = [("resid", 0, 7), ("head", 0, 2), ("resid", 1, 8), ("head", 1, 1)]
    for site in path:
        assert sites[site] > 0.9, site
    for site, value in sites.items():
        if site not in path:
            assert abs(value) < 0.1, site


def test_ablation_reference_names_the_same_heads():
    """The committed causal.py ablation.json (the Java tool's reference) agrees: the two heads stand out."""
    with open(os.path.join(INDUCTION_DIR, "ablation.json"), encoding="utf-8") as f:
        data = json.load(f)
    for method, section in data["methods"].items():
        means = {}
        for run in section["runs"]:
            means.setdefault((run["block"], run["head"]), []).append(run["loss_increase"])
        means = {k: float(np.mean(v)) for k, v in means.items()}
        ranked = sorted(means, key=lambda k: -means[k])
        assert set(ranked[:2]) == {(0, 2), (1, 1)}, (method, means)
        assert means[ranked[2]] < 0.1 * means[ranked[1]], (method, means)


def test_scripts_run_from_anywhere(tmp_path):
    """The scripts in models/induction/ find their neighbours and models/'s modules without PYTHONPATH."""
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH="")
    vocab = subprocess.run([sys.executable, os.path.join(INDUCTION_DIR, "make_examples.py"), "--json", "vocab", "3"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert vocab.returncode == 0 and json.loads(vocab.stdout) == ["a", "b", "c"], vocab.stderr
    for script in ("analyse.py", "train_induction.py", "check_mechanism.py"):
        run = subprocess.run([sys.executable, os.path.join(INDUCTION_DIR, script), "--help"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=180)
        assert run.returncode == 0 and run.stdout.startswith("usage: " + script), (script, run.stderr)
