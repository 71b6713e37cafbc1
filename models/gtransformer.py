"""A generating transformer in the style of pbloem's ``former`` that exposes its insides.

The module and parameter names are exactly those of ``former.GTransformer`` with the
default attention (``token_embedding``, ``pos_embedding``,
``tblocks.{i}.attention.tokeys|toqueries|tovalues|unifyheads``, ``tblocks.{i}.norm1|norm2``,
``tblocks.{i}.ff.0|ff.2``, ``toprobs``), so a state dict trained with former loads here with
``strict=True`` and the lens sees the very weights the user trained.

Two things differ from former on purpose, both so that the model exports to ONNX:
* the causal mask is a constant boolean buffer (``torch.triu(ones(t, t), 1)``) applied with
  ``masked_fill(-inf)``, which exports as ``Where``; former's in-place ``mask_`` does not export.
  The buffer is non-persistent, so it never appears in (or is required from) a state dict.
* every block returns its attention weights, queries, keys, values and head outputs next to its
  output, so ``get_representations`` can report all tensors named in the representation contract
  (``docs/contract.md`` in the repository).

Causal analyses need two places to act on, named as in TransformerLens: ``tblocks.{i}.hook_resid_pre``
(the residual stream entering block i) and ``tblocks.{i}.attention.hook_z`` (each head's output
[b, h, L, d] before the heads are joined). Both are ``nn.Identity`` modules, so they hold no
parameters and the state dict stays former's; a forward hook on them can read or replace the value
(``causal.py``). The exported graph instead takes the contract's intervention inputs
(``Interventions``), which apply ``keep * value + (1 - keep) * repl`` at the same two places.
"""

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn

SCALINGS = ("head", "full")
INTERVENTION_INPUTS = ("head_keep", "head_repl", "resid_keep", "resid_repl")


def intervene(value, keep, repl):
    """The contract's intervention at one site: ``keep * value + (1 - keep) * repl`` (broadcast).

    With keep = 1 and repl = 0 this is ``value`` to the bit (1 * v = v, (1 - 1) * 0 = 0, v + 0 = v).
    """
    return keep * value + (1 - keep) * repl


@dataclass(frozen=True)
class Interventions:
    """The four intervention inputs of contract version 2, as tensors.

    ``head_keep`` [B, depth, heads, Lh, 1], ``head_repl`` [B, depth, heads, Lh, d], ``resid_keep``
    [B, depth, Lr, 1], ``resid_repl`` [B, depth, Lr, k]; each B is 1 or the batch size, each L 1 or
    the length, and they broadcast against the value at the site.
    """

    head_keep: torch.Tensor
    head_repl: torch.Tensor
    resid_keep: torch.Tensor
    resid_repl: torch.Tensor

    @classmethod
    def neutral(cls, config):
        """keep = 1, repl = 0 at every site, with every batch and length dim 1: changes nothing."""
        shapes = intervention_shapes(config, 1, 1)
        return cls(*(torch.ones(shapes[name]) if name.endswith("keep") else torch.zeros(shapes[name])
                     for name in INTERVENTION_INPUTS))

    def block(self, i):
        """(head_keep, head_repl, resid_keep, resid_repl) of block i: the depth axis indexed away."""
        return self.head_keep[:, i], self.head_repl[:, i], self.resid_keep[:, i], self.resid_repl[:, i]


@dataclass(frozen=True)
class Config:
    """Hyper-parameters that fix every tensor shape (the ``gtlens.*`` metadata of the contract)."""

    k: int
    heads: int
    depth: int
    t: int
    num_tokens: int
    scaling: str = "head"

    def __post_init__(self):
        for name in ("k", "heads", "depth", "t", "num_tokens"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.k % self.heads != 0:
            raise ValueError(f"k ({self.k}) must be divisible by heads ({self.heads})")
        if self.scaling not in SCALINGS:
            raise ValueError(f"scaling must be one of {SCALINGS}, got {self.scaling!r}")

    @property
    def d(self):
        """Width of one head."""
        return self.k // self.heads

    def as_dict(self):
        return asdict(self)


class SelfAttention(nn.Module):
    """Causal multi-head self-attention that also returns what it computed on the way.

    ``scaling='head'`` divides the logits by sqrt(k/heads) (former since May 2024);
    ``scaling='full'`` divides queries and keys each by k^(1/4) (former before), i.e. the
    logits by sqrt(k). The queries and keys returned are those *before* scaling, as the
    contract asks, so the two scalings expose the same projections.
    """

    def __init__(self, k, heads, t, scaling="head"):
        super().__init__()
        if k % heads != 0:
            raise ValueError(f"k ({k}) must be divisible by heads ({heads})")
        if scaling not in SCALINGS:
            raise ValueError(f"scaling must be one of {SCALINGS}, got {scaling!r}")
        self.k, self.heads, self.scaling = k, heads, scaling
        self.tokeys = nn.Linear(k, k, bias=False)
        self.toqueries = nn.Linear(k, k, bias=False)
        self.tovalues = nn.Linear(k, k, bias=False)
        self.unifyheads = nn.Linear(k, k)
        self.hook_z = nn.Identity()  # the heads' outputs [b, h, L, d]; no parameters, so former's state dict fits
        # True above the diagonal: those (query, key) pairs look into the future.
        self.register_buffer("mask", torch.triu(torch.ones(t, t, dtype=torch.bool), 1), persistent=False)

    def _split_heads(self, x):
        """[b, L, k] -> [b, h, L, d]."""
        b, length, _ = x.size()
        return x.view(b, length, self.heads, self.k // self.heads).transpose(1, 2)

    def _logits(self, queries, keys):
        """Scaled dot products [b, h, L, L], computed the way the chosen former version does."""
        if self.scaling == "full":
            root = self.k ** (1 / 4)
            return torch.matmul(queries / root, (keys / root).transpose(-1, -2))
        return torch.matmul(queries, keys.transpose(-1, -2)) / math.sqrt(self.k // self.heads)

    def forward(self, x, head_keep=None, head_repl=None):
        """Return (output [b, L, k], attention [b, h, L, L], queries, keys, values, z [b, h, L, d]).

        ``z`` is each head's attention-weighted sum of values as computed; what the heads pass on is
        ``hook_z(z)``, then, when ``head_keep`` is given, ``intervene(.., head_keep, head_repl)``
        ([B, h, L', 1] and [B, h, L', d]).
        """
        b, length, _ = x.size()
        queries = self._split_heads(self.toqueries(x))
        keys = self._split_heads(self.tokeys(x))
        values = self._split_heads(self.tovalues(x))

        logits = self._logits(queries, keys)
        logits = logits.masked_fill(self.mask[:length, :length], float("-inf"))
        attention = F.softmax(logits, dim=-1)

        z = torch.matmul(attention, values)
        passed = self.hook_z(z)
        if head_keep is not None:
            passed = intervene(passed, head_keep, head_repl)
        mixed = passed.transpose(1, 2).reshape(b, length, self.k)
        return self.unifyheads(mixed), attention, queries, keys, values, z


class TransformerBlock(nn.Module):
    """Post-LN block as in former: x = norm1(attention(x) + x); x = norm2(ff(x) + x)."""

    def __init__(self, k, heads, t, scaling="head", ff_hidden_mult=4):
        super().__init__()
        self.hook_resid_pre = nn.Identity()  # the residual stream entering the block [b, L, k]; no parameters
        self.attention = SelfAttention(k, heads, t, scaling)
        self.norm1 = nn.LayerNorm(k)
        self.norm2 = nn.LayerNorm(k)
        self.ff = nn.Sequential(
            nn.Linear(k, ff_hidden_mult * k),
            nn.ReLU(),
            nn.Linear(ff_hidden_mult * k, k),
        )

    def forward(self, x, interventions=None):
        """Return (block output, attention, queries, keys, values, z).

        ``interventions`` is None or this block's (head_keep, head_repl, resid_keep, resid_repl)
        (``Interventions.block``); the residual one acts on ``hook_resid_pre(x)``.
        """
        head_keep = head_repl = None
        x = self.hook_resid_pre(x)
        if interventions is not None:
            head_keep, head_repl, resid_keep, resid_repl = interventions
            x = intervene(x, resid_keep, resid_repl)
        attended, attention, queries, keys, values, z = self.attention(x, head_keep, head_repl)
        x = self.norm1(attended + x)
        x = self.norm2(self.ff(x) + x)
        return x, attention, queries, keys, values, z


class GTransformer(nn.Module):
    """Token + learned position embedding, ``depth`` blocks, ``toprobs``, log-softmax."""

    def __init__(self, k, heads, depth, t, num_tokens, scaling="head"):
        super().__init__()
        self.config = Config(k, heads, depth, t, num_tokens, scaling)
        self.num_tokens = num_tokens
        self.token_embedding = nn.Embedding(num_embeddings=num_tokens, embedding_dim=k)
        self.pos_embedding = nn.Embedding(num_embeddings=t, embedding_dim=k)
        self.tblocks = nn.ModuleList(TransformerBlock(k, heads, t, scaling) for _ in range(depth))
        self.toprobs = nn.Linear(k, num_tokens)

    @classmethod
    def from_config(cls, config):
        return cls(config.k, config.heads, config.depth, config.t, config.num_tokens, config.scaling)

    def embed(self, tokens):
        """[b, L] int64 -> [b, L, k]; slicing the position table keeps any 1 <= L <= t exportable."""
        length = tokens.size(1)
        return self.token_embedding(tokens) + self.pos_embedding.weight[:length].unsqueeze(0)

    def former_state_dict(self):
        """The state dict as former itself would save it: the hook modules (no parameters) left out of its metadata.

        ``torch.save(model.state_dict())`` also pickles each module's name in ``_metadata``; without this the
        files this repository writes would change whenever a parameter-less hook point is added.
        """
        state = self.state_dict()
        state._metadata = type(state._metadata)(
            (name, value) for name, value in state._metadata.items() if not name.rsplit(".", 1)[-1].startswith("hook_"))
        return state

    def lens(self, x):
        """log_softmax(toprobs(x)): the model's prediction read off any residual stream x."""
        return F.log_softmax(self.toprobs(x), dim=-1)

    def forward(self, tokens):
        """[b, L] token ids -> [b, L, V] next-token log-probabilities (what former returns)."""
        return self.final_logprobs(tokens)

    def final_logprobs(self, tokens):
        """The model's result alone, also where a subclass's ``forward`` returns more (the exporter's)."""
        x = self.embed(tokens)
        for block in self.tblocks:
            x = block(x)[0]
        return self.lens(x)

    def get_representations(self, tokens, interventions=None, version=None):
        """Every tensor of the ONNX contract (``version``, default the newest), keyed by name, in contract order.

        ``logprobs`` comes first, then (version 2) ``embedding``, then per block ``attention, queries,
        keys, values, z`` (version 2), ``out, logprobs``. The final ``logprobs`` is computed separately
        from the last block's logit lens (same value) because ONNX cannot name one tensor as two graph
        outputs. ``interventions`` (an ``Interventions``) acts as the contract says: each tensor is the
        value computed at its site before the intervention there, everything downstream sees the
        intervened value.
        """
        x = self.embed(tokens)
        tensors = {"embedding": x}
        for i, block in enumerate(self.tblocks):
            x, attention, queries, keys, values, z = block(x, None if interventions is None else interventions.block(i))
            tensors.update({f"block{i}.attention": attention, f"block{i}.queries": queries, f"block{i}.keys": keys,
                            f"block{i}.values": values, f"block{i}.z": z, f"block{i}.out": x})
        # the lens after all blocks, final first: the order version 1's graphs were traced in
        tensors["logprobs"] = self.lens(x)
        for i in range(len(self.tblocks)):
            tensors[f"block{i}.logprobs"] = self.lens(tensors[f"block{i}.out"])
        return {name: tensors[name] for name in contract_names(self.config.depth, version)}


CONTRACT_VERSIONS = (1, 2)
LATEST = 2
BLOCK_TENSORS = {1: ("attention", "queries", "keys", "values", "out", "logprobs"),
                 2: ("attention", "queries", "keys", "values", "z", "out", "logprobs")}
MODEL_TENSORS = {1: ("logprobs",), 2: ("logprobs", "embedding")}


def contract_names(depth, version=None):
    """Output names of contract ``version`` (default the newest) in the stable order the exporter and the
    reference writer use: the model-level ones, then block by block."""
    version = LATEST if version is None else version
    names = list(MODEL_TENSORS[version])
    for i in range(depth):
        names += [f"block{i}.{kind}" for kind in BLOCK_TENSORS[version]]
    return names


def contract_shapes(config, batch="batch", length="length", version=None):
    """Shape of each contract tensor; ``batch``/``length`` may be names or integers."""
    b, n, h, d, k, v = batch, length, config.heads, config.d, config.k, config.num_tokens
    per_kind = {
        "attention": [b, h, n, n],
        "queries": [b, h, n, d],
        "keys": [b, h, n, d],
        "values": [b, h, n, d],
        "z": [b, h, n, d],
        "out": [b, n, k],
        "logprobs": [b, n, v],
        "embedding": [b, n, k],
    }
    return {name: list(per_kind[name.rsplit(".", 1)[-1]]) for name in contract_names(config.depth, version)}


def intervention_shapes(config, batch=None, length=None):
    """Declared shape of each intervention input (version 2).

    ``batch``/``length`` None give the contract's own symbolic names (``head_keep_batch``, ...);
    integers (1 for the neutral tensors) or names are used for every input alike.
    """
    depth, h, d, k = config.depth, config.heads, config.d, config.k

    def dims(name):
        return (f"{name}_batch" if batch is None else batch), (f"{name}_length" if length is None else length)

    shapes = {}
    for name in INTERVENTION_INPUTS:
        b, n = dims(name)
        if name.startswith("head"):
            shapes[name] = [b, depth, h, n, 1 if name == "head_keep" else d]
        else:
            shapes[name] = [b, depth, n, 1 if name == "resid_keep" else k]
    return shapes
