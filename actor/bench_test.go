package actor

import (
	"context"
	"testing"
)

func BenchmarkResolve(b *testing.B) {
	r, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	sents := []string{
		"Russian Foreign Minister [PER Sergey Lavrov] met his visiting Venezuelan counterpart [PER Jorge Arreaza] in [LOC Moscow] .",
		"[LOC Washington] accused [LOC Russia] of meddling in [LOC Venezuela] and the opposition marched .",
		"[PER Lavrov] said he would visit [LOC Caracas] with the [ORG Lima Group] .",
	}
	b.ReportAllocs()
	for b.Loop() {
		doc := build("2019-05-05", sents...)
		if err := r.Annotate(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
