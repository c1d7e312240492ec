# Markers for a failing subscript and attribute inside a longer expression.
data = {"rows": [[1, 2], [3, 4]], "name": None}
width = len(data["rows"][0]) + len(data["rows"][1])
label = "table " + data["name"] + " of width " + str(width)
print(label)
