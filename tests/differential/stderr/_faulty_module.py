"""Support module whose function raises; used by import_module_error.py."""


class FaultyError(Exception):
    pass


def explode(depth):
    if depth == 0:
        raise FaultyError("exploded at depth 0")
    return explode(depth - 1)
