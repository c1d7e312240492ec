# CPython 3.11 underlines the failing sub-expression of a binary operation.

def average(total, count):
    return total / count


def stats(values):
    n = len(values)
    spread = max(values) - min(values)
    return average(sum(values), n) + spread / (n - len(values))


print(stats([3, 5, 7]))
