# input() with a prompt writes the prompt to stdout (no newline) when stdin is not a tty.

name = input("What is your name? ")
age = int(input("Age: "))
print(f"{name} will be {age + 1} next year")
colors = []
while True:
    try:
        c = input("color> ")
    except EOFError:
        print()
        print("done")
        break
    colors.append(c)
print(len(colors), colors)
