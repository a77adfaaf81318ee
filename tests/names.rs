//! Usernames through the binary: one name per look (case and UTS #39 confusables), the
//! character rules, and the migration that keys the users of an older database.

mod common;
use common::Market;

#[test]
fn a_name_differing_only_by_case_or_look_alike_letters_is_refused() {
    let market = Market::new();
    market.ok(&["user", "add", "layla"]);
    let before = market.snapshot();
    // Latin capitals, Cyrillic а (U+0430), Cyrillic о / Greek ο, digit 1 for l: what
    // impersonators sign up as
    for (name, existing) in [
        ("Admin", "admin"),
        ("ADMIN", "admin"),
        ("\u{0430}dmin", "admin"),
        ("\u{0410}DMIN", "admin"),
        ("adm\u{0456}n", "admin"),
        ("Layla", "layla"),
        ("1ayla", "layla"),
        ("l\u{0430}yl\u{0430}", "layla"),
    ] {
        let err = market.fails(4, &["user", "add", name]);
        assert!(err.contains(&format!("existing user {existing}")), "{name}: {err}");
    }
    let err = market.fails(4, &["user", "add", "layla"]);
    assert!(err.contains("user layla already exists"), "{err}");
    assert_eq!(market.snapshot(), before);
    // different names in any script still sign up
    market.ok(&["user", "add", "ليلى"]);
    market.ok(&["user", "add", "laila"]);
}

#[test]
fn names_with_hidden_or_misleading_characters_are_invalid() {
    let market = Market::new();
    let before = market.snapshot();
    for name in [
        "ad\u{200B}min",         // zero-width space
        "ad\u{200D}min",         // zero-width joiner
        "\u{FEFF}admin",         // BOM
        "nimda\u{202E}",         // right-to-left override
        "\u{2067}admin\u{2069}", // isolate
        "ａｄｍｉｎ",            // fullwidth, not allowed in identifiers
        "admin\u{001B}[2J",      // ESC: clears the screen
        "ad min",
        "_admin",
        ".hidden",
        "12345",
        "\u{3164}", // Hangul filler: the classic blank name
    ] {
        let err = market.fails(6, &["user", "add", name]);
        assert!(!err.contains('\u{202E}') && !err.contains('\u{200B}'), "raw control echoed: {err:?}");
    }
    market.fails(6, &["user", "add", "--", "-rf"]);
    let long = "a".repeat(33);
    market.fails(6, &["user", "add", &long]);
    assert_eq!(market.snapshot(), before);
}

#[test]
fn add_help_states_the_name_rules() {
    let help = Market::new().ok(&["user", "add", "--help"]);
    assert!(help.contains("1-32 letters or digits"), "{help}");
    assert!(help.contains("look-alike"), "{help}");
}

/// SQLite's schema history: PostgreSQL's schema began at SQLite's version 3, keys and all, so
/// no older PostgreSQL database exists to migrate.
mod sqlite_only {
    use super::Market;

    /// A database made before usernames were keyed, holding two look-alikes that were allowed
    /// then: it opens, both users still act, and a third look-alike is refused.
    #[test]
    fn an_older_database_gets_its_users_keyed() {
        let market = Market::empty();
        market.run_sql(include_str!("../schema.sql"));
        market.run_sql(
            "INSERT INTO users (username, is_admin, created_at) VALUES
                 ('admin', 1, '2026-01-01T00:00:00Z'), ('Admin', 0, '2026-01-02T00:00:00Z'),
                 ('layla', 0, '2026-01-03T00:00:00Z');
             PRAGMA user_version = 1;",
        );
        let users = market.json(&["user", "list"]);
        assert_eq!(users.as_array().unwrap().len(), 3);
        market.ok(&["user", "suspend", "Admin", "--as", "admin"]);
        let err = market.fails(4, &["user", "add", "\u{0430}dmin"]);
        assert!(err.contains("existing user admin"), "{err}");
        market.fails(4, &["user", "add", "LAYLA"]);
        market.ok(&["user", "add", "noura"]);
        let keys: Vec<String> =
            market.connect().query_map("SELECT username_key FROM users ORDER BY id", &[], |r| r.get(0)).unwrap();
        assert_eq!(keys[1], "adrnin 2", "the later look-alike keeps a key of its own");
    }
}
