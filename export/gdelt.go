package export

import (
	"strconv"

	"github.com/dateline-news/dateline"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
// GDELT files carry no header; this names them.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// actorCols fills GDELT's ten actor columns from a participant: the code,
// the name, the country (first three letters) and up to three type codes
// (the three-letter sector codes that follow). Known group, ethnic and
// religion codes are not coded by Dateline and stay empty.
func actorCols(p *dateline.Participant) []string {
	c := make([]string, 10)
	if p == nil {
		return c
	}
	c[0], c[1] = p.Actor, p.Name
	country, rest := splitActor(p.Actor)
	c[2] = country
	for i := 0; i < 3 && len(rest) >= 3; i++ {
		c[7+i], rest = rest[:3], rest[3:]
	}
	return c
}

// gdeltRow returns one event as GDELT's 61 columns: ours where Dateline
// defines the value, empty where it does not (tone, ethnic and religion
// codes, actor locations). Country codes are ISO alpha-3 like the actor
// codes (GDELT's geography columns use FIPS 10-4).
func gdeltRow(r dateline.EventRecord) []string {
	e := r.Event
	row := make([]string, 0, 61)
	row = append(row, strconv.FormatInt(EventKey(r.DocID, e.ID), 10))
	if t, ok := eventTime(r); ok {
		frac := float64(t.Year()) + float64(t.YearDay()-1)/365
		row = append(row, t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64))
	} else {
		row = append(row, "", "", "", "")
	}
	src := e.Source
	row = append(row, actorCols(&src)...)
	row = append(row, actorCols(e.Target)...)
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	row = append(row, "", e.Code, base, e.Root, strconv.Itoa(e.Quad), ftoa(e.Goldstein), "1", "1", "1", "")
	row = append(row, make([]string, 16)...) // actor locations: not coded
	geo := make([]string, 8)
	if p := e.Place; p != nil {
		geo[1] = p.Name
		if g := p.Geo; g != nil {
			geo[0] = "4" // a place with coordinates: GDELT's "world city"
			geo[2], geo[3] = g.Country, g.Admin1
			geo[5], geo[6] = ftoa(g.Lat), ftoa(g.Lon)
			geo[7] = strconv.Itoa(g.GeonameID)
		}
	}
	row = append(row, geo...)
	var added string
	if !r.Added.IsZero() {
		added = r.Added.UTC().Format("20060102150405")
	}
	url := r.DocURL
	if url == "" {
		url = r.DocID
	}
	return append(row, added, url)
}

// PhoenixColumns are the 26 columns of the Phoenix event data set, in order.
var PhoenixColumns = []string{
	"EventID", "Date", "Year", "Month", "Day",
	"SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
	"TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
	"EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
	"Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
}

func phoenixRow(r dateline.EventRecord) []string {
	e := r.Event
	row := make([]string, 0, 26)
	row = append(row, r.DocID+"/"+e.ID)
	if t, ok := eventTime(r); ok {
		row = append(row, t.Format("20060102"), t.Format("2006"), t.Format("01"), t.Format("02"))
	} else {
		row = append(row, "", "", "", "")
	}
	actor := func(p *dateline.Participant) []string {
		if p == nil {
			return []string{"", "", "", ""}
		}
		country, rest := splitActor(p.Actor)
		role := rest
		if len(role) > 3 {
			role = role[:3]
		}
		return []string{p.Actor, country, role, ""}
	}
	src := e.Source
	row = append(row, actor(&src)...)
	row = append(row, actor(e.Target)...)
	row = append(row, e.Code, e.Root, strconv.Itoa(e.Quad), ftoa(e.Goldstein), "")
	loc := make([]string, 5)
	if p := e.Place; p != nil {
		loc[2] = p.Name
		if g := p.Geo; g != nil {
			loc[0], loc[1], loc[3], loc[4] = ftoa(g.Lat), ftoa(g.Lon), g.Admin1, g.Country
		}
	}
	row = append(row, loc...)
	return append(row, r.DocID+"/"+strconv.Itoa(e.Sentence.Start), r.DocURL, r.Source)
}
