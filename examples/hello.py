# A small program that exercises classes, generators, comprehensions and formatting.

class Shape:
    def __init__(self, name, sides):
        self.name = name
        self.sides = sides

    def __repr__(self):
        return f"Shape({self.name!r}, {self.sides})"


def polygons():
    names = {3: "triangle", 4: "square", 5: "pentagon", 6: "hexagon"}
    for n in sorted(names):
        yield Shape(names[n], n)


shapes = list(polygons())
print("Hello from krait!")
print(shapes)
print({s.name: s.sides * 180 - 360 for s in shapes})
print(sum(s.sides for s in shapes), max(shapes, key=lambda s: len(s.name)).name)
