//! The terms search indexes for a text, computed here in Rust so that every database engine
//! indexes the same ones: each word itself, its stems, and (for Arabic) its roots.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::arabic;
use crate::text;

/// Written before a loose form in the index (a root, a stem found only by taking off a letter
/// that may be a particle), so it is never taken for the same word written as such (the root
/// كتب of كتابة and the word كتب, books). Tatweel: `text::normalize` removes it, so no word
/// has it.
pub const LOOSE_MARK: char = 'ـ';

/// English words are stemmed by Snowball (designing → design, websites → websit).
static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Letters and digits make words; everything else separates them. ASCII and the Arabic
/// letters are answered without Unicode's tables (this runs on every gig an import indexes).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{0621}'..='\u{064A}').contains(&c) {
        true
    } else {
        c.is_alphanumeric()
    }
}

/// The words of `text` as search sees them: normalised (text::normalize), split on anything
/// that is not a letter or digit, with a leading Arabic article taken off (الترجمة → ترجمه).
pub fn words(text: &str) -> Vec<String> {
    split_words(&text::normalize(text)).map(str::to_string).collect()
}

/// [`words`] of a text already normalised, borrowed from it.
fn split_words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).map(arabic::without_article)
}

/// What one word is indexed and looked up as, from the closest match to the loosest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forms {
    /// The word itself (as [`words`] gives it).
    pub word: String,
    /// Its light stems (endings and possessives off: شعاراتي → شعار); for English, the
    /// Snowball stem. None equals `word`.
    pub stems: Vec<String>,
    /// The light stems of the word without an attached particle (بشعارك → شعار), when it
    /// starts with one of their letters. Many words merely start with them (بطاقة), so in the
    /// index these are marked as loose as a root: a gig's passing mention (انترو بشعارك) ranks
    /// below a gig about it.
    pub detached: Vec<String>,
    /// The roots of its Arabic stems.
    pub roots: Vec<String>,
}

impl Forms {
    pub fn of(word: &str) -> Forms {
        let mut forms = Forms { word: word.to_string(), stems: Vec::new(), detached: Vec::new(), roots: Vec::new() };
        if arabic::is_arabic(word) {
            let stem = arabic::light_stem(word);
            forms.roots.push(arabic::root(&stem));
            if stem != word {
                forms.stems.push(stem);
            }
            if let Some(rest) = arabic::without_particle(word) {
                let stem = arabic::light_stem(rest);
                push_new(&mut forms.roots, arabic::root(&stem));
                forms.detached.push(stem);
            }
        } else if word.len() >= 3 && word.bytes().all(|b| b.is_ascii_lowercase()) {
            let stem = ENGLISH.stem(word);
            if stem != word {
                forms.stems.push(stem.into_owned());
            }
        }
        forms
    }

    /// The word and its stems: what a buyer's word is looked up among (typos, loan-word
    /// spellings, words written apart or together).
    pub fn vocabulary(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.word).chain(&self.stems)
    }

    /// Every term the index holds for the word: the word and its stems as they are, the
    /// detached stems and the roots after [`LOOSE_MARK`].
    pub fn index_terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = self.vocabulary().cloned().collect();
        for loose in self.detached.iter().chain(&self.roots) {
            push_new(&mut terms, loose_term(loose));
        }
        terms
    }

    /// The terms a query word matches in the index: at `loose`, also the index's loose terms
    /// (roots, detached stems) of any of its forms.
    pub fn query_terms(&self, loose: bool) -> Vec<String> {
        let mut terms: Vec<String> = self.vocabulary().cloned().collect();
        for stem in &self.detached {
            push_new(&mut terms, stem.clone());
        }
        if loose {
            for form in self.vocabulary().chain(&self.detached).chain(&self.roots) {
                push_new(&mut terms, loose_term(form));
            }
        }
        terms
    }
}

/// A form as the index holds it when it is only a loose match.
pub fn loose_term(form: &str) -> String {
    format!("{LOOSE_MARK}{form}")
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// What the index stores for a column: the terms of its words, space separated. FTS5's
/// `ascii` tokenizer then only has to split on the spaces, so index and query see exactly the
/// same terms.
pub fn index_text(text: &str) -> String {
    index_column(text, None)
}

/// [`index_text`], adding to `first_seen` (space separated) the vocabulary terms of the words
/// no call with a `first_seen` on this thread has noted before (or since it forgot them).
pub fn index_column(text: &str, mut first_seen: Option<&mut String>) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    KNOWN.with_borrow_mut(|known| {
        if known.len() >= KNOWN_WORDS {
            known.clear();
        }
        // a word seen before is looked up by reference: no String made for it
        for word in split_words(&text::normalize(text)) {
            if !out.is_empty() {
                out.push(' ');
            }
            let entry = match known.get_mut(word) {
                Some(entry) => entry,
                None => {
                    let terms = Forms::of(word).index_terms().join(" ");
                    known.entry(word.to_string()).or_insert(Known { terms, noted: false })
                }
            };
            if let Some(first_seen) = first_seen.as_deref_mut().filter(|_| !entry.noted) {
                for term in vocabulary_of(&entry.terms) {
                    if !first_seen.is_empty() {
                        first_seen.push(' ');
                    }
                    first_seen.push_str(term);
                }
                entry.noted = true;
            }
            out.push_str(&entry.terms);
        }
    });
    out
}

/// A word this thread has indexed.
struct Known {
    /// Its index terms, space separated.
    terms: String,
    /// Whether its vocabulary went into a `first_seen` (see [`index_column`]).
    noted: bool,
}

/// How many words' forms a thread keeps (a few MiB): gigs repeat the same words, and an
/// import's workers would otherwise stem each of them again for every gig.
const KNOWN_WORDS: usize = 50_000;

thread_local! {
    /// Words this thread has indexed. Hashed with
    /// foldhash, not std's SipHash, which was a sixth of indexing a gig (callgrind: 99M of an
    /// import's checking thread's 2,317M instructions for 25k gigs); the keys are words of the
    /// text being indexed, and the map is this thread's only.
    static KNOWN: RefCell<HashMap<String, Known, foldhash::fast::RandomState>> = RefCell::new(HashMap::default());
}

/// The vocabulary terms (words and stems) of a text as [`index_text`] gives it: its terms
/// but the loose ones, which alone start with [`LOOSE_MARK`]. Read off the index text rather
/// than kept beside it: an import's writing thread, its bottleneck, freed the ~40 strings of
/// such a list for every gig.
pub fn vocabulary_of(index_text: &str) -> impl Iterator<Item = &str> {
    index_text.split(' ').filter(|term| !term.is_empty() && !term.starts_with(LOOSE_MARK))
}

/// The words and stems of `texts`, each once: what the vocabulary learns from a gig.
pub fn vocabulary(texts: &[&str]) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for text in texts {
        terms.extend(vocabulary_of(&index_text(text)).map(str::to_string));
    }
    terms.sort_unstable();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_is_indexed_with_its_stems_and_roots() {
        assert_eq!(index_text("الإنجليزية"), "انجليزيه انجليز ـجلز");
        assert_eq!(index_text("وتصميم"), "وتصميم ـتصميم ـصمم");
        assert_eq!(index_text("Logo-Designing, FAST!"), "logo designing design fast");
        assert_eq!(index_text("وقت"), "وقت ـوقت");
    }

    /// The vocabulary read off the index text is the words and stems `Forms` names as such.
    #[test]
    fn the_vocabulary_is_the_index_text_without_its_loose_terms() {
        let text = "الإنجليزية وتصميم بشعارك Logo-Designing websites 500 وقت";
        let mut from_forms: Vec<String> = split_words(&text::normalize(text))
            .flat_map(|w| Forms::of(w).vocabulary().cloned().collect::<Vec<_>>())
            .collect();
        from_forms.sort_unstable();
        from_forms.dedup();
        assert_eq!(vocabulary(&[text]), from_forms);
        assert!(
            index_text(text).split(' ').any(|t| t.starts_with(LOOSE_MARK)),
            "the text has loose terms to leave out"
        );
    }

    #[test]
    fn english_words_get_their_snowball_stem() {
        assert_eq!(Forms::of("websites").stems, ["websit"]);
        assert_eq!(Forms::of("translator").stems, Forms::of("translation").stems);
        assert!(Forms::of("500").stems.is_empty());
    }
}
