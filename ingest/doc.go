// Package ingest reads articles from files and folders: plain text, JSON
// Lines, HTML pages (go-trafilatura), RSS and Atom feeds (gofeed, optionally
// fetching the linked pages) and WARC archives (gowarc). Each reader turns
// untrusted bytes into [dateline.Article] values and reports bad records with
// their location instead of stopping.
package ingest
