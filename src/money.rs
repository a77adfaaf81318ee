//! Money: integer cents with checked arithmetic, parsing of what people type, and the commission rule.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// An amount in minor units (cents). Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }
    pub const fn cents(self) -> i64 {
        self.0
    }
    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// Parses "12", "12.5", "12.50", also as Arabic-Indic or Persian digits with the Arabic
    /// decimal and thousands signs ("١٥", "٢٥٫٥٠", "۱۵", "1٬250": see [`western_digits`]). An
    /// optional leading `$` or trailing currency code is not accepted: amounts on the command
    /// line and in files are plain numbers. Rejects signs, exponents, more than two decimals,
    /// NaN, empty text and amounts beyond i64 cents.
    pub fn parse(text: &str) -> Result<Money> {
        let shown = crate::text::excerpt(text, crate::text::EXCERPT_CHARS);
        let bad = || Error::invalid(format!("invalid amount {shown}: expected a number like 12 or 12.50"));
        let western = western_digits(text).ok_or_else(bad)?;
        let (whole, frac) = match western.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (&western[..], None),
        };
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let frac_cents = match frac {
            None => 0,
            Some(f) if f.is_empty() || f.len() > 2 || !f.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(if f.len() > 2 && f.bytes().all(|b| b.is_ascii_digit()) {
                    Error::invalid(format!("invalid amount {shown}: at most two decimals (cents)"))
                } else {
                    bad()
                })
            }
            Some(f) if f.len() == 1 => i64::from(f.as_bytes()[0] - b'0') * 10,
            Some(f) => f.parse::<i64>().map_err(|_| bad())?,
        };
        let too_big = || Error::invalid(format!("invalid amount {shown}: too large"));
        let whole: i64 = whole.parse().map_err(|_| too_big())?;
        whole.checked_mul(100).and_then(|c| c.checked_add(frac_cents)).map(Money).ok_or_else(too_big)
    }

    pub fn checked_add(self, other: Money) -> Result<Money> {
        self.0.checked_add(other.0).map(Money).ok_or_else(overflow)
    }
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.0.checked_sub(other.0).map(Money).ok_or_else(overflow)
    }
    pub fn checked_mul(self, factor: i64) -> Result<Money> {
        self.0.checked_mul(factor).map(Money).ok_or_else(overflow)
    }

    /// The platform's commission on `gross`: round_half_up(gross * bps / 10000).
    pub fn fee(gross: Money, commission_bps: i64) -> Result<Money> {
        let product = i128::from(gross.0) * i128::from(commission_bps);
        let fee = (product + 5_000) / 10_000;
        i64::try_from(fee).map(Money).map_err(|_| overflow())
    }
}

/// The Arabic decimal separator, ٫, as in ٢٥٫٥٠.
const ARABIC_DECIMAL: char = '\u{066B}';
/// The Arabic thousands separator, ٬, as in ١٬٢٥٠.
const ARABIC_THOUSANDS: char = '\u{066C}';

/// A number as sellers write it in Arabic, in ASCII: Arabic-Indic (٠-٩) and Persian (۰-۹)
/// digits become 0-9, the Arabic decimal sign `.`, and Arabic thousands signs are dropped when
/// they separate groups of three digits in the whole part (`1٬250`). None when a thousands
/// sign stands anywhere else. ASCII text comes back borrowed, untouched; whatever else it
/// holds is left for the caller's parser to refuse.
pub fn western_digits(text: &str) -> Option<Cow<'_, str>> {
    if text.is_ascii() {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    // digits since the last thousands sign, and whether one was seen
    let (mut run, mut grouped, mut decimals) = (0usize, false, false);
    for c in text.chars() {
        let digit = match c {
            '0'..='9' => Some(c as u32 - '0' as u32),
            '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
            '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
            _ => None,
        };
        match (digit, c) {
            (Some(d), _) => {
                out.push(char::from_digit(d, 10)?);
                run += 1;
            }
            (None, ARABIC_THOUSANDS) => {
                let first_group = !grouped && (1..=3).contains(&run);
                if decimals || !(first_group || (grouped && run == 3)) {
                    return None;
                }
                (run, grouped) = (0, true);
            }
            (None, _) => {
                if grouped && !decimals && run != 3 {
                    return None;
                }
                decimals |= c == '.' || c == ARABIC_DECIMAL;
                out.push(if c == ARABIC_DECIMAL { '.' } else { c });
                run = 0;
            }
        }
    }
    if grouped && !decimals && run != 3 {
        return None;
    }
    Some(Cow::Owned(out))
}

fn overflow() -> Error {
    Error::invalid("amount out of range")
}

impl fmt::Display for Money {
    /// "12.50"; negative amounts (world accounts) as "-12.50".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl FromStr for Money {
    type Err = Error;
    fn from_str(s: &str) -> Result<Money> {
        Money::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_whole_and_decimal_amounts() {
        assert_eq!(Money::parse("5").unwrap().cents(), 500);
        assert_eq!(Money::parse("5.5").unwrap().cents(), 550);
        assert_eq!(Money::parse("5.50").unwrap().cents(), 550);
        assert_eq!(Money::parse("0.07").unwrap().cents(), 7);
        assert_eq!(Money::parse("1000").unwrap().cents(), 100_000);
    }

    #[test]
    fn rejects_everything_else() {
        for text in [
            "-5",
            "+5",
            "1e3",
            "5.001",
            "NaN",
            "",
            ".5",
            "5.",
            "5,00",
            " 5",
            "inf",
            "99999999999999999999",
            "92233720368547758.08",
            "١٬٢٥",
            "٬٢٥٠",
            "1٬2٬500",
            "٢٥٫٥٠٬٠",
            "٥ ",
            "٥,٠",
        ] {
            let err = Money::parse(text).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Invalid, "{text:?} was accepted");
        }
    }

    #[test]
    fn accepts_arabic_indic_and_persian_digits_and_the_arabic_signs() {
        for (text, cents) in [
            ("١٥", 1_500),
            ("٢٥٫٥٠", 2_550),
            ("٢٥٫٥", 2_550),
            ("۱۵", 1_500),
            ("۲۵.۵۰", 2_550),
            ("1٬250", 125_000),
            ("١٬٢٥٠٫٧٥", 125_075),
            ("12٬345٬678", 1_234_567_800),
            ("١5", 1_500),
        ] {
            assert_eq!(Money::parse(text).map(Money::cents).ok(), Some(cents), "{text:?}");
        }
    }

    #[test]
    fn fee_rounds_half_up() {
        // 20% of 0.03 = 0.006 -> 0.01; 20% of 0.02 = 0.004 -> 0.00; 2.5% of 0.20 = 0.005 -> 0.01
        assert_eq!(Money::fee(Money(3), 2000).unwrap(), Money(1));
        assert_eq!(Money::fee(Money(2), 2000).unwrap(), Money(0));
        assert_eq!(Money::fee(Money(20), 250).unwrap(), Money(1));
        assert_eq!(Money::fee(Money(500), 2000).unwrap(), Money(100));
    }

    proptest! {
        #[test]
        fn display_then_parse_round_trips(cents in 0i64..i64::MAX) {
            let money = Money(cents);
            prop_assert_eq!(Money::parse(&money.to_string()).unwrap(), money);
        }

        #[test]
        fn arabic_indic_display_parses_to_the_same_amount(cents in 0i64..i64::MAX, persian: bool) {
            let money = Money(cents);
            let zero = if persian { 0x06F0 } else { 0x0660 };
            let arabic: String = money
                .to_string()
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32(zero + d).unwrap(),
                    None => ARABIC_DECIMAL,
                })
                .collect();
            prop_assert_eq!(Money::parse(&arabic).unwrap(), money);
        }

        #[test]
        fn fee_plus_net_is_gross(gross in 1i64..1_000_000_000_000, bps in 0i64..=10_000) {
            let fee = Money::fee(Money(gross), bps).unwrap();
            let net = Money(gross).checked_sub(fee).unwrap();
            prop_assert!(fee.cents() >= 0 && net.cents() >= 0);
            prop_assert_eq!(fee.cents() + net.cents(), gross);
        }
    }
}
