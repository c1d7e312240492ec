# Boolean operators, short-circuiting, truthiness and conditional expressions.

assert (True and False) is False
assert (True or False) is True
assert (not True) is False
assert (not 0) is True

# and/or return one of their operands.
assert (1 and 2) == 2
assert (0 and 2) == 0
assert (1 or 2) == 1
assert (0 or 2) == 2
assert ("" or "default") == "default"
assert ([] and 1) == []
assert (None or 0) == 0
assert (0 or None) is None
assert (1 and [] and 3) == []
assert (0 or "" or [] or {} or "last") == "last"

log = []
def t(x):
    log.append(x)
    return x

assert (t(0) and t(1)) == 0
assert log == [0]
log.clear()
assert (t(1) or t(2)) == 1
assert log == [1]
log.clear()
assert (t(0) or t(0) or t(3)) == 3
assert log == [0, 0, 3]
log.clear()
assert t(1) and t(2) and t(3)
assert log == [1, 2, 3]
log.clear()
t(1) or t(2) and t(3)    # and binds tighter
assert log == [1]
log.clear()
t(0) or t(2) and t(3)
assert log == [0, 2, 3]

# Falsy values.
falsy = [False, None, 0, 0.0, -0.0, "", [], (), {}, set(), frozenset(), range(0), b"", bytearray()]
for v in falsy:
    assert not v, v
    assert bool(v) is False
truthy = [True, 1, -1, 0.1, "0", " ", [0], (None,), {0: 0}, {0}, range(1), b"\x00", float("nan"), object()]
for v in truthy:
    assert v, v
    assert bool(v) is True

# bool is a subclass of int, with two singletons.
assert isinstance(True, int)
assert bool(5) is True
assert bool() is False
assert str(True) == "True" and repr(False) == "False"
assert True == 1 and hash(True) == hash(1)
try:
    class B(bool):
        pass
except TypeError as e:
    assert str(e) == "type 'bool' is not an acceptable base type", str(e)
else:
    raise AssertionError

# Conditional expressions.
x = 5
assert ("big" if x > 3 else "small") == "big"
assert ("big" if x > 10 else "small") == "small"
assert (1 if 0 else 2 if 0 else 3) == 3         # right associative
assert (1 if 0 else (2 if 1 else 3)) == 2
log.clear()
r = t("a") if t(0) else t("b")
assert r == "b" and log == [0, "b"], log
y = [i if i % 2 else -i for i in range(5)]
assert y == [0, 1, -2, 3, -4]
f = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
assert [f(-1), f(0), f(1)] == ["neg", "zero", "pos"]

# not with comparisons.
assert not 1 > 2
assert (not 1) + 1 == 1
assert not not 3

# if/elif/else chains.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
assert [classify(v) for v in (-5, 0, 5, 50)] == ["negative", "zero", "small", "large"]

# while with complex conditions.
i, j = 0, 10
while i < 5 and j > 6:
    i += 1
    j -= 1
assert (i, j) == (4, 6)
print("ok")
