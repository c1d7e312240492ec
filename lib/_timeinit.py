# Pieces of the time module that are simplest to express in Python. Run once when `time` is
# first imported, with the module's namespace as globals; the names it defines become
# attributes of `time`.

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst")
_EXTRA = ("tm_zone", "tm_gmtoff")


def _field(index, doc):
    prop = property(lambda self: tuple.__getitem__(self, index), doc=doc)
    return prop


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers.

 Note that several fields' values are not the same as those defined by
 the C language standard for struct tm.  For example, the value of the
 field tm_year is the actual year, not year - 1900.  See individual
 fields' descriptions for details."""

    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0
    __match_args__ = _FIELDS

    def __new__(cls, sequence, dict=None):
        try:
            seq = tuple(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        if dict is not None and not isinstance(dict, type({})):
            raise TypeError("time.struct_time() takes a dict as second arg, if any")
        n = len(seq)
        if n < 9:
            raise TypeError(
                f"time.struct_time() takes an at least 9-sequence ({n}-sequence given)")
        if n > 11:
            raise TypeError(
                f"time.struct_time() takes an at most 11-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:9])
        set_attr = object.__setattr__
        for i, name in enumerate(_EXTRA):
            if 9 + i < n:
                value = seq[9 + i]
            elif dict is not None:
                value = dict.get(name)
            else:
                value = None
            set_attr(self, name, value)
        return self

    tm_year = _field(0, "year, for example, 1993")
    tm_mon = _field(1, "month of year, range [1, 12]")
    tm_mday = _field(2, "day of month, range [1, 31]")
    tm_hour = _field(3, "hours, range [0, 23]")
    tm_min = _field(4, "minutes, range [0, 59]")
    tm_sec = _field(5, "seconds, range [0, 61])")
    tm_wday = _field(6, "day of week, range [0, 6], Monday is 0")
    tm_yday = _field(7, "day of year, range [1, 366]")
    tm_isdst = _field(8, "1 if summer time is in effect, 0 if not, and -1 if unknown")

    def __repr__(self):
        fields = ", ".join(
            f"{name}={value!r}" for name, value in zip(_FIELDS, tuple.__iter__(self)))
        return f"time.struct_time({fields})"

    def __reduce__(self):
        extra = {name: self.__dict__.get(name) for name in _EXTRA}
        return (type(self), (tuple(self), extra))

    def __setattr__(self, name, value):
        if name in _FIELDS or name in _EXTRA:
            raise AttributeError("readonly attribute")
        raise AttributeError(f"'time.struct_time' object has no attribute '{name}'")

    def __delattr__(self, name):
        self.__setattr__(name, None)

    def __getattr__(self, name):
        raise AttributeError(f"'time.struct_time' object has no attribute '{name}'")


struct_time.__module__ = "time"
del _field


class _clock_info:
    "The result of get_clock_info() (like types.SimpleNamespace)."

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"namespace({items})"

    def __eq__(self, other):
        if isinstance(other, _clock_info):
            return self.__dict__ == other.__dict__
        return NotImplemented


_clock_info.__name__ = _clock_info.__qualname__ = "SimpleNamespace"
_clock_info.__module__ = "types"
