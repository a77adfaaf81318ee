//! The text as moderation reads it: search's Arabic folding plus what sellers use to hide
//! contact details — styled and look-alike letters, keycaps, invisible characters, letters
//! spaced out one by one.

use unicode_normalization::char::decompose_compatible;

use crate::confusables::skeleton;
use crate::text;

/// [`text::normalize`] (Arabic letter folding, tatweel and harakat removed, Arabic-Indic and
/// Persian digits to 0-9, lowercase) after undoing what keeps a filter from reading a text a
/// person reads without trouble:
/// - Unicode compatibility folding (NFKC): full-width, mathematical, circled, superscript
///   letters and digits, Arabic presentation forms; accents dropped;
/// - the Unicode confusables skeleton for look-alike letters of other scripts (Cyrillic а,
///   Greek ο) and Latin small capitals, so `wһаtsарр` reads `whatsapp`;
/// - keycaps, variation selectors, zero-width and direction marks removed;
/// - the Arabic decimal and thousands separators and the many dashes become `.` `,` `-`;
/// - letters spaced out one by one ("w h a t s a p p", "و ا ت س ا ب", "S.N.A.P") joined.
///
/// Search keeps `text::normalize` alone: it has no reason to see through these.
pub fn for_matching(input: &str) -> String {
    let folded = fold(input, None);
    match join_spaced_letters(&folded, None) {
        Some(joined) => joined,
        None => folded,
    }
}

/// [`for_matching`], and for each byte of its result the offset in `input` of the character it
/// came from: a hit found in the normalised text is quoted as it was written. Computed only
/// for texts a rule matched.
pub fn for_matching_mapped(input: &str) -> (String, Vec<usize>) {
    let mut map = Vec::with_capacity(input.len());
    let folded = fold(input, Some(&mut map));
    let mut joined_map = Vec::new();
    match join_spaced_letters(&folded, Some(&mut joined_map)) {
        Some(joined) => (joined, joined_map.into_iter().map(|at| map[at]).collect()),
        None => (folded, map),
    }
}

/// The part of `input` that `span` of its normalised form came from.
pub fn as_written<'a>(input: &'a str, map: &[usize], span: std::ops::Range<usize>) -> &'a str {
    // bytes copied unchanged map to themselves, inside a character too: back to its start
    let boundary = |mut at: usize| {
        while !input.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = boundary(map.get(span.start).copied().unwrap_or(input.len()));
    let last = boundary(span.end.checked_sub(1).and_then(|i| map.get(i)).copied().unwrap_or(start));
    let end = input[last..].chars().next().map_or(input.len(), |c| last + c.len_utf8()).max(start);
    &input[start..end]
}

fn fold(input: &str, mut map: Option<&mut Vec<usize>>) -> String {
    let mut out = String::with_capacity(input.len());
    // Most characters come out as they went in; they are copied a run at a time.
    let mut unchanged = 0;
    for (at, c) in input.char_indices() {
        if stays(c) {
            continue;
        }
        out.push_str(&input[unchanged..at]);
        if let Some(map) = map.as_deref_mut() {
            map.extend(unchanged..at);
        }
        unchanged = at + c.len_utf8();
        let before = out.len();
        fold_one(c, &mut out);
        if let Some(map) = map.as_deref_mut() {
            map.extend(std::iter::repeat_n(at, out.len() - before));
        }
    }
    out.push_str(&input[unchanged..]);
    if let Some(map) = map {
        map.extend(unchanged..input.len());
    }
    out
}

fn fold_one(c: char, out: &mut String) {
    match c {
        '\u{FF01}'..='\u{FF5E}' => text::fold_char(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c), out),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => out.push(' '),
        // zero-width space/joiners, direction marks and embeddings, word joiner, BOM, soft
        // hyphen, Arabic letter mark, combining grapheme joiner, variation selectors (the emoji
        // form of a digit), the keycap ring around a digit, tag characters
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{061C}'
        | '\u{034F}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{20E3}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}' => {}
        '\u{066B}' | '\u{06D4}' | '\u{2024}' | '\u{00B7}' | '\u{2022}' => out.push('.'),
        '\u{066C}' | '\u{060C}' => out.push(','),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => out.push('-'),
        // Dingbat circled digits have no compatibility form: ❶ ➀ ➊ (1-10), ⓿ and ⓵-⓾
        '\u{2776}'..='\u{2793}' => push_number((c as u32 - 0x2776) % 10 + 1, out),
        '\u{24F5}'..='\u{24FE}' => push_number(c as u32 - 0x24F5 + 1, out),
        '\u{24FF}' => out.push('0'),
        '\u{0600}'..='\u{06FF}' => text::fold_char(c, out),
        c => match look_alike(c) {
            Some(latin) => out.push(latin),
            None => fold_foreign(c, out),
        },
    }
}

/// Letters read as Latin ones that the confusables skeleton leaves in their own script:
/// Latin small capitals (ᴡʜᴀᴛs) and the Cyrillic letters whose lowercase looks like a Latin
/// small capital (т, м, н, к, в).
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        'ᴀ' => 'a',
        'ʙ' | 'в' | 'В' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' => 'g',
        'ʜ' | 'н' | 'Н' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' | 'к' | 'К' => 'k',
        'ʟ' => 'l',
        'ᴍ' | 'м' | 'М' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' | 'т' | 'Т' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        _ => return None,
    })
}

fn push_number(n: u32, out: &mut String) {
    out.push_str(&n.to_string());
}

/// A character outside ASCII and the Arabic block: its compatibility decomposition, accents
/// dropped, each letter of another script read as the Latin letter it looks like.
fn fold_foreign(c: char, out: &mut String) {
    decompose_compatible(c, |d| match d {
        d if d.is_ascii() || ('\u{0600}'..='\u{06FF}').contains(&d) => text::fold_char(d, out),
        // combining marks: accents, and the circle or ring a character was drawn in
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' => {}
        d => {
            let mut buffer = [0; 4];
            let latin: Vec<char> = skeleton(d.encode_utf8(&mut buffer)).collect();
            if !latin.is_empty() && latin.iter().all(char::is_ascii_alphanumeric) {
                latin.iter().for_each(|l| out.push(l.to_ascii_lowercase()));
            } else {
                text::fold_char(d, out);
            }
        }
    });
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

/// How many single letters in a row, each followed by one separator, make a word spelt out:
/// "w h a t s a p p", "S.N.A.P", "و ا ت س ا ب". Fewer is prose ("a b testing", "و أ").
const SPELT_OUT: usize = 4;

/// Separators between the letters of a word spelt out.
fn spells(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '_' | '/' | '*' | '|' | '+')
}

fn letter(c: char) -> bool {
    c.is_ascii_lowercase() || ('\u{0621}'..='\u{064A}').contains(&c)
}

/// Joins the runs of [`SPELT_OUT`] or more single letters separated by one separator each (a
/// double space between runs keeps two words apart). None when the text has no such run: the
/// common case, with no copy.
fn join_spaced_letters(text: &str, mut map: Option<&mut Vec<usize>>) -> Option<String> {
    if !two_letters_alone(text) {
        return None;
    }
    let runs = spelt_runs(text);
    if runs.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for run in runs {
        out.push_str(&text[copied..run.start]);
        if let Some(map) = map.as_deref_mut() {
            map.extend(copied..run.start);
        }
        for (at, c) in text[run.clone()].char_indices() {
            if letter(c) {
                out.push(c);
                if let Some(map) = map.as_deref_mut() {
                    map.extend((0..c.len_utf8()).map(|i| run.start + at + i));
                }
            }
        }
        copied = run.end;
    }
    out.push_str(&text[copied..]);
    if let Some(map) = map {
        map.extend(copied..text.len());
    }
    Some(out)
}

/// Whether `text` has two letters standing alone with one separator between them ("a b",
/// "و ا"), which every spelt-out run starts with: read in one pass without a copy, so that the
/// many texts with none (nearly all) skip [`spelt_runs`] and its vector of every character.
fn two_letters_alone(text: &str) -> bool {
    let outside = |c: Option<char>| c.is_none_or(|c| !letter(c) && !c.is_ascii_digit());
    // every separator is ASCII: find them as bytes, then look at the characters around each
    text.bytes().enumerate().filter(|&(_, b)| b.is_ascii() && spells(char::from(b))).any(|(at, _)| {
        let (Some(first), Some(second)) = (text[..at].chars().next_back(), text[at + 1..].chars().next()) else {
            return false;
        };
        letter(first)
            && letter(second)
            && outside(text[..at - first.len_utf8()].chars().next_back())
            && outside(text[at + 1 + second.len_utf8()..].chars().next())
    })
}

/// The byte spans of the spelt-out runs: letter, separator, letter, ... each letter standing
/// alone (no letter right before or after it).
fn spelt_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let alone = |i: usize| {
            letter(chars[i].1)
                && (i == 0 || !letter(chars[i - 1].1) && !chars[i - 1].1.is_ascii_digit())
                && chars.get(i + 1).is_none_or(|&(_, n)| !letter(n) && !n.is_ascii_digit())
        };
        if !alone(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut letters = 1;
        let mut last = i;
        while let (Some(&(_, sep)), Some(_)) = (chars.get(last + 1), chars.get(last + 2)) {
            if spells(sep) && alone(last + 2) {
                last += 2;
                letters += 1;
            } else {
                break;
            }
        }
        if letters >= SPELT_OUT {
            let end = chars[last].0 + chars[last].1.len_utf8();
            runs.push(chars[start].0..end);
        }
        i = last + 1;
    }
    runs
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
    fn styled_look_alike_and_keycap_characters_are_read_as_latin() {
        assert_eq!(for_matching("w\u{04BB}\u{0430}ts\u{0430}\u{0440}\u{0440}"), "whatsapp");
        assert_eq!(for_matching("\u{1D430}\u{1D421}\u{1D41A}"), "wha");
        assert_eq!(for_matching("0\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}"), "05");
        assert_eq!(for_matching("\u{24EA}\u{2464}\u{2776}\u{24FF}"), "0510");
        assert_eq!(for_matching("p\u{03B1}yp\u{03B1}l"), "paypal");
    }

    #[test]
    fn spelt_out_words_are_joined() {
        assert_eq!(for_matching("w h a t s a p p me"), "whatsapp me");
        assert_eq!(for_matching("S.N.A.P: kh"), "snap: kh");
        assert_eq!(for_matching("و ا ت س ا ب"), "واتساب");
        assert_eq!(for_matching("a b testing, plan b"), "a b testing, plan b");
    }

    #[test]
    fn the_written_form_of_a_span_is_found() {
        let input = "call \u{1D7CE}\u{1D7D3} w h a t s";
        let (normalised, map) = super::for_matching_mapped(input);
        assert_eq!(normalised, "call 05 whats");
        assert_eq!(super::as_written(input, &map, 5..7), "\u{1D7CE}\u{1D7D3}");
        assert_eq!(super::as_written(input, &map, 8..13), "w h a t s");
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
            prop_assert_eq!(super::fold(&s, None), crate::text::normalize(&s));
        }
    }
}
