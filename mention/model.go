package mention

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/dateline-news/dateline/internal/gzfile"
)

// Tags are the BIO labels the model predicts, in class order.
var Tags = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

const nTags = 7

func tagIndex(tag string) int {
	for i, t := range Tags {
		if t == tag {
			return i
		}
	}
	return 0
}

// Model is a linear model from hashed features to scores for each tag.
//
// A trained model holds its features in order with their weights; a model
// read from a file holds them in a table (see [table]).
type Model struct {
	keys []uint64         // sorted feature hashes
	w    [][nTags]float32 // weights of keys[i]
	t    *table
}

// table is the read-only form of a model read from a file. As in package
// perceptron, a key's home slot is its place in the key range scaled to
// the number of home slots, and keys lie in increasing order, each in its
// home or the slot after the previous key: a lookup scans forward from the
// home over smaller keys, so it costs about one cache line, and the table
// is built front to back from the file. A slot holds the key beside its
// quantised weights; key 0 marks an empty slot, so a feature whose hash is
// 0 is kept aside.
type table struct {
	homes uint64
	slots []slot
	zero  *[nTags]int16 // weights of the feature with hash 0, if any
	scale float32
}

type slot struct {
	key uint64
	q   [nTags]int16
}

func (t *table) home(k uint64) uint64 { return (k >> 32) * t.homes >> 32 }

// find returns the weights of feature k, nil when the model lacks it; the
// scan starts at slot i, whose key is first.
func (t *table) find(k uint64, i uint32, first uint64) *[nTags]int16 {
	if k == 0 {
		return t.zero
	}
	for first-1 < k-1 {
		i++
		first = t.slots[i].key
	}
	if first == k {
		return &t.slots[i].q
	}
	return nil
}

func (m *Model) row(h uint64) *[nTags]float32 {
	i, ok := slices.BinarySearch(m.keys, h)
	if !ok {
		return nil
	}
	return &m.w[i]
}

// chunk is how many features scores looks up at once: their slots are all
// loaded before any is compared, so that the memory accesses overlap.
const chunk = 32

func (m *Model) scores(feats []uint64, out *[nTags]float32) {
	*out = [nTags]float32{}
	if t := m.t; t != nil {
		var at [chunk]uint32
		var first [chunk]uint64
		for len(feats) > 0 {
			fs := feats[:min(len(feats), chunk)]
			feats = feats[len(fs):]
			for j, f := range fs {
				h := t.home(f)
				at[j], first[j] = uint32(h), t.slots[h].key
			}
			// in the order of the features, so that the sums are those of
			// the weights as a trained model adds them
			for j, f := range fs {
				if q := t.find(f, at[j], first[j]); q != nil {
					for c := range nTags {
						out[c] += float32(float32(q[c]) * t.scale)
					}
				}
			}
		}
		return
	}
	for _, f := range feats {
		if r := m.row(f); r != nil {
			for c := range nTags {
				out[c] += r[c]
			}
		}
	}
}

const magic = "dateline-ner-1\n"

// WriteTo writes m as a gzip stream: the magic line, the number of features,
// the scale, then each feature's hash and its int16-quantised weights.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	if m.t != nil {
		m = m.t.model()
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	var max float32
	for _, r := range m.w {
		for _, v := range r {
			max = float32(math.Max(float64(max), math.Abs(float64(v))))
		}
	}
	scale := float32(1)
	if max > 0 {
		scale = max / 32767
	}
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, uint32(len(m.keys)))
	binary.Write(bw, binary.LittleEndian, math.Float32bits(scale))
	var prev uint64
	var buf [binary.MaxVarintLen64]byte
	for i, k := range m.keys {
		n := binary.PutUvarint(buf[:], k-prev) // delta-coded sorted keys
		bw.Write(buf[:n])
		prev = k
		for _, v := range m.w[i] {
			binary.Write(bw, binary.LittleEndian, int16(math.Round(float64(v/scale))))
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// ReadModel reads a model written by [Model.WriteTo].
func ReadModel(r io.Reader) (*Model, error) {
	raw, err := gzfile.ReadAll(r, 1<<28)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if len(raw) < len(magic)+8 || string(raw[:len(magic)]) != magic {
		return nil, errors.New("read ner model: not a dateline NER model")
	}
	raw = raw[len(magic):]
	n := binary.LittleEndian.Uint32(raw)
	scale := math.Float32frombits(binary.LittleEndian.Uint32(raw[4:]))
	raw = raw[8:]
	if n > 1<<22 {
		return nil, errors.New("read ner model: too many features")
	}
	if uint64(n)*(1+2*nTags) > uint64(len(raw)) {
		return nil, fmt.Errorf("read ner model: %w", io.ErrUnexpectedEOF)
	}
	t := &table{homes: uint64(float64(n)/0.85) + 1, scale: scale}
	t.slots = make([]slot, t.homes+16)
	var prev uint64
	next := uint64(0) // the first slot a key may take
	for range n {
		d, k := binary.Uvarint(raw)
		if k <= 0 || len(raw) < k+2*nTags {
			return nil, fmt.Errorf("read ner model: %w", io.ErrUnexpectedEOF)
		}
		raw = raw[k:]
		prev += d
		var q [nTags]int16
		for c := range q {
			q[c] = int16(binary.LittleEndian.Uint16(raw[2*c:]))
		}
		raw = raw[2*nTags:]
		if prev == 0 {
			if t.zero == nil {
				t.zero = &q
			}
			continue
		}
		at := max(next, t.home(prev))
		next = at + 1
		if next >= uint64(len(t.slots)) {
			t.slots = append(t.slots, make([]slot, 1024)...)
		}
		t.slots[at] = slot{key: prev, q: q}
	}
	return &Model{t: t}, nil
}

// model returns the trained form of the model of t.
func (t *table) model() *Model {
	m := &Model{}
	if t.zero != nil {
		m.keys = append(m.keys, 0)
		m.w = append(m.w, t.weights(t.zero))
	}
	for i := range t.slots {
		if s := &t.slots[i]; s.key != 0 {
			m.keys = append(m.keys, s.key)
			m.w = append(m.w, t.weights(&s.q))
		}
	}
	return m
}

func (t *table) weights(q *[nTags]int16) [nTags]float32 {
	var w [nTags]float32
	for c := range w {
		w[c] = float32(q[c]) * t.scale
	}
	return w
}

// averageModels returns the mean of the models' weights (a feature absent
// from a model weighs 0 there): one linear model that mixes perceptrons
// trained on different orders of the data.
func averageModels(ms []*Model) *Model {
	sum := map[uint64]*[nTags]float32{}
	for _, m := range ms {
		for i, k := range m.keys {
			r := sum[k]
			if r == nil {
				r = &[nTags]float32{}
				sum[k] = r
			}
			for c := range nTags {
				r[c] += m.w[i][c] / float32(len(ms))
			}
		}
	}
	out := &Model{keys: make([]uint64, 0, len(sum))}
	for k := range sum {
		out.keys = append(out.keys, k)
	}
	slices.Sort(out.keys)
	out.w = make([][nTags]float32, len(out.keys))
	for i, k := range out.keys {
		out.w[i] = *sum[k]
	}
	return out
}
