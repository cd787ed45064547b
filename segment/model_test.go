package segment

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/dateline-news/dateline"
)

func TestShippedModel(t *testing.T) {
	m, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	if m.Features() < 1000 {
		t.Errorf("shipped model has %d features", m.Features())
	}
	if New().Model != m {
		t.Error("New does not use the shipped model")
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := newModel([]uint32{3, 7, 1 << 30}, []float32{1.5, -2, 0.25})
	m.Margin = 0.5
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Features() != 3 || got.Margin != 0.5 {
		t.Fatalf("got %d features, margin %v", got.Features(), got.Margin)
	}
	for _, c := range []struct {
		k    uint32
		want float32
	}{{3, 1.5}, {7, -2}, {1 << 30, 0.25}, {5, 0}} {
		if w := got.weight(c.k); w < c.want-0.001 || w > c.want+0.001 {
			t.Errorf("weight(%d) = %v, want %v", c.k, w, c.want)
		}
	}
	if _, err := ReadModel(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("ReadModel accepted garbage")
	}
}

// TestTrainLearnsBreaks trains on texts whose sentences have no final
// punctuation and checks that the model finds such breaks.
func TestTrainLearnsBreaks(t *testing.T) {
	var texts []TrainText
	for _, s := range []string{"Hope you are well", "Regards Bob", "Call me Sam", "See you soon"} {
		for _, n := range []string{"Thanks again", "Best wishes Jane"} {
			text := "We met today and talked " + s + " " + n
			texts = append(texts, TrainText{Text: text, Paragraphs: []dateline.Span{{Start: 0, End: len(text)}},
				Starts: []int{0, len("We met today and talked " + s + " ")}})
		}
	}
	m, st, err := New().Train(context.Background(), texts, TrainOptions{Epochs: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if st.Breaks != len(texts) || st.Looked != len(texts) {
		t.Errorf("stats %+v", st)
	}
	sg := New()
	sg.Model = m
	doc := &dateline.Document{Text: "We met today and talked See you soon Thanks again"}
	if err := sg.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := sentenceTexts(doc); len(got) != 2 || got[1] != "Thanks again" {
		t.Errorf("sentences %q", got)
	}
}

// TestModelKeepsRules checks what the shipped model must not change: the
// rules' breaks after a full stop, and a dateline before a dash.
func TestModelKeepsRules(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"WASHINGTON — The president spoke on Monday.", []string{"WASHINGTON — The president spoke on Monday."}},
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{"Bias is studied. [1 - 3] Sociologists agree.", []string{"Bias is studied. [1 - 3]", "Sociologists agree."}},
	}
	for _, tt := range tests {
		doc := segmentText(t, tt.in)
		if got := sentenceTexts(doc); !slices.Equal(got, tt.want) {
			t.Errorf("sentences of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzReadModel(f *testing.F) {
	var b bytes.Buffer
	newModel([]uint32{1, 9}, []float32{1, -1}).WriteTo(&b)
	f.Add(b.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(bytes.NewReader(data))
		if err == nil {
			m.weight(12345)
		}
	})
}
