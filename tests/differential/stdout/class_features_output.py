# Printing from programs that exercise class features: properties, dunders, inheritance.

class Vector:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vector) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __iter__(self):
        yield self.x
        yield self.y
    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"
    def __format__(self, spec):
        return f"<{format(self.x, spec)}, {format(self.y, spec)}>"

v, w = Vector(3, 4), Vector(1, -2)
print(v + w, v - w, v * 2, 3 * w, -v, abs(v), v == Vector(3, 4), list(v))
print(f"{v:.2f}", "{:>5}".format(w), len({v, Vector(3, 4), w}))
x, y = v
print(x, y, sorted([v, w], key=abs))

class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
    def __lt__(self, other):
        return self.celsius < other.celsius
    def __repr__(self):
        return f"{self.celsius:.1f}C"

temps = [Temperature(c) for c in (25, -5, 100, 37.5)]
print(sorted(temps), max(temps), min(temps))
t = Temperature(0)
t.fahrenheit = 212
print(t, t.fahrenheit)

class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} the {type(self).__name__.lower()} says {self.sound}"
    def __str__(self):
        return self.speak()
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeakily)"
class Cat(Animal):
    sound = "meow"
for a in (Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom")):
    print(a)
print([c.__name__ for c in Puppy.__mro__])

class Registry(type):
    members = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.members.append(name)
        return cls
class Plugin(metaclass=Registry):
    pass
class A(Plugin):
    pass
class B(Plugin):
    pass
print(Registry.members, type(A).__name__, isinstance(B, Registry))

class Stack(list):
    def push(self, v):
        self.append(v)
        return self
s = Stack()
s.push(1).push(2).push(3)
print(s, len(s), s.pop(), s, isinstance(s, list), type(s).__name__)

class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)
@CountCalls
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15), fib.calls)
