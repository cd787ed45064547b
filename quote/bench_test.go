package quote

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkArticles runs the stage alone on the written test articles.
func BenchmarkArticles(b *testing.B) {
	var texts []string
	for _, f := range []string{"summit", "bridge", "sanctions"} {
		t, err := os.ReadFile("testdata/" + f + ".txt")
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	q := newQuoter(b)
	for b.Loop() {
		for _, t := range texts {
			q.Find(bare(t))
		}
	}
}

// BenchmarkManyMarks runs the stage on 100 kB of quotation marks and
// short quotes in one paragraph: the cost must grow about linearly.
func BenchmarkManyMarks(b *testing.B) {
	text := strings.Repeat(`"Yes," he said. “““ ‘ He said "a b c d" and `, 2500)
	q := newQuoter(b)
	for b.Loop() {
		q.Find(bare(text))
	}
}

// BenchmarkNoPeriods runs the stage on 100 kB of reported speech in one
// sentence without periods: the cost must grow about linearly.
func BenchmarkNoPeriods(b *testing.B) {
	text := strings.Repeat("he said the talks were over and it added that Kim told them the vote was fair, ", 1250)
	q := newQuoter(b)
	for b.Loop() {
		q.Find(bare(text))
	}
}
