package watch

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzRobots checks that any robots.txt parses without a panic, that
// robots.txt itself is always allowed, and that an Allow rule for a path
// the file does not mention is a no-op.
func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/open\n"), "/private/x")
	f.Add([]byte("user-agent: dateline\ndisallow: /*.pdf$\ncrawl-delay: 5\n"), "/a.pdf")
	f.Add([]byte("Disallow: /\nUser-agent:\n\x00\xff: x\n"), "")
	f.Add([]byte(strings.Repeat("User-agent: *\nDisallow: /***a*b*c*$\n", 50)), strings.Repeat("/abc", 200))
	f.Fuzz(func(t *testing.T, b []byte, path string) {
		r := ParseRobots(b, "dateline")
		r.Allowed(path)
		if !r.Allowed("/robots.txt") {
			t.Fatal("robots.txt disallowed")
		}
		if r.CrawlDelay() < 0 {
			t.Fatal("negative crawl delay")
		}
	})
}

// FuzzParseState checks that any state file either parses into a state
// with every map made, which saves and parses back, or is an error.
func FuzzParseState(f *testing.F) {
	s := NewState()
	s.Feeds["https://e.org/feed"] = &FeedState{ETag: `"x"`, Failures: 2}
	s.Seen["https://e.org/a"] = s.Feeds["https://e.org/feed"].Next
	b, _ := jsonState(s)
	f.Add(b)
	f.Add([]byte(`{"version":1,"feeds":{"a":null},"tries":{"x":-3}}`))
	f.Add([]byte(`{"version":2}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseState(b)
		if err != nil {
			return
		}
		if s.Feeds == nil || s.Seen == nil || s.Hashes == nil || s.Tries == nil {
			t.Fatal("a map is nil")
		}
		for k, v := range s.Feeds {
			if v == nil {
				t.Fatalf("feed %q has no state", k)
			}
		}
		again, err := jsonState(s)
		if err != nil {
			t.Fatal(err)
		}
		s2, err := ParseState(again)
		if err != nil {
			t.Fatalf("re-parse: %v", err)
		}
		if len(s2.Feeds) != len(s.Feeds) || len(s2.Seen) != len(s.Seen) || !bytes.Equal(mustJSON(t, s2), again) {
			t.Fatal("state changed through save and parse")
		}
	})
}

func mustJSON(t *testing.T, s *State) []byte {
	b, err := jsonState(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
