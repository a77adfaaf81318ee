-- souq's schema: version 1. Applied by src/store.rs, forward only, by PRAGMA user_version.
-- Money is integer cents. Times are RFC 3339 UTC text ("2026-11-27T13:59:26Z"),
-- fixed width so that text order is time order.

-- Policy: one row per setting; values are validated by src/policy.rs.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    email          TEXT,
    is_admin       INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    level          TEXT NOT NULL DEFAULT 'new'
                   CHECK (level IN ('new', 'level_1', 'level_2', 'top_rated')),
    payout_method  TEXT CHECK (payout_method IN ('paypal', 'payoneer', 'bank')),
    payout_account TEXT,
    created_at     TEXT NOT NULL,
    CHECK ((payout_method IS NULL) = (payout_account IS NULL))
) STRICT;

CREATE TABLE gigs (
    id            INTEGER PRIMARY KEY,
    seller_id     INTEGER NOT NULL REFERENCES users (id),
    sku           TEXT NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL DEFAULT '',
    -- tags joined by ',' (a tag never contains a comma)
    tags          TEXT NOT NULL DEFAULT '',
    price_cents   INTEGER NOT NULL CHECK (price_cents > 0),
    delivery_days INTEGER NOT NULL CHECK (delivery_days BETWEEN 1 AND 90),
    status        TEXT NOT NULL DEFAULT 'active'
                  CHECK (status IN ('pending_review', 'active', 'paused', 'rejected', 'suspended')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (seller_id, sku)
) STRICT;
CREATE INDEX gigs_by_status_price ON gigs (status, price_cents);
CREATE INDEX gigs_by_category ON gigs (category);

-- Paid add-ons. Orders copy what they bought (order_extras), so an extra may be
-- edited or removed later without changing past orders.
CREATE TABLE gig_extras (
    id          INTEGER PRIMARY KEY,
    gig_id      INTEGER NOT NULL REFERENCES gigs (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    extra_days  INTEGER NOT NULL CHECK (extra_days BETWEEN 0 AND 90),
    UNIQUE (gig_id, position)
) STRICT;

-- Ledger. Money moves from debit_account to credit_account. Balances are cached
-- here and changed only by src/ledger.rs in the same transaction as the transfer.
CREATE TABLE accounts (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    user_id INTEGER REFERENCES users (id),
    kind    TEXT NOT NULL CHECK (kind IN ('credit', 'pending', 'available', 'escrow',
                                          'revenue', 'payouts_in_flight', 'world')),
    balance INTEGER NOT NULL DEFAULT 0,
    -- only money entering or leaving the platform (world:*) may go negative
    CHECK (kind = 'world' OR balance >= 0),
    CHECK ((user_id IS NULL) = (kind NOT IN ('credit', 'pending', 'available')))
) STRICT;

CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY,
    gig_id              INTEGER NOT NULL REFERENCES gigs (id),
    buyer_id            INTEGER NOT NULL REFERENCES users (id),
    seller_id           INTEGER NOT NULL REFERENCES users (id),
    status              TEXT NOT NULL
                        CHECK (status IN ('active', 'delivered', 'completed', 'cancelled', 'disputed')),
    quantity            INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    unit_price_cents    INTEGER NOT NULL CHECK (unit_price_cents > 0),
    gross_cents         INTEGER NOT NULL CHECK (gross_cents > 0),
    -- fee and net are fixed when the order completes (a split refund changes them)
    commission_bps      INTEGER NOT NULL,
    fee_cents           INTEGER NOT NULL DEFAULT 0,
    net_cents           INTEGER NOT NULL DEFAULT 0,
    refund_cents        INTEGER NOT NULL DEFAULT 0,
    note                TEXT,
    -- the buyer's own key for this purchase (order place --key): placing again with it is a no-op
    place_key           TEXT,
    placed_at           TEXT NOT NULL,
    due_at              TEXT NOT NULL,
    delivered_at        TEXT,
    completed_at        TEXT,
    cancelled_at        TEXT,
    cleared_at          TEXT,
    late                INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    cancel_requested_by INTEGER REFERENCES users (id),
    cancel_requested_at TEXT,
    cancel_reason       TEXT,
    rating              INTEGER CHECK (rating BETWEEN 1 AND 5),
    review              TEXT,
    review_reply        TEXT,
    reviewed_at         TEXT
) STRICT;
CREATE INDEX orders_by_status ON orders (status);
CREATE INDEX orders_by_buyer ON orders (buyer_id);
CREATE INDEX orders_by_seller ON orders (seller_id);
CREATE UNIQUE INDEX orders_by_place_key ON orders (buyer_id, place_key) WHERE place_key IS NOT NULL;
-- what `souq tick` looks for: deliveries to auto-complete, earnings to clear, requests to accept
CREATE INDEX orders_to_auto_complete ON orders (delivered_at) WHERE status = 'delivered';
CREATE INDEX orders_to_clear ON orders (completed_at) WHERE status = 'completed' AND cleared_at IS NULL;
CREATE INDEX orders_cancel_requested ON orders (cancel_requested_at)
    WHERE cancel_requested_at IS NOT NULL AND status IN ('active', 'delivered');
CREATE INDEX orders_due ON orders (due_at) WHERE status = 'active' AND late = 0 AND delivered_at IS NULL;

CREATE TABLE order_extras (
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    extra_id    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    extra_days  INTEGER NOT NULL,
    PRIMARY KEY (order_id, extra_id)
) STRICT;

-- Payouts (src/payouts/). A batch is made once per operator key; each item moves one seller's
-- whole available balance into payouts_in_flight until the provider's result resolves it.
-- The batch is 'open' while any item is in_flight or pending, 'closed' once none is.
CREATE TABLE payout_batches (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    -- the --method the batch was made for; NULL = every method
    method     TEXT CHECK (method IN ('paypal', 'payoneer', 'bank')),
    min_cents  INTEGER NOT NULL CHECK (min_cents > 0),
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
) STRICT;

-- status: in_flight (sent), pending (provider: PENDING/UNCLAIMED/ONHOLD; still in flight),
-- paid (SUCCESS: money left the platform), failed (returned to the seller before success),
-- reversed (REVERSED after SUCCESS: the provider took the money back; returned to the seller).
CREATE TABLE payout_items (
    id              INTEGER PRIMARY KEY,
    batch_id        INTEGER NOT NULL REFERENCES payout_batches (id),
    seller_id       INTEGER NOT NULL REFERENCES users (id),
    method          TEXT NOT NULL CHECK (method IN ('paypal', 'payoneer', 'bank')),
    account         TEXT NOT NULL,
    amount_cents    INTEGER NOT NULL CHECK (amount_cents > 0),
    status          TEXT NOT NULL DEFAULT 'in_flight'
                    CHECK (status IN ('in_flight', 'pending', 'paid', 'failed', 'reversed')),
    -- the provider's last word (SUCCESS, UNCLAIMED, ...) and its transaction id
    provider_status TEXT,
    provider_ref    TEXT,
    updated_at      TEXT NOT NULL,
    UNIQUE (batch_id, seller_id)
) STRICT;
CREATE INDEX payout_items_by_seller ON payout_items (seller_id, status);
CREATE INDEX payout_items_open ON payout_items (status) WHERE status IN ('in_flight', 'pending');

CREATE TABLE transfers (
    id              INTEGER PRIMARY KEY,
    debit_account   INTEGER NOT NULL REFERENCES accounts (id),
    credit_account  INTEGER NOT NULL REFERENCES accounts (id),
    amount          INTEGER NOT NULL CHECK (amount > 0),
    kind            TEXT NOT NULL,
    order_id        INTEGER REFERENCES orders (id),
    payout_item_id  INTEGER REFERENCES payout_items (id),
    idem_key        TEXT NOT NULL UNIQUE,
    actor           TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    CHECK (debit_account <> credit_account)
) STRICT;
CREATE INDEX transfers_by_order ON transfers (order_id);
CREATE TRIGGER transfers_append_only_update BEFORE UPDATE ON transfers
BEGIN SELECT RAISE(ABORT, 'transfers are append-only'); END;
CREATE TRIGGER transfers_append_only_delete BEFORE DELETE ON transfers
BEGIN SELECT RAISE(ABORT, 'transfers are append-only'); END;

-- Files attached to deliveries, stored once by content hash.
CREATE TABLE blobs (
    sha256  TEXT PRIMARY KEY,
    size    INTEGER NOT NULL,
    content BLOB NOT NULL
) STRICT;

CREATE TABLE deliveries (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    sender_id  INTEGER NOT NULL REFERENCES users (id),
    message    TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX deliveries_by_order ON deliveries (order_id);

CREATE TABLE delivery_files (
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL REFERENCES blobs (sha256),
    PRIMARY KEY (delivery_id, name)
) STRICT;

CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    sender_id  INTEGER NOT NULL REFERENCES users (id),
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX messages_by_order ON messages (order_id);

CREATE TABLE disputes (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (id),
    opened_by    INTEGER NOT NULL REFERENCES users (id),
    reason       TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution   TEXT CHECK (resolution IN ('refund_all', 'release', 'refund')),
    -- what went back to the buyer: the gross (refund_all), 0 (release) or the amount (refund)
    refund_cents INTEGER CHECK (refund_cents >= 0),
    note         TEXT,
    resolved_by  INTEGER REFERENCES users (id),
    opened_at    TEXT NOT NULL,
    resolved_at  TEXT,
    -- an open dispute has no outcome yet; a resolved one has all of it
    CHECK (CASE status
           WHEN 'open' THEN resolution IS NULL AND refund_cents IS NULL AND resolved_by IS NULL AND resolved_at IS NULL
           ELSE resolution IS NOT NULL AND refund_cents IS NOT NULL AND resolved_by IS NOT NULL
                AND resolved_at IS NOT NULL
           END)
) STRICT;
-- at most one open dispute per order
CREATE UNIQUE INDEX disputes_one_open ON disputes (order_id) WHERE status = 'open';
CREATE INDEX disputes_by_order ON disputes (order_id);

CREATE TABLE dispute_comments (
    id         INTEGER PRIMARY KEY,
    dispute_id INTEGER NOT NULL REFERENCES disputes (id),
    author_id  INTEGER NOT NULL REFERENCES users (id),
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX dispute_comments_by_dispute ON dispute_comments (dispute_id);

-- Append-only record of every change, for people (timelines) and scripts (events --follow).
CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT,
    os_user   TEXT NOT NULL,
    kind      TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    data      TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX events_by_entity ON events (entity, entity_id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Moderation (src/moderation/). Rule sets are stored as the YAML an admin imported, so
-- every process applies the same rules and `moderate rules export` gives the file back;
-- the newest row is the active set (none yet: the built-in set, examples/moderation.yaml).
CREATE TABLE moderation_rule_sets (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    rules       INTEGER NOT NULL,
    imported_by INTEGER NOT NULL REFERENCES users (id),
    imported_at TEXT NOT NULL
) STRICT;

-- The review queue. content_hash is sha256 of the text that matched, so the same content
-- is never flagged twice by the same rule (scan is idempotent), while an edit is seen anew.
CREATE TABLE moderation_flags (
    id           INTEGER PRIMARY KEY,
    rule         TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('flag', 'hold', 'block')),
    entity       TEXT NOT NULL CHECK (entity IN ('gig', 'message', 'delivery', 'review', 'user')),
    entity_id    INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    excerpt      TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected')),
    created_at   TEXT NOT NULL,
    decided_by   INTEGER REFERENCES users (id),
    decided_at   TEXT,
    reason       TEXT,
    UNIQUE (entity, entity_id, rule, content_hash)
) STRICT;
CREATE INDEX moderation_flags_by_status ON moderation_flags (status, rule);
-- ---------------------------------------------------------------------------------------
-- Search (src/search.rs). One FTS5 row per gig (rowid = gigs.id) holding its words as
-- souq_search_text() gives them: Arabic-normalised, lightly stemmed, space separated.
-- Contentless: the text to show is in gigs; the index keeps only what it needs to match.
-- souq_search_text is registered by souq on every connection it opens, so the triggers
-- keep the index in step with every insert and edit; a tool that writes gigs without
-- souq fails loudly instead of leaving the index stale. Which gigs are searchable
-- (active, seller not suspended) is decided at query time.
-- A bulk import runs with triggers off (search::defer: a trigger makes every one-row
-- write to gigs keep a statement journal, and FTS5 flushes its buffer at each of its
-- savepoints) and indexes its new gigs itself as it writes them, its changed ones at the end.
-- migrations/003_search_words.sql replaces the two triggers below (they also add each gig's
-- words to the vocabulary, search_terms) and indexes every gig again with its stems and roots.
CREATE VIRTUAL TABLE gigs_fts USING fts5 (
    title, description, tags,
    content = '', contentless_delete = 1,
    -- the text is already split, folded and stemmed: ascii only splits it on the spaces
    tokenize = 'ascii'
);
CREATE TRIGGER gigs_fts_insert AFTER INSERT ON gigs
BEGIN
    INSERT INTO gigs_fts (rowid, title, description, tags)
    VALUES (new.id, souq_search_text(new.title), souq_search_text(new.description), souq_search_text(new.tags));
END;
CREATE TRIGGER gigs_fts_update AFTER UPDATE OF title, description, tags ON gigs
BEGIN
    DELETE FROM gigs_fts WHERE rowid = old.id;
    INSERT INTO gigs_fts (rowid, title, description, tags)
    VALUES (new.id, souq_search_text(new.title), souq_search_text(new.description), souq_search_text(new.tags));
END;
CREATE TRIGGER gigs_fts_delete AFTER DELETE ON gigs
BEGIN
    DELETE FROM gigs_fts WHERE rowid = old.id;
END;
