-- ---------------------------------------------------------------------------------------
-- Search words (src/search). gigs_fts now holds each word's forms as souq_search_text()
-- gives them: the word (article off), its light stems, and for Arabic its roots marked
-- with a leading tatweel (ـ), so search can match plurals, clitics, broken plurals and
-- derived forms and still rank the word itself first.
-- search_terms: the vocabulary, every word and stem ever indexed, where a buyer's typo,
-- a loan word's other spelling (انستقرام / انستغرام) and words written apart or together
-- are looked up. It only grows: a term no gig has any more simply matches nothing.
-- search_synonyms: the operator's groups of words that mean the same (gig synonyms import),
-- applied when a query is built.
CREATE TABLE search_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE TABLE search_synonyms (
    group_no INTEGER NOT NULL,
    position INTEGER NOT NULL,
    phrase   TEXT NOT NULL,
    PRIMARY KEY (group_no, position)
) STRICT;
DROP TRIGGER gigs_fts_insert;
DROP TRIGGER gigs_fts_update;
CREATE TRIGGER gigs_fts_insert AFTER INSERT ON gigs
BEGIN
    INSERT INTO gigs_fts (rowid, title, description, tags)
    VALUES (new.id, souq_search_text(new.title), souq_search_text(new.description), souq_search_text(new.tags));
    INSERT OR IGNORE INTO search_terms (term)
    SELECT value FROM json_each(souq_search_terms(new.title, new.description, new.tags));
END;
CREATE TRIGGER gigs_fts_update AFTER UPDATE OF title, description, tags ON gigs
BEGIN
    DELETE FROM gigs_fts WHERE rowid = old.id;
    INSERT INTO gigs_fts (rowid, title, description, tags)
    VALUES (new.id, souq_search_text(new.title), souq_search_text(new.description), souq_search_text(new.tags));
    INSERT OR IGNORE INTO search_terms (term)
    SELECT value FROM json_each(souq_search_terms(new.title, new.description, new.tags));
END;
-- the gigs already indexed, again with their new forms
INSERT INTO gigs_fts (gigs_fts) VALUES ('delete-all');
INSERT INTO gigs_fts (rowid, title, description, tags)
SELECT id, souq_search_text(title), souq_search_text(description), souq_search_text(tags) FROM gigs ORDER BY id;
INSERT OR IGNORE INTO search_terms (term)
SELECT terms.value FROM gigs g, json_each(souq_search_terms(g.title, g.description, g.tags)) terms;
