"""Support module: circular import partner of _circular_b."""
A_EARLY = "a-early"
import _circular_b

A_LATE = "a-late"


def from_b():
    return _circular_b.B_VALUE
