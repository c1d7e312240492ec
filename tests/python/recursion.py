# Recursive functions: direct, mutual, deep-but-legal, with accumulators.
import sys

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
assert fact(0) == 1
assert fact(20) == 2432902008176640000
assert fact(50) == 30414093201713378043612608166064768844377641568960512000000000000

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
assert [fib(i) for i in range(15)] == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377]

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
assert is_even(100) and is_odd(77) and not is_even(51)

# Recursion depth close to (but under) the default limit.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
assert depth(900) == 900

# Ackermann (small).
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
assert ack(2, 3) == 9

# Recursive data structure processing.
def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
assert flatten([1, [2, [3, [4, [5]]]], 6]) == [1, 2, 3, 4, 5, 6]

def tree_sum(t):
    if t is None:
        return 0
    v, l, r = t
    return v + tree_sum(l) + tree_sum(r)
tree = (1, (2, (4, None, None), None), (3, None, (5, None, None)))
assert tree_sum(tree) == 15

# Permutations by recursion.
def perms(seq):
    if len(seq) <= 1:
        return [list(seq)]
    out = []
    for i in range(len(seq)):
        for p in perms(seq[:i] + seq[i + 1:]):
            out.append([seq[i]] + p)
    return out
ps = perms([1, 2, 3])
assert len(ps) == 6 and ps[0] == [1, 2, 3] and ps[-1] == [3, 2, 1]

# Tower of Hanoi move count.
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
assert len(hanoi(10, "a", "c", "b", [])) == 1023

# Recursion in methods and through __repr__.
class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def size(self):
        return 1 + sum(c.size() for c in self.children)
    def __repr__(self):
        if not self.children:
            return "N(%r)" % self.val
        return "N(%r, %r)" % (self.val, self.children)
root = Node(1, [Node(2, [Node(3)]), Node(4)])
assert root.size() == 4
assert repr(root) == "N(1, [N(2, [N(3)]), N(4)])"

# Raising the recursion limit allows deeper recursion.
old = sys.getrecursionlimit()
sys.setrecursionlimit(5000)
assert depth(3000) == 3000
sys.setrecursionlimit(old)
assert sys.getrecursionlimit() == old

# Self-referential containers print with ellipses.
lst = [1]
lst.append(lst)
assert repr(lst) == "[1, [...]]"
d = {}
d["self"] = d
assert repr(d) == "{'self': {...}}"
print("ok")
