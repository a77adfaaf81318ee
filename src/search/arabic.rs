//! Arabic word forms for search: the attached particles and endings a light stemmer takes
//! off, a root stemmer (after ISRI, Taghva et al. 2005) for broken plurals and derived forms,
//! and the consonant skeleton that spelling variants of a loan word share.
//!
//! Everything here works on words already folded by `text::normalize` (so ة is ه, ى is ي
//! and every alef with hamza is ا), and only has to agree with itself: a gig's words and a
//! buyer's words go through the same functions, so an odd stem costs nothing as long as the
//! forms that belong together get the same one.

/// The article and the particles written before it, longest first. One comes off when at
/// least two letters remain.
const ARTICLES: &[&str] = &["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال"];

/// One-letter particles (and, with, for, like, so) that may be attached to a word. Many words
/// also start with these letters, so taking one off gives a second candidate, not the stem.
const PARTICLES: &[char] = &['و', 'ب', 'ل', 'ك', 'ف'];

/// Possessive endings (my, your, his, her, their, our): at most one comes off.
const POSSESSIVES: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ك", "ي"];

/// Plural, feminine and adjective endings (ية and ة are folded to يه and ه): at most one
/// comes off, after a possessive. The dual ان is left alone: it ends too many nouns
/// (إعلان, عنوان, ألوان) and buyers hardly ever type a dual.
const ENDINGS: &[&str] = &["ات", "ون", "ين", "يه", "ه", "ي"];

/// A stem keeps at least this many letters (Arabic roots have three).
const MIN_STEM: usize = 3;

pub fn is_arabic(word: &str) -> bool {
    word.starts_with(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// The word without a leading article (ال, بال, وال ...): what search calls the word itself.
pub fn without_article(word: &str) -> &str {
    for article in ARTICLES {
        if let Some(rest) = word.strip_prefix(article) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    word
}

/// The word with one attached particle taken off (وتصميم, بترجمة, لمتجري), if it has one
/// and enough letters remain to be a word.
pub fn without_particle(word: &str) -> Option<&str> {
    let first = word.chars().next()?;
    let rest = &word[first.len_utf8()..];
    let min_rest = if first == 'و' { MIN_STEM } else { MIN_STEM + 1 };
    (PARTICLES.contains(&first) && rest.chars().count() >= min_rest).then_some(rest)
}

/// The light stem: one possessive and then one plural or feminine ending off
/// (شعاراتي → شعار, سيرتي → سير like سيرة → سير, تطبيقات → تطبيق).
pub fn light_stem(word: &str) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    // ة is written ت before a possessive (سيرة, سيرتي; قناة, قناتي), unless the word is
    // long enough for ات to be the plural (شعاراتي), which ENDINGS then takes off
    let plural = |l: &[char]| l.ends_with(&['ا', 'ت']) && l.len() >= 2 + MIN_STEM;
    if strip_one(&mut letters, POSSESSIVES)
        && letters.len() > MIN_STEM
        && letters.ends_with(&['ت'])
        && !plural(&letters)
    {
        letters.pop();
    }
    strip_one(&mut letters, ENDINGS);
    letters.into_iter().collect()
}

/// Takes the first of `suffixes` that `letters` ends with off, if a stem remains.
fn strip_one(letters: &mut Vec<char>, suffixes: &[&str]) -> bool {
    for suffix in suffixes {
        let suffix: Vec<char> = suffix.chars().collect();
        if letters.len() >= suffix.len() + MIN_STEM && letters.ends_with(&suffix) {
            letters.truncate(letters.len() - suffix.len());
            return true;
        }
    }
    false
}

/// The letters that stand for g in loan words (انستقرام, انستغرام, انستجرام; جوجل, قوقل).
const G_LETTERS: &[char] = &['ق', 'غ', 'ج'];

/// Whether `c` is one of the letters that spell g in a loan word.
pub fn is_g_letter(c: char) -> bool {
    G_LETTERS.contains(&c)
}

/// What the spellings of one loan word have in common: the first letter, then the others
/// with the long vowels (ا و ي, often dropped or added: سوشال, سوشيال) left out and every
/// letter for g written ج. None for a word too short to tell loan words apart by.
pub fn skeleton(word: &str) -> Option<String> {
    if !is_arabic(word) || word.chars().count() < 4 {
        return None;
    }
    let mut letters = word.chars();
    let first = letters.next()?;
    let first = if is_g_letter(first) { 'ج' } else { first };
    let rest = letters.filter(|c| !matches!(c, 'ا' | 'و' | 'ي')).map(|c| if is_g_letter(c) { 'ج' } else { c });
    Some(std::iter::once(first).chain(rest).collect())
}

/// The root of a light stem, after the ISRI stemmer: patterns of four to seven letters are
/// reduced to their three (or four) radicals (تصاميم and تصميم → صمم, متاجر and متجر → تجر,
/// الوثائق and وثيقة → وثق, محترف and احتراف → حرف). Departures from ISRI, for a marketplace's
/// nouns: its own affix stripping is left to [`light_stem`], a four-letter word loses no
/// leading ت or ب (ترجم, برمج: مترجم → ترجم as ترجمة does), the pattern مفاعيل is known
/// (مشاريع → شرع like مشروع), and a final hamza is written ا (أخطاء → خطا like خطأ).
pub fn root(stem: &str) -> String {
    let mut w: Vec<char> = stem.chars().map(|c| if c == 'ء' { 'ا' } else { c }).collect();
    if w.len() >= 4 && w[0] == 'و' && w[1] == 'و' {
        w.remove(0);
    }
    match w.len() {
        4 => w = pro_w4(w),
        5 => w = end_w5(pro_w53(w)),
        6 => w = end_w6(pro_w6(w)),
        7 => {
            w = suf1(w);
            if w.len() == 7 {
                w = pre1(w);
            }
            if w.len() == 6 {
                w = end_w6(pro_w6(w));
            }
        }
        _ => {}
    }
    w.into_iter().collect()
}

/// One-letter suffixes and prefixes ISRI takes off when no pattern fits.
const S1: &[char] = &['ه', 'ي', 'ك', 'ت', 'ا', 'ن'];
const P1: &[char] = &['ل', 'ف', 'س', 'و', 'ي', 'ن', 'ا'];
/// P1 for four-letter words: without ت and ب, which begin the quadriliteral nouns buyers type.
const P1_W4: &[char] = &['ل', 'ف', 'س', 'و', 'ي', 'ن', 'ا'];

fn suf1(mut w: Vec<char>) -> Vec<char> {
    if w.last().is_some_and(|c| S1.contains(c)) {
        w.pop();
    }
    w
}

fn pre1_of(mut w: Vec<char>, prefixes: &[char]) -> Vec<char> {
    if w.first().is_some_and(|c| prefixes.contains(c)) {
        w.remove(0);
    }
    w
}

fn pre1(w: Vec<char>) -> Vec<char> {
    pre1_of(w, P1)
}

fn pick(w: &[char], at: &[usize]) -> Vec<char> {
    at.iter().map(|&i| w[i]).collect()
}

fn pro_w4(w: Vec<char>) -> Vec<char> {
    if w[0] == 'م' {
        w[1..].to_vec()
    } else if w[1] == 'ا' {
        pick(&w, &[0, 2, 3])
    } else if matches!(w[2], 'ا' | 'و' | 'ي') {
        pick(&w, &[0, 1, 3])
    } else if w[3] == 'ه' {
        w[..3].to_vec()
    } else {
        let w = suf1(w);
        if w.len() == 4 {
            pre1_of(w, P1_W4)
        } else {
            w
        }
    }
}

fn pro_w53(w: Vec<char>) -> Vec<char> {
    let is = |i: usize, set: &[char]| set.contains(&w[i]);
    if is(2, &['ا', 'ت']) && w[0] == 'ا' {
        // افتعل, افاعل
        pick(&w, &[1, 3, 4])
    } else if is(3, &['ا', 'ي', 'و']) && w[0] == 'م' {
        // مفعول, مفعال, مفعيل
        pick(&w, &[1, 2, 4])
    } else if is(0, &['ا', 'ت', 'م']) && w[4] == 'ه' {
        // مفعلة, تفعلة, افعلة
        pick(&w, &[1, 2, 3])
    } else if is(0, &['م', 'ي', 'ت']) && w[2] == 'ت' {
        // مفتعل, يفتعل, تفتعل
        pick(&w, &[1, 3, 4])
    } else if is(0, &['م', 'ت']) && w[2] == 'ا' {
        // مفاعل, تفاعل
        pick(&w, &[1, 3, 4])
    } else if is(2, &['ا', 'و']) && w[4] == 'ه' {
        // فعولة, فعالة
        pick(&w, &[0, 1, 3])
    } else if is(0, &['ا', 'م']) && w[1] == 'ن' {
        // انفعل, منفعل
        w[2..].to_vec()
    } else if w[3] == 'ا' && w[0] == 'ا' {
        // افعال
        pick(&w, &[1, 2, 4])
    } else if w[4] == 'ن' && w[3] == 'ا' {
        // فعلان
        w[..3].to_vec()
    } else if w[3] == 'ي' && w[0] == 'ت' {
        // تفعيل
        pick(&w, &[1, 2, 4])
    } else if w[3] == 'و' && w[1] == 'ا' {
        // فاعول
        pick(&w, &[0, 2, 4])
    } else if w[2] == 'ا' && w[1] == 'و' {
        // فواعل
        pick(&w, &[0, 3, 4])
    } else if w[3] == 'ئ' && w[2] == 'ا' {
        // فعائل
        pick(&w, &[0, 1, 4])
    } else if w[4] == 'ه' && w[1] == 'ا' {
        // فاعلة
        pick(&w, &[0, 2, 3])
    } else if w[4] == 'ي' && w[2] == 'ا' {
        // فعالي
        pick(&w, &[0, 1, 3])
    } else {
        let w = suf1(w);
        if w.len() == 5 {
            pre1(w)
        } else {
            w
        }
    }
}

fn pro_w54(w: Vec<char>) -> Vec<char> {
    if matches!(w[0], 'ا' | 'ت' | 'م') {
        // تفعلل, افعلل, مفعلل
        w[1..].to_vec()
    } else if w[4] == 'ه' {
        // فعللة
        w[..4].to_vec()
    } else if w[2] == 'ا' {
        // فعالل
        pick(&w, &[0, 1, 3, 4])
    } else {
        w
    }
}

fn end_w5(w: Vec<char>) -> Vec<char> {
    match w.len() {
        4 => pro_w4(w),
        5 => pro_w54(w),
        _ => w,
    }
}

fn pro_w6(w: Vec<char>) -> Vec<char> {
    if (w[0] == 'ا' || w[0] == 'م') && w[1] == 'س' && w[2] == 'ت' {
        // استفعل, مستفعل
        w[3..].to_vec()
    } else if w[0] == 'م' && w[3] == 'ا' && w[5] == 'ه' {
        // مفعالة
        pick(&w, &[1, 2, 4])
    } else if w[0] == 'م' && w[2] == 'ا' && w[4] == 'ي' {
        // مفاعيل
        pick(&w, &[1, 3, 5])
    } else if w[0] == 'ا' && w[2] == 'ت' && w[4] == 'ا' {
        // افتعال
        pick(&w, &[1, 3, 5])
    } else if w[0] == 'ا' && w[3] == 'و' && w[2] == w[4] {
        // افعوعل
        pick(&w, &[1, 4, 5])
    } else if w[0] == 'ت' && w[2] == 'ا' && w[4] == 'ي' {
        // تفاعيل
        pick(&w, &[1, 3, 5])
    } else {
        let w = suf1(w);
        if w.len() == 6 {
            pre1(w)
        } else {
            w
        }
    }
}

fn pro_w64(w: Vec<char>) -> Vec<char> {
    if w[0] == 'ا' && w[4] == 'ا' {
        // افعلال
        pick(&w, &[1, 2, 3, 5])
    } else if w[0] == 'م' && w[1] == 'ت' {
        // متفعلل
        w[2..].to_vec()
    } else {
        w
    }
}

fn end_w6(w: Vec<char>) -> Vec<char> {
    match w.len() {
        5 => end_w5(pro_w53(w)),
        6 => pro_w64(w),
        _ => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn root_of(word: &str) -> String {
        let word = normalize(word);
        root(&light_stem(without_article(&word)))
    }

    #[test]
    fn broken_plurals_and_derived_forms_share_a_root() {
        let same = [
            ("تصاميم", "تصميم"),
            ("متاجر", "متجر"),
            ("عقود", "عقد"),
            ("الوثائق", "وثيقة"),
            ("المصمم", "تصميم"),
            ("محترف", "احترافية"),
            ("مترجم", "ترجمة"),
            ("مبرمج", "برمجة"),
            ("روابط", "رابط"),
            ("مشاريع", "مشروع"),
            ("الرسائل", "رسالة"),
            ("أغلفة", "غلاف"),
            ("الأخطاء", "خطأ"),
            ("كاتب", "كتابة"),
            ("مدقق", "تدقيق"),
        ];
        for (a, b) in same {
            assert_eq!(root_of(a), root_of(b), "{a} and {b}");
        }
        assert_eq!(root_of("تصاميم"), "صمم");
    }

    #[test]
    fn light_stems_take_off_endings_and_possessives() {
        let stem = |w: &str| light_stem(without_article(&normalize(w)));
        assert_eq!(stem("شعاراتي"), "شعار");
        assert_eq!(stem("سيرتي"), stem("السيرة"));
        assert_eq!(stem("الإنجليزية"), stem("انجليزي"));
        assert_eq!(stem("إعلان"), "اعلان");
        assert_eq!(stem("بيتي"), "بيت");
        assert_eq!(stem("قناتي"), stem("القناة"));
        assert_eq!(without_particle("لمتجري"), Some("متجري"));
        assert_eq!(without_particle("بحث"), None);
    }

    #[test]
    fn loan_word_spellings_share_a_skeleton() {
        let sk = |w: &str| skeleton(&normalize(w)).unwrap();
        assert_eq!(sk("انستغرام"), sk("إنستجرام"));
        assert_eq!(sk("انستقرام"), sk("انستجرام"));
        assert_eq!(sk("سوشال"), sk("سوشيال"));
        assert_eq!(sk("قوقل"), sk("جوجل"));
        assert_eq!(sk("باوربوينت"), sk("بوربوينت"));
        assert_ne!(sk("تصميم"), sk("ترجمة"));
        assert_eq!(skeleton("logo"), None);
    }
}
