# str() and repr() of exceptions, as programs typically print them.

def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)

show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1.5 % 0)
show(lambda: [][0])
show(lambda: (1,)[5])
show(lambda: "abc"[10])
show(lambda: {}["missing"])
show(lambda: {}[(1, "t")])
show(lambda: int("x1"))
show(lambda: float("1.2.3"))
show(lambda: [1].remove(5))
show(lambda: "abc".index("z"))
show(lambda: None + 1)
show(lambda: "a" + 1)
show(lambda: len(5))
show(lambda: undefined_name)
show(lambda: (5).attr)
show(lambda: object().x)
show(lambda: {[]: 1})
show(lambda: iter(5))
show(lambda: next(iter([])))
show(lambda: int(None))
show(lambda: "a" < 1)
show(lambda: [].pop())
show(lambda: set().pop())
show(lambda: chr(-1))
show(lambda: b"\xff".decode())
show(lambda: "é".encode("ascii"))
show(lambda: __import__("no_such_module_for_krait"))
show(lambda: (_ for _ in ()).throw(ValueError("thrown", 2)))

class MyError(Exception):
    pass
class WithStr(Exception):
    def __str__(self):
        return "custom text"

show(lambda: (_ for _ in ()).throw(MyError()))
show(lambda: (_ for _ in ()).throw(MyError("one")))
show(lambda: (_ for _ in ()).throw(MyError("a", 1, None)))
show(lambda: (_ for _ in ()).throw(WithStr("ignored")))

for e in (Exception(), Exception(""), Exception(None), KeyError(), KeyError("k"), KeyError(1, 2),
          OSError(2, "msg"), OSError(2, "msg", "file.txt"), SystemExit(3), StopIteration("v"),
          UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")):
    print(repr(e), "|", str(e))

try:
    try:
        raise ValueError("inner")
    except ValueError as inner:
        raise RuntimeError("outer") from inner
except RuntimeError as outer:
    print(repr(outer), repr(outer.__cause__), repr(outer.__context__), outer.__suppress_context__)

def fails():
    raise LookupError("deep")
try:
    fails()
except LookupError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("raised at line", tb.tb_lineno, "in", tb.tb_frame.f_code.co_name)
