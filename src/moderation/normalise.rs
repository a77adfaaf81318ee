//! The text as moderation reads it: search's Arabic folding plus what sellers use to hide contact details.

use crate::text;

/// [`text::normalize`] (Arabic letter folding, tatweel and harakat removed, Arabic-Indic and
/// Persian digits to 0-9, lowercase) after undoing the tricks that keep a filter from
/// reading a text a person reads without trouble: full-width letters and digits become
/// ASCII, zero-width and direction marks disappear, the Arabic decimal and thousands
/// separators and the many dashes become `.` `,` `-`.
///
/// Search keeps `text::normalize` alone: it has no reason to see through these.
pub fn for_matching(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    // Most characters come out as they went in; they are copied a run at a time.
    let mut unchanged = 0;
    for (at, c) in input.char_indices() {
        if stays(c) {
            continue;
        }
        out.push_str(&input[unchanged..at]);
        unchanged = at + c.len_utf8();
        match c {
            '\u{FF01}'..='\u{FF5E}' => text::fold_char(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c), &mut out),
            '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => out.push(' '),
            // zero-width space/joiners, direction marks and embeddings, word joiner, BOM,
            // soft hyphen, Arabic letter mark, combining grapheme joiner
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{061C}'
            | '\u{034F}' => {}
            '\u{066B}' | '\u{06D4}' | '\u{2024}' | '\u{00B7}' | '\u{2022}' => out.push('.'),
            '\u{066C}' | '\u{060C}' => out.push(','),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => out.push('-'),
            c => text::fold_char(c, &mut out),
        }
    }
    out.push_str(&input[unchanged..]);
    out
}

/// Characters that both foldings leave alone: ASCII but capitals, and the Arabic letters but the
/// alef/hamza forms, ة, ى and tatweel. (The proptest below holds this to `text::normalize`.)
fn stays(c: char) -> bool {
    match c {
        'A'..='Z' => false,
        c if c.is_ascii() => true,
        'أ' | 'إ' | 'آ' | 'ة' | 'ى' | '\u{0640}' => false,
        '\u{0621}'..='\u{064A}' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::for_matching;
    use proptest::prelude::*;

    #[test]
    fn full_width_and_zero_width_are_undone() {
        assert_eq!(for_matching("ＷｈａｔｓＡｐｐ ０５０"), "whatsapp 050");
        assert_eq!(for_matching("wh\u{200B}ats\u{200C}app"), "whatsapp");
        assert_eq!(for_matching("وا\u{200F}تـــساب"), "واتساب");
    }

    #[test]
    fn arabic_digits_and_separators_become_ascii() {
        assert_eq!(for_matching("٠٥٠ ١٢٣ ٤٥ ٦٧"), "050 123 45 67");
        assert_eq!(for_matching("١٢٫٥٠"), "12.50");
        assert_eq!(for_matching("050–123—4567"), "050-123-4567");
    }

    proptest! {
        /// Whatever folding search does, moderation does too: what search would find, moderation reads.
        #[test]
        // the Arabic block but the punctuation moderation maps on purpose (، ؜ ٫ ٬ ۔)
        fn plain_text_normalises_as_search_does(
            s in "[a-zA-Z0-9 .,\u{0621}-\u{066A}\u{066D}-\u{06D3}\u{06D5}-\u{06FF}-]{0,40}"
        ) {
            prop_assert_eq!(for_matching(&s), crate::text::normalize(&s));
        }
    }
}
