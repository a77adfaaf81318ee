//! `souq report`: sales per day, week or month (with a bar chart of gross on a terminal), and
//! sellers ranked by gross with their stats.

use std::io::IsTerminal;

use anyhow::Result;
use clap::{Args, Subcommand};
use souq::reports::{self, DayRange, SalesFilter, SalesRow, SellerRow, Totals};
use souq::{Money, Timestamp};

use crate::app::App;
use crate::output::{self, Format, Limit, Tabular};
use crate::report_html::{self, HtmlArgs};
use crate::table::{Table, FROM_THE_RIGHT};
use crate::values::PeriodArg;

#[derive(Debug, Subcommand)]
#[command(defer = true)] // see Command in main.rs
pub enum ReportCommand {
    /// Settled orders per period: orders, gross, fees, refunds, net (a seller sees their own)
    ///
    /// Every period from the first sale to the last (from --from to --to when given) is listed;
    /// periods with no sales show zeros, so a chart keeps its gaps.
    #[command(
        after_help = "Examples:\n  souq report sales --by week --from 2026-03-01 --to 2026-03-31 --as admin\n  souq report sales --as layla -o csv\n  souq report sales --by week --as admin --html sales.html"
    )]
    Sales(SalesArgs),
    /// Sellers ranked by gross, with their stats (admin)
    Sellers {
        #[command(flatten)]
        range: RangeArgs,
        #[command(flatten)]
        limit: Limit,
        #[command(flatten)]
        html: HtmlArgs,
    },
}

#[derive(Debug, Args)]
pub struct SalesArgs {
    /// Group by day, week (ISO) or month
    #[arg(long, value_enum, default_value = "month")]
    by: PeriodArg,
    #[command(flatten)]
    range: RangeArgs,
    /// Only this seller's orders
    #[arg(long)]
    seller: Option<String>,
    #[command(flatten)]
    html: HtmlArgs,
}

#[derive(Debug, Args)]
pub struct RangeArgs {
    /// First day included (2026-03-01), by when the order was settled
    #[arg(long, value_parser = day, value_name = "DATE")]
    from: Option<time::Date>,
    /// Last day included
    #[arg(long, value_parser = day, value_name = "DATE")]
    to: Option<time::Date>,
}

impl RangeArgs {
    fn days(&self) -> DayRange {
        DayRange { from: self.from, to: self.to }
    }
}

pub fn day(text: &str) -> souq::Result<time::Date> {
    Timestamp::parse(text).map(Timestamp::date)
}

const TOTALS_HEADERS: [&str; 5] = ["orders", "gross_cents", "fee_cents", "refund_cents", "net_cents"];

fn totals_row(t: &Totals) -> [String; 5] {
    [
        t.orders.to_string(),
        t.gross_cents.to_string(),
        t.fee_cents.to_string(),
        t.refund_cents.to_string(),
        t.net_cents.to_string(),
    ]
}

impl Tabular for SalesRow {
    fn headers() -> Vec<&'static str> {
        let mut headers = vec!["period"];
        headers.extend(TOTALS_HEADERS);
        headers
    }
    fn row(&self) -> Vec<String> {
        let mut row = vec![self.period.clone()];
        row.extend(totals_row(&self.totals));
        row
    }
}

impl Tabular for SellerRow {
    fn headers() -> Vec<&'static str> {
        let mut headers = vec!["rank", "seller"];
        headers.extend(TOTALS_HEADERS);
        headers.push("seller_level");
        headers.extend(crate::user::stats_headers());
        headers
    }
    fn row(&self) -> Vec<String> {
        let mut row = vec![self.rank.to_string(), self.seller.clone()];
        row.extend(totals_row(&self.totals));
        row.push(self.stats.level.clone());
        row.extend(crate::user::stats_row(&self.stats));
        row
    }
}

pub fn run(app: &App, command: ReportCommand) -> Result<()> {
    let store = app.open()?;
    let session = app.session();
    match command {
        ReportCommand::Sales(args) => {
            let filter = SalesFilter { by: args.by.into(), range: args.range.days(), seller: args.seller };
            let rows = reports::sales(store.db(), &session, &filter)?;
            if args.html.wanted() {
                return report_html::sales(app, &store, &args.html, &filter, &rows);
            }
            print_sales(app, &rows)
        }
        ReportCommand::Sellers { range, limit, html } => {
            let rows = reports::sellers(store.db(), &session, range.days())?;
            if html.wanted() {
                return report_html::sellers(app, &store, &html, range.days(), &rows, limit.rows(None));
            }
            output::list_limited(app, rows, limit)
        }
    }
}

/// A sales report in the chosen format (the demo prints one too).
pub fn print_sales(app: &App, rows: &[SalesRow]) -> Result<()> {
    match output::format(app) {
        Format::Table | Format::Wide => sales_table(app, rows),
        _ => output::list(app, rows),
    }
}

/// The periods, a total line and, when a person reads stdout, a bar of each period's gross.
fn sales_table(app: &App, rows: &[SalesRow]) -> Result<()> {
    if rows.is_empty() {
        app.note("(no settled orders)");
        return Ok(());
    }
    let chart = std::io::stdout().is_terminal();
    let max = rows.iter().map(|r| r.totals.gross_cents).max().unwrap_or_default();
    let mut table = Table::new();
    let mut headers = output::table_headers::<SalesRow>();
    if chart {
        headers.push("gross per period".into());
    }
    table.set_header(headers);
    for row in rows {
        let mut cells = row.row();
        if chart {
            cells.push(bar(row.totals.gross_cents, max, BAR_WIDTH));
        }
        table.add_row(cells);
    }
    let total = reports::sum(rows.iter().map(|r| &r.totals))?;
    let mut cells = vec!["total".to_string()];
    cells.extend(totals_row(&total));
    table.add_row(cells);
    output::print_table(app, &table, FROM_THE_RIGHT)
}

const BAR_WIDTH: i64 = 24;

/// `value` as a bar of Unicode blocks, `width` cells for `max`, to an eighth of a cell.
fn bar(value: Money, max: Money, width: i64) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if !max.is_positive() {
        return String::new();
    }
    let eighths = i128::from(value.cents()) * i128::from(width * 8) / i128::from(max.cents());
    let mut bar = "█".repeat((eighths / 8) as usize);
    if eighths % 8 > 0 {
        bar.push(EIGHTHS[(eighths % 8) as usize]);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_in_eighths() {
        let m = Money::from_cents;
        assert_eq!(bar(m(100), m(100), 4), "████");
        assert_eq!(bar(m(50), m(100), 4), "██");
        assert_eq!(bar(m(1), m(8), 1), "▏");
        assert_eq!(bar(m(0), m(100), 4), "");
        assert_eq!(bar(m(0), m(0), 4), "");
    }
}
