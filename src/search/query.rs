//! From what a buyer typed to search expressions (FTS5 MATCH text on SQLite, a tsquery on
//! PostgreSQL), one per level of looseness: the words
//! and their stems (written apart or together), then the operator's synonyms, then roots and
//! loan-word spellings, then the last word as a prefix, then typos. Search runs them in that
//! order, so a looser match never ranks above a closer one.

use std::collections::{HashMap, HashSet};

use rusqlite::params;

use super::arabic;
use super::synonyms;
use super::terms::{loose_term, words, Forms};
use crate::db::Db;
use crate::error::{Error, Result};

/// How loosely query words match, each level including the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The word or one of its light stems.
    Stem,
    /// Also the words and phrases of the operator's synonym groups the query's words are in.
    Synonym,
    /// Also its root, and other spellings of a loan word (انستقرام, انستغرام).
    Root,
    /// Also, for the last word, any longer word it begins (what is typed so far).
    Prefix,
    /// Also words one letter away (two for words of 9 letters or more), for words of 5 or more.
    Typo,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::Stem, Level::Synonym, Level::Root, Level::Prefix, Level::Typo];
}

/// A typo is looked for in words of at least this many letters.
const TYPO_MIN_LETTERS: usize = 5;
/// ...and two typos in words of at least this many.
const TWO_TYPOS_MIN_LETTERS: usize = 9;
/// A prefix is looked for when the last word has at least this many letters, or (after other
/// words, which narrow what it can match) the second number.
const PREFIX_MIN_LETTERS: usize = 3;
const PREFIX_MIN_LETTERS_AFTER_WORDS: usize = 2;
/// A word written together is split in two when each part has at least this many letters.
const SPLIT_MIN_LETTERS: usize = 3;

/// A search expression, the same on both engines until it is written out for one.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Term(String),
    Prefix(String),
    All(Vec<Expr>),
    Any(Vec<Expr>),
}

impl Expr {
    /// The MATCH text. Every term is quoted, so nothing a user types (AND, NEAR, *, ", :, ^)
    /// is ever read as FTS5 syntax.
    pub fn render(&self) -> String {
        let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
        match self {
            Expr::Term(t) => quote(t),
            Expr::Prefix(t) => format!("{} *", quote(t)),
            Expr::All(parts) if parts.len() == 1 => parts[0].render(),
            Expr::Any(parts) if parts.len() == 1 => parts[0].render(),
            Expr::All(parts) => format!("({})", parts.iter().map(Expr::render).collect::<Vec<_>>().join(" AND ")),
            Expr::Any(parts) => format!("({})", parts.iter().map(Expr::render).collect::<Vec<_>>().join(" OR ")),
        }
    }

    /// The text for PostgreSQL's `to_tsquery('simple', ...)`: every term a quoted lexeme (a quote
    /// or backslash in it doubled), so nothing a user types (&, |, !, <->, :*, parentheses) is
    /// ever read as tsquery syntax. The terms are words and stems (letters and digits only) that
    /// the index's documents were made of, and to_tsquery splits and folds them as to_tsvector
    /// did those.
    pub fn tsquery(&self) -> String {
        let quote = |t: &str| format!("'{}'", t.replace('\\', "\\\\").replace('\'', "''"));
        match self {
            Expr::Term(t) => quote(t),
            Expr::Prefix(t) => format!("{}:*", quote(t)),
            Expr::All(parts) if parts.len() == 1 => parts[0].tsquery(),
            Expr::Any(parts) if parts.len() == 1 => parts[0].tsquery(),
            Expr::All(parts) => format!("({})", parts.iter().map(Expr::tsquery).collect::<Vec<_>>().join(" & ")),
            Expr::Any(parts) => format!("({})", parts.iter().map(Expr::tsquery).collect::<Vec<_>>().join(" | ")),
        }
    }

    /// The terms and prefixes in the expression: what a snippet highlights.
    pub fn collect(&self, terms: &mut HashSet<String>, prefixes: &mut Vec<String>) {
        match self {
            Expr::Term(t) => {
                terms.insert(t.clone());
            }
            Expr::Prefix(p) => prefixes.push(p.clone()),
            Expr::All(parts) | Expr::Any(parts) => parts.iter().for_each(|p| p.collect(terms, prefixes)),
        }
    }
}

/// The words a query looks for, with what each level needs from the database.
pub struct Query<'c> {
    words: Vec<String>,
    vocabulary: Vocabulary<'c>,
    synonyms: Vec<Vec<Vec<String>>>,
}

impl<'c> Query<'c> {
    pub fn new(db: &'c Db, text: &str) -> Result<Query<'c>> {
        let words = words(text);
        if words.is_empty() {
            return Err(Error::invalid(format!("search query {text:?} has no words to look for")));
        }
        let synonyms = synonyms::groups(db)?;
        Ok(Query { words, vocabulary: Vocabulary { db, ranges: HashMap::new() }, synonyms })
    }

    /// The expression of `level`: every query word (or a synonym of it, or it written together
    /// with the next) must match.
    pub fn expression(&mut self, level: Level) -> Result<Expr> {
        let mut units = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            if let Some((len, unit)) = self.synonym_unit(i, level)? {
                units.push(unit);
                i += len;
                continue;
            }
            let group = self.word(i, level)?;
            if let Some(next) = self.words.get(i + 1) {
                let joined = format!("{}{next}", self.words[i]);
                if self.vocabulary.contains(&joined)? {
                    let apart = Expr::All(vec![group, self.word(i + 1, level)?]);
                    units.push(Expr::Any(vec![apart, forms_expr(&Forms::of(&joined), level)]));
                    i += 2;
                    continue;
                }
            }
            units.push(group);
            i += 1;
        }
        Ok(Expr::All(units))
    }

    /// Query word `i` at `level`: its forms, its spellings and typos found in the vocabulary,
    /// its prefix if it is the last word, and its two halves if it is two words written as one.
    fn word(&mut self, i: usize, level: Level) -> Result<Expr> {
        let word = self.words[i].clone();
        let forms = Forms::of(&word);
        let Expr::Any(mut any) = forms_expr(&forms, level) else { unreachable!("forms_expr gives Any") };
        // a spelling, prefix or typo found may also be written with a particle (ومونتاج),
        // which the index holds as a loose term
        if level >= Level::Root {
            for variant in self.vocabulary.spellings(&word)? {
                any.extend([Expr::Term(loose_term(&variant)), Expr::Term(variant)]);
            }
        }
        let min_prefix = if i > 0 { PREFIX_MIN_LETTERS_AFTER_WORDS } else { PREFIX_MIN_LETTERS };
        if level >= Level::Prefix && i + 1 == self.words.len() && word.chars().count() >= min_prefix {
            any.extend([Expr::Prefix(word.clone()), Expr::Prefix(loose_term(&word))]);
        }
        if level >= Level::Typo {
            for near in self.vocabulary.typos(&word)? {
                any.extend([Expr::Term(loose_term(&near)), Expr::Term(near)]);
            }
        }
        if let Some((left, right)) = self.vocabulary.halves(&word)? {
            any.push(Expr::All(vec![forms_expr(&Forms::of(&left), level), forms_expr(&Forms::of(&right), level)]));
        }
        Ok(Expr::Any(any))
    }

    /// The operator's synonyms of the longest phrase starting at query word `i`, if any: the
    /// phrase as typed, or any other of its group.
    fn synonym_unit(&mut self, i: usize, level: Level) -> Result<Option<(usize, Expr)>> {
        let mut best: Option<(usize, usize)> = None; // (phrase length, group)
        for (g, group) in self.synonyms.iter().enumerate() {
            for phrase in group {
                let n = phrase.len();
                let fits =
                    self.words.len() >= i + n && phrase.iter().zip(&self.words[i..i + n]).all(|(p, w)| same_word(p, w));
                if fits && best.is_none_or(|(len, _)| n > len) {
                    best = Some((n, g));
                }
            }
        }
        let Some((n, g)) = best.filter(|_| level >= Level::Synonym) else { return Ok(None) };
        let mut any = Vec::new();
        let typed = (i..i + n).map(|j| self.word(j, level)).collect::<Result<Vec<_>>>()?;
        any.push(Expr::All(typed));
        for phrase in &self.synonyms[g] {
            let same = phrase.len() == n && phrase.iter().zip(&self.words[i..i + n]).all(|(p, w)| p == w);
            if !same {
                any.push(Expr::All(phrase.iter().map(|w| forms_expr(&Forms::of(w), level)).collect()));
            }
        }
        Ok(Some((n, Expr::Any(any))))
    }
}

/// Whether two words are the same but for their endings (سيرتي, سيرة).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (Forms::of(a), Forms::of(b));
    let same = a.vocabulary().any(|x| b.vocabulary().any(|y| x == y));
    same
}

/// The forms of a word a level looks for: the word and its stems, and from [`Level::Root`]
/// on the loose ones.
fn forms_expr(forms: &Forms, level: Level) -> Expr {
    Expr::Any(forms.query_terms(level >= Level::Root).into_iter().map(Expr::Term).collect())
}

/// The words and stems of every gig ever indexed (table search_terms), looked up by the
/// letter they start with.
struct Vocabulary<'c> {
    db: &'c Db,
    ranges: HashMap<char, Vec<String>>,
}

impl Vocabulary<'_> {
    fn contains(&self, term: &str) -> Result<bool> {
        let found = self.db.query_opt("SELECT 1 FROM search_terms WHERE term = ?1", params![term], |_| Ok(()))?;
        Ok(found.is_some())
    }

    /// The terms starting with `first`.
    fn starting_with(&mut self, first: char) -> Result<&[String]> {
        if !self.ranges.contains_key(&first) {
            let end = char::from_u32(first as u32 + 1).unwrap_or(char::MAX);
            // text compares by its bytes on both engines (COLLATE "C" on PostgreSQL): UTF-8's
            // byte order is the letters' order
            let terms = self.db.query_map(
                "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?2",
                params![first.to_string(), end.to_string()],
                |r| r.get(0),
            )?;
            self.ranges.insert(first, terms);
        }
        Ok(&self.ranges[&first])
    }

    /// Other spellings of a loan word: terms with the same [`arabic::skeleton`].
    fn spellings(&mut self, word: &str) -> Result<Vec<String>> {
        let Some(skeleton) = arabic::skeleton(word) else { return Ok(Vec::new()) };
        let first = word.chars().next().unwrap_or_default();
        let firsts: Vec<char> = if arabic::is_g_letter(first) { vec!['ق', 'غ', 'ج'] } else { vec![first] };
        let mut found = Vec::new();
        for first in firsts {
            for term in self.starting_with(first)? {
                if term != word && arabic::skeleton(term).as_deref() == Some(skeleton.as_str()) {
                    found.push(term.clone());
                }
            }
        }
        Ok(found)
    }

    /// Terms within the edits a word of its length allows. The first letter is taken as
    /// typed: slips there are rare, and it keeps the lookup to one range of the vocabulary.
    fn typos(&mut self, word: &str) -> Result<Vec<String>> {
        let letters: Vec<char> = word.chars().collect();
        if letters.len() < TYPO_MIN_LETTERS {
            return Ok(Vec::new());
        }
        let most = if letters.len() >= TWO_TYPOS_MIN_LETTERS { 2 } else { 1 };
        let mut found = Vec::new();
        for term in self.starting_with(letters[0])? {
            let other: Vec<char> = term.chars().collect();
            if term != word && other.len().abs_diff(letters.len()) <= most && edits(&letters, &other) <= most {
                found.push(term.clone());
            }
        }
        Ok(found)
    }

    /// Two known words that `word` is written together from (ووردبريس → وورد بريس).
    fn halves(&self, word: &str) -> Result<Option<(String, String)>> {
        let letters: Vec<char> = word.chars().collect();
        if letters.len() < 2 * SPLIT_MIN_LETTERS {
            return Ok(None);
        }
        for at in SPLIT_MIN_LETTERS..=letters.len() - SPLIT_MIN_LETTERS {
            let (left, right): (String, String) = (letters[..at].iter().collect(), letters[at..].iter().collect());
            if self.contains(&left)? && self.contains(&right)? {
                return Ok(Some((left, right)));
            }
        }
        Ok(None)
    }
}

/// Edits (insert, delete, replace, or swap two neighbours) between two words: the optimal
/// string alignment distance.
fn edits(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut d: Vec<usize> = vec![0; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = if i == 0 {
                j
            } else if j == 0 {
                i
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best =
                    (d[(i - 1) * width + j] + 1).min(d[i * width + j - 1] + 1).min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_count_a_swap_as_one() {
        let e = |a: &str, b: &str| edits(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert_eq!(e("translaet", "translate"), 1);
        assert_eq!(e("profesional", "professional"), 1);
        assert_eq!(e("تصمبم", "تصميم"), 1);
        assert_eq!(e("design", "resign"), 1);
        assert_eq!(e("logo", "video"), 4);
    }

    #[test]
    fn every_term_is_quoted() {
        let expr = Expr::All(vec![
            Expr::Term(r#"a"b"#.into()),
            Expr::Any(vec![Expr::Term("and".into()), Expr::Prefix("near".into())]),
        ]);
        assert_eq!(expr.render(), r#"("a""b" AND ("and" OR "near" *))"#);
        let hostile = Expr::All(vec![
            Expr::Term(r"a' | !b \".into()),
            Expr::Any(vec![Expr::Term("x".into()), Expr::Prefix("y".into())]),
        ]);
        assert_eq!(hostile.tsquery(), r"('a'' | !b \\' & ('x' | 'y':*))");
    }
}
