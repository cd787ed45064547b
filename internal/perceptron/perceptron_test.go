package perceptron

import (
	"bytes"
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
