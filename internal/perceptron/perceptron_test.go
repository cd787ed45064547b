package perceptron

import (
	"bytes"
	"math"
	"slices"
	"testing"
)

// TestTrainWriteRead learns a toy problem, writes the model and reads it
// back: the predictions survive the round trip.
func TestTrainWriteRead(t *testing.T) {
	for _, classes := range []int{3, 7} {
		testRoundTrip(t, classes)
	}
}

func testRoundTrip(t *testing.T, classes int) {
	m := New(classes)
	data := []struct {
		feats []uint64
		class int
	}{
		{[]uint64{Hash("a"), Hash("x")}, 0},
		{[]uint64{Hash("b"), Hash("x")}, 1},
		{[]uint64{Hash("c"), Hash("y")}, 2},
		{[]uint64{Hash("a"), Hash("y")}, 0},
	}
	scores := make([]float32, classes)
	for range 10 {
		for _, d := range data {
			clear(scores)
			m.Score(d.feats, scores)
			m.Tick()
			m.Update(d.feats, d.class, Best(scores, nil), 1)
		}
	}
	m.Average()
	var b bytes.Buffer
	if err := m.Write(&b, 0, 1.0/64); err != nil {
		t.Fatal(err)
	}
	r, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	for _, mod := range []*Model{m, r} {
		for _, d := range data {
			clear(scores)
			mod.Score(d.feats, scores)
			if got := Best(scores, nil); got != d.class {
				t.Errorf("%v: class %d, want %d", d.feats, got, d.class)
			}
		}
	}
	if r.Rows() == 0 || r.Rows() > m.Rows() {
		t.Errorf("read %d rows of %d", r.Rows(), m.Rows())
	}
}

// FuzzRead checks that Read returns an error, never panics, on any bytes.
func FuzzRead(f *testing.F) {
	m := New(2)
	m.Tick()
	m.Update([]uint64{1, 2}, 0, 1, 1)
	m.Average()
	var b bytes.Buffer
	m.Write(&b, 0, 1.0/64)
	f.Add(b.Bytes())
	f.Add([]byte("DLPC1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if mod, err := Read(bytes.NewReader(data)); err == nil {
			scores := make([]float32, mod.Classes)
			mod.Score([]uint64{1, 2, 3}, scores)
		}
	})
}

// TestPackedScores checks that a model read from a file scores every
// feature, present or not, as the model it was written from does once its
// weights are rounded to the step: for narrow and wide models, short and
// long rows, and tables with long runs of neighbouring keys.
func TestPackedScores(t *testing.T) {
	for _, classes := range []int{2, 3, 7, 40} {
		m := New(classes)
		var feats []uint64
		for i := range 5000 {
			f := Mix(uint64(i), 99)
			if i%7 == 0 {
				f = uint64(i) << 32 // runs of keys in neighbouring slots
			}
			feats = append(feats, f)
			for u := range 1 + i%9 {
				m.Tick()
				m.Update([]uint64{f}, (i+u)%classes, (i+2*u+1)%classes, 1)
			}
		}
		m.Average()
		const step = 1.0 / 64
		var b bytes.Buffer
		if err := m.Write(&b, 0, step); err != nil {
			t.Fatal(err)
		}
		r, err := Read(&b)
		if err != nil {
			t.Fatal(err)
		}
		want, got := make([]float32, classes), make([]float32, classes)
		for i, f := range append(feats, 1, 2, 3, 1<<63, Mix(7, 7)) {
			clear(want)
			clear(got)
			m.Score([]uint64{f}, want)
			for c := range want {
				want[c] = float32(math.Round(float64(want[c]/step))) * step
			}
			r.Score([]uint64{f}, got)
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes, feature %d: %v, want %v", classes, i, got, want)
			}
		}
		// all at once: the sum of the rows
		clear(want)
		clear(got)
		for _, f := range feats {
			r.Score([]uint64{f}, want)
		}
		r.Score(feats, got)
		if !slices.Equal(got, want) {
			t.Fatalf("%d classes, all features: %v, want %v", classes, got, want)
		}
	}
}
