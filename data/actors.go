package data

import "embed"

// Actors holds the actor dictionary under actors/: countries, organisations,
// sectors, people with dated offices and GeoNames places (format in
// docs/dictionaries.md; built by "dateline train dict").
//
//go:embed actors
var Actors embed.FS
