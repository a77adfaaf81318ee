//! Seller reputation: the stats buyers choose by (completed orders, rating, on-time delivery,
//! completion rate) and the seller levels `tick` derives from them and the policy's thresholds.

use std::collections::HashMap;

use rusqlite::params;
use serde::Serialize;
use serde_json::json;

use crate::clock::Timestamp;
use crate::db::{Db, Row};
use crate::error::{Error, Result};
use crate::gigs::{self, Gig};
use crate::policy::{LevelThresholds, Policy};
use crate::users::{self, User};
use crate::{events, Session};

/// A seller's record as shown on `user show` and `gig show`. Rates are rounded down, so a
/// shown rate meets a threshold exactly when the seller does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SellerStats {
    pub completed_orders: i64,
    /// Average stars, rounded down to hundredths; none before the first rating.
    pub rating_average: Option<f64>,
    pub rating_count: i64,
    /// Percent of delivered (or overdue) orders delivered on time; none before the first.
    pub on_time_pct: Option<i64>,
    /// Percent of finished orders that completed rather than being cancelled; none before the first.
    pub completion_pct: Option<i64>,
    /// Named for whom it is about: flattened into a gig or a user, `level` would be ambiguous.
    #[serde(rename = "seller_level")]
    pub level: String,
}

/// The counts everything is derived from, in integers so thresholds compare exactly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Tally {
    completed: i64,
    cancelled: i64,
    rating_sum: i64,
    rating_count: i64,
    on_time: i64,
    /// Orders whose punctuality is known: delivered, or flagged late without a delivery.
    timed: i64,
}

impl Tally {
    /// Every threshold met: enough completions, a rating average and on-time share at least
    /// the minimum (compared as integers: sum * 100 >= min * count), an old enough account.
    fn meets(&self, t: &LevelThresholds, account_days: i64) -> bool {
        self.completed >= t.completed
            && self.rating_count > 0
            && self.rating_sum * 100 >= t.min_rating_x100 * self.rating_count
            && self.timed > 0
            && self.on_time * 100 >= t.on_time_pct * self.timed
            && account_days >= t.account_days
    }

    fn level(&self, policy: &Policy, account_days: i64) -> &'static str {
        policy.levels().into_iter().find(|(_, t)| self.meets(t, account_days)).map_or("new", |(name, _)| name)
    }

    fn stats(&self, level: String) -> SellerStats {
        let pct = |part: i64, whole: i64| (whole > 0).then(|| part * 100 / whole);
        SellerStats {
            completed_orders: self.completed,
            rating_average: pct(self.rating_sum, self.rating_count).map(|x100| x100 as f64 / 100.0),
            rating_count: self.rating_count,
            on_time_pct: pct(self.on_time, self.timed),
            completion_pct: pct(self.completed, self.completed + self.cancelled),
            level,
        }
    }
}

/// Per user: (id, username, level, created_at) and the tally of the orders they sold. The
/// callers add the WHERE / GROUP BY for one user or for every seller.
const TALLY: &str = "
    SELECT u.id, u.username, u.level, u.created_at,
           count(CASE WHEN o.status = 'completed' THEN 1 END),
           count(CASE WHEN o.status = 'cancelled' THEN 1 END),
           CAST(coalesce(sum(o.rating), 0) AS BIGINT),
           count(o.rating),
           count(CASE WHEN o.delivered_at IS NOT NULL AND o.late = 0 THEN 1 END),
           count(CASE WHEN o.delivered_at IS NOT NULL OR o.late = 1 THEN 1 END)
    FROM users u
    LEFT JOIN orders o ON o.seller_id = u.id";

/// Everyone who has sold or holds a level (users who never sold and hold none are left out).
fn sellers(db: &Db) -> Result<Vec<SellerRow>> {
    let sql = format!("{TALLY} GROUP BY u.id HAVING count(o.id) > 0 OR u.level <> 'new' ORDER BY u.id");
    db.query_map(&sql, &[], seller_row)
}

struct SellerRow {
    id: i64,
    username: String,
    level: String,
    created_at: Timestamp,
    tally: Tally,
}

fn seller_row(r: &Row) -> Result<SellerRow> {
    Ok(SellerRow {
        id: r.get(0)?,
        username: r.get(1)?,
        level: r.get(2)?,
        created_at: r.get(3)?,
        tally: Tally {
            completed: r.get(4)?,
            cancelled: r.get(5)?,
            rating_sum: r.get(6)?,
            rating_count: r.get(7)?,
            on_time: r.get(8)?,
            timed: r.get(9)?,
        },
    })
}

/// The stats of the user with id `user_id` (a user who never sold has zeros and no rates).
pub fn stats(db: &Db, user_id: i64) -> Result<SellerStats> {
    let sql = format!("{TALLY} WHERE u.id = ?1 GROUP BY u.id");
    let row = db
        .query_opt(&sql, params![user_id], seller_row)?
        .ok_or_else(|| Error::not_found("user", format!("#{user_id}")))?;
    Ok(row.tally.stats(row.level))
}

/// Every seller's stats by user id, read in one pass (for reports over many sellers).
pub fn all_stats(db: &Db) -> Result<HashMap<i64, SellerStats>> {
    Ok(sellers(db)?.into_iter().map(|s| (s.id, s.tally.stats(s.level))).collect())
}

/// Recomputes every seller's level at `session.now` and stores the ones that changed, each
/// with a `user.level_changed` event. Returns how many changed. Run by `tick`.
pub fn recompute(db: &Db, session: &Session, policy: &Policy) -> Result<i64> {
    let mut changes = 0;
    for seller in sellers(db)? {
        let level = seller.tally.level(policy, session.now.days_since(seller.created_at));
        if level == seller.level {
            continue;
        }
        db.execute("UPDATE users SET level = ?2 WHERE id = ?1", params![seller.id, level])?;
        events::record(
            db,
            session,
            "user.level_changed",
            "user",
            seller.id,
            json!({"username": seller.username, "from": seller.level, "to": level}),
        )?;
        changes += 1;
    }
    Ok(changes)
}

/// A user with their seller stats, for `user show`.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    #[serde(flatten)]
    pub user: User,
    #[serde(flatten)]
    pub stats: SellerStats,
}

pub fn profile(db: &Db, username: &str) -> Result<Profile> {
    let user = users::get(db, username)?;
    Ok(Profile { stats: stats(db, user.id)?, user })
}

/// A gig with its seller's stats, for `gig show`.
#[derive(Debug, Clone, Serialize)]
pub struct GigWithStats {
    #[serde(flatten)]
    pub gig: Gig,
    #[serde(flatten)]
    pub stats: SellerStats,
}

pub fn gig_with_stats(db: &Db, gig_id: i64) -> Result<GigWithStats> {
    let gig = gigs::get(db, gig_id)?;
    let seller = users::get(db, &gig.seller)?;
    Ok(GigWithStats { stats: stats(db, seller.id)?, gig })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(completed: i64, ratings: (i64, i64), on_time: (i64, i64)) -> Tally {
        Tally {
            completed,
            cancelled: 0,
            rating_sum: ratings.0,
            rating_count: ratings.1,
            on_time: on_time.0,
            timed: on_time.1,
        }
    }

    #[test]
    fn each_threshold_is_met_exactly_at_its_boundary() {
        let policy = Policy::default(); // level_1: 10 completed, 4.50, 90%, 60 days
        let at_boundary = tally(10, (45, 10), (9, 10));
        assert_eq!(at_boundary.level(&policy, 60), "level_1");
        assert_eq!(tally(9, (45, 10), (9, 10)).level(&policy, 60), "new");
        assert_eq!(tally(10, (44, 10), (9, 10)).level(&policy, 60), "new");
        assert_eq!(tally(10, (45, 10), (8, 10)).level(&policy, 60), "new");
        assert_eq!(at_boundary.level(&policy, 59), "new");
    }

    #[test]
    fn the_best_level_whose_thresholds_all_hold_wins() {
        let policy = Policy::default();
        assert_eq!(tally(100, (470, 100), (95, 100)).level(&policy, 180), "top_rated");
        assert_eq!(tally(100, (470, 100), (94, 100)).level(&policy, 180), "level_2");
        assert_eq!(tally(100, (470, 100), (95, 100)).level(&policy, 179), "level_2");
        assert_eq!(tally(1000, (5000, 1000), (10, 10)).level(&policy, 119), "level_1");
    }

    #[test]
    fn no_ratings_or_no_deliveries_hold_no_level() {
        let mut policy = Policy::default();
        for t in [&mut policy.level_1, &mut policy.level_2, &mut policy.top_rated] {
            *t = LevelThresholds { completed: 0, min_rating_x100: 100, on_time_pct: 0, account_days: 0 };
        }
        assert_eq!(tally(5, (0, 0), (5, 5)).level(&policy, 0), "new");
        assert_eq!(tally(5, (5, 1), (0, 0)).level(&policy, 0), "new");
    }

    #[test]
    fn shown_rates_round_down() {
        let stats = Tally { cancelled: 1, ..tally(2, (14, 3), (2, 3)) }.stats("new".into());
        assert_eq!(stats.rating_average, Some(4.66));
        assert_eq!(stats.on_time_pct, Some(66));
        assert_eq!(stats.completion_pct, Some(66));
        assert_eq!(Tally::default().stats("new".into()).rating_average, None);
    }
}
