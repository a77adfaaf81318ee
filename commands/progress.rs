//! Progress bars for people watching stderr: how far through, how fast, how long still. Off a
//! terminal (or with --quiet) they are hidden and draw nothing.

use std::io::Read;
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use crate::app::App;

/// A bar over the bytes of the file being read, when its size is known (a regular file):
/// percentage, rate and time left. For stdin or a pipe, a spinner with bytes and rate. The
/// message slot carries what the reader counts (rows).
pub fn reading(app: &App, path: &Path, source: Box<dyn Read + Send>) -> (ProgressBar, Box<dyn Read + Send>) {
    if !app.show_progress() {
        return (ProgressBar::hidden(), source);
    }
    let size = (path.as_os_str() != "-")
        .then(|| std::fs::metadata(path).ok())
        .flatten()
        .filter(|meta| meta.is_file())
        .map(|meta| meta.len());
    let bar = match size {
        Some(size) => ProgressBar::new(size)
            .with_style(style("{bar:30} {percent:>3}%  {bytes}/{total_bytes}  {bytes_per_sec}  {eta} left  {msg}")),
        None => ProgressBar::new_spinner().with_style(style("{spinner} {bytes}  {bytes_per_sec}  {msg}")),
    };
    bar.tick(); // drawn at once: a short file is read before the first redraw is due
    let counted = Counted { inner: source, bar: bar.clone() };
    (bar, Box::new(counted))
}

/// A bar over `len` items: percentage, count, rate and time left (moderate scan).
pub fn counting(app: &App, what: &str) -> ProgressBar {
    if !app.show_progress() {
        return ProgressBar::hidden();
    }
    let template = format!("{{bar:30}} {{percent:>3}}%  {{pos}}/{{len}} {what}  {{per_sec}}  {{eta}} left");
    let bar = ProgressBar::new(0).with_style(style(&template));
    bar.tick();
    bar
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}

/// Counts the bytes read through it onto the bar.
struct Counted {
    inner: Box<dyn Read + Send>,
    bar: ProgressBar,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}
