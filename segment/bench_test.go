package segment

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/data"
)

// benchParagraphs are news-like paragraphs with the usual hard cases:
// abbreviations, quotes, clitics, numbers, hyphens.
var benchParagraphs = []string{
	"MOSCOW, May 5. /TASS/. Russian Foreign Minister Sergey Lavrov will hold talks with his visiting Venezuelan counterpart Jorge Arreaza in Moscow on Sunday to discuss the opposition’s attempt to seize power in that Latin American country on April 30.",
	`"There will be an exchange of opinion on the situation inside and around Venezuela," the Russian Foreign Ministry said. "Certain steps will be discussed for expanding comprehensive Russian-Venezuelan partnership in the international scene."`,
	"On Jan. 23, Venezuelan opposition figurehead Juan Guaido, whose appointment as parliamentary speaker had been annulled by the Supreme Court two days earlier, proclaimed himself as acting president. The U.S. hurried to recognize him; Washington's allies (except for Mexico) followed suit.",
	"U.S. national security adviser John R. Bolton said the country's Defense Minister Vladimir Padrino Lopez had allegedly agreed Maduro had to go. It wasn't clear, officials said, whether the 1,250,000-barrel shipment worth $3.5 million would arrive by 5:30 p.m. on Dec. 12.",
	"Protesters clashed with police at the Altamira road junction nearby... Several hundred were injured and four were killed! According to non-governmental organizations, no less than 240 protesters were detained over two days. Why didn't they stop? Nobody knows.",
}

func benchText(size int) string {
	var b strings.Builder
	for b.Len() < size {
		for _, p := range benchParagraphs {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkSegment(b *testing.B) {
	text := benchText(1 << 20)
	seg := New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc := &dateline.Document{Text: text}
		if err := seg.Annotate(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSegmentRules is BenchmarkSegment without the boundary model.
func BenchmarkSegmentRules(b *testing.B) {
	text := benchText(1 << 20)
	seg := New()
	seg.Model = nil
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc := &dateline.Document{Text: text}
		if err := seg.Annotate(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadModel reads the shipped boundary model.
func BenchmarkLoadModel(b *testing.B) {
	for b.Loop() {
		if _, err := LoadModel(data.Segment, ModelFile); err != nil {
			b.Fatal(err)
		}
	}
}
