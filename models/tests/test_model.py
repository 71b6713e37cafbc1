"""The PyTorch model: former's names, the two scalings, any length, the toy task's promises."""

import math

import pytest
import torch
import torch.nn.functional as F

import toytask
from gtransformer import GTransformer, contract_names, contract_shapes


def former_keys(depth):
    """The state dict keys of former.GTransformer (default attention), written out by hand."""
    keys = ["token_embedding.weight", "pos_embedding.weight"]
    for i in range(depth):
        p = f"tblocks.{i}."
        keys += [p + "attention.tokeys.weight", p + "attention.toqueries.weight", p + "attention.tovalues.weight",
                 p + "attention.unifyheads.weight", p + "attention.unifyheads.bias",
                 p + "norm1.weight", p + "norm1.bias", p + "norm2.weight", p + "norm2.bias",
                 p + "ff.0.weight", p + "ff.0.bias", p + "ff.2.weight", p + "ff.2.bias"]
    return keys + ["toprobs.weight", "toprobs.bias"]


def former_shapes(k, t, v, key):
    if key == "token_embedding.weight":
        return (v, k)
    if key == "pos_embedding.weight":
        return (t, k)
    if key == "toprobs.weight":
        return (v, k)
    if key == "toprobs.bias":
        return (v,)
    if key.endswith("ff.0.weight"):
        return (4 * k, k)
    if key.endswith("ff.0.bias"):
        return (4 * k,)
    if key.endswith("ff.2.weight") or key.endswith(("tokeys.weight", "toqueries.weight", "tovalues.weight",
                                                    "unifyheads.weight")):
        return (k, 4 * k) if key.endswith("ff.2.weight") else (k, k)
    return (k,)


def test_former_state_dict_loads_strictly():
    k, t, v, depth = 8, 7, 12, 3
    state = {key: torch.randn(former_shapes(k, t, v, key)) for key in former_keys(depth)}
    model = GTransformer(k, 2, depth, t, v)
    model.load_state_dict(state, strict=True)
    assert list(model.state_dict()) == former_keys(depth)  # the mask buffer is not persistent


def _manual_attention(model, block, x, scale):
    """Attention written out longhand from the weights, with the given logit divisor."""
    att = model.tblocks[block].attention
    b, n, k = x.shape
    h = att.heads
    split = lambda y: y.view(b, n, h, k // h).transpose(1, 2)  # noqa: E731
    q, kk = split(att.toqueries(x)), split(att.tokeys(x))
    logits = q @ kk.transpose(-1, -2) / scale
    logits = logits.masked_fill(torch.ones(n, n).triu(1).bool(), -math.inf)
    return F.softmax(logits, -1), q, kk


@pytest.mark.parametrize("scaling", ["head", "full"])
def test_scaling_matches_formula(scaling):
    torch.manual_seed(0)
    model = GTransformer(8, 2, 1, 7, 12, scaling=scaling).eval()
    tokens = torch.randint(0, 12, (3, 7))
    reps = model.get_representations(tokens)
    x = model.embed(tokens)
    scale = math.sqrt(8 / 2) if scaling == "head" else math.sqrt(8)
    attention, q, k = _manual_attention(model, 0, x, scale)
    torch.testing.assert_close(reps["block0.attention"], attention)
    torch.testing.assert_close(reps["block0.queries"], q)  # reported before scaling
    torch.testing.assert_close(reps["block0.keys"], k)


def test_full_and_head_scaling_differ():
    torch.manual_seed(0)
    head = GTransformer(8, 2, 2, 7, 12, scaling="head").eval()
    full = GTransformer(8, 2, 2, 7, 12, scaling="full").eval()
    full.load_state_dict(head.state_dict())
    tokens = torch.randint(0, 12, (4, 7))
    a, b = head.get_representations(tokens), full.get_representations(tokens)
    torch.testing.assert_close(a["block0.queries"], b["block0.queries"])
    assert (a["block0.attention"] - b["block0.attention"]).abs().max() > 1e-3
    assert (a["logprobs"] - b["logprobs"]).abs().max() > 1e-3


def test_every_length_and_causality():
    """Any 1 <= L <= t works, and a prefix's tensors are the first rows of the full sequence's."""
    torch.manual_seed(1)
    model = GTransformer(8, 2, 3, 7, 12).eval()
    tokens = torch.randint(0, 12, (2, 7))
    full = model.get_representations(tokens)
    for length in range(1, 8):
        reps = model.get_representations(tokens[:, :length])
        shapes = contract_shapes(model.config, 2, length)
        assert list(reps) == contract_names(3)
        for name, tensor in reps.items():
            assert list(tensor.shape) == shapes[name], name
            cut = full[name][:, :, :length, :length] if name.endswith("attention") else (
                full[name][:, :, :length] if name.endswith(("queries", "keys", "values", ".z")) else full[name][:, :length])
            torch.testing.assert_close(tensor, cut, atol=1e-5, rtol=1e-5)


def test_forward_is_final_logprobs():
    torch.manual_seed(2)
    model = GTransformer(6, 3, 2, 5, 10).eval()
    tokens = torch.randint(0, 10, (3, 5))
    reps = model.get_representations(tokens)
    torch.testing.assert_close(model(tokens), reps["logprobs"])
    torch.testing.assert_close(reps["block1.logprobs"], reps["logprobs"])


def test_toy_classes_never_disagree_on_a_completion():
    table = toytask.completion_table()
    assert table[tuple(toytask.EXAMPLE[:-1])] == toytask.EXAMPLE[-1]
    assert toytask.EXAMPLE in toytask.CLASS_BY_NAME["palindrome"].members()
    assert 4 <= len(toytask.CLASSES) <= 6
    for cls in toytask.CLASSES:
        assert cls.example in cls.members(), cls.name


def test_hook_points_hold_no_parameters():
    """hook_z and hook_resid_pre are where the causal analyses act; former's state dict is unchanged by them."""
    model = GTransformer(8, 2, 3, 7, 12)
    assert [name for name, _ in model.named_modules() if "hook_" in name] == [
        f"tblocks.{i}.{hook}" for i in range(3) for hook in ("hook_resid_pre", "attention.hook_z")]
    assert list(model.state_dict()) == former_keys(3)
    assert not any("hook_" in key for key in model.former_state_dict()._metadata)


def test_hooks_see_what_the_contract_reports():
    """hook_z's output is block{i}.z (each head's attention x values); hook_resid_pre's is the stream entering
    block i: the embedding, then block{i-1}.out."""
    from gtransformer import Interventions

    torch.manual_seed(3)
    model = GTransformer(8, 2, 3, 7, 12).eval()
    tokens = torch.randint(0, 12, (2, 6))
    seen = {}
    handles = [model.tblocks[i].attention.hook_z.register_forward_hook(
        lambda m, a, out, i=i: seen.__setitem__(("z", i), out)) for i in range(3)]
    handles += [model.tblocks[i].hook_resid_pre.register_forward_hook(
        lambda m, a, out, i=i: seen.__setitem__(("resid", i), out)) for i in range(3)]
    with torch.no_grad():
        reps = model.get_representations(tokens)
        neutral = model.get_representations(tokens, Interventions.neutral(model.config))
    for handle in handles:
        handle.remove()
    for i in range(3):
        assert torch.equal(seen[("z", i)], reps[f"block{i}.z"])
        torch.testing.assert_close(reps[f"block{i}.z"], reps[f"block{i}.attention"] @ reps[f"block{i}.values"])
        assert torch.equal(seen[("resid", i)], reps["embedding"] if i == 0 else reps[f"block{i - 1}.out"])
    for name, tensor in reps.items():
        assert torch.equal(neutral[name], tensor), name  # keep 1, repl 0: bit for bit
    assert torch.equal(model(tokens), reps["logprobs"])
