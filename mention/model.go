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
type Model struct {
	keys []uint64         // sorted feature hashes
	w    [][nTags]float32 // weights of keys[i]
}

func (m *Model) row(h uint64) *[nTags]float32 {
	i, ok := slices.BinarySearch(m.keys, h)
	if !ok {
		return nil
	}
	return &m.w[i]
}

func (m *Model) scores(feats []uint64, out *[nTags]float32) {
	*out = [nTags]float32{}
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
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("read ner model: not a dateline NER model")
	}
	var n, sbits uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if err := binary.Read(br, binary.LittleEndian, &sbits); err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if n > 1<<22 {
		return nil, errors.New("read ner model: too many features")
	}
	scale := math.Float32frombits(sbits)
	m := &Model{keys: make([]uint64, n), w: make([][nTags]float32, n)}
	var prev uint64
	var q [nTags]int16
	for i := range m.keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read ner model: %w", err)
		}
		prev += d
		m.keys[i] = prev
		if err := binary.Read(br, binary.LittleEndian, &q); err != nil {
			return nil, fmt.Errorf("read ner model: %w", err)
		}
		for c := range nTags {
			m.w[i][c] = float32(q[c]) * scale
		}
	}
	return m, nil
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
