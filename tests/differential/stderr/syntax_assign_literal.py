# Assignment to a literal.
x = 0
1 = x
