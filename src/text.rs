//! Text normalisation shared by search and moderation: Arabic letter variants folded, marks and digits unified.

/// Folds the spellings of one Arabic word onto one form, and case for Latin text:
/// hamza/alef forms -> ا, ة -> ه, ى -> ي, tatweel and harakat removed,
/// Arabic-Indic and Persian digits -> 0-9, everything lowercased.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' => out.push('ي'),
            // tatweel, harakat (fathatan .. sukun and the Quranic marks after them), superscript alef
            '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => {}
            '\u{0660}'..='\u{0669}' => out.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
            '\u{06F0}'..='\u{06F9}' => out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // the rest of the Arabic block has no case: skip the Unicode case tables
            '\u{0600}'..='\u{06FF}' => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

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
