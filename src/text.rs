//! Text normalisation shared by search and moderation: Arabic letter variants folded, marks and digits unified.
//! Also the one check every text people write gets before it is stored ([`check`]), and the
//! escaped excerpt errors quote bad input with ([`excerpt`]).

use std::fmt::Write as _;

use crate::error::{Error, Result};

/// What a stored text is, which decides what it may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line shown in lists, headers and file names: titles, names, tags, categories,
    /// extras, attachment names. No newline or tab, no bidi override or isolate.
    Line,
    /// What people write at length: descriptions, notes, messages, reviews, reasons.
    /// Newlines and tabs allowed; bidi controls too (Arabic and English mix in one message),
    /// since the terminal shows them escaped.
    Prose,
}

/// Refuses (invalid input) what no stored text may hold, naming the field (`what`) and showing
/// the offending character escaped:
/// - NUL, the other C0 controls, DEL and the C1 controls (ESC and CSI start terminal escapes;
///   a lone CR overwrites a line). Prose keeps newline, tab and CR before LF (Windows line ends).
/// - In a [`Shape::Line`], the bidi overrides and isolates (U+202A..U+202E, U+2066..U+2069),
///   which reorder what a reader sees: `invoice<U+202E>fdp.exe` shows as "invoiceexe.pdf".
/// - Text with nothing visible once whitespace and invisible characters (zero-width spaces and
///   joiners, BOM, bidi marks, fillers) are taken out.
pub fn check(text: &str, what: &str, shape: Shape) -> Result<()> {
    check_chars(text, what, shape)?;
    if !text.chars().any(|c| !c.is_whitespace() && !is_invisible(c)) {
        return Err(Error::invalid(format!(
            "the {what} is empty (nothing visible in it): {}",
            excerpt(text, EXCERPT_CHARS)
        )));
    }
    Ok(())
}

/// [`check`] for a field that may be left empty (a description, a note): empty or only
/// spaces is "none", but invisible characters alone are still refused.
pub fn check_optional(text: &str, what: &str, shape: Shape) -> Result<()> {
    if text.trim().is_empty() {
        check_chars(text, what, shape)
    } else {
        check(text, what, shape)
    }
}

fn check_chars(text: &str, what: &str, shape: Shape) -> Result<()> {
    let mut chars = text.chars().enumerate().peekable();
    while let Some((at, c)) = chars.next() {
        let allowed_control = shape == Shape::Prose
            && (c == '\n' || c == '\t' || (c == '\r' && chars.peek().is_some_and(|(_, next)| *next == '\n')));
        let why = if c.is_control() && !allowed_control {
            "a control character"
        } else if shape == Shape::Line && is_bidi_override(c) {
            "a bidi override (it reorders what a reader sees)"
        } else {
            continue;
        };
        return Err(Error::invalid(format!(
            "the {what} contains {why}, U+{:04X} at character {}: {}",
            c as u32,
            at + 1,
            excerpt(text, EXCERPT_CHARS)
        )));
    }
    Ok(())
}

/// `text` without surrounding whitespace, checked as [`Shape::Prose`] by [`check`], and refused
/// (invalid input) when over `max_chars` characters. `what` names the field in the error.
pub fn required<'a>(text: &'a str, what: &str, max_chars: usize) -> Result<&'a str> {
    let text = text.trim();
    check(text, what, Shape::Prose)?;
    if text.chars().count() > max_chars {
        return Err(Error::invalid(format!("the {what} is over {max_chars} characters")));
    }
    Ok(text)
}

/// How much of a bad input an error message quotes: enough to find it, never the whole of a
/// 50 MB field.
pub const EXCERPT_CHARS: usize = 80;

/// `text` quoted for an error message: at most `max_chars` characters (then "…"), with controls,
/// bidi controls and invisible characters written as `\u{202E}` so the message shows what the
/// bytes are and cannot reorder or rewrite the terminal it is printed on.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out = String::from("\"");
    for (i, c) in text.chars().enumerate() {
        if i == max_chars {
            out.push('…');
            break;
        }
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || is_invisible(c) => {
                let _ = write!(out, "\\u{{{:04X}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The explicit bidi embeddings, overrides and isolates (Trojan Source, CVE-2021-42574).
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters a renderer
/// draws as nothing (zero-width space and joiners, bidi marks and controls, BOM, the Hangul
/// fillers, variation selectors, tags), plus the braille blank, which is drawn blank although
/// it is not ignorable and is the usual way to fake an empty name.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Folds the spellings of one Arabic word onto one form, and case for Latin text:
/// hamza/alef forms -> ا, ة -> ه, ى -> ي, tatweel and harakat removed,
/// Arabic-Indic and Persian digits -> 0-9, everything lowercased.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// [`normalize`] for one character, appended to `out`: for callers that undo more before
/// folding (moderation) and want one pass over the text.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => out.push('ا'),
        'ة' => out.push('ه'),
        'ى' => out.push('ي'),
        // tatweel, harakat (fathatan .. sukun and the Quranic marks after them), superscript alef
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
        '\u{0660}'..='\u{0669}' => out.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        // Arabic letters have no case: skip the (slow) Unicode lowercase tables
        '\u{0600}'..='\u{06FF}' => out.push(c),
        c => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_escapes_and_cuts() {
        assert_eq!(excerpt("invoice\u{202E}fdp.exe", 80), "\"invoice\\u{202E}fdp.exe\"");
        assert_eq!(excerpt("a\u{1b}[2J", 80), "\"a\\u{001B}[2J\"");
        assert_eq!(excerpt(&"x".repeat(1000), 5), "\"xxxxx…\"");
    }

    #[test]
    fn prose_keeps_line_ends_a_line_does_not() {
        assert!(check("one\r\ntwo\tthree", "message", Shape::Prose).is_ok());
        assert!(check("one\rtwo", "message", Shape::Prose).is_err());
        assert!(check("one\ntwo", "title", Shape::Line).is_err());
        assert!(check("مرحبا \u{2067}hello\u{2069}", "message", Shape::Prose).is_ok());
        assert!(check("مرحبا \u{2067}hello\u{2069}", "title", Shape::Line).is_err());
    }

    #[test]
    fn folds_arabic_spelling_variants() {
        assert_eq!(normalize("الإنجليزيّة"), normalize("الانجليزيه"));
        assert_eq!(normalize("مُتَرْجِم"), "مترجم");
        assert_eq!(normalize("تـــرجمة"), "ترجمه");
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("آلة أو إبرة"), "اله او ابره");
    }

    #[test]
    fn unifies_digits_and_case() {
        assert_eq!(normalize("٠٥٠١٢٣"), "050123");
        assert_eq!(normalize("۰۵۰"), "050");
        assert_eq!(normalize("WhatsApp"), "whatsapp");
    }
}
