# for/while loops: else clauses, break, continue, nesting, iteration over many types.

out = []
for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    out.append(i)
else:
    out.append("else")
assert out == [0, 2, 3]

out = []
for i in range(3):
    out.append(i)
else:
    out.append("else")
assert out == [0, 1, 2, "else"]

out = []
for i in []:
    out.append(i)
else:
    out.append("empty-else")
assert out == ["empty-else"]
# Loop variable keeps its last value; unchanged if no iterations.
for j in range(10):
    pass
assert j == 9
j = "before"
for j in []:
    pass
assert j == "before"

# while/else.
n = 0
while n < 3:
    n += 1
else:
    n += 100
assert n == 103
n = 0
while True:
    n += 1
    if n == 5:
        break
else:
    n = -1
assert n == 5
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
assert n == 8

# Nested loops: break only exits the inner loop.
pairs = []
for a in range(3):
    for b in range(3):
        if b > a:
            break
        pairs.append((a, b))
assert pairs == [(0, 0), (1, 0), (1, 1), (2, 0), (2, 1), (2, 2)]

# Breaking out of nested loops with for/else.
def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                break
        else:
            continue
        return (r, c)
    return None
assert find([[1, 2], [3, 4]], 4) == (1, 1)
assert find([[1, 2], [3, 4]], 5) is None

# Primes with for/else.
primes = []
for cand in range(2, 40):
    for d in range(2, cand):
        if cand % d == 0:
            break
    else:
        primes.append(cand)
assert primes == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]

# Iterating over strings, dicts, tuples, sets, ranges with steps.
assert [c for c in "héllo"] == ["h", "é", "l", "l", "o"]
d = {"z": 1, "a": 2}
assert [k for k in d] == ["z", "a"]
assert [kv for kv in d.items()] == [("z", 1), ("a", 2)]
assert sorted(x for x in {3, 1, 2}) == [1, 2, 3]
assert list(range(10, 0, -3)) == [10, 7, 4, 1]

# Modifying the loop variable does not affect iteration.
seen = []
for i in range(3):
    seen.append(i)
    i = 100
assert seen == [0, 1, 2]

# Appending to a list while iterating over it extends the loop.
grow = [1]
for v in grow:
    if v < 5:
        grow.append(v + 1)
assert grow == [1, 2, 3, 4, 5]

# continue in while with else.
k = 0
hits = 0
while k < 5:
    k += 1
    if k == 3:
        continue
    hits += 1
else:
    hits += 10
assert hits == 14

# Deeply nested loops.
count = 0
for a in range(4):
    for b in range(4):
        for c in range(4):
            for d_ in range(4):
                if (a + b + c + d_) % 3 == 0:
                    count += 1
assert count == 86, count

# break inside try/finally within loop runs the finally.
log = []
for i in range(3):
    try:
        if i == 1:
            break
        log.append(i)
    finally:
        log.append("f%d" % i)
assert log == [0, "f0", "f1"]

# for over a user iterator.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
assert list(Countdown(3)) == [3, 2, 1]
total = 0
for v in Countdown(100):
    total += v
assert total == 5050
try:
    for x in 5:
        pass
except TypeError as e:
    assert str(e) == "'int' object is not iterable", str(e)
else:
    raise AssertionError
print("ok")
