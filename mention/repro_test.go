package mention

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/dict"
	"github.com/dateline-news/dateline/internal/shared"
)

var long = flag.Bool("long", false, "run the slow tests (retraining the shipped model)")

// TestShippedModelReproducible retrains the model as "dateline train ner"
// does and checks it is byte-identical to the shipped one.
func TestShippedModelReproducible(t *testing.T) {
	if !*long {
		t.Skip("retraining takes a while: run with -long")
	}
	p := shared.Path(t, "data/"+TrainFile)
	dataDir := filepath.Dir(filepath.Dir(p))
	d, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := TrainShipped(dataDir, 1, d)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if _, err := m.WriteTo(&got); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "data", ModelFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Error("retrained model differs from data/ner/ner.model.gz (run dateline train ner)")
	}
}

func FuzzReadIOB2(f *testing.F) {
	f.Add("# c\n1\tJohn\tB-PER\n2\tran\tO\n\nParis I-LOC\n")
	f.Add("1\t\tB-PER\n-DOCSTART- O\n\n\n#\tx\n")
	f.Fuzz(func(t *testing.T, s string) {
		ss, err := ReadIOB2(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, x := range ss {
			tags := x.Tags()
			if len(tags) != len(x.Rows) {
				t.Fatalf("%d tags for %d rows", len(tags), len(x.Rows))
			}
			for _, sp := range Spans(tags) {
				if sp.Start < 0 || sp.End > len(tags) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v", sp)
				}
			}
			var b bytes.Buffer
			if err := WriteIOB2(&b, []Sentence{x}, [][]string{tags}); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzReadModel(f *testing.F) {
	var b bytes.Buffer
	Train([][]string{{"Paris", "is"}}, nil, [][]string{{"B-LOC", "O"}}, TrainOptions{Iterations: 1}).WriteTo(&b)
	f.Add(b.Bytes())
	f.Add([]byte("dateline-ner-1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(bytes.NewReader(data))
		if err != nil {
			return
		}
		(&Tagger{Model: m}).Tag([]string{"Paris", "is", "big"}, nil)
	})
}
