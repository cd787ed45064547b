package watch

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309): the rules of the groups that
// apply to one user agent.
type Robots struct {
	rules []rule
	delay time.Duration // Crawl-delay of the matching group (not in RFC 9309; widely used)
}

type rule struct {
	allow   bool
	pattern string // path pattern: '*' matches any run of bytes, a final '$' anchors
}

// maxRobots is how much of a robots.txt is read, as RFC 9309 asks.
const maxRobots = 500 << 10

// ParseRobots reads robots.txt content for the user agent whose product
// token is agent (such as "dateline"): the groups naming it, or else the
// groups for "*". Lines it does not understand are ignored, as the RFC
// says.
func ParseRobots(b []byte, agent string) *Robots {
	if len(b) > maxRobots {
		b = b[:maxRobots]
	}
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []rule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false // the previous line was a user-agent line
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, maxRobots+1)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		field, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		field = strings.ToLower(strings.TrimSpace(field))
		value = strings.TrimSpace(value)
		switch field {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			inAgents = true
			continue
		case "allow", "disallow":
			if cur != nil && value != "" {
				cur.rules = append(cur.rules, rule{allow: field == "allow", pattern: value})
			}
		case "crawl-delay":
			if cur != nil {
				if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 && s < 86400 {
					cur.delay = time.Duration(s * float64(time.Second))
				}
			}
		}
		inAgents = false
	}
	r := &Robots{}
	pick := func(match func(string) bool) bool {
		found := false
		for _, g := range groups {
			for _, a := range g.agents {
				if match(a) {
					r.rules = append(r.rules, g.rules...)
					r.delay = max(r.delay, g.delay)
					found = true
					break
				}
			}
		}
		return found
	}
	if agent == "" || !pick(func(a string) bool { return a == agent }) {
		pick(func(a string) bool { return a == "*" })
	}
	return r
}

// AllowAll is the Robots of a site without robots.txt.
var AllowAll = &Robots{}

// DisallowAll is the Robots of a site whose robots.txt could not be read
// because of a server error: RFC 9309 says to assume everything is
// disallowed.
var DisallowAll = &Robots{rules: []rule{{allow: false, pattern: "/"}}}

// CrawlDelay returns the delay the site asks for between requests, or 0.
func (r *Robots) CrawlDelay() time.Duration { return r.delay }

// Allowed reports whether path (the URL's path and query, starting with
// "/") may be fetched: the longest matching rule decides, Allow winning a
// tie; no matching rule allows. "/robots.txt" itself is always allowed.
func (r *Robots) Allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, ru := range r.rules {
		if !match(ru.pattern, path) {
			continue
		}
		if n := len(ru.pattern); n > best || (n == best && ru.allow) {
			best, allow = n, ru.allow
		}
	}
	return allow
}

// match reports whether pattern matches the start of path ('*' any run of
// bytes; a final '$' requires the match to reach the end of path). It is
// the greedy wildcard matcher, linear in practice and O(len·len) at worst.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	if !anchored {
		pattern += "*"
	}
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case star >= 0:
			p = star + 1
			mark++
			s = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
