package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// navigation lists lines that news sites print around an article and that
// are never part of it; matched case-insensitively on the whole line.
var navigation = map[string]bool{
	"all news": true, "news": true, "home": true, "menu": true, "main menu": true, "search": true,
	"share": true, "share this": true, "share this article": true, "share on facebook": true,
	"share on twitter": true, "tweet": true, "email": true, "e-mail": true, "print": true,
	"subscribe": true, "sign in": true, "log in": true, "login": true, "register": true,
	"read more": true, "read more:": true, "more": true, "related": true, "related articles": true,
	"related news": true, "related stories": true, "latest news": true, "top stories": true,
	"most read": true, "most popular": true, "advertisement": true, "sponsored": true,
	"skip to content": true, "skip to main content": true, "follow us": true, "comments": true,
	"show comments": true, "back to top": true, "next article": true, "previous article": true,
	"reuter": true, "reuters": true, "(c) reuters": true, "close": true, "listen": true,
	"world": true, "politics": true, "business": true, "sports": true, "opinion": true,
}

// classify sets the kind of every block: navigation, credit, title,
// subtitle, caption, heading or paragraph, and finds the dateline.
func classify(doc *dateline.Document, blocks []block) {
	for i := range blocks {
		b := &blocks[i]
		switch {
		case isNavigation(b.text):
			b.kind = kindNav
		case isLegend(b.text):
			b.kind = kindLegend
		case creditLine(b.text, b.lines[0].num, doc):
			b.kind = kindCredit
		}
	}

	// The dateline opens the first body paragraph, near the top.
	body := -1
	for i := range blocks[:min(len(blocks), 20)] {
		if blocks[i].kind != kindPara {
			continue
		}
		if d, ok := ParseDateline(blocks[i].lines[0].text(doc.Raw)); ok && d.BodyStart < len(blocks[i].text) {
			blocks[i].dateline = &d
			body = i
			break
		}
	}
	if body < 0 {
		for i := range blocks {
			if blocks[i].kind == kindPara && isBodyParagraph(blocks[i].text) {
				body = i
				break
			}
		}
		// a line that is only a date above the body ("Monday, August 3,
		// 2020", as Wikinews prints it) is a dateline with no place or agency
		for i := range blocks[:max(0, min(body, 4))] {
			if blocks[i].kind != kindPara || len(blocks[i].lines) != 1 {
				continue
			}
			if d, ok := parseDateLine(blocks[i].text); ok {
				blocks[i].dateline = &d
				break
			}
		}
	}
	if body < 0 {
		body = 0
	}

	// The header: title, subtitle, then captions (with a dateline, or beside a credit).
	// A title given by metadata and not printed leads the header all the same.
	title := -1
	if doc.Title != "" && !printed(doc.Title, blocks[:body]) {
		title = len(blocks)
	}
	for i := range body {
		b := &blocks[i]
		if b.kind != kindPara || b.dateline != nil {
			continue
		}
		switch {
		case title < 0 && (doc.Title == "" || sameText(doc.Title, b.text)):
			b.kind, title = kindTitle, i
		case title >= 0 && !hasKind(blocks[:i], kindSubtitle) && !isCaptionOf(b.text, blocks[i+1:body]) && words(b.text) >= 4:
			b.kind = kindSubtitle
		case blocks[body].dateline != nil || besideCredit(blocks, i):
			b.kind = kindCaption
		}
	}

	// Headings inside the body: short lines without closing punctuation
	// between paragraphs.
	for i := body + 1; i < len(blocks)-1; i++ {
		b := &blocks[i]
		if b.kind == kindPara && isHeading(b.text) && blocks[i+1].kind == kindPara {
			b.kind = kindHeading
		}
	}
}

func (l line) text(raw string) string { return raw[l.start:l.end] }

// printed reports whether title stands as one of blocks.
func printed(title string, blocks []block) bool {
	for _, b := range blocks {
		if sameText(title, b.text) {
			return true
		}
	}
	return false
}

// isLegend reports whether s is a line of a map or chart legend: a colour
// swatch (a block or geometric character) before a short label.
func isLegend(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return (r >= 0x2580 && r <= 0x25FF || r >= 0x1F7E0 && r <= 0x1F7EB) && words(s) <= 8
}

func isNavigation(s string) bool {
	if len(s) > 40 {
		return false
	}
	return navigation[strings.ToLower(strings.TrimSpace(s))]
}

// creditLine reports whether s credits a photographer or reporter and, if
// so, records the credit on doc: "© Alexander Shcherbak/TASS",
// "Russian Foreign Minister Sergey Lavrov Alexander Shcherbak/TASS",
// "Photo: Jane Doe/AP", "(Reporting by Jane Doe; Editing by John Roe)".
func creditLine(s string, num int, doc *dateline.Document) bool {
	t := strings.TrimSpace(s)
	lower := strings.ToLower(t)
	switch {
	case strings.HasPrefix(t, "©"), strings.HasPrefix(lower, "(c) "), strings.HasPrefix(lower, "copyright "):
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(t, "©"), "(c) "), "(C) "))
		if strings.HasPrefix(strings.ToLower(rest), "copyright ") {
			rest = rest[len("copyright "):]
		}
		name, agency, _ := strings.Cut(rest, "/")
		addCredit(doc, strings.TrimSpace(name), "photographer", strings.TrimSpace(agency), num)
		return true
	case hasAnyPrefix(lower, "photo:", "photo by ", "photos:", "photograph:", "picture:", "image:", "credit:", "photo credit:", "pictured:"):
		_, rest, _ := strings.Cut(t, ":")
		if strings.HasPrefix(lower, "photo by ") {
			rest = t[len("photo by "):]
		}
		name, agency, _ := strings.Cut(strings.TrimSpace(rest), "/")
		if words(name) <= 4 {
			addCredit(doc, strings.TrimSpace(name), "photographer", strings.TrimSpace(agency), num)
		}
		return true
	case strings.HasPrefix(lower, "(reporting by ") || strings.HasPrefix(lower, "(writing by ") || strings.HasPrefix(lower, "(additional reporting by "):
		for part := range strings.SplitSeq(strings.Trim(t, "()"), ";") {
			part = strings.TrimSpace(part)
			role, names, ok := strings.Cut(part, " by ")
			if !ok {
				continue
			}
			role = strings.ToLower(strings.TrimPrefix(strings.ToLower(role), "additional "))
			switch role {
			case "reporting":
				role = "reporter"
			case "editing":
				role = "editor"
			case "writing":
				role = "writer"
			}
			for _, n := range splitNames(names) {
				addCredit(doc, n, role, "", num)
			}
		}
		return true
	case strings.HasPrefix(t, "By ") && words(t) <= 6 && !strings.ContainsAny(t, ".!?") && allCapitalised(t[3:]):
		for _, n := range splitNames(t[3:]) {
			addCredit(doc, n, "author", "", num)
		}
		return true
	}
	// A caption ending in a credit: "... Alexander Shcherbak/TASS".
	slash := strings.LastIndexByte(t, '/')
	if slash <= 0 || words(t) > 25 || endsSentence(t) {
		return false
	}
	agency := t[slash+1:]
	if !isPhotoAgency(agency) {
		return false
	}
	before := strings.Fields(t[:slash])
	name := creditName(before, doc)
	if name == "" {
		return false
	}
	addCredit(doc, name, "photographer", agency, num)
	return true
}

// creditName picks the photographer's name from the words before "/AGENCY":
// a name already credited elsewhere in the document when one matches, else
// the last two capitalised words.
func creditName(before []string, doc *dateline.Document) string {
	joined := strings.Join(before, " ")
	for _, c := range doc.Credits {
		if c.Name != "" && strings.HasSuffix(joined, c.Name) {
			return c.Name
		}
	}
	n := 0
	for i := len(before) - 1; i >= 0 && n < 2; i-- {
		if !startsUpper(before[i]) {
			break
		}
		n++
	}
	if n == 0 {
		return ""
	}
	return strings.Join(before[len(before)-n:], " ")
}

// addCredit records a credit once per name; a later full credit line
// ("© Name/AGENCY") fixes the name read from a caption before it.
func addCredit(doc *dateline.Document, name, role, agency string, num int) {
	if name == "" {
		return
	}
	for i, c := range doc.Credits {
		if c.Name == name {
			return
		}
		if c.Role == role && c.Agency == agency && agency != "" && strings.HasSuffix(name, c.Name) {
			doc.Credits[i].Name = name
			return
		}
	}
	doc.Credits = append(doc.Credits, dateline.Credit{Name: name, Role: role, Agency: agency, Line: num})
}

func splitNames(s string) []string {
	s = strings.ReplaceAll(s, " and ", ",")
	var out []string
	for n := range strings.SplitSeq(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// isPhotoAgency reports whether s names a photo agency in a credit: a known
// agency, or a short upper-case name such as "EPA" or "EPA-EFE".
func isPhotoAgency(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 30 {
		return false
	}
	if _, ok := agencyName(s); ok {
		return true
	}
	switch strings.ToLower(s) {
	case "getty images", "getty", "shutterstock", "ap photo", "reuters", "bloomberg", "alamy", "pool", "file":
		return true
	}
	if len(s) > 12 {
		return false
	}
	for _, r := range s {
		if !(unicode.IsUpper(r) || r == '-' || r == ' ') {
			return false
		}
	}
	return true
}

// isCaptionOf reports whether s repeats the start of a later header block,
// as a photo caption printed twice does.
func isCaptionOf(s string, later []block) bool {
	for _, b := range later {
		if b.text != s && strings.HasPrefix(b.text, s) {
			return true
		}
	}
	return false
}

func besideCredit(blocks []block, i int) bool {
	return i > 0 && blocks[i-1].kind == kindCredit || i+1 < len(blocks) && blocks[i+1].kind == kindCredit
}

// isBodyParagraph reports whether s reads as article prose rather than a
// title or label: long, or more than one sentence.
func isBodyParagraph(s string) bool {
	n := words(s)
	return n >= 25 || n >= 8 && endsSentence(s) && strings.Count(s, ". ") >= 1
}

// isHeading reports whether s looks like a section heading: short, capitalised,
// without closing punctuation.
func isHeading(s string) bool {
	if len(s) > 80 || words(s) > 10 || endsSentence(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(",;:-–—", last)
}

// endsSentence reports whether s ends with sentence-closing punctuation,
// possibly followed by a closing quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"”’')]»")
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…", last)
}

func words(s string) int { return len(strings.Fields(s)) }

func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		if w != "and" && w != "de" && w != "van" && w != "von" && !startsUpper(w) {
			return false
		}
	}
	return true
}
