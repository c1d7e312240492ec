# from module import * honouring __all__, and public-names-only without __all__.
from _star_mod import *

assert exported == "yes"
assert AlsoExported.__name__ == "AlsoExported"
assert _underscore_but_listed == "listed"
try:
    not_exported
except NameError:
    pass
else:
    raise AssertionError("names not in __all__ must not be imported")

from _nostar_mod import *
assert public_value == 1 and public_func() == "public"
try:
    _private_value
except NameError:
    pass
else:
    raise AssertionError("underscore names must not be star-imported")

import _star_mod
assert _star_mod.__all__ == ["exported", "AlsoExported", "_underscore_but_listed"]
assert _star_mod.not_exported == "no"

# Star import only allowed at module level (a SyntaxError otherwise; checked in the
# differential syntax-error tests). Names imported by * are ordinary globals.
assert "exported" in globals() and "public_func" in globals()
exported = "rebound"
assert _star_mod.exported == "yes"
print("ok")
