//! Numbering plans (Google's libphonenumber metadata, read by the phonenumber crate) built one
//! country code at a time, the first time a text needs that country: the crate's own database
//! builds every plan in the world at once, ~580M instructions, a hundred times what screening
//! one message may cost (issue 10), while a message with a phone number needs one or two plans.
//! `PhoneNumberMetadata.xml` is the crate's copy of the metadata (phonenumber 0.3.10+9.0.33),
//! unchanged, so the plans built here are the crate's: `tests` proves it number by number.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex};

use memchr::memmem;
use phonenumber::country::Id;
use phonenumber::metadata::Database;
use phonenumber::PhoneNumber;

/// Apache-2.0, The Libphonenumber Authors (its header says so).
static METADATA: &str = include_str!("PhoneNumberMetadata.xml");

/// Where each country code's `<territory>` elements are in [`METADATA`], and each region's code.
struct Territories {
    by_code: HashMap<u16, Vec<Range<usize>>>,
    code_of_region: HashMap<&'static str, u16>,
}

static TERRITORIES: LazyLock<Territories> = LazyLock::new(|| {
    // memmem: std's `str::find` reads the megabyte at some five instructions a byte. One pass:
    // a territory runs to the next one (what lies between is a comment, which the parser skips).
    let starts: Vec<usize> = memmem::find_iter(METADATA.as_bytes(), "<territory ").collect();
    let last_end = METADATA.rfind("</territories>").expect("a closed <territories>");
    let mut territories = Territories { by_code: HashMap::new(), code_of_region: HashMap::new() };
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(last_end);
        let tag = &METADATA[start..start + METADATA[start..end].find('>').expect("a closed <territory> tag")];
        let code: u16 = attribute(tag, "countryCode").and_then(|code| code.parse().ok()).expect("a countryCode");
        territories.by_code.entry(code).or_default().push(start..end);
        territories.code_of_region.insert(attribute(tag, "id").expect("a territory id"), code);
    }
    territories
});

/// `name="value"` in an XML start tag (no value read here holds a space; words split, not
/// searched: a search's set-up per short tag costs more than the reading).
fn attribute(tag: &'static str, name: &str) -> Option<&'static str> {
    tag.split_ascii_whitespace().find_map(|word| word.strip_prefix(name)?.strip_prefix("=\"")?.split('"').next())
}

/// Which numbers [`fewest_digits`] bounds.
#[derive(Clone, Copy)]
enum Kind {
    /// Valid numbers, of any type.
    Any,
    /// Mobile numbers ([`mobile`]).
    Mobile,
}

/// The fewest digits a number of `code` must have, as given to the parser after its country
/// code (or with its trunk prefix), to be of `kind` there: each type declares its possible
/// lengths (`tests` checks that every one does), and the parser only ever shortens a number,
/// except where a territory rewrites it (nationalPrefixTransformRule: no bound, 0). A shorter
/// number is judged without building the plan: an id such as 2026004871 is no Egyptian mobile
/// (`+20`, then 8 digits).
fn fewest_digits(code: u16, kind: Kind) -> usize {
    const LENGTHS: &str = "<possibleLengths national=\"";
    let mut fewest = usize::MAX;
    for range in &TERRITORIES.by_code[&code] {
        let territory = &METADATA[range.clone()];
        let tag = &territory[..territory.find('>').expect("a closed <territory> tag")];
        if attribute(tag, "nationalPrefixTransformRule").is_some() {
            return 0;
        }
        let texts: Vec<&str> = match kind {
            Kind::Any => vec![territory],
            Kind::Mobile => mobile_types(territory).iter().filter_map(|name| element(territory, name)).collect(),
        };
        for text in texts {
            for (at, _) in text.match_indices(LENGTHS) {
                let list = &text[at + LENGTHS.len()..];
                let list = &list[..list.find('"').expect("a closed attribute")];
                // "7", "[8-10]", "5,[7-9]": the smallest number written is the shortest length
                let shortest = list.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).min();
                fewest = fewest.min(shortest.expect("a length"));
            }
        }
    }
    fewest
}

/// The text of the element `<name>...</name>` in `territory`, if it has one.
fn element<'t>(territory: &'t str, name: &str) -> Option<&'t str> {
    let start = territory.find(&format!("<{name}>"))?;
    let end = start + territory[start..].find(&format!("</{name}>"))?;
    Some(&territory[start..end])
}

/// The types of number a mobile number matches: mobile, and fixed line where the territory's
/// fixed-line pattern is its mobile one (the crate then calls every fixed line
/// FixedLineOrMobile; compared without whitespace, which can only take in more territories
/// than the crate's own comparison, so the bound stays one).
fn mobile_types(territory: &str) -> &'static [&'static str] {
    let pattern = |name| {
        element(territory, name)
            .and_then(|text| element(text, "nationalNumberPattern"))
            .map(|pattern| pattern.chars().filter(|c| !c.is_whitespace()).collect::<String>())
    };
    if pattern("fixedLine").is_some() && pattern("fixedLine") == pattern("mobile") {
        &["mobile", "fixedLine"]
    } else {
        &["mobile"]
    }
}

/// The plans built so far, by the country codes they hold.
static PLANS: LazyLock<Mutex<HashMap<Vec<u16>, Arc<Database>>>> = LazyLock::new(Default::default);

/// A database holding every territory of `codes` (several territories share a code: +1, +7,
/// +44...), as the crate would read them from the whole file.
fn plan(codes: Vec<u16>) -> Arc<Database> {
    let mut plans = PLANS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    plans
        .entry(codes)
        .or_insert_with_key(|codes| {
            let mut xml = String::from("<phoneNumberMetadata><territories>");
            for range in codes.iter().flat_map(|code| &TERRITORIES.by_code[code]) {
                xml.push_str(&for_judging(&METADATA[range.clone()]));
            }
            xml.push_str("</territories></phoneNumberMetadata>");
            Arc::new(Database::parse(xml).expect("libphonenumber's metadata"))
        })
        .clone()
}

/// A territory as judging a number needs it, which is half the cost of building it: without its
/// formats (the parser and the validator never read them; they format numbers for display) and
/// with `\d` read as `[0-9]` (the numbers judged are ASCII digits; Unicode's `\d`, some sixty
/// ranges of digits, makes every pattern several times costlier to compile).
fn for_judging(territory: &str) -> String {
    let without_formats = match (territory.find("<availableFormats>"), territory.find("</availableFormats>")) {
        (Some(start), Some(end)) => [&territory[..start], &territory[end + "</availableFormats>".len()..]].concat(),
        _ => territory.to_string(),
    };
    without_formats.replace(r"\d", "[0-9]")
}

/// The country code that `international` (digits after the '+' or the "00") starts with, and
/// the digits after it: country codes are prefix-free, so at most one of its first one to three
/// digits is one.
fn leading_code(international: &str) -> Option<(u16, &str)> {
    (1..=3).find_map(|len| {
        let code = international.get(..len)?.parse().ok()?;
        TERRITORIES.by_code.contains_key(&code).then(|| (code, &international[len..]))
    })
}

/// The plans the crate's parser reads for `number` in `region`: the region's own, and the one
/// of the country code after a '+' or, in a region (all of souq's dial out with "00"), a "00".
fn codes_read(number: &str, region: Option<Id>) -> Vec<u16> {
    let mut codes: Vec<u16> =
        region.and_then(|id| TERRITORIES.code_of_region.get(id.as_ref()).copied()).into_iter().collect();
    let international = number.strip_prefix('+').or_else(|| region.and(number.strip_prefix("00")));
    codes.extend(international.and_then(leading_code).map(|(code, _)| code));
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// Whether `number` has fewer digits than [`fewest_digits`] allows: a '+' number after its
/// country code, a national one (not "00", which dials another plan) in its region's plan.
fn too_short(number: &str, region: Option<Id>) -> bool {
    let (code, digits) = match region {
        None => match number.strip_prefix('+').and_then(leading_code) {
            Some(found) => found,
            None => return false,
        },
        Some(_) if number.starts_with("00") => return false,
        Some(id) => match TERRITORIES.code_of_region.get(id.as_ref()) {
            Some(code) => (*code, number),
            None => return false,
        },
    };
    digits.len() < fewest_digits(code, Kind::Any)
}

/// `number` (digits, after a '+' when `region` is none) parsed in `region`, if it is a valid
/// number there, with the plan that judged it (for [`PhoneNumber::number_type`]).
pub(super) fn valid(number: &str, region: Option<Id>) -> Option<(PhoneNumber, Arc<Database>)> {
    let codes = codes_read(number, region);
    if codes.is_empty() || too_short(number, region) {
        return None;
    }
    let plan = plan(codes);
    // "+20-1003847291", RFC 3966's form with the country code set apart: the crate reads it
    // without the patterns for numbers in free text, compiled on its first such number (6.5M
    // instructions)
    let rfc3966 = number.strip_prefix('+').and_then(leading_code).map(|(code, national)| format!("+{code}-{national}"));
    let parsed = phonenumber::parse_with(&plan, region, rfc3966.as_deref().unwrap_or(number)).ok()?;
    phonenumber::is_valid_with(&plan, &parsed).then_some((parsed, plan))
}

/// Whether `number` ('+' and digits) is a valid mobile number (or one its plan cannot tell from
/// a fixed line).
pub(super) fn mobile(number: &str) -> bool {
    let Some((code, digits)) = number.strip_prefix('+').and_then(leading_code) else {
        return false;
    };
    digits.len() >= fewest_digits(code, Kind::Mobile)
        && valid(number, None).is_some_and(|(number, plan)| {
            matches!(number.number_type(&plan), phonenumber::Type::Mobile | phonenumber::Type::FixedLineOrMobile)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every territory's first three example numbers (fixed line, mobile and one more), each
    /// also with a digit more, its first digit changed and two digits fewer: valid and invalid
    /// numbers of every plan in the file.
    fn numbers() -> Vec<(u16, String)> {
        let mut numbers = Vec::new();
        for (code, ranges) in &TERRITORIES.by_code {
            for range in ranges {
                let territory = &METADATA[range.clone()];
                for (at, _) in territory.match_indices("<exampleNumber>").take(3) {
                    let example = &territory[at + "<exampleNumber>".len()..];
                    let example = &example[..example.find('<').unwrap()];
                    let first = (example.as_bytes()[0] - b'0' + 1) % 10;
                    let shorter = &example[..example.len().saturating_sub(2).max(1)];
                    for variant in [
                        example.to_string(),
                        format!("{example}7"),
                        format!("{first}{}", &example[1..]),
                        shorter.to_string(),
                    ] {
                        numbers.push((*code, variant));
                    }
                }
            }
        }
        numbers
    }

    fn verdict(number: &str, region: Option<Id>, database: &Database) -> Option<(String, phonenumber::Type)> {
        let parsed = phonenumber::parse_with(database, region, number).ok()?;
        phonenumber::is_valid_with(database, &parsed).then(|| (parsed.to_string(), parsed.number_type(database)))
    }

    #[test]
    fn the_plans_built_per_country_code_judge_as_the_whole_database() {
        let whole = &*phonenumber::metadata::DATABASE;
        let ours = |number: &str, region| {
            valid(number, region).map(|(parsed, plan)| (parsed.to_string(), parsed.number_type(&plan)))
        };
        let mut judged = 0;
        for (code, national) in numbers() {
            let number = format!("+{code}{national}");
            let whole_verdict = verdict(&number, None, whole);
            assert_eq!(ours(&number, None), whole_verdict, "{number}");
            let whole_mobile = whole_verdict.is_some_and(|(_, kind)| {
                matches!(kind, phonenumber::Type::Mobile | phonenumber::Type::FixedLineOrMobile)
            });
            assert_eq!(mobile(&number), whole_mobile, "{number} as a mobile");
            judged += 1;
            // as a national number and as a "00" number, in regions of other plans
            for region in [Id::SA, Id::GB] {
                for number in [format!("0{national}"), format!("00{code}{national}")] {
                    assert_eq!(
                        ours(&number, Some(region)),
                        verdict(&number, Some(region), whole),
                        "{number} {region:?}"
                    );
                    judged += 1;
                }
            }
        }
        assert!(judged > 5_000, "{judged}");
    }

    #[test]
    fn every_type_of_number_declares_its_possible_lengths() {
        // what fewest_digits relies on: each descriptor but the general one has possibleLengths
        for ranges in TERRITORIES.by_code.values() {
            for range in ranges {
                let territory = &METADATA[range.clone()];
                let types = territory.matches("<nationalNumberPattern>").count() - 1;
                assert_eq!(territory.matches("<possibleLengths national=").count(), types, "{}", &territory[..40]);
            }
        }
        assert_eq!(fewest_digits(20, Kind::Any), 8, "Egypt: fixed lines of 8 digits");
        assert_eq!(fewest_digits(20, Kind::Mobile), 10, "Egypt: mobiles of 10");
    }

    #[test]
    fn every_territory_of_the_file_is_indexed() {
        let indexed: usize = TERRITORIES.by_code.values().map(Vec::len).sum();
        assert_eq!(indexed, METADATA.matches("<territory ").count());
        assert_eq!(TERRITORIES.code_of_region["SA"], 966);
        assert_eq!(TERRITORIES.by_code[&1].len(), 25, "the North American plan's territories");
    }
}
