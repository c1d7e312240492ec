# Matrix arithmetic with nested lists and operator overloading; printed results.

class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __mul__(self, k):
        return Matrix([[k * v for v in r] for r in self.rows])

    __rmul__ = __mul__

    def __pow__(self, e):
        result = Matrix.identity(self.n)
        base = self
        while e:
            if e & 1:
                result = result @ base
            base = base @ base
            e >>= 1
        return result

    def transpose(self):
        return Matrix(zip(*self.rows))

    def __eq__(self, other):
        return self.rows == other.rows

    def __repr__(self):
        width = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join("[" + " ".join(str(v).rjust(width) for v in r) + "]" for r in self.rows)

def det(rows):
    if len(rows) == 1:
        return rows[0][0]
    total = 0
    for j, v in enumerate(rows[0]):
        minor = [r[:j] + r[j + 1:] for r in rows[1:]]
        total += (-1) ** j * v * det(minor)
    return total

a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a @ b)
print(a + b)
print(3 * a)
print(a * 0.5)
print(a.transpose())
fibm = Matrix([[1, 1], [1, 0]]) ** 90
print(fibm.rows[0][1])
print(Matrix.identity(4))
print(a @ Matrix.identity(2) == a, a == b)
m = Matrix([[2, -1, 0, 3], [1, 4, -2, 0], [0, 5, 1, -1], [3, 0, 2, 2]])
print(det(m.rows), det((m @ m).rows), det(m.rows) ** 2)
hilbert = [[1 / (i + j + 1) for j in range(4)] for i in range(4)]
for row in hilbert:
    print(" ".join(f"{v:.5f}" for v in row))
print(det(hilbert))
