// Package data embeds the models and dictionaries that ship inside the
// dateline binary. Each kind lives in its own folder with its own file here
// declaring the embedded file system; sources and licences are in NOTICE.
package data
