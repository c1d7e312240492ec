# PEP 479: StopIteration raised inside a generator becomes RuntimeError.

def leaks_stop():
    yield 1
    raise StopIteration("inner")

g = leaks_stop()
assert next(g) == 1
try:
    next(g)
except RuntimeError as e:
    assert str(e) == "generator raised StopIteration", str(e)
    assert isinstance(e.__cause__, StopIteration)
    assert e.__cause__.args == ("inner",)
else:
    raise AssertionError

# The classic bug: calling next() on an exhausted iterator inside a generator.
def first_of_each(iterables):
    for it in iterables:
        yield next(iter(it))
try:
    list(first_of_each([[1], [], [3]]))
except RuntimeError as e:
    assert str(e) == "generator raised StopIteration"
else:
    raise AssertionError

# Returning is the right way to stop.
def stops_properly():
    yield 1
    return
assert list(stops_properly()) == [1]

# StopIteration caught inside the generator is fine.
def handles():
    it = iter([1])
    while True:
        try:
            v = next(it)
        except StopIteration:
            return "done"
        yield v
assert list(handles()) == [1]

# Generator expressions follow the same rule.
def boom(x):
    raise StopIteration
try:
    list(boom(x) for x in [1])
except RuntimeError as e:
    assert str(e) == "generator raised StopIteration"
else:
    raise AssertionError

# But a StopIteration in a list comprehension just propagates as StopIteration.
try:
    [boom(x) for x in [1]]
except StopIteration:
    pass
else:
    raise AssertionError

# StopIteration subclasses are converted too.
class MyStop(StopIteration):
    pass
def raises_sub():
    raise MyStop
    yield
try:
    next(raises_sub())
except RuntimeError as e:
    assert type(e.__cause__) is MyStop
else:
    raise AssertionError

# Other exceptions are untouched.
def raises_value():
    raise ValueError("v")
    yield
try:
    next(raises_value())
except ValueError:
    pass

# StopIteration raised directly in a plain iterator's __next__ just ends iteration.
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
assert list(It()) == [1, 2]

# After the RuntimeError the generator is finished.
g = leaks_stop()
next(g)
try:
    next(g)
except RuntimeError:
    pass
assert list(g) == []

# StopIteration from a yield from subgenerator's own code is converted in the subgenerator.
def sub():
    yield 1
    raise StopIteration
def deleg():
    yield from sub()
try:
    list(deleg())
except RuntimeError:
    pass
else:
    raise AssertionError
print("ok")
