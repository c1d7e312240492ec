# Uncaught exception from a method called through another method and a property.

class Inventory:
    def __init__(self):
        self.items = {"apple": 3, "pear": 0}

    @property
    def ratio(self):
        return self.items["apple"] / self.items["pear"]

    def report(self):
        return f"ratio={self.ratio}"


class Shop:
    def __init__(self):
        self.inventory = Inventory()

    def summary(self):
        return self.inventory.report()


print(Shop().summary())
