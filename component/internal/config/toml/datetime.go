package toml

import "strconv"

// TOML's four date-time kinds, read into the text the result carries:
//
//	offset date-time  1979-05-27T00:32:00.5-07:00  "1979-05-27T07:32:00.500Z"
//	local date-time   1979-05-27 07:32             "1979-05-27T07:32:00"
//	local date        1979-05-27                   "1979-05-27"
//	local time        07:32:00.999999              "07:32:00.999999"
//
// An offset date-time is an instant, which the original turned into a JS
// Date, so it becomes what JSON.stringify gives for that Date: UTC,
// milliseconds truncated, and the expanded six-digit year when the
// conversion leaves years 0 to 9999. Local ones keep their TOML text,
// with "T", the seconds TOML 1.1 lets one omit, and at most nine digits
// of fraction (nanoseconds, truncated, trailing zeros dropped), as
// BurntSushi/toml and Go's time formatting gave them before.

type civilDate struct{ year, month, day int }

type clock struct {
	hour, minute, second int
	frac                 string // the digits after the '.', if any
}

// dateTime reads the date, time or date-time at start, a word that
// looksLikeDateTime, and returns its text for the result.
func (p *parser) dateTime(start int) string {
	s := p.text
	date, i, isDate := readDate(s, start)
	if !isDate {
		t, end, ok := readClock(s, start)
		p.endDateTime(start, end, ok)
		p.checkClock(start, t)
		return string(t.appendTo(nil, 9))
	}
	p.checkDate(start, date)
	if i >= len(s) || !(s[i] == 'T' || s[i] == 't' || s[i] == ' ' && i+1 < len(s) && isDigit(s[i+1])) {
		p.endDateTime(start, i, true)
		return s[start:i]
	}
	t, i, ok := readClock(s, i+1)
	if !ok {
		p.endDateTime(start, i, false)
	}
	p.checkClock(start, t)
	offset, end, hasOffset := p.readOffset(start, i)
	p.endDateTime(start, end, true)
	if !hasOffset {
		b := date.appendTo(make([]byte, 0, 32))
		return string(t.appendTo(append(b, 'T'), 9))
	}
	return utcText(date, t, offset)
}

// endDateTime checks that the date-time at start, ok so far, ends at end.
func (p *parser) endDateTime(start, end int, ok bool) {
	if ok && (end >= len(p.text) || !isWordByte(p.text[end])) {
		p.pos = end
		return
	}
	p.badDateTime(start, "write a date as 1979-05-27, a time as 07:32:00 or 07:32, "+
		"a local date-time as 1979-05-27T07:32:00, and an instant with Z or an offset, as 1979-05-27T07:32:00Z "+
		"or 1979-05-27T07:32:00-07:00")
}

// badDateTime fails on the date-time at start because of why.
func (p *parser) badDateTime(start int, why string) {
	p.failf(start, "invalid date-time "+p.dateTimeText(start)+": "+why)
}

// dateTimeText is the date-time at start as written, for messages: its
// word, and the time after a date and a space.
func (p *parser) dateTimeText(start int) string {
	s, end := p.text, start
	for end < len(s) && isWordByte(s[end]) {
		end++
	}
	if _, _, isDate := readDate(s, start); isDate && end == start+10 && end+1 < len(s) && s[end] == ' ' && isDigit(s[end+1]) {
		for end++; end < len(s) && isWordByte(s[end]); end++ {
		}
	}
	return s[start:end]
}

// readDate reads YYYY-MM-DD at i.
func readDate(s string, i int) (d civilDate, end int, ok bool) {
	if i+10 > len(s) || s[i+4] != '-' || s[i+7] != '-' {
		return d, i, false
	}
	y1, ok1 := twoDigits(s, i)
	y2, ok2 := twoDigits(s, i+2)
	m, ok3 := twoDigits(s, i+5)
	day, ok4 := twoDigits(s, i+8)
	return civilDate{y1*100 + y2, m, day}, i + 10, ok1 && ok2 && ok3 && ok4
}

// readClock reads HH:MM[:SS[.fraction]] at i.
func readClock(s string, i int) (t clock, end int, ok bool) {
	h, ok1 := twoDigits(s, i)
	m, ok2 := twoDigits(s, i+3)
	if !ok1 || !ok2 || s[i+2] != ':' {
		return t, i, false
	}
	t.hour, t.minute, end = h, m, i+5
	if end < len(s) && s[end] == ':' {
		if t.second, ok = twoDigits(s, end+1); !ok {
			return t, end, false
		}
		end += 3
		if end < len(s) && s[end] == '.' {
			f := end + 1
			for f < len(s) && isDigit(s[f]) {
				f++
			}
			if f == end+1 {
				return t, end, false
			}
			t.frac, end = s[end+1:f], f
		}
	}
	return t, end, true
}

// readOffset reads Z or ±HH:MM at i, if there, as minutes east of UTC.
func (p *parser) readOffset(start, i int) (minutes, end int, ok bool) {
	s := p.text
	if i < len(s) && (s[i] == 'Z' || s[i] == 'z') {
		return 0, i + 1, true
	}
	if i >= len(s) || s[i] != '+' && s[i] != '-' {
		return 0, i, false
	}
	h, ok1 := twoDigits(s, i+1)
	m, ok2 := twoDigits(s, i+4)
	if !ok1 || !ok2 || s[i+3] != ':' {
		p.endDateTime(start, i, false)
	}
	if h > 23 || m > 59 {
		p.badDateTime(start, "an offset's hours must be 00 to 23 and its minutes 00 to 59")
	}
	minutes = h*60 + m
	if s[i] == '-' {
		minutes = -minutes
	}
	return minutes, i + 6, true
}

// twoDigits reads two decimal digits at i.
func twoDigits(s string, i int) (int, bool) {
	if i+2 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) {
		return 0, false
	}
	return int(s[i]-'0')*10 + int(s[i+1]-'0'), true
}

func (p *parser) checkDate(start int, d civilDate) {
	if d.month < 1 || d.month > 12 {
		p.badDateTime(start, "the month must be 01 to 12")
	}
	if n := daysIn(d.year, d.month); d.day < 1 || d.day > n {
		p.badDateTime(start, "the day must be 01 to "+strconv.Itoa(n)+" in "+p.text[start:start+7])
	}
}

func (p *parser) checkClock(start int, t clock) {
	switch {
	case t.hour > 23:
		p.badDateTime(start, "the hour must be 00 to 23")
	case t.minute > 59:
		p.badDateTime(start, "the minutes must be 00 to 59")
	case t.second > 59:
		p.badDateTime(start, "the seconds must be 00 to 59 (TOML has no leap seconds)")
	}
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// appendTo appends YYYY-MM-DD, the year as a JS Date's JSON writes it:
// four digits from 0 to 9999, otherwise a sign and six digits.
func (d civilDate) appendTo(b []byte) []byte {
	switch {
	case d.year < 0:
		b = appendPadded(append(b, '-'), -d.year, 6)
	case d.year > 9999:
		b = appendPadded(append(b, '+'), d.year, 6)
	default:
		b = appendPadded(b, d.year, 4)
	}
	b = appendPadded(append(b, '-'), d.month, 2)
	return appendPadded(append(b, '-'), d.day, 2)
}

// appendTo appends HH:MM:SS and at most digits digits of the fraction,
// truncated, without trailing zeros.
func (t clock) appendTo(b []byte, digits int) []byte {
	b = appendPadded(b, t.hour, 2)
	b = appendPadded(append(b, ':'), t.minute, 2)
	b = appendPadded(append(b, ':'), t.second, 2)
	frac := t.frac[:min(len(t.frac), digits)]
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if frac != "" {
		b = append(append(b, '.'), frac...)
	}
	return b
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

// utcText is the offset date-time d t, offset minutes east of UTC, as
// JSON.stringify writes a JS Date: in UTC, with milliseconds.
func utcText(d civilDate, t clock, offset int) string {
	minutes := t.hour*60 + t.minute - offset
	switch {
	case minutes < 0:
		minutes += 24 * 60
		d = d.addDays(-1)
	case minutes >= 24*60:
		minutes -= 24 * 60
		d = d.addDays(1)
	}
	ms := t.frac + "000"
	b := d.appendTo(make([]byte, 0, 32))
	b = appendPadded(append(b, 'T'), minutes/60, 2)
	b = appendPadded(append(b, ':'), minutes%60, 2)
	b = appendPadded(append(b, ':'), t.second, 2)
	return string(append(append(append(b, '.'), ms[:3]...), 'Z'))
}

// addDays returns the day before (n = -1) or after (n = 1) d.
func (d civilDate) addDays(n int) civilDate {
	d.day += n
	switch {
	case d.day < 1:
		if d.month--; d.month < 1 {
			d.year, d.month = d.year-1, 12
		}
		d.day = daysIn(d.year, d.month)
	case d.day > daysIn(d.year, d.month):
		if d.day, d.month = 1, d.month+1; d.month > 12 {
			d.year, d.month = d.year+1, 1
		}
	}
	return d
}
