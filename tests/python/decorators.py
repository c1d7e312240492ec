# Function and class decorators: plain, stacked, with arguments, order of application.

order = []

def deco_a(f):
    order.append("a")
    def wrapper(*args, **kwargs):
        return "a(" + f(*args, **kwargs) + ")"
    return wrapper

def deco_b(f):
    order.append("b")
    def wrapper(*args, **kwargs):
        return "b(" + f(*args, **kwargs) + ")"
    return wrapper

@deco_a
@deco_b
def base(x):
    return "base" + str(x)

assert order == ["b", "a"], order          # applied bottom-up
assert base(1) == "a(b(base1))"            # outermost runs first

# Decorator with arguments.
def repeat(times):
    def deco(f):
        def wrapper(*args):
            return [f(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def greet(name):
    return "hi " + name
assert greet("bo") == ["hi bo"] * 3

# Decorator expression evaluation order: decorator expressions are evaluated top to
# bottom before the function is created, then applied bottom-up.
events = []
def tag(name):
    events.append("eval " + name)
    def deco(f):
        events.append("apply " + name)
        return f
    return deco

@tag("outer")
@tag("inner")
def tagged():
    pass
assert events == ["eval outer", "eval inner", "apply inner", "apply outer"], events

# Arbitrary expressions as decorators (PEP 614).
decos = {"id": lambda f: f, "const": lambda f: (lambda: "const")}
@decos["const"]
def replaced():
    return "original"
assert replaced() == "const"

@(lambda f: f)
def same():
    return 1
assert same() == 1

# A decorator that preserves metadata by hand.
def keep_meta(f):
    def wrapper(*a, **k):
        return f(*a, **k)
    wrapper.__name__ = f.__name__
    wrapper.__doc__ = f.__doc__
    wrapper.__wrapped__ = f
    return wrapper

@keep_meta
def documented():
    "docstring here"
    return 5
assert documented.__name__ == "documented"
assert documented.__doc__ == "docstring here"
assert documented.__wrapped__() == 5

# Stateful decorator (counting calls).
def counted(f):
    def wrapper(*a):
        wrapper.calls += 1
        return f(*a)
    wrapper.calls = 0
    return wrapper

@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
assert fib(10) == 55
assert fib.calls == 177, fib.calls

# Memoization decorator using a dict.
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper

@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
assert slow_fib(100) == 354224848179261915075

# Class decorators.
def add_method(cls):
    cls.extra = lambda self: "extra from " + type(self).__name__
    return cls

def register(registry):
    def deco(cls):
        registry.append(cls.__name__)
        return cls
    return deco

seen = []
@register(seen)
@add_method
class Thing:
    pass
assert Thing().extra() == "extra from Thing"
assert seen == ["Thing"]

# A class decorator that replaces the class.
def singleton(cls):
    instance = cls()
    return lambda: instance
@singleton
class Single:
    pass
assert Single() is Single()

# Decorating methods, with staticmethod/classmethod stacking.
def shout(f):
    def wrapper(*a):
        return f(*a).upper()
    return wrapper

class Speaker:
    name = "cls"
    @shout
    def say(self):
        return "hello"
    @staticmethod
    @shout
    def static_say():
        return "static"
    @classmethod
    @shout
    def cls_say(cls):
        return cls.name
assert Speaker().say() == "HELLO"
assert Speaker.static_say() == "STATIC"
assert Speaker.cls_say() == "CLS"

# A class used as a decorator.
class Trace:
    def __init__(self, f):
        self.f = f
        self.log = []
    def __call__(self, *a):
        self.log.append(a)
        return self.f(*a)

@Trace
def add(a, b):
    return a + b
assert add(1, 2) == 3 and add(3, 4) == 7
assert add.log == [(1, 2), (3, 4)]
print("ok")
