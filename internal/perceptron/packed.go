package perceptron

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"github.com/dateline-news/dateline/internal/gzfile"
)

// packed is the read-only form of a model read from a file.
//
// Its table is ordered by key: a key's home slot is its place in the key
// range scaled to the number of home slots, and keys are laid down in
// increasing order, each in its home or, when that is taken, in the slot
// after the previous key. A lookup scans forward from the home slot over
// smaller keys and stops at the key, a larger one or an empty slot, so a
// missing feature costs no more than a present one; loading writes the
// table front to back from the file, whose rows are in key order.
//
// A slot holds the key beside its weights, as 16-bit multiples of the
// model's step: with at most three classes all of them (tri); with more
// (wide), up to two (class, weight) entries, or the place of a longer row
// in over. Scores are sums of multiples of the step, which float32
// adds exactly, so they do not depend on the order of the features nor on
// the layout: they are the scores of the model as trained and written.
type packed struct {
	classes int
	n       int     // rows
	homes   uint64  // number of home slots
	scale   float32 // the step
	tri     []triSlot
	wide    []wideSlot
	over    []uint32 // entries of long wide rows
}

// triSlot is a slot of a model with at most three classes: its key in two
// halves, so that a slot takes 10 bytes; key 0 is empty.
type triSlot struct {
	k [2]uint16
	w [3]int16
}

func (s *triSlot) key() uint32 { return uint32(s.k[0]) | uint32(s.k[1])<<16 }

// wideSlot is a slot of a model with more than three classes. An entry is
// class<<16 | uint16(weight); the zero entry adds 0 to class 0. A row of
// more than two entries (a weight rarely moves for more than the two
// classes of one mistake) has e[0] == longRow | its length and e[1] the
// offset of its entries in over; no class reaches longRow>>16.
type wideSlot struct {
	key uint32
	e   [2]uint32
}

const longRow = 0xffff_0000

// loadFactor is the share of home slots a packed table fills.
const loadFactor = 0.85

func (p *packed) home(key uint32) uint64 { return uint64(key) * p.homes >> 32 }

// chunk is how many features score looks up at once: their slots are all
// loaded before any is compared, so that the memory accesses overlap.
const chunk = 32

func (p *packed) score(feats []uint64, scores []float32) {
	var at [chunk]uint32
	var first [chunk]uint32
	if p.tri != nil {
		var acc [3]int32
		t := p.tri
		for len(feats) > 0 {
			fs := feats[:min(len(feats), chunk)]
			feats = feats[len(fs):]
			for j, f := range fs {
				h := p.home(fix(f))
				at[j], first[j] = uint32(h), t[h].key()
			}
			for j, f := range fs {
				key, i, k := fix(f), at[j], first[j]
				for k-1 < key-1 {
					i++
					k = t[i].key()
				}
				if k == key {
					w := &t[i].w
					acc[0] += int32(w[0])
					acc[1] += int32(w[1])
					acc[2] += int32(w[2])
				}
			}
		}
		for c := range min(p.classes, 3) {
			scores[c] += float32(acc[c]) * p.scale
		}
		return
	}
	t, sc := p.wide, p.scale
	scores = scores[:p.classes]
	for len(feats) > 0 {
		fs := feats[:min(len(feats), chunk)]
		feats = feats[len(fs):]
		for j, f := range fs {
			h := p.home(fix(f))
			at[j], first[j] = uint32(h), t[h].key
		}
		for j, f := range fs {
			key, i, k := fix(f), at[j], first[j]
			for k-1 < key-1 {
				i++
				k = t[i].key
			}
			if k != key {
				continue
			}
			s := &t[i]
			if s.e[0]&longRow == longRow {
				for _, e := range p.over[s.e[1] : s.e[1]+s.e[0]&0xffff] {
					scores[e>>16] += float32(int16(e)) * sc
				}
				continue
			}
			for _, e := range s.e {
				scores[e>>16] += float32(int16(e)) * sc
			}
		}
	}
}

// Read reads a model written by [Model.Write] and packs it for scoring;
// the result cannot learn further nor be written. When r can seek, as a
// file can, the stream is decompressed into one buffer of the size its
// gzip trailer gives.
func Read(r io.Reader) (*Model, error) {
	raw, err := gzfile.ReadAll(r, maxModel)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	p, err := decode(raw)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	return &Model{Classes: p.classes, n: p.n, p: p}, nil
}

// maxModel bounds the decompressed size of a model file.
const maxModel = 1 << 29

// cursor decodes varints from b, from index i on; bad is set at the first
// malformed or missing one.
type cursor struct {
	b   []byte
	i   int
	bad bool
}

func (c *cursor) uv() uint64 {
	if i := c.i; i < len(c.b) {
		if x := c.b[i]; x < 0x80 {
			c.i = i + 1
			return uint64(x)
		}
	}
	return c.uvLong()
}

// uvLong is uv of a varint of more than one byte.
func (c *cursor) uvLong() uint64 {
	if c.i+1 < len(c.b) && c.b[c.i+1] < 0x80 {
		c.i += 2
		return uint64(c.b[c.i-2]&0x7f) | uint64(c.b[c.i-1])<<7
	}
	if c.i > len(c.b) {
		c.bad = true
		return 0
	}
	x, n := binary.Uvarint(c.b[c.i:])
	if n <= 0 {
		c.bad = true
		c.i = len(c.b)
		return 0
	}
	c.i += n
	return x
}

// rest returns the bytes not read yet.
func (c *cursor) rest() []byte { return c.b[min(c.i, len(c.b)):] }

func (c *cursor) sv() int64 {
	ux := c.uv()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

func decode(raw []byte) (*packed, error) {
	if len(raw) < len(magic)+6 || string(raw[:len(magic)]) != magic {
		return nil, ErrFormat
	}
	c := &cursor{b: raw[len(magic):]}
	classes := c.uv()
	n := c.uv()
	if c.bad || classes == 0 || classes > 1<<12 || n*classes > 1<<26 || len(c.rest()) < 4 || n > uint64(len(c.rest())) {
		return nil, fmt.Errorf("bad header: %w", ErrFormat)
	}
	p := &packed{classes: int(classes), n: int(n)}
	p.scale = math.Float32frombits(binary.LittleEndian.Uint32(c.rest()))
	c.i += 4
	p.homes = uint64(float64(n)/loadFactor) + 1
	// slots past the last home hold the end of the last run and at least
	// one empty slot, where every scan stops
	slots := int(p.homes) + 16
	if classes <= 3 {
		p.tri = make([]triSlot, slots)
	} else {
		p.wide = make([]wideSlot, slots)
	}
	var k uint32
	var row [3]uint32 // weights of a tri row, entries of a short wide one
	next := 0         // the first slot a key may take
	for i := range int(n) {
		d := c.uv()
		if uint64(k)+d > math.MaxUint32 {
			return nil, fmt.Errorf("bad key: %w", ErrFormat)
		}
		k += uint32(d)
		nz := c.uv()
		if c.bad || k == 0 || (i > 0 && d == 0) || nz > classes {
			return nil, fmt.Errorf("bad row %d: %w", i, ErrFormat)
		}
		row = [3]uint32{}
		start := len(p.over)
		cl := -1
		for j := range int(nz) {
			gap := c.uv()
			v := c.sv()
			if c.bad || gap >= classes {
				return nil, fmt.Errorf("bad weight: %w", ErrFormat)
			}
			cl += int(gap) + 1
			if cl >= p.classes {
				return nil, fmt.Errorf("class out of range: %w", ErrFormat)
			}
			if v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("weight %d steps out of range: %w", v, ErrFormat)
			}
			e := uint32(cl)<<16 | uint32(uint16(int16(v)))
			switch {
			case p.tri != nil:
				row[cl] = uint32(int16(v))
			case nz <= 2:
				row[j] = e
			default:
				p.over = append(p.over, e)
			}
		}
		at := max(next, int(p.home(k)))
		next = at + 1
		if next >= slots {
			// the last run overflows: add room
			slots += 1024
			if p.tri != nil {
				p.tri = append(p.tri, make([]triSlot, 1024)...)
			} else {
				p.wide = append(p.wide, make([]wideSlot, 1024)...)
			}
		}
		switch {
		case p.tri != nil:
			p.tri[at] = triSlot{k: [2]uint16{uint16(k), uint16(k >> 16)}, w: [3]int16{int16(row[0]), int16(row[1]), int16(row[2])}}
		case nz <= 2:
			p.wide[at] = wideSlot{key: k, e: [2]uint32{row[0], row[1]}}
		default:
			if len(p.over) >= math.MaxUint32 {
				return nil, fmt.Errorf("too many weights: %w", ErrFormat)
			}
			p.wide[at] = wideSlot{key: k, e: [2]uint32{longRow | uint32(nz), uint32(start)}}
		}
	}
	return p, nil
}

// Prune zeroes the weights of a model read from a file whose magnitude is
// below min, as [Model.Write] would have dropped them: a way to try a
// stronger pruning without training again.
func (m *Model) Prune(min float32) {
	p := m.p
	if p == nil {
		return
	}
	small := func(q int16) bool { w := float32(q) * p.scale; return w < min && w > -min }
	for i := range p.tri {
		for c, q := range p.tri[i].w {
			if small(q) {
				p.tri[i].w[c] = 0
			}
		}
	}
	cut := func(e *uint32) {
		if small(int16(*e)) {
			*e &^= 0xffff
		}
	}
	for i := range p.wide {
		if s := &p.wide[i]; s.e[0]&longRow != longRow {
			for j := range s.e {
				cut(&s.e[j])
			}
		}
	}
	for i := range p.over {
		cut(&p.over[i])
	}
}
