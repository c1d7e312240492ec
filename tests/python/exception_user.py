# User-defined exceptions, except clauses, sys.exc_info(), tracebacks and tb_lineno.
import sys

class AppError(Exception):
    """Base for the application."""
class NotFound(AppError):
    def __init__(self, key):
        super().__init__("not found: %s" % key)
        self.key = key
class Invalid(AppError):
    pass

def lookup(key):
    if key == "bad":
        raise Invalid("invalid key")
    raise NotFound(key)

try:
    lookup("k")
except AppError as e:
    assert type(e) is NotFound and e.key == "k" and str(e) == "not found: k"
try:
    lookup("bad")
except (NotFound, Invalid) as e:
    assert isinstance(e, Invalid) and e.args == ("invalid key",)

# Handler order matters: the first matching clause wins.
try:
    raise NotFound("x")
except AppError:
    which = "base"
except NotFound:
    which = "derived"
assert which == "base"

# The exception variable is deleted after the handler, even when it shadowed a name.
e = "sentinel"
try:
    raise ValueError
except ValueError as e:
    pass
assert "e" not in globals()

# sys.exc_info() inside and outside handlers.
assert sys.exc_info() == (None, None, None)
try:
    raise KeyError("info")
except KeyError as err:
    t, v, tb = sys.exc_info()
    assert t is KeyError and v is err and tb is err.__traceback__
    assert sys.exception() is err if hasattr(sys, "exception") else True
assert sys.exc_info() == (None, None, None)

# Nested handlers restore the outer exception afterwards.
try:
    raise ValueError("outer")
except ValueError:
    try:
        raise TypeError("inner")
    except TypeError:
        assert sys.exc_info()[0] is TypeError
    assert sys.exc_info()[0] is ValueError
assert sys.exc_info()[0] is None

# exc_info inside a function called from a handler.
def current():
    return sys.exc_info()[0]
try:
    raise IndexError
except IndexError:
    assert current() is IndexError

# Tracebacks: line numbers and frame chain.
def fail_here():
    x = 1
    raise RuntimeError("here")     # the line number of this line is checked below

def call_fail():
    fail_here()

try:
    call_fail()
except RuntimeError as exc:
    tb = exc.__traceback__
    lines = []
    names = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    assert names == ["<module>", "call_fail", "fail_here"], names
    assert lines[2] == fail_here.__code__.co_firstlineno + 2, (lines, fail_here.__code__.co_firstlineno)
    assert lines[1] == call_fail.__code__.co_firstlineno + 1

# tb_lineno of an exception raised on a known line.
try:
    raise ValueError("line check")
except ValueError as exc2:
    line_of_raise = exc2.__traceback__.tb_lineno
try:
    marker = 1; raise ValueError("same line")
except ValueError as exc3:
    assert exc3.__traceback__.tb_lineno == line_of_raise + 4, (exc3.__traceback__.tb_lineno, line_of_raise)

# Re-raising keeps the original traceback entries (and adds the re-raise frame).
def reraiser():
    try:
        fail_here()
    except RuntimeError:
        raise
try:
    reraiser()
except RuntimeError as exc4:
    n = 0
    tb = exc4.__traceback__
    while tb:
        n += 1
        tb = tb.tb_next
    assert n == 3, n

# Exceptions raised in nested functions carry the frame's locals.
def with_locals():
    secret = 42
    raise KeyError
try:
    with_locals()
except KeyError as exc5:
    tb = exc5.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    assert tb.tb_frame.f_locals["secret"] == 42

# Exception class with custom __str__ and extra state.
class HttpError(Exception):
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
    def __str__(self):
        return "%d %s" % self.args
try:
    raise HttpError(418, "teapot")
except HttpError as h:
    assert str(h) == "418 teapot" and h.status == 418
    assert repr(h) == "HttpError(418, 'teapot')"

# Exception raised from a deeply nested call is caught at the top.
def depth(n):
    if n == 0:
        raise Invalid("bottom")
    return depth(n - 1)
try:
    depth(50)
except Invalid as deep:
    count = 0
    tb = deep.__traceback__
    while tb:
        count += 1
        tb = tb.tb_next
    assert count == 52, count

# Catching BaseException subclasses explicitly.
try:
    raise KeyboardInterrupt
except Exception:
    raise AssertionError("KeyboardInterrupt is not an Exception")
except BaseException as b:
    assert type(b) is KeyboardInterrupt

# SystemExit can be caught.
try:
    sys.exit(4)
except SystemExit as se:
    assert se.code == 4
print("ok")
