-- souq's schema: version 4. The CHECKs of the tables written many rows at a time (gig import,
-- a payout batch, a moderation rescan) test their lists of values as OR chains, not IN lists:
-- SQLite checks `x IN (a, b, c)` of more than two constants by building a temporary b-tree at
-- every insert, a fifth of an import's writing (bench/import.sh). Same rules, no data touched.
-- The table definitions are edited in place (https://sqlite.org/lang_altertable.html#otheralter,
-- as for removing a CHECK); souq moves the schema cookie on after every migration, so every
-- other connection re-reads them.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'status IN (''pending_review'', ''active'', ''paused'', ''rejected'', ''suspended'')',
                     'status = ''pending_review'' OR status = ''active'' OR status = ''paused'' OR status = ''rejected'' OR status = ''suspended''')
 WHERE type = 'table' AND name = 'gigs';
UPDATE sqlite_schema
   SET sql = replace(replace(sql,
                     'method IN (''paypal'', ''payoneer'', ''bank'')',
                     'method = ''paypal'' OR method = ''payoneer'' OR method = ''bank'''),
                     'status IN (''in_flight'', ''pending'', ''paid'', ''failed'', ''reversed'')',
                     'status = ''in_flight'' OR status = ''pending'' OR status = ''paid'' OR status = ''failed'' OR status = ''reversed''')
 WHERE type = 'table' AND name = 'payout_items';
UPDATE sqlite_schema
   SET sql = replace(replace(replace(sql,
                     'action IN (''flag'', ''hold'', ''block'')',
                     'action = ''flag'' OR action = ''hold'' OR action = ''block'''),
                     'entity IN (''gig'', ''message'', ''delivery'', ''review'', ''user'')',
                     'entity = ''gig'' OR entity = ''message'' OR entity = ''delivery'' OR entity = ''review'' OR entity = ''user'''),
                     'status IN (''open'', ''approved'', ''rejected'')',
                     'status = ''open'' OR status = ''approved'' OR status = ''rejected''')
 WHERE type = 'table' AND name = 'moderation_flags';
PRAGMA writable_schema = OFF;
