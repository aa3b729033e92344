package toml

import (
	"strconv"
	"testing"
)

// errorTests are texts that are not TOML, with where Parse says the
// problem is and what it says, without the "line L, column C: " prefix.
// Every message says what is wrong and, where there is one way to put it
// right, how.
var errorTests = []struct {
	text         string
	line, column int
	message      string
}{
	// Characters: newlines, control characters, UTF-8.
	{"a = 1\rb = 2", 1, 6, "a carriage return (\\r) must be followed by a line feed (\\n): save the text with LF or CRLF line endings"},
	{"# bell \a", 1, 8, "control character U+0007 is not allowed in a comment"},
	{"a = \"\xff\"", 1, 6, "invalid UTF-8 byte 0xFF: a TOML text must be UTF-8 (last key \"a\")"},
	{"# caf\xe9", 1, 6, "invalid UTF-8 byte 0xE9: a TOML text must be UTF-8"},
	{"a\x00 = 1", 1, 2, "control character U+0000 is not allowed outside strings; a NUL byte usually means the text is UTF-16: save it as UTF-8"},
	{"a = 1\x01", 1, 6, "control character U+0001 is not allowed outside strings"},

	// Keys and lines.
	{"\"\"\"k\"\"\" = 1", 1, 1, "a key cannot be a multi-line string: quote it with \"double\" or 'single' quotes"},
	{"= 1", 1, 1, "a key is missing before '='"},
	{"a. = 1", 1, 4, "a key is missing before '='"},
	{"é = 1", 1, 1, "expected a key, found 'é': a bare key is only letters A-Z and a-z, digits, \"_\" and \"-\"; put any other key in quotes"},
	{"a b = 1", 1, 3, "expected '=' after the key a, found 'b': write key = value, and quote a key that has spaces or other characters"},
	{"a", 1, 2, "expected '=' after the key a, found the end of the text: write key = value, and quote a key that has spaces or other characters"},
	{"a = 1 b = 2", 1, 7, "expected the end of the line, found 'b': each key = value pair and each [table] header goes on a line of its own"},
	{"[a] b = 1", 1, 5, "expected the end of the line, found 'b': each key = value pair and each [table] header goes on a line of its own"},

	// Headers.
	{"[a", 1, 3, "expected ']' to close the header [a], found the end of the text"},
	{"[[a]", 1, 5, "expected ']]' to close the header [[a]], found the end of the text"},
	{"[[a] ]", 1, 5, "expected ']]' to close the header [[a]], found ' '"},
	{"[]", 1, 2, "a key is missing before ']'"},

	// Table rules: a table is defined once, a key is given once, values are not tables.
	{"[a]\n[a]", 2, 2, "table [a] is defined twice (first at line 1): put all its keys under one [a] header"},
	{"[a]\nb.c = 1\n[a.b]", 3, 4, "table [a.b] was already defined by dotted keys at line 2, and TOML does not let a header define it again: write all its keys under [a.b], or all as dotted keys"},
	{"[[a]]\n[a]", 2, 2, "a is an array of tables (see [[a]] at line 1), not a table: write [[a]] to add a table to it"},
	{"a = []\n[[a]]", 2, 3, "[[a]] cannot add to a, an array written as a value: write all its tables as [[a]] headers, or all inside its brackets"},
	{"a = 1\n[[a]]", 2, 3, "a is already a value, not a table: a key cannot be both a value and a table"},
	{"[a]\n[[a]]", 2, 3, "a is already a table (see line 1), so [[a]] cannot make it an array of tables"},
	{"[a.b]\n[a]\nb.c = 1", 3, 1, "table [a.b] is defined by its header at line 1, so dotted keys cannot add to it from here: write the key under [a.b]"},
	{"[[a.b]]\n[a]\nb.c = 1", 3, 1, "a.b is an array of tables (see [[a.b]] at line 1), so a dotted key cannot add to it: write the key under a [[a.b]] header"},
	{"[a.b]\n[a]\nb = 1", 3, 1, "a.b is already a table (see line 1), so it cannot also be given a value"},
	{"[[a]]\na = 1\n[x]\n[[a]]\na = 1\na = 2", 6, 1, "the key a.a is defined twice: a key can be given only once, so remove one of them"},
	{"[[a]]\n[x]\na = 1\n[[x.a]]\n[x]\na = 2", 4, 5, "x.a is already a value, not a table: a key cannot be both a value and a table"},
	{"a = 1\na = 2", 2, 1, "the key a is defined twice: a key can be given only once, so remove one of them"},
	{"x = {a = 1, a = 2}", 1, 13, "the key x.a is defined twice: a key can be given only once, so remove one of them (last key \"x.a\")"},
	{"a = {b = 1}\n[a.c]", 2, 2, "a is an inline table, which is complete as written: add keys to it inside its braces"},
	{"a = {b = 1}\na.c = 2", 2, 1, "a is an inline table, which is complete as written: add keys to it inside its braces"},
	{"a = [1]\n[a.b]", 2, 2, "a is an array, not a table: its items are written inside its brackets"},
	{"a = 1\na.b = 2", 2, 1, "a is already a value, not a table: a key cannot be both a value and a table"},
	{"a.b = 1\na = 2", 2, 1, "a is already a table (see line 1), so it cannot also be given a value"},
	{"[[a]]\nb = 1\na = 1\n[a.b]", 4, 4, "a.b is already a value, not a table: a key cannot be both a value and a table"},

	// Arrays and inline tables.
	{"a = [1, 2", 1, 5, "the array that starts here is not closed: end it with ']' (last key \"a\")"},
	{"a = [1,\n 2,\n", 1, 5, "the array that starts here is not closed: end it with ']' (last key \"a\")"},
	{"a = {b = 1", 1, 5, "the inline table that starts here is not closed: end it with '}' (last key \"a\")"},
	{"a = [,]", 1, 6, "a value is missing before ',' (last key \"a\")"},
	{"a = [1,,]", 1, 8, "a value is missing before ',' (last key \"a\")"},
	{"a = [1 2]", 1, 8, "expected ',' or ']' after an item of the array, found '2' (last key \"a\")"},
	{"a = {,}", 1, 6, "a key = value pair is missing before ',' (last key \"a\")"},
	{"a = {b = 1,,}", 1, 12, "a key = value pair is missing before ',' (last key \"a\")"},
	{"a = {b = 1 c = 2}", 1, 12, "expected ',' or '}' after a key = value pair of the inline table, found 'c' (last key \"a\")"},
	{"a = {b = 1\n c = 2}", 2, 2, "expected ',' or '}' after a key = value pair of the inline table, found 'c' (last key \"a\")"},
	{"[a.b]\nc = [\n  1,\n  {d = \"\\q\"},\n]", 4, 9, "invalid escape \\q: the escapes are \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH and \\UHHHHHHHH; write a backslash itself as \\\\, or use a 'literal string' (last key \"a.b.c.d\")"},

	// Values that are not values.
	{"a =", 1, 4, "expected a value, found the end of the text (last key \"a\")"},
	{"a =\n1", 1, 4, "expected a value, found the end of the line (last key \"a\")"},
	{"a = ,", 1, 5, "expected a value, found ',' (last key \"a\")"},
	{"a = first", 1, 5, "expected a value, found first: write a string in quotes (\"first\"); true, false, inf and nan are lower-case (last key \"a\")"},
	{"a = True", 1, 5, "expected a value, found True: write a string in quotes (\"True\"); true, false, inf and nan are lower-case (last key \"a\")"},
	{"a = _1", 1, 5, "expected a value, found _1: write a string in quotes (\"_1\"); true, false, inf and nan are lower-case (last key \"a\")"},

	// Numbers.
	{"a = -0x1", 1, 5, "invalid number -0x1: a hexadecimal, octal or binary number cannot have a sign (last key \"a\")"},
	{"a = 1__0", 1, 5, "invalid number 1__0: an underscore must be between two digits (last key \"a\")"},
	{"a = 1_", 1, 5, "invalid number 1_: an underscore must be between two digits (last key \"a\")"},
	{"a = 0123", 1, 5, "invalid number 0123: a decimal number cannot start with 0 (octal numbers start with 0o) (last key \"a\")"},
	{"a = 1.", 1, 5, "invalid number 1.: a decimal point needs digits on both sides, as in 1.0 (last key \"a\")"},
	{"a = .5", 1, 5, "invalid number .5: a decimal point needs digits on both sides, as in 0.5 (last key \"a\")"},
	{"a = 1e", 1, 5, "invalid number 1e: an exponent needs digits, as in 1e6 or 1e-6 (last key \"a\")"},
	{"a = 1.5x", 1, 5, "invalid number 1.5x: 'x' cannot be part of a number (last key \"a\")"},
	{"a = 1e400", 1, 5, "the float 1e400 is out of range: the largest is about 1.8e308 (use inf for infinity) (last key \"a\")"},
	{"a = 9223372036854775808", 1, 5, "the integer 9223372036854775808 is out of range: TOML integers are 64-bit, from -9223372036854775808 to 9223372036854775807; write a larger number as a float, such as 9223372036854775808.0 (last key \"a\")"},
	{"a = 0x8000000000000000", 1, 5, "the integer 0x8000000000000000 is out of range: TOML integers are 64-bit, from -9223372036854775808 to 9223372036854775807 (last key \"a\")"},
	{"a = 0x", 1, 5, "invalid number 0x: expected hexadecimal digits after 0x (last key \"a\")"},
	{"a = 0b12", 1, 5, "invalid number 0b12: expected binary digits after 0b (last key \"a\")"},
	{"a = 0x_1", 1, 5, "invalid number 0x_1: expected hexadecimal digits after 0x (last key \"a\")"},
	{"a = +", 1, 5, "invalid number +: a digit is missing at its end (last key \"a\")"},

	// Strings.
	{"a = \"abc", 1, 5, "the string that starts here is not closed on its line: end it with \" (a string of several lines is written between \"\"\" and \"\"\") (last key \"a\")"},
	{"a = \"abc\ndef\"", 1, 5, "the string that starts here is not closed on its line: end it with \" (a string of several lines is written between \"\"\" and \"\"\") (last key \"a\")"},
	{"a = 'abc", 1, 5, "the string that starts here is not closed on its line: end it with ' (a string of several lines is written between ''' and ''') (last key \"a\")"},
	{"a = \"\"\"abc", 1, 5, "the multi-line string that starts here is not closed: end it with \"\"\" (last key \"a\")"},
	{"a = '''abc", 1, 5, "the multi-line string that starts here is not closed: end it with ''' (last key \"a\")"},
	{"a = \"\"\"a\"\"\"\"\"\"", 1, 9, "too many quotes: a multi-line string has at most two just before its closing three; escape the others (\\\") (last key \"a\")"},
	{"a = '''a''''''", 1, 9, "too many quotes: a multi-line string has at most two just before its closing three; write it as a basic string, between triple double quotes, to escape them (last key \"a\")"},
	{"a = \"a\x01\"", 1, 7, "control character U+0001 is not allowed in a string: write it as the escape \\u0001 in a \"basic string\" (last key \"a\")"},
	{"a = 'a\x01'", 1, 7, "control character U+0001 is not allowed in a literal string: write it as the escape \\u0001 in a \"basic string\" (last key \"a\")"},
	{"a = \"\"\"a\x7f\"\"\"", 1, 9, "control character U+007F is not allowed in a string: write it as the escape \\u007F in a \"basic string\" (last key \"a\")"},
	{"a = \"\"\"a\rb\"\"\"", 1, 9, "a carriage return (\\r) must be followed by a line feed (\\n): save the text with LF or CRLF line endings (last key \"a\")"},

	// Escapes.
	{"a = \"\\x4\"", 1, 6, "\\x needs two hexadecimal digits, as in \\x41 (last key \"a\")"},
	{"a = \"\\u12\"", 1, 6, "\\u needs four hexadecimal digits, as in \\u00E9 (last key \"a\")"},
	{"a = \"\\U1234\"", 1, 6, "\\U needs eight hexadecimal digits, as in \\U0001F600 (last key \"a\")"},
	{"a = \"\\uD800\"", 1, 6, "\\uD800 is not a Unicode scalar value: surrogates (D800 to DFFF) and values past 10FFFF cannot be escaped (last key \"a\")"},
	{"a = \"\\U00110000\"", 1, 6, "\\U00110000 is not a Unicode scalar value: surrogates (D800 to DFFF) and values past 10FFFF cannot be escaped (last key \"a\")"},
	{"a = \"\\q\"", 1, 6, "invalid escape \\q: the escapes are \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH and \\UHHHHHHHH; write a backslash itself as \\\\, or use a 'literal string' (last key \"a\")"},
	{"a = \"\\", 1, 6, "the text ends in a backslash, inside a string (last key \"a\")"},
	{"a = \"\\\n\"", 1, 6, "a backslash can end a line only in a \"\"\"multi-line string\"\"\" (last key \"a\")"},
	{"a = \"\\\x01\"", 1, 6, "a backslash must start an escape, such as \\n or \\u00E9 (last key \"a\")"},
	{"a = \"\"\"a \\ b\"\"\"", 1, 10, "invalid escape \\ : the escapes are \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH and \\UHHHHHHHH; write a backslash itself as \\\\, or use a 'literal string' (last key \"a\")"},

	// Date-times.
	{"a = 7:32", 1, 5, "invalid date-time 7:32: write a date as 1979-05-27, a time as 07:32:00 or 07:32, a local date-time as 1979-05-27T07:32:00, and an instant with Z or an offset, as 1979-05-27T07:32:00Z or 1979-05-27T07:32:00-07:00 (last key \"a\")"},
	{"a = 1979-13-01", 1, 5, "invalid date-time 1979-13-01: the month must be 01 to 12 (last key \"a\")"},
	{"a = 1979-00-01", 1, 5, "invalid date-time 1979-00-01: the month must be 01 to 12 (last key \"a\")"},
	{"a = 1979-02-29", 1, 5, "invalid date-time 1979-02-29: the day must be 01 to 28 in 1979-02 (last key \"a\")"},
	{"a = 1979-04-31", 1, 5, "invalid date-time 1979-04-31: the day must be 01 to 30 in 1979-04 (last key \"a\")"},
	{"a = 24:00", 1, 5, "invalid date-time 24:00: the hour must be 00 to 23 (last key \"a\")"},
	{"a = 23:60", 1, 5, "invalid date-time 23:60: the minutes must be 00 to 59 (last key \"a\")"},
	{"a = 23:59:60", 1, 5, "invalid date-time 23:59:60: the seconds must be 00 to 59 (TOML has no leap seconds) (last key \"a\")"},
	{"a = 1979-05-27T07:32:00+24:00", 1, 5, "invalid date-time 1979-05-27T07:32:00+24:00: an offset's hours must be 00 to 23 and its minutes 00 to 59 (last key \"a\")"},
	{"a = 1979-05-27T07:32:00-00:60", 1, 5, "invalid date-time 1979-05-27T07:32:00-00:60: an offset's hours must be 00 to 23 and its minutes 00 to 59 (last key \"a\")"},
	{"a = 1979-05-27 07:32:00x", 1, 5, "invalid date-time 1979-05-27 07:32:00x: write a date as 1979-05-27, a time as 07:32:00 or 07:32, a local date-time as 1979-05-27T07:32:00, and an instant with Z or an offset, as 1979-05-27T07:32:00Z or 1979-05-27T07:32:00-07:00 (last key \"a\")"},
	{"a = 1979-05-27T", 1, 5, "invalid date-time 1979-05-27T: write a date as 1979-05-27, a time as 07:32:00 or 07:32, a local date-time as 1979-05-27T07:32:00, and an instant with Z or an offset, as 1979-05-27T07:32:00Z or 1979-05-27T07:32:00-07:00 (last key \"a\")"},
	{"a = 07:32:00Z", 1, 5, "invalid date-time 07:32:00Z: write a date as 1979-05-27, a time as 07:32:00 or 07:32, a local date-time as 1979-05-27T07:32:00, and an instant with Z or an offset, as 1979-05-27T07:32:00Z or 1979-05-27T07:32:00-07:00 (last key \"a\")"},
	{"a = 1979-05-27T07:32:00.", 1, 5, "invalid date-time 1979-05-27T07:32:00.: write a date as 1979-05-27, a time as 07:32:00 or 07:32, a local date-time as 1979-05-27T07:32:00, and an instant with Z or an offset, as 1979-05-27T07:32:00Z or 1979-05-27T07:32:00-07:00 (last key \"a\")"},
	{"a = 1979-05-27T07:32:00+07", 1, 5, "invalid date-time 1979-05-27T07:32:00+07: write a date as 1979-05-27, a time as 07:32:00 or 07:32, a local date-time as 1979-05-27T07:32:00, and an instant with Z or an offset, as 1979-05-27T07:32:00Z or 1979-05-27T07:32:00-07:00 (last key \"a\")"},
}

func TestErrors(t *testing.T) {
	for _, tc := range errorTests {
		t.Run(tc.text, func(t *testing.T) {
			v, err := Parse(tc.text)
			if err == nil {
				t.Fatalf("parsed as %v", v)
			}
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T %v, want *Error", err, err)
			}
			want := "line " + strconv.Itoa(tc.line) + ", column " + strconv.Itoa(tc.column) + ": " + tc.message
			if e.Line != tc.line || e.Column != tc.column || e.Error() != want {
				t.Fatalf("error %q\nwant  %q", e.Error(), want)
			}
			if v != nil {
				t.Fatalf("a value with the error: %v", v)
			}
		})
	}
}
