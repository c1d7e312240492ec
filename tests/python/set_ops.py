# set and frozenset: methods, operators, comparisons, hashing, errors.

s = {1, 2, 3}
assert len(s) == 3 and 2 in s and 4 not in s
s.add(4)
s.add(4)
assert s == {1, 2, 3, 4}
s.remove(4)
try:
    s.remove(4)
except KeyError as e:
    assert e.args == (4,)
else:
    raise AssertionError
s.discard(4)
s.discard(3)
assert s == {1, 2}
p = s.pop()
assert p in (1, 2) and len(s) == 1
s.clear()
assert s == set() and not s
try:
    s.pop()
except KeyError as e:
    assert str(e) == "'pop from an empty set'"
else:
    raise AssertionError

# Constructors.
assert set() == set([]) and set("aab") == {"a", "b"} and set(range(3)) == {0, 1, 2}
assert set({"k": 1}) == {"k"}
assert frozenset([1, 1, 2]) == frozenset({1, 2})
assert {1, 2} == frozenset([1, 2]) and type({1} | frozenset([2])) is set
assert type(frozenset([1]) | {2}) is frozenset
assert repr(set()) == "set()" and repr(frozenset()) == "frozenset()"
assert repr({1}) == "{1}" and repr(frozenset([1])) == "frozenset({1})"
assert repr({"only"}) == "{'only'}"

# Operators and methods.
a = {1, 2, 3, 4}
b = {3, 4, 5}
assert a | b == {1, 2, 3, 4, 5} == a.union(b)
assert a & b == {3, 4} == a.intersection(b)
assert a - b == {1, 2} == a.difference(b)
assert b - a == {5}
assert a ^ b == {1, 2, 5} == a.symmetric_difference(b)
assert a.union([9], (8,)) == {1, 2, 3, 4, 8, 9}
assert a.intersection([3], [3, 4]) == {3}
assert a.difference([1], [2]) == {3, 4}
assert a.intersection() == a and a.intersection() is not a
try:
    a | [5]
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for |: 'set' and 'list'", str(e)
else:
    raise AssertionError

# In-place variants.
c = {1, 2, 3}
c |= {4}
c &= {2, 3, 4}
c -= {3}
c ^= {4, 5}
assert c == {2, 5}
c.update([7], "x")
assert c == {2, 5, 7, "x"}
c.intersection_update({2, 7, 9})
assert c == {2, 7}
c.difference_update([2])
assert c == {7}
c.symmetric_difference_update({7, 8})
assert c == {8}
alias = c
c |= {9}
assert alias is c and alias == {8, 9}

# Comparisons: subset/superset.
assert {1, 2} <= {1, 2, 3} and {1, 2} < {1, 2, 3}
assert {1, 2} <= {1, 2} and not {1, 2} < {1, 2}
assert {1, 2, 3} >= {1} and {1, 2, 3} > {1, 2}
assert not ({1, 4} <= {1, 2, 3})
assert {1}.issubset([1, 2]) and {1, 2}.issuperset((1,))
assert {1}.isdisjoint({2}) and not {1}.isdisjoint([1])
assert not ({1} < {2}) and not ({2} < {1}) and {1} != {2}    # partial order

# copy.
orig = {1, 2}
cp = orig.copy()
cp.add(3)
assert orig == {1, 2}

# frozenset is hashable and immutable.
fs = frozenset("abc")
assert hash(fs) == hash(frozenset("cba"))
assert {fs: 1}[frozenset("bca")] == 1
assert {frozenset([1]), frozenset([1])} == {frozenset([1])}
try:
    fs.add("d")
except AttributeError as e:
    assert str(e) == "'frozenset' object has no attribute 'add'"
else:
    raise AssertionError
try:
    hash({1})
except TypeError as e:
    assert str(e) == "unhashable type: 'set'"
# A set can contain frozensets and test membership of sets via frozenset conversion.
nested = {frozenset([1, 2]), frozenset([3])}
assert frozenset([2, 1]) in nested
assert {1, 2} in nested            # set is converted to frozenset for lookup

# Unhashable elements.
try:
    {[1]}
except TypeError as e:
    assert str(e) == "unhashable type: 'list'"
else:
    raise AssertionError
try:
    set([{}])
except TypeError as e:
    assert str(e) == "unhashable type: 'dict'"

# Numeric equality in sets.
assert {1, 1.0, True} == {1} and len({0, False, 0.0, -0.0}) == 1
assert 1.0 in {1} and True in {1}

# Mutation during iteration.
try:
    st = {1, 2, 3}
    for x in st:
        st.add(x * 10)
except RuntimeError as e:
    assert str(e) == "Set changed size during iteration", str(e)
else:
    raise AssertionError

# Set comprehension and sorted output (never rely on iteration order).
squares = {x * x for x in range(-3, 4)}
assert sorted(squares) == [0, 1, 4, 9]
assert sum({1, 2, 3}) == 6 and max({5, 1}) == 5 and min(frozenset([4, 2])) == 2
words = "the cat and the hat and the bat".split()
assert len(set(words)) == 5
assert sorted(set(words)) == ["and", "bat", "cat", "hat", "the"]

# Large sets.
big = set(range(10000))
big -= set(range(0, 10000, 2))
assert len(big) == 5000 and 9999 in big and 0 not in big
print("ok")
