//! Tables for people: drawn with box characters, measured in terminal cells (terminal::width),
//! and fitted to the terminal by shortening free text and leaving out the least important
//! columns, so a row is always one line per cell line and never wraps.

use crate::terminal::{self, cut, width};

/// How a table gives way when it is wider than the terminal. Columns not named (ids, money,
/// statuses, times) are shown whole or not at all: a cut `20.0…` or a wrapped timestamp
/// would be misread.
#[derive(Debug, Clone, Copy)]
pub enum Fit {
    /// A list: `cut` columns (free text) are shortened with `…`, and `drop` columns left out,
    /// least important first; past those, columns go from the right (never the first).
    List { cut: &'static [&'static str], drop: &'static [&'static str] },
    /// A record of field / value rows: long values wrap onto more lines.
    Record,
}

/// A list that names nothing: columns go from the right when the terminal is narrow.
pub const FROM_THE_RIGHT: Fit = Fit::List { cut: &[], drop: &[] };

/// How narrow cut columns get before `drop` columns are left out: the list's main text (its
/// first cut column: a gig's title), any other.
const MAIN_TEXT: usize = 30;
const READABLE: usize = 16;
/// The narrowest a cut column gets (or its header, if wider), before columns go from the right.
const MIN_CUT: usize = 8;
/// The narrowest a record's value column gets.
const MIN_VALUE: usize = 16;

#[derive(Debug, Default)]
pub struct Table {
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new() -> Table {
        Table::default()
    }

    pub fn set_header(&mut self, header: impl IntoIterator<Item = impl Into<String>>) -> &mut Table {
        self.header = Some(header.into_iter().map(Into::into).collect());
        self
    }

    /// Adds a row; every cell is made `terminal::safe` here, so no stored text reaches the
    /// terminal raw whichever command printed it.
    pub fn add_row(&mut self, cells: impl IntoIterator<Item = impl AsRef<str>>) -> &mut Table {
        self.rows.push(cells.into_iter().map(|c| terminal::safe(c.as_ref()).into_owned()).collect());
        self
    }

    /// The table at most `max` cells wide (when it can be), or at its natural width for `None`.
    pub fn render(&self, fit: Fit, max: Option<usize>) -> String {
        let count = self.header.as_ref().map_or(0, Vec::len).max(self.rows.iter().map(Vec::len).max().unwrap_or(0));
        if count == 0 {
            return String::new();
        }
        let natural: Vec<usize> = (0..count).map(|i| self.lines_of(i).map(width).max().unwrap_or(0)).collect();
        let (shown, widths) = match (fit, max) {
            (_, None) => ((0..count).collect(), natural),
            (Fit::Record, Some(max)) => ((0..count).collect(), record_widths(natural, max)),
            (Fit::List { cut, drop }, Some(max)) => self.list_widths(natural, max, cut, drop),
        };
        let wrap = matches!(fit, Fit::Record);
        self.draw(&shown, &widths, wrap)
    }

    fn header_names(&self) -> &[String] {
        self.header.as_deref().unwrap_or_default()
    }

    /// Every line of column `i`: header and cells.
    fn lines_of(&self, i: usize) -> impl Iterator<Item = &str> {
        let header = self.header.iter().filter_map(move |h| h.get(i)).map(String::as_str);
        header.chain(self.rows.iter().filter_map(move |r| r.get(i)).flat_map(|c| c.lines()))
    }

    /// Which columns to show and how wide, for a list no wider than `max`: first the `cut`
    /// columns shorten to a readable width (the first one, the list's main text, to
    /// `MAIN_TEXT`), leaving out `drop` columns as needed; then they shorten down to `MIN_CUT`,
    /// and columns go from the right.
    fn list_widths(
        &self,
        natural: Vec<usize>,
        max: usize,
        cuttable: &[&str],
        droppable: &[&str],
    ) -> (Vec<usize>, Vec<usize>) {
        let names = self.header_names();
        let index = |name: &str| names.iter().position(|n| n == name);
        let cut_columns: Vec<usize> = cuttable.iter().filter_map(|n| index(n)).collect();
        let header_width = |i: usize| names.get(i).map_or(0, |n| width(n));
        let readable = |i: usize| {
            let room = if cut_columns.first() == Some(&i) { MAIN_TEXT } else { READABLE };
            natural[i].min(room.max(header_width(i)))
        };
        let smallest = |i: usize| natural[i].min(MIN_CUT.max(header_width(i)));
        let mut shown: Vec<usize> = (0..natural.len()).collect();
        let mut explicit = droppable.iter().filter_map(|n| index(n));
        loop {
            let widths = shrink(&natural, &shown, &cut_columns, max, readable);
            if total(&widths, &shown) <= max {
                return (shown, widths);
            }
            match explicit.next() {
                Some(gone) => shown.retain(|&i| i != gone),
                None => break,
            }
        }
        loop {
            let widths = shrink(&natural, &shown, &cut_columns, max, smallest);
            if total(&widths, &shown) <= max || shown.len() == 1 {
                return (shown, widths);
            }
            shown.pop();
        }
    }

    fn draw(&self, shown: &[usize], widths: &[usize], wrap: bool) -> String {
        let rule = |left: &str, fill: &str, join: &str, right: &str| {
            let parts: Vec<String> = shown.iter().map(|&i| fill.repeat(widths[i] + 2)).collect();
            format!("{left}{}{right}\n", parts.join(join))
        };
        let mut out = rule("┌", "─", "┬", "┐");
        if let Some(header) = &self.header {
            self.draw_row(&mut out, header, shown, widths, wrap);
            out.push_str(&rule("╞", "═", "╪", "╡"));
        }
        for row in &self.rows {
            self.draw_row(&mut out, row, shown, widths, wrap);
        }
        out.push_str(&rule("└", "─", "┴", "┘"));
        out.pop(); // the caller ends the last line
        out
    }

    fn draw_row(&self, out: &mut String, row: &[String], shown: &[usize], widths: &[usize], wrap: bool) {
        let cells: Vec<Vec<String>> = shown
            .iter()
            .map(|&i| {
                let text = row.get(i).map_or("", String::as_str);
                if wrap {
                    text.lines().flat_map(|line| wrap_line(line, widths[i])).collect()
                } else {
                    text.lines().map(|line| cut(line, widths[i])).collect()
                }
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for line in 0..height {
            out.push('│');
            for (n, (&i, cell)) in shown.iter().zip(&cells).enumerate() {
                let text = cell.get(line).map_or("", String::as_str);
                out.push(' ');
                out.push_str(text);
                out.push_str(&" ".repeat(widths[i].saturating_sub(width(text))));
                out.push_str(if n + 1 == shown.len() { " │" } else { " ┆" });
            }
            out.push('\n');
        }
    }
}

/// A row's width in cells: borders, padding and the shown columns.
fn total(widths: &[usize], shown: &[usize]) -> usize {
    1 + shown.iter().map(|&i| widths[i] + 3).sum::<usize>()
}

/// The natural widths with the widest shown `cut` column shortened, a cell at a time, until the
/// row fits in `max` or every such column is at its `floor`.
fn shrink(
    natural: &[usize],
    shown: &[usize],
    cut_columns: &[usize],
    max: usize,
    floor: impl Fn(usize) -> usize,
) -> Vec<usize> {
    let mut widths = natural.to_vec();
    while total(&widths, shown) > max {
        let widest = cut_columns
            .iter()
            .copied()
            .filter(|&i| shown.contains(&i) && widths[i] > floor(i))
            .max_by_key(|&i| widths[i]);
        match widest {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    widths
}

/// A record's two columns in `max` cells: the field names whole, the values in the rest.
fn record_widths(mut natural: Vec<usize>, max: usize) -> Vec<usize> {
    if natural.len() == 2 {
        let room = max.saturating_sub(natural[0] + 7);
        natural[1] = natural[1].min(room.max(MIN_VALUE));
    }
    natural
}

/// One line as lines of at most `max` cells, broken after a space where there is one.
fn wrap_line(line: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = line;
    while width(rest) > max {
        let mut used = 0;
        let mut end = 0;
        let mut last_space = None;
        for (at, c) in rest.char_indices() {
            let w = width(&rest[at..at + c.len_utf8()]);
            if used + w > max {
                break;
            }
            used += w;
            end = at + c.len_utf8();
            if c == ' ' {
                last_space = Some(end);
            }
        }
        let split = last_space.filter(|&s| s > 0).unwrap_or(end.max(rest.chars().next().map_or(1, char::len_utf8)));
        lines.push(rest[..split].trim_end().to_string());
        rest = &rest[split..];
    }
    lines.push(rest.to_string());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths_of(rendered: &str) -> Vec<usize> {
        rendered.lines().map(width).collect()
    }

    #[test]
    fn arabic_rows_line_up_with_the_header() {
        let mut table = Table::new();
        table.set_header(["id", "title", "price"]);
        table.add_row(["1", "ترجمة من الإنجليزية إلى العربية", "25.00"]);
        table.add_row(["2", "تَصْمِيمُ شِعَارٍ 翻訳 🎨", "5.00"]);
        let rendered = table.render(FROM_THE_RIGHT, None);
        let widths = widths_of(&rendered);
        assert!(widths.iter().all(|w| *w == widths[0]), "{rendered}");
    }

    #[test]
    fn a_list_cuts_text_then_drops_columns_never_cutting_money() {
        let mut table = Table::new();
        table.set_header(["id", "title", "price", "note"]);
        table.add_row(["1", "a title that is much too long for a narrow terminal", "1250.00", "note"]);
        let fit = Fit::List { cut: &["title"], drop: &["note"] };
        let rendered = table.render(fit, Some(30));
        assert!(widths_of(&rendered).iter().all(|w| *w <= 30), "{rendered}");
        assert!(rendered.contains("1250.00") && rendered.contains('…') && !rendered.contains("note"), "{rendered}");
    }

    #[test]
    fn a_record_wraps_long_values() {
        let mut table = Table::new();
        table.add_row(["description", "word ".repeat(30).trim_end()]);
        let rendered = table.render(Fit::Record, Some(40));
        assert!(widths_of(&rendered).iter().all(|w| *w <= 40), "{rendered}");
        assert_eq!(rendered.matches("word").count(), 30);
    }
}
