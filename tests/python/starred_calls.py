# Starred expressions in calls and displays, *args and **kwargs.

def f(*args, **kwargs):
    return args, kwargs

assert f() == ((), {})
assert f(1, 2) == ((1, 2), {})
assert f(*[1, 2], 3) == ((1, 2, 3), {})
assert f(*"ab", *range(2)) == (("a", "b", 0, 1), {})
assert f(a=1, **{"b": 2}) == ((), {"a": 1, "b": 2})
assert f(**{"x": 1}, **{"y": 2}) == ((), {"x": 1, "y": 2})
assert f(1, *(2, 3), 4, *[5], k=1, **{"m": 2}) == ((1, 2, 3, 4, 5), {"k": 1, "m": 2})
assert f(*(), **{}) == ((), {})
args, kwargs = f(*(i for i in range(3)))
assert args == (0, 1, 2) and type(args) is tuple
assert type(kwargs) is dict

# kwargs keep call order.
_, kw = f(z=1, a=2, m=3)
assert list(kw) == ["z", "a", "m"]

def g(a, b, c=0):
    return a + b * 10 + c * 100

assert g(*[1, 2]) == 21
assert g(1, *[2, 3]) == 321
assert g(**{"a": 1, "b": 2, "c": 3}) == 321
assert g(1, **{"c": 3, "b": 2}) == 321

def expect_type_error(msg, fn):
    try:
        fn()
    except TypeError as e:
        assert str(e) == msg, (str(e), msg)
    else:
        raise AssertionError(msg)

expect_type_error("g() got multiple values for argument 'a'", lambda: g(1, 2, a=3))
expect_type_error("g() got an unexpected keyword argument 'd'", lambda: g(1, 2, d=4))
expect_type_error("g() missing 1 required positional argument: 'b'", lambda: g(1))
expect_type_error("g() missing 2 required positional arguments: 'a' and 'b'", lambda: g())
expect_type_error("g() takes from 2 to 3 positional arguments but 4 were given", lambda: g(1, 2, 3, 4))
expect_type_error("__main__.f() got multiple values for keyword argument 'a'", lambda: f(**{"a": 1}, **{"a": 2}))
expect_type_error("__main__.f() argument after * must be an iterable, not int", lambda: f(*5))
expect_type_error("__main__.f() argument after ** must be a mapping, not list", lambda: f(**[1]))
expect_type_error("keywords must be strings", lambda: f(**{1: 2}))

def h(a, b):
    return (a, b)
expect_type_error("h() takes 2 positional arguments but 3 were given", lambda: h(1, 2, 3))

# Starred in displays.
a = [1, 2]
b = (3, 4)
assert [*a, *b] == [1, 2, 3, 4]
assert (*a, *b) == (1, 2, 3, 4)
assert (*a,) == (1, 2)
assert {*a, *b, 1} == {1, 2, 3, 4}
assert [*range(3), *"xy"] == [0, 1, 2, "x", "y"]
assert [*[], *[]] == []
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
assert {**d1, **d2} == {"a": 1, "b": 3, "c": 4}
assert list({**d1, **d2}) == ["a", "b", "c"]
assert {**d1, "a": 0} == {"a": 0, "b": 2}
assert {"a": 0, **d1} == {"a": 1, "b": 2}
try:
    {**[1, 2]}
except TypeError as e:
    assert str(e) == "'list' object is not a mapping", str(e)
else:
    raise AssertionError
try:
    [*1]
except TypeError as e:
    assert str(e) == "Value after * must be an iterable, not int", str(e)
else:
    raise AssertionError

# Forwarding wrappers.
def wrapper(*args, **kwargs):
    return g(*args, **kwargs)
assert wrapper(1, 2, c=3) == 321

# Mutating kwargs does not affect caller dict.
src = {"x": 1}
def mut(**kw):
    kw["x"] = 99
    return kw
assert mut(**src) == {"x": 99} and src == {"x": 1}

# print with starred.
def collect(*parts, sep=" "):
    return sep.join(str(p) for p in parts)
assert collect(*[1, 2, 3], sep="-") == "1-2-3"
print("ok")
