"""The toy task the default GT Lens model is trained on: digit sequences of length 5.

Each sequence belongs to one of five pattern classes. They are chosen so that the first four
digits always fix the fifth (no two classes complete one prefix differently), which makes
"predict the last digit from the first four" a task that can be solved exactly, and makes
the model's attention worth looking at: a palindrome must look back at position 0, a
three-cycle at position 1, a counting sequence only at its neighbour.

The classes enumerate all of their members, so training can sample them and evaluation can
score every member, with no randomness in what is measured.
"""

import random
from dataclasses import dataclass
from typing import Callable, List, Tuple

LENGTH = 5
NUM_TOKENS = 10
EXAMPLE = (4, 5, 5, 5, 4)


@dataclass(frozen=True)
class PatternClass:
    """A named set of sequences with a one-line rule and an example, for docs and reports."""

    name: str
    rule: str
    example: Tuple[int, ...]
    enumerate_members: Callable[[], List[Tuple[int, ...]]]

    def members(self):
        return sorted(set(self.enumerate_members()))


def _counting(sign):
    """Sequences a, a+s, ..., a+4s (or minus) with step s in {1, 2} that stay within 0..9."""

    def members():
        out = []
        for step in (1, 2):
            for start in range(NUM_TOKENS):
                seq = tuple(start + sign * step * i for i in range(LENGTH))
                if all(0 <= x < NUM_TOKENS for x in seq):
                    out.append(seq)
        return out

    return members


def _palindromes():
    return [(a, b, c, b, a) for a in range(10) for b in range(10) for c in range(10)]


def _cycles():
    return [(a, b, c, a, b) for a in range(10) for b in range(10) for c in range(10)]


def _fibonacci():
    """a, b, a+b, a+2b, 2a+3b without carrying past 9; b >= 1 keeps it apart from the cycles."""
    out = []
    for a in range(10):
        for b in range(1, 10):
            seq = (a, b, a + b, a + 2 * b, 2 * a + 3 * b)
            if seq[-1] < NUM_TOKENS:
                out.append(seq)
    return out


CLASSES = (
    PatternClass("increasing", "count up by 1 or 2", (2, 3, 4, 5, 6), _counting(+1)),
    PatternClass("decreasing", "count down by 1 or 2", (9, 7, 5, 3, 1), _counting(-1)),
    PatternClass("palindrome", "a b c b a", EXAMPLE, _palindromes),
    PatternClass("cycle", "a b c a b: the first three digits repeat", (3, 8, 1, 3, 8), _cycles),
    PatternClass("fibonacci", "a b a+b a+2b 2a+3b (each digit the sum of the two before)", (1, 2, 3, 5, 8), _fibonacci),
)

CLASS_BY_NAME = {c.name: c for c in CLASSES}


def completion_table():
    """Map every 4-digit prefix of any class to its single completion; fails if classes clash."""
    table = {}
    for cls in CLASSES:
        for seq in cls.members():
            prefix, last = seq[:-1], seq[-1]
            if table.setdefault(prefix, last) != last:
                raise AssertionError(f"prefix {prefix} completes to both {table[prefix]} and {last}")
    return table


def loss_floor():
    """The lowest mean next-token loss any model can reach on ``sample``'s distribution.

    The first digits of most classes are random, so the training loss cannot go to zero;
    this is the sum of the conditional entropies H(x_i | x_<i), i = 1..L-1, divided by L-1.
    """
    import math
    from collections import defaultdict

    prob = defaultdict(float)
    for cls in CLASSES:
        members = cls.members()
        for seq in members:
            prob[seq] += 1 / len(CLASSES) / len(members)
    total = 0.0
    for i in range(1, LENGTH):
        prefix, extended = defaultdict(float), defaultdict(float)
        for seq, q in prob.items():
            prefix[seq[:i]] += q
            extended[seq[:i + 1]] += q
        total -= sum(q * math.log(q / prefix[s[:i]]) for s, q in extended.items())
    return total / (LENGTH - 1)


def sample(n, rng):
    """n sequences: a class drawn uniformly, then a member of it uniformly.

    Drawing the class first keeps the small classes (counting, fibonacci: a handful of
    members each) as visible in training as the thousand palindromes and cycles.
    """
    members = [cls.members() for cls in CLASSES]
    out = []
    for _ in range(n):
        out.append(list(rng.choice(members[rng.randrange(len(CLASSES))])))
    return out


def reference_sequences_labelled(n, seed=0):
    """The sequences of ``reference_sequences`` with how each was chosen: a class name or ``random``.

    The example first (the palindrome class's own example), then two members of every class,
    then alternately a class member (a class drawn uniformly, then a member, as ``sample``
    does) and ``LENGTH`` uniformly random digits. A ``random`` sequence was not drawn from a
    class, even when its digits happen to fit one.
    """
    rng = random.Random(seed)
    members = [cls.members() for cls in CLASSES]
    out = [(list(EXAMPLE), "palindrome")]
    for cls, cls_members in zip(CLASSES, members):
        out += [(list(s), cls.name) for s in rng.sample(cls_members, 2)]
    while len(out) < n:
        if len(out) % 2:
            index = rng.randrange(len(CLASSES))  # the draws of sample(1, rng), in its order
            out.append((list(rng.choice(members[index])), CLASSES[index].name))
        else:
            out.append(([rng.randrange(NUM_TOKENS) for _ in range(LENGTH)], "random"))
    return out[:n]


def reference_sequences(n, seed=0):
    """The example first, then two of every class, then a mix of class members and random digits.

    Random digit sequences are included so the reference also covers inputs the model was
    never trained on (where its tensors look nothing like the clean patterns).
    ``reference_sequences_labelled`` says which is which.
    """
    return [seq for seq, _ in reference_sequences_labelled(n, seed)]
