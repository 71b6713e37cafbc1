"""The derived representations of docs/contract.md written out as plain loops over Python floats.

A second, deliberately naive implementation to hold derived.py's vectorised numpy against:
no shared code, no numpy in the arithmetic, every sum spelled out.
"""

import math


def rollout(attention_blocks):
    """attention_blocks[i][h][q][k] of one sequence -> rollout[i][q][k]."""
    out = []
    previous = None
    for att in attention_blocks:
        heads, length = len(att), len(att[0])
        mixed = []
        for q in range(length):
            row = []
            for k in range(length):
                mean = sum(att[h][q][k] for h in range(heads)) / heads
                row.append(0.5 * mean + (0.5 if q == k else 0.0))
            total = sum(row)
            mixed.append([x / total for x in row])
        if previous is None:
            current = mixed
        else:
            current = [[sum(mixed[q][j] * previous[j][k] for j in range(length)) for k in range(length)]
                       for q in range(length)]
        out.append(current)
        previous = current
    return out


def head_scores(att):
    """att[q][k] of one head -> (entropy, previous_token, self, first_token); previous_token None when L = 1."""
    length = len(att)
    entropy = 0.0
    for q in range(length):
        entropy += -sum(a * math.log(a) for a in att[q] if a > 0)
    entropy /= length
    previous = None if length == 1 else sum(att[q][q - 1] for q in range(1, length)) / (length - 1)
    own = sum(att[q][q] for q in range(length)) / length
    first = sum(att[q][0] for q in range(length)) / length
    return entropy, previous, own, first


def lens_stats(block, final):
    """block[v], final[v] log-probabilities at one position -> (entropy, kl_to_final, final_token_rank, max_probability)."""
    pb = [math.exp(x) for x in block]
    pf = [math.exp(x) for x in final]
    entropy = -sum(p * math.log(p) for p in pb if p > 0)
    kl = sum(pf[v] * (math.log(pf[v]) - math.log(pb[v])) for v in range(len(pf)) if pf[v] > 0)
    best = 0
    for v in range(len(pf)):
        if pf[v] > pf[best]:
            best = v
    rank = sum(1 for v in range(len(pb)) if pb[v] > pb[best])
    return entropy, kl, rank, max(pb)


def top_k(values, k):
    """values[v] -> [(id, value)] of the k largest, descending, ties by ascending id (by selection, not sort)."""
    left = list(range(len(values)))
    chosen = []
    for _ in range(k):
        best = left[0]
        for v in left[1:]:
            if values[v] > values[best]:
                best = v
        chosen.append((best, values[best]))
        left.remove(best)
    return chosen


def duplicate_token(att, tokens):
    """Mean over queries i with an earlier j, x_j = x_i, of the sum of att[i][j] over such j; None if no query has one."""
    rows = []
    for i in range(len(tokens)):
        earlier = [j for j in range(i) if tokens[j] == tokens[i]]
        if earlier:
            rows.append(sum(att[i][j] for j in earlier))
    return sum(rows) / len(rows) if rows else None


def induction(att, tokens):
    """Mean over queries i with a j, j + 1 < i, x_j = x_i, of the sum of att[i][j + 1] over such j; None if none."""
    rows = []
    for i in range(len(tokens)):
        copies = [j for j in range(len(tokens)) if j + 1 < i and tokens[j] == tokens[i]]
        if copies:
            rows.append(sum(att[i][j + 1] for j in copies))
    return sum(rows) / len(rows) if rows else None
