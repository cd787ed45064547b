package watch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// StateVersion is the version of the state file's format.
const StateVersion = 1

// State is what a watcher remembers between runs: per feed, its
// validators and failures; per article, that it was handled. It is kept
// as JSON in a small file beside the database.
type State struct {
	Version int                   `json:"version"`
	Feeds   map[string]*FeedState `json:"feeds"`
	// Seen holds the entries handled (by link, or "guid:" and the GUID),
	// with when a feed last listed them.
	Seen map[string]time.Time `json:"seen"`
	// Hashes holds the content hashes of the articles handed on, with
	// when; the same text at another link is not handed on again.
	Hashes map[string]time.Time `json:"hashes"`
	// Tries counts failed page fetches of entries not yet handled.
	Tries map[string]int `json:"tries,omitempty"`
}

// FeedState is what a watcher remembers of one feed.
type FeedState struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPoll     time.Time `json:"last_poll,omitzero"`
	LastOK       time.Time `json:"last_ok,omitzero"`
	Failures     int       `json:"failures,omitempty"` // consecutive
	LastError    string    `json:"last_error,omitempty"`
	Next         time.Time `json:"next,omitzero"` // when to poll again
}

// NewState returns an empty state.
func NewState() *State {
	return &State{Version: StateVersion, Feeds: map[string]*FeedState{}, Seen: map[string]time.Time{},
		Hashes: map[string]time.Time{}, Tries: map[string]int{}}
}

// ParseState reads a state file's content. A file of another version, or
// one that is not a JSON object, is an error; missing maps are made.
func ParseState(b []byte) (*State, error) {
	s := NewState()
	var raw State
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("parse watch state: %w", err)
	}
	if raw.Version != StateVersion {
		return nil, fmt.Errorf("parse watch state: version %d, want %d", raw.Version, StateVersion)
	}
	for k, v := range raw.Feeds {
		if v != nil {
			s.Feeds[k] = v
		}
	}
	for k, v := range raw.Seen {
		s.Seen[k] = v
	}
	for k, v := range raw.Hashes {
		s.Hashes[k] = v
	}
	for k, v := range raw.Tries {
		if v > 0 {
			s.Tries[k] = v
		}
	}
	return s, nil
}

// LoadState reads the state file at path; a missing file is an empty
// state.
func LoadState(path string) (*State, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewState(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("load watch state: %w", err)
	}
	s, err := ParseState(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Save writes s to path atomically: a temporary file beside it, synced,
// then renamed over it, so a killed process leaves the old state or the
// new one.
func (s *State) Save(path string) error {
	b, err := jsonState(s)
	if err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("save watch state: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("save watch state: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("save watch state: %w", err)
	}
	return nil
}

func jsonState(s *State) ([]byte, error) { return json.MarshalIndent(s, "", " ") }

// Prune forgets the entries no feed has listed, and the hashes not handed
// on, since before cutoff.
func (s *State) Prune(cutoff time.Time) {
	for k, t := range s.Seen {
		if t.Before(cutoff) {
			delete(s.Seen, k)
			delete(s.Tries, k)
		}
	}
	for k, t := range s.Hashes {
		if t.Before(cutoff) {
			delete(s.Hashes, k)
		}
	}
}
