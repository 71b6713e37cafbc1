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
* every block returns its attention weights, queries, keys and values next to its output, so
  ``get_representations`` can report all tensors named in the representation contract
  (``docs/contract.md`` in the repository).
"""

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn

SCALINGS = ("head", "full")


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

    def forward(self, x):
        """Return (output [b, L, k], attention [b, h, L, L], queries, keys, values [b, h, L, d])."""
        b, length, _ = x.size()
        queries = self._split_heads(self.toqueries(x))
        keys = self._split_heads(self.tokeys(x))
        values = self._split_heads(self.tovalues(x))

        logits = self._logits(queries, keys)
        logits = logits.masked_fill(self.mask[:length, :length], float("-inf"))
        attention = F.softmax(logits, dim=-1)

        mixed = torch.matmul(attention, values).transpose(1, 2).reshape(b, length, self.k)
        return self.unifyheads(mixed), attention, queries, keys, values


class TransformerBlock(nn.Module):
    """Post-LN block as in former: x = norm1(attention(x) + x); x = norm2(ff(x) + x)."""

    def __init__(self, k, heads, t, scaling="head", ff_hidden_mult=4):
        super().__init__()
        self.attention = SelfAttention(k, heads, t, scaling)
        self.norm1 = nn.LayerNorm(k)
        self.norm2 = nn.LayerNorm(k)
        self.ff = nn.Sequential(
            nn.Linear(k, ff_hidden_mult * k),
            nn.ReLU(),
            nn.Linear(ff_hidden_mult * k, k),
        )

    def forward(self, x):
        """Return (block output, attention, queries, keys, values)."""
        attended, attention, queries, keys, values = self.attention(x)
        x = self.norm1(attended + x)
        x = self.norm2(self.ff(x) + x)
        return x, attention, queries, keys, values


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

    def lens(self, x):
        """log_softmax(toprobs(x)): the model's prediction read off any residual stream x."""
        return F.log_softmax(self.toprobs(x), dim=-1)

    def forward(self, tokens):
        """[b, L] token ids -> [b, L, V] next-token log-probabilities (what former returns)."""
        x = self.embed(tokens)
        for block in self.tblocks:
            x = block(x)[0]
        return self.lens(x)

    def get_representations(self, tokens):
        """Every tensor of the ONNX contract, keyed by its contract name, in contract order.

        ``logprobs`` comes first, then per block ``attention, queries, keys, values, out,
        logprobs``. The final ``logprobs`` is computed separately from the last block's logit
        lens (same value) because ONNX cannot name one tensor as two graph outputs.
        """
        reps = {}
        x = self.embed(tokens)
        per_block = []
        for i, block in enumerate(self.tblocks):
            x, attention, queries, keys, values = block(x)
            per_block.append((i, attention, queries, keys, values, x))
        reps["logprobs"] = self.lens(x)
        for i, attention, queries, keys, values, out in per_block:
            reps[f"block{i}.attention"] = attention
            reps[f"block{i}.queries"] = queries
            reps[f"block{i}.keys"] = keys
            reps[f"block{i}.values"] = values
            reps[f"block{i}.out"] = out
            reps[f"block{i}.logprobs"] = self.lens(out)
        return reps


BLOCK_TENSORS = ("attention", "queries", "keys", "values", "out", "logprobs")


def contract_names(depth):
    """Output names in the stable order the exporter and the reference writer use."""
    names = ["logprobs"]
    for i in range(depth):
        names += [f"block{i}.{kind}" for kind in BLOCK_TENSORS]
    return names


def contract_shapes(config, batch="batch", length="length"):
    """Shape of each contract tensor; ``batch``/``length`` may be names or integers."""
    b, n, h, d, k, v = batch, length, config.heads, config.d, config.k, config.num_tokens
    per_kind = {
        "attention": [b, h, n, n],
        "queries": [b, h, n, d],
        "keys": [b, h, n, d],
        "values": [b, h, n, d],
        "out": [b, n, k],
        "logprobs": [b, n, v],
    }
    shapes = {"logprobs": [b, n, v]}
    for i in range(config.depth):
        for kind in BLOCK_TENSORS:
            shapes[f"block{i}.{kind}"] = list(per_kind[kind])
    return shapes
