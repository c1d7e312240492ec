# Output buffering and the exit status: print, then exit with a status of 3.
import sys

print("first line")
print("no newline at end", end="")
print(" ...continued")
print("a", "b", "c", sep=", ", end="!\n")
print(*[1, 2, 3])
print("to stderr (not compared)", file=sys.stderr)
sys.stdout.write("written directly\n")
print("flushed", flush=True)
for i in range(3):
    print(i, end=" ")
print()
try:
    sys.exit(3)
finally:
    print("finally runs before exit")
