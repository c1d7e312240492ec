# N-queens: count all solutions with a generator-based backtracking search over permutations.

SIZE = 9
REPEAT = 90
NAIVE_SIZE = 8
NAIVE_REPEAT = 20


def solutions(n):
    cols = list(range(n))
    found = []

    def extend(row, placed, diag1, diag2):
        if row == n:
            yield tuple(placed)
            return
        for c in cols:
            if c in placed:
                continue
            d1 = row + c
            d2 = row - c
            if d1 in diag1 or d2 in diag2:
                continue
            placed.append(c)
            diag1.add(d1)
            diag2.add(d2)
            yield from extend(row + 1, placed, diag1, diag2)
            placed.pop()
            diag1.discard(d1)
            diag2.discard(d2)

    for s in extend(0, [], set(), set()):
        found.append(s)
    return found


def permutation_filter(n):
    # A second, deliberately naive formulation: all permutations, keep the valid ones.
    def perms(items):
        if len(items) <= 1:
            yield list(items)
            return
        for i in range(len(items)):
            for rest in perms(items[:i] + items[i + 1:]):
                yield [items[i]] + rest

    count = 0
    for p in perms(list(range(n))):
        if len(set(p[i] + i for i in range(n))) == n and len(set(p[i] - i for i in range(n))) == n:
            count += 1
    return count


def main():
    total = 0
    checksum = 0
    for _ in range(REPEAT):
        sols = solutions(SIZE)
        total += len(sols)
        for s in sols:
            for i, c in enumerate(s):
                checksum = (checksum * 31 + c * (i + 1)) % 1000000007
    print("solutions:", total // REPEAT, "checksum:", checksum)
    naive = [permutation_filter(NAIVE_SIZE) for _ in range(NAIVE_REPEAT)]
    print("naive count for %d:" % NAIVE_SIZE, naive[0], len(set(naive)) == 1)


main()
