// Package watch polls RSS and Atom feeds on a schedule and hands each new
// article on (to a store, or to the queue): conditional requests with the
// feed's ETag and Last-Modified, a least delay between two requests to one
// host, robots.txt (RFC 9309) for feeds and pages, back-off for a feed
// that is down, slow or malformed while the others go on, and a state
// file so that a restart hands on nothing twice.
//
// Parsing feeds and extracting pages are given to a [Watcher] as
// functions (cmd/dateline passes ingest's gofeed and go-trafilatura
// readers), so that the package depends on no reader.
package watch
