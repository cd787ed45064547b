package mention

import (
	"context"
	"testing"
)

func BenchmarkRecogniser(b *testing.B) {
	r, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	doc := docOf(
		"Russian Foreign Minister Sergey Lavrov will hold talks with his visiting Venezuelan counterpart Jorge Arreaza in Moscow on Sunday .",
		"The Lima Group of countries ( except for Mexico ) , the Organization of American States and a number of other countries followed suit .",
		"US national security adviser John Bolton said Venezuela 's Defense Minister Vladimir Padrino Lopez had allegedly agreed Maduro had to go .",
	)
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Annotate(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
