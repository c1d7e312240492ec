# Built-in operations raise the right exception types with CPython's messages.

def check(exc_type, message, fn):
    try:
        fn()
    except exc_type as e:
        if message is not None:
            assert str(e) == message, (str(e), message)
        return e
    except BaseException as e:
        raise AssertionError("expected %s, got %r" % (exc_type.__name__, e))
    raise AssertionError("expected %s(%r), nothing raised" % (exc_type.__name__, message))

lst = [1, 2, 3]
tup = (1,)
s = "abc"
d = {"a": 1}

check(IndexError, "list index out of range", lambda: lst[3])
check(IndexError, "list index out of range", lambda: lst[-4])
check(IndexError, "tuple index out of range", lambda: tup[1])
check(IndexError, "string index out of range", lambda: s[10])
check(IndexError, "range object index out of range", lambda: range(3)[5])
check(IndexError, "pop from empty list", lambda: [].pop())
check(IndexError, "pop index out of range", lambda: [1].pop(5))
check(IndexError, "list assignment index out of range", lambda: lst.__setitem__(10, 0))
check(IndexError, "index out of range", lambda: b"ab"[5])
check(KeyError, "'missing'", lambda: d["missing"])
check(KeyError, "'popitem(): dictionary is empty'", lambda: {}.popitem())
check(KeyError, "'pop from an empty set'", lambda: set().pop())
check(KeyError, "3", lambda: {1}.remove(3))
check(KeyError, "'x'", lambda: {}.pop("x"))
check(ValueError, "list.remove(x): x not in list", lambda: [1].remove(2))
check(ValueError, "5 is not in list", lambda: [1].index(5))
check(ValueError, "tuple.index(x): x not in tuple", lambda: (1,).index(5))
check(ValueError, "substring not found", lambda: "abc".index("z"))
check(ValueError, "substring not found", lambda: "abc".rindex("z"))
check(ValueError, "invalid literal for int() with base 10: 'abc'", lambda: int("abc"))
check(ValueError, "invalid literal for int() with base 10: ''", lambda: int(""))
check(ValueError, "invalid literal for int() with base 2: '2'", lambda: int("2", 2))
check(ValueError, "could not convert string to float: 'x'", lambda: float("x"))
check(ValueError, "max() arg is an empty sequence", lambda: max([]))
check(ValueError, "min() arg is an empty sequence", lambda: min([]))
check(ValueError, "chr() arg not in range(0x110000)", lambda: chr(-1))
check(ValueError, "range() arg 3 must not be zero", lambda: range(1, 2, 0))
check(ValueError, "empty separator", lambda: "a".split(""))
check(ValueError, "math domain error", lambda: __import__("math").sqrt(-1))
check(ValueError, "too many values to unpack (expected 1)", lambda: [(a,) for (a,) in [(1, 2)]])
check(TypeError, "can only concatenate str (not \"int\") to str", lambda: "a" + 1)
check(TypeError, "can only concatenate list (not \"str\") to list", lambda: [] + "a")
check(TypeError, "can only concatenate tuple (not \"list\") to tuple", lambda: () + [])
check(TypeError, "can't multiply sequence by non-int of type 'float'", lambda: "a" * 1.5)
check(TypeError, "can't multiply sequence by non-int of type 'str'", lambda: [1] * "a")
check(TypeError, "'int' object is not iterable", lambda: list(5))
check(TypeError, "'NoneType' object is not iterable", lambda: [x for x in None])
check(TypeError, "'int' object is not callable", lambda: (lambda: 5)()())
check(TypeError, "'NoneType' object is not subscriptable", lambda: (lambda: None)()[0])
check(TypeError, "object of type 'int' has no len()", lambda: len(1))
check(TypeError, "unhashable type: 'list'", lambda: {[]: 1})
check(TypeError, "unhashable type: 'dict'", lambda: {1: 2} in {1})
def str_setitem():
    s[0] = "x"
check(TypeError, "'str' object does not support item assignment", str_setitem)
check(TypeError, "int() can't convert non-string with explicit base", lambda: int(5, 2))
check(TypeError, "ord() expected a character, but string of length 2 found", lambda: ord("ab"))
check(TypeError, "sequence item 1: expected str instance, int found", lambda: ",".join(["a", 1]))
check(TypeError, None, lambda: sorted(["a", 1]))  # operand order depends on the sort algorithm
check(TypeError, "unsupported operand type(s) for +: 'int' and 'NoneType'", lambda: 1 + None)
check(TypeError, "unsupported operand type(s) for +: 'dict' and 'dict'", lambda: {} + {})
check(TypeError, "len() takes exactly one argument (2 given)", lambda: len(1, 2))
check(TypeError, "abs() takes exactly one argument (0 given)", lambda: abs())
check(TypeError, "'float' object cannot be interpreted as an integer", lambda: range(1.5))
check(TypeError, "'str' object cannot be interpreted as an integer", lambda: range("a"))
check(TypeError, "descriptor 'append' for 'list' objects doesn't apply to a 'tuple' object", lambda: list.append((), 1))
check(AttributeError, "'int' object has no attribute 'foo'", lambda: (5).foo)
check(AttributeError, "'str' object has no attribute 'append'", lambda: "s".append)
check(AttributeError, "'NoneType' object has no attribute 'x'", lambda: None.x)
check(AttributeError, "'list' object attribute 'append' is read-only", lambda: setattr([], "append", 1))
check(AttributeError, "'int' object has no attribute 'x'", lambda: setattr(1, "x", 2))
check(AttributeError, "type object 'int' has no attribute 'nope'", lambda: int.nope)
check(AttributeError, "module 'math' has no attribute 'nope'", lambda: __import__("math").nope)
check(NameError, "name 'nonexistent_global' is not defined", lambda: nonexistent_global)
check(ZeroDivisionError, "division by zero", lambda: 5 / 0)
check(ZeroDivisionError, "integer division or modulo by zero", lambda: 5 // 0)
check(ZeroDivisionError, "integer modulo by zero", lambda: 5 % 0)
check(ZeroDivisionError, "integer division or modulo by zero", lambda: divmod(5, 0))
check(ZeroDivisionError, "float division by zero", lambda: 5.0 / 0)
check(ZeroDivisionError, "float modulo", lambda: 5.0 % 0)
check(OverflowError, "int too large to convert to float", lambda: float(2 ** 2000))
check(OverflowError, "math range error", lambda: __import__("math").exp(1000))
check(RuntimeError, "dictionary changed size during iteration",
      lambda: [d.__setitem__(k + "x", 1) for k in d])
check(RuntimeError, "Set changed size during iteration",
      lambda: [st.add(x + 10) for st in [{1}] for x in st])
check(StopIteration, None, lambda: next(iter([])))
check(UnicodeEncodeError, "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)",
      lambda: "é".encode("ascii"))
check(LookupError, "unknown encoding: nope", lambda: "a".encode("nope"))
def failing_assert():
    assert False, "msg"
check(AssertionError, "msg", failing_assert)

def unbound():
    print(v)
    v = 1
check(UnboundLocalError, "cannot access local variable 'v' where it is not associated with a value", unbound)
print("ok")
