//! Search on PostgreSQL: each gig's terms (terms.rs, the same the FTS5 index holds) in a
//! weighted tsvector in gig_search, written by the gig code in the gig's transaction, matched
//! by the query's tsquery and ranked by ts_rank with the weights bm25 gives SQLite's columns.

use std::collections::HashSet;

use rusqlite::params;
use serde::Serialize;

use super::{IndexEntry, SearchQuery, Sort};
use crate::db::Db;
use crate::error::Result;
use crate::money::Money;

/// A gig's columns as the index stores them (terms separated by spaces), for json_to_recordset.
#[derive(Serialize)]
struct Document<'a> {
    gig_id: i64,
    title: &'a str,
    tags: &'a str,
    description: &'a str,
}

/// The documents of many gigs in one statement (one gig, or an import's batch): a JSON array
/// of [`Document`]s, the only parameter, so the text stays fixed whatever their number.
/// to_tsvector('simple', ...) only splits the terms on their spaces (they are letters and
/// digits) and keeps them as they are; the weights mark the column: title A, tags B,
/// description C. A gig indexed again has its document replaced.
const DOCUMENTS_SQL: &str = "
    INSERT INTO gig_search (gig_id, document)
    SELECT doc.gig_id,
           setweight(to_tsvector('simple', doc.title), 'A')
           || setweight(to_tsvector('simple', doc.tags), 'B')
           || setweight(to_tsvector('simple', doc.description), 'C')
    FROM json_to_recordset(CAST(CAST(?1 AS TEXT) AS json)) AS doc (gig_id BIGINT, title TEXT, tags TEXT, description TEXT)
    ON CONFLICT (gig_id) DO UPDATE SET document = excluded.document";

/// Terms added to the vocabulary: a JSON array of strings.
const VOCABULARY_SQL: &str = "
    INSERT INTO search_terms (term)
    SELECT term FROM json_array_elements_text(CAST(CAST(?1 AS TEXT) AS json)) AS terms (term)
    ON CONFLICT DO NOTHING";

/// Indexes `gigs` (each with its [`IndexEntry`]) and adds their words to the vocabulary, as
/// SQLite's triggers do for each row written to gigs.
pub(super) fn index(db: &Db, gigs: &[(i64, &IndexEntry)]) -> Result<()> {
    if gigs.is_empty() {
        return Ok(());
    }
    let documents: Vec<Document> = gigs
        .iter()
        .map(|(gig_id, entry)| Document {
            gig_id: *gig_id,
            title: &entry.title,
            tags: &entry.tags,
            description: &entry.description,
        })
        .collect();
    db.execute(DOCUMENTS_SQL, params![serde_json::to_string(&documents)?])?;
    let mut vocabulary: Vec<&str> = gigs.iter().flat_map(|(_, entry)| entry.vocabulary()).collect();
    // in order, each once: the primary key's index is then written from left to right
    vocabulary.sort_unstable();
    vocabulary.dedup();
    db.execute(VOCABULARY_SQL, params![serde_json::to_string(&vocabulary)?])?;
    Ok(())
}

/// Visible gigs matching tsquery ?1, ordered by price (?5 = 'price'), newest first ('newest') or
/// by relevance, then by relevance and id. ts_rank's weights are {D, C, B, A}: title 1.0, tags
/// 0.5, description 0.1, as bm25's 10, 5 and 1 on SQLite; normalisation 1 divides by the log
/// of the document's length, as bm25 favours the shorter of two gigs saying the same.
const MATCHING_SQL: &str = concat!(
    "SELECT g.id, ts_rank('{0, 0.1, 0.5, 1.0}', s.document, q.query, 1) AS relevance
     FROM to_tsquery('simple', ?1) AS q (query)
     CROSS JOIN gig_search s
     JOIN gigs g ON g.id = s.gig_id JOIN users u ON u.id = g.seller_id
     WHERE s.document @@ q.query AND ",
    visible_gig!(),
    " ORDER BY CASE CAST(?5 AS TEXT) WHEN 'price' THEN g.price_cents END,
              CASE CAST(?5 AS TEXT) WHEN 'newest' THEN g.created_at END DESC,
              relevance DESC, g.id
     LIMIT ?6"
);

/// Up to `limit` visible gigs matching `tsquery` in the query's order, leaving out `seen`,
/// each with minus its ts_rank (lower is better, as bm25's scores on SQLite).
pub(super) fn matching(
    db: &Db,
    tsquery: &str,
    query: &SearchQuery,
    limit: usize,
    seen: &HashSet<i64>,
) -> Result<Vec<(i64, f64)>> {
    let sort = match query.sort {
        Sort::Relevance => "relevance",
        Sort::Price => "price",
        Sort::Newest => "newest",
    };
    let (min_price, max_price) = (query.min_price.map(Money::cents), query.max_price.map(Money::cents));
    // the gigs found at looser levels include those of the closer ones, already `seen`
    let wanted = i64::try_from(limit + seen.len()).unwrap_or(i64::MAX);
    let rows: Vec<(i64, f64)> =
        db.query_map(MATCHING_SQL, params![tsquery, query.category, min_price, max_price, sort, wanted], |r| {
            Ok((r.get(0)?, -r.get::<f64>(1)?))
        })?;
    Ok(rows.into_iter().filter(|(id, _)| !seen.contains(id)).take(limit).collect())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use rusqlite::params;
    use serde::Deserialize;

    use super::super::{search, SearchQuery, Sort};
    use crate::clock::Timestamp;
    use crate::db::Db;
    use crate::gigs::{self, GigInput};
    use crate::money::Money;
    use crate::status::GigStatus;
    use crate::store::Store;
    use crate::users;

    const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search_corpus");
    const SYNONYMS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/synonyms.yaml");

    #[derive(Deserialize)]
    struct Synonyms {
        synonyms: Vec<Vec<String>>,
    }

    /// layla and the corpus's catalogue, written through the gig code as `gig create` writes
    /// a gig, and the example synonym list.
    fn load(store: &mut Store) {
        let now = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
        store
            .write(|db| {
                db.execute("INSERT INTO users (username, created_at) VALUES ('layla', ?1)", params![now])?;
                let seller = users::get(db, "layla")?;
                let mut reader = csv::Reader::from_path(format!("{CORPUS}/catalogue.csv")).unwrap();
                for record in reader.records() {
                    let r = record.unwrap();
                    let input = GigInput {
                        sku: Some(r[0].to_string()),
                        title: r[1].to_string(),
                        description: r[2].to_string(),
                        category: r[3].to_string(),
                        price: Money::parse(&r[4])?,
                        delivery_days: r[5].parse().unwrap(),
                        tags: gigs::parse_tags(&r[6]),
                        extras: Vec::new(),
                    };
                    gigs::insert(db, &seller, &input, GigStatus::Active, now)?;
                }
                let file: Synonyms = serde_norway::from_str(&std::fs::read_to_string(SYNONYMS).unwrap()).unwrap();
                for (group, phrases) in file.synonyms.iter().enumerate() {
                    for (position, phrase) in phrases.iter().enumerate() {
                        db.execute(
                            "INSERT INTO search_synonyms (group_no, position, phrase) VALUES (?1, ?2, ?3)",
                            params![group as i64 + 1, position as i64, phrase],
                        )?;
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    /// The queries of tests/search_corpus (what buyers type, and the plain queries whose first
    /// results must stay on topic) and the spellings tests/search.rs tries.
    fn queries() -> Vec<String> {
        let column = |file: &str, index: usize| -> Vec<String> {
            std::fs::read_to_string(format!("{CORPUS}/{file}"))
                .unwrap()
                .lines()
                .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
                .map(|line| line.split('\t').nth(index).unwrap().to_string())
                .collect()
        };
        let mut all = column("queries.tsv", 1);
        all.extend(column("precision.tsv", 0));
        let spellings = "انجليزية الانجليزيه إنجليزية الإنجليزيّة بالإنجليزية والانجليزية للإنجليزية الإنـجـليزية \
                         مكتبه المكتبة بالمكتبه مَكْتَبَة مستشفي المستشفى اسئله الأسئلة مترجم مُتَرجِم محترف \
                         تصميم التصميم تـصـمـيـم وتصميم 500 ٥٠٠ wordpress WORDPRESS speed cache SEO faster \
                         library ووردبريس ززققطط xyzzyplugh";
        all.extend(spellings.split(' ').filter(|q| !q.is_empty()).map(str::to_string));
        all.push("ترجمة xyzzyplugh".into());
        all
    }

    fn found(db: &Db, query: &SearchQuery) -> Vec<i64> {
        search(db, query).unwrap().iter().map(|hit| hit.gig.id).collect()
    }

    /// Every query finds the same gigs on both engines, under every sort and filter; the order
    /// within a level of looseness may differ (bm25 and ts_rank score differently), which the
    /// test counts and prints rather than fails on.
    #[test]
    fn postgres_finds_what_sqlite_finds() {
        let mut stores = crate::test_engines::fresh_stores("postgres_finds_what_sqlite_finds");
        let [sqlite, pg] = &mut stores[..] else { return };
        let (sqlite, pg) = (&mut sqlite.store, &mut pg.store);
        load(sqlite);
        load(pg);
        let (mut compared, mut reordered) = (0, Vec::new());
        for text in queries() {
            for (sort, category, min_price) in [
                (Sort::Relevance, None, None),
                (Sort::Price, None, None),
                (Sort::Newest, None, None),
                (Sort::Relevance, Some("translation"), None),
                (Sort::Relevance, None, Some(Money::from_cents(1500))),
            ] {
                let query = SearchQuery {
                    text: text.clone(),
                    category: category.map(str::to_string),
                    min_price,
                    max_price: None,
                    sort,
                    limit: 100,
                };
                let (on_sqlite, on_pg) = (found(sqlite.db(), &query), found(pg.db(), &query));
                let as_set = |ids: &[i64]| ids.iter().copied().collect::<BTreeSet<_>>();
                assert_eq!(as_set(&on_sqlite), as_set(&on_pg), "{text:?} {sort:?} {category:?} {min_price:?}");
                // a limit keeps the closest matches on both
                let first = SearchQuery { limit: 3, ..query.clone() };
                assert_eq!(found(pg.db(), &first).len(), on_sqlite.len().min(3));
                compared += 1;
                if on_sqlite != on_pg {
                    reordered.push(format!("{text:?} {sort:?}: sqlite {on_sqlite:?} postgres {on_pg:?}"));
                }
            }
        }
        println!("{compared} searches, {} in another order, for example:", reordered.len());
        reordered.iter().take(10).for_each(|line| println!("{line}"));
    }
}
