# list methods: append/extend/insert/remove/pop/clear/index/count/reverse/copy, operators.

l = [1, 2, 3]
l.append(4)
assert l == [1, 2, 3, 4]
l.append([5])
assert l[-1] == [5] and len(l) == 5
l.pop()
l.extend([5, 6])
l.extend((7,))
l.extend(range(8, 10))
l.extend("ab")
l.extend(x for x in [10])
assert l == [1, 2, 3, 4, 5, 6, 7, 8, 9, "a", "b", 10]
l = [1, 2, 3]
l.extend(l)                    # extending with itself
assert l == [1, 2, 3, 1, 2, 3]

l = ["a", "c"]
l.insert(1, "b")
l.insert(0, "start")
l.insert(100, "end")
l.insert(-1, "before-end")
l.insert(-100, "very-start")
assert l == ["very-start", "start", "a", "b", "c", "before-end", "end"], l

l = [1, 2, 3, 2, 1]
l.remove(2)
assert l == [1, 3, 2, 1]
try:
    l.remove(99)
except ValueError as e:
    assert str(e) == "list.remove(x): x not in list"
else:
    raise AssertionError

l = [10, 20, 30, 40]
assert l.pop() == 40
assert l.pop(0) == 10
assert l.pop(-1) == 30
assert l == [20]
try:
    [].pop()
except IndexError as e:
    assert str(e) == "pop from empty list"
else:
    raise AssertionError
try:
    [1].pop(1)
except IndexError as e:
    assert str(e) == "pop index out of range"
else:
    raise AssertionError

l = [1, 2, 3]
l.clear()
assert l == []

l = ["a", "b", "c", "b"]
assert l.index("b") == 1
assert l.index("b", 2) == 3
assert l.index("b", -2) == 3
assert l.index("a", 0, 1) == 0
try:
    l.index("b", 0, 1)
except ValueError as e:
    assert str(e) == "'b' is not in list", str(e)
else:
    raise AssertionError
assert l.count("b") == 2 and l.count("z") == 0
assert [1, 1.0, True].count(1) == 3

l = [1, 2, 3]
l.reverse()
assert l == [3, 2, 1]
c = l.copy()
assert c == l and c is not l
c.append(0)
assert l == [3, 2, 1]
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(9)
assert nested[0] == [1, 9]

# Operators.
assert [1, 2] + [3] == [1, 2, 3]
assert [0] * 3 == [0, 0, 0] and [1, 2] * 0 == [] and [1] * -1 == []
assert 2 * [1, 2] == [1, 2, 1, 2]
grid = [[0] * 2] * 2
grid[0][0] = 1
assert grid == [[1, 0], [1, 0]]           # repetition copies references
assert [1, 2] == [1, 2] and [1, 2] != [2, 1]
assert [1, 2] < [1, 3] and [1] < [1, 0] and not [2] < [1, 5]
assert [] == [] and not []
assert len([None] * 1000) == 1000

# list() constructor.
assert list() == [] and list("ab") == ["a", "b"] and list((1, 2)) == [1, 2]
assert list({"a": 1, "b": 2}) == ["a", "b"]
assert list(range(3)) == [0, 1, 2]
assert list(x * 2 for x in range(3)) == [0, 2, 4]
src = [1, 2]
assert list(src) is not src

# repr and nested repr.
assert repr([]) == "[]"
assert repr([1, "a", None, [2.5, (3,)]]) == "[1, 'a', None, [2.5, (3,)]]"
rec = [1]
rec.append(rec)
assert repr(rec) == "[1, [...]]"

# Identity vs equality; in.
a = [1, 2]
b = [1, 2]
assert a == b and a is not b
assert [a] == [b]
assert 2 in a and 3 not in a

# Lists hold any objects; mutation through aliases.
alias = a
alias.append(3)
assert a == [1, 2, 3]

# Method errors.
try:
    [].append()
except TypeError as e:
    assert str(e) == "list.append() takes exactly one argument (0 given)", str(e)
else:
    raise AssertionError
try:
    [].insert(1)
except TypeError as e:
    assert str(e) == "insert expected 2 arguments, got 1", str(e)
else:
    raise AssertionError
try:
    [].extend(5)
except TypeError as e:
    assert str(e) == "'int' object is not iterable", str(e)
else:
    raise AssertionError

# A list as a stack and a queue.
stack = []
for i in range(5):
    stack.append(i)
assert [stack.pop() for _ in range(5)] == [4, 3, 2, 1, 0]
queue = [1, 2, 3]
assert queue.pop(0) == 1 and queue == [2, 3]

# Large list operations.
big = list(range(100000))
assert sum(big) == 4999950000
big.reverse()
assert big[0] == 99999 and big[-1] == 0
assert big.index(0) == 99999
print("ok")
