# import and from-import of support modules beside this script; sys.modules caching.
import sys
import _registry
import _helper_mod

assert sys.path[0].endswith("python"), sys.path[0]
assert _helper_mod.CONSTANT == 42
assert _helper_mod.greet("bob") == "hello bob"
w = _helper_mod.Widget(3).double()
assert w.size == 6 and type(w).__name__ == "Widget"
assert type(w).__module__ == "_helper_mod"
assert _helper_mod.__name__ == "_helper_mod"
assert _helper_mod.module_name() == "_helper_mod"
assert _helper_mod.__doc__ == "Support module for the import tests."
assert _helper_mod.__file__.endswith("_helper_mod.py")
assert type(_helper_mod).__name__ == "module"
assert repr(_helper_mod).startswith("<module '_helper_mod' from ")
assert _registry.loads == ["_helper_mod"]

# Caching: a second import does not re-execute the module.
import _helper_mod
import _helper_mod as again
assert again is _helper_mod and _registry.loads == ["_helper_mod"]
assert sys.modules["_helper_mod"] is _helper_mod
assert "_registry" in sys.modules

# import ... as, from ... import ... as.
import _helper_mod as hm
from _helper_mod import greet, Widget as W, items
from _helper_mod import CONSTANT as C
assert hm is _helper_mod and greet is _helper_mod.greet and W is _helper_mod.Widget
assert items is _helper_mod.items and C == 42

# from-import copies the binding: later rebinding in the module is not seen...
assert _helper_mod.counter() == 43
assert C == 42 and _helper_mod.CONSTANT == 43
# ...but mutation of a shared object is.
_helper_mod.items.append(4)
assert items == [1, 2, 3, 4]

# Module attributes can be set and deleted from outside.
_helper_mod.new_attr = "set from outside"
assert hm.new_attr == "set from outside"
del _helper_mod.new_attr
assert not hasattr(hm, "new_attr")
assert "greet" in dir(_helper_mod) and "CONSTANT" in vars(_helper_mod)

# Private names are importable explicitly.
from _helper_mod import _private
assert _private == "hidden"

# Import inside a function binds a local name.
def local_import():
    import _nostar_mod
    from _nostar_mod import public_func
    return _nostar_mod.public_value, public_func()
assert local_import() == (1, "public")
assert "_nostar_mod" not in globals() and "_nostar_mod" in sys.modules

# Missing modules and names.
try:
    import _definitely_missing_module
except ModuleNotFoundError as e:
    assert str(e) == "No module named '_definitely_missing_module'"
    assert e.name == "_definitely_missing_module"
else:
    raise AssertionError
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    msg = str(e)
    assert msg.startswith("cannot import name 'does_not_exist' from '_helper_mod'"), msg
    assert type(e) is ImportError
else:
    raise AssertionError

# A module that raises during import is not left in sys.modules, and re-import re-runs it.
for attempt in range(2):
    try:
        import _raising_mod
    except ZeroDivisionError as e:
        assert str(e) == "import-time failure"
    else:
        raise AssertionError
    assert "_raising_mod" not in sys.modules
assert _registry.loads.count("_raising_mod") == 2

# Circular imports see a partially initialized module.
import _circular_a
import _circular_b
assert _circular_b.SEEN_A_EARLY == "a-early"
assert _circular_b.SEEN_A_LATE is None
assert _circular_a.from_b() == "b" and _circular_a.A_LATE == "a-late"

# Module objects: __dict__, __name__ of __main__, builtins module.
assert __name__ == "__main__"
assert sys.modules["__main__"].__dict__ is globals()
assert _helper_mod.__dict__["CONSTANT"] == 43
import math
import math as m2
assert math is m2 and sys.modules["math"] is math
assert math.__name__ == "math"

# __import__ returns the module.
mod = __import__("_helper_mod")
assert mod is _helper_mod

# Deleting from sys.modules forces a fresh import.
del sys.modules["_helper_mod"]
import _helper_mod as fresh
assert fresh is not hm and fresh.CONSTANT == 42
assert _registry.loads.count("_helper_mod") == 2
print("ok")
