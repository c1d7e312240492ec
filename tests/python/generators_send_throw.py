# send(), throw() and their interaction with generator state.

def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
assert next(a) is None
assert a.send(10) == 10.0
assert a.send(20) == 15.0
assert a.send(0) == 10.0

# send(non-None) on a just-started generator is an error.
def simple():
    x = yield 1
    yield x
s = simple()
try:
    s.send("too early")
except TypeError as e:
    assert str(e) == "can't send non-None value to a just-started generator", str(e)
else:
    raise AssertionError
assert s.send(None) == 1          # send(None) works like next()
assert s.send("v") == "v"

# send to an exhausted generator raises StopIteration.
try:
    s.send(1)
except StopIteration:
    pass
try:
    s.send(1)
except StopIteration:
    pass
else:
    raise AssertionError

# throw() raises at the paused yield.
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            yield "caught " + str(e)
        except KeyError:
            return "key-exit"

c = catcher()
assert next(c) == "waiting"
assert c.throw(ValueError("bad")) == "caught bad"
assert next(c) == "waiting"
try:
    c.throw(KeyError)
except StopIteration as e:
    assert e.value == "key-exit"
else:
    raise AssertionError

# throw() with an exception type, instance, or type plus value.
def catch_all():
    while True:
        try:
            yield
        except Exception as e:
            yield (type(e).__name__, e.args)
g = catch_all()
next(g)
assert g.throw(IndexError) == ("IndexError", ())
next(g)
assert g.throw(IndexError("i")) == ("IndexError", ("i",))
next(g)
assert g.throw(TypeError, "msg") == ("TypeError", ("msg",))   # deprecated form still works in 3.11

# Unhandled thrown exceptions propagate out and finish the generator.
def no_handler():
    yield 1
    yield 2
n = no_handler()
next(n)
try:
    n.throw(RuntimeError("out"))
except RuntimeError as e:
    assert str(e) == "out"
else:
    raise AssertionError
assert list(n) == []

# throw() into a just-created generator raises immediately (no code runs).
ran = []
def never_runs():
    ran.append(1)
    yield
nr = never_runs()
try:
    nr.throw(ValueError)
except ValueError:
    pass
assert ran == []
assert list(nr) == []

# throw() into a finished generator re-raises.
done = no_handler()
list(done)
try:
    done.throw(ZeroDivisionError)
except ZeroDivisionError:
    pass
else:
    raise AssertionError

# A generator can transform a thrown exception.
def transformer():
    try:
        yield
    except ValueError as e:
        raise KeyError("converted") from e
t = transformer()
next(t)
try:
    t.throw(ValueError("orig"))
except KeyError as e:
    assert isinstance(e.__cause__, ValueError)
else:
    raise AssertionError

# Coroutine-style consumer pipeline.
def collector(sink):
    while True:
        item = yield
        sink.append(item)
def filter_stage(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
sink = []
col = collector(sink)
next(col)
flt = filter_stage(lambda x: x % 3 == 0, col)
next(flt)
for i in range(10):
    flt.send(i)
assert sink == [0, 3, 6, 9]

# Throwing into a generator that yields inside finally.
def yield_in_finally():
    try:
        yield 1
    finally:
        yield "cleanup"
y = yield_in_finally()
next(y)
assert y.throw(ValueError) == "cleanup"
try:
    next(y)
except ValueError:
    pass
else:
    raise AssertionError

# The traceback of a thrown exception includes the generator frame.
def gen_tb():
    yield
gt = gen_tb()
next(gt)
try:
    gt.throw(OSError("x"))
except OSError as e:
    tb = e.__traceback__
    depth = 0
    while tb is not None:
        depth += 1
        tb = tb.tb_next
    assert depth >= 2, depth
print("ok")
