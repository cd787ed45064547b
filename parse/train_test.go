package parse

import (
	"testing"

	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/internal/shared"
)

func goldWords(t testing.TB, rel string, limit int) [][]Word {
	ss, err := conllu.ReadFile(shared.Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]Word
	for _, s := range ss {
		if limit > 0 && len(out) == limit {
			break
		}
		var ws []Word
		for _, w := range s.Words {
			ws = append(ws, Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Head: w.Head - 1, Rel: w.Deprel})
		}
		out = append(out, ws)
	}
	return out
}

// TestTrainSmall trains on a slice of EWT with gold tags and checks that
// the parser learns: the dynamic oracle, the features and the labeller
// work together.
func TestTrainSmall(t *testing.T) {
	train := goldWords(t, "data/ud-english-ewt/en_ewt-ud-train.conllu.gz", 1500)
	dev := goldWords(t, "data/ud-english-ewt/en_ewt-ud-dev.conllu.gz", 300)
	p, err := Train(train, TrainConfig{Iterations: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	sc := p.Evaluate(dev)
	t.Logf("small model on dev sample: %s", sc)
	if sc.UAS < 65 || sc.LAS < 55 {
		t.Errorf("small model: %s, want UAS >= 65 and LAS >= 55", sc)
	}
}
