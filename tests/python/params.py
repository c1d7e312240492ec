# Parameter kinds: positional-only, positional-or-keyword, *args, keyword-only, **kwargs.

def full(a, b, /, c, d=4, *args, e, f=6, **kwargs):
    return (a, b, c, d, args, e, f, kwargs)

assert full(1, 2, 3, e=5) == (1, 2, 3, 4, (), 5, 6, {})
assert full(1, 2, c=3, e=5) == (1, 2, 3, 4, (), 5, 6, {})
assert full(1, 2, 3, 40, 50, 60, e=5, f=7, g=8) == (1, 2, 3, 40, (50, 60), 5, 7, {"g": 8})
# Positional-only names may also appear in **kwargs.
assert full(1, 2, 3, e=5, a="kw")[7] == {"a": "kw"}

def expect(msg, fn):
    try:
        fn()
    except TypeError as e:
        assert str(e) == msg, (str(e), msg)
    else:
        raise AssertionError(msg)

def po(a, b, /):
    return a - b
assert po(5, 3) == 2
expect("po() got some positional-only arguments passed as keyword arguments: 'b'",
       lambda: po(1, b=2))
expect("po() got some positional-only arguments passed as keyword arguments: 'a, b'",
       lambda: po(a=1, b=2))

def ko(*, x, y=2):
    return x * y
assert ko(x=3) == 6
assert ko(y=5, x=1) == 5
expect("ko() takes 0 positional arguments but 1 was given", lambda: ko(1))
expect("ko() missing 1 required keyword-only argument: 'x'", lambda: ko())

def ko2(*, a, b):
    pass
expect("ko2() missing 2 required keyword-only arguments: 'a' and 'b'", lambda: ko2())

def three(a, b, c):
    pass
expect("three() missing 3 required positional arguments: 'a', 'b', and 'c'", lambda: three())

def mixed(a, *, b):
    return a, b
expect("mixed() takes 1 positional argument but 2 were given", lambda: mixed(1, 2))
assert mixed(1, b=2) == (1, 2)
assert mixed(b=2, a=1) == (1, 2)

def noargs():
    return "none"
expect("noargs() takes 0 positional arguments but 1 was given", lambda: noargs(1))
expect("noargs() got an unexpected keyword argument 'z'", lambda: noargs(z=1))

def va(*args):
    return args
assert va() == ()
assert va(1) == (1,)
expect("va() got an unexpected keyword argument 'k'", lambda: va(k=1))

def kwo(**kw):
    return kw
assert kwo() == {}
assert kwo(a=1, b=2) == {"a": 1, "b": 2}
expect("kwo() takes 0 positional arguments but 1 was given", lambda: kwo(1))

# Defaults are evaluated once at definition time.
counter = [0]
def make_default():
    counter[0] += 1
    return counter[0]
def uses_default(x=make_default()):
    return x
assert uses_default() == 1 and uses_default() == 1 and counter == [0 + 1]

# Defaults can refer to earlier globals; later rebinding does not change them.
base = 10
def with_base(x=base):
    return x
base = 20
assert with_base() == 10

# __defaults__ and __kwdefaults__.
def dd(a, b=2, *, c=3, d):
    pass
assert dd.__defaults__ == (2,)
assert dd.__kwdefaults__ == {"c": 3}
def nodefs(a):
    pass
assert nodefs.__defaults__ is None
assert nodefs.__kwdefaults__ is None
assert dd.__code__.co_argcount == 2
assert dd.__code__.co_kwonlyargcount == 2
assert full.__code__.co_posonlyargcount == 2
assert dd.__code__.co_varnames[:4] == ("a", "b", "c", "d")

# Assigning __defaults__ changes behaviour.
def adj(x=1):
    return x
adj.__defaults__ = (42,)
assert adj() == 42

# Keyword argument names that look like builtins or keywords-as-strings.
def kw_names(list=1, print=2):
    return list + print
assert kw_names(print=5) == 6
assert kwo(**{"class": 1})["class"] == 1

# Recursion with keyword args.
def count_down(n, *, acc=()):
    if n == 0:
        return acc
    return count_down(n - 1, acc=acc + (n,))
assert count_down(4) == (4, 3, 2, 1)
print("ok")
