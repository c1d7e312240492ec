# try/except/else/finally in all combinations.

def run(fn):
    log = []
    try:
        fn(log)
    except Exception as e:
        log.append("escaped " + type(e).__name__)
    return log

def t1(log):
    try:
        log.append("body")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
assert run(t1) == ["body", "else", "finally"]

def t2(log):
    try:
        log.append("body")
        raise ValueError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
assert run(t2) == ["body", "except", "finally"]

def t3(log):
    try:
        raise KeyError
    except ValueError:
        log.append("wrong")
    finally:
        log.append("finally")
assert run(t3) == ["finally", "escaped KeyError"]

def t4(log):
    try:
        raise KeyError
    except ValueError:
        log.append("value")
    except LookupError:
        log.append("lookup")
    except KeyError:
        log.append("key (unreachable)")
assert run(t4) == ["lookup"]

def t5(log):
    try:
        log.append("body")
    finally:
        log.append("finally")
assert run(t5) == ["body", "finally"]

def t6(log):
    try:
        pass
    except Exception:
        pass
    else:
        log.append("else raises")
        raise TypeError
assert run(t6) == ["else raises", "escaped TypeError"]

# Exception in else is not caught by the same try's handlers.
def t7(log):
    try:
        pass
    except TypeError:
        log.append("caught in same try")
    else:
        raise TypeError
assert run(t7) == ["escaped TypeError"]

# Exception raised in an except clause propagates (finally still runs).
def t8(log):
    try:
        raise ValueError
    except ValueError:
        log.append("handler")
        raise IndexError
    finally:
        log.append("finally")
assert run(t8) == ["handler", "finally", "escaped IndexError"]

# Exception raised inside finally replaces the pending one.
def t9(log):
    try:
        raise ValueError
    finally:
        raise KeyError
assert run(t9) == ["escaped KeyError"]

# Tuple of exception types, and "as" binding.
def t10(log):
    for exc in (ValueError("v"), TypeError("t"), KeyError("k")):
        try:
            raise exc
        except (ValueError, TypeError) as e:
            log.append("tuple " + str(e))
        except Exception as e:
            log.append("other " + type(e).__name__)
assert run(t10) == ["tuple v", "tuple t", "other KeyError"]

# Bare except catches everything including BaseException subclasses.
def t11(log):
    try:
        raise SystemExit(2)
    except:
        log.append("bare")
assert run(t11) == ["bare"]

# The name bound by "as" is deleted at the end of the handler.
def t12(log):
    e = "before"
    try:
        raise ValueError
    except ValueError as e:
        log.append("in handler")
    try:
        e
    except UnboundLocalError:
        log.append("e unbound")
assert run(t12) == ["in handler", "e unbound"]

# Nested try blocks.
def t13(log):
    try:
        try:
            raise ValueError("inner")
        except KeyError:
            log.append("inner wrong")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append("outer caught " + str(e))
    finally:
        log.append("outer finally")
assert run(t13) == ["inner finally", "outer caught inner", "outer finally"]

# Exceptions from called functions.
def thrower():
    raise LookupError("deep")
def t14(log):
    try:
        thrower()
    except LookupError as e:
        log.append(str(e))
assert run(t14) == ["deep"]

# Handler matching uses isinstance against classes evaluated at raise time.
handlers = (ZeroDivisionError,)
def t15(log):
    try:
        1 / 0
    except handlers:
        log.append("dynamic tuple")
assert run(t15) == ["dynamic tuple"]

# Catching with a non-exception class raises TypeError.
def t16(log):
    try:
        raise ValueError
    except int:
        pass
r = run(t16)
assert r == ["escaped TypeError"], r

# raise with a class instantiates it.
try:
    raise KeyError
except KeyError as e:
    assert e.args == () and type(e) is KeyError

# Raising a non-exception.
try:
    raise 5
except TypeError as e:
    assert str(e) == "exceptions must derive from BaseException", str(e)
else:
    raise AssertionError

# Exception caught in a loop, loop continues.
results = []
for v in [1, 0, 2, "x", 4]:
    try:
        results.append(10 // v)
    except ZeroDivisionError:
        results.append("zde")
    except TypeError:
        results.append("type")
    else:
        results.append("ok")
assert results == [10, "ok", "zde", 5, "ok", "type", 2, "ok"]
print("ok")
