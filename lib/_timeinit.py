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


def _make_strptime():
    """Builds `strptime` (C locale). The format is matched like a regular expression made of
    the directives' patterns: alternatives are tried in order and the first complete match of
    the format wins, even if data remains (which is then an error)."""
    digits = "0123456789"
    weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    months = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
    short_weekdays = tuple(n[:3] for n in weekdays)
    short_months = tuple(n[:3] for n in months)
    expansions = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}
    regex_specials = "\\.^$*+?(){}[]|"

    def alternatives(spec):
        # "2[0-3]|[0-1]d|d" -> [("2", "0123"), ("01", digits), (digits,)]
        result = []
        for alt in spec.split("|"):
            classes, i = [], 0
            while i < len(alt):
                ch = alt[i]
                if ch == "[":
                    end = alt.index("]", i)
                    lo, hi = alt[i + 1], alt[end - 1]
                    classes.append("".join(chr(c) for c in range(ord(lo), ord(hi) + 1)))
                    i = end + 1
                    continue
                classes.append(digits if ch == "d" else ch)
                i += 1
            result.append(tuple(classes))
        return result

    numeric = {
        "d": alternatives("3[0-1]|[1-2]d|0[1-9]|[1-9]| [1-9]"),
        "H": alternatives("2[0-3]|[0-1]d|d"),
        "I": alternatives("1[0-2]|0[1-9]|[1-9]"),
        "G": alternatives("dddd"),
        "j": alternatives("36[0-6]|3[0-5]d|[1-2]dd|0[1-9]d|00[1-9]|[1-9]d|0[1-9]|[1-9]"),
        "m": alternatives("1[0-2]|0[1-9]|[1-9]"),
        "M": alternatives("[0-5]d|d"),
        "S": alternatives("6[0-1]|[0-5]d|d"),
        "U": alternatives("5[0-3]|[0-4]d|d"),
        "W": alternatives("5[0-3]|[0-4]d|d"),
        "w": alternatives("[0-6]"),
        "u": alternatives("[1-7]"),
        "V": alternatives("5[0-3]|0[1-9]|[1-4]d|d"),
        "y": alternatives("dd"),
        "Y": alternatives("dddd"),
    }

    def by_length(names):
        return sorted(names, key=len, reverse=True)

    def zone_names():
        plain = {"utc", "gmt", tzname[0].lower()}
        saving = {tzname[1].lower()} if daylight else set()
        return plain, saving

    def named(directive):
        if directive == "a":
            return by_length(short_weekdays)
        if directive == "A":
            return by_length(weekdays)
        if directive == "b":
            return by_length(short_months)
        if directive == "B":
            return by_length(months)
        if directive == "p":
            return ["am", "pm"]
        plain, saving = zone_names()
        return by_length(list(plain) + list(saving))

    def compile_format(fmt):
        # A list of items: ("lit", ch), ("space",), ("dir", letter).
        items = []
        i, n = 0, len(fmt)
        while i < n:
            ch = fmt[i]
            if ch == "%":
                if i + 1 >= n:
                    raise ValueError(f"stray % in format '{fmt}'")
                d = fmt[i + 1]
                if d in expansions:
                    items.extend(compile_format(expansions[d]))
                elif d in numeric or d in "aAbBpZfz%":
                    items.append(("dir", d))
                elif d.isspace() or d in regex_specials:
                    raise ValueError(f"'%' is a bad directive in format '{fmt}'")
                else:
                    raise ValueError(f"'{d}' is a bad directive in format '{fmt}'")
                i += 2
            elif ch.isspace():
                while i < n and fmt[i].isspace():
                    i += 1
                items.append(("space",))
            else:
                items.append(("lit", ch))
                i += 1
        return items

    def digit_run(s, pos, most):
        end = pos
        while end < len(s) and end - pos < most and s[end] in digits:
            end += 1
        return end - pos

    def zone_offset_ends(s, pos):
        # [+-]dd:?[0-5]d(:?[0-5]d(.d{1,6})?)?  |  Z
        n = len(s)
        if pos < n and s[pos] in "+-" and digit_run(s, pos + 1, 2) == 2:
            p = pos + 3
            for colon in ((1, 0) if p < n and s[p] == ":" else (0,)):
                q = p + colon
                if not (q + 1 < n and s[q] in "012345" and s[q + 1] in digits):
                    continue
                q += 2
                # The optional seconds (and fraction), longest first.
                for colon2 in ((1, 0) if q < n and s[q] == ":" else (0,)):
                    r = q + colon2
                    if r + 1 < n and s[r] in "012345" and s[r + 1] in digits:
                        r += 2
                        if r < n and s[r] == ".":
                            for k in range(digit_run(s, r + 1, 6), 0, -1):
                                yield r + 1 + k
                        yield r
                yield q
        if pos < n and s[pos] == "Z":
            yield pos + 1

    def ends(item, s, pos):
        # Yields the possible end positions of `item` at `pos`, in the order a regular
        # expression engine would try them.
        kind = item[0]
        if kind == "lit":
            ch = item[1]
            if pos < len(s) and (s[pos] == ch or s[pos].lower() == ch.lower()):
                yield pos + 1
            return
        if kind == "space":
            end = pos
            while end < len(s) and s[end].isspace():
                end += 1
            for e in range(end, pos, -1):
                yield e
            return
        d = item[1]
        if d == "%":
            if pos < len(s) and s[pos] == "%":
                yield pos + 1
        elif d == "f":
            for k in range(digit_run(s, pos, 6), 0, -1):
                yield pos + k
        elif d == "z":
            yield from zone_offset_ends(s, pos)
        elif d in numeric:
            for alt in numeric[d]:
                end = pos + len(alt)
                if end <= len(s) and all(s[pos + k] in cls for k, cls in enumerate(alt)):
                    yield end
        else:
            low = s.lower()
            for name in named(d):
                if name and low.startswith(name, pos):
                    yield pos + len(name)

    def match(items, s):
        # Iterative backtracking: returns the captured spans per directive, or None.
        stack = [(0, 0, ends(items[0], s, 0))] if items else []
        spans = [None] * len(items)
        if not items:
            return spans, 0
        while stack:
            index, pos, it = stack[-1]
            end = next(it, None)
            if end is None:
                stack.pop()
                continue
            spans[index] = (pos, end)
            if index + 1 == len(items):
                return spans, end
            stack.append((index + 1, end, ends(items[index + 1], s, end)))
        return None

    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    month_days = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

    def days_in_month(y, m):
        return 29 if m == 2 and is_leap(y) else month_days[m - 1]

    def ordinal(y, m, d):
        # Days since 0001-01-00 (proleptic Gregorian), with date()'s validation.
        if not 1 <= y <= 9999:
            raise ValueError(f"year {y} is out of range")
        if d < 1 or d > days_in_month(y, m):
            raise ValueError("day is out of range for month")
        p = y - 1
        before = p * 365 + p // 4 - p // 100 + p // 400
        return before + sum(days_in_month(y, k) for k in range(1, m)) + d

    def weekday_of(y, m, d):
        return (ordinal(y, m, d) + 6) % 7

    def date_from_yday(y, yday):
        # The date `yday - 1` days after January 1 of `y` (possibly in a later year).
        ordinal(y, 1, 1)
        while yday > (366 if is_leap(y) else 365):
            yday -= 366 if is_leap(y) else 365
            y += 1
            ordinal(y, 1, 1)
        m = 1
        while yday > days_in_month(y, m):
            yday -= days_in_month(y, m)
            m += 1
        return y, m, yday

    def strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
        for index, arg in enumerate((data_string, format)):
            if not isinstance(arg, str):
                raise TypeError(f"strptime() argument {index} must be str, not {type(arg)}")
        items = compile_format(format)
        found = match(items, data_string)
        if found is None:
            raise ValueError(f"time data {data_string!r} does not match format {format!r}")
        spans, end = found
        if end != len(data_string):
            raise ValueError(f"unconverted data remains: {data_string[end:]}")
        values = {}
        for item, span in zip(items, spans):
            if item[0] == "dir" and item[1] != "%":
                values[item[1]] = data_string[span[0]:span[1]]

        year = iso_year = iso_week = week = weekday = yday = gmtoff = None
        month = day = 1
        hour = minute = second = 0
        isdst = -1
        week_starts_monday = False
        for d, text in values.items():
            if d == "y":
                year = int(text)
                year += 2000 if year <= 68 else 1900
            elif d == "Y":
                year = int(text)
            elif d == "G":
                iso_year = int(text)
            elif d == "m":
                month = int(text)
            elif d in "bB":
                month = (short_months if d == "b" else months).index(text.lower()) + 1
            elif d == "d":
                day = int(text)
            elif d == "H":
                hour = int(text)
            elif d == "I":
                hour = int(text) % 12
                if values.get("p", "").lower() == "pm":
                    hour += 12
            elif d == "M":
                minute = int(text)
            elif d == "S":
                second = int(text)
            elif d in "aA":
                weekday = (short_weekdays if d == "a" else weekdays).index(text.lower())
            elif d == "w":
                weekday = (int(text) + 6) % 7
            elif d == "u":
                weekday = int(text) - 1
            elif d == "j":
                yday = int(text)
            elif d in "UW":
                week = int(text)
                week_starts_monday = d == "W"
            elif d == "V":
                iso_week = int(text)
            elif d == "z":
                if text == "Z":
                    gmtoff = 0
                else:
                    sign = -1 if text[0] == "-" else 1
                    body = text[1:]
                    if body[2:3] == ":":
                        body = body[:2] + body[3:]
                        if len(body) > 4:
                            if body[4] != ":":
                                raise ValueError(f"Inconsistent use of : in {text}")
                            body = body[:4] + body[5:]
                    secs = int(body[4:6]) if body[4:6] else 0
                    gmtoff = sign * (int(body[:2]) * 3600 + int(body[2:4]) * 60 + secs)
            elif d == "Z":
                zone = text.lower()
                plain, saving = zone_names()
                ambiguous = (tzname[0] == tzname[1] and daylight
                             and zone not in ("utc", "gmt"))
                if not ambiguous:
                    if zone in plain:
                        isdst = 0
                    elif zone in saving:
                        isdst = 1

        if year is None and iso_year is not None:
            if iso_week is None or weekday is None:
                raise ValueError(
                    "ISO year directive '%G' must be used with the ISO week directive "
                    "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
            if yday is not None:
                raise ValueError(
                    "Day of the year directive '%j' is not compatible with ISO year "
                    "directive '%G'. Use '%Y' instead.")
        elif iso_week is not None:
            if weekday is None:
                raise ValueError(
                    "ISO week directive '%V' must be used with the ISO year directive "
                    "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
            raise ValueError(
                "ISO week directive '%V' is incompatible with the year directive '%Y'. "
                "Use the ISO year '%G' instead.")

        # February 29 without a year is computed in a leap year, then reported as 1900.
        feb29 = year is None and month == 2 and day == 29
        if year is None:
            year = 1904 if feb29 else 1900

        if yday is None and weekday is not None:
            if week is not None:
                first = weekday_of(year, 1, 1)
                wd = weekday
                if not week_starts_monday:
                    first, wd = (first + 1) % 7, (wd + 1) % 7
                if week == 0:
                    yday = 1 + wd - first
                else:
                    yday = 1 + (7 - first) % 7 + 7 * (week - 1) + wd
            elif iso_year is not None and iso_week is not None:
                # Day 1 of ISO week 1 is the Monday on or before January 4.
                jan4 = weekday_of(iso_year, 1, 4)
                yday = iso_week * 7 + weekday + 1 - (jan4 + 4)
                year = iso_year
                if yday < 1:
                    year -= 1
                    yday += 366 if is_leap(year) else 365
            if yday is not None and yday <= 0:
                year -= 1
                yday += 366 if is_leap(year) else 365

        if yday is None:
            yday = ordinal(year, month, day) - ordinal(year, 1, 1) + 1
        else:
            year, month, day = date_from_yday(year, yday)
        if weekday is None:
            weekday = weekday_of(year, month, day)
        if feb29:
            year = 1900
        return struct_time((year, month, day, hour, minute, second, weekday, yday, isdst,
                            values.get("Z"), gmtoff))

    return strptime


strptime = _make_strptime()
strptime.__module__ = "time"
del _make_strptime
