//! The built-in detectors: contact details (phone numbers, e-mail addresses, links, messenger
//! handles, requests for another channel) and dealing or paying outside the platform, read from
//! normalised text in Arabic (MSA, Gulf, Egyptian, Levantine), Franco-Arabic and English.
//!
//! Explicit data (a number that can be dialled, an address, a link, an IBAN) is contact or
//! payment wherever it stands. Words alone (a messenger's name, a payment brand, "outside the
//! site") count only with what makes them an offer: a handle or a contact verb beside the
//! messenger, a payment verb beside the brand — and not when the clause refuses ("لا أتعامل
//! خارج الموقع", "no bank transfers please") or the brand is the subject of the work
//! (a translation, a design, an article).

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use memchr::memmem::Finder;
use regex::{Regex, RegexSet};

use super::phone;

/// A detector a rule can name with `detector:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detector {
    ContactInfo,
    ExternalPayment,
}

/// What a detector found: where in the normalised text, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Range<usize>,
    pub what: &'static str,
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

    /// Where in `normalised` (from [`super::normalise::for_matching`]) the detector fires, if it
    /// does. A link to one of `allowed_domains` (policy: the marketplace's own) is no contact.
    pub fn find(self, normalised: &str, allowed_domains: &[String]) -> Option<Found> {
        match self {
            Detector::ContactInfo => contact_info(normalised, allowed_domains),
            Detector::ExternalPayment => external_payment(normalised),
        }
    }
}

/// `\b` here is an ASCII word boundary: the Unicode one stops the fast DFA at the first Arabic
/// letter, and the words it guards are Latin. Arabic words end with [`AR_END`]; where they
/// start is checked after the match ([`arabic_word_start`]): a class before the words would
/// keep the regex engine from skipping ahead to their letters, several times slower.
/// Each pattern compiles the first time a text needs it (see [`Gate`]).
pub(super) fn regex(pattern: &str) -> Regex {
    let pattern = pattern.replace(r"\b", r"(?-u:\b)").replace("AR_START", AR_START).replace("AR_END", AR_END);
    Regex::new(&pattern).expect("built-in detector pattern")
}

const AR_START: &str = r"(?:^|[^\x{0621}-\x{064A}])";
const AR_END: &str = r"(?:[^\x{0621}-\x{064A}]|$)";

fn arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// Whether an Arabic word matched at `start` begins a word: only a prefix (و ب ل ف ك ع ال and
/// their pairs) may stand between it and the previous non-letter ("والواتس" yes, "ابعتلي" no).
fn arabic_word_start(text: &str, start: usize) -> bool {
    if !text[start..].starts_with(arabic_letter) {
        return true;
    }
    let mut before: Vec<char> = text[..start].chars().rev().take_while(|c| arabic_letter(*c)).take(4).collect();
    before.reverse();
    let before: String = before.into_iter().collect();
    matches!(
        before.as_str(),
        "" | "و"
            | "ب"
            | "ل"
            | "ف"
            | "ك"
            | "ع"
            | "ال"
            | "وال"
            | "بال"
            | "فال"
            | "كال"
            | "عال"
            | "لل"
            | "ولل"
            | "وب"
            | "ول"
            | "وع"
            | "فب"
    )
}

fn found(text: &str, span: Range<usize>, what: &'static str) -> Found {
    // a boundary class may have taken the character before an Arabic word, or after it
    let inner = &text[span.clone()];
    let start = span.start
        + (inner.len() - inner.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '+').len());
    let end = span.end - (inner.len() - inner.trim_end_matches(|c: char| !c.is_alphanumeric()).len());
    Found { span: start..end.max(start), what }
}

fn find_in(re: &Regex, text: &str, what: &'static str) -> Option<Found> {
    re.find(text).map(|m| found(text, m.range(), what))
}

// ---- e-mail addresses ----------------------------------------------------------------------

/// An address with every spelling of "at" and "dot" people use to get one past a filter:
/// `@`, (at), [at], {at}, -at-, /at/, " at ", ات, arroba, (a); ., (dot), [.], " dot ", دوت,
/// نقطه, punto; providers named in Latin or Arabic letters (جيميل, هوتميل, ياهو) and TLDs as
/// words (كوم). The local part may be Arabic ("ساره ات جيميل دوت كوم").
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    let at = r"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|@|a|ات)\s*[)\]}>]\s*|\s*-at-\s*|\s*/at/\s*|\s+(?:at|ات|arroba)\s+)";
    let dot = r"(?:\s*\.\s*|\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*|\s*-dot-\s*|\s*/dot/\s*|\s+(?:dot|دوت|نقطه|punto)\s+)";
    let provider = r"(?:(?:g\s?mail|gee\s?mail|hotmail|yahoo|outlook|icloud|protonmail|proton|live|yandex|aol)\b|(?:ال)?(?:جيميل|جي\s?ميل|جيمل|هوتميل|هوت\s?ميل|هوتمايل|ياهو|اوتلوك|اوت\s?لوك))";
    let tld = r"(?:com|net|org|info|biz|io|co|me|edu|gov|sa|ae|eg|kw|qa|bh|om|jo|ma|dz|tn|lb|iq|uk|us|de|fr|ru|tr|in)\b|كوم|نت";
    // a bare domain's dots may not be spaced ("good at design. me and my team")
    let tight_dot = r"(?:\.|\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*|\s*-dot-\s*|\s*/dot/\s*|\s+(?:dot|دوت|نقطه|punto)\s+)";
    regex(&format!(
        r"[a-z0-9\x{{0621}}-\x{{064A}}][a-z0-9._%+\-\x{{0621}}-\x{{064A}}]*{at}(?:{provider}(?:{dot}(?:{tld}))?|[a-z0-9\-]+(?:{tight_dot}[a-z0-9\-]+)*{tight_dot}(?:{tld}))"
    ))
});

/// What an address needs somewhere in the text: an '@' or a spelling of "at". Checked first,
/// since the address pattern starts with any letter and has nothing to skip ahead to.
static AT_HINT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"@|\bat\b|\bat-|-at\b|\s+ات\s+|arroba|[(\[{<]\s*a\s*[)\]}>]"));

/// An address, in a text where [`AT_HINT`] matched.
fn email(text: &str) -> Option<Found> {
    find_in(&EMAIL, text, "e-mail address")
}

// ---- links ---------------------------------------------------------------------------------

/// Hosts that lead to a person: chat and profile links, meeting and booking links,
/// link-in-bio pages and URL shorteners (which hide any of these). Dots may be spaced,
/// bracketed or spelt ("t[.]me", "wa . me", "discord dot gg").
const CONTACT_HOSTS: &[&str] = &[
    "wa.me",
    "wa.link",
    "t.me",
    "telegram.me",
    "telegram.dog",
    "m.me",
    "api.whatsapp.com",
    "chat.whatsapp.com",
    "whatsapp.com",
    "instagram.com",
    "instagr.am",
    "snapchat.com",
    "facebook.com",
    "fb.com",
    "fb.me",
    "tiktok.com",
    "twitter.com",
    "x.com",
    "discord.gg",
    "discord.com",
    "discordapp.com",
    "meet.google.com",
    "zoom.us",
    "calendly.com",
    "skype.com",
    "linkedin.com",
    "line.me",
    "signal.me",
    "linktr.ee",
    "beacons.ai",
    "lnk.bio",
    "bio.link",
    "linkin.bio",
    "taplink.cc",
    "allmylinks.com",
    "about.me",
    "carrd.co",
    "solo.to",
    "bit.ly",
    "bitly.com",
    "tinyurl.com",
    "cutt.ly",
    "t.ly",
    "is.gd",
    "v.gd",
    "rebrand.ly",
    "shorturl.at",
    "ow.ly",
    "rb.gy",
    "tiny.cc",
    "goo.gl",
    "s.id",
    "qrco.de",
];

const LINK_DOT: &str = r"(?:\s*\.\s*|\s*[\[({]\s*(?:\.|dot)\s*[\])}]\s*|\s+dot\s+|\s*دوت\s*)";

static CONTACT_LINK: LazyLock<Regex> = LazyLock::new(|| {
    let hosts: Vec<String> =
        CONTACT_HOSTS.iter().map(|h| h.split('.').map(regex::escape).collect::<Vec<_>>().join(LINK_DOT)).collect();
    regex(&format!(r"\b(?:{})\s*/\s*[a-z0-9@+_\-~]", hosts.join("|")))
});

/// Any link with a scheme (also defanged: hxxps) or a www., and a bare domain defanged on
/// purpose ("khaled[dot]com"): a link a seller writes is a way to reach them.
static OTHER_LINK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:https?|hxxps?|h\*\*ps?)\s*(?::|\[:\])\s*//\s*[^\s]+|\bwww\s*(?:\.|\[\.\]|\(\.\))\s*[a-z0-9\-]+(?:\.[a-z0-9\-]+)*|\b[a-z0-9\-]{2,}\s*[\[({]\s*(?:\.|dot)\s*[\])}]\s*(?:com|net|org|io|co|me|info|sa|ae|eg)\b",
    )
});

/// The host a link match names: after the scheme and any user part ("https://souq.example@evil.com"
/// goes to evil.com), before the port, path, query or fragment; defanged dots read as dots.
fn link_host(link: &str) -> String {
    let link = link.replace("[.]", ".").replace("(.)", ".").replace("{.}", ".");
    let after_scheme = link.find("//").map_or(link.as_str(), |i| &link[i + 2..]).trim_start();
    let authority = after_scheme.split(['/', '?', '#', '\\']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default().trim_end_matches('.');
    host.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `host` is one of `allowed` or a subdomain of one ("gig.souq.example", not
/// "evil-souq.example" or "souq.example.evil.com").
fn allowed_host(host: &str, allowed: &[String]) -> bool {
    allowed
        .iter()
        .any(|domain| host.strip_suffix(domain.as_str()).is_some_and(|sub| sub.is_empty() || sub.ends_with('.')))
}

/// The first link `re` finds whose host is not allowed.
fn link(re: &Regex, text: &str, allowed: &[String]) -> Option<Found> {
    re.find_iter(text)
        .find(|m| allowed.is_empty() || !allowed_host(&link_host(m.as_str()), allowed))
        .map(|m| found(text, m.range(), "link"))
}

/// "link in bio": the contact is one tap away, on the profile.
static LINK_IN_BIO: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\blink\s+in\s+(?:my\s+)?(?:bio|profile)\b|(?:الرابط|اللينك|لينك|رابط)\s*(?:في|ف|ب)\s*(?:ال)?(?:بايو|بيو|بروفايل)",
    )
});

// ---- messengers ----------------------------------------------------------------------------

/// Messengers, social networks and mail providers as people write them: abbreviated,
/// misspelt, in Arabic letters (with ال, ب, على, ع before them, ي or ك after).
static MESSENGER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:el|al)\s+what'?s\b|\b(?:whats\s*app|whatsap+|wh?ats|watsap+|wats|wtsp|wts|whtsp?|whts|telegram|telegrm|tlgrm|tele|tg|snap\s*chat|snap|insta(?:gram)?|ig|facebook|fb|face|messenger|skype|viber|discord|dc|signal|wechat|imo|botim|tik\s*tok|twitter|linkedin|kik|gmail|hotmail|yahoo|outlook|icloud|e-?mail|mail)\b|(?:ال|بال|عال|ع|ب|و|ل|لل|علي)?(?:واتس\s*اب|واتساب|واتسب|واتس|وتساب|وتس|تلجرام|تلغرام|تليجرام|تيليجرام|تيليقرام|تيليغرام|تلقرام|تليقرام|تلي|تيلي|سناب\s*شات|سناب|انستا|انستقرام|انستغرام|انستجرام|انستاجرام|فيس\s*بوك|فيسبوك|فيس|ماسنجر|مسنجر|سكايب|فايبر|ديسكورد|دسكورد|سيجنال|ايمو|بوتيم|تيك\s*توك|تيكتوك|تويتر|لينكد\s*ان|جيميل|هوتميل|ياهو|اوتلوك|ايميل|اميل)(?:ي|ك)?AR_END",
    )
});

/// LINE's id, apart from [`MESSENGER`]: "line" is in every other English message ("headline",
/// "line spacing"), and opens only this small piece (see [`Gate`]).
static LINE_ID: LazyLock<Regex> = LazyLock::new(|| regex(r"\bline\s*id\b"));

/// A handle next to a messenger's name: @name, a name with '_' or '.', a name ending in
/// digits, a Discord tag, a long number, "same name", "username: x". Franco-Arabic words
/// (digits inside: "ma3ak", "yeb2a") are not handles, and neither is a web domain.
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"@[a-z0-9_.]{3,}|\blive:[a-z0-9._]+|\b[a-z][a-z0-9]*[_.][a-z0-9_.]*[a-z0-9]\b|\b[a-z]{2,}[0-9]{2,}\b|#\d{4}\b|\d{6,}|\bsame\s+(?:name|number|username|id)\b|\bnafs\s+el\s+(?:esm|rakam|ra2m)|(?:بنفس|نفس)\s*(?:ال)?(?:اسم|اسمي|رقم|يوزر)|\b(?:user\s*name|username|user|id)\s*:?\s*@?[a-z]|(?:يوزر|اليوزر|معرفي|حسابي)\s*:?\s*@?[a-z]",
    )
});

/// Domains are not handles: "yahoo.com and google.com".
fn is_domain(handle: &str) -> bool {
    [".com", ".net", ".org", ".sa", ".eg"].iter().any(|tld| handle.ends_with(tld))
}

/// Words that make a messenger's name an invitation: contact verbs, "me on", "are you on",
/// "faster", Arabic and Franco "on" (على، ع، 3al).
static CONTACT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:add|dm|message|text|call|contact|reach|find|follow|ping|hit|write|talk|chat|email|mail)\s+(?:me|us)\b|\b(?:me|us)\s+on\b|\bare\s+you\s+on\b|\b(?:what'?s|whats|what\s+is)\s+your\b|\b(?:faster|easier|quicker|quick)\b|\b(?:3al|3ala|3la|ala)\b|\bsearch\s+for\s+me\b|\blook\s+me\s+up\b|\b(?:kalemni|kalmni|kalemny|kalmny|ab3atly|eb3atli|eb3atly|ab3atli|wasselni|zedni|zidni|add|ta3ala|nkammel|kammel)\b|كلمني|كلمنى|كلميني|كلمنا|راسلني|راسلنى|ابعتلي|ابعثلي|ابعث\s*لي|ابعت\s*لي|ارسل\s*لي|ارسلي|تواصل|ضيفني|ضيفيني|اضفني|تابعني|دور\s*علي|دوري\s*علي|ابحث\s*عني|ابحثي\s*عني|دق\s*علي|اتصل|عندك|حسابك|فينك|نكمل|نتواصل|خاص|اسرع|اسهل|احسن|افضل|AR_START(?:على|ع)AR_END",
    )
});

// ---- requests for contact ------------------------------------------------------------------

/// Asking for or offering contact details or another channel, in Franco-Arabic and Arabic.
/// The English requests are pieces apart ([`YOUR_CONTACT`], [`MY_CONTACT`], [`MESSAGE_ME`],
/// [`CONTACT_OUTSIDE`], [`CONTACT_ELSEWHERE`]), each opened by two words: their words alone
/// ("text", "where", "app", "contact") are in every other English message.
static CONTACT_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:ra2mak|ra2mek|rakamak|raqamak|ra9mk|ra9mak|ra2mk|rakmak|ra2my|ra2mi|rakami|rakamy|ra9mi)\b|(?:ب|و|ل|ف)?(?:رقمك|رقمي|جوالك|تليفونك|تلفونك|موبايلك|هاتفك|ايميلك|اميلك|بريدك|واتسك)AR_END|(?:تواصل|نتواصل|تتواصل|كلمني|راسلني|نكمل|نتكلم|نحكي)\s*(?:معي|معك|معاك|معاي)?\s*(?:ع\s*|على\s*|في\s*|ب)?(?:ال)?خاص|(?:نتواصل|تواصل|التواصل|نكمل|نتكلم|نحكي|نتفاهم)\s*(?:معك\s*|معي\s*)?(?:خارج|برا|بره|برات|بعيد\s*عن)\s*(?:ال)?(?:موقع|منصه|خمسات|مستقل|سوق)",
    )
});

/// Someone's contact details asked for: "your number", "ur whatsapp". Apart from
/// [`CONTACT_REQUEST`], gated by the possessive too: "mobile", "number", "contact" alone are
/// ordinary words ("blurry on mobile").
static YOUR_CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:your|ur|yr)\s+(?:personal\s+|private\s+|direct\s+)?(?:phone(?:\s*number)?|number|num|mobile|cell|email|e-?mail|whats\s*app|whatsapp|telegram|skype(?:\s*id)?|ig|insta(?:gram)?|snap(?:chat)?|discord|contacts?(?:\s+(?:details|info))?|rakam|ra2m)\b",
    )
});

/// One's own contact details offered: "my number", "my email" ("my number of revisions"
/// opens this small piece, not [`YOUR_CONTACT`]).
static MY_CONTACT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\bmy\s+(?:phone\s+|mobile\s+|cell\s+|whatsapp\s+)?(?:number|num|email|e-?mail)\b"));

/// "text me", "email me".
static MESSAGE_ME: LazyLock<Regex> = LazyLock::new(|| regex(r"\b(?:text|email|e-mail|sms|whatsapp)\s+me\b"));

/// Talking directly, privately, outside the site.
static CONTACT_OUTSIDE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:contact|reach|call|talk\s+to)\s+(?:you|me)\s+(?:directly|outside|privately|personally)\b|\b(?:talk|chat|continue|communicate|contact)\b.{0,30}\b(?:outside|off)\s+(?:of\s+)?(?:the\s+|this\s+)?(?:site|platform|app|chat)\b",
    )
});

/// Asking where else to find someone, or for another app.
static CONTACT_ELSEWHERE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\breach\s+you\b|\bwhere\s+can\s+i\s+find\s+you\b|\bsomewhere\s+else\b|\b(?:another|other|different)\s+(?:app|platform|channel|messenger)\b",
    )
});

// ---- payment outside the platform ----------------------------------------------------------

/// Offers to deal or pay outside the platform, whatever the clause around them says about
/// work: payment links, IBANs and wallet addresses, "pay me directly", "skip the commission",
/// "outside the site". Refusals are still recognised ("لا أتعامل خارج الموقع").
static PAYMENT_INTENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\bpaypal\s*(?:\.|dot|دوت|\[\.\])\s*me\b|\b[a-z]{2}\d{2}(?:\s?[0-9a-z]){11,30}\b|\bt[0-9a-z]{33}\b|\b0x[0-9a-f]{40}\b|\bpay\s+(?:me\s+|you\s+)?(?:directly|direct|outside|privately)\b|\b(?:deal|work)\s+(?:with\s+me\s+)?directly\b|\bdirect\s+deal\b|\bdirectly\b.{0,20}\bno\s+(?:fees?|commission)\b|\b(?:avoid|skip|bypass|save|without|no|dodge)\s+(?:the\s+|on\s+)?(?:platform\s+|site\s+|service\s+|souq\s+|fiverr\s+)?(?:fees?|commission)\b|\bwhy\s+pay\s+the\s+(?:service\s+)?fees?\b|\bcash\s+(?:when\s+we\s+meet|in\s+hand|on\s+meeting)\b|(?:خارج|برا|بره|برات|بعيد\s*عن|بدون|من\s*غير|من\s*دون)\s*(?:ال)?(?:موقع|منصه|خمسات|مستقل|سوق|وسيط)|بيني\s*وبينك|(?:تتعامل|نتعامل|اتعامل|ادفعلي|ادفع|حولي|حوللي|حول|تحول|نشتغل)\s*(?:معي\s*|معاي\s*|لي\s*)?(?:مباشره|على\s*طول|عطول|دايركت)|(?:نوفر|توفير|نتجنب|ندفع|بدون|من\s*غير|بلا)\s*(?:ال)?عموله|عموله\s*(?:ال)?(?:موقع|منصه)?\s*(?:كبيره|عاليه)|ما\s*ينقص\s*منك|يد\s*بيد|كاش\s*يد",
    )
});

/// Dealing outside the platform in English and Franco-Arabic, apart from [`PAYMENT_INTENT`]:
/// "outside", "off", "need" are ordinary words ("an offer", "I only need"), and open this
/// piece only with a word for the platform or "instead", "here".
static OUTSIDE_PLATFORM: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:outside|off)\s*-?\s*(?:of\s+)?(?:the\s+|this\s+)?(?:platform|site|website|souq|khamsat|fiverr|mostaql|upwork)\b|\boutside\b.{0,25}\b(?:instead|here)\b|\bno\s+need\s+for\s+the\s+(?:site|platform)\b|\bbara\s+(?:el\s+)?(?:site|platform|mawqe3|manasa)\b",
    )
});

/// Payment services and bank words that, named in a message, offer a way to pay outside:
/// unless the work is about them or the clause refuses them.
static PAYMENT_BRAND: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:pay\s*pal|payoneer|stc\s*pay|vodafone\s*cash|etisalat\s*cash|instapay|insta\s+pay|western\s*union|money\s*gram|skrill|revolut|payeer|perfect\s*money|binance|usdt|trc20|erc20|zain\s*cash|asia\s*hawala|orange\s*money|omt|whish|urpay|iban|rib|bank\s+account|wire\s+transfer|bank\s+transfers?)\b|باي\s*بال|بي\s*بال|بايونير|بايونيير|اس\s*تي\s*سي\s*باي|stc\s*باي|فودافون\s*كاش|اتصالات\s*كاش|انستا\s*باي|ويسترن\s*يونيون|وسترن\s*يونيون|موني\s*جرام|سكريل|بيرفكت\s*موني|بينانس|زين\s*كاش|اسيا\s*حواله|اورنج\s*موني|اورانج\s*موني|ويش\s*موني|ايبان|الايبان|حساب\s*بنكي|حسابي\s*البنكي|حسابي\s*في\s*(?:ال)?بنك|الراجحي|الاهلي|بنك\s*مصر|بنك\s*القاهره|تحويل\s*بنكي|حواله\s*بنكيه|ايداع\s*بنكي|حواله",
    )
});

/// Ways to pay that are ordinary words too ("cash-back app", "wise choice"): an offer only with
/// a payment verb in the clause.
static PAYMENT_WEAK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:wise|cash|crypto|btc|bitcoin|gift\s*cards?|itunes|google\s+play|amazon\s+card|apple\s+pay)\b|كاش|كليك|بيتكوين|بطاقه\s*(?:هدايا|ايتونز|جوجل\s*بلاي|امازون|ستيم)|ايتونز",
    )
});

/// A payment link, weak like [`PAYMENT_WEAK`] and apart from it: "payment" and دفع are in
/// every other message about an order, and open this piece only beside "link" or رابط.
static PAYMENT_LINK: LazyLock<Regex> = LazyLock::new(|| regex(r"\bpayment\s+link\b|رابط\s*(?:ال)?دفع"));

static PAYMENT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:pay|paid|payment|payments|send|transfer|accept|accepted|use|works\s+for\s+me|is\s+fine|edfa3|edfa3li|7awel|7awelli|7awelly)\b|ادفع|الدفع|دفع|حول|حولي|ابعت|ارسل|اشتري\s*لي|اقبل|مقبول",
    )
});

/// The brand is the subject of the work: a translation, a design, an article, code.
static WORK_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:translate|translation|article|blog|posts?|design|logo|ui|ux|app|screen|page|website|video|voice-?over|documentary|script|integrate|integration|checkout|api|webhook|plugin|function|python|laravel|woocommerce|shopify|template|field|icons?|banner|poster|flyer|presentation|research|paper|report|tutorial|course|explainer|copywriting|descriptions?|model|startup|landing|button|mockup|slides?|ads?|campaign|promoting|announcing|captions?|history|comparing|sheet|excel|track|build|fix|review)\b|ترجمه|ترجم|مقال|تصميم|شعار|واجهه|تطبيق|بوابه|برمجه|سكربت|فيديو|شرح|تعليق\s*صوتي|اعلان|بوستر|فلاير|ايقونات|بحث|تقرير|تلخيص|كتاب|دليل|نظام|دراسه|قالب|صفحه|محفظه|فلاير",
    )
});

// ---- refusal -------------------------------------------------------------------------------

/// Words that turn the rest of a clause into a refusal or a rule being recalled.
fn negation(word: &str) -> bool {
    matches!(
        word,
        "no" | "not"
            | "never"
            | "don't"
            | "dont"
            | "doesn't"
            | "can't"
            | "cant"
            | "cannot"
            | "won't"
            | "wont"
            | "shouldn't"
            | "mustn't"
            | "forbidden"
            | "refuse"
            | "decline"
            | "against"
            | "msh"
            | "mesh"
            | "mish"
            | "mafeesh"
            | "mafish"
            | "لا"
            | "ما"
            | "مش"
            | "مو"
            | "ماني"
            | "مب"
            | "لن"
            | "لم"
            | "ممنوع"
            | "مايصير"
            | "مينفعش"
            | "رفضت"
            | "ارفض"
            | "نرفض"
            | "بعتذر"
            | "اعتذر"
            | "عفوا"
            | "مخالف"
            | "بلاش"
            | "مابي"
    )
}

/// Reporting an offer is the opposite of making one: "a buyer asked me to pay outside the
/// site, I reported him".
static REPORTED: LazyLock<Regex> = LazyLock::new(|| regex(r"\breport(?:ed|ing)?\b|ابلغ|بلغت|بلاغ"));

/// Just after the last of `ends` before `at`, or 0.
fn after_last(text: &str, at: usize, ends: &[char]) -> usize {
    text[..at].rfind(ends).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8))
}

fn clause_start(text: &str, at: usize) -> usize {
    after_last(text, at, &['.', ',', '!', '?', '؟', '،', ';', '\n', ':', '—'])
}

fn sentence(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = after_last(text, span.start, &['.', '!', '?', '؟', '\n']);
    let end = text[span.end..].find(['.', '!', '?', '؟', '\n']).map_or(text.len(), |i| span.end + i);
    start..end
}

/// Whether the clause holding `span` refuses before it: "لا أتعامل خارج الموقع", "please don't
/// send your whatsapp".
fn refused(text: &str, span: &Range<usize>) -> bool {
    let before = &text[clause_start(text, span.start)..span.start];
    let word_chars = |c: char| !(phone::is_word_char(c) || c == '\'');
    before.split(word_chars).any(negation) || REPORTED.is_match(text)
}

fn window(text: &str, span: &Range<usize>, before: usize, after: usize) -> Range<usize> {
    let mut start = span.start.saturating_sub(before);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + after).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// A messenger named with a handle after it (or right before it), a colon and a name ("IG:
/// rawan.art"), "X me", "X?", or a contact verb around it; not in a refusal. `names`: those of
/// [`MESSENGER`] and [`LINE_ID`] the text opens.
fn messenger(text: &str, names: &[&Regex]) -> Option<Found> {
    let names = names.iter().flat_map(|re| re.find_iter(text));
    names.filter(|m| arabic_word_start(text, m.start())).find_map(|m| {
        let name = found(text, m.range(), "messenger");
        let span = name.span.clone();
        let after = &text[span.end..window(text, &span, 0, 40).end];
        let around = window(text, &span, 30, 30);
        let handle = HANDLE.find_iter(&text[around.clone()]).any(|h| {
            {
                // the name itself ("whats.app") is not its own handle
                let overlaps = around.start + h.start() < span.end && around.start + h.end() > span.start;
                !is_domain(h.as_str()) && !overlaps
            }
        });
        let colon = after.trim_start().strip_prefix(':').is_some_and(|rest| {
            rest.trim_start().starts_with(|c: char| c.is_ascii_alphabetic() || c == '@' || c.is_ascii_digit())
        });
        let me = after.trim_start().starts_with("me") && !after.trim_start()[2..].starts_with(char::is_alphanumeric);
        let asked = after.trim_start().starts_with(['?', '؟']);
        let verb = CONTACT_VERB.is_match(&text[around]);
        ((handle || colon || me || asked || verb) && !refused(text, &span)).then_some(name)
    })
}

/// The first match of `pieces` (one pattern, or the pieces of one: see [`Gate`]) that no
/// clause refuses.
fn intent(pieces: &[&Regex], text: &str, what: &'static str) -> Option<Found> {
    pieces
        .iter()
        .flat_map(|re| re.find_iter(text))
        .filter(|m| arabic_word_start(text, m.start()))
        .map(|m| found(text, m.range(), what))
        .find(|f| !refused(text, &f.span))
}

// ---- first pass ----------------------------------------------------------------------------

/// The patterns the detectors start from. Most texts match none of them, and compiling them
/// was most of what screening cost a process that screens one text (a `order message`: 40
/// million instructions for the sets alone, [`CONTACT_LINK`] 3 ms by itself). So a first pass
/// looks for words a pattern's every match contains, and only a pattern whose words are in
/// the text is compiled and run. Only a skip: what runs finds what it would have found
/// without it (`tests::every_match_holds_its_gates_words` proves the words from the patterns).
///
/// A pattern is compiled whole, at a cost that grows with all of it: a branch that needs a
/// common English word ("line", "mobile", "need") is a gate of its own, a small pattern
/// (such as [`LINE_ID`], [`MY_CONTACT`], [`PAYMENT_LINK`]) that a second list of words keeps
/// shut in ordinary talk, and the detector runs the pieces its text opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    AtHint,
    ContactLink,
    OtherLink,
    LinkInBio,
    Messenger,
    LineId,
    ContactRequest,
    YourContact,
    MyContact,
    MessageMe,
    ContactOutside,
    ContactElsewhere,
    PaymentIntent,
    OutsidePlatform,
    PaymentBrand,
    PaymentWeak,
    PaymentLink,
}

/// Words every link written with a dot contains, one of them: what [`LINK_DOT`] matches.
const DOT_SPELLINGS: &[&str] = &[".", "[", "(", "{", "dot", "دوت"];

impl Gate {
    const ALL: [Gate; 17] = [
        Gate::AtHint,
        Gate::ContactLink,
        Gate::OtherLink,
        Gate::LinkInBio,
        Gate::Messenger,
        Gate::LineId,
        Gate::ContactRequest,
        Gate::YourContact,
        Gate::MyContact,
        Gate::MessageMe,
        Gate::ContactOutside,
        Gate::ContactElsewhere,
        Gate::PaymentIntent,
        Gate::OutsidePlatform,
        Gate::PaymentBrand,
        Gate::PaymentWeak,
        Gate::PaymentLink,
    ];

    /// Lists of words: every match of the gate's pattern contains a word of each list. Chosen
    /// to be rare in texts that match nothing (a verb or a brand, not "ال" or "me").
    fn words(self) -> &'static [&'static [&'static str]] {
        match self {
            Gate::AtHint => &[&["@", r"\bat\b", "ات", "arroba", "(", "[", "{", "<"]],
            Gate::ContactLink => &[&["/"], DOT_SPELLINGS],
            Gate::OtherLink => &[&["//", "www", "[", "(", "{"]],
            Gate::LinkInBio => &[&["bio", "profile", "بايو", "بيو", "بروفايل"]],
            Gate::Messenger => &[&[
                // whole words where the pattern reads them so: not "install", "telephone", "faces"
                r"\bwhats",
                r"\bwhat's",
                r"\bwats",
                r"\bwts",
                r"\bwhts",
                r"\btele\b",
                r"\btelegram\b",
                r"\btelegrm\b",
                r"\btlgrm\b",
                r"\btg\b",
                r"\bsnap",
                r"\binsta\b",
                r"\binstagram\b",
                r"\big\b",
                r"\bface\b",
                r"\bfacebook\b",
                r"\bfb\b",
                r"\bmessenger\b",
                "skype",
                "viber",
                "discord",
                r"\bdc\b",
                "wechat",
                r"\bimo\b",
                "botim",
                r"\btik",
                r"\bsignal\b",
                "twitter",
                "linkedin",
                r"\bkik\b",
                r"mail\b",
                "yahoo",
                "outlook",
                "icloud",
                "واتس",
                "وتس",
                "تلي",
                "تيلي",
                "تلجرام",
                "تلغرام",
                "تلقرام",
                "سناب",
                "انست",
                "فيس",
                "سنجر",
                "سكايب",
                "فايبر",
                "سكورد",
                "سيجنال",
                "ايمو",
                "بوتيم",
                "تيك",
                "تويتر",
                "لينكد",
                "جيميل",
                "هوتميل",
                "ياهو",
                "اوتلوك",
                "ايميل",
                "اميل",
            ]],
            Gate::LineId => &[&[r"\bline"], &[r"id\b"]],
            Gate::MyContact => &[&[r"\bmy\b"], &[r"\bnum", r"mail\b"]],
            Gate::YourContact => &[
                &[r"\byour\b", r"\bur\b", r"\byr\b"],
                &[
                    r"\bphone",
                    r"\bnum",
                    r"cell\b",
                    r"\bmobile\b",
                    r"mail\b",
                    r"\bwhats",
                    "telegram",
                    "skype",
                    r"\big\b",
                    "insta",
                    "snap",
                    "discord",
                    r"\bcontact",
                    "rakam",
                    "ra2m",
                ],
            ],
            Gate::MessageMe => &[&[r"\btext\b", r"mail\b", r"\bsms\b", r"\bwhatsapp\b"], &[r"\bme\b"]],
            Gate::ContactOutside => &[
                &[r"\bdirectly\b", r"\boutside\b", r"\bprivately\b", r"\bpersonally\b", r"\boff\b"],
                &[r"\byou\b", r"\bme\b", r"\bsite\b", r"\bplatform\b", r"\bapp\b", r"\bchat\b"],
            ],
            Gate::ContactElsewhere => &[
                &[
                    r"\breach\b",
                    r"\bwhere\b",
                    r"\bsomewhere\b",
                    r"\bapp\b",
                    r"\bplatform\b",
                    r"\bchannel\b",
                    r"\bmessenger\b",
                ],
                &[r"\byou\b", r"\belse\b", r"other\b", r"\bdifferent\b"],
            ],
            Gate::ContactRequest => &[&[
                "ra2m",
                "rakam",
                "raqam",
                "ra9m",
                "rakmak",
                "رقمك",
                "رقمي",
                "جوالك",
                "تليفونك",
                "تلفونك",
                "موبايلك",
                "هاتفك",
                "ايميلك",
                "اميلك",
                "بريدك",
                "واتسك",
                "تواصل",
                "كلمني",
                "راسلني",
                "نكمل",
                "نتكلم",
                "نحكي",
                "نتفاهم",
            ]],
            // and the codes ([`payment_code`]): an IBAN, a wallet address
            Gate::PaymentIntent => &[&[
                "paypal",
                r"\b0x",
                // "pay" is in every other message: its branches are read by what follows it
                r"\bdirect",
                r"\boutside\b",
                r"\bprivately\b",
                r"\bfee\b",
                r"\bfees\b",
                "commission",
                r"\bcash",
                "موقع",
                "منصه",
                "خمسات",
                "مستقل",
                "سوق",
                "وسيط",
                "بيني",
                "مباشره",
                "طول",
                "دايركت",
                "عموله",
                "ينقص",
                "بيد",
                "كاش",
            ]],
            Gate::OutsidePlatform => &[
                &[r"\boutside", r"\boff", r"\bneed\b", r"\bbara\b"],
                &[
                    r"platform\b",
                    r"site\b",
                    "souq",
                    "khamsat",
                    "fiverr",
                    "mostaql",
                    "upwork",
                    r"\binstead\b",
                    r"\bhere\b",
                    "mawqe3",
                    "manasa",
                ],
            ],
            Gate::PaymentBrand => &[&[
                // "pay" is in every other message: its brands are read by what goes with it
                r"pal\b",
                "stc",
                r"\binsta\b",
                r"\binstapay\b",
                "urpay",
                "payoneer",
                "payeer",
                r"cash\b",
                r"union\b",
                "skrill",
                "revolut",
                "money",
                "binance",
                "usdt",
                "trc20",
                "erc20",
                "hawala",
                r"\bomt\b",
                r"\bwhish\b",
                r"\biban\b",
                r"\brib\b",
                r"\bbank\b",
                r"\btransfer",
                "بال",
                "باي",
                "بايون",
                "كاش",
                "يونيون",
                "جرام",
                "سكريل",
                "موني",
                "بينانس",
                "حواله",
                "ايبان",
                "بنك",
                "راجحي",
                "الاهلي",
            ]],
            Gate::PaymentWeak => &[&[
                r"\bwise\b",
                r"\bcash\b",
                r"\bcrypto\b",
                r"\bbtc\b",
                r"\bbitcoin\b",
                r"\bgift",
                r"\bitunes\b",
                r"\bgoogle\b",
                r"\bamazon\b",
                r"\bapple\b",
                "كاش",
                "كليك",
                "بيتكوين",
                "بطاقه",
                "ايتونز",
            ]],
            Gate::PaymentLink => &[&[r"\bpayment\b", "دفع"], &[r"\blink\b", "رابط"]],
        }
    }

    fn pattern(self) -> &'static Regex {
        match self {
            Gate::AtHint => &AT_HINT,
            Gate::ContactLink => &CONTACT_LINK,
            Gate::OtherLink => &OTHER_LINK,
            Gate::LinkInBio => &LINK_IN_BIO,
            Gate::Messenger => &MESSENGER,
            Gate::LineId => &LINE_ID,
            Gate::ContactRequest => &CONTACT_REQUEST,
            Gate::MessageMe => &MESSAGE_ME,
            Gate::ContactOutside => &CONTACT_OUTSIDE,
            Gate::ContactElsewhere => &CONTACT_ELSEWHERE,
            Gate::YourContact => &YOUR_CONTACT,
            Gate::MyContact => &MY_CONTACT,
            Gate::PaymentIntent => &PAYMENT_INTENT,
            Gate::OutsidePlatform => &OUTSIDE_PLATFORM,
            Gate::PaymentBrand => &PAYMENT_BRAND,
            Gate::PaymentWeak => &PAYMENT_WEAK,
            Gate::PaymentLink => &PAYMENT_LINK,
        }
    }

    /// The bit of word list `list` of this gate in [`Gates::found`].
    fn bit(self, list: usize) -> u64 {
        1 << (self as usize * 2 + list)
    }
}

/// What [`PAYMENT_INTENT`] matches without a word: an IBAN (two letters, two digits) or a wallet
/// address (34 letters and digits in a row).
fn payment_code(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let iban = chars
        .windows(4)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase() && w[2].is_numeric() && w[3].is_numeric());
    iban || text.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit())).any(|run| run.len() >= 34)
}

/// Every gate's words, found in one of two ways. A process that screens one text (an
/// `order message`) reads one short text: looking for each word in turn costs a few dozen
/// thousand instructions, where building one automaton for all of them costs a million. A
/// process that reads more (a scan, an import) builds the automaton after [`BY_SEARCHERS`]
/// reads, and then reads a text once whatever the number of words.
struct FirstPass {
    words: Vec<&'static str>,
    /// For each of `words`, the bits ([`Gate::bit`]) of the word lists it is in, by the edges
    /// ([`Edges`]) that list wants bounded.
    lists: Vec<[u64; 4]>,
    searchers: OnceLock<Vec<Finder<'static>>>,
    automaton: OnceLock<AhoCorasick>,
}

/// Reads of a process that look for each word in turn, before the automaton is built.
const BY_SEARCHERS: usize = 8;

impl FirstPass {
    /// The bits of the word lists `text` holds words of, on the `reads`th read of the process.
    fn read(&self, text: &str, reads: usize) -> u64 {
        let mut found = 0;
        let mut hit = |word: usize, at: Range<usize>| {
            let (lists, edges) = (self.lists[word], Edges::of(text, at));
            // a list's bounded edges must all be on a boundary
            found = (0..4).filter(|wanted| wanted & edges == *wanted).fold(found, |found, i| found | lists[i]);
        };
        if reads < BY_SEARCHERS {
            let searchers = self
                .searchers
                .get_or_init(|| self.words.iter().map(|word| Finder::new(word.as_bytes()).into_owned()).collect());
            for (word, searcher) in searchers.iter().enumerate() {
                let len = searcher.needle().len();
                searcher.find_iter(text.as_bytes()).for_each(|at| hit(word, at..at + len));
            }
        } else {
            let automaton = self.automaton.get_or_init(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    // the quickest to build: it reads a few hundred texts, then the sets take over
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .build(&self.words)
                    .expect("built-in words")
            });
            automaton.find_overlapping_iter(text).for_each(|m| hit(m.pattern().as_usize(), m.range()));
        }
        found
    }
}

/// A gate word written `\bword`, `word\b` or `\bword\b` counts only where the pattern's own
/// `\b` lets it match: no ASCII letter, digit or '_' on that side ("ig" not in "big"). The
/// index into [`FirstPass::lists`]: 1 the start bounded, 2 the end, 3 both.
struct Edges;

impl Edges {
    /// The word without its marks, and which of its edges are bounded.
    fn read(word: &'static str) -> (&'static str, usize) {
        let (word, start) = word.strip_prefix(r"\b").map_or((word, 0), |w| (w, 1));
        let (word, end) = word.strip_suffix(r"\b").map_or((word, 0), |w| (w, 2));
        (word, start | end)
    }

    /// Which edges of the hit `at` stand on a boundary.
    fn of(text: &str, at: Range<usize>) -> usize {
        let word_byte = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        let bytes = text.as_bytes();
        let start = !word_byte(at.start.checked_sub(1).and_then(|i| bytes.get(i)));
        let end = !word_byte(bytes.get(at.end));
        usize::from(start) | usize::from(end) << 1
    }
}

static FIRST_PASS: LazyLock<FirstPass> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut lists: Vec<[u64; 4]> = Vec::new();
    for gate in Gate::ALL {
        for (list, list_words) in gate.words().iter().enumerate() {
            for word in *list_words {
                let (word, edges) = Edges::read(word);
                let at = words.iter().position(|w| *w == word).unwrap_or_else(|| {
                    words.push(word);
                    lists.push([0; 4]);
                    words.len() - 1
                });
                lists[at][edges] |= gate.bit(list);
            }
        }
    }
    FirstPass { words, lists, searchers: OnceLock::new(), automaton: OnceLock::new() }
});

/// The gates of [`contact_info`] and [`external_payment`], in the order each tries them.
const CONTACT_GATES: [Gate; 12] = [
    Gate::AtHint,
    Gate::ContactLink,
    Gate::OtherLink,
    Gate::LinkInBio,
    Gate::Messenger,
    Gate::LineId,
    Gate::YourContact,
    Gate::MyContact,
    Gate::MessageMe,
    Gate::ContactOutside,
    Gate::ContactElsewhere,
    Gate::ContactRequest,
];
const PAYMENT_GATES: [Gate; 5] =
    [Gate::PaymentIntent, Gate::OutsidePlatform, Gate::PaymentBrand, Gate::PaymentWeak, Gate::PaymentLink];

/// A process that screens many texts (a scan, an import) has soon paid for compiling the
/// patterns, and then one pass of all of a detector's patterns together (a RegexSet) tells
/// more than the words, for less: words open gates whose patterns then miss, each a pass of
/// its own. Words for the first [`BY_WORDS`] reads, the sets after.
const BY_WORDS: usize = 200;
static READS: AtomicUsize = AtomicUsize::new(0);

/// Every gate of both detectors, in one set: a text is read by both, one after the other, and
/// one pass of the set serves the two ([`set_read`]).
static EVERY_GATE: LazyLock<Vec<Gate>> =
    LazyLock::new(|| CONTACT_GATES.iter().chain(&PAYMENT_GATES).copied().collect());
static EVERY_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(EVERY_GATE.iter().map(|gate| gate.pattern().as_str())).expect("built-in detector patterns")
});

thread_local! {
    /// The last text [`EVERY_SET`] read on this thread, and the word-list bits it found.
    static LAST_SET_READ: std::cell::RefCell<Option<(String, u64)>> = const { std::cell::RefCell::new(None) };
}

/// The bits ([`Gate::bit`]) of every list of the gates whose pattern matches `text`.
fn set_read(text: &str) -> u64 {
    LAST_SET_READ.with_borrow_mut(|last| match last {
        Some((read, found)) if read == text => *found,
        _ => {
            let every_list = |gate: Gate| (0..gate.words().len()).fold(0, |bits, list| bits | gate.bit(list));
            let found = EVERY_SET.matches(text).iter().fold(0, |found, i| found | every_list(EVERY_GATE[i]));
            let (read, bits) = last.get_or_insert_with(Default::default);
            read.clear(); // the buffer is kept: a scan reads a million texts
            read.push_str(text);
            *bits = found;
            found
        }
    })
}

/// Which of a detector's gates a text opens.
struct Gates<'t> {
    text: &'t str,
    /// Bits ([`Gate::bit`]) of the word lists found; read by a set, of every list of the
    /// gates whose pattern matched.
    found: u64,
    by_words: bool,
}

impl Gates<'_> {
    /// The gates of both detectors: words or the set find them all in one pass.
    fn read(text: &str) -> Gates<'_> {
        let reads = READS.load(Ordering::Relaxed);
        if reads < BY_WORDS {
            READS.fetch_add(1, Ordering::Relaxed);
            return Gates { text, found: FIRST_PASS.read(text, reads), by_words: true };
        }
        Gates { text, found: set_read(text), by_words: false }
    }

    /// Whether the gate's pattern can match: a word of each of its lists is in the text (read
    /// by a set: the pattern matched).
    fn open(&self, gate: Gate) -> bool {
        (0..gate.words().len()).all(|list| self.found & gate.bit(list) != 0)
            || self.by_words && gate == Gate::PaymentIntent && payment_code(self.text)
    }

    /// The patterns of those of `gates` that are open, compiled: the pieces a detector runs.
    fn patterns(&self, gates: &[Gate]) -> Vec<&'static Regex> {
        gates.iter().filter(|gate| self.open(**gate)).map(|gate| gate.pattern()).collect()
    }
}

fn contact_info(text: &str, allowed: &[String]) -> Option<Found> {
    let phone = phone::find(text).map(|span| Found { span, what: "phone number" });
    if phone.is_some() {
        return phone;
    }
    let gates = Gates::read(text);
    let request = [
        Gate::YourContact,
        Gate::MyContact,
        Gate::MessageMe,
        Gate::ContactOutside,
        Gate::ContactElsewhere,
        Gate::ContactRequest,
    ];
    (gates.open(Gate::AtHint) && AT_HINT.is_match(text))
        .then(|| email(text))
        .flatten()
        .or_else(|| gates.open(Gate::ContactLink).then(|| link(&CONTACT_LINK, text, allowed)).flatten())
        .or_else(|| gates.open(Gate::OtherLink).then(|| link(&OTHER_LINK, text, allowed)).flatten())
        .or_else(|| intent(&gates.patterns(&[Gate::LinkInBio]), text, "link in bio"))
        .or_else(|| messenger(text, &gates.patterns(&[Gate::Messenger, Gate::LineId])))
        .or_else(|| intent(&gates.patterns(&request), text, "request for contact"))
}

/// A brand of payment named as an offer: not the subject of the sentence's work, not refused;
/// a weak one only with a payment verb in its clause. `strong`: whether [`PAYMENT_BRAND`] can
/// match at all (its gate); `weak`: those of [`PAYMENT_WEAK`] and [`PAYMENT_LINK`] that can.
fn payment_brand(text: &str, strong: bool, weak: &[&Regex]) -> Option<Found> {
    let offered = |f: &Found| {
        let sentence = sentence(text, &f.span);
        !WORK_SUBJECT.is_match(&text[sentence]) && !refused(text, &f.span)
    };
    let strong = strong
        .then(|| PAYMENT_BRAND.find_iter(text))
        .into_iter()
        .flatten()
        .map(|m| found(text, m.range(), "payment outside the site"));
    let weak = weak
        .iter()
        .flat_map(|re| re.find_iter(text))
        .map(|m| found(text, m.range(), "payment outside the site"))
        .filter(|f| {
            let clause = clause_start(text, f.span.start)..sentence(text, &f.span).end;
            PAYMENT_VERB.is_match(&text[clause])
        });
    strong.chain(weak).find(offered)
}

fn external_payment(text: &str) -> Option<Found> {
    let gates = Gates::read(text);
    let offer = gates.patterns(&[Gate::PaymentIntent, Gate::OutsidePlatform]);
    let (brand, weak) = (gates.open(Gate::PaymentBrand), gates.patterns(&[Gate::PaymentWeak, Gate::PaymentLink]));
    intent(&offer, text, "payment outside the site")
        .or_else(|| (brand || !weak.is_empty()).then(|| payment_brand(text, brand, &weak)).flatten())
}

#[cfg(test)]
mod tests {
    use regex_syntax::hir::{Class, Hir, HirKind, Look};

    use super::*;
    use crate::moderation::normalise::for_matching;

    fn contact(text: &str) -> Option<String> {
        let normalised = for_matching(text);
        Detector::ContactInfo.find(&normalised, &[]).map(|f| normalised[f.span].to_string())
    }

    fn payment(text: &str) -> Option<String> {
        let normalised = for_matching(text);
        Detector::ExternalPayment.find(&normalised, &[]).map(|f| normalised[f.span].to_string())
    }

    #[test]
    fn spelled_out_emails_are_emails() {
        assert!(contact("layla.d (at) gmail [dot] com").is_some());
        assert!(contact("layla ات gmail دوت com").is_some());
        assert!(contact("ساره ديزاين ات جيميل دوت كوم").is_some());
        assert_eq!(contact("delivered at 5pm. thanks"), None);
    }

    #[test]
    fn a_messenger_counts_with_a_handle_or_a_contact_verb_only() {
        assert_eq!(contact("IG: rawan.art").as_deref(), Some("ig"));
        assert!(contact("كلمني ع الماسنجر").is_some());
        assert!(contact("kalemni 3al whats").is_some());
        assert_eq!(contact("el whatsapp icon fel design lazem yeb2a akhdar"), None);
        assert_eq!(contact("Telegram channel logo, round, 512x512"), None);
        assert_eq!(contact("I don't use WhatsApp for work, only this chat"), None);
        // تلي (Telegram) inside ابعتلي ("send me") is no messenger
        assert_eq!(contact("ابعتلي الملف المفتوح لو سمحت"), None);
        assert!(contact("كلمني عالتلي: @khaled_dz").is_some());
    }

    #[test]
    fn an_allowed_domain_is_the_host_itself_or_a_subdomain() {
        let allowed = ["souq.example".to_string()];
        let host = |link: &str| link_host(&for_matching(link));
        assert_eq!(host("https://Gig.Souq.example:443/x?y#z"), "gig.souq.example");
        assert_eq!(host("hxxps://souq[.]example/gig"), "souq.example");
        assert_eq!(host("https://souq.example@evil.com/gig"), "evil.com");
        for yes in ["souq.example", "gig.souq.example"] {
            assert!(allowed_host(yes, &allowed), "{yes}");
        }
        for no in ["evil-souq.example", "souq.example.evil.com", "xsouq.example", "example"] {
            assert!(!allowed_host(no, &allowed), "{no}");
        }
    }

    /// Stands for a `\b` (or the text's start or end) in [`strings`]: no word character.
    const BOUNDARY: &str = "\0";

    /// Every string `hir` can match when they are few, else None. A `\b`, `^` or `$` is
    /// [`BOUNDARY`], any other look-around "".
    fn strings(hir: &Hir) -> Option<Vec<String>> {
        const MOST: usize = 512;
        let product = |a: Vec<String>, b: Vec<String>| {
            (a.len() * b.len() <= MOST)
                .then(|| a.iter().flat_map(|x| b.iter().map(move |y| format!("{x}{y}"))).collect())
        };
        let few = |all: Vec<String>| (all.len() <= MOST).then_some(all);
        match hir.kind() {
            HirKind::Look(look) if bounds(*look) => Some(vec![BOUNDARY.to_string()]),
            HirKind::Empty | HirKind::Look(_) => Some(vec![String::new()]),
            HirKind::Literal(literal) => Some(vec![String::from_utf8(literal.0.to_vec()).ok()?]),
            HirKind::Class(Class::Unicode(class)) => {
                let chars = class.ranges().iter().flat_map(|r| r.start()..=r.end());
                few(chars.take(MOST + 1).map(String::from).collect())
            }
            HirKind::Class(Class::Bytes(_)) => None,
            HirKind::Capture(capture) => strings(&capture.sub),
            HirKind::Repetition(repeat) => {
                let max = repeat.max.filter(|max| *max <= 4)?;
                let once = strings(&repeat.sub)?;
                let (mut all, mut power) = (Vec::new(), vec![String::new()]);
                for times in 0..=max {
                    if times >= repeat.min {
                        all.extend(power.clone());
                    }
                    power = product(power, once.clone())?;
                }
                few(all)
            }
            HirKind::Concat(parts) => {
                parts.iter().try_fold(vec![String::new()], |all, part| product(all, strings(part)?))
            }
            HirKind::Alternation(branches) => few(branches.iter().map(strings).collect::<Option<Vec<_>>>()?.concat()),
        }
    }

    /// Whether `look` puts no word character on the side of a word next to it.
    fn bounds(look: Look) -> bool {
        matches!(look, Look::WordAscii | Look::WordUnicode | Look::Start | Look::End)
    }

    fn word_char(c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '_'
    }

    /// Whether every match of `hir` that is not empty has no word character at its start
    /// (`at_end`: its end); a look-around: whether it is a [`bounds`].
    fn bounded_edge(hir: &Hir, at_end: bool) -> bool {
        match hir.kind() {
            HirKind::Look(look) => bounds(*look),
            HirKind::Literal(literal) => {
                let text = String::from_utf8_lossy(&literal.0);
                let edge = if at_end { text.chars().next_back() } else { text.chars().next() };
                edge.is_some_and(|c| !word_char(c))
            }
            HirKind::Class(Class::Unicode(class)) => {
                let word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
                class.ranges().iter().all(|r| word.iter().all(|(lo, hi)| r.end() < *lo || *hi < r.start()))
            }
            HirKind::Capture(capture) => bounded_edge(&capture.sub, at_end),
            HirKind::Repetition(repeat) => bounded_edge(&repeat.sub, at_end),
            // the edge is the first part that is a look-around or cannot be empty
            HirKind::Concat(parts) => {
                let mut parts: Box<dyn Iterator<Item = &Hir>> =
                    if at_end { Box::new(parts.iter().rev()) } else { Box::new(parts.iter()) };
                parts
                    .find(|part| matches!(part.kind(), HirKind::Look(_)) || !empty(part) || !bounded_edge(part, at_end))
                    .is_none_or(|part| bounded_edge(part, at_end))
            }
            HirKind::Alternation(branches) => branches.iter().all(|b| bounded_edge(b, at_end)),
            HirKind::Empty => true,
            HirKind::Class(Class::Bytes(_)) => false,
        }
    }

    fn empty(hir: &Hir) -> bool {
        hir.properties().minimum_len() == Some(0)
    }

    /// Whether `s` (a match, with [`BOUNDARY`] around it where the pattern puts one) holds
    /// `word` where its marks ([`Edges::read`]) let it count.
    fn holds(s: &str, word: &'static str) -> bool {
        let (bare, edges) = Edges::read(word);
        s.match_indices(bare).any(|(at, _)| {
            let start = s[..at].chars().next_back().is_some_and(|c| !word_char(c));
            let end = s[at + bare.len()..].chars().next().is_some_and(|c| !word_char(c));
            (edges & 1 == 0 || start) && (edges & 2 == 0 || end)
        })
    }

    /// Whether every match of `hir` holds one of `words`; `before`, `after`: whether the pattern
    /// around it puts no word character (or a `\b`) just before, just after it.
    fn holds_a_word(hir: &Hir, words: &[&'static str], before: bool, after: bool) -> bool {
        let around =
            |s: &String| format!("{}{s}{}", if before { BOUNDARY } else { "" }, if after { BOUNDARY } else { "" });
        let all_hold = |all: Option<Vec<String>>, around: &dyn Fn(&String) -> String| {
            all.is_some_and(|all| all.iter().all(|s| words.iter().any(|w| holds(&around(s), w))))
        };
        if all_hold(strings(hir), &around) {
            return true;
        }
        match hir.kind() {
            HirKind::Capture(capture) => holds_a_word(&capture.sub, words, before, after),
            // a repeated part's neighbours may be its own repetitions
            HirKind::Repetition(repeat) => repeat.min >= 1 && holds_a_word(&repeat.sub, words, false, false),
            HirKind::Alternation(branches) => branches.iter().all(|b| holds_a_word(b, words, before, after)),
            // a part's match is in the whole's, and so is a run of parts'
            HirKind::Concat(parts) => {
                // the parts before (after) up to one that is a look-around or cannot be empty
                let before = |start: usize| {
                    let edge = parts[..start].iter().rposition(|p| matches!(p.kind(), HirKind::Look(_)) || !empty(p));
                    parts[edge.unwrap_or(0)..start].iter().all(|p| bounded_edge(p, true)) && (edge.is_some() || before)
                };
                let after = |end: usize| {
                    let edge = parts[end..].iter().position(|p| matches!(p.kind(), HirKind::Look(_)) || !empty(p));
                    let edge = edge.map(|i| end + i);
                    parts[end..edge.map_or(parts.len(), |i| i + 1)].iter().all(|p| bounded_edge(p, false))
                        && (edge.is_some() || after)
                };
                (0..parts.len()).any(|start| {
                    holds_a_word(&parts[start], words, before(start), after(start + 1))
                        || (start + 2..=parts.len()).any(|end| {
                            let run = parts[start..end].iter().try_fold(vec![String::new()], |all, part| {
                                let next = strings(part)?;
                                (all.len() * next.len() <= 512).then(|| {
                                    all.iter().flat_map(|x| next.iter().map(move |y| format!("{x}{y}"))).collect()
                                })
                            });
                            let around = |s: &String| {
                                let (b, a) = (before(start), after(end));
                                format!("{}{s}{}", if b { BOUNDARY } else { "" }, if a { BOUNDARY } else { "" })
                            };
                            all_hold(run, &around)
                        })
                })
            }
            _ => false,
        }
    }

    /// The first pass skips a pattern only when the text cannot match it: every match of the
    /// pattern holds a word of each of its gate's lists, on a boundary where the word is marked
    /// so (read from the pattern itself, so a pattern changed without its words fails here),
    /// or is a code [`payment_code`] sees.
    #[test]
    fn every_match_holds_its_gates_words() {
        for gate in Gate::ALL {
            let hir = regex_syntax::parse(gate.pattern().as_str()).unwrap();
            let branches = match hir.kind() {
                HirKind::Alternation(branches) => branches.clone(),
                _ => vec![hir.clone()],
            };
            for list in gate.words() {
                for branch in &branches {
                    let code = gate == Gate::PaymentIntent
                        && ["{11,30}", "{33}"].iter().any(|n| branch.to_string().contains(n));
                    assert!(
                        code || holds_a_word(branch, list, false, false),
                        "{gate:?}: a match of {branch} may hold none of {list:?}"
                    );
                }
            }
        }
        assert!(payment_code("sa0380000000608010167519") && payment_code(&format!("t{}", "a1".repeat(17))));
        assert!(!payment_code("logo v2, 3 concepts"));
        // and the gates do open, on whole words only where marked
        let text = "kalemni 3al whats, pay me via paypal.me/x or wa.me/966";
        let gates = Gates::read(text);
        assert!([Gate::Messenger, Gate::ContactLink].iter().all(|g| gates.open(*g)));
        let gates = Gates::read(text);
        assert!(gates.open(Gate::PaymentIntent));
        assert!(!Gates::read("شكرا جزيلا").open(Gate::Messenger));
        assert!(Gates::read("ig: rawan.art").open(Gate::Messenger));
        assert!(!Gates::read("a bit bigger, please").open(Gate::Messenger));
        assert!(!Gates::read("install the plugin").open(Gate::Messenger));
        // the pieces of a pattern open with their second word only
        let closed = [
            ("fix the line spacing", Gate::LineId),
            ("blurry on mobile", Gate::YourContact),
            ("my number of revisions", Gate::YourContact),
            ("install the plugin", Gate::PaymentBrand),
            ("i only need a shorter intro", Gate::OutsidePlatform),
            ("the payment went through", Gate::PaymentLink),
            ("where should i upload the text for the app?", Gate::ContactElsewhere),
            ("please contact me here", Gate::ContactOutside),
        ];
        for (text, gate) in closed {
            assert!(!Gates::read(text).open(gate), "{text}");
        }
        assert!(Gates::read("what is your mobile?").open(Gate::YourContact));
    }

    #[test]
    fn a_payment_brand_is_an_offer_unless_it_is_the_work_or_refused() {
        assert!(payment("ادفع لي باي بال مباشرة").is_some());
        assert!(payment("send the money to my Payoneer").is_some());
        assert_eq!(payment("translate an article about Wise fees into Arabic"), None);
        assert_eq!(payment("design a wallet UI similar to STC Pay"), None);
        assert_eq!(payment("no bank transfers please, escrow protects us both"), None);
        assert_eq!(payment("لا أتعامل خارج الموقع"), None);
        assert!(payment("أشتغل معك برا خمسات بسعر أرخص").is_some());
    }
}
