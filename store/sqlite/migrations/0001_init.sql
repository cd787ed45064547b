-- 0001: documents and their layers. Every layer row keeps its document (doc)
-- and its byte span into documents.text (start_byte, end_byte).
CREATE TABLE documents (
	id               INTEGER PRIMARY KEY,
	doc_id           TEXT NOT NULL,
	content_hash     TEXT NOT NULL,
	ref              TEXT NOT NULL DEFAULT '',
	url              TEXT NOT NULL DEFAULT '',
	source           TEXT NOT NULL DEFAULT '',
	title            TEXT NOT NULL DEFAULT '',
	date             TEXT NOT NULL DEFAULT '',
	date_basis       TEXT NOT NULL DEFAULT '',
	published        TEXT NOT NULL DEFAULT '',
	dateline_place   TEXT NOT NULL DEFAULT '',
	dateline_country TEXT NOT NULL DEFAULT '',
	text             TEXT NOT NULL,
	layers           TEXT NOT NULL,
	added            TEXT NOT NULL,
	UNIQUE (content_hash, ref)
);
CREATE INDEX documents_doc_id ON documents (doc_id);
CREATE INDEX documents_date ON documents (date);
CREATE TABLE entities (
	doc       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	entity_id TEXT NOT NULL,
	name      TEXT NOT NULL,
	type      TEXT NOT NULL,
	actor     TEXT NOT NULL DEFAULT '',
	role      TEXT NOT NULL DEFAULT '',
	country   TEXT NOT NULL DEFAULT '',
	geo       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
);
CREATE INDEX entities_actor ON entities (actor);
CREATE TABLE entity_mentions (
	doc        INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	entity_idx INTEGER NOT NULL,
	idx        INTEGER NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	PRIMARY KEY (doc, entity_idx, idx)
);
CREATE TABLE timexes (
	doc        INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	value      TEXT NOT NULL,
	anchor     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
);
CREATE TABLE quotes (
	doc          INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx          INTEGER NOT NULL,
	start_byte   INTEGER NOT NULL,
	end_byte     INTEGER NOT NULL,
	text         TEXT NOT NULL,
	kind         TEXT NOT NULL,
	cue          TEXT NOT NULL DEFAULT '',
	speaker      TEXT NOT NULL DEFAULT '',
	speaker_name TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
);
CREATE TABLE events (
	doc            INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx            INTEGER NOT NULL,
	event_id       TEXT NOT NULL,
	code           TEXT NOT NULL,
	root           TEXT NOT NULL,
	plover_type    TEXT NOT NULL DEFAULT '',
	plover_mode    TEXT NOT NULL DEFAULT '',
	goldstein      REAL NOT NULL DEFAULT 0,
	quad           INTEGER NOT NULL DEFAULT 0,
	source_actor   TEXT NOT NULL DEFAULT '',
	source_entity  TEXT NOT NULL DEFAULT '',
	source_name    TEXT NOT NULL DEFAULT '',
	source_members TEXT NOT NULL DEFAULT '',
	has_target     INTEGER NOT NULL DEFAULT 0,
	target_actor   TEXT NOT NULL DEFAULT '',
	target_entity  TEXT NOT NULL DEFAULT '',
	target_name    TEXT NOT NULL DEFAULT '',
	target_members TEXT NOT NULL DEFAULT '',
	date_value     TEXT NOT NULL DEFAULT '',
	date_precision TEXT NOT NULL DEFAULT '',
	date_basis     TEXT NOT NULL DEFAULT '',
	date_day       TEXT NOT NULL DEFAULT '',
	place          TEXT NOT NULL DEFAULT '',
	mood           TEXT NOT NULL DEFAULT '',
	negated        INTEGER NOT NULL DEFAULT 0,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	trigger_start  INTEGER NOT NULL,
	trigger_end    INTEGER NOT NULL,
	sentence_text  TEXT NOT NULL DEFAULT '',
	pattern        TEXT NOT NULL DEFAULT '',
	confidence     REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX events_source_actor ON events (source_actor);
CREATE INDEX events_target_actor ON events (target_actor);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_root ON events (root);
CREATE INDEX events_date_day ON events (date_day);
