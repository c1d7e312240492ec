# None, object, NotImplemented, Ellipsis and type objects.

assert None is None and type(None).__name__ == "NoneType"
assert repr(None) == "None" and str(None) == "None" and not None
NoneType = type(None)
assert NoneType() is None
def returns_nothing():
    pass
assert returns_nothing() is None
def bare_return():
    return
assert bare_return() is None
assert None == None and None != 0 and None != "" and None != False
assert hash(None) == hash(None)
assert [None, None].count(None) == 2
try:
    None.attr = 1
except AttributeError as e:
    assert str(e) == "'NoneType' object has no attribute 'attr'", str(e)
else:
    raise AssertionError
try:
    None < None
except TypeError as e:
    assert str(e) == "'<' not supported between instances of 'NoneType' and 'NoneType'"

# object.
o = object()
assert type(o) is object and isinstance(o, object)
assert o == o and o != object()
assert hash(o) == hash(o)
assert repr(o).startswith("<object object at 0x")
try:
    o.x = 1
except AttributeError as e:
    assert str(e) == "'object' object has no attribute 'x'", str(e)
else:
    raise AssertionError
try:
    object(1)
except TypeError as e:
    assert str(e) == "object() takes no arguments", str(e)
else:
    raise AssertionError
assert object.__bases__ == () and object.__mro__ == (object,)
assert "__init__" in dir(object) and "__eq__" in dir(object)
assert object.__name__ == "object"
assert o.__class__ is object
assert object().__eq__(1) is NotImplemented
assert object().__ne__(1) is NotImplemented
assert o.__eq__(o) is True
assert object.__str__(o) == object.__repr__(o)
assert o.__reduce_ex__ is not None
assert o.__sizeof__() > 0

# NotImplemented and Ellipsis.
assert repr(NotImplemented) == "NotImplemented"
assert type(NotImplemented).__name__ == "NotImplementedType"
assert repr(Ellipsis) == "Ellipsis" and ... is Ellipsis
assert type(...).__name__ == "ellipsis"

# type objects.
assert type(int) is type and type(type) is type
assert int.__name__ == "int" and int.__qualname__ == "int"
assert str(int) == "<class 'int'>" and repr(type) == "<class 'type'>"
assert type.__mro__ == (type, object)
assert isinstance(type, type) and issubclass(type, object)
assert type(3)(4) == 4 and type("")() == ""
assert int.__bases__ == (object,) and bool.__bases__ == (int,)

class C:
    pass
assert type(C) is type and C.__class__ is type
assert type(C()) is C
assert C.__dict__["__module__"] == "__main__"
assert repr(C) == "<class '__main__.C'>"

# Type objects are hashable and usable as dict keys.
dispatch = {int: "int", str: "str", type(None): "none"}
assert dispatch[type(1)] == "int" and dispatch[type(None)] == "none"

# Builtin types cannot be mutated.
try:
    int.new_attr = 1
except TypeError as e:
    assert str(e) == "cannot set 'new_attr' attribute of immutable type 'int'", str(e)
else:
    raise AssertionError
try:
    del str.upper
except TypeError:
    pass
else:
    raise AssertionError

# bool and None constants cannot be assigned (checked at compile time; covered by
# syntax error tests); their types are final.
for final in (bool, type(None), type(...), type(NotImplemented), range, slice):
    try:
        type("Sub", (final,), {})
    except TypeError as e:
        assert "is not an acceptable base type" in str(e), str(e)
    else:
        raise AssertionError(final)
print("ok")
