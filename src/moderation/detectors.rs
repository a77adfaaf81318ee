//! The built-in detectors: contact details (phones, emails, messenger links and handles) and
//! offers to pay outside the platform, read from normalised text, blind to prices, dates and ids.

use std::sync::LazyLock;

use regex::Regex;

/// A detector a rule can name with `detector:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detector {
    ContactInfo,
    ExternalPayment,
}

impl Detector {
    pub const ALL: [Detector; 2] = [Detector::ContactInfo, Detector::ExternalPayment];

    pub fn name(self) -> &'static str {
        match self {
            Detector::ContactInfo => "contact_info",
            Detector::ExternalPayment => "external_payment",
        }
    }

    pub fn parse(name: &str) -> Option<Detector> {
        Detector::ALL.into_iter().find(|d| d.name() == name)
    }

    /// Where in `normalised` (from [`super::normalise::for_matching`]) the detector fires, if it does:
    /// the matched part, for the flag's excerpt.
    pub fn find(self, normalised: &str) -> Option<String> {
        match self {
            Detector::ContactInfo => contact_info(normalised),
            Detector::ExternalPayment => external_payment(normalised),
        }
    }
}

/// `\b` here is an ASCII word boundary: the Unicode one stops the fast DFA at the first Arabic
/// letter, and the words it guards are Latin (Arabic words are matched without boundaries,
/// since they take prefixes: ال, ب, و).
fn regex(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("built-in detector pattern")
}

/// Fewer digits than this in a row (allowing separators) is a price, a quantity or an id;
/// this many is a phone number, with or without its country code.
const PHONE_DIGITS: usize = 8;

/// Numbers that are long but innocent, removed before digit runs are counted: dates
/// (2026-03-01, 01/03/2026, 1.3.26, 20260301) and amounts grouped in thousands (1,250,000.00).
static INNOCENT_NUMBERS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:(?:19|20)\d\d|\d\d)|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|\d{1,3}(?:,\d{3})+(?:\.\d+)?)\b",
    )
});

/// Digits spelled as words, English and Arabic (as normalised: ة -> ه, أ -> ا).
static SPELLED_DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine)\b|صفر|واحد|اثنين|اتنين|ثلاثه|تلاته|اربعه|خمسه|سته|سبعه|ثمانيه|تمانيه|تسعه",
    )
});

fn spelled_digit(word: &str) -> &'static str {
    match word {
        "zero" | "صفر" => "0",
        "one" | "واحد" => "1",
        "two" | "اثنين" | "اتنين" => "2",
        "three" | "ثلاثه" | "تلاته" => "3",
        "four" | "اربعه" => "4",
        "five" | "خمسه" => "5",
        "six" | "سته" => "6",
        "seven" | "سبعه" => "7",
        "eight" | "ثمانيه" | "تمانيه" => "8",
        _ => "9",
    }
}

/// What a person puts between the digit groups of one phone number: spaces, dots, dashes,
/// slashes, brackets, commas. Normalised text has only ASCII spaces, so no Unicode table is
/// consulted: this runs on every character of every text.
fn joins_digits(c: char) -> bool {
    c.is_ascii_whitespace()
        || matches!(
            c,
            '+' | '.' | '-' | '_' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' | '*' | ',' | '~' | '\'' | '"'
        )
}

/// Words that may stand between digit groups too: "050 then 123", "٠٥٠ شرطه ١٢٣".
const FILLER_WORDS: &[&str] = &["then", "dash", "space", "ثم", "شرطه", "مسافه"];

/// Anything else but a digit is part of a word: a filler, or what ends a run.
fn in_word(c: char) -> bool {
    !c.is_ascii_digit() && !joins_digits(c)
}

/// The runs of ASCII digits in `text` with only separators and filler words between them, as
/// the byte span from the first digit to the last, and the number of digits. A hand-written
/// scan: it runs on every text, and is several times faster than a regex here.
fn digit_runs(text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut runs = Vec::new();
    let mut current: Option<(std::ops::Range<usize>, usize)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_ascii_digit() {
            match &mut current {
                Some((span, digits)) => {
                    span.end = at + 1;
                    *digits += 1;
                }
                None => current = Some((at..at + 1, 1)),
            }
            continue;
        }
        if joins_digits(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next, d)) = chars.peek() {
            if !in_word(d) {
                break;
            }
            end = next + d.len_utf8();
            chars.next();
        }
        if current.is_some() && FILLER_WORDS.contains(&&text[at..end]) {
            continue;
        }
        runs.extend(current.take());
    }
    runs.extend(current);
    runs
}

fn phone_number(normalised: &str) -> Option<String> {
    let text = SPELLED_DIGITS.replace_all(normalised, |c: &regex::Captures| spelled_digit(&c[0]));
    // Dates and amounts are taken out of each long run only: most texts have none.
    // A run glued to Latin letters is a code (tracking number, SKU, hash), not a phone number.
    let glued = |span: &std::ops::Range<usize>| {
        text[..span.start].ends_with(|c: char| c.is_ascii_alphabetic())
            || text[span.end..].starts_with(|c: char| c.is_ascii_alphabetic())
    };
    let long_runs = digit_runs(&text).into_iter().filter(|(span, count)| *count >= PHONE_DIGITS && !glued(span));
    long_runs.into_iter().find_map(|(span, _)| {
        let masked = INNOCENT_NUMBERS.replace_all(&text[span], " # ");
        digit_runs(&masked)
            .into_iter()
            .map(|(span, count)| (&masked[span], count))
            .find(|(run, count)| *count >= PHONE_DIGITS && !is_amount_list(run))
            .map(|(run, _)| run.to_string())
    })
}

/// "500/1000/2000 words", "5, 10, 15, 20, 25": several numbers, each a round amount (no leading
/// zero, ending in 0 or 5). A phone number split into groups has a group that is not.
fn is_amount_list(run: &str) -> bool {
    let groups: Vec<&str> = run.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    groups.len() > 1 && groups.iter().all(|g| !g.starts_with('0') && (g.ends_with('0') || g.ends_with('5')))
}

/// "name (at) gmail [dot] com", "name ات gmail دوت com": the spellings put back as @ and '.'.
static SPELLED_AT: LazyLock<Regex> = LazyLock::new(|| regex(r"\s*[(\[{<]\s*(?:at|ات)\s*[)\]}>]\s*|\s+(?:at|ات)\s+"));
static SPELLED_DOT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\s*[(\[{<]\s*(?:dot|دوت|نقطه)\s*[)\]}>]\s*|\s+(?:dot|دوت)\s+"));

/// An address with spaces allowed around '@' and '.', ending in a real top-level domain or
/// naming a mail provider, so "at 5pm. thanks" is not read as one. Only the common
/// domains may follow a spaced dot: "good at it. me too" is not an address.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"[a-z0-9][a-z0-9._%+\-]*\s*@\s*(?:(?:gmail|hotmail|yahoo|outlook|icloud|protonmail|yandex)\b|[a-z0-9\-]+(?:\s*\.\s*[a-z0-9\-]+)*(?:\s*\.\s*(?:com|net|org)|\.(?:info|biz|io|co|me|edu|gov|sa|ae|eg|kw|qa|bh|om|jo|ma|dz|tn|lb|iq|uk|us|de|fr|ru|tr|in))\b)",
    )
});

/// Whether an address could be here: an '@', or "at" / "ات" standing alone or in brackets.
fn may_hold_address(text: &str) -> bool {
    let apart = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "()[]{}<>".contains(c));
    text.contains('@')
        || ["at", "ات"].iter().any(|word| {
            text.match_indices(word)
                .any(|(at, _)| apart(text[..at].chars().next_back()) && apart(text[at + word.len()..].chars().next()))
        })
}

fn email(normalised: &str) -> Option<String> {
    if !may_hold_address(normalised) {
        return None;
    }
    let spelled = SPELLED_AT.replace_all(normalised, "@");
    let spelled = SPELLED_DOT.replace_all(&spelled, ".");
    EMAIL.find(&spelled).map(|m| m.as_str().to_string())
}

/// Links that open a private chat or a profile: wa.me/..., t.me/..., instagram.com/...
/// (dots may be spaced or spelled).
static CHAT_LINK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:wa|t|m|telegram|api\s*\.\s*whatsapp|chat\s*\.\s*whatsapp)\s*(?:\.|dot|دوت)\s*(?:me|com)\s*/\s*\S|\b(?:instagram|instagr|snapchat|facebook|fb|tiktok|twitter|x)\s*(?:\.|dot|دوت)\s*(?:com|am)\s*/\s*\S",
    )
});

fn chat_link(normalised: &str) -> Option<String> {
    if !normalised.contains('/') {
        return None;
    }
    CHAT_LINK.find(normalised).map(|m| m.as_str().to_string())
}

/// A messenger named, then within a few words a handle or a number: "واتس ٠٥٠١٢٣٤٥٦٧",
/// "insta: layla.designs", "ضيفني سناب laylaa_22", "snap username laylaart". The name alone
/// ("do you use WhatsApp?") is fine, and so is a plain word after it ("my whatsapp is down"):
/// a handle must look like one (a digit, '_' or '.' in it, an '@', "username"/"يوزر" before
/// it, or a colon right after the name: "snap: laylaaa").
/// Arabic names may carry a prefix (ال, ب, على), so they have no left word boundary.
static MESSENGER_WITH_HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:\b(?:whats\s*app|whatsap+|wh?ats|watsap+|telegram|snap\s*chat|snap|instagram|insta|ig|facebook|skype|viber|discord|wechat|gmail|hotmail|yahoo|outlook)\b|واتس\s*اب|واتساب|واتس|وتساب|وتس|تلجرام|تلغرام|تليجرام|تيليجرام|تيليغرام|تلقرام|تليقرام|سناب|انستا|انستغرام|انستقرام|انستجرام|فيسبوك|فيس\s*بوك|سكايب|فايبر|ديسكورد|جيميل|هوتميل)(?:\s*:\s*@?[a-z][a-z0-9_.]{2,}|[^\n]{0,30}?(?:@[a-z0-9_.]{3,}|\b[a-z][a-z0-9_.]{2,}[0-9_][a-z0-9_.]*|\b[a-z][a-z0-9_.]*[0-9_][a-z0-9_.]{2,}|\b[a-z]{2,}\.[a-z0-9_]+|(?:\busername|\buser\s*name|\buser|\bid|يوزر|اليوزر|حسابي|معرفي)\s*:?\s*@?[a-z][a-z0-9_.]{2,}|\d(?:[\s.\-]*\d){5,}))",
    )
});

fn contact_info(normalised: &str) -> Option<String> {
    phone_number(normalised)
        .or_else(|| email(normalised))
        .or_else(|| chat_link(normalised))
        .or_else(|| MESSENGER_WITH_HANDLE.find(normalised).map(|m| m.as_str().to_string()))
}

/// Paying outside the platform: payment links, money-transfer services, bank details and
/// the words sellers use to take a deal off the site ("خارج الموقع", "avoid the fees").
static EXTERNAL_PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"paypal\s*(?:\.|dot|دوت)\s*me|paypal\s*me\s*/|\bwestern\s*union\b|ويسترن\s*يونيون|وسترن\s*يونيون|\bmoney\s*gram\b|موني\s*جرام|\b(?:bank|wire)\s*transfer|\bdirect\s*(?:bank\s*)?(?:deposit|transfer)|تحويل\s*بنكي|حواله\s*بنكيه|ايداع\s*بنكي|تحويل\s*(?:علي|على)\s*(?:حسابي|الحساب|البنك)|حسابي\s*البنكي|رقم\s*حسابي|\biban\b|ايبان|خارج\s*(?:الموقع|المنصه|خمسات|الخمسات)|(?:برا|بره|بعيد\s*عن)\s*(?:الموقع|المنصه)|\b(?:outside|off)\s+(?:of\s+)?(?:the\s+|this\s+)?(?:platform|site|website|souq|khamsat|fiverr)\b|\bpay\s+(?:me\s+)?(?:directly|direct|outside|(?:via|by|on|through|with|using)\s+(?:paypal|western|bank|crypto|usdt|binance|vodafone|stc))|\b(?:avoid|skip|without|no|save)\s+(?:the\s+)?(?:platform\s+|site\s+|souq\s+)?(?:fees?|commission)\b|بدون\s*عموله|من\s*غير\s*عموله|(?:نتجنب|نوفر|توفير|عشان)\s*(?:ال)?عموله|\bvodafone\s*cash\b|فودافون\s*كاش|\bstc\s*pay\b|اس\s*تي\s*سي\s*باي|\binstapay\b|انستا\s*باي|\busdt\b|\bbinance\b|بينانس|(?:ادفع|ادفعلي|حول|حولي|حوللي)\s*(?:لي\s*)?مباشره|الدفع\s*(?:مباشره|المباشر)",
    )
});

fn external_payment(normalised: &str) -> Option<String> {
    EXTERNAL_PAYMENT.find(normalised).map(|m| m.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::moderation::normalise::for_matching;

    fn contact(text: &str) -> Option<String> {
        Detector::ContactInfo.find(&for_matching(text))
    }

    #[test]
    fn phone_numbers_are_seen_through_separators_and_arabic_digits() {
        for text in ["٠٥٠ ١٢٣ ٤٥ ٦٧ ٨", "0 5 0-1 2 3 4 5 6 7", "+966 50 123 4567", "zero five zero 1234567"]
        {
            assert!(contact(text).is_some(), "{text}");
        }
    }

    #[test]
    fn dates_prices_and_amounts_are_not_phone_numbers() {
        for text in ["due 2026-03-01, 3 days, $25", "from 01/03/2026 to 05/03/2026", "budget 1,250,000.00", "20260301"]
        {
            assert_eq!(contact(text), None, "{text}");
        }
    }

    #[test]
    fn spelled_out_emails_are_emails() {
        assert!(contact("layla.d (at) gmail [dot] com").is_some());
        assert!(contact("layla ات gmail دوت com").is_some());
        assert_eq!(contact("delivered at 5pm. thanks"), None);
    }
}
