"""Support module with __all__ for 'from ... import *' tests."""
__all__ = ["exported", "AlsoExported", "_underscore_but_listed"]

exported = "yes"
not_exported = "no"
_underscore_but_listed = "listed"


class AlsoExported:
    pass
