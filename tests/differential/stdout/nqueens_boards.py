# N-queens: count solutions for several sizes and print the first boards.

def solve(n):
    cols, d1, d2 = set(), set(), set()
    board = []
    def place(row):
        if row == n:
            yield list(board)
            return
        for c in range(n):
            if c in cols or row + c in d1 or row - c in d2:
                continue
            cols.add(c); d1.add(row + c); d2.add(row - c); board.append(c)
            yield from place(row + 1)
            cols.remove(c); d1.remove(row + c); d2.remove(row - c); board.pop()
    return place(0)

for n in range(1, 9):
    sols = list(solve(n))
    print(n, len(sols), sols[0] if sols else None)

first = next(solve(8))
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(8)))

def unique(n):
    seen = set()
    count = 0
    for s in solve(n):
        variants = []
        b = s
        for _ in range(4):
            b = [b.index(i) for i in range(n)][::-1]      # rotate
            variants.append(tuple(b))
            variants.append(tuple(n - 1 - x for x in b))  # mirror
        key = min(variants)
        if key not in seen:
            seen.add(key)
            count += 1
    return count
print([unique(n) for n in range(4, 9)])
