package watch

import (
	"testing"
	"time"
)

func TestRobots(t *testing.T) {
	const txt = `# a comment
User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$

User-agent: Dateline
User-agent: otherbot
Disallow: /nodateline
Allow: /nodateline/but-this
Crawl-delay: 2.5

User-agent: badbot
Disallow: /
`
	for _, tc := range []struct {
		agent, path string
		want        bool
	}{
		{"somebot", "/", true},
		{"somebot", "/private/x", false},
		{"somebot", "/private/open/x", true},
		{"somebot", "/file.pdf", false},
		{"somebot", "/file.pdf?x=1", true},
		{"somebot", "/nodateline", true},
		{"dateline", "/private/x", true}, // its own group replaces "*"
		{"dateline", "/nodateline/x", false},
		{"dateline", "/nodateline/but-this", true},
		{"badbot", "/anything", false},
		{"badbot", "/robots.txt", true},
	} {
		t.Run(tc.agent+tc.path, func(t *testing.T) {
			if got := ParseRobots([]byte(txt), tc.agent).Allowed(tc.path); got != tc.want {
				t.Errorf("Allowed(%q) for %s = %v, want %v", tc.path, tc.agent, got, tc.want)
			}
		})
	}
	if d := ParseRobots([]byte(txt), "dateline").CrawlDelay(); d != 2500*time.Millisecond {
		t.Errorf("crawl delay %v, want 2.5s", d)
	}
	if !AllowAll.Allowed("/x") || DisallowAll.Allowed("/x") {
		t.Error("AllowAll or DisallowAll wrong")
	}
}

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"/a", "/a", true},
		{"/a", "/abc", true},
		{"/a$", "/abc", false},
		{"/a$", "/a", true},
		{"/*/b", "/x/y/b/c", true},
		{"/*c$", "/abc", true},
		{"/*c$", "/abcd", false},
		{"*", "/", true},
		{"/b", "/a", false},
		{"/a**b", "/ab", true},
	} {
		if got := match(tc.pattern, tc.path); got != tc.want {
			t.Errorf("match(%q, %q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}
