//! Moderation rules: the YAML file format, its validation (`FILE:LINE: rule ID: reason`) and the
//! compiled rule set that checks a text in one pass (one RegexSet for every pattern and word list).

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder, SetMatches};
use serde::{Deserialize, Serialize};

use super::detectors::{Detector, Found};
use super::normalise::{as_written, for_matching, for_matching_mapped};
use crate::error::{Error, Result};
use crate::money::Money;

/// What a rule screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Gig,
    Message,
    Delivery,
    Review,
    Username,
}

impl Target {
    pub const ALL: [Target; 5] = [Target::Gig, Target::Message, Target::Delivery, Target::Review, Target::Username];

    pub fn name(self) -> &'static str {
        match self {
            Target::Gig => "gig",
            Target::Message => "message",
            Target::Delivery => "delivery",
            Target::Review => "review",
            Target::Username => "username",
        }
    }

    /// The entity a flag on this target is about (a username flags its user).
    pub fn entity(self) -> &'static str {
        match self {
            Target::Username => "user",
            other => other.name(),
        }
    }

    fn parse(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// What happens to content a rule matches, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Accepted, and put in the review queue.
    Flag,
    /// A gig waits in pending_review until an admin approves it.
    Hold,
    /// Refused (exit 4), naming the rule.
    Block,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Flag => "flag",
            Action::Hold => "hold",
            Action::Block => "block",
        }
    }

    pub fn parse(name: &str) -> Option<Action> {
        [Action::Flag, Action::Hold, Action::Block].into_iter().find(|a| a.name() == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    fn parse(name: &str) -> Option<Severity> {
        match name {
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            _ => None,
        }
    }
}

/// The file: `rules:` and a list of rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rules: Vec<RuleSpec>,
}

/// One rule as written. Names are checked after parsing so that the error can name the rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    #[serde(default)]
    description: String,
    applies_to: Vec<String>,
    #[serde(default)]
    patterns: Option<Vec<String>>,
    #[serde(default)]
    words: Option<Vec<String>>,
    #[serde(default)]
    detector: Option<String>,
    #[serde(default)]
    price_below: Option<Amount>,
    #[serde(default)]
    price_above: Option<Amount>,
    action: String,
    #[serde(default)]
    severity: Option<String>,
}

/// A price written as `5`, `5.5` or `"5.50"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Amount {
    Text(String),
    Whole(i64),
    Decimal(f64),
}

impl Amount {
    fn money(&self) -> Result<Money> {
        match self {
            Amount::Text(text) => Money::parse(text),
            Amount::Whole(n) => Money::parse(&n.to_string()),
            Amount::Decimal(x) => Money::parse(&x.to_string()),
        }
    }
}

/// A validated rule, as `moderate rules show` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub applies_to: Vec<Target>,
    pub patterns: Vec<String>,
    pub words: Vec<String>,
    pub detector: Option<Detector>,
    pub price_below_cents: Option<Money>,
    pub price_above_cents: Option<Money>,
    pub action: Action,
    pub severity: Severity,
    /// This rule's entries in the rule set's RegexSet.
    #[serde(skip)]
    set_entries: std::ops::Range<usize>,
}

impl Rule {
    fn has_text_condition(&self) -> bool {
        !self.set_entries.is_empty() || self.detector.is_some()
    }

    fn has_price_condition(&self) -> bool {
        self.price_below_cents.is_some() || self.price_above_cents.is_some()
    }

    fn price_fires(&self, price: Money) -> bool {
        self.price_below_cents.is_some_and(|below| price < below)
            || self.price_above_cents.is_some_and(|above| price > above)
    }
}

/// One rule that matched a text.
/// One rule's verdict on a text: the rule, what it found (`what`: "phone number", or "pattern"
/// for a rule's own patterns and words), the text it matched as written and as normalised,
/// and an excerpt for the queue and the refusal message that shows both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub rule: String,
    pub action: Action,
    pub severity: Severity,
    pub what: String,
    pub matched: String,
    pub normalised: String,
    pub excerpt: String,
}

/// Rules compiled once: every pattern and word list of every rule in one RegexSet, so a text
/// is read once whatever the number of rules.
///
/// The regexes are compiled the first time a text meets a rule that has patterns or words, not
/// when the rules are read: a message command screens with detector rules only (the shipped
/// set), and compiling the gig rules' word lists it never uses was most of its time.
#[derive(Debug)]
pub struct RuleSet {
    /// What errors name: the file, or "rule set #N".
    file: String,
    rules: Vec<Rule>,
    /// Every rule's patterns and word list (as one regex), in [`Rule::set_entries`] order.
    sources: Vec<String>,
    compiled: OnceLock<std::result::Result<Compiled, String>>,
}

/// The rules' regexes: the set tells which match, the singles (kept only for that) cut the
/// excerpt out of a text the set already matched.
#[derive(Debug)]
struct Compiled {
    set: RegexSet,
    singles: Vec<Regex>,
}

fn matcher(pattern: &str) -> std::result::Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).case_insensitive(true).build()
}

/// A word list as one regex: any of the words (normalised as texts are), standing alone.
fn words_pattern(words: &[String]) -> String {
    let alternatives: Vec<String> = words.iter().map(|w| regex::escape(&for_matching(w.trim()))).collect();
    format!(r"(?:^|[^\p{{L}}\p{{N}}_])(?:{})(?:[^\p{{L}}\p{{N}}_]|$)", alternatives.join("|"))
}

impl RuleSet {
    /// Parses and validates a rule file, compiling every regex now so that a bad one is named.
    /// `file` names it in errors: `FILE:LINE: rule ID: reason`.
    pub fn parse(file: &str, yaml: &str) -> Result<RuleSet> {
        let mut singles = Vec::new();
        let rules = RuleSet::read(file, yaml, Some(&mut singles))?;
        let set = RegexSetBuilder::new(singles.iter().map(Regex::as_str)).case_insensitive(true).build();
        let compiled = set.map(|set| Compiled { set, singles }).map_err(|e| too_large(file, &e));
        rules.compiled.set(compiled).expect("a rule set just read is not compiled yet");
        rules.patterns()?;
        Ok(rules)
    }

    /// A rule set validated when it was stored (imported, or the shipped one): read, and its
    /// regexes left to compile the first time a text needs them.
    pub fn stored(label: &str, yaml: &str) -> Result<RuleSet> {
        RuleSet::read(label, yaml, None)
    }

    /// Reads and checks every rule; with `singles`, compiles each pattern and word list too.
    fn read(file: &str, yaml: &str, mut singles: Option<&mut Vec<Regex>>) -> Result<RuleSet> {
        let parsed: RuleFile = serde_norway::from_str(&without_header(yaml)).map_err(|e| yaml_error(file, yaml, &e))?;
        let mut rules = Vec::with_capacity(parsed.rules.len());
        let mut sources = Vec::new();
        for (index, spec) in parsed.rules.into_iter().enumerate() {
            let id = spec.id.clone();
            let at = |reason: String| Error::invalid(format!("{file}:{}: rule {id}: {reason}", id_line(yaml, index)));
            if rules.iter().any(|r: &Rule| r.id == spec.id) {
                return Err(at("the id is used by an earlier rule".into()));
            }
            rules.push(validate(spec, &mut sources, singles.as_deref_mut()).map_err(at)?);
        }
        Ok(RuleSet { file: file.to_string(), rules, sources, compiled: OnceLock::new() })
    }

    /// The regexes, compiled on first use.
    fn patterns(&self) -> Result<&Compiled> {
        let compiled = self.compiled.get_or_init(|| {
            let singles: std::result::Result<Vec<Regex>, regex::Error> =
                self.sources.iter().map(|source| matcher(source)).collect();
            let singles = singles.map_err(|e| format!("{}: {}", self.file, regex_reason(&e)))?;
            let set = RegexSetBuilder::new(&self.sources).case_insensitive(true).build();
            set.map(|set| Compiled { set, singles }).map_err(|e| too_large(&self.file, &e))
        });
        compiled.as_ref().map_err(|message| Error::invalid(message.clone()))
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Every rule for `target` that `text` (and, for gigs, `price`) sets off; links to
    /// `allowed_domains` (the policy's) are no contact.
    /// Err only when a stored rule set no longer compiles.
    pub fn check(
        &self,
        target: Target,
        text: &str,
        price: Option<Money>,
        allowed_domains: &[String],
    ) -> Result<Vec<Hit>> {
        let applicable = || self.rules.iter().filter(|r| r.applies_to.contains(&target));
        if applicable().next().is_none() {
            return Ok(Vec::new());
        }
        let normalised = for_matching(text);
        let patterns = match applicable().any(|r| !r.set_entries.is_empty()) {
            true => Some(self.patterns()?),
            false => None,
        };
        let matched = patterns.map(|p| (p, p.set.matches(&normalised)));
        let mut detected: [Option<Option<Found>>; 2] = [None, None];
        let mut hits = Vec::new();
        // the written form is worked out once, for the first hit: most texts have none
        let mut mapped: Option<Vec<usize>> = None;
        for rule in applicable() {
            let text_hit = if rule.has_text_condition() {
                match text_hit(rule, &normalised, matched.as_ref(), &mut detected, allowed_domains) {
                    Some(found) => Some(found),
                    None => continue,
                }
            } else {
                None
            };
            let price_hit = match (rule.has_price_condition(), price) {
                (false, _) => None,
                (true, Some(p)) if rule.price_fires(p) => Some(format!("price {p}")),
                (true, _) => continue,
            };
            let (what, matched_text, normalised_text) = match (text_hit, price_hit) {
                (Some(found), _) => {
                    let map = mapped.get_or_insert_with(|| for_matching_mapped(text).1);
                    let written = as_written(text, map, found.span.clone()).to_string();
                    (found.what.to_string(), written, normalised[found.span].to_string())
                }
                (None, Some(price)) => ("price".to_string(), price.clone(), price),
                (None, None) => continue,
            };
            let excerpt = describe(&what, &matched_text, &normalised_text);
            hits.push(Hit {
                rule: rule.id.clone(),
                action: rule.action,
                severity: rule.severity,
                what,
                matched: matched_text,
                normalised: normalised_text,
                excerpt,
            });
        }
        Ok(hits)
    }
}

fn too_large(file: &str, err: &regex::Error) -> String {
    format!("{file}: the rules together are too large to compile: {err}")
}

/// Where the rule's text condition holds in `normalised`: its first matching pattern or word
/// list (`matched`: the compiled set's verdict, there when a rule has some), else its detector
/// (each detector runs at most once per text).
fn text_hit(
    rule: &Rule,
    normalised: &str,
    matched: Option<&(&Compiled, SetMatches)>,
    detected: &mut [Option<Option<Found>>; 2],
    allowed_domains: &[String],
) -> Option<Found> {
    if let Some((compiled, matched)) = matched {
        if let Some(entry) = rule.set_entries.clone().find(|&i| matched.matched(i)) {
            let found = compiled.singles[entry].find(normalised)?;
            let span = trim_boundaries(normalised, found.range());
            return Some(Found { span, what: "pattern" });
        }
    }
    let detector = rule.detector?;
    let slot = &mut detected[detector as usize];
    slot.get_or_insert_with(|| detector.find(normalised, allowed_domains)).clone()
}

/// A word list's match includes the characters around the words (its boundaries).
fn trim_boundaries(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let inner = &text[span.clone()];
    let start = span.start + (inner.len() - inner.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
    let end = span.end - (inner.len() - inner.trim_end_matches(|c: char| !c.is_alphanumeric()).len());
    if start < end {
        start..end
    } else {
        span
    }
}

/// What a moderator reads: the kind of match, the text as written, and as souq read it when
/// that differs ("phone number \"٠٥٥ 🌹 ١٨٢ 🌹 ٧٣٦٤\" read as \"055 🌹 182 🌹 7364\"").
fn describe(what: &str, written: &str, normalised: &str) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (written, normalised) = (one_line(written), one_line(normalised));
    if written == normalised || what == "price" {
        format!("{what} {written:?}")
    } else {
        format!("{what} {written:?} read as {normalised:?}")
    }
}

/// Checks one rule's fields, appending its patterns and word list (as one regex) to `sources`,
/// and compiled to `singles` when given (a bad regex is named only then).
fn validate(
    spec: RuleSpec,
    sources: &mut Vec<String>,
    mut singles: Option<&mut Vec<Regex>>,
) -> std::result::Result<Rule, String> {
    if spec.id.trim().is_empty() || spec.id.chars().any(char::is_whitespace) {
        return Err("the id must be one word".into());
    }
    if spec.applies_to.is_empty() {
        return Err("applies_to is empty; name one or more of gig, message, delivery, review, username".into());
    }
    let mut applies_to = Vec::new();
    for name in &spec.applies_to {
        let target = Target::parse(name)
            .ok_or_else(|| format!("unknown applies_to {name:?}; one of gig, message, delivery, review, username"))?;
        if !applies_to.contains(&target) {
            applies_to.push(target);
        }
    }
    let action = Action::parse(&spec.action)
        .ok_or_else(|| format!("unknown action {:?}; one of flag, hold, block", spec.action))?;
    if action == Action::Hold && applies_to != [Target::Gig] {
        return Err("action hold only applies to gigs (a message cannot wait for review)".into());
    }
    let severity = match &spec.severity {
        None => Severity::Medium,
        Some(name) => {
            Severity::parse(name).ok_or_else(|| format!("unknown severity {name:?}; one of low, medium, high"))?
        }
    };
    let detector = match &spec.detector {
        None => None,
        Some(name) => Some(
            Detector::parse(name)
                .ok_or_else(|| format!("unknown detector {name:?}; one of contact_info, external_payment"))?,
        ),
    };
    let start = sources.len();
    if spec.patterns.as_ref().is_some_and(Vec::is_empty) {
        return Err("patterns is empty".into());
    }
    if spec.words.as_ref().is_some_and(Vec::is_empty) {
        return Err("words is empty".into());
    }
    let patterns = spec.patterns.unwrap_or_default();
    for pattern in &patterns {
        if pattern.is_empty() {
            return Err("an empty pattern matches everything".into());
        }
        if let Some(singles) = singles.as_deref_mut() {
            singles.push(matcher(pattern).map_err(|e| format!("bad regex {pattern:?}: {}", regex_reason(&e)))?);
        }
        sources.push(pattern.clone());
    }
    let words = spec.words.unwrap_or_default();
    if words.iter().any(|w| w.trim().is_empty()) {
        return Err("an empty word in words".into());
    }
    if !words.is_empty() {
        let pattern = words_pattern(&words);
        if let Some(singles) = singles {
            singles.push(matcher(&pattern).map_err(|e| format!("words: {}", regex_reason(&e)))?);
        }
        sources.push(pattern);
    }
    let price = |amount: &Option<Amount>, name: &str| {
        amount.as_ref().map(|a| a.money().map_err(|e| format!("{name}: {}", e.message()))).transpose()
    };
    let price_below_cents = price(&spec.price_below, "price_below")?;
    let price_above_cents = price(&spec.price_above, "price_above")?;
    if (price_below_cents.is_some() || price_above_cents.is_some()) && !applies_to.contains(&Target::Gig) {
        return Err("price_below / price_above only apply to gigs".into());
    }
    let rule = Rule {
        id: spec.id,
        description: spec.description,
        applies_to,
        patterns,
        words,
        detector,
        price_below_cents,
        price_above_cents,
        action,
        severity,
        set_entries: start..sources.len(),
    };
    if !rule.has_text_condition() && !rule.has_price_condition() {
        return Err("nothing to match: give patterns, words, a detector or a price bound".into());
    }
    Ok(rule)
}

/// The last line of the regex crate's error, which says what is wrong.
fn regex_reason(err: &regex::Error) -> String {
    let text = err.to_string();
    text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(&text).trim().trim_start_matches("error: ").to_string()
}

/// A line of the file that declares a rule's id (`id: ...`, possibly after the list's `- `).
fn id_value(line: &str) -> Option<&str> {
    let rest = line.trim_start().trim_start_matches('-').trim_start().strip_prefix("id")?;
    let value = rest.trim_start().strip_prefix(':')?;
    Some(value.trim().trim_matches(['"', '\'']))
}

/// The line of the `index`-th rule's `id:` (1-based), found by reading the text: the YAML value
/// tree does not keep positions. Falls back to line 1.
/// `yaml` with the comment lines above its first key made empty: the YAML scanner reads a
/// comment a character at a time, and the shipped rules open with a third of their bytes of
/// it, read again by every command that screens a text. Before the first key a line starting
/// with `#` can only be a comment (no scalar is open yet); the lines are kept, so errors
/// still name the line as written.
fn without_header(yaml: &str) -> std::borrow::Cow<'_, str> {
    let mut header = 0;
    for line in yaml.split_inclusive('\n') {
        let text = line.trim_start_matches([' ', '\t']);
        if !(text.starts_with('#') || text.trim_end().is_empty()) {
            break;
        }
        header += line.len();
    }
    match yaml[..header].matches('\n').count() {
        0 => yaml.into(),
        lines => ["\n".repeat(lines).as_str(), &yaml[header..]].concat().into(),
    }
}

fn id_line(yaml: &str, index: usize) -> usize {
    yaml.lines().enumerate().filter(|(_, l)| id_value(l).is_some()).nth(index).map_or(1, |(n, _)| n + 1)
}

/// A serde_norway error as `FILE:LINE: rule ID: reason` (the rule is the one whose `id:` comes
/// last at or before the line), or `FILE:LINE: reason` outside any rule.
fn yaml_error(file: &str, yaml: &str, err: &serde_norway::Error) -> Error {
    let text = err.to_string();
    let reason = text.split(" at line ").next().unwrap_or(&text);
    // "rules[1]: unknown field ..." -> "unknown field ..."; "rules[0].applies_to: ..." -> "applies_to: ..."
    let reason = match reason.strip_prefix("rules[").and_then(|rest| rest.split_once(']')) {
        Some((_, rest)) => rest.trim_start_matches([':', '.', ' ']),
        None => reason,
    };
    if reason.contains("expected struct RuleFile") {
        let found = reason.trim_start_matches("invalid type: ").split(',').next().unwrap_or(reason);
        // the "found" part quotes the file's text: a wrong file would fill the screen
        let found: String = match found.char_indices().nth(60) {
            Some((cut, _)) => format!("{}…", &found[..cut]),
            None => found.to_string(),
        };
        return Error::invalid(format!("{file}: expected `rules:` and a list of rules, found {found}"));
    }
    let Some(line) = err.location().map(|l| l.line()) else {
        return Error::invalid(format!("{file}: {reason}"));
    };
    let rule = yaml.lines().take(line).filter_map(id_value).last();
    match rule {
        Some(id) => Error::invalid(format!("{file}:{line}: rule {id}: {reason}")),
        None => Error::invalid(format!("{file}:{line}: {reason}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "rules:
  - id: phones
    applies_to: [message, gig]
    detector: contact_info
    action: block
  - id: cheap
    applies_to: [gig]
    price_below: 3
    words: [cheap, رخيص]
    action: flag
";

    #[test]
    fn a_rule_fires_on_its_detector_and_names_itself() {
        let rules = RuleSet::parse("r.yaml", FILE).unwrap();
        let hits = rules.check(Target::Message, "call ٠٥٠ ١٢٣ ٤٥ ٦٧", None, &[]).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].rule, "phones");
        assert_eq!(hits[0].action, Action::Block);
        assert!(rules.check(Target::Review, "call 050 123 45 67", None, &[]).unwrap().is_empty());
    }

    #[test]
    fn words_and_price_must_both_hold() {
        let rules = RuleSet::parse("r.yaml", FILE).unwrap();
        assert!(rules.check(Target::Gig, "a cheap logo", Some(Money::from_cents(500)), &[]).unwrap().is_empty());
        let hits = rules.check(Target::Gig, "شعار رخيص", Some(Money::from_cents(200)), &[]).unwrap();
        assert_eq!(hits.iter().map(|h| h.rule.as_str()).collect::<Vec<_>>(), ["cheap"]);
        assert!(rules.check(Target::Gig, "cheaper logos", Some(Money::from_cents(200)), &[]).unwrap().is_empty());
    }

    fn error(yaml: &str) -> String {
        let err = RuleSet::parse("r.yaml", yaml).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Invalid);
        err.message().to_string()
    }

    #[test]
    fn the_comments_above_the_rules_are_not_read_and_errors_keep_their_lines() {
        let commented = format!("# souq rules\n#\n   # indented\n\n{FILE}");
        assert_eq!(without_header(&commented), format!("\n\n\n\n{FILE}"));
        assert_eq!(RuleSet::parse("r.yaml", &commented).unwrap().rules().len(), 2);
        let unknown_key = commented.replace("    words:", "    wordz:");
        assert!(
            error(&unknown_key).starts_with("r.yaml:13: rule cheap: unknown field `wordz`"),
            "{}",
            error(&unknown_key)
        );
        // a '#' after the first key may be in a scalar: kept as written
        let block = "rules:\n  - id: a\n    description: |\n      # not a comment\n";
        assert_eq!(without_header(block), block);
    }

    #[test]
    fn errors_name_the_file_line_and_rule() {
        let bad_regex = FILE.replace("detector: contact_info", "patterns: ['(unclosed']");
        assert!(error(&bad_regex).starts_with("r.yaml:2: rule phones: bad regex"), "{}", error(&bad_regex));
        let unknown_key = FILE.replace("    words:", "    wordz:");
        assert!(
            error(&unknown_key).starts_with("r.yaml:9: rule cheap: unknown field `wordz`"),
            "{}",
            error(&unknown_key)
        );
        let empty = FILE.replace("detector: contact_info", "patterns: []");
        assert_eq!(error(&empty), "r.yaml:2: rule phones: patterns is empty");
        let target = FILE.replace("[message, gig]", "[message, email]");
        assert!(error(&target).starts_with("r.yaml:2: rule phones: unknown applies_to \"email\""));
        let duplicate = FILE.replace("id: cheap", "id: phones");
        assert!(error(&duplicate).starts_with("r.yaml:6: rule phones: the id is used"));
    }
}
