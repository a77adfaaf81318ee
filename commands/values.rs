//! The fixed sets of values options take (statuses, methods, periods), as clap value enums: clap
//! lists them in help, every shell completes them, and a value outside the set is a usage
//! error (exit 2) before the database is opened. Each one's names are the library's strings,
//! which a test below holds them to.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::ValueEnum;
use souq::payouts::PayoutMethod;
use souq::reports::Period;

/// The library's name for a value: the lowercase string clap shows and parses.
pub fn name(value: impl ValueEnum) -> String {
    value.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
}

/// A parser for one of the library's status enums (`GigStatus::ALL`, `GigStatus::as_str`): clap
/// lists its words in help and completions and refuses any other (exit 2), and the library's
/// own type comes out, so there is no second list of statuses to keep in step.
pub fn one_of<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    word: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(all.iter().map(|&value| word(value)))
        .map(move |chosen| *all.iter().find(|&&value| word(value) == chosen).expect("clap passes only listed words"))
}

/// A flag's status, or `all` for every flag.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FlagStatus {
    Open,
    Approved,
    Rejected,
    All,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PayoutMethodArg {
    Paypal,
    Payoneer,
    Bank,
}

impl From<PayoutMethodArg> for PayoutMethod {
    fn from(method: PayoutMethodArg) -> PayoutMethod {
        match method {
            PayoutMethodArg::Paypal => PayoutMethod::Paypal,
            PayoutMethodArg::Payoneer => PayoutMethod::Payoneer,
            PayoutMethodArg::Bank => PayoutMethod::Bank,
        }
    }
}

/// How a buyer's payment reached the marketplace (`wallet deposit --method`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DepositMethod {
    Paypal,
    Payoneer,
    Cashu,
    Card,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PeriodArg {
    /// 2026-03-01
    Day,
    /// ISO week, 2026-W09
    Week,
    /// 2026-03
    Month,
}

impl From<PeriodArg> for Period {
    fn from(period: PeriodArg) -> Period {
        match period {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<T: ValueEnum>() -> Vec<String> {
        T::value_variants().iter().cloned().map(name).collect()
    }

    #[test]
    fn the_command_line_offers_exactly_the_library_values() {
        let flags: Vec<&str> = souq::moderation::FlagStatus::ALL.iter().map(|s| s.name()).chain(["all"]).collect();
        assert_eq!(names::<FlagStatus>(), flags);
        assert_eq!(names::<DepositMethod>(), souq::wallet::METHODS);
        for method in PayoutMethodArg::value_variants() {
            assert_eq!(PayoutMethod::from(*method).as_str(), name(*method));
        }
        for period in PeriodArg::value_variants() {
            assert_eq!(name(*period).parse::<Period>().ok(), Some(Period::from(*period)));
        }
    }
}
