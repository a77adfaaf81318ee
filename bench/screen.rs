//! Benchmark (run by hand, never in CI: `cargo bench --bench screen`): the CPU time of
//! screening one text with examples/moderation.yaml — what moderation adds to a message
//! command, and the detector half of `moderate scan` — over the labelled corpus
//! (tests/moderation_corpus/) and the gig descriptions bench/moderation.sh imports.

use std::hint::black_box;

use souq::moderation::{for_matching, Detector, RuleSet, Target, DEFAULT_RULES};

/// CPU seconds this process has used: the machine may be shared, wall time would count the
/// other processes too.
fn cpu_seconds() -> f64 {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec, which `now` is.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    now.tv_sec as f64 + now.tv_nsec as f64 / 1e9
}

const GIG_TEXTS: &[&str] = &[
    "ترجمة احترافية من الإنجليزية إلى العربية\nسأقوم بترجمة ١٠٠٠ كلمة خلال ٣ أيام بسعر ١٥ دولار، مع تعديلين مجانيين. التسليم بصيغة Word أو PDF.\ndesign,تصميم\n",
    "Professional logo design in 24 hours\nI will design 3 logo concepts for $25, delivered in 2 days, with unlimited revisions until 2026-12-31.\nlogo,تصميم\n",
    "تصميم شعار احترافي لشركتك\nالباقة الأساسية: ٥٠٠ كلمة ب ١٠ دولار، المتوسطة: ١٠٠٠ كلمة ب ٢٠ دولار، المتقدمة: ٢٠٠٠ كلمة ب ٣٥ دولار.\nlogo\n",
    "WordPress bug fixing and speed optimisation\nBasic: 500 words for $10, Standard: 1000 words for $20, Premium: 2000 words for $35. Order #48213 style.\nwp\n",
    "تدقيق لغوي ونحوي لنصوصك العربية\nأعمل منذ ٨ سنوات في التصميم ولدي أكثر من ٢٠٠٠ مشروع منجز. التسليم خلال ٤٨ ساعة ويمكن طلب تسليم سريع.\nتدقيق\n",
    "English voice-over up to 150 words\nResolution 1920x1080, 60 fps, 4K upscaling for $15 extra. Delivery in 5 days, 2 revisions included.\nvoice\n",
];

fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/moderation_corpus");
    ["evasions.txt", "innocent.txt"]
        .iter()
        .flat_map(|file| {
            let source = std::fs::read_to_string(format!("{dir}/{file}")).expect("corpus file");
            source
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.splitn(3, ' ').nth(2).map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn measure(name: &str, texts: &[&str], rounds: usize, check: impl Fn(&str) -> usize) {
    let start = cpu_seconds();
    let mut hits = 0;
    for _ in 0..rounds {
        for text in texts {
            hits += check(black_box(text));
        }
    }
    let per_text = (cpu_seconds() - start) / (rounds * texts.len()) as f64;
    println!(
        "{name:<28} {:>8.2} us/text  {:>10.0} texts/s on one core  ({} texts x {rounds}, {hits} hits)",
        per_text * 1e6,
        1.0 / per_text,
        texts.len()
    );
}

fn main() {
    let rules = RuleSet::parse("examples/moderation.yaml", DEFAULT_RULES).expect("shipped rules");
    let corpus = corpus();
    let corpus: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let rules = &rules;
    let screen = |target: Target| move |text: &str| rules.check(target, text, None, &[]).expect("shipped rules").len();
    measure("corpus, as messages", &corpus, 20, screen(Target::Message));
    measure("bench gigs, as gigs", GIG_TEXTS, 20_000, screen(Target::Gig));
    let longest = corpus.iter().copied().max_by_key(|t| t.len()).unwrap_or_default();
    measure("longest corpus message", &[longest], 20_000, screen(Target::Message));
    // where the time of a gig goes
    measure("  normalising", GIG_TEXTS, 20_000, |text| for_matching(text).len());
    for detector in Detector::ALL {
        let find = move |text: &str| usize::from(detector.find(&for_matching(text), &[]).is_some());
        measure(&format!("  normalising + {}", detector.name()), GIG_TEXTS, 20_000, find);
    }
    let find = |text: &str| usize::from(Detector::ContactInfo.find(text, &[]).is_some());
    let normalised: Vec<String> = GIG_TEXTS.iter().map(|t| for_matching(t)).collect();
    let without_digits: Vec<String> = normalised.iter().map(|t| t.replace(|c: char| c.is_ascii_digit(), "")).collect();
    let latin_only: Vec<String> = normalised.iter().map(|t| t.replace(|c: char| !c.is_ascii(), "")).collect();
    let arabic_as_latin: Vec<String> = normalised.iter().map(|t| t.replace(|c: char| !c.is_ascii(), "q")).collect();
    for (name, texts) in [
        ("normalised", &normalised),
        ("without digits", &without_digits),
        ("latin only", &latin_only),
        ("arabic letters as q", &arabic_as_latin),
    ] {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        measure(&format!("  contact_info, {name}"), &texts, 20_000, find);
    }
}
