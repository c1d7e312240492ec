# Uncaught KeyError shows the repr of the key.
inventory = {"apples": 3}
wanted = ("pears", 2)
print(inventory[wanted[0]])
