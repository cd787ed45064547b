package mention

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of an IOB2 file: its comment lines, and for each
// token its columns (ID, FORM, tag, ...).
type Sentence struct {
	Comments []string
	Rows     [][]string
}

// Words returns the FORM column.
func (s Sentence) Words() []string {
	out := make([]string, len(s.Rows))
	for i, r := range s.Rows {
		out[i] = r[1]
	}
	return out
}

// Tags returns the tag column, with tags other than PER, ORG and LOC read as
// O (so CoNLL-2003 MISC is dropped) and IO tags turned into IOB2.
func (s Sentence) Tags() []string {
	out := make([]string, len(s.Rows))
	prev := "O"
	for i, r := range s.Rows {
		t := "O"
		if len(r) > 2 {
			t = r[2]
		}
		typ := ""
		if len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-' {
			typ = t[2:]
		}
		switch typ {
		case "PER", "ORG", "LOC":
			if t[0] == 'I' && prev[min(2, len(prev)):] != typ {
				t = "B-" + typ // IO or a bad continuation begins a mention
			}
		default:
			t = "O"
		}
		out[i] = t
		prev = t
	}
	return out
}

// ReadIOB2 reads sentences in UNER's IOB2 format: "#" comment lines, one
// token a line with tab-separated columns ID, FORM, tag..., a blank line
// between sentences. CoNLL-style lines "FORM TAG" (space-separated, no ID,
// as in wikigold) are read too. -DOCSTART- lines are skipped.
func ReadIOB2(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Rows) > 0 || len(cur.Comments) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case strings.HasPrefix(line, "#") && len(cur.Rows) == 0 && !strings.Contains(line, "\t"):
			cur.Comments = append(cur.Comments, line)
		case strings.HasPrefix(line, "-DOCSTART-"):
		default:
			var cols []string
			if strings.Contains(line, "\t") {
				cols = strings.Split(line, "\t")
			} else {
				f := strings.Fields(line)
				if len(f) != 2 {
					return nil, fmt.Errorf("read iob2: line %d: want ID, FORM and tag columns", n)
				}
				cols = []string{fmt.Sprint(len(cur.Rows) + 1), f[0], f[1]}
			}
			if len(cols) < 2 || cols[1] == "" {
				return nil, fmt.Errorf("read iob2: line %d: want ID, FORM and tag columns", n)
			}
			cur.Rows = append(cur.Rows, cols)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read iob2: %w", err)
	}
	return out, nil
}

// WriteIOB2 writes sentences with tags in place of their tag column.
func WriteIOB2(w io.Writer, sents []Sentence, tags [][]string) error {
	bw := bufio.NewWriter(w)
	for i, s := range sents {
		for _, c := range s.Comments {
			bw.WriteString(c)
			bw.WriteByte('\n')
		}
		for j, r := range s.Rows {
			cols := append([]string(nil), r...)
			for len(cols) < 3 {
				cols = append(cols, "")
			}
			cols[2] = tags[i][j]
			bw.WriteString(strings.Join(cols, "\t"))
			bw.WriteByte('\n')
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// NewDoc reports whether the sentence begins a document (a "# newdoc"
// comment, as in UNER and CoNLL-U).
func (s Sentence) NewDoc() bool {
	for _, c := range s.Comments {
		if strings.HasPrefix(c, "# newdoc") {
			return true
		}
	}
	return false
}
