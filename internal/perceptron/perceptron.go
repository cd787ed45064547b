// Package perceptron is the averaged multi-class perceptron shared by the
// tagger and the parser: features are 64-bit hashes, each with a dense row
// of one weight per class, found through an open-addressing table.
//
// Training keeps, beside each weight, the sum of its updates weighted by
// the time of the update, so that averaging costs one pass at the end
// (Daumé's trick). A trained model is pruned, quantised to multiples of a
// step and written as a gzip stream. Loading packs it into a read-only
// table ordered by key, whose slots hold the key beside its 16-bit weights
// (see packed.go): one cache line per feature, built in one sequential pass.
package perceptron

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

// Model is a multi-class linear model over hashed features.
//
// A model being trained keeps a dense row of weights per feature. A model
// read from a file is packed for speed and cannot learn further (see
// [Read]).
type Model struct {
	Classes int

	keys []uint32 // open-addressing slots; 0 is empty
	rows []int32  // row of each slot
	mask uint64
	n    int // rows in use

	W []float32 // Classes weights per row (models being trained)

	// training state: time-weighted update sums, the clock
	u     []float64
	clock int

	p *packed // a model read from a file
}

// New returns an empty model over classes classes.
func New(classes int) *Model {
	m := &Model{Classes: classes}
	m.alloc(1 << 16)
	return m
}

func (m *Model) alloc(slots int) {
	m.keys = make([]uint32, slots)
	m.rows = make([]int32, slots)
	m.mask = uint64(slots - 1)
}

// Mix combines a feature hash with a value into a new hash.
func Mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xff51afd7ed558ccd
	h ^= h >> 32
	return h
}

// Hash returns the FNV-1a hash of s.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// fix maps a feature hash to a table key: its top 31 bits and a low 1, so
// that no key is 0 (the empty slot). Keys of 32 bits keep the model files
// and the table small; two of a model's features share a key with
// negligible chance.
func fix(k uint64) uint32 { return uint32(k>>32) | 1 }

// home is the first slot to probe for key k.
func (m *Model) home(k uint32) uint64 { return (uint64(k) * 0x9e3779b97f4a7c15) >> 29 & m.mask }

// row returns the weights of feature k in a model being trained, or nil.
func (m *Model) row(k uint64) []float32 {
	key := fix(k)
	i := m.home(key)
	for {
		switch m.keys[i] {
		case key:
			r := int(m.rows[i]) * m.Classes
			return m.W[r : r+m.Classes : r+m.Classes]
		case 0:
			return nil
		}
		i = (i + 1) & m.mask
	}
}

// Score adds the weights of every feature to scores, which has one entry
// per class.
func (m *Model) Score(feats []uint64, scores []float32) {
	if m.p != nil {
		m.p.score(feats, scores)
		return
	}
	for _, f := range feats {
		if r := m.row(f); r != nil {
			for c, w := range r {
				scores[c] += w
			}
		}
	}
}

// BestOf returns the class of some with the highest score; ties go to the
// one listed first.
func BestOf(scores []float32, some []int) int {
	best := some[0]
	for _, c := range some[1:] {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// Best returns the class with the highest score among those allowed
// (nil allows all); ties go to the lower class.
func Best(scores []float32, allowed []bool) int {
	best, bs := -1, float32(0)
	for c, s := range scores {
		if allowed != nil && !allowed[c] {
			continue
		}
		if best < 0 || s > bs {
			best, bs = c, s
		}
	}
	return best
}

func (m *Model) slot(h uint64) int {
	k := fix(h)
	i := m.home(k)
	for {
		switch m.keys[i] {
		case k:
			return int(m.rows[i])
		case 0:
			if 2*(m.n+1) > len(m.keys) {
				m.grow()
				return m.slot(h)
			}
			m.keys[i] = k
			m.rows[i] = int32(m.n)
			m.n++
			m.W = append(m.W, make([]float32, m.Classes)...)
			m.u = append(m.u, make([]float64, m.Classes)...)
			return m.n - 1
		}
		i = (i + 1) & m.mask
	}
}

func (m *Model) grow() {
	keys, rows := m.keys, m.rows
	m.alloc(2 * len(keys))
	for j, k := range keys {
		if k != 0 {
			m.put(k, rows[j])
		}
	}
}

func (m *Model) put(k uint32, row int32) {
	i := m.home(k)
	for m.keys[i] != 0 {
		i = (i + 1) & m.mask
	}
	m.keys[i] = k
	m.rows[i] = row
}

// Tick advances the training clock by one example.
func (m *Model) Tick() { m.clock++ }

// Update moves the weights of feats by +d for class truth and -d for class
// guess; nothing happens when they are equal, or to a model read from a
// file, which cannot learn further.
func (m *Model) Update(feats []uint64, truth, guess int, d float32) {
	if truth == guess || m.p != nil {
		return
	}
	t := float64(m.clock)
	for _, f := range feats {
		r := m.slot(f) * m.Classes
		m.W[r+truth] += d
		m.u[r+truth] += t * float64(d)
		m.W[r+guess] -= d
		m.u[r+guess] -= t * float64(d)
	}
}

// Average replaces the weights by their average over the training clock
// and ends training.
func (m *Model) Average() {
	if m.u == nil {
		return
	}
	c := float64(m.clock)
	if c == 0 {
		c = 1
	}
	for i := range m.W {
		m.W[i] = float32(float64(m.W[i]) - m.u[i]/c)
	}
	m.u = nil
}

// Rows reports the number of features with weights.
func (m *Model) Rows() int { return m.n }

const magic = "DLPC1"

// Write writes the model, dropping weights whose magnitude is below prune
// and rounding the rest to multiples of step, as a gzip stream. Rows are
// written in key order so the output depends only on the weights.
func (m *Model) Write(w io.Writer, prune, step float32) error {
	if m.p != nil {
		return fmt.Errorf("write model: %w", ErrPacked)
	}
	scale := step
	type kr struct {
		k uint32
		r int32
	}
	var live []kr
	for i, k := range m.keys {
		if k == 0 {
			continue
		}
		r := m.rows[i]
		row := m.W[int(r)*m.Classes : int(r+1)*m.Classes]
		keep := false
		for _, x := range row {
			if x >= prune || x <= -prune {
				if math.Round(float64(x/scale)) != 0 {
					keep = true
					break
				}
			}
		}
		if keep {
			live = append(live, kr{k, r})
		}
	}
	slices.SortFunc(live, func(a, b kr) int {
		switch {
		case a.k < b.k:
			return -1
		case a.k > b.k:
			return 1
		}
		return 0
	})
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(gz)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	sv := func(x int64) { bw.Write(buf[:binary.PutVarint(buf[:], x)]) }
	bw.WriteString(magic)
	uv(uint64(m.Classes))
	uv(uint64(len(live)))
	binary.Write(bw, binary.LittleEndian, scale)
	var prev uint32
	for _, e := range live {
		uv(uint64(e.k - prev))
		prev = e.k
		row := m.W[int(e.r)*m.Classes : int(e.r+1)*m.Classes]
		nz := 0
		for _, x := range row {
			if (x >= prune || x <= -prune) && math.Round(float64(x/scale)) != 0 {
				nz++
			}
		}
		uv(uint64(nz))
		last := -1
		for c, x := range row {
			if (x >= prune || x <= -prune) && math.Round(float64(x/scale)) != 0 {
				uv(uint64(c - last - 1))
				last = c
				sv(int64(math.Round(float64(x / scale))))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return gz.Close()
}

// ErrPacked reports an attempt to write a model read from a file.
var ErrPacked = errors.New("a model read from a file cannot be written")

// ErrFormat reports a model stream that is not one this package wrote.
var ErrFormat = errors.New("not a perceptron model")
