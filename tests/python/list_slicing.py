# List slicing: reads, assignment (incl. extended slices), deletion, and edge cases.

l = list(range(10))
assert l[2:5] == [2, 3, 4]
assert l[-3:] == [7, 8, 9]
assert l[::3] == [0, 3, 6, 9]
assert l[::-1] == list(range(9, -1, -1))
assert l[7:2:-2] == [7, 5, 3]
assert l[100:200] == []
assert l[:] == l and l[:] is not l

# Slice assignment with a different length.
l = [0, 1, 2, 3, 4]
l[1:3] = ["a", "b", "c"]
assert l == [0, "a", "b", "c", 3, 4]
l[1:4] = []
assert l == [0, 3, 4]
l[1:1] = [1, 2]
assert l == [0, 1, 2, 3, 4]
l[:0] = [-1]
assert l == [-1, 0, 1, 2, 3, 4]
l[len(l):] = [5]
assert l == [-1, 0, 1, 2, 3, 4, 5]
l[:] = "xy"
assert l == ["x", "y"]
l[5:10] = [1]               # beyond the end appends
assert l == ["x", "y", 1]
l[-100:1] = ["start"]
assert l == ["start", "y", 1]
l[2:0] = ["between"]       # empty slice at 2
assert l == ["start", "y", "between", 1]
l[1:3] = (i for i in range(3))
assert l == ["start", 0, 1, 2, 1]
try:
    l[0:1] = 5
except TypeError as e:
    assert str(e) == "can only assign an iterable", str(e)
else:
    raise AssertionError

# Self-assignment.
l = [1, 2, 3]
l[1:] = l
assert l == [1, 1, 2, 3]

# Extended slice assignment requires equal length.
l = list(range(6))
l[::2] = ["a", "b", "c"]
assert l == ["a", 1, "b", 3, "c", 5]
l[::-2] = [50, 30, 10]
assert l == ["a", 10, "b", 30, "c", 50]
try:
    l[::2] = [1, 2]
except ValueError as e:
    assert str(e) == "attempt to assign sequence of size 2 to extended slice of size 3", str(e)
else:
    raise AssertionError
l[::1] = [1]               # step 1 is a normal slice, any length
assert l == [1]

# Slice deletion.
l = list(range(10))
del l[::2]
assert l == [1, 3, 5, 7, 9]
del l[::-2]
assert l == [3, 7]
l = list(range(10))
del l[2:8:3]
assert l == [0, 1, 3, 4, 6, 7, 8, 9]
del l[5:100]
assert l == [0, 1, 3, 4, 6]
del l[-2:]
assert l == [0, 1, 3]
del l[10:20]
assert l == [0, 1, 3]

# Index assignment.
l = [1, 2, 3]
l[0] = "a"
l[-1] = "c"
assert l == ["a", 2, "c"]
try:
    l[3] = 0
except IndexError as e:
    assert str(e) == "list assignment index out of range"
else:
    raise AssertionError
try:
    l[-4] = 0
except IndexError:
    pass
else:
    raise AssertionError

# Slices with slice objects, None parts and huge bounds.
l = list(range(5))
sl = slice(1, None, 2)
assert l[sl] == [1, 3]
l[sl] = ["x", "y"]
assert l == [0, "x", 2, "y", 4]
assert l[slice(None)] == l
assert l[-(2 ** 70):2 ** 70] == l
assert l[2 ** 70:] == []
assert l[::2 ** 70] == [0]
assert l[::-(2 ** 70)] == [4]

# Slice equivalence with a reference implementation.
def ref_slice(seq, start, stop, step):
    return [seq[i] for i in range(*slice(start, stop, step).indices(len(seq)))]
data = list("abcdefgh")
for start in (None, -10, -3, 0, 2, 7, 8, 11):
    for stop in (None, -10, -3, 0, 2, 7, 8, 11):
        for step in (None, 1, 2, 3, -1, -2, -3):
            assert data[start:stop:step] == ref_slice(data, start, stop, step), (start, stop, step)
            cp = list(data)
            del cp[start:stop:step]
            removed = set(range(*slice(start, stop, step).indices(len(data))))
            assert cp == [v for i, v in enumerate(data) if i not in removed], (start, stop, step)

# Tuples and strings share slice semantics.
t = tuple(range(5))
assert t[1:4] == (1, 2, 3) and t[::-1] == (4, 3, 2, 1, 0) and type(t[1:2]) is tuple
print("ok")
