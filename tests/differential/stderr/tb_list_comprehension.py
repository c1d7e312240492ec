# Exception inside a list comprehension and a lambda.
values = [4, 2, 0, 1]
scale = lambda v: 12 // v
result = [scale(v) for v in values]
print(result)
