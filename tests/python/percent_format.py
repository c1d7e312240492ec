# printf-style % formatting of str (and bytes).

assert "%s" % "x" == "x"
assert "%s and %s" % (1, 2) == "1 and 2"
assert "%d" % 42 == "42"
assert "%i" % -7 == "-7"
assert "%5d|" % 42 == "   42|"
assert "%-5d|" % 42 == "42   |"
assert "%05d" % 42 == "00042"
assert "%+d" % 42 == "+42"
assert "% d" % 42 == " 42"
assert "%x %X %o" % (255, 255, 8) == "ff FF 10"
assert "%#x %#o" % (255, 8) == "0xff 0o10"
assert "%f" % 3.14159 == "3.141590"
assert "%.2f" % 3.14159 == "3.14"
assert "%8.3f|" % 3.14159 == "   3.142|"
assert "%e" % 12345.678 == "1.234568e+04"
assert "%g" % 0.00001 == "1e-05"
assert "%g" % 123.0 == "123"
assert "%r" % "q" == "'q'"
assert "%a" % "é" == "'\\xe9'"
assert "%c" % 65 == "A"
assert "%c" % "z" == "z"
assert "%%" % () == "%"
assert "100%%" % () == "100%"
assert "%s" % [1, 2] == "[1, 2]"
assert "%s" % (None,) == "None"
assert "%s" % ((1, 2),) == "(1, 2)"
assert "%d" % 3.99 == "3"
assert "%d" % True == "1"
assert "%s" % True == "True"
assert "%.3s" % "abcdef" == "abc"
assert "%*d" % (5, 1) == "    1"
assert "%-*d|" % (4, 1) == "1   |"
assert "%.*f" % (2, 1.23456) == "1.23"
assert "%d" % (2 ** 80) == "1208925819614629174706176"
assert "%x" % (2 ** 80) == "100000000000000000000"
assert "%x" % -255 == "-ff"

# Mapping keys.
assert "%(name)s is %(age)d" % {"name": "Ann", "age": 30} == "Ann is 30"
assert "%(a)s%(a)s" % {"a": "x"} == "xx"
assert "%(x)5.1f" % {"x": 2.25} == "  2.2"

# Errors.
def err(exc, msg, fn):
    try:
        fn()
    except exc as e:
        assert str(e) == msg, (str(e), msg)
    else:
        raise AssertionError(msg)

err(TypeError, "not enough arguments for format string", lambda: "%s %s" % (1,))
err(TypeError, "not all arguments converted during string formatting", lambda: "%s" % (1, 2))
err(TypeError, "not all arguments converted during string formatting", lambda: "hello" % 5)
err(TypeError, "%d format: a real number is required, not str", lambda: "%d" % "x")
err(KeyError, "'missing'", lambda: "%(missing)s" % {})
err(ValueError, "unsupported format character 'y' (0x79) at index 1", lambda: "%y" % 1)
err(TypeError, "format requires a mapping", lambda: "%(a)s" % (1,))
err(ValueError, "incomplete format", lambda: "abc%" % ())

# A single non-tuple argument is used directly.
assert "%s" % {"k": 1} == "{'k': 1}"
assert "[%s]" % "only" == "[only]"

# bytes % formatting.
assert b"%s-%d" % (b"ab", 5) == b"ab-5"
assert b"%x" % 255 == b"ff"
assert b"%c" % 65 == b"A"
assert b"%%" % () == b"%"
try:
    b"%s" % "str"
except TypeError:
    pass
else:
    raise AssertionError

# Objects with __str__ / __repr__.
class P:
    def __str__(self):
        return "str-P"
    def __repr__(self):
        return "repr-P"
assert "%s %r" % (P(), P()) == "str-P repr-P"
# __int__/__index__ for %d and %x.
class I:
    def __index__(self):
        return 7
assert "%x" % I() == "7"
assert "%d" % I() == "7"
print("ok")
