package segment

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"sync"

	"github.com/dateline-news/dateline/data"
)

// ModelFile is the path of the shipped boundary model inside data.Segment.
const ModelFile = "segment/boundary.gz"

// modelMagic opens every model file.
const modelMagic = "dateline segment boundary 3\n"

// maxModelFeatures bounds the features a model file may declare, so that a
// corrupt file cannot ask for an absurd table.
const maxModelFeatures = 1 << 22

// Model is a binary averaged-perceptron classifier over hashed features of
// a gap between two tokens: a positive score begins a sentence. It is
// read-only once built and safe for concurrent use.
type Model struct {
	// Margin is the score that a gap needs for the model to begin a
	// sentence there (0 as trained; higher adds fewer breaks).
	Margin float32

	keys []uint32  // features in increasing order
	ws   []float32 // their weights

	// table is what scoring reads: open addressing on the feature key,
	// each slot the key's top 16 bits (never 0; 0 is an empty slot) and
	// its weight quantised to 16 bits, so that the table stays small
	// enough for the processor's cache.
	table []uint32
	mask  uint32
	scale float32

	gate *wordGate // nil: every candidate gap is looked at
}

// Gate reports the number of words after which the model does not look.
func (m *Model) Gate() int {
	if m.gate == nil {
		return 0
	}
	return len(m.gate.keys)
}

// newModel builds a model from distinct non-zero features and their
// weights.
func newModel(keys []uint32, ws []float32) *Model {
	m := &Model{keys: make([]uint32, len(keys)), ws: make([]float32, len(ws))}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	for i, j := range order {
		m.keys[i], m.ws[i] = keys[j], ws[j]
	}
	var maxW float32
	for _, w := range m.ws {
		maxW = max(maxW, float32(math.Abs(float64(w))))
	}
	m.scale = maxW / 32767
	if m.scale == 0 {
		m.scale = 1
	}
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	m.table = make([]uint32, size)
	m.mask = uint32(size - 1)
	for i, k := range m.keys {
		q := int16(math.Round(float64(m.ws[i] / m.scale)))
		j := home(k) & m.mask
		for m.table[j] != 0 {
			j = (j + 1) & m.mask
		}
		m.table[j] = fingerprint(k)<<16 | uint32(uint16(q))
	}
	return m
}

// home is the first slot to probe for key k (before masking).
func home(k uint32) uint32 { return (k * 0x9e3779b1) >> 7 }

// fingerprint is the part of key k kept in the table.
func fingerprint(k uint32) uint32 { return k>>16 | 1 }

// Features reports the number of features with a weight.
func (m *Model) Features() int { return len(m.keys) }

// weight returns the weight of feature key k, 0 when it has none.
func (m *Model) weight(k uint32) float32 {
	fp := fingerprint(k)
	j := home(k) & m.mask
	for {
		s := m.table[j]
		if s>>16 == fp {
			return float32(int16(s)) * m.scale
		}
		if s == 0 {
			return 0
		}
		j = (j + 1) & m.mask
	}
}

// WriteTo writes m gzip-compressed: the features in key order, their keys
// as varint deltas and their weights quantised to 16 bits.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	keys, scale := m.keys, m.scale
	var raw bytes.Buffer
	raw.WriteString(modelMagic)
	raw.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	raw.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(scale)))
	raw.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(m.Margin)))
	var buf []byte
	prev := uint32(0)
	for _, k := range keys {
		buf = binary.AppendUvarint(buf[:0], uint64(k-prev))
		raw.Write(buf)
		prev = k
	}
	for _, w := range m.ws {
		q := int64(math.Round(float64(w / scale)))
		buf = binary.AppendVarint(buf[:0], q)
		raw.Write(buf)
	}
	var gate []uint32
	if m.gate != nil {
		gate = m.gate.keys
	}
	raw.Write(binary.AppendUvarint(nil, uint64(len(gate))))
	prev = 0
	for _, k := range gate {
		buf = binary.AppendUvarint(buf[:0], uint64(k-prev))
		raw.Write(buf)
		prev = k
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return cw.n, fmt.Errorf("write segment model: %w", err)
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return cw.n, fmt.Errorf("write segment model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("write segment model: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// errBadModel marks a model file that cannot be read.
var errBadModel = errors.New("bad segment model")

// ReadModel reads a model written by [Model.WriteTo].
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read segment model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != modelMagic {
		return nil, fmt.Errorf("read segment model: %w: no header", errBadModel)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > maxModelFeatures {
		return nil, fmt.Errorf("read segment model: %w: feature count", errBadModel)
	}
	var sb [8]byte
	if _, err := io.ReadFull(br, sb[:]); err != nil {
		return nil, fmt.Errorf("read segment model: %w: scale", errBadModel)
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(sb[:4]))
	margin := math.Float32frombits(binary.LittleEndian.Uint32(sb[4:]))
	if !finite(scale) || !finite(margin) {
		return nil, fmt.Errorf("read segment model: %w: scale or margin", errBadModel)
	}
	keys := make([]uint32, n)
	prev := uint64(0)
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read segment model: %w: key %d", errBadModel, i)
		}
		k := prev + d
		if k > math.MaxUint32 || k == 0 || (i > 0 && d == 0) {
			return nil, fmt.Errorf("read segment model: %w: key %d", errBadModel, i)
		}
		keys[i] = uint32(k)
		prev = k
	}
	ws := make([]float32, n)
	for i := range ws {
		q, err := binary.ReadVarint(br)
		if err != nil || q > math.MaxInt16 || q < -math.MaxInt16 {
			return nil, fmt.Errorf("read segment model: %w: weight %d", errBadModel, i)
		}
		ws[i] = float32(q) * scale
	}
	ng, err := binary.ReadUvarint(br)
	if err != nil || ng > maxModelFeatures {
		return nil, fmt.Errorf("read segment model: %w: gate size", errBadModel)
	}
	m := newModel(keys, ws)
	m.Margin = margin
	if ng > 0 {
		gate := make([]uint32, ng)
		prev = 0
		for i := range gate {
			d, err := binary.ReadUvarint(br)
			k := prev + d
			if err != nil || k > math.MaxUint32 || k == 0 || (i > 0 && d == 0) {
				return nil, fmt.Errorf("read segment model: %w: gate word %d", errBadModel, i)
			}
			gate[i] = uint32(k)
			prev = k
		}
		m.gate = newWordGate(gate)
	}
	return m, nil
}

func finite(f float32) bool { return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) }

// LoadModel reads the model file name from fsys.
func LoadModel(fsys fs.FS, name string) (*Model, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("load segment model: %w", err)
	}
	defer f.Close()
	return ReadModel(f)
}

// Shipped returns the boundary model embedded in the binary (data.Segment),
// read on the first call and shared after it.
var Shipped = sync.OnceValues(func() (*Model, error) {
	return LoadModel(data.Segment, ModelFile)
})

// Average returns the model whose weights are the means of those of ms (a
// feature missing from a model counts as 0 there), with the margin of the
// first; averaging models trained in different orders steadies them.
func Average(ms ...*Model) *Model {
	if len(ms) == 0 {
		return newModel(nil, nil)
	}
	sum := map[uint32]float32{}
	for _, m := range ms {
		for i, k := range m.keys {
			sum[k] += m.ws[i]
		}
	}
	keys := make([]uint32, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ws := make([]float32, len(keys))
	for i, k := range keys {
		ws[i] = sum[k] / float32(len(ms))
	}
	a := newModel(keys, ws)
	a.Margin = ms[0].Margin
	a.gate = ms[0].gate
	return a
}

// Pruned returns m without the features whose weight is under minW in
// magnitude: a smaller table is faster to look up.
func (m *Model) Pruned(minW float32) *Model {
	var keys []uint32
	var ws []float32
	for i, w := range m.ws {
		if w >= minW || w <= -minW {
			keys = append(keys, m.keys[i])
			ws = append(ws, w)
		}
	}
	p := newModel(keys, ws)
	p.Margin = m.Margin
	p.gate = m.gate
	return p
}
