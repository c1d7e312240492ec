# Generated from CPython 3.11 results: str/bytes methods, formatting and codecs edge cases.

def raises(exc, msg, fn):
    try:
        fn()
    except exc as e:
        assert str(e) == msg, (str(e), msg)
    else:
        raise AssertionError(msg)

class FO:
    def __getitem__(self, k): return repr(k)
    real = 5
    def __format__(self, spec): return 'F(' + spec + ')'
    def __repr__(self): return 'FO()'

ba = bytearray(b'abc')

assert ('ΟΔΟΣ ΟΔΟΣ. ΣΑ Σ'.lower()) == 'οδος οδος. σα σ', "'ΟΔΟΣ ΟΔΟΣ. ΣΑ Σ'.lower()"
assert ('AΣ́b'.lower()) == 'aσ́b', "'AΣ́b'.lower()"
assert ('AΣ́'.lower()) == 'aς́', "'AΣ́'.lower()"
assert ('ΑΣ'.swapcase()) == 'ας', "'ΑΣ'.swapcase()"
assert ('hello wORLD ǆx ßa'.title()) == 'Hello World ǅx Ssa', "'hello wORLD ǆx ßa'.title()"
assert ('ﬁre'.title()) == 'Fire', "'ﬁre'.title()"
assert ('ﬁre'.upper()) == 'FIRE', "'ﬁre'.upper()"
assert ('ßa'.capitalize()) == 'Ssa', "'ßa'.capitalize()"
assert ('ǆa'.capitalize()) == 'ǅa', "'ǆa'.capitalize()"
assert ('ŉ'.upper()) == 'ʼN', "'ŉ'.upper()"
assert ('İstanbul'.lower()) == 'i̇stanbul', "'İstanbul'.lower()"
assert ('a1b2'.title()) == 'A1B2', "'a1b2'.title()"
assert ("o'neil".title()) == "O'Neil", '"o\'neil".title()'
assert ('ᾳ'.title()) == 'ᾼ', "'ᾳ'.title()"
assert ('ᾳ'.upper()) == 'ΑΙ', "'ᾳ'.upper()"
assert ('ΐ'.casefold()) == 'ΐ', "'ΐ'.casefold()"
assert ('Hello World'.istitle()) == True, "'Hello World'.istitle()"
assert ('ǅ'.istitle()) == True, "'ǅ'.istitle()"
assert ('A ǅ'.istitle()) == True, "'A ǅ'.istitle()"
assert ('aǅ'.istitle()) == False, "'aǅ'.istitle()"
assert ('ǅa'.istitle()) == True, "'ǅa'.istitle()"
assert (' a  b '.split(' ')) == ['', 'a', '', 'b', ''], "' a  b '.split(' ')"
assert ('a\u3000b\x85c'.split()) == ['a', 'b', 'c'], "'a\\u3000b\\x85c'.split()"
assert ('a b'.split(None, 0)) == ['a b'], "'a b'.split(None, 0)"
assert (' a b'.split(None, 0)) == ['a b'], "' a b'.split(None, 0)"
assert (' a b '.rsplit(None, 0)) == [' a b'], "' a b '.rsplit(None, 0)"
assert ('  '.split(None, 0)) == [], "'  '.split(None, 0)"
assert ('a,b,c'.rsplit(',', 0)) == ['a,b,c'], "'a,b,c'.rsplit(',', 0)"
assert ('a,b,c'.rsplit(',', -5)) == ['a', 'b', 'c'], "'a,b,c'.rsplit(',', -5)"
assert ('ab'.find('', 2)) == 2, "'ab'.find('', 2)"
assert ('ab'.find('', 3)) == -1, "'ab'.find('', 3)"
assert ('ab'.rfind('', 1)) == 2, "'ab'.rfind('', 1)"
assert ('ab'.count('', 1)) == 2, "'ab'.count('', 1)"
assert ('ab'.count('', 3)) == 0, "'ab'.count('', 3)"
assert ('ab'.count('', 2, 1)) == 0, "'ab'.count('', 2, 1)"
assert ('abc'.startswith('', 3)) == True, "'abc'.startswith('', 3)"
assert ('abc'.startswith('', 4)) == False, "'abc'.startswith('', 4)"
assert ('abc'.endswith('c', -1)) == True, "'abc'.endswith('c', -1)"
assert ('abc'.endswith('ab', None, -1)) == True, "'abc'.endswith('ab', None, -1)"
assert ('héllo'.find('l', 3)) == 3, "'héllo'.find('l', 3)"
assert ('héllo'.rfind('l', 0, 3)) == 2, "'héllo'.rfind('l', 0, 3)"
assert ('héllo'.index('o', -1)) == 4, "'héllo'.index('o', -1)"
assert ('aé'.count('é', 1)) == 1, "'aé'.count('é', 1)"
assert ('aéé'.count('é', 1, 2)) == 1, "'aéé'.count('é', 1, 2)"
assert ('héllo'.startswith('ll', 2)) == True, "'héllo'.startswith('ll', 2)"
assert ('héllo'.endswith('é', 0, 2)) == True, "'héllo'.endswith('é', 0, 2)"
raises(TypeError, 'slice indices must be integers or None or have an __index__ method', lambda: 'abc'.find('b', 1.0))
assert ('abc'.find('b', None, None)) == 1, "'abc'.find('b', None, None)"
assert ('abc'.find('b', True)) == 1, "'abc'.find('b', True)"
assert ('abc'.find('b', 2**100)) == -1, "'abc'.find('b', 2**100)"
assert ('abc'.find('b', -2**100)) == 1, "'abc'.find('b', -2**100)"
assert ('a'.center(5, 'é')) == 'ééaéé', "'a'.center(5, 'é')"
assert ('é'.center(4)) == ' é  ', "'é'.center(4)"
assert ('abc'.zfill(-1)) == 'abc', "'abc'.zfill(-1)"
assert ('-'.zfill(3)) == '-00', "'-'.zfill(3)"
assert ('+'.zfill(1)) == '+', "'+'.zfill(1)"
raises(TypeError, 'The fill character must be exactly one character long', lambda: 'x'.ljust(3, 'ab'))
raises(TypeError, "'str' object cannot be interpreted as an integer", lambda: 'x'.ljust('3'))
assert ('a\tb\n\tc\r\td'.expandtabs(4)) == 'a   b\n    c\r    d', "'a\\tb\\n\\tc\\r\\td'.expandtabs(4)"
assert ('é\tx'.expandtabs(3)) == 'é  x', "'é\\tx'.expandtabs(3)"
assert ('\t'.expandtabs(-1)) == '', "'\\t'.expandtabs(-1)"
assert ('abc'.replace('', '', 1)) == 'abc', "'abc'.replace('', '', 1)"
assert ('abc'.replace('b', 'x', True)) == 'axc', "'abc'.replace('b', 'x', True)"
raises(TypeError, "'float' object cannot be interpreted as an integer", lambda: 'abc'.replace('b', 'x', 1.0))
raises(TypeError, 'str.replace() takes no keyword arguments', lambda: 'abc'.replace('b', 'x', count=1))
assert ('abc'.strip(None)) == 'abc', "'abc'.strip(None)"
raises(TypeError, 'strip arg must be None or str', lambda: 'abc'.strip(5))
assert ('xyz'.lstrip('zyx')) == '', "'xyz'.lstrip('zyx')"
assert ('  \u2003x\u2003 '.strip()) == 'x', "'  \\u2003x\\u2003 '.strip()"
assert ('aéa'.strip('a')) == 'é', "'aéa'.strip('a')"
assert ('aéa'.strip('é')) == 'aéa', "'aéa'.strip('é')"
assert ('a.b'.partition('.')) == ('a', '.', 'b'), "'a.b'.partition('.')"
raises(TypeError, 'must be str, not int', lambda: 'a.b'.partition(1))
assert ('a.b'.rpartition('x')) == ('', '', 'a.b'), "'a.b'.rpartition('x')"
assert ('éaé'.rpartition('a')) == ('é', 'a', 'é'), "'éaé'.rpartition('a')"
assert ('x'.join(['a'])) == 'a', "'x'.join(['a'])"
assert ('x'.join(('a', 'b'))) == 'axb', "'x'.join(('a', 'b'))"
assert ('x'.join(iter(['a', 'b']))) == 'axb', "'x'.join(iter(['a', 'b']))"
assert (', '.join(map(str, range(3)))) == '0, 1, 2', "', '.join(map(str, range(3)))"
assert (''.join(['é', 'ß'])) == 'éß', "''.join(['é', 'ß'])"
assert ('12'.isdigit()) == True, "'12'.isdigit()"
assert ('١٢'.isdigit()) == True, "'١٢'.isdigit()"
assert ('Ⅻ'.isnumeric()) == True, "'Ⅻ'.isnumeric()"
assert ('一'.isnumeric()) == True, "'一'.isnumeric()"
assert ('Ⅻ'.isalpha()) == False, "'Ⅻ'.isalpha()"
assert ('ab́'.isalpha()) == False, "'ab́'.isalpha()"
assert ('x²'.isalnum()) == True, "'x²'.isalnum()"
assert ('\x1f'.isspace()) == True, "'\\x1f'.isspace()"
assert ('\x1c\x1d'.isspace()) == True, "'\\x1c\\x1d'.isspace()"
assert ('a b'.isprintable()) == True, "'a b'.isprintable()"
assert ('\xa0'.isprintable()) == False, "'\\xa0'.isprintable()"
assert ('𝔘𝔫'.isidentifier()) == True, "'𝔘𝔫'.isidentifier()"
assert ('a·b'.isidentifier()) == True, "'a·b'.isidentifier()"
assert ('℘'.isidentifier()) == True, "'℘'.isidentifier()"
assert ('ABC'.casefold()) == 'abc', "'ABC'.casefold()"
assert ('ᏸ'.casefold()) == 'Ᏸ', "'ᏸ'.casefold()"
assert ('ꭰ'.upper()) == 'Ꭰ', "'ꭰ'.upper()"
assert ('ꭰ'.lower()) == 'ꭰ', "'ꭰ'.lower()"
assert ('ᲀ'.upper()) == 'В', "'ᲀ'.upper()"
assert ('abc'.removeprefix('abc')) == '', "'abc'.removeprefix('abc')"
assert ('abc'.removesuffix('abc')) == '', "'abc'.removesuffix('abc')"
raises(TypeError, 'removeprefix() argument must be str, not int', lambda: 'abc'.removeprefix(1))
assert ('abc'.translate({97: None, 98: 'xyz', 99: 100})) == 'xyzd', "'abc'.translate({97: None, 98: 'xyz', 99: 100})"
assert ('abc'.translate([None, None])) == 'abc', "'abc'.translate([None, None])"
raises(ValueError, 'character mapping must be in range(0x110000)', lambda: 'abc'.translate({97: 0x110000}))
raises(TypeError, 'character mapping must return integer, None or str', lambda: 'abc'.translate({97: 1.5}))
assert ('abc'.translate('xyz')) == 'abc', "'abc'.translate('xyz')"
assert (str.maketrans({'a': 'b', 98: None})) == {97: 'b', 98: None}, "str.maketrans({'a': 'b', 98: None})"
raises(ValueError, 'string keys in translate table must be of length 1', lambda: str.maketrans({'ab': 'b'}))
raises(TypeError, 'keys in translate table must be strings or integers', lambda: str.maketrans({1.5: 'b'}))
raises(TypeError, 'if you give only one argument to maketrans it must be a dict', lambda: str.maketrans('a'))
raises(TypeError, 'first maketrans argument must be a string if there is a second argument', lambda: str.maketrans(1, 'a'))
assert (str.maketrans('a', 'b', 'c')) == {97: 98, 99: None}, "str.maketrans('a', 'b', 'c')"
assert ('é'.encode('utf-16')) == b'\xff\xfe\xe9\x00', "'é'.encode('utf-16')"
assert ('é'.encode('utf-16-be')) == b'\x00\xe9', "'é'.encode('utf-16-be')"
assert ('é😀'.encode('utf-32')) == b'\xff\xfe\x00\x00\xe9\x00\x00\x00\x00\xf6\x01\x00', "'é😀'.encode('utf-32')"
assert ('é'.encode('latin-1', 'xmlcharrefreplace')) == b'\xe9', "'é'.encode('latin-1', 'xmlcharrefreplace')"
assert ('aé€'.encode('latin1', 'replace')) == b'a\xe9?', "'aé€'.encode('latin1', 'replace')"
raises(UnicodeEncodeError, "'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)", lambda: '€'.encode('latin-1'))
raises(UnicodeEncodeError, "'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)", lambda: '€€'.encode('ascii'))
raises(LookupError, "unknown error handler name 'bogus'", lambda: 'x€y'.encode('ascii', 'bogus'))
assert ('x'.encode('ascii', 'bogus')) == b'x', "'x'.encode('ascii', 'bogus')"
assert ('x'.encode(encoding='UTF8')) == b'x', "'x'.encode(encoding='UTF8')"
assert ('é'.encode('utf_8_sig')) == b'\xef\xbb\xbf\xc3\xa9', "'é'.encode('utf_8_sig')"
raises(UnicodeDecodeError, "'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data", lambda: b'\xe9'.decode('utf-8'))
raises(UnicodeDecodeError, "'utf-8' codec can't decode byte 0xe9 in position 0: invalid continuation byte", lambda: b'\xe9a'.decode('utf-8'))
raises(UnicodeDecodeError, "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte", lambda: b'\xed\xa0\x80'.decode('utf-8'))
raises(UnicodeDecodeError, "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data", lambda: b'\xf0\x9f\x98'.decode('utf-8'))
assert (b'a\xf0\x9f\x98b'.decode('utf-8', 'replace')) == 'a�b', "b'a\\xf0\\x9f\\x98b'.decode('utf-8', 'replace')"
assert (b'\x80\x81'.decode('utf-8', 'backslashreplace')) == '\\x80\\x81', "b'\\x80\\x81'.decode('utf-8', 'backslashreplace')"
assert (b'\xff\xfeA\x00'.decode('utf-16')) == 'A', "b'\\xff\\xfeA\\x00'.decode('utf-16')"
raises(UnicodeDecodeError, "'utf-16-le' codec can't decode byte 0x42 in position 2: truncated data", lambda: b'A\x00B'.decode('utf-16-le'))
raises(UnicodeDecodeError, "'utf-16-le' codec can't decode bytes in position 0-1: unexpected end of data", lambda: b'\x00\xd8'.decode('utf-16-le'))
raises(UnicodeDecodeError, "'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding", lambda: b'\x00\xdc'.decode('utf-16-le'))
raises(UnicodeDecodeError, "'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128)", lambda: b'\x80'.decode('ascii'))
raises(UnicodeDecodeError, "'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128)", lambda: b'\x80\x81'.decode('ascii'))
assert (b'\xef\xbb\xbfx'.decode('utf-8-sig')) == 'x', "b'\\xef\\xbb\\xbfx'.decode('utf-8-sig')"
assert (b'x'.decode('utf-8', errors='strict')) == 'x', "b'x'.decode('utf-8', errors='strict')"
assert (str(b'\xe9', 'latin-1')) == 'é', "str(b'\\xe9', 'latin-1')"
assert ('a' 'b'.__mod__(())) == 'ab', "'a' 'b'.__mod__(())"
assert ('%s'.__rmod__(5)) == NotImplemented, "'%s'.__rmod__(5)"
assert ('abc'.__rmod__('x%s')) == 'xabc', "'abc'.__rmod__('x%s')"
assert ('%r' % ('é',)) == "'é'", "'%r' % ('é',)"
assert ('%a' % ('é\n',)) == "'\\xe9\\n'", "'%a' % ('é\\n',)"
assert ('%(a)s %(a)r' % {'a': 'q'}) == "q 'q'", "'%(a)s %(a)r' % {'a': 'q'}"
assert ('%s' % b'x') == "b'x'", "'%s' % b'x'"
assert ('%5.2s|' % 'abc') == '   ab|', "'%5.2s|' % 'abc'"
assert ('%-6.2f|' % 2.555) == '2.56  |', "'%-6.2f|' % 2.555"
assert ('%+x' % 255) == '+ff', "'%+x' % 255"
assert ('% o' % 8) == ' 10', "'% o' % 8"
assert ('%#o' % 0) == '0o0', "'%#o' % 0"
assert ('%#x' % 0) == '0x0', "'%#x' % 0"
assert ('%e' % 0) == '0.000000e+00', "'%e' % 0"
assert ('%.0f' % 2.5) == '2', "'%.0f' % 2.5"
assert ('%.0f' % 3.5) == '4', "'%.0f' % 3.5"
assert ('%g' % 100000) == '100000', "'%g' % 100000"
assert ('%g' % 1000000) == '1e+06', "'%g' % 1000000"
assert ('%#.3g' % 1) == '1.00', "'%#.3g' % 1"
assert ('%10.3e|' % -1.5) == '-1.500e+00|', "'%10.3e|' % -1.5"
assert ('%010.3f' % -1.5) == '-00001.500', "'%010.3f' % -1.5"
assert ('%-010d|' % 5) == '5         |', "'%-010d|' % 5"
assert ('%i' % 2**64) == '18446744073709551616', "'%i' % 2**64"
assert ('%X' % -2**64) == '-10000000000000000', "'%X' % -2**64"
assert ('{:*^9}'.format('mid')) == '***mid***', "'{:*^9}'.format('mid')"
assert ('{0!r:^9}'.format('m')) == "   'm'   ", "'{0!r:^9}'.format('m')"
assert ('{:>{}}'.format('a', 4)) == '   a', "'{:>{}}'.format('a', 4)"
assert ('{a[0]}{a[1]}'.format(a='xy')) == 'xy', "'{a[0]}{a[1]}'.format(a='xy')"
assert ('{0[a]}'.format({'a': 1})) == '1', "'{0[a]}'.format({'a': 1})"
assert ('{0[-1]}'.format({'-1': 2})) == '2', "'{0[-1]}'.format({'-1': 2})"
assert ('{0.imag}'.format(3)) == '0', "'{0.imag}'.format(3)"
assert ('{:%}'.format(0.25)) == '25.000000%', "'{:%}'.format(0.25)"
assert ('{:e}'.format(12345)) == '1.234500e+04', "'{:e}'.format(12345)"
assert ('{:n}'.format(1234567)) == '1234567', "'{:n}'.format(1234567)"
assert ('{:_x}'.format(2**32)) == '1_0000_0000', "'{:_x}'.format(2**32)"
assert ('{:#_b}'.format(10)) == '0b1010', "'{:#_b}'.format(10)"
assert ('{:c}'.format(97)) == 'a', "'{:c}'.format(97)"
assert ('{!a}'.format('é')) == "'\\xe9'", "'{!a}'.format('é')"
assert ('{}{}'.format(*'ab')) == 'ab', "'{}{}'.format(*'ab')"
assert ('{x}{y}'.format(**{'x': 1, 'y': 2})) == '12', "'{x}{y}'.format(**{'x': 1, 'y': 2})"
raises(ValueError, 'Format string contains positional fields', lambda: '{0}'.format_map({}))
raises(ValueError, 'Format string contains positional fields', lambda: '{}'.format_map({}))
raises(KeyError, "'a'", lambda: '{a}'.format_map({}))
raises(ValueError, 'Format string contains positional fields', lambda: '{:{}}'.format_map({}))
assert (format('abc', '.1')) == 'a', "format('abc', '.1')"
raises(ValueError, 'Sign not allowed in string format specifier', lambda: format('abc', '>+5'))
raises(ValueError, 'Alternate form (#) not allowed in string format specifier', lambda: format('abc', '#'))
raises(ValueError, "'=' alignment not allowed in string format specifier", lambda: format('abc', '=5'))
raises(ValueError, "Unknown format code 'x' for object of type 'str'", lambda: format('abc', 'x'))
assert (format('abc', '05')) == 'abc00', "format('abc', '05')"
raises(ValueError, 'Negative zero coercion (z) not allowed in string format specifier', lambda: format('abc', 'z'))
raises(TypeError, '__format__() argument must be str, not int', lambda: 'abc'.__format__(5))
assert (len('x'.join(['a']*1000))) == 1999, "len('x'.join(['a']*1000))"
assert ('abc'[::-1].upper()) == 'CBA', "'abc'[::-1].upper()"
assert ('Straße'.upper().lower()) == 'strasse', "'Straße'.upper().lower()"
assert ('a'.splitlines(1)) == ['a'], "'a'.splitlines(1)"
assert ('a\r'.splitlines(keepends=True)) == ['a\r'], "'a\\r'.splitlines(keepends=True)"
assert ('a\r\n\r\n'.splitlines()) == ['a', ''], "'a\\r\\n\\r\\n'.splitlines()"
assert ('\r\r\n'.splitlines(True)) == ['\r', '\r\n'], "'\\r\\r\\n'.splitlines(True)"
raises(ValueError, 'substring not found', lambda: 'abc'.index('c', 0, 2))
assert ('abc'.rindex('')) == 3, "'abc'.rindex('')"
assert ('abc'.count('bc', -2)) == 1, "'abc'.count('bc', -2)"
assert ('ABC'.isupper()) == True, "'ABC'.isupper()"
assert ('ABC1!'.isupper()) == True, "'ABC1!'.isupper()"
assert ('ǅ'.isupper()) == False, "'ǅ'.isupper()"
assert ('ǅ'.islower()) == False, "'ǅ'.islower()"
assert ('ʰ'.islower()) == True, "'ʰ'.islower()"
raises(TypeError, 'tuple for startswith must only contain str, not int', lambda: 'abc'.startswith(('x', 1)))
raises(TypeError, 'endswith first arg must be str or a tuple of str, not int', lambda: 'abc'.endswith(1))
raises(TypeError, 'slice indices must be integers or None or have an __index__ method', lambda: 'abc'.startswith('a', 'x'))
raises(TypeError, 'center expected at least 1 argument, got 0', lambda: 'x'.center())
raises(TypeError, 'str.zfill() takes exactly one argument (0 given)', lambda: 'x'.zfill())
raises(TypeError, 'split() takes at most 2 arguments (3 given)', lambda: 'x'.split(',', 1, 2))
raises(TypeError, "'x' is an invalid keyword argument for split()", lambda: 'x'.split(x=1))
raises(TypeError, 'str.upper() takes no arguments (1 given)', lambda: 'x'.upper(1))
raises(TypeError, 'str.join() takes exactly one argument (0 given)', lambda: 'x'.join())
raises(TypeError, 'find() takes at least 1 argument (0 given)', lambda: 'x'.find())
raises(TypeError, 'replace expected at least 2 arguments, got 1', lambda: 'x'.replace('a'))
raises(TypeError, "'str' object cannot be interpreted as an integer", lambda: bytearray().extend('ab'))
raises(TypeError, "can't extend bytearray with int", lambda: bytearray().extend(5))
raises(ValueError, 'byte must be in range(0, 256)', lambda: bytearray().extend([256]))
raises(TypeError, "'str' object cannot be interpreted as an integer", lambda: bytearray().append('a'))
raises(IndexError, 'pop from empty bytearray', lambda: bytearray().pop())
raises(IndexError, 'pop index out of range', lambda: bytearray(b'a').pop(5))
raises(ValueError, 'value not found in bytearray', lambda: bytearray(b'a').remove(5))
raises(ValueError, 'byte must be in range(0, 256)', lambda: bytearray(b'a').remove(256))
raises(ValueError, 'byte must be in range(0, 256)', lambda: bytearray(b'a').insert(0, 300))
raises(TypeError, 'can assign only bytes, buffers, or iterables of ints in range(0, 256)', lambda: bytearray(b'abc').__setitem__(slice(0,2), 5))
raises(ValueError, 'attempt to assign bytes of size 3 to extended slice of size 2', lambda: bytearray(b'abc').__setitem__(slice(0,3,2), b'xyz'))
raises(IndexError, 'bytearray index out of range', lambda: bytearray(b'abc').__setitem__(5, 1))
raises(IndexError, 'bytearray index out of range', lambda: bytearray(b'abc').__delitem__(5))
raises(TypeError, 'bytearray indices must be integers or slices, not str', lambda: bytearray(b'abc').__setitem__('a', 1))
raises(TypeError, "'str' object cannot be interpreted as an integer", lambda: bytearray(b'abc').__setitem__(0, 'a'))
raises(TypeError, "a bytes-like object is required, not 'int'", lambda: b'a'.split(1))
raises(TypeError, "argument should be integer or bytes-like object, not 'str'", lambda: b'a'.find('x'))
raises(ValueError, 'byte must be in range(0, 256)', lambda: b'a'.find(256))
raises(TypeError, 'sequence item 0: expected a bytes-like object, int found', lambda: b'-'.join([1]))
raises(TypeError, 'can only join an iterable', lambda: b'-'.join(5))
raises(TypeError, "a bytes-like object is required, not 'str'", lambda: b'a'.strip('x'))
raises(TypeError, "a bytes-like object is required, not 'str'", lambda: b'a'.replace('a', b'b'))
raises(TypeError, 'startswith first arg must be bytes or a tuple of bytes, not str', lambda: b'a'.startswith('x'))
raises(TypeError, "a bytes-like object is required, not 'str'", lambda: b'a'.startswith(('x',)))
raises(TypeError, 'center() argument 2 must be a byte string of length 1, not str', lambda: b'a'.center(5, 'x'))
raises(TypeError, 'center() argument 2 must be a byte string of length 1, not bytes', lambda: b'a'.center(5, b'xy'))
raises(ValueError, 'subsection not found', lambda: b'a'.index(b'z'))
assert (b'a'.hex(':', 0)) == '61', "b'a'.hex(':', 0)"
raises(ValueError, 'sep must be length 1.', lambda: b'a'.hex('::'))
raises(TypeError, "object of type 'int' has no len()", lambda: b'a'.hex(5))
raises(TypeError, 'fromhex() argument must be str, not bytes', lambda: bytes.fromhex(b'ab'))
raises(ValueError, 'non-hexadecimal number found in fromhex() arg at position 1', lambda: bytes.fromhex('a b'))
raises(ValueError, 'non-hexadecimal number found in fromhex() arg at position 1', lambda: bytes.fromhex('0g'))
assert (bytes.fromhex(' 01 02 ')) == b'\x01\x02', "bytes.fromhex(' 01 02 ')"
raises(ValueError, 'translation table must be 256 characters long', lambda: b'a'.translate(b'x'))
raises(ValueError, 'maketrans arguments must have same length', lambda: bytes.maketrans(b'ab', b'c'))
raises(TypeError, "can't concat str to bytes", lambda: b'a' + 'b')
raises(TypeError, "can't concat str to bytearray", lambda: bytearray(b'a') + 'b')
assert (b'a' + bytearray(b'b')) == b'ab', "b'a' + bytearray(b'b')"
assert (bytearray(b'a') + b'b') == bytearray(b'ab'), "bytearray(b'a') + b'b'"
raises(TypeError, "can't multiply sequence by non-int of type 'str'", lambda: b'a' * 'x')
assert (b'ab' * -1) == b'', "b'ab' * -1"
raises(ValueError, 'empty separator', lambda: b'a'.partition(b''))
raises(ValueError, 'empty separator', lambda: b'a'.split(b''))
assert (b'a'.count(b'', 5)) == 0, "b'a'.count(b'', 5)"
assert (b'abc'.count(98)) == 1, "b'abc'.count(98)"
raises(LookupError, 'unknown encoding: foo', lambda: b'x'.decode('foo'))
assert (bytearray(b'ab').__imul__(2)) == bytearray(b'abab'), "bytearray(b'ab').__imul__(2)"
assert (b'\x01\x02\x03'.hex(':', 2)) == '01:0203', "b'\\x01\\x02\\x03'.hex(':', 2)"
assert (b'\x01\x02\x03'.hex(':', -2)) == '0102:03', "b'\\x01\\x02\\x03'.hex(':', -2)"
assert (b'\x01\x02\x03'.hex(b':', 1)) == '01:02:03', "b'\\x01\\x02\\x03'.hex(b':', 1)"
assert (bytearray(b'ab').copy()) == bytearray(b'ab'), "bytearray(b'ab').copy()"
raises(TypeError, "a bytes-like object is required, not 'str'", lambda: b'ab'.removeprefix('a'))
assert (b'aBc dE'.swapcase()) == b'AbC De', "b'aBc dE'.swapcase()"
assert (b'hello world'.capitalize()) == b'Hello world', "b'hello world'.capitalize()"
assert (b'a\tb'.expandtabs()) == b'a       b', "b'a\\tb'.expandtabs()"
assert (b'ab\r\ncd\x0bef'.splitlines(True)) == [b'ab\r\n', b'cd\x0bef'], "b'ab\\r\\ncd\\x0bef'.splitlines(True)"
assert (b'a\x1cb c'.split()) == [b'a\x1cb', b'c'], "b'a\\x1cb c'.split()"
assert (b'Ab'.istitle()) == True, "b'Ab'.istitle()"
assert (b'abc'.rjust(5, bytearray(b'-'))) == b'--abc', "b'abc'.rjust(5, bytearray(b'-'))"
assert (bytearray(b'abc').zfill(5)) == bytearray(b'00abc'), "bytearray(b'abc').zfill(5)"
assert (b'abc'.translate(None, b'b')) == b'ac', "b'abc'.translate(None, b'b')"
assert (b'abc'.translate(bytes.maketrans(b'a', b'z'), delete=b'c')) == b'zb', "b'abc'.translate(bytes.maketrans(b'a', b'z'), delete=b'c')"
assert (bytearray(b'abc')[1]) == 98, "bytearray(b'abc')[1]"
assert (bytearray(b'abcd')[::2]) == bytearray(b'ac'), "bytearray(b'abcd')[::2]"
assert (b'%s' % bytearray(b'x')) == b'x', "b'%s' % bytearray(b'x')"
assert (bytearray(b'%d') % 5) == bytearray(b'5'), "bytearray(b'%d') % 5"
raises(TypeError, 'not all arguments converted during bytes formatting', lambda: b'a'.__rmod__(b'x'))
assert (b'a'.__rmod__('x')) == NotImplemented, "b'a'.__rmod__('x')"
assert (bytearray(b'abc') == b'abc') == True, "bytearray(b'abc') == b'abc'"
assert (b'x'.join([bytearray(b'a'), b'b'])) == b'axb', "b'x'.join([bytearray(b'a'), b'b'])"
assert (bytearray(b'x').join([b'a', b'b'])) == bytearray(b'axb'), "bytearray(b'x').join([b'a', b'b'])"
assert (b'abc'.lstrip(b'a')) == b'bc', "b'abc'.lstrip(b'a')"
assert (b'  a  '.strip()) == b'a', "b'  a  '.strip()"
assert (b'a,b'.rsplit(b',', 1)) == [b'a', b'b'], "b'a,b'.rsplit(b',', 1)"
assert (b'a b c'.rsplit(None, 1)) == [b'a b', b'c'], "b'a b c'.rsplit(None, 1)"
assert (b'abc'.endswith(b'bc', 0, 3)) == True, "b'abc'.endswith(b'bc', 0, 3)"
assert (b'abc'.rindex(99)) == 2, "b'abc'.rindex(99)"
assert (b'abcb'.rfind(b'b', 0, 3)) == 1, "b'abcb'.rfind(b'b', 0, 3)"
assert (bytearray(b'abc').hex()) == '616263', "bytearray(b'abc').hex()"
assert (bytearray.fromhex('ff00')) == bytearray(b'\xff\x00'), "bytearray.fromhex('ff00')"
assert (b'abc'.isupper()) == False, "b'abc'.isupper()"
assert (b'ABC1'.isupper()) == True, "b'ABC1'.isupper()"
assert (b''.isalpha()) == False, "b''.isalpha()"
assert (b'abc'.isascii()) == True, "b'abc'.isascii()"
assert (b'\x80'.isascii()) == False, "b'\\x80'.isascii()"
assert (len(b'ab'.__mul__(3))) == 6, "len(b'ab'.__mul__(3))"
assert (b'ab'.__rmul__(2)) == b'abab', "b'ab'.__rmul__(2)"
raises(TypeError, 'replace expected at least 2 arguments, got 1', lambda: 'x'.replace('a'))
raises(TypeError, 'replace expected at least 2 arguments, got 0', lambda: 'x'.replace())
raises(TypeError, 'replace expected at most 3 arguments, got 4', lambda: 'x'.replace('a','b',1,2))
raises(TypeError, 'find() takes at least 1 argument (0 given)', lambda: 'x'.find())
raises(TypeError, 'find() takes at most 3 arguments (4 given)', lambda: 'x'.find(1,2,3,4))
raises(TypeError, 'count() takes at least 1 argument (0 given)', lambda: 'x'.count())
raises(TypeError, 'index() takes at least 1 argument (0 given)', lambda: 'x'.index())
raises(TypeError, 'startswith() takes at least 1 argument (0 given)', lambda: 'x'.startswith())
raises(TypeError, 'startswith() takes at most 3 arguments (4 given)', lambda: 'x'.startswith(1,2,3,4))
raises(TypeError, 'strip expected at most 1 argument, got 2', lambda: 'x'.strip(1,2))
raises(TypeError, 'center expected at least 1 argument, got 0', lambda: 'x'.center())
raises(TypeError, 'center expected at most 2 arguments, got 3', lambda: 'x'.center(1,2,3))
raises(TypeError, 'ljust expected at least 1 argument, got 0', lambda: 'x'.ljust())
raises(TypeError, 'str.zfill() takes exactly one argument (2 given)', lambda: 'x'.zfill(1,2))
raises(TypeError, 'str.partition() takes exactly one argument (0 given)', lambda: 'x'.partition())
raises(TypeError, 'str.removeprefix() takes exactly one argument (0 given)', lambda: 'x'.removeprefix())
raises(TypeError, 'str.translate() takes exactly one argument (0 given)', lambda: 'x'.translate())
raises(TypeError, 'str.format_map() takes exactly one argument (0 given)', lambda: 'x'.format_map())
raises(TypeError, 'split() takes at most 2 arguments (3 given)', lambda: 'x'.split(1,2,3))
raises(TypeError, 'splitlines() takes at most 1 argument (2 given)', lambda: 'x'.splitlines(1,2))
raises(TypeError, 'expandtabs() takes at most 1 argument (2 given)', lambda: 'x'.expandtabs(1,2))
raises(TypeError, 'encode() takes at most 2 arguments (3 given)', lambda: 'x'.encode(1,2,3))
raises(TypeError, 'str.isdigit() takes no arguments (1 given)', lambda: 'x'.isdigit(1))
raises(TypeError, 'str.lower() takes no arguments (1 given)', lambda: 'x'.lower(1))
raises(TypeError, 'str.find() takes no keyword arguments', lambda: 'x'.find(sub='x'))
raises(TypeError, 'str.strip() takes no keyword arguments', lambda: 'x'.strip(chars='x'))
raises(TypeError, 'str.center() takes no keyword arguments', lambda: 'x'.center(width=3))
raises(TypeError, 'maketrans expected at least 1 argument, got 0', lambda: str.maketrans())
raises(TypeError, 'maketrans expected at most 3 arguments, got 4', lambda: str.maketrans(1,2,3,4))
raises(TypeError, 'str.__format__() takes exactly one argument (0 given)', lambda: 'x'.__format__())
raises(TypeError, 'replace expected at least 2 arguments, got 1', lambda: b'x'.replace(b'a'))
raises(TypeError, 'find() takes at least 1 argument (0 given)', lambda: b'x'.find())
raises(TypeError, 'strip expected at most 1 argument, got 2', lambda: b'x'.strip(1,2))
raises(TypeError, 'center expected at least 1 argument, got 0', lambda: b'x'.center())
raises(TypeError, 'bytes.zfill() takes exactly one argument (2 given)', lambda: b'x'.zfill(1,2))
raises(TypeError, 'bytes.partition() takes exactly one argument (0 given)', lambda: b'x'.partition())
raises(TypeError, 'bytes.join() takes exactly one argument (0 given)', lambda: b'x'.join())
raises(TypeError, 'bytes.upper() takes no arguments (1 given)', lambda: b'x'.upper(1))
raises(TypeError, 'hex() takes at most 2 arguments (3 given)', lambda: b'x'.hex(1,2,3))
raises(TypeError, 'bytes.fromhex() takes exactly one argument (0 given)', lambda: bytes.fromhex())
raises(TypeError, 'translate() takes at least 1 positional argument (0 given)', lambda: b'x'.translate())
raises(TypeError, 'maketrans expected 2 arguments, got 1', lambda: bytes.maketrans(b'a'))
raises(TypeError, 'split() takes at most 2 arguments (3 given)', lambda: b'x'.split(1,2,3))
raises(TypeError, 'decode() takes at most 2 arguments (3 given)', lambda: b'x'.decode(1,2,3))
raises(TypeError, 'bytearray.append() takes exactly one argument (0 given)', lambda: bytearray().append())
raises(TypeError, 'bytearray.extend() takes exactly one argument (0 given)', lambda: bytearray().extend())
raises(TypeError, 'pop expected at most 1 argument, got 2', lambda: bytearray().pop(1,2))
raises(TypeError, 'insert expected 2 arguments, got 1', lambda: bytearray().insert(1))
raises(TypeError, 'bytearray.remove() takes exactly one argument (0 given)', lambda: bytearray().remove())
raises(TypeError, 'bytearray.clear() takes no arguments (1 given)', lambda: bytearray().clear(1))
raises(TypeError, 'bytearray.copy() takes no arguments (1 given)', lambda: bytearray().copy(1))
raises(TypeError, 'bytearray.reverse() takes no arguments (1 given)', lambda: bytearray().reverse(1))
raises(TypeError, 'count() takes at least 1 argument (0 given)', lambda: b'x'.count())
raises(TypeError, 'startswith() takes at least 1 argument (0 given)', lambda: b'x'.startswith())
raises(TypeError, 'bytes.removeprefix() takes exactly one argument (0 given)', lambda: b'x'.removeprefix())
raises(TypeError, 'bytes.isdigit() takes no arguments (1 given)', lambda: b'x'.isdigit(1))
raises(TypeError, 'expandtabs() takes at most 1 argument (2 given)', lambda: b'x'.expandtabs(1,2))
assert ('%05s' % 'ab') == '   ab', "'%05s' % 'ab'"
assert ('%-05d' % 3) == '3    ', "'%-05d' % 3"
raises(TypeError, 'not enough arguments for format string', lambda: '%y' % ())
raises(KeyError, "'a'", lambda: '%(a)y' % {})
raises(TypeError, 'not enough arguments for format string', lambda: '%5%' % ())
raises(TypeError, 'not enough arguments for format string', lambda: '%-5%|' % ())
assert ('%hd' % 5) == '5', "'%hd' % 5"
assert ('%ld %Lf' % (5, 1.5)) == '5 1.500000', "'%ld %Lf' % (5, 1.5)"
raises(OverflowError, '%c arg not in range(0x110000)', lambda: '%c' % 1114112)
raises(OverflowError, '%c arg not in range(0x110000)', lambda: '%c' % -1)
raises(TypeError, '%c requires int or char', lambda: '%c' % 'ab')
raises(TypeError, '%c requires int or char', lambda: '%c' % 1.5)
raises(TypeError, '%x format: an integer is required, not float', lambda: '%x' % 1.5)
assert ('%d' % 1.5) == '1', "'%d' % 1.5"
raises(TypeError, 'must be real number, not str', lambda: '%f' % 'x')
raises(TypeError, '%d format: a real number is required, not str', lambda: '%d' % 'x')
raises(TypeError, '%x format: an integer is required, not str', lambda: '%x' % 'x')
raises(TypeError, 'not enough arguments for format string', lambda: '%s %s' % [1])
assert ('abc' % [1]) == 'abc', "'abc' % [1]"
assert ('abc' % {}) == 'abc', "'abc' % {}"
raises(TypeError, 'not enough arguments for format string', lambda: '%s' % ())
raises(TypeError, '* wants int', lambda: '%*d' % ('x', 1))
raises(TypeError, '* wants int', lambda: '%.*f' % ('x', 1.0))
assert ('%*d' % (-5, 1)) == '1    ', "'%*d' % (-5, 1)"
assert ('%.*f' % (-2, 1.23)) == '1', "'%.*f' % (-2, 1.23)"
raises(ValueError, 'incomplete format key', lambda: '%(a' % {})
raises(ValueError, 'incomplete format', lambda: '%(a)' % {'a': 1})
raises(ValueError, 'incomplete format', lambda: '%' % ())
raises(ValueError, 'incomplete format', lambda: '%-' % ())
raises(ValueError, 'incomplete format', lambda: '%5' % 1)
raises(ValueError, 'incomplete format', lambda: '%.' % 1)
raises(ValueError, "unsupported format character '?' (0x1) at index 1", lambda: '%\x01' % 1)
raises(ValueError, "unsupported format character '?' (0xe9) at index 1", lambda: '%é' % 1)
raises(ValueError, "unsupported format character 'y' (0x79) at index 2", lambda: 'é%y' % 1)
assert ('%0*d' % (5, -3)) == '-0003', "'%0*d' % (5, -3)"
assert ('%+.3e' % 12345.6789) == '+1.235e+04', "'%+.3e' % 12345.6789"
assert ('%#g' % 1.0) == '1.00000', "'%#g' % 1.0"
assert ('%#.0f' % 1.0) == '1.', "'%#.0f' % 1.0"
assert ('%10.4s|' % 'abcdefg') == '      abcd|', "'%10.4s|' % 'abcdefg'"
assert ('%-10r|' % 'x') == "'x'       |", "'%-10r|' % 'x'"
assert ('%05x' % -255) == '-00ff', "'%05x' % -255"
assert ('%#06x' % 255) == '0x00ff', "'%#06x' % 255"
assert ('%#X' % 255) == '0XFF', "'%#X' % 255"
assert ('%o' % -8) == '-10', "'%o' % -8"
assert ('% 5d' % 3) == '    3', "'% 5d' % 3"
assert ('%+05d' % 3) == '+0003', "'%+05d' % 3"
assert ('%c' % 233) == 'é', "'%c' % 233"
assert ('%5c|' % 65) == '    A|', "'%5c|' % 65"
assert ('%-5c|' % 'é') == 'é    |', "'%-5c|' % 'é'"
assert ('%.2d' % 5) == '05', "'%.2d' % 5"
assert ('%.5x' % 255) == '000ff', "'%.5x' % 255"
assert ('%(a)s %(b)d' % {'a': 'x', 'b': 2.7}) == 'x 2', "'%(a)s %(b)d' % {'a': 'x', 'b': 2.7}"
assert ('%((a))s' % {'(a)': 1}) == '1', "'%((a))s' % {'(a)': 1}"
assert ('%s' % (1,)) == '1', "'%s' % (1,)"
assert ('%r' % b'x') == "b'x'", "'%r' % b'x'"
assert ('%a' % 'ሴ') == "'\\u1234'", "'%a' % 'ሴ'"
assert ('%d' % 1000000000000000000000000000000) == '1000000000000000000000000000000', "'%d' % 1000000000000000000000000000000"
assert ('%u' % -3) == '-3', "'%u' % -3"
assert ('%i' % 3.9) == '3', "'%i' % 3.9"
assert ('%.0e' % 0.5) == '5e-01', "'%.0e' % 0.5"
assert ('%g' % 1e+20) == '1e+20', "'%g' % 1e+20"
assert ('%G' % 1e-20) == '1E-20', "'%G' % 1e-20"
assert ('%5.1f%%' % 99.44) == ' 99.4%', "'%5.1f%%' % 99.44"
assert ('%s' % None) == 'None', "'%s' % None"
assert ('%d%%' % 5) == '5%', "'%d%%' % 5"
raises(TypeError, 'list indices must be integers or slices, not str', lambda: '%(x)s' % [1])
assert ('%s %(x)s' % {'x': 1}) == "{'x': 1} 1", "'%s %(x)s' % {'x': 1}"
raises(ValueError, "unsupported format character 'z' (0x7a) at index 1", lambda: '%z' % {})
raises(ValueError, 'precision too big', lambda: '%.1000000000000000000000f' % 1.0)
raises(ValueError, 'width too big', lambda: '%100000000000000000000d' % 1)
assert ('%d' % True) == '1', "'%d' % True"
assert ('%x' % True) == '1', "'%x' % True"
assert ('%f' % True) == '1.000000', "'%f' % True"
assert ('%c' % True) == '\x01', "'%c' % True"
raises(TypeError, '* wants int', lambda: '%*s' % (3.0, 'a'))
raises(ValueError, "unsupported format character '%' (0x25) at index 2", lambda: '%5%' % (1,))
raises(ValueError, "unsupported format character '%' (0x25) at index 2", lambda: '%5%|' % (1, 2))
raises(ValueError, "unsupported format character '%' (0x25) at index 5", lambda: '%(a)5%' % {'a': 1})
raises(ValueError, "unsupported format character '%' (0x25) at index 3", lambda: '%-5%|' % 1)
raises(TypeError, 'not all arguments converted during string formatting', lambda: '%%' % 1)
assert ('%s%%%s' % (1, 2)) == '1%2', "'%s%%%s' % (1, 2)"
raises(ValueError, "unsupported format character '%' (0x25) at index 3", lambda: '%.3%' % 1)
raises(ValueError, "unsupported format character '%' (0x25) at index 2", lambda: '%*%' % (3, 1))
raises(TypeError, "%b requires a bytes-like object, or an object that implements __bytes__, not 'str'", lambda: b'%s' % 'x')
raises(TypeError, "%b requires a bytes-like object, or an object that implements __bytes__, not 'int'", lambda: b'%s' % 5)
assert (b'%b' % b'x') == b'x', "b'%b' % b'x'"
assert (b'%r' % 'x') == b"'x'", "b'%r' % 'x'"
assert (b'%a' % 'é') == b"'\\xe9'", "b'%a' % 'é'"
raises(OverflowError, '%c arg not in range(256)', lambda: b'%c' % 256)
raises(TypeError, '%c requires an integer in range(256) or a single byte', lambda: b'%c' % b'ab')
raises(TypeError, '%c requires an integer in range(256) or a single byte', lambda: b'%c' % 'a')
assert (b'%c' % bytearray(b'z')) == b'z', "b'%c' % bytearray(b'z')"
assert (b'%5s|' % b'ab') == b'   ab|', "b'%5s|' % b'ab'"
assert (b'%-5b|' % bytearray(b'ab')) == b'ab   |', "b'%-5b|' % bytearray(b'ab')"
assert (b'%.1s' % b'ab') == b'a', "b'%.1s' % b'ab'"
raises(ValueError, "unsupported format character 'y' (0x79) at index 1", lambda: b'%y' % 1)
assert (b'%(a)s' % {b'a': b'1'}) == b'1', "b'%(a)s' % {b'a': b'1'}"
raises(KeyError, "b'a'", lambda: b'%(a)s' % {'a': b'1'})
assert (b'%d %x %f' % (1, 2, 3.0)) == b'1 2 3.000000', "b'%d %x %f' % (1, 2, 3.0)"
assert (b'abc' % [1]) == b'abc', "b'abc' % [1]"
raises(OverflowError, 'character argument not in range(0x110000)', lambda: b'%\xff' % 1)
assert (b'%%' % ()) == b'%', "b'%%' % ()"
raises(OverflowError, '%c arg not in range(256)', lambda: b'%c' % -1)
assert ('{0[}]}'.format(FO(), 'X', 'Y', 'Z', a='A')) == "'}'", "'{0[}]}'.format(FO(), 'X', 'Y', 'Z', a='A')"
assert ('{0[{]}'.format(FO(), 'X', 'Y', 'Z', a='A')) == "'{'", "'{0[{]}'.format(FO(), 'X', 'Y', 'Z', a='A')"
assert ('{0!r:}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'FO()', "'{0!r:}'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(ValueError, "unmatched '{' in format spec", lambda: '{0!}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "expected ':' after conversion specifier", lambda: '{0!rr}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, 'Unknown conversion specifier x', lambda: '{0!x}'.format(FO(), 'X', 'Y', 'Z', a='A'))
assert ('{0:{1}}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'F(X)', "'{0:{1}}'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(ValueError, 'Max string recursion exceeded', lambda: '{0:{1:{2}}}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, 'Max string recursion exceeded', lambda: '{0:{1:{2:{3}}}}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "Single '{' encountered in format string", lambda: '{'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "Single '}' encountered in format string", lambda: '}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "expected '}' before end of string", lambda: '{0'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "unmatched '{' in format spec", lambda: '{0:'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "unmatched '{' in format spec", lambda: '{0!r'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "expected '}' before end of string", lambda: '{0[0}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "Only '.' or '[' may follow ']' in format field specifier", lambda: '{0[0]x}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, 'Empty attribute in format string', lambda: '{0.}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, 'Empty attribute in format string', lambda: '{0..a}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(AttributeError, "'FO' object has no attribute 'a'", lambda: '{.a}'.format(FO(), 'X', 'Y', 'Z', a='A'))
assert ('{[0]}'.format(FO(), 'X', 'Y', 'Z', a='A')) == '0', "'{[0]}'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(ValueError, 'Empty attribute in format string', lambda: '{0[]}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(KeyError, "' '", lambda: '{ }'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(KeyError, "'-1'", lambda: '{-1}'.format(FO(), 'X', 'Y', 'Z', a='A'))
assert ('{0.real!r:>5}'.format(FO(), 'X', 'Y', 'Z', a='A')) == '    5', "'{0.real!r:>5}'.format(FO(), 'X', 'Y', 'Z', a='A')"
assert ('{:}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'F()', "'{:}'.format(FO(), 'X', 'Y', 'Z', a='A')"
assert ('{!r}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'FO()', "'{!r}'.format(FO(), 'X', 'Y', 'Z', a='A')"
assert ('{00}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'F()', "'{00}'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(KeyError, "'0x'", lambda: '{0x}'.format(FO(), 'X', 'Y', 'Z', a='A'))
assert ('a{{b}}c'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'a{b}c', "'a{{b}}c'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(ValueError, "Single '}' encountered in format string", lambda: '{0}}'.format(FO(), 'X', 'Y', 'Z', a='A'))
assert ('{{{0}}}'.format(FO(), 'X', 'Y', 'Z', a='A')) == '{F()}', "'{{{0}}}'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(ValueError, "Single '}' encountered in format string", lambda: '{0:}}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, "unmatched '{' in format spec", lambda: '{0:{{}}'.format(FO(), 'X', 'Y', 'Z', a='A'))
assert ('{0:}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'F()', "'{0:}'.format(FO(), 'X', 'Y', 'Z', a='A')"
assert ('{0[a]}'.format(FO(), 'X', 'Y', 'Z', a='A')) == "'a'", "'{0[a]}'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(IndexError, 'string index out of range', lambda: '{0[0][1]}'.format(FO(), 'X', 'Y', 'Z', a='A'))
assert ('{0!s}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'FO()', "'{0!s}'.format(FO(), 'X', 'Y', 'Z', a='A')"
assert ('{0!a}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'FO()', "'{0!a}'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(KeyError, "'1e2'", lambda: '{1e2}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, 'Too many decimal digits in format string', lambda: '{99999999999999999999}'.format(FO(), 'X', 'Y', 'Z', a='A'))
raises(ValueError, 'cannot switch from manual field specification to automatic field numbering', lambda: '{0:{}}'.format(FO(), 'X', 'Y', 'Z', a='A'))
assert ('{:{}}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'F(X)', "'{:{}}'.format(FO(), 'X', 'Y', 'Z', a='A')"
assert ('{0:{a}}'.format(FO(), 'X', 'Y', 'Z', a='A')) == 'F(A)', "'{0:{a}}'.format(FO(), 'X', 'Y', 'Z', a='A')"
raises(ValueError, "Unknown format code 'X' for object of type 'str'", lambda: '{0!r:{1}}'.format(FO(), 'X', 'Y', 'Z', a='A'))
print("ok")
