# Unclosed parenthesis.
result = max(1,
             2,
             3
print(result)
