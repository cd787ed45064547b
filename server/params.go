package server

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
)

// Paging limits of the list routes.
const (
	defaultLimit = 50
	maxLimit     = 1000
)

// eventParams are the query parameters that select events, named as the
// flags of "dateline query"; every list, aggregate and page of events reads
// the same ones.
var eventParams = []string{"actor", "country", "code", "root", "plover", "mood", "text", "since", "until", "min_confidence"}

// parseEventFilter reads the event filter of q: the eventParams plus, when
// paged, offset and limit (default 50, at most 1000). Unpaged, the filter
// has no limit. A malformed value is an error wrapping errBadRequest.
func parseEventFilter(q url.Values, paged bool) (dateline.EventFilter, error) {
	var f dateline.EventFilter
	for _, o := range []struct {
		name string
		dst  **string
	}{{"actor", &f.Actor}, {"country", &f.Country}, {"code", &f.Code}, {"root", &f.Root},
		{"plover", &f.Plover}, {"mood", &f.Mood}, {"text", &f.Text}} {
		if v := strings.TrimSpace(q.Get(o.name)); v != "" {
			*o.dst = &v
		}
	}
	var err error
	if f.Since, err = parseDay(q, "since"); err != nil {
		return f, err
	}
	if f.Until, err = parseDay(q, "until"); err != nil {
		return f, err
	}
	if v := strings.TrimSpace(q.Get("min_confidence")); v != "" {
		c, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(c) || c < 0 || c > 1 {
			return f, fmt.Errorf("%w: min_confidence %q: want a number from 0 to 1", errBadRequest, v)
		}
		f.MinConfidence = c
	}
	if paged {
		if f.Offset, f.Limit, err = parsePage(q); err != nil {
			return f, err
		}
	}
	return f, nil
}

// parseDocumentFilter reads the document filter of q: q (words in the
// title or text), source, since, until (the document date), offset, limit.
func parseDocumentFilter(q url.Values) (dateline.DocumentFilter, error) {
	var f dateline.DocumentFilter
	if v := strings.TrimSpace(q.Get("q")); v != "" {
		f.Text = &v
	}
	if v := strings.TrimSpace(q.Get("source")); v != "" {
		f.Source = &v
	}
	var err error
	if f.Since, err = parseDay(q, "since"); err != nil {
		return f, err
	}
	if f.Until, err = parseDay(q, "until"); err != nil {
		return f, err
	}
	f.Offset, f.Limit, err = parsePage(q)
	return f, err
}

// parsePage reads offset (default 0) and limit (default 50, 1 to 1000).
func parsePage(q url.Values) (offset, limit int, err error) {
	offset, limit = 0, defaultLimit
	if v := strings.TrimSpace(q.Get("offset")); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, fmt.Errorf("%w: offset %q: want a whole number, 0 or more", errBadRequest, v)
		}
	}
	if v := strings.TrimSpace(q.Get("limit")); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > maxLimit {
			return 0, 0, fmt.Errorf("%w: limit %q: want 1 to %d", errBadRequest, v, maxLimit)
		}
	}
	return offset, limit, nil
}

// parseDay reads the parameter name as a day YYYY-MM-DD; absent is zero.
func parseDay(q url.Values, name string) (time.Time, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %s %q: want YYYY-MM-DD", errBadRequest, name, v)
	}
	return t, nil
}

// parseCount reads the parameter name as a whole number from 1 to most,
// def when absent.
func parseCount(q url.Values, name string, def, most int) (int, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > most {
		return 0, fmt.Errorf("%w: %s %q: want 1 to %d", errBadRequest, name, v, most)
	}
	return n, nil
}

// filterQuery returns the query parameters of f without paging: the
// inverse of parseEventFilter, for links that keep the filters.
func filterQuery(f dateline.EventFilter) url.Values {
	q := url.Values{}
	for _, o := range []struct {
		name string
		v    *string
	}{{"actor", f.Actor}, {"country", f.Country}, {"code", f.Code}, {"root", f.Root},
		{"plover", f.Plover}, {"mood", f.Mood}, {"text", f.Text}} {
		if o.v != nil {
			q.Set(o.name, *o.v)
		}
	}
	if !f.Since.IsZero() {
		q.Set("since", f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		q.Set("until", f.Until.Format(time.DateOnly))
	}
	if f.MinConfidence > 0 {
		q.Set("min_confidence", strconv.FormatFloat(f.MinConfidence, 'g', -1, 64))
	}
	return q
}
