# return at module level.
value = 3
return value
