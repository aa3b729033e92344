package toml

import (
	"strconv"
	"strings"
)

// number reads word, found at start, as an integer or a float, and
// returns it as a float64, as JSON.parse would (integers past 2^53
// round).
func (p *parser) number(word string, start int) any {
	if len(word) >= 2 && word[0] == '0' && (word[1] == 'x' || word[1] == 'o' || word[1] == 'b') {
		return p.basedInteger(word, start)
	}
	i := 0
	if word[0] == '+' || word[0] == '-' {
		i++
	}
	if i == 1 && len(word) > 2 && word[1] == '0' && strings.IndexByte("xob", word[2]) >= 0 {
		p.badNumber(word, start, "a hexadecimal, octal or binary number cannot have a sign")
	}
	end, ok := digitRun(word, i, 10)
	switch {
	case !ok:
		p.badNumber(word, start, runProblem(word, end))
	case word[i] == '0' && end-i > 1:
		p.badNumber(word, start, "a decimal number cannot start with 0 (octal numbers start with 0o)")
	}
	float := false
	if end < len(word) && word[end] == '.' {
		if end, ok = digitRun(word, end+1, 10); !ok {
			p.badNumber(word, start, "a decimal point needs digits on both sides, as in 1.0")
		}
		float = true
	}
	if end < len(word) && word[end]|0x20 == 'e' {
		exp := end + 1
		if exp < len(word) && (word[exp] == '+' || word[exp] == '-') {
			exp++
		}
		if end, ok = digitRun(word, exp, 10); !ok {
			p.badNumber(word, start, "an exponent needs digits, as in 1e6 or 1e-6")
		}
		float = true
	}
	if end < len(word) {
		p.badNumber(word, start, runProblem(word, end))
	}
	clean := strings.ReplaceAll(word, "_", "")
	if float {
		f, err := strconv.ParseFloat(clean, 64)
		if err != nil { // only overflow gets here; underflow gives 0
			p.failf(start, "the float "+word+" is out of range: the largest is about 1.8e308 (use inf for infinity)")
		}
		return f
	}
	n, err := strconv.ParseInt(clean, 10, 64)
	if err != nil {
		p.outOfRange(word, start, "; write a larger number as a float, such as "+strings.TrimPrefix(clean, "+")+".0")
	}
	return float64(n)
}

// basedInteger reads a 0x, 0o or 0b integer: no sign, leading zeros
// allowed, underscores between digits.
func (p *parser) basedInteger(word string, start int) any {
	base, name := 16, "hexadecimal"
	switch word[1] {
	case 'o':
		base, name = 8, "octal"
	case 'b':
		base, name = 2, "binary"
	}
	end, ok := digitRun(word, 2, base)
	if !ok || end < len(word) {
		if end == 2 || end < len(word) && word[end] != '_' {
			p.badNumber(word, start, "expected "+name+" digits after "+word[:2])
		}
		p.badNumber(word, start, runProblem(word, end))
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(word[2:], "_", ""), base, 64)
	if err != nil {
		p.outOfRange(word, start, "")
	}
	return float64(n)
}

// digitRun steps over the digits of base from word[i], single
// underscores allowed between them. It returns where the run stops, and
// false if it has no digit or an underscore is not between two digits
// (then end is at the offending byte).
func digitRun(word string, i, base int) (end int, ok bool) {
	if i >= len(word) || !isDigitOf(word[i], base) {
		return i, false
	}
	for i++; i < len(word); i++ {
		if word[i] == '_' {
			if i+1 >= len(word) || !isDigitOf(word[i+1], base) {
				return i, false
			}
			i++
		} else if !isDigitOf(word[i], base) {
			break
		}
	}
	return i, true
}

func isDigitOf(c byte, base int) bool {
	switch base {
	case 2:
		return c == '0' || c == '1'
	case 8:
		return '0' <= c && c <= '7'
	case 16:
		return isHex(c)
	}
	return isDigit(c)
}

// runProblem says what is wrong at word[end], where a run of digits
// stopped.
func runProblem(word string, end int) string {
	if end < len(word) && word[end] == '_' {
		return "an underscore must be between two digits"
	}
	if end >= len(word) {
		return "a digit is missing at its end"
	}
	return "'" + word[end:end+1] + "' cannot be part of a number"
}

// badNumber fails on word, found at start, because of why.
func (p *parser) badNumber(word string, start int, why string) {
	p.failf(start, "invalid number "+word+": "+why)
}

// outOfRange fails on the integer word, found at start, past 64 bits;
// hint is how to write it instead, if there is a way.
func (p *parser) outOfRange(word string, start int, hint string) {
	p.failf(start, "the integer "+word+" is out of range: TOML integers are 64-bit, "+
		"from -9223372036854775808 to 9223372036854775807"+hint)
}
