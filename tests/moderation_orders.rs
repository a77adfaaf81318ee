//! Moderation of what buyers and sellers write on an order: messages, deliveries and reviews are
//! screened as they are written; a block refuses the command (exit 4) yet is recorded for scripts.

mod common;
use common::Market;

const PHONE_IN_ARABIC: &str = "كلمني واتساب ٠٥٠ ١٢٣ ٤٥ ٦٧ ونتفق";

#[test]
fn a_message_with_contact_details_is_refused_and_recorded() {
    let market = Market::with_order();
    let before = market.snapshot_without_events();
    let stderr = market.fails(4, &["order", "message", "1", "--as", "layla", "--message", PHONE_IN_ARABIC]);
    assert!(stderr.contains("contact-in-messages"), "{stderr}");
    assert_eq!(market.snapshot_without_events(), before, "the refused message left rows behind");
    let blocked = market.events_of("message.blocked");
    assert_eq!(blocked.len(), 1);
    assert_eq!(blocked[0]["actor"], "layla");
    assert_eq!(blocked[0]["entity"], "order");
    assert_eq!(blocked[0]["entity_id"], 1);
    assert_eq!(blocked[0]["data"]["rule"], "contact-in-messages");
    assert_eq!(blocked[0]["data"]["what"], "phone number");
    assert_eq!(blocked[0]["data"]["matched"], "٠٥٠ ١٢٣ ٤٥ ٦٧");
    assert_eq!(blocked[0]["data"]["normalised"], "050 123 45 67");
    assert!(stderr.contains(r#"phone number "٠٥٠ ١٢٣ ٤٥ ٦٧" read as "050 123 45 67""#), "{stderr}");

    let sent =
        market.json(&["order", "message", "1", "--as", "layla", "--message", "سأسلم الملف خلال 3 أيام، الطلب رقم 1"]);
    assert!(sent["id"].is_i64());
}

#[test]
fn a_message_offering_outside_payment_is_sent_and_flagged() {
    let market = Market::with_order();
    let sent = market.json(&[
        "order",
        "message",
        "1",
        "--as",
        "noura",
        "--message",
        "Can I pay you by Western Union instead?",
    ]);
    let queue = market.json(&["moderate", "queue", "--as", "admin"]);
    let flag = queue.as_array().unwrap().iter().find(|f| f["entity"] == "message").expect("no flag for the message");
    assert_eq!(flag["rule"], "off-platform-payment");
    assert_eq!(flag["entity_id"], sent["id"]);
    assert_eq!(flag["status"], "open");
}

/// A command refused for another reason writes no `*.blocked` event, even when its text would
/// be blocked: examples/moderate.sh counts those events toward suspending the author.
#[test]
fn a_refusal_for_another_reason_is_no_moderation_event() {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--as", "layla", "--message", "الملفات النهائية مرفقة"]);
    let stderr = market.fails(4, &["order", "deliver", "1", "--as", "layla", "--message", PHONE_IN_ARABIC]);
    assert!(!stderr.contains("moderation"), "{stderr}");
    assert!(market.events_of("delivery.blocked").is_empty());
    market.fails(3, &["order", "message", "9", "--as", "layla", "--message", PHONE_IN_ARABIC]);
    assert!(market.events_of("message.blocked").is_empty());
}

#[test]
fn a_delivery_with_an_email_is_refused_and_the_order_stays_active() {
    let market = Market::with_order();
    let before = market.snapshot_without_events();
    let stderr = market
        .fails(4, &["order", "deliver", "1", "--as", "layla", "--message", "final files: layla (at) gmail [dot] com"]);
    assert!(stderr.contains("contact-in-messages"), "{stderr}");
    assert_eq!(market.snapshot_without_events(), before);
    assert_eq!(market.json(&["order", "show", "1", "--as", "noura"])["status"], "active");
    assert_eq!(market.events_of("delivery.blocked").len(), 1);
    market.ok(&["order", "deliver", "1", "--as", "layla", "--message", "الملفات النهائية مرفقة"]);
}

#[test]
fn a_review_with_a_phone_number_is_refused_with_the_completion() {
    let market = Market::with_order();
    market.ok(&["order", "deliver", "1", "--as", "layla", "--message", "done"]);
    let before = market.snapshot_without_events();
    market.fails(
        4,
        &[
            "order",
            "complete",
            "1",
            "--as",
            "noura",
            "--rating",
            "5",
            "--review",
            "great, call her on +966 50 123 4567",
        ],
    );
    assert_eq!(market.snapshot_without_events(), before, "escrow moved although the review was refused");
    assert_eq!(market.events_of("review.blocked").len(), 1);
    market.ok(&["order", "complete", "1", "--as", "noura", "--rating", "5", "--review", "عمل رائع وسريع، ٥ نجوم"]);
    market.ok(&["audit"]);
}

/// The marketplace's own links are no contact once the policy allows its domains; a host that
/// only looks like one (a prefix, a suffix, a user part) still is, and e-mail addresses at an
/// allowed domain are still contact.
#[test]
fn links_to_allowed_domains_pass_and_look_alikes_do_not() {
    let market = Market::with_order();
    let own = "الخدمة المطلوبة هنا https://souq.example/gig/12 راجعها قبل الطلب";
    let stderr = market.fails(4, &["order", "message", "1", "--as", "layla", "--message", own]);
    assert!(stderr.contains("contact-in-messages") && stderr.contains("souq.example/gig/12"), "{stderr}");

    market.ok(&["config", "set", "allowed_domains", "Souq.example, khamsat.com", "--as", "admin"]);
    let shown = market.json(&["config", "show"]);
    let setting = shown.as_array().unwrap().iter().find(|s| s["key"] == "allowed_domains").expect("listed");
    assert_eq!(setting["value"], "souq.example,khamsat.com");
    for allowed in [own, "see https://www.souq.example/gig/12?ref=chat", "https://khamsat.com/design/logo/123"] {
        market.ok(&["order", "message", "1", "--as", "layla", "--message", allowed]);
    }
    for evasion in [
        "https://evil-souq.example.com/gig/12",
        "https://souq.example.evil.com/gig/12",
        "https://souq.example@evil.com/gig/12",
        "hxxps://t[.]me/layla_d and https://souq.example/gig/12",
        "my mail: layla@souq.example",
    ] {
        let stderr = market.fails(4, &["order", "message", "1", "--as", "layla", "--message", evasion]);
        assert!(stderr.contains("contact-in-messages"), "{evasion}: {stderr}");
    }

    let stderr = market.fails(6, &["config", "set", "allowed_domains", "https://souq.example/", "--as", "admin"]);
    assert!(stderr.contains("allowed_domains"), "{stderr}");
    let exported = market.ok(&["config", "export"]);
    assert!(exported.contains("allowed_domains: souq.example,khamsat.com"), "{exported}");

    // a policy file may list the domains
    let file = market.path("policy.yaml");
    std::fs::write(&file, "allowed_domains:\n  - khamsat.com\n").unwrap();
    market.ok(&["config", "import", file.to_str().unwrap(), "--as", "admin"]);
    market.fails(4, &["order", "message", "1", "--as", "layla", "--message", own]);
    market.ok(&["order", "message", "1", "--as", "layla", "--message", "https://khamsat.com/design/logo/123"]);
}
