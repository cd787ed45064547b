package timex

// class is what the word table knows about a word.
type class uint8

const (
	clNone    class = iota
	clMonth         // val 1–12
	clMonAbbr       // abbreviated month, val 1–12: only with a day or year
	clWeekday       // val 1 (Monday) – 7 (Sunday)
	clNumber        // val: the number; -1 for "several", "few", "some", "many"
	clOrdinal       // val: first 1, second 2, ...
	clUnit          // val: a unit; singular
	clUnits         // val: a unit; plural
	clDayWord       // val: yesterday -1, today 0, tomorrow 1, tonight 10
	clPart          // part of day; val: partMO...
	clSeason        // val: seasonSP...
	clWord          // val: one of the w* constants
	clHoliday       // val: month*100 + day of a fixed-date holiday
)

// Units, in increasing size.
const (
	uSecond = iota + 1
	uMinute
	uHour
	uDay
	uWeekend
	uWeek
	uFortnight
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// Parts of the day.
const (
	partMO = iota + 1
	partAF
	partEV
	partNI
)

// Seasons.
const (
	seasonSP = iota + 1
	seasonSU
	seasonFA
	seasonWI
)

// Function words the rules test for.
const (
	wThe = iota + 1
	wA
	wOf
	wOn
	wIn
	wAt
	wLast
	wNext
	wThis
	wThat
	wPast
	wComing
	wPrevious
	wFollowing
	wSame
	wEarly
	wLate
	wMid
	wEarlier
	wLater
	wAgo
	wBefore
	wAfter
	wFrom
	wNow
	wCurrently
	wRecently
	wRecent
	wFuture
	wEvery
	wEach
	wEnd
	wBeginning
	wStart
	wMiddle
	wHalf
	wFiscal
	wCentury
	wNoon
	wMidnight
	wFor
	wOver
	wDuring
	wSince
	wUntil
	wBy
	wTo
	wAnd
	wDay
	wFormer
	wTimes
	wOnce
	wTwice
	wPer
	wThese
	wNowadays
	wAM
	wPM
	wTZ
	wWithin
	wThroughout
	wBetween
	wAround
	wAbout
	wMore
	wThan
	wPresent
	wAnnually
	wWeekly
	wDaily
	wMonthly
	wHourly
	wNineties
	wHedge    // "nearly", "almost", "less", "least"
	wUTC      // "UTC", "GMT", "Zulu": a zone written "Z" in the value
	wElection // "election", "polling", "voting": before "day"
	wInto
)

// maxWordLen is the length of the longest word in the table.
const maxWordLen = 13

// wordShapes is a quick test that spares most words the table look-up: for
// a word of length n starting with letter f, bit l of wordShapes[n][f] is
// set when some table word of that length and first letter ends with
// letter l. It is computed once from words and never changes.
var wordShapes = func() (t [maxWordLen + 1][26]uint32) {
	for w := range words {
		t[len(w)][w[0]-'a'] |= 1 << (w[len(w)-1] - 'a')
	}
	return t
}()

// maybeWord reports whether the lower-case ASCII word b may be in the table.
func maybeWord(b []byte) bool {
	return len(b) > 0 && maybeShape(len(b), b[0], b[len(b)-1])
}

// maybeShape reports whether a table word may have length n, first letter
// f and last letter l (lower case).
func maybeShape(n int, f, l byte) bool {
	if n == 0 || n > maxWordLen {
		return false
	}
	f, l = f-'a', l-'a'
	return f < 26 && l < 26 && wordShapes[n][f]&(1<<l) != 0
}

type word struct {
	cls class
	val int
}

// words is the word table, keyed by the lower-cased word.
var words = map[string]word{
	"january": {clMonth, 1}, "february": {clMonth, 2}, "march": {clMonth, 3}, "april": {clMonth, 4},
	"may": {clMonth, 5}, "june": {clMonth, 6}, "july": {clMonth, 7}, "august": {clMonth, 8},
	"september": {clMonth, 9}, "october": {clMonth, 10}, "november": {clMonth, 11}, "december": {clMonth, 12},
	"jan": {clMonAbbr, 1}, "feb": {clMonAbbr, 2}, "mar": {clMonAbbr, 3}, "apr": {clMonAbbr, 4},
	"jun": {clMonAbbr, 6}, "jul": {clMonAbbr, 7}, "aug": {clMonAbbr, 8}, "sep": {clMonAbbr, 9},
	"sept": {clMonAbbr, 9}, "oct": {clMonAbbr, 10}, "nov": {clMonAbbr, 11}, "dec": {clMonAbbr, 12},

	"monday": {clWeekday, 1}, "tuesday": {clWeekday, 2}, "wednesday": {clWeekday, 3},
	"thursday": {clWeekday, 4}, "friday": {clWeekday, 5}, "saturday": {clWeekday, 6}, "sunday": {clWeekday, 7},

	"one": {clNumber, 1}, "two": {clNumber, 2}, "three": {clNumber, 3}, "four": {clNumber, 4},
	"five": {clNumber, 5}, "six": {clNumber, 6}, "seven": {clNumber, 7}, "eight": {clNumber, 8},
	"nine": {clNumber, 9}, "ten": {clNumber, 10}, "eleven": {clNumber, 11}, "twelve": {clNumber, 12},
	"thirteen": {clNumber, 13}, "fourteen": {clNumber, 14}, "fifteen": {clNumber, 15},
	"sixteen": {clNumber, 16}, "seventeen": {clNumber, 17}, "eighteen": {clNumber, 18},
	"nineteen": {clNumber, 19}, "twenty": {clNumber, 20}, "thirty": {clNumber, 30},
	"forty": {clNumber, 40}, "fifty": {clNumber, 50}, "sixty": {clNumber, 60}, "seventy": {clNumber, 70},
	"eighty": {clNumber, 80}, "ninety": {clNumber, 90}, "hundred": {clNumber, 100},
	"several": {clNumber, -1}, "few": {clNumber, -1}, "some": {clNumber, -1}, "many": {clNumber, -1},
	"couple": {clNumber, 2}, "dozen": {clNumber, 12},

	"first": {clOrdinal, 1}, "second": {clOrdinal, 2}, "third": {clOrdinal, 3}, "fourth": {clOrdinal, 4},
	"fifth": {clOrdinal, 5}, "sixth": {clOrdinal, 6}, "seventh": {clOrdinal, 7}, "eighth": {clOrdinal, 8},
	"ninth": {clOrdinal, 9}, "tenth": {clOrdinal, 10}, "eleventh": {clOrdinal, 11}, "twelfth": {clOrdinal, 12},
	"thirteenth": {clOrdinal, 13}, "fourteenth": {clOrdinal, 14}, "fifteenth": {clOrdinal, 15},
	"sixteenth": {clOrdinal, 16}, "seventeenth": {clOrdinal, 17}, "eighteenth": {clOrdinal, 18},
	"nineteenth": {clOrdinal, 19}, "twentieth": {clOrdinal, 20}, "thirtieth": {clOrdinal, 30},

	"seconds": {clUnits, uSecond}, "minute": {clUnit, uMinute}, "minutes": {clUnits, uMinute},
	"hour": {clUnit, uHour}, "hours": {clUnits, uHour}, "day": {clUnit, uDay}, "days": {clUnits, uDay},
	"weekend": {clUnit, uWeekend}, "weekends": {clUnits, uWeekend},
	"week": {clUnit, uWeek}, "weeks": {clUnits, uWeek}, "fortnight": {clUnit, uFortnight},
	"month": {clUnit, uMonth}, "months": {clUnits, uMonth}, "quarter": {clUnit, uQuarter},
	"quarters": {clUnits, uQuarter}, "year": {clUnit, uYear}, "years": {clUnits, uYear},
	"decade": {clUnit, uDecade}, "decades": {clUnits, uDecade}, "century": {clUnit, uCentury},
	"centuries": {clUnits, uCentury}, "hrs": {clUnits, uHour}, "mins": {clUnits, uMinute},

	"yesterday": {clDayWord, -1}, "today": {clDayWord, 0}, "tomorrow": {clDayWord, 1}, "tonight": {clDayWord, 10},

	"morning": {clPart, partMO}, "afternoon": {clPart, partAF}, "evening": {clPart, partEV},
	"night": {clPart, partNI}, "overnight": {clPart, partNI},

	"spring": {clSeason, seasonSP}, "summer": {clSeason, seasonSU}, "autumn": {clSeason, seasonFA},
	"fall": {clSeason, seasonFA}, "winter": {clSeason, seasonWI},

	"the": {clWord, wThe}, "a": {clWord, wA}, "an": {clWord, wA}, "of": {clWord, wOf}, "on": {clWord, wOn},
	"in": {clWord, wIn}, "at": {clWord, wAt}, "last": {clWord, wLast}, "next": {clWord, wNext},
	"this": {clWord, wThis}, "that": {clWord, wThat}, "past": {clWord, wPast}, "coming": {clWord, wComing},
	"previous": {clWord, wPrevious}, "preceding": {clWord, wPrevious}, "prior": {clWord, wPrevious},
	"following": {clWord, wFollowing}, "same": {clWord, wSame},
	"early": {clWord, wEarly}, "late": {clWord, wLate}, "mid": {clWord, wMid},
	"earlier": {clWord, wEarlier}, "later": {clWord, wLater}, "ago": {clWord, wAgo},
	"before": {clWord, wBefore}, "after": {clWord, wAfter}, "from": {clWord, wFrom},
	"now": {clWord, wNow}, "currently": {clWord, wCurrently}, "recently": {clWord, wRecently},
	"recent": {clWord, wRecent}, "future": {clWord, wFuture}, "every": {clWord, wEvery},
	"each": {clWord, wEach}, "end": {clWord, wEnd}, "beginning": {clWord, wBeginning},
	"start": {clWord, wStart}, "middle": {clWord, wMiddle}, "half": {clWord, wHalf},
	"fiscal": {clWord, wFiscal}, "noon": {clWord, wNoon}, "midday": {clWord, wNoon},
	"midnight": {clWord, wMidnight}, "for": {clWord, wFor}, "over": {clWord, wOver},
	"during": {clWord, wDuring}, "since": {clWord, wSince}, "until": {clWord, wUntil},
	"till": {clWord, wUntil}, "by": {clWord, wBy}, "to": {clWord, wTo}, "and": {clWord, wAnd},
	"former": {clWord, wFormer}, "ex": {clWord, wFormer}, "then": {clWord, wFormer},
	"times": {clWord, wTimes}, "once": {clWord, wOnce}, "twice": {clWord, wTwice}, "per": {clWord, wPer},
	"these": {clWord, wThese}, "nowadays": {clWord, wNowadays},
	"am": {clWord, wAM}, "pm": {clWord, wPM},
	"gmt": {clWord, wUTC}, "utc": {clWord, wUTC}, "zulu": {clWord, wUTC}, "est": {clWord, wTZ}, "edt": {clWord, wTZ},
	"et": {clWord, wTZ}, "pt": {clWord, wTZ}, "bst": {clWord, wTZ}, "cet": {clWord, wTZ}, "msk": {clWord, wTZ},
	"cest": {clWord, wTZ}, "pst": {clWord, wTZ}, "pdt": {clWord, wTZ}, "cst": {clWord, wTZ}, "cdt": {clWord, wTZ},
	"eet": {clWord, wTZ}, "eest": {clWord, wTZ}, "ist": {clWord, wTZ}, "jst": {clWord, wTZ}, "aest": {clWord, wTZ},
	"within": {clWord, wWithin}, "throughout": {clWord, wThroughout},
	"through": {clWord, wThroughout}, "into": {clWord, wInto}, "between": {clWord, wBetween},
	"around": {clWord, wAround}, "about": {clWord, wAbout},
	"roughly": {clWord, wAbout}, "approximately": {clWord, wAbout}, "circa": {clWord, wAbout}, "more": {clWord, wMore}, "than": {clWord, wThan},
	"present": {clWord, wPresent}, "annually": {clWord, wAnnually}, "yearly": {clWord, wAnnually},
	"weekly": {clWord, wWeekly}, "daily": {clWord, wDaily}, "monthly": {clWord, wMonthly},
	"hourly": {clWord, wHourly}, "nineties": {clWord, wNineties},
	"christmas": {clHoliday, 1225}, "halloween": {clHoliday, 1031},
	"election": {clWord, wElection}, "polling": {clWord, wElection}, "voting": {clWord, wElection},
	"nearly": {clWord, wHedge}, "almost": {clWord, wHedge}, "less": {clWord, wHedge}, "least": {clWord, wHedge},
}
