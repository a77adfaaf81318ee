//! `report sales|sellers --html FILE`: the report as one self-contained HTML page (inline CSS,
//! inline SVG charts, a table of the same numbers; no script, font, image or network), for the
//! people who read reports as pictures.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use souq::files::{self, Existing};
use souq::reports::{self, DayRange, Period, SalesFilter, SalesRow, SellerRow, Totals};
use souq::{Money, Store};

use crate::app::App;
use crate::output;
use crate::terminal;

// `--html FILE` and its `--force`, the same on both reports (a plain comment: see output::Limit).
#[derive(Debug, Args)]
pub struct HtmlArgs {
    /// Write the report to FILE as one HTML page with charts (self-contained: no scripts, no
    /// network), instead of printing it
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "html")]
    force: bool,
}

impl HtmlArgs {
    /// Whether the report goes to an HTML file rather than stdout.
    pub fn wanted(&self) -> bool {
        self.html.is_some()
    }
}

/// The sellers the chart of `report sellers` draws at most; the table lists as many as --limit allows.
const CHARTED_SELLERS: usize = 25;

/// Writes `report sales` as a page: a bar per period, net, fees and refunds stacked to its gross.
pub fn sales(app: &App, store: &Store, args: &HtmlArgs, filter: &SalesFilter, rows: &[SalesRow]) -> Result<()> {
    let period = match filter.by {
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
    };
    let whose = match (&filter.seller, &app.actor) {
        (Some(seller), _) => format!("the sales of {}", name(seller)),
        (None, Some(actor)) => format!("every sale {} may see", name(actor)),
        (None, None) => "every sale".to_string(),
    };
    let mut page = Page::new(app, store, &format!("Sales by {period}"), &whose, filter.range)?;
    if rows.is_empty() {
        page.body.push_str("<p>No settled orders.</p>\n");
    } else {
        page.figure(&sales_chart(rows, &page.currency), "Gross per period: net, fees and refunds stacked.");
        sales_table(&mut page.body, rows, &reports::sum(rows.iter().map(|r| &r.totals))?);
    }
    page.write(app, args)
}

/// Writes `report sellers` as a page: the top sellers' gross as bars, and a table of the first
/// `limit` sellers (all with `None`).
pub fn sellers(
    app: &App,
    store: &Store,
    args: &HtmlArgs,
    range: DayRange,
    rows: &[SellerRow],
    limit: Option<usize>,
) -> Result<()> {
    let mut page = Page::new(app, store, "Sellers by gross", "every seller's sales", range)?;
    let listed = &rows[..rows.len().min(limit.unwrap_or(usize::MAX))];
    let charted = &listed[..listed.len().min(CHARTED_SELLERS)];
    if rows.is_empty() {
        page.body.push_str("<p>No settled orders.</p>\n");
    } else {
        let caption = format!(
            "Gross of the top {} sellers, net, fees and refunds stacked; the table lists {} of {}.",
            charted.len(),
            listed.len(),
            rows.len()
        );
        page.figure(&sellers_chart(charted, &page.currency), &caption);
        sellers_table(&mut page.body, listed);
    }
    page.write(app, args)
}

/// A page being built: its title, the marketplace's currency and the body so far.
struct Page {
    title: String,
    currency: String,
    body: String,
}

impl Page {
    /// The heading, and a line saying what the figures cover, in which currency, as of when.
    fn new(app: &App, store: &Store, title: &str, whose: &str, range: DayRange) -> Result<Page> {
        let currency = souq::policy::load(store.db())?.currency;
        let days = match (range.from, range.to) {
            (Some(from), Some(to)) => format!("settled from {from} to {to}"),
            (Some(from), None) => format!("settled from {from}"),
            (None, Some(to)) => format!("settled up to {to}"),
            (None, None) => "settled at any time".to_string(),
        };
        let mut body = String::new();
        let _ = writeln!(
            body,
            "<h1>{}</h1>\n<p class=\"about\">Completed and cancelled orders {days}: {whose}. Amounts in {}. \
             Made {}.</p>",
            escape(title),
            escape(&currency),
            app.now
        );
        Ok(Page { title: format!("souq: {title}"), currency, body })
    }

    /// A chart with its caption and the legend of its colours.
    fn figure(&mut self, svg: &str, caption: &str) {
        let legend: String = SEGMENTS
            .iter()
            .map(|(class, label, _)| format!("<li><span class=\"swatch {class}\"></span>{label}</li>"))
            .collect();
        let _ = writeln!(
            self.body,
            "<figure>\n{svg}<figcaption>{} <ul class=\"legend\">{legend}</ul></figcaption>\n</figure>",
            escape(caption)
        );
    }

    /// The whole page to FILE, atomically, private, never over a file without --force.
    fn write(self, app: &App, args: &HtmlArgs) -> Result<()> {
        let Some(path) = &args.html else { return Ok(()) };
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
            escape(&self.title),
            self.body
        );
        files::write(path, html.as_bytes(), Existing::replace_if(args.force))?;
        app.note(format!("wrote {}", path.display()));
        Ok(())
    }
}

/// The page's CSS. The fonts are ones Linux desktops have with Arabic glyphs, so names in Arabic
/// are never boxes; nothing is fetched (the page's policy forbids it).
const STYLE: &str = "
:root { color-scheme: light; --net: #2e7d32; --fee: #e69f00; --refund: #9e9e9e; }
body { font-family: \"Noto Sans\", \"Noto Sans Arabic\", \"DejaVu Sans\", sans-serif; color: #1d1d1f;
  background: #fff; margin: 2rem auto; padding: 0 1.5rem; max-width: 1100px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
p.about { color: #555; margin: 0 0 1.5rem; }
figure { margin: 0 0 2rem; }
figcaption { color: #555; font-size: .9rem; }
svg { display: block; width: 100%; height: auto; margin-bottom: .5rem; }
svg text { font-size: 12px; fill: #333; }
svg .grid { stroke: #e0e0e0; }
svg .baseline { stroke: #888; }
.net { fill: var(--net); background: var(--net); }
.fee { fill: var(--fee); background: var(--fee); }
.refund { fill: var(--refund); background: var(--refund); }
ul.legend { display: inline-flex; gap: 1.25rem; list-style: none; margin: 0 0 0 1rem; padding: 0; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-inline-end: .35em; vertical-align: -.05em; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .9rem; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #e5e5e5; text-align: end; white-space: nowrap; }
th.text, td.text { text-align: start; }
tbody th { font-weight: normal; }
th.name { white-space: normal; overflow-wrap: anywhere; min-width: 8em; max-width: 22em; }
thead th { border-bottom: 2px solid #999; white-space: normal; vertical-align: bottom; }
tfoot td { font-weight: bold; border-top: 2px solid #999; }
";

/// The parts a bar is stacked from, bottom first: their CSS class, legend and amount. Together
/// they are the gross (gross = net + fees + refunds).
type Segment = (&'static str, &'static str, fn(&Totals) -> Money);
const SEGMENTS: [Segment; 3] =
    [("net", "net", |t| t.net_cents), ("fee", "fees", |t| t.fee_cents), ("refund", "refunds", |t| t.refund_cents)];

/// The chart's width in SVG units (its viewBox; the page scales it to the window).
const WIDTH: i64 = 1000;
/// About how wide one character of the 12px labels is (DejaVu Sans' digits are 7.6), to keep
/// labels from overlapping.
const CHAR_WIDTH: i64 = 8;

/// Vertical bars, one per period (a zero-height one for a period with no sales), labels under
/// them thinned out so that they never overlap, and the gross above each bar when it fits.
fn sales_chart(rows: &[SalesRow], currency: &str) -> String {
    const LEFT: i64 = 80;
    const RIGHT: i64 = 10;
    const TOP: i64 = 24;
    const PLOT: i64 = 320;
    let height = TOP + PLOT + 36;
    let base = TOP + PLOT;
    let axis = Axis::new(rows.iter().map(|r| r.totals.gross_cents).max().unwrap_or_default());
    let mut svg = svg_open(height, &format!("Bar chart of gross per period, in {currency}"));
    for tick in axis.ticks() {
        let y = base * 10 - axis.scale(tick, PLOT);
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>\
             <text x=\"{}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
            WIDTH - RIGHT,
            LEFT - 8,
            Money::from_cents(tick),
            y = px(y)
        );
    }
    // in tenths of a unit, so a year of days still spaces its bars evenly
    let count = rows.len() as i64;
    let slot = (WIDTH - LEFT - RIGHT) * 10 / count;
    let widest_period = rows.iter().map(|r| r.period.chars().count() as i64).max().unwrap_or_default();
    let every = (((widest_period * CHAR_WIDTH + 12) * 10 + slot - 1) / slot).max(1) as usize;
    let widest_gross = rows.iter().map(|r| r.totals.gross_cents.to_string().len() as i64).max().unwrap_or_default();
    let gross_fits = (widest_gross * CHAR_WIDTH + 4) * 10 <= slot;
    for (i, row) in rows.iter().enumerate() {
        let x = LEFT * 10 + slot * i as i64 + slot / 8;
        let _ = write!(
            svg,
            "<g class=\"bar\" data-period=\"{}\"><title>{}</title>",
            escape(&row.period),
            describe(&escape(&row.period), &row.totals, currency)
        );
        let mut below = 0;
        for (class, _, amount) in SEGMENTS {
            let above = below + amount(&row.totals).cents().max(0);
            let (top, bottom) = (base * 10 - axis.scale(above, PLOT), base * 10 - axis.scale(below, PLOT));
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                px(x),
                px(top),
                px(slot * 3 / 4),
                px(bottom - top)
            );
            below = above;
        }
        svg.push_str("</g>\n");
        let middle = x + slot * 3 / 8;
        if i % every == 0 {
            // under its bar, but inside the picture: the last one would hang off its right edge
            let half = row.period.chars().count() as i64 * CHAR_WIDTH * 10 / 2;
            let _ = writeln!(
                svg,
                "<text class=\"period\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                px(middle.min(WIDTH * 10 - half)),
                base + 18,
                escape(&row.period)
            );
        }
        let middle = px(middle);
        if gross_fits && row.totals.gross_cents.is_positive() {
            let _ = writeln!(
                svg,
                "<text class=\"gross\" x=\"{middle}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                px(base * 10 - axis.scale(row.totals.gross_cents.cents(), PLOT) - 50),
                row.totals.gross_cents
            );
        }
    }
    let _ =
        writeln!(svg, "<line class=\"baseline\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{base}\" y2=\"{base}\"/>", WIDTH - RIGHT);
    svg.push_str("</svg>\n");
    svg
}

/// Horizontal bars, one per seller, best first: rank, name (right-aligned against its bar,
/// whichever way it reads), the bar, and its gross.
fn sellers_chart(rows: &[SellerRow], currency: &str) -> String {
    const ROW: i64 = 30;
    const TOP: i64 = 10;
    const RANK: i64 = 36;
    const VALUE: i64 = 100;
    const NAME_CHARS: usize = 24;
    let names: Vec<String> = rows.iter().map(|r| output::clip(&terminal::safe_line(&r.seller), NAME_CHARS)).collect();
    let widest = names.iter().map(|n| n.chars().count() as i64).max().unwrap_or_default();
    let left = RANK + (widest * CHAR_WIDTH).max(48) + 12;
    let length = WIDTH - left - VALUE;
    let base = TOP + ROW * rows.len() as i64;
    let axis = Axis::new(rows.iter().map(|r| r.totals.gross_cents).max().unwrap_or_default());
    let mut svg = svg_open(base + 28, &format!("Bar chart of the sellers' gross, in {currency}"));
    for tick in axis.ticks() {
        let x = px(left * 10 + axis.scale(tick, length));
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{x}\" x2=\"{x}\" y1=\"{TOP}\" y2=\"{base}\"/>\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            base + 18,
            Money::from_cents(tick)
        );
    }
    for ((i, row), shown) in rows.iter().enumerate().zip(&names) {
        let top = TOP + ROW * i as i64;
        let middle = top + ROW / 2;
        let _ = write!(
            svg,
            "<g class=\"bar\" data-rank=\"{}\"><title>#{} {}</title>",
            row.rank,
            row.rank,
            describe(&isolated(&row.seller), &row.totals, currency)
        );
        let mut before = 0;
        for (class, _, amount) in SEGMENTS {
            let after = before + amount(&row.totals).cents().max(0);
            let (start, end) = (left * 10 + axis.scale(before, length), left * 10 + axis.scale(after, length));
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                px(start),
                top + 5,
                px(end - start),
                ROW - 10
            );
            before = after;
        }
        svg.push_str("</g>\n");
        // an Arabic name is laid out right to left, where text-anchor="start" is its right end
        let anchor = if reads_right_to_left(&row.seller) {
            "direction=\"rtl\" text-anchor=\"start\""
        } else {
            "text-anchor=\"end\""
        };
        let _ = writeln!(
            svg,
            "<text class=\"rank\" x=\"{}\" y=\"{middle}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>\
             <text class=\"name\" x=\"{}\" y=\"{middle}\" {anchor}{} dominant-baseline=\"middle\">{}</text>\
             <text class=\"gross\" x=\"{}\" y=\"{middle}\" dominant-baseline=\"middle\">{}</text>",
            RANK - 8,
            row.rank,
            left - 8,
            lang(&row.seller),
            escape_safe(shown),
            px(left * 10 + axis.scale(row.totals.gross_cents.cents(), length) + 60),
            row.totals.gross_cents
        );
    }
    let _ = writeln!(svg, "<line class=\"baseline\" x1=\"{left}\" x2=\"{left}\" y1=\"{TOP}\" y2=\"{base}\"/>");
    svg.push_str("</svg>\n");
    svg
}

fn svg_open(height: i64, label: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">\n",
        escape(label)
    )
}

/// What a bar's tooltip (and a screen reader) says, `what` being HTML already:
/// "2026-W10: gross 52.50 USD, fees 6.50, refunds 20.00, net 26.00 (3 orders)".
fn describe(what: &str, t: &Totals, currency: &str) -> String {
    format!(
        "{what}: gross {} {}, fees {}, refunds {}, net {} ({} orders)",
        t.gross_cents,
        escape(currency),
        t.fee_cents,
        t.refund_cents,
        t.net_cents,
        t.orders
    )
}

/// A scale from zero to a round amount at or above the largest bar, in at most five steps of
/// 1, 2 or 5 times a power of ten cents, so the grid's labels read 0, 20.00, 40.00 ...
struct Axis {
    step: i64,
    top: i64,
}

impl Axis {
    const STEPS: i64 = 5;

    fn new(max: Money) -> Axis {
        let max = max.cents().max(1);
        let mut power: i64 = 1;
        loop {
            for factor in [1, 2, 5] {
                let step = power.saturating_mul(factor);
                if step.saturating_mul(Axis::STEPS) >= max {
                    let steps = max / step + i64::from(max % step != 0);
                    return Axis { step, top: step.saturating_mul(steps) };
                }
            }
            power = power.saturating_mul(10);
        }
    }

    fn ticks(&self) -> impl Iterator<Item = i64> + '_ {
        (0..=self.top / self.step).map(|i| i * self.step)
    }

    /// The length `cents` takes, in tenths of a unit, when the axis is `length` units long.
    fn scale(&self, cents: i64, length: i64) -> i64 {
        (i128::from(cents) * i128::from(length * 10) / i128::from(self.top)) as i64
    }
}

/// Tenths of an SVG unit as a coordinate: 123 -> "12.3".
fn px(tenths: i64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn sales_table(out: &mut String, rows: &[SalesRow], total: &Totals) {
    out.push_str("<table>\n<thead><tr><th class=\"text\" scope=\"col\">period</th>");
    totals_headers(out);
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let _ = write!(out, "<tr><th class=\"text\" scope=\"row\">{}</th>", escape(&row.period));
        totals_cells(out, &row.totals);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n<tfoot><tr><td class=\"text\">total</td>");
    totals_cells(out, total);
    out.push_str("</tr></tfoot>\n</table>\n");
}

fn sellers_table(out: &mut String, rows: &[SellerRow]) {
    out.push_str("<table>\n<thead><tr><th scope=\"col\">rank</th><th class=\"text\" scope=\"col\">seller</th>");
    totals_headers(out);
    for header in ["level", "completed", "rating", "ratings", "on time %", "completion %"] {
        let _ = write!(out, "<th scope=\"col\">{header}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let stats = &row.stats;
        let _ =
            write!(out, "<tr><td>{}</td><th class=\"text name\" scope=\"row\">{}</th>", row.rank, name(&row.seller));
        totals_cells(out, &row.totals);
        let _ = writeln!(
            out,
            "<td class=\"text\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&stats.level),
            stats.completed_orders,
            stats.rating_average.map(|average| format!("{average:.2}")).unwrap_or_default(),
            stats.rating_count,
            output::opt(&stats.on_time_pct),
            output::opt(&stats.completion_pct)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn totals_headers(out: &mut String) {
    for header in ["orders", "gross", "fees", "refunds", "net"] {
        let _ = write!(out, "<th scope=\"col\">{header}</th>");
    }
}

fn totals_cells(out: &mut String, t: &Totals) {
    let _ = write!(
        out,
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
        t.orders, t.gross_cents, t.fee_cents, t.refund_cents, t.net_cents
    );
}

/// A user's name in the page's text: isolated from what surrounds it (`<bdi>`, its direction
/// from its own first letter), marked as Arabic when it has Arabic letters, and escaped.
fn name(username: &str) -> String {
    format!("<bdi dir=\"auto\"{}>{}</bdi>", lang(username), escape(username))
}

/// ` lang="ar"` for text with Arabic letters, so the browser shapes and fonts it as Arabic.
fn lang(text: &str) -> &'static str {
    let arabic = |c: char| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}');
    if text.chars().any(arabic) {
        " lang=\"ar\""
    } else {
        ""
    }
}

/// Whether text reads right to left, by its first letter, as `dir="auto"` decides.
fn reads_right_to_left(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
    })
}

/// A name, escaped, inside text that takes no markup (a tooltip): between FIRST STRONG ISOLATE
/// and POP DIRECTIONAL ISOLATE, the plain-text `<bdi>`.
fn isolated(username: &str) -> String {
    format!("\u{2068}{}\u{2069}", escape(username))
}

/// Text for the page: controls and bidi overrides written out as a terminal shows them
/// (`\u{202e}`), so stored text cannot reorder what a reader sees, then HTML-escaped so it
/// cannot be markup.
fn escape(text: &str) -> String {
    escape_safe(&terminal::safe_line(text))
}

/// HTML-escapes text already made safe to show.
fn escape_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_neither_markup_nor_reordering() {
        assert_eq!(escape("<script>\"'&"), "&lt;script&gt;&quot;&#39;&amp;");
        assert_eq!(escape("evil\u{202E}gpj.exe"), "evil\\u{202e}gpj.exe");
        assert_eq!(isolated("a\u{2066}<b"), "\u{2068}a\\u{2066}&lt;b\u{2069}");
        assert_eq!(name("ليلى"), "<bdi dir=\"auto\" lang=\"ar\">ليلى</bdi>");
    }

    #[test]
    fn axes_end_on_a_round_amount_at_or_above_the_largest_bar() {
        let axis = |cents| {
            let a = Axis::new(Money::from_cents(cents));
            (a.step, a.top)
        };
        assert_eq!(axis(5250), (2000, 6000));
        assert_eq!(axis(10_000), (2000, 10_000));
        assert_eq!(axis(0), (1, 1));
        assert!(axis(i64::MAX).1 >= i64::MAX / 2);
        let a = Axis::new(Money::from_cents(5250));
        assert_eq!(a.scale(6000, 300), 3000);
        assert_eq!(a.ticks().collect::<Vec<_>>(), [0, 2000, 4000, 6000]);
    }

    #[test]
    fn direction_follows_the_first_letter() {
        assert!(reads_right_to_left("ليلى_2"));
        assert!(reads_right_to_left("2ليلى"));
        assert!(!reads_right_to_left("layla.ليلى"));
    }
}
