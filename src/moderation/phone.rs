//! Phone numbers as people hide them: digits split by anything but letters (spaces, dots,
//! emoji, the word و), spelt as words in English, Arabic dialects and Franco-Arabic, letters
//! O and l standing in for 0 and 1 — judged by a numbering-plan library (the phonenumber
//! crate, a port of Google's libphonenumber) so that only what can be dialled is contact.
//! ISBN and EAN codes (by their check digit), dates, amounts, coordinates, IP addresses and
//! lists of small numbers are let through.

use std::ops::Range;
use std::sync::LazyLock;

use phonenumber::country::Id;
use regex::Regex;

use super::detectors::regex;
use super::numbering::{self, valid};

/// Fewer digits than this is a price, a quantity or an id; more than 15 is no phone number
/// (E.164 allows 15 with the country code).
const MIN_DIGITS: usize = 8;
const MAX_DIGITS: usize = 15;

/// Regions whose national numbers (written with their trunk 0) are tried: the Arab world, then
/// the common foreign ones.
const REGIONS: &[Id] = &[
    Id::SA,
    Id::EG,
    Id::AE,
    Id::JO,
    Id::IQ,
    Id::MA,
    Id::DZ,
    Id::TN,
    Id::LY,
    Id::SY,
    Id::LB,
    Id::PS,
    Id::YE,
    Id::SD,
    Id::KW,
    Id::QA,
    Id::BH,
    Id::OM,
    Id::TR,
    Id::GB,
    Id::FR,
    Id::DE,
    Id::PK,
    Id::IN,
];

/// Country codes read without their '+' ("9665 5182 7364"): the Arab world only, and only
/// for mobile numbers, so that a year-prefixed id ("2026004871") is not read as Egypt's +20.
const BARE_COUNTRY_CODES: &[&str] = &[
    "966", "971", "965", "974", "973", "968", "962", "961", "963", "964", "970", "967", "212", "213", "216", "218",
    "249", "20",
];

/// Numbers that are long but innocent, taken out before digits are counted: dates
/// (2026-03-01, 01/03/2026, 20260301), amounts grouped in thousands (1,250,000.00),
/// coordinates (24.7136, 46.6753) and IPv4 addresses. ASCII (`(?-u)`): the text is normalised
/// (every digit is 0-9), and Unicode classes would cost a message millions of instructions to
/// compile.
static INNOCENT_NUMBERS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?-u)\b(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d\d|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|-?\d{1,3}\.\d{3,}\s*°?\s*[nsew]?\s*,\s*-?\d{1,3}\.\d{3,}\s*°?\s*[nsew]?|(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})\b",
    )
});

/// A digit spelt as a word (text as normalised: ة -> ه, أ -> ا), English, Arabic (MSA and
/// dialects) and Franco-Arabic; "و" before an Arabic word is "and".
fn spelt_digit(word: &str) -> Option<&'static str> {
    digit_word(word).or_else(|| word.strip_prefix('و').and_then(digit_word))
}

fn digit_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "zero" | "oh" | "o" | "صفر" | "زيرو" | "sefr" | "sifr" => "0",
        "one" | "واحد" | "وحده" | "wa7ed" | "wahed" | "wahid" => "1",
        "two" | "اثنين" | "اتنين" | "ثنين" | "تنين" | "اثنان" | "etnen" | "etneen" | "itnein" | "tnen" | "tneen" => {
            "2"
        }
        "three" | "ثلاثه" | "تلاته" | "ثلاث" | "تلات" | "talata" | "tlata" | "thalatha" => "3",
        "four" | "اربعه" | "اربع" | "arba3a" | "arba3" | "arb3a" => "4",
        "five" | "خمسه" | "خمس" | "5amsa" | "khamsa" | "5msa" => "5",
        "six" | "سته" | "ست" | "sitta" | "setta" | "seta" => "6",
        "seven" | "سبعه" | "سبع" | "sab3a" | "saba3a" => "7",
        "eight" | "ثمانيه" | "تمانيه" | "ثمان" | "ثماني" | "tamanya" | "tmanya" | "tamania" | "thamanya" => {
            "8"
        }
        "nine" | "تسعه" | "تسع" | "tes3a" | "tis3a" | "tesa3" => "9",
        _ => return None,
    })
}

/// Words that may stand between the digit groups of one number: "050 then 123", "٠٥٥ وبعده ١٨٢".
fn filler(word: &str) -> bool {
    matches!(
        word,
        "و" | "then"
            | "dash"
            | "space"
            | "first"
            | "last"
            | "next"
            | "ثم"
            | "شرطه"
            | "مسافه"
            | "بعده"
            | "وبعده"
            | "وبعدين"
            | "بعدين"
            | "واخره"
            | "اخره"
    )
}

/// "05O1827364", "OlOO": a word of digits and the letters that look like them.
fn digit_like(word: &str) -> Option<String> {
    let only = word.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'o' | b'l' | b'i'));
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    if !only || !(has_digit || word.len() >= 3) {
        return None;
    }
    Some(
        word.chars()
            .map(|c| match c {
                'o' => '0',
                'l' | 'i' => '1',
                d => d,
            })
            .collect(),
    )
}

#[derive(Debug)]
struct Group {
    digits: String,
    span: Range<usize>,
    spelt: bool,
    /// A '+' stands right before it (the country code follows).
    plus: bool,
}

/// `c.is_alphanumeric()`, with the Arabic block's answer written out: std looks a non-ASCII
/// character up in a compressed table, some 500 instructions, and that was a third of a scan's
/// time over Arabic gigs (every letter of every text is asked). The ranges are those of the
/// Unicode version std follows; `tests::word_characters_are_the_alphanumeric_ones` holds them
/// to it.
pub(super) fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{0610}'..='\u{061A}'
        | '\u{0620}'..='\u{0657}'
        | '\u{0659}'..='\u{0669}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'..='\u{06DC}'
        | '\u{06E1}'..='\u{06E8}'
        | '\u{06ED}'..='\u{06FC}'
        | '\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_numeric()`, with the Arabic block's answer written out (its two rows of digits), for
/// the same reason as [`is_word_char`]: [`mask_innocent_numbers`] asks it of every letter of a
/// text with few ASCII digits, and std's table lookup was 7% of an import's checking thread.
fn is_numeric(c: char) -> bool {
    match c {
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_numeric(),
    }
}

/// The runs of digit groups in `text` with nothing but non-letters and filler words between
/// them. A colon or a line break ends a run ("10:30", one number a line).
fn runs(text: &str) -> Vec<Vec<Group>> {
    let mut runs = Vec::new();
    let mut current: Vec<Group> = Vec::new();
    let mut repeat = 1;
    let mut gap_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !is_word_char(c) {
            chars.next();
            continue;
        }
        let gap = &text[gap_start..start];
        if gap.contains([':', '\n']) {
            end_run(&mut runs, &mut current);
        }
        let mut end = start;
        while let Some(&(at, c)) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            end = at + c.len_utf8();
            chars.next();
        }
        gap_start = end;
        let word = &text[start..end];
        // the '+' belongs to the number as written: a refusal quotes "+44 7400 123456"
        let plus_at = gap.trim_end().ends_with('+').then(|| start - gap.len() + gap.trim_end().len() - 1);
        let plus = plus_at.is_some();
        let (digits, spelt) = if word.bytes().all(|b| b.is_ascii_digit()) {
            (word.to_string(), false)
        } else if let Some(d) = spelt_digit(word) {
            (d.to_string(), true)
        } else if let Some(d) = digit_like(word) {
            (d, false)
        } else if matches!(word, "double" | "triple") {
            repeat = if word == "double" { 2 } else { 3 };
            continue;
        } else if filler(word) && !current.is_empty() {
            continue;
        } else {
            end_run(&mut runs, &mut current);
            repeat = 1;
            continue;
        };
        let digits = digits.repeat(repeat);
        repeat = 1;
        current.push(Group { digits, span: plus_at.unwrap_or(start)..end, spelt, plus });
    }
    end_run(&mut runs, &mut current);
    runs
}

/// Ends the run being read: kept if it holds enough digits for a phone number (most words end
/// an empty one).
fn end_run(runs: &mut Vec<Vec<Group>>, current: &mut Vec<Group>) {
    if current.iter().map(|g| g.digits.len()).sum::<usize>() >= MIN_DIGITS {
        runs.push(std::mem::take(current));
    } else {
        current.clear();
    }
}

/// "1, 2, 5, 7, 9, 10", "CMYK 100 60 0 20", "2019 2020 2021": numbers each short and without a
/// leading zero (a phone number split up has one, or a long group), or rising one after another.
fn list_of_numbers(groups: &[Group]) -> bool {
    if groups.len() < 3 || groups.iter().any(|g| g.spelt || g.plus) {
        return false;
    }
    let no_leading_zero = groups.iter().all(|g| g.digits == "0" || !g.digits.starts_with('0'));
    let short = groups.iter().all(|g| g.digits.len() <= 3) && groups.iter().any(|g| g.digits.len() > 1);
    let values: Vec<u64> = groups.iter().map(|g| g.digits.parse().unwrap_or(u64::MAX)).collect();
    // years in a table: rising, all as long
    let rising =
        values.windows(2).all(|w| w[0] < w[1]) && groups.iter().all(|g| g.digits.len() == groups[0].digits.len());
    no_leading_zero && (short || rising)
}

/// EAN-13 (and ISBN-13) check digit.
fn ean13(digits: &str) -> bool {
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    d.len() == 13 && d.iter().enumerate().map(|(i, v)| if i % 2 == 0 { *v } else { v * 3 }).sum::<u32>() % 10 == 0
}

/// ISBN-10 check digit (the final X is not a digit here, so only all-digit codes).
fn isbn10(digits: &str) -> bool {
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    d.len() == 10 && d.iter().enumerate().map(|(i, v)| (10 - i as u32) * v).sum::<u32>() % 11 == 0
}

/// Whether `digits` (with a '+' before them when `plus`) can be dialled.
fn dialable(digits: &str, plus: bool) -> bool {
    if plus || digits.starts_with("00") {
        let international = digits.strip_prefix("00").unwrap_or(digits);
        if valid(&format!("+{international}"), None).is_some() {
            return true;
        }
    }
    if let Some(national) = digits.strip_prefix('0') {
        // "0055..." may be a national number with a doubled zero as well
        let national = if national.starts_with('0') { national } else { digits };
        return REGIONS.iter().any(|region| valid(national, Some(*region)).is_some());
    }
    BARE_COUNTRY_CODES.iter().any(|code| digits.starts_with(code)) && numbering::mobile(&format!("+{digits}"))
}

/// An ISBN or EAN code, by its check digit (ISBN-10 only where the text says ISBN: one
/// ten-digit phone number in eleven passes its check).
fn product_code(groups: &[Group], mentions_isbn: bool) -> bool {
    let digits: String = groups.iter().map(|g| g.digits.as_str()).collect();
    ean13(&digits) || mentions_isbn && isbn10(&digits)
}

fn judge(groups: &[Group], mentions_isbn: bool) -> bool {
    let digits: String = groups.iter().map(|g| g.digits.as_str()).collect();
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) || list_of_numbers(groups) {
        return false;
    }
    !product_code(groups, mentions_isbn) && dialable(&digits, groups[0].plus)
}

/// [`INNOCENT_NUMBERS`] taken out of `text`, keeping its length (spans stay valid; a letter
/// ends a run), but not where the match goes on with the same separator and more digits
/// ("0.5.5.1.8.2" holds no IP address; "2026/03/01-00017" still holds a date).
fn mask_innocent_numbers(text: &str) -> Option<String> {
    // each innocent number has four digits or more: a text with fewer needs no regex compiled
    // (ASCII digits counted first: most texts with numbers have them, and a scan reads many)
    let ascii = text.bytes().filter(u8::is_ascii_digit).take(4).count();
    if ascii < 4 && ascii + text.chars().filter(|&c| !c.is_ascii() && is_numeric(c)).take(4).count() < 4 {
        return None;
    }
    let mut masked: Option<String> = None;
    for m in INNOCENT_NUMBERS.find_iter(text) {
        let separator = m.as_str().chars().find(|c| !c.is_ascii_digit());
        let chained = |mut chars: std::str::Chars, backwards: bool| {
            let (first, second) =
                if backwards { (chars.next_back(), chars.next_back()) } else { (chars.next(), chars.next()) };
            first.is_some() && first == separator && second.is_some_and(|c| c.is_ascii_digit())
        };
        if chained(text[m.end()..].chars(), false) || chained(text[..m.start()].chars(), true) {
            continue;
        }
        masked.get_or_insert_with(|| text.to_string()).replace_range(m.range(), &"x".repeat(m.len()));
    }
    masked
}

/// Where a phone number is in `text` (normalised), if there is one.
pub(super) fn find(text: &str) -> Option<Range<usize>> {
    if text.bytes().filter(u8::is_ascii_digit).count() < 3
        && !text.bytes().any(|b| b >= 0x80 || b.is_ascii_alphabetic())
    {
        return None;
    }
    let masked = mask_innocent_numbers(text);
    let text = masked.as_deref().unwrap_or(text);
    let mentions_isbn = text.contains("isbn") || text.contains("ردمك");
    for run in runs(text) {
        if product_code(&run, mentions_isbn) {
            continue;
        }
        if judge(&run, mentions_isbn) {
            return Some(run[0].span.start..run[run.len() - 1].span.end);
        }
        // A number beside other numbers: from each group that can start one (a '+', a leading 0).
        for start in 0..run.len() {
            if !(run[start].plus || run[start].digits.starts_with('0')) {
                continue;
            }
            for end in start + 1..=run.len() {
                if (start, end) != (0, run.len()) && judge(&run[start..end], mentions_isbn) {
                    return Some(run[start].span.start..run[end - 1].span.end);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find;
    use crate::moderation::normalise::for_matching;

    fn phone(text: &str) -> Option<String> {
        let normalised = for_matching(text);
        find(&normalised).map(|span| normalised[span].to_string())
    }

    #[test]
    fn word_characters_are_the_alphanumeric_ones() {
        for c in (0..0x800).chain(0xFB50..0xFF00).filter_map(char::from_u32) {
            assert_eq!(super::is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn numeric_characters_are_std_s() {
        for c in (0..0x800).chain(0xFB50..0xFF00).filter_map(char::from_u32) {
            assert_eq!(super::is_numeric(c), c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn numbers_hidden_every_way_are_found() {
        for text in [
            "0551827364",
            "٠٥٥ 🌹 ١٨٢ 🌹 ٧٣٦٤",
            "05 و 51 و 82 و 73 و 64",
            "zero five five one eight two seven three six four",
            "صفر خمسه خمسه واحد تمانية اتنين سبعة تلاتة ستة اربعة",
            "O55I827364",
            "+20 100 384 7291",
            "9665 5182 7364",
        ] {
            assert!(phone(text).is_some(), "{text}");
        }
    }

    #[test]
    fn an_international_number_is_quoted_with_its_plus() {
        assert_eq!(phone("call me on +44 7400 123456").as_deref(), Some("+44 7400 123456"));
        assert_eq!(phone("واتس + ٩٦٦ ٥٥ ١٨٢ ٧٣٦٤").as_deref(), Some("+ 966 55 182 7364"));
    }

    #[test]
    fn codes_ids_and_lists_are_not_phone_numbers() {
        for text in [
            "ISBN 978-9953-38-925-7",
            "EAN 6223000987650",
            "invoice INV-2026-004871",
            "24.7136, 46.6753",
            "steps 1 2 3 4 5 6 7 8 9 10",
            "CMYK 100 60 0 20",
            "192.168.10.254",
            "2026-03-01 10:30:00",
            "budget 1,250,000.00",
        ] {
            assert_eq!(phone(text), None, "{text}");
        }
    }
}
