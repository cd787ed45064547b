package server

import (
	"errors"
	"math"
	"net/url"
	"reflect"
	"testing"
	"time"
)

func TestParseEventFilter(t *testing.T) {
	tests := []struct {
		query string
		ok    bool
		check func(t *testing.T, q url.Values)
	}{
		{"", true, nil},
		{"actor=+RUSGOV+&code=04&root=04&plover=CONSULT&mood=planned&text=talks", true, nil},
		{"since=2019-05-01&until=2019-05-31", true, nil},
		{"min_confidence=0.75", true, nil},
		{"offset=100&limit=1000", true, nil},
		{"since=2019-5-1", false, nil},
		{"until=tomorrow", false, nil},
		{"min_confidence=NaN", false, nil},
		{"min_confidence=-0.1", false, nil},
		{"min_confidence=1.5", false, nil},
		{"limit=0", false, nil},
		{"limit=1001", false, nil},
		{"offset=-3", false, nil},
		{"offset=1e3", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parseEventFilter(q, true)
			if (err == nil) != tt.ok {
				t.Fatalf("parseEventFilter(%q) error %v, want ok=%v", tt.query, err, tt.ok)
			}
			if err != nil && !errors.Is(err, errBadRequest) {
				t.Errorf("error %v does not wrap errBadRequest", err)
			}
			if err == nil && f.Limit == 0 {
				t.Error("a paged filter has no limit")
			}
		})
	}
	f, err := parseEventFilter(url.Values{"actor": {"RUS"}, "since": {"2019-05-01"}, "min_confidence": {"0.5"}}, false)
	if err != nil || *f.Actor != "RUS" || !f.Since.Equal(time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)) || f.MinConfidence != 0.5 || f.Limit != 0 {
		t.Errorf("unpaged filter %+v, %v", f, err)
	}
}

// FuzzParseEventFilter checks that any query string either is refused as a
// bad request or gives a filter within bounds that filterQuery writes back
// to the same filter.
func FuzzParseEventFilter(f *testing.F) {
	for _, s := range []string{"", "actor=RUS&since=2019-05-01&until=2019-06-01&min_confidence=0.5&limit=10&offset=20",
		"text=%3Cscript%3E&mood=planned", "min_confidence=1e-300", "limit=+5", "since=2019-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw)
		ef, err := parseEventFilter(q, true)
		if err != nil {
			if !errors.Is(err, errBadRequest) {
				t.Fatalf("error %v does not wrap errBadRequest", err)
			}
			return
		}
		if ef.Offset < 0 || ef.Limit < 1 || ef.Limit > maxLimit || math.IsNaN(ef.MinConfidence) || ef.MinConfidence < 0 || ef.MinConfidence > 1 {
			t.Fatalf("filter out of bounds: %+v", ef)
		}
		back, err := parseEventFilter(filterQuery(ef), false)
		if err != nil {
			t.Fatalf("filterQuery(%+v) does not parse: %v", ef, err)
		}
		back.Offset, back.Limit = ef.Offset, ef.Limit
		if !reflect.DeepEqual(back, ef) {
			t.Fatalf("round trip: %+v became %+v", ef, back)
		}
		if _, err := parseDocumentFilter(q); err != nil && !errors.Is(err, errBadRequest) {
			t.Fatalf("document filter error %v does not wrap errBadRequest", err)
		}
	})
}
