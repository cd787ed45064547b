package queue

import (
	"errors"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
)

func TestEncodeDecode(t *testing.T) {
	a := dateline.Article{ID: "r1", Text: "MOSCOW, May 5 - Lavrov met Arreaza.", Title: "Talks", URL: "https://example.org/a",
		Source: "feed", Author: "TASS", Date: time.Date(2019, 5, 5, 0, 0, 0, 0, time.UTC),
		Problems: []dateline.Problem{{Stage: "ingest", Message: "repaired"}}}
	b, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key() != a.Key() || got.Title != a.Title || !got.Date.Equal(a.Date) || got.Author != a.Author ||
		got.Source != a.Source || len(got.Problems) != 1 {
		t.Errorf("round trip: %+v, want %+v", got, a)
	}
	for _, tc := range []struct{ name, body string }{
		{"not json", "hello"},
		{"truncated", `{"schema":"dateline-article/1","text":"abc`},
		{"array", `[1,2]`},
		{"no schema", `{"text":"some words"}`},
		{"other schema", `{"schema":"dateline-article/9","text":"some words"}`},
		{"no text", `{"schema":"dateline-article/1","id":"x"}`},
		{"blank text", `{"schema":"dateline-article/1","text":" \n "}`},
		{"NUL", `{"schema":"dateline-article/1","text":"a\u0000b"}`},
		{"wrong type", `{"schema":"dateline-article/1","text":7}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Decode([]byte(tc.body)); !errors.Is(err, ErrMalformed) {
				t.Errorf("Decode(%q) = %v, want ErrMalformed", tc.body, err)
			}
		})
	}
}

func TestMsgID(t *testing.T) {
	k1 := dateline.Article{Text: "same text", ID: "1"}.Key()
	k2 := dateline.Article{Text: "same text", ID: "2"}.Key()
	if MsgID(k1) != MsgID(k1) || MsgID(k1) == MsgID(k2) || len(MsgID(k1)) != 32 {
		t.Errorf("MsgID: %s %s", MsgID(k1), MsgID(k2))
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"nats://127.0.0.1:4222":        "nats://127.0.0.1:4222",
		"nats://user:secret@host:4222": "nats://***@host:4222",
		"nats://tok@host:4222/x@y":     "nats://***@host:4222/x@y",
		"host:4222":                    "host:4222",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
