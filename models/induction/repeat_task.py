"""Sequences with a repeated random segment, for training and probing induction heads (seeded).

A sequence of ``length`` tokens over ``num_tokens`` ids: random filler, and a segment of ``s``
DISTINCT tokens that occurs ``repeats`` times (at least twice). The segment length and where each
occurrence starts vary from sequence to sequence, so no fixed positional offset predicts the
repetition: a model has to find the earlier occurrence of the current token by content and copy
the token that followed it (an induction head).

Every sequence comes with a ``kind`` per target position (what the token at that position is):
``FIRST`` inside the first occurrence (after its first token), ``REPEAT`` inside a later
occurrence (after its first token, so predictable from the earlier occurrence), ``OTHER``
everywhere else (filler, and the first token of every occurrence).
"""

import csv
import random
from dataclasses import dataclass

OTHER, FIRST, REPEAT = 0, 1, 2


@dataclass(frozen=True)
class Spec:
    """How sequences are drawn. ``seg_min..seg_max`` bound the segment length (clipped to what fits)."""

    length: int = 64
    num_tokens: int = 48
    seg_min: int = 4
    seg_max: int = 24
    repeats_min: int = 2
    repeats_max: int = 2                  # 0: as many as fit (length // segment length)
    filler_avoids_segment: bool = False   # filler never uses the segment's tokens
    half_share: float = 0.0               # share of sequences that are s = length/2 repeated at length/2
    periodic_share: float = 0.0           # share of sequences that are filler, then the segment over and over to the end

    def __post_init__(self):
        if self.seg_min < 2 or self.seg_max < self.seg_min or self.repeats_min < 2 or 0 < self.repeats_max < self.repeats_min:
            raise ValueError(f"bad spec {self}")
        if 2 * self.seg_min > self.length or self.seg_max > self.num_tokens:
            raise ValueError(f"bad spec {self}")


def place(length, seg_len, repeats, rng):
    """Start of each occurrence, none overlapping.

    The first occurrence starts anywhere it fits (uniformly), the gaps after it split the rest
    of the filler at sorted uniform cut points. (Splitting all of the filler that way puts the
    first occurrence mostly early, and a previous-token head then never learns late positions.)
    """
    filler = length - repeats * seg_len
    if filler < 0:
        raise ValueError(f"{repeats} x {seg_len} tokens do not fit in {length}")
    first = rng.randint(0, filler)
    cuts = sorted(rng.randint(0, filler - first) for _ in range(repeats - 1))
    starts, position, previous = [first], first + seg_len, 0
    for cut in cuts:
        position += cut - previous
        starts.append(position)
        position += seg_len
        previous = cut
    return starts


def periodic(spec, rng):
    """(segment length, starts) of a periodic sequence: a random filler prefix, then the segment again and again.

    The prefix leaves room for two whole occurrences; the last one may be cut off by the end. Later
    occurrences (and so the keys an induction head looks at) then reach every position up to the end,
    which sparse placements seldom do.
    """
    seg_len = rng.randint(spec.seg_min, min(spec.seg_max, spec.length // 2))
    first = rng.randint(0, spec.length - 2 * seg_len)
    return seg_len, list(range(first, spec.length, seg_len))


def build(length, num_tokens, seg_len, starts, rng, filler_avoids_segment=False, segment=None):
    """One sequence with the segment at ``starts`` (non-overlapping; the last may run past the end) and its
    target kinds."""
    if segment is None:
        segment = rng.sample(range(num_tokens), seg_len)
    pool = [t for t in range(num_tokens) if t not in set(segment)] if filler_avoids_segment else range(num_tokens)
    tokens = [rng.choice(pool) for _ in range(length)]
    kinds = [OTHER] * length
    for n, start in enumerate(starts):
        end = min(start + seg_len, length)
        tokens[start:end] = segment[:end - start]
        for i in range(start + 1, end):
            kinds[i] = FIRST if n == 0 else REPEAT
    return tokens, kinds


def sample(spec: Spec, rng: random.Random):
    """One sequence drawn as ``spec`` says: (tokens, kinds, segment length, starts)."""
    if spec.half_share and rng.random() < spec.half_share:
        seg_len = spec.length // 2
        starts = [0, seg_len]
    elif spec.periodic_share and rng.random() < spec.periodic_share:
        seg_len, starts = periodic(spec, rng)
    else:
        if spec.repeats_max:
            repeats = rng.randint(spec.repeats_min, spec.repeats_max)
            seg_len = rng.randint(spec.seg_min, min(spec.seg_max, spec.length // repeats))
        else:
            seg_len = rng.randint(spec.seg_min, min(spec.seg_max, spec.length // spec.repeats_min))
            repeats = rng.randint(spec.repeats_min, spec.length // seg_len)
        starts = place(spec.length, seg_len, repeats, rng)
    tokens, kinds = build(spec.length, spec.num_tokens, seg_len, starts, rng, spec.filler_avoids_segment)
    return tokens, kinds, seg_len, starts


def batch(spec: Spec, n, rng):
    """n sequences: (tokens [n][length], kinds [n][length])."""
    drawn = [sample(spec, rng) for _ in range(n)]
    return [d[0] for d in drawn], [d[1] for d in drawn]


def half_repeats(n, length, num_tokens, rng):
    """n sequences whose second half repeats the first: length/2 distinct tokens, twice."""
    out = []
    for _ in range(n):
        tokens, kinds = build(length, num_tokens, length // 2, [0, length // 2], rng)
        out.append((tokens, kinds))
    return [t for t, _ in out], [k for _, k in out]


def at(n, length, num_tokens, seg_len, starts, rng, filler_avoids_segment=False):
    """n sequences with a segment of ``seg_len`` at the given ``starts`` (a generalisation probe)."""
    out = [build(length, num_tokens, seg_len, starts, rng, filler_avoids_segment) for _ in range(n)]
    return [t for t, _ in out], [k for _, k in out]


def vocab(num_tokens):
    """Display labels: "a".."z", then "A".."Z", then "t52".. (one or two characters up to 52 tokens)."""
    letters = [chr(ord("a") + i) for i in range(26)] + [chr(ord("A") + i) for i in range(26)]
    return [letters[i] if i < len(letters) else f"t{i}" for i in range(num_tokens)]


def write_csv(path, header, rows):
    """A CSV as docs/examples: the tokens column as space-separated ids in quotes."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([" ".join(map(str, cell)) if isinstance(cell, (list, tuple)) else cell for cell in row])


def read_csv(path):
    """Rows as dicts; columns holding space-separated ids come back as lists of ints."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for key in ("tokens", "clean", "corrupted"):
            if key in row:
                row[key] = [int(x) for x in row[key].split()]
    return rows
