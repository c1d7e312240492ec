# Calling a function with the wrong arguments (plain, no markers on a whole-line call).
def area(width, height):
    return width * height


area(3)
