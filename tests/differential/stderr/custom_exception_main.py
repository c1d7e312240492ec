# A user exception class defined in __main__ with multiple args, raised in a nested class.
class ValidationError(Exception):
    pass


class Form:
    class Field:
        def validate(self, value):
            if not value:
                raise ValidationError("empty", "field", 3)

    def submit(self):
        self.Field().validate("")


Form().submit()
