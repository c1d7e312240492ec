# Exception chaining: __context__, __cause__, __suppress_context__, raise from None.

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    assert isinstance(e.__context__, ZeroDivisionError)
    assert e.__cause__ is None
    assert e.__suppress_context__ is False

try:
    try:
        {}["k"]
    except KeyError as ke:
        raise RuntimeError("explicit") from ke
except RuntimeError as e:
    assert isinstance(e.__cause__, KeyError)
    assert e.__cause__ is e.__context__
    assert e.__suppress_context__ is True

try:
    try:
        int("x")
    except ValueError:
        raise TypeError("hidden context") from None
except TypeError as e:
    assert e.__cause__ is None
    assert isinstance(e.__context__, ValueError)   # context still recorded
    assert e.__suppress_context__ is True

# raise ... from <exception class> instantiates the cause.
try:
    raise ValueError from KeyError
except ValueError as e:
    assert type(e.__cause__) is KeyError

# Cause must be an exception or None.
try:
    raise ValueError from 5
except TypeError as e:
    assert str(e) == "exception causes must derive from BaseException", str(e)
else:
    raise AssertionError

# raise ... from outside an except block: context stays None.
try:
    raise ValueError("a") from OSError("b")
except ValueError as e:
    assert e.__context__ is None and isinstance(e.__cause__, OSError)

# Bare raise re-raises the current exception, keeping its identity.
def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    assert e.args == ("orig",) and e.__context__ is None

captured = None
try:
    try:
        raise IndexError("x")
    except IndexError as e:
        captured = e
        raise
except IndexError as e2:
    assert e2 is captured

# Bare raise with no active exception.
try:
    raise
except RuntimeError as e:
    assert str(e) == "No active exception to reraise", str(e)
else:
    raise AssertionError

# Re-raising a caught exception object later (outside the handler).
saved = None
try:
    raise LookupError("saved")
except LookupError as e:
    saved = e
try:
    raise saved
except LookupError as e:
    assert e is saved

# Context chains across multiple levels.
try:
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise TypeError(2)
    except TypeError:
        raise KeyError(3)
except KeyError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(type(cur).__name__)
        cur = cur.__context__
    assert chain == ["KeyError", "TypeError", "ValueError"], chain

# Context is not set to itself when re-raising the same exception.
try:
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e
except ValueError as e:
    assert e.__context__ is None

# Cycles in context are broken: raising the outer exception inside handling of the inner.
a = ValueError("a")
b = TypeError("b")
try:
    try:
        raise a
    except ValueError:
        raise b
except TypeError:
    pass
try:
    try:
        raise b
    except TypeError:
        raise a
except ValueError as e:
    assert e is a and a.__context__ is b and b.__context__ is None

# Setting __cause__ and __suppress_context__ manually.
e = RuntimeError("manual")
e.__cause__ = KeyError("k")
assert e.__suppress_context__ is True or e.__suppress_context__ is False
e.__suppress_context__ = False
assert e.__suppress_context__ is False
try:
    e.__cause__ = "not an exception"
except TypeError as te:
    assert str(te) == "exception cause must be None or derive from BaseException", str(te)
else:
    raise AssertionError

# Exception in a finally block during handling gets the handled exception as context.
try:
    try:
        raise OSError("io")
    finally:
        pass
except OSError:
    try:
        raise MemoryError("mem")
    except MemoryError as inner:
        assert isinstance(inner.__context__, OSError)

# with_traceback returns the same exception.
ex = ValueError("tb")
assert ex.with_traceback(None) is ex
print("ok")
