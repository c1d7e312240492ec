# assert (with and without messages) and pass.

assert True
assert 1, "never shown"
try:
    assert False
except AssertionError as e:
    assert e.args == (), e.args
    assert str(e) == ""
else:
    raise AssertionError("assert False did not raise")

try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    assert e.args == ("one is not two",)
    assert str(e) == "one is not two"

try:
    x = [1, 2]
    assert len(x) == 3, ("bad length", len(x))
except AssertionError as e:
    assert e.args == (("bad length", 2),), e.args

# The message expression is evaluated only on failure.
calls = []
def msg():
    calls.append(1)
    return "m"
assert True, msg()
assert calls == []
try:
    assert 0, msg()
except AssertionError:
    pass
assert calls == [1]

# Message may be any object.
try:
    assert None, 42
except AssertionError as e:
    assert e.args == (42,) and str(e) == "42"

# assert with a tuple is always true (and a classic mistake); here just check that the
# expression is truthy.
t = (False, "msg")
assert t

# pass in various positions.
def nothing():
    pass
assert nothing() is None

class Empty:
    pass
assert Empty.__name__ == "Empty"

for i in range(3):
    pass
assert i == 2

if True:
    pass
else:
    pass

while False:
    pass

try:
    pass
except Exception:
    pass
finally:
    pass

def only_docstring():
    "just a docstring"
assert only_docstring() is None
assert only_docstring.__doc__ == "just a docstring"

# Ellipsis as a no-op statement.
def stub():
    ...
assert stub() is None
assert ... is Ellipsis
assert repr(...) == "Ellipsis"
print("ok")
