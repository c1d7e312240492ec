# The built-in exception hierarchy (CPython 3.11).

hierarchy = {
    "BaseException": None,
    "BaseExceptionGroup": "BaseException",
    "GeneratorExit": "BaseException",
    "KeyboardInterrupt": "BaseException",
    "SystemExit": "BaseException",
    "Exception": "BaseException",
    "ArithmeticError": "Exception",
    "FloatingPointError": "ArithmeticError",
    "OverflowError": "ArithmeticError",
    "ZeroDivisionError": "ArithmeticError",
    "AssertionError": "Exception",
    "AttributeError": "Exception",
    "BufferError": "Exception",
    "EOFError": "Exception",
    "ExceptionGroup": "BaseExceptionGroup",
    "ImportError": "Exception",
    "ModuleNotFoundError": "ImportError",
    "LookupError": "Exception",
    "IndexError": "LookupError",
    "KeyError": "LookupError",
    "MemoryError": "Exception",
    "NameError": "Exception",
    "UnboundLocalError": "NameError",
    "OSError": "Exception",
    "BlockingIOError": "OSError",
    "ChildProcessError": "OSError",
    "ConnectionError": "OSError",
    "BrokenPipeError": "ConnectionError",
    "ConnectionAbortedError": "ConnectionError",
    "ConnectionRefusedError": "ConnectionError",
    "ConnectionResetError": "ConnectionError",
    "FileExistsError": "OSError",
    "FileNotFoundError": "OSError",
    "InterruptedError": "OSError",
    "IsADirectoryError": "OSError",
    "NotADirectoryError": "OSError",
    "PermissionError": "OSError",
    "ProcessLookupError": "OSError",
    "TimeoutError": "OSError",
    "ReferenceError": "Exception",
    "RuntimeError": "Exception",
    "NotImplementedError": "RuntimeError",
    "RecursionError": "RuntimeError",
    "StopAsyncIteration": "Exception",
    "StopIteration": "Exception",
    "SyntaxError": "Exception",
    "IndentationError": "SyntaxError",
    "TabError": "IndentationError",
    "SystemError": "Exception",
    "TypeError": "Exception",
    "ValueError": "Exception",
    "UnicodeError": "ValueError",
    "UnicodeDecodeError": "UnicodeError",
    "UnicodeEncodeError": "UnicodeError",
    "UnicodeTranslateError": "UnicodeError",
    "Warning": "Exception",
    "BytesWarning": "Warning",
    "DeprecationWarning": "Warning",
    "EncodingWarning": "Warning",
    "FutureWarning": "Warning",
    "ImportWarning": "Warning",
    "PendingDeprecationWarning": "Warning",
    "ResourceWarning": "Warning",
    "RuntimeWarning": "Warning",
    "SyntaxWarning": "Warning",
    "UnicodeWarning": "Warning",
    "UserWarning": "Warning",
}

import sys
builtins_ns = globals()["__builtins__"]
if not isinstance(builtins_ns, dict):
    builtins_ns = builtins_ns.__dict__

for name, parent in hierarchy.items():
    cls = builtins_ns[name]
    assert isinstance(cls, type), name
    assert cls.__name__ == name
    assert issubclass(cls, BaseException), name
    if parent is None:
        assert cls.__bases__ == (object,), name
    else:
        assert builtins_ns[parent] in cls.__bases__, (name, cls.__bases__)
        assert issubclass(cls, builtins_ns[parent]), name
    assert cls.__module__ == "builtins", name

# Spot checks from the task description and common knowledge.
assert issubclass(ZeroDivisionError, ArithmeticError)
assert issubclass(KeyError, LookupError) and issubclass(IndexError, LookupError)
assert issubclass(UnboundLocalError, NameError)
assert issubclass(RecursionError, RuntimeError)
assert issubclass(ModuleNotFoundError, ImportError)
assert issubclass(FileNotFoundError, OSError)
assert issubclass(BrokenPipeError, ConnectionError)
assert issubclass(TabError, SyntaxError)
assert issubclass(UnicodeDecodeError, ValueError)
assert not issubclass(KeyboardInterrupt, Exception)
assert not issubclass(SystemExit, Exception)
assert not issubclass(GeneratorExit, Exception)
assert not issubclass(StopIteration, LookupError)
assert issubclass(ExceptionGroup, Exception) and issubclass(ExceptionGroup, BaseExceptionGroup)
assert not issubclass(BaseExceptionGroup, Exception)
assert BaseException.__mro__ == (BaseException, object)
assert TabError.__mro__ == (TabError, IndentationError, SyntaxError, Exception, BaseException, object)
assert [c.__name__ for c in ConnectionResetError.__mro__] == [
    "ConnectionResetError", "ConnectionError", "OSError", "Exception", "BaseException", "object"]

# Catching by base class.
def catches(exc, base):
    try:
        raise exc
    except base:
        return True
    except BaseException:
        return False
assert catches(ZeroDivisionError(), ArithmeticError)
assert catches(KeyError(), LookupError)
assert catches(FileNotFoundError(), OSError)
assert not catches(KeyboardInterrupt(), Exception)
assert catches(KeyboardInterrupt(), BaseException)
assert catches(UnicodeEncodeError("ascii", "é", 0, 1, "x"), ValueError)

# All exception classes can be instantiated with no args (except Unicode*Error).
for name in hierarchy:
    if name.startswith("Unicode") and name != "UnicodeError" and name != "UnicodeWarning":
        continue
    if "ExceptionGroup" in name:
        continue
    inst = builtins_ns[name]()
    assert isinstance(inst, BaseException)
print("ok")
