# raise ... from None hides the context; a chain of three with a suppressed middle.

def convert(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError(f"cannot convert {s!r}") from None


def outer():
    try:
        convert("x")
    except TypeError as e:
        raise RuntimeError("outer failure")


outer()
