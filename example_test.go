package dateline_test

import (
	"context"
	"fmt"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/pipeline"
)

func Example() {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		panic(err)
	}
	doc := dateline.NewDocument(dateline.Article{ID: "ex1", Text: `Ministers meet in Paris

PARIS, Jan 5, 2019 (AFP) - The foreign ministers of France and Germany met in Paris on Saturday.`})
	if err := p.Run(context.Background(), doc); err != nil {
		panic(err)
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Dateline.Place, doc.Dateline.Country, doc.Dateline.Agency, doc.Date.Value)
	fmt.Printf("%q\n", doc.Span(doc.Dateline.Span))
	// Output:
	// Ministers meet in Paris
	// Paris FRA AFP 2019-01-05
	// "PARIS, Jan 5, 2019 (AFP)"
}

func ExampleSpan_In() {
	text := "Washington accused Russia of meddling."
	sp := dateline.Span{Start: 19, End: 25}
	fmt.Println(sp.In(text), sp.Len())
	// Output: Russia 6
}

func ExampleDocument_Line() {
	doc := dateline.NewDocument(dateline.Article{Text: "Title\n\nBody text."})
	doc.Text = "Title\n\nBody text."
	doc.Pieces = []dateline.Piece{{At: 0, From: 0, Len: 5}, {At: 7, From: 7, Len: 10}}
	fmt.Println(doc.Line(0), doc.Line(7), doc.Line(6))
	// Output: 1 3 0
}
