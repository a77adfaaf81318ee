//! The UTS #39 confusables skeleton, from build.rs's copy of unicode-security's table.
//!
//! The same skeleton as `unicode_security::skeleton` (a test compares them on every character),
//! looked up in arrays of plain values: the crate's table of slices is 161 KB of pointers that
//! every command relocated at start, whether it looked anything up or not (see build.rs).

use unicode_normalization::UnicodeNormalization;

include!(concat!(env!("OUT_DIR"), "/confusables.rs"));

/// The skeleton of `text`: decomposed, each character replaced by its prototype (ignorable ones
/// dropped), decomposed again.
pub fn skeleton(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().nfd().flat_map(prototype).nfd()
}

fn prototype(c: char) -> Prototype {
    match KEYS.binary_search(&c) {
        Ok(i) => Prototype::Other(SKELETONS[usize::from(STARTS[i])..usize::from(STARTS[i + 1])].iter()),
        Err(_) => Prototype::Itself(Some(c)),
    }
}

/// A character's prototype: itself, or the characters it looks like.
enum Prototype {
    Itself(Option<char>),
    Other(std::slice::Iter<'static, char>),
}

impl Iterator for Prototype {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Prototype::Itself(c) => c.take(),
            Prototype::Other(chars) => chars.next().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theirs(text: &str) -> String {
        unicode_security::skeleton(text).collect()
    }

    #[test]
    fn every_character_has_unicode_securitys_skeleton() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(skeleton(&text).collect::<String>(), theirs(&text), "U+{:04X}", c as u32);
        }
    }

    /// Decomposition reorders combining marks across characters: whole strings agree too.
    #[test]
    fn strings_of_confusables_and_marks_have_unicode_securitys_skeleton() {
        let pool: Vec<char> = "aаο0Oé\u{301}\u{327}\u{308}\u{200b}ﬁ①ᴀｗһصٌّ١ـ\u{fe0f}Å".chars().collect();
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let len = (seed % 7) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    pool[(seed >> 33) as usize % pool.len()]
                })
                .collect();
            assert_eq!(skeleton(&text).collect::<String>(), theirs(&text), "{text:?}");
        }
    }
}
