package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/parse"
	"github.com/dateline-news/dateline/tag"
)

// The treebanks the syntax models learn from, relative to --data.
var (
	syntaxTrain = []string{
		"ud-english-ewt/en_ewt-ud-train.conllu.gz",
		"ud-english-gum/en_gum-ccby-train.conllu.gz",
		"ud-english-gum/en_gum-ccbysa-train.conllu.gz",
	}
	syntaxDev = []string{
		"ud-english-ewt/en_ewt-ud-dev.conllu.gz",
		"ud-english-gum/en_gum-ccby-dev.conllu.gz",
	}
)

func readTreebanks(dir string, files []string) ([]*conllu.Sentence, error) {
	var all []*conllu.Sentence
	for _, f := range files {
		ss, err := conllu.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, err
		}
		all = append(all, ss...)
	}
	return all, nil
}

func tagWords(ss []*conllu.Sentence) [][]tag.Word {
	out := make([][]tag.Word, len(ss))
	for i, s := range ss {
		for _, w := range s.Words {
			out[i] = append(out[i], tag.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Lemma: w.Lemma, Feats: w.Feats})
		}
	}
	return out
}

func modelDir(f trainFlags) string {
	if f.out != "" {
		return f.out
	}
	return filepath.Join("data", "models")
}

func trainTagger(ctx context.Context, e env, f trainFlags) error {
	start := time.Now()
	train, err := readTreebanks(f.data, syntaxTrain)
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	dev, err := readTreebanks(f.data, syntaxDev[:1])
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	t, err := tag.Train(tagWords(train), tag.TrainConfig{
		Seed:     uint64(f.seed),
		Backward: true,
		WordNet:  filepath.Join(f.data, "wordnet-3.0"),
		Dev:      tagWords(dev),
		Log:      e.stderr,
	})
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	if err := t.Save(modelDir(f)); err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	fmt.Fprintf(e.stderr, "tagger written to %s in %s\n", modelDir(f), time.Since(start).Round(time.Second))
	return nil
}

// jackknifeFolds is how many parts the training data is cut into to give
// the parser predicted tags: each part is tagged by a tagger trained on
// the others, so the parser learns from tags about as good as it will see.
// The fold taggers run left to right only, which halves their cost.
const jackknifeFolds = 4

// parserMembers is how many parsers, trained with seeds seed, seed+1, ...
// on the same tags, the shipped parser sums the scores of.
const parserMembers = 1

func trainParser(ctx context.Context, e env, f trainFlags) error {
	start := time.Now()
	train, err := readTreebanks(f.data, syntaxTrain)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	dev, err := readTreebanks(f.data, syntaxDev[:1])
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	gold := tagWords(train)
	tagged := make([][]tag.Word, len(gold))
	for k := range jackknifeFolds {
		if err := ctx.Err(); err != nil {
			return err
		}
		var part [][]tag.Word
		for i, s := range gold {
			if i%jackknifeFolds != k {
				part = append(part, s)
			}
		}
		t, err := tag.Train(part, tag.TrainConfig{Seed: uint64(f.seed), WordNet: filepath.Join(f.data, "wordnet-3.0")})
		if err != nil {
			return fmt.Errorf("train parser: jackknife: %w", err)
		}
		for i := k; i < len(gold); i += jackknifeFolds {
			tagged[i] = t.Tag(forms(gold[i]), nil)
		}
		fmt.Fprintf(e.stderr, "jackknife fold %d/%d tagged\n", k+1, jackknifeFolds)
	}
	// the dev set is tagged by the shipped tagger, as at run time
	tg, err := tag.Load(os.DirFS(modelDir(f)))
	if err != nil {
		return fmt.Errorf("train parser: the tagger must be trained first: %w", err)
	}
	devWords := parseWords(dev, func(i int, fs []string) []tag.Word { return tg.Tag(fs, nil) })
	var members []*parse.Parser
	for m := range parserMembers {
		fmt.Fprintf(e.stderr, "parser member %d/%d, seed %d\n", m+1, parserMembers, f.seed+int64(m))
		p, err := parse.Train(parseWords(train, func(i int, _ []string) []tag.Word { return tagged[i] }), parse.TrainConfig{
			Seed: uint64(f.seed) + uint64(m),
			Dev:  devWords,
			Log:  e.stderr,
		})
		if err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
		members = append(members, p)
	}
	p, err := parse.Ensemble(members...)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	fmt.Fprintf(e.stderr, "parser ensemble dev: %s\n", p.Evaluate(devWords))
	if err := p.Save(modelDir(f)); err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	fmt.Fprintf(e.stderr, "parser written to %s in %s\n", modelDir(f), time.Since(start).Round(time.Second))
	return nil
}

func forms(ws []tag.Word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Form
	}
	return out
}

// parseWords turns gold sentences into parser input with the tags that
// tags gives for sentence i and its forms.
func parseWords(ss []*conllu.Sentence, tags func(i int, forms []string) []tag.Word) [][]parse.Word {
	out := make([][]parse.Word, len(ss))
	for i, s := range ss {
		fs := make([]string, len(s.Words))
		for j, w := range s.Words {
			fs[j] = w.Form
		}
		tw := tags(i, fs)
		for j, w := range s.Words {
			out[i] = append(out[i], parse.Word{Form: w.Form, UPOS: tw[j].UPOS, XPOS: tw[j].XPOS, Head: w.Head - 1, Rel: w.Deprel})
		}
	}
	return out
}
