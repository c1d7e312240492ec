# finally with return, break and continue; return value overriding; ordering.

def ret_in_try():
    try:
        return "try"
    finally:
        pass
assert ret_in_try() == "try"

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
assert finally_overrides() == "finally"

def finally_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
assert finally_swallows_exception() == "swallowed"

log = []
def side_effect_order():
    try:
        log.append("try")
        return log.append("return expr") or "value"
    finally:
        log.append("finally")
assert side_effect_order() == "value"
assert log == ["try", "return expr", "finally"]

# The return value is computed before finally runs and is not affected by later mutation
# of the variable (but mutation of the object is visible).
def mutation():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
        x = "rebound"
assert mutation() == [1, 2]

# break in finally cancels an exception.
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError
        finally:
            break
    return i
assert break_in_finally() == 0

# continue in finally (allowed since 3.8).
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
assert continue_in_finally() == [0, 2]

# break/continue inside try run the finally.
def loop_flow():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
assert loop_flow() == [0, "f0", "f1", 2, "f2", "f3"]

# Nested finally blocks all run, innermost first.
def nested():
    out = []
    try:
        try:
            try:
                return out
            finally:
                out.append(1)
        finally:
            out.append(2)
    finally:
        out.append(3)
assert nested() == [1, 2, 3]

# Return in except plus finally.
def except_return():
    out = []
    try:
        raise ValueError
    except ValueError:
        out.append("except")
        return out
    finally:
        out.append("finally")
assert except_return() == ["except", "finally"]

# while True with try/finally and break.
def while_break():
    n = 0
    steps = 0
    while True:
        try:
            steps += 1
            if steps == 3:
                break
        finally:
            n += 10
    return n, steps
assert while_break() == (30, 3)

# Exception propagating through several finally blocks in different frames.
trail = []
def level3():
    try:
        raise RuntimeError("bottom")
    finally:
        trail.append(3)
def level2():
    try:
        level3()
    finally:
        trail.append(2)
def level1():
    try:
        level2()
    except RuntimeError as e:
        trail.append("caught " + str(e))
    finally:
        trail.append(1)
level1()
assert trail == [3, 2, "caught bottom", 1]

# finally runs for generator return.
def gen():
    try:
        yield 1
        return
    finally:
        trail.append("gen finally")
trail.clear()
assert list(gen()) == [1] and trail == ["gen finally"]

# The exception in finally chains to the pending one.
try:
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
except TypeError as e:
    assert isinstance(e.__context__, ValueError)
    assert str(e.__context__) == "first"

# Return inside a loop inside try/finally.
def find_first_even(xs):
    checked = []
    for x in xs:
        try:
            if x % 2 == 0:
                return x, checked
        finally:
            checked.append(x)
    return None, checked
assert find_first_even([1, 3, 4, 5]) == (4, [1, 3, 4])
print("ok")
