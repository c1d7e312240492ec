"""Support module for the import tests."""
import _registry

_registry.loads.append(__name__)

CONSTANT = 42
_private = "hidden"
items = [1, 2, 3]


def greet(name):
    return "hello " + name


class Widget:
    def __init__(self, size):
        self.size = size

    def double(self):
        return Widget(self.size * 2)


def module_name():
    return __name__


def counter():
    global CONSTANT
    CONSTANT += 1
    return CONSTANT
