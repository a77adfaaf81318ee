//! What a terminal is shown: text made safe to print (controls and bidi overrides escaped), its
//! width in cells, and the terminal's own width.

use std::borrow::Cow;
use std::io::IsTerminal;

use unicode_width::UnicodeWidthChar;

/// Text as a person's terminal may show it. Stored text can hold what an attacker typed:
/// `ESC]0;title BEL` sets the window title, `ESC[2J` clears the screen, `ESC]8;;URL` hides a
/// link, U+202E turns `exe.pdf` into `fdp.exe` (Trojan Source). Every C0 and C1 control, DEL,
/// the line/paragraph separators and the bidi embeddings, overrides and isolates are shown as
/// `\u{1b}`, `\u{202e}` ..., tab as `\t` and carriage return as `\r`; newline is kept (a cell
/// or a note of several lines). Bidi marks (LRM, RLM, ALM) stay: Arabic text uses them and they
/// reorder nothing beyond their neighbours.
pub fn safe(text: &str) -> Cow<'_, str> {
    escape(text, |c| c != '\n' && needs_escape(c))
}

/// `safe` for text that must stay on one line (an `error:` line): newline escaped too.
pub fn safe_line(text: &str) -> Cow<'_, str> {
    escape(text, needs_escape)
}

/// JSON text with every character `safe` escapes written as `\uXXXX`: the same JSON value
/// (serde_json already escapes C0; this adds DEL, C1 and bidi controls), harmless on a terminal.
/// Outside strings JSON is ASCII with no control but its whitespace, which stays.
pub fn safe_json(json: &str) -> Cow<'_, str> {
    let escaped = |c: char| needs_escape(c) && !matches!(c, '\n' | '\t' | '\r');
    if !json.chars().any(escaped) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() // C0, DEL and C1
        || matches!(c, '\u{2028}' | '\u{2029}') // line and paragraph separators
        || matches!(c, '\u{202a}'..='\u{202e}') // embeddings and overrides
        || matches!(c, '\u{2066}'..='\u{2069}') // isolates
}

fn escape(text: &str, escaped: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !escaped(c) => out.push(c),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

/// The cells a terminal gives `text` (one line, already `safe`): the sum of each character's
/// width, harakat and other combining marks 0, CJK and emoji 2.
///
/// Deliberately not unicode-width's `str` width (what comfy-table used), which counts
/// lam-alef (لا لإ لأ لآ) as ONE cell because fonts draw it as one ligature glyph. Terminals
/// lay text out on a grid of cells, one per character by wcwidth: in tmux 3.3a printing لا
/// moves the cursor two cells (`tmux display -p '#{cursor_x}'`), and a table measured with
/// the ligature rule ends one cell early on every lam-alef row, its right border wrapping
/// (issue 12). xterm places characters by wcwidth the same way. A terminal that shapes
/// Arabic may draw the ligature as one glyph; it still keeps the grid, so the row stays as
/// wide as its header (not checked here beyond tmux).
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// How many cells wide stdout's terminal is: `COLUMNS` when set (as `ls` honours it), else
/// the terminal's size; `None` when stdout is not a terminal and `COLUMNS` is not set, so a
/// pipe or a file gets tables at their natural width.
pub fn columns() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()) {
        if columns > 0 {
            return Some(columns);
        }
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    // SAFETY: TIOCGWINSZ writes one winsize into the struct we own; stdout is a terminal.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

/// The exit code of a command the person interrupted with Ctrl-C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: u8 = 130;

/// From now on, Ctrl-C shows the cursor again and exits 130. A prompt hides the cursor while it
/// waits for a key and reads keys in raw mode, where Ctrl-C is a byte that console turns into
/// SIGINT after restoring the terminal's mode; killed by that signal, souq would leave the
/// cursor hidden. Prompts run before any transaction begins, so exiting here loses nothing.
pub fn exit_130_on_interrupt() {
    extern "C" fn on_interrupt(_: libc::c_int) {
        const SHOW_CURSOR: &[u8] = b"\x1b[?25h\n";
        // SAFETY: write and _exit are async-signal-safe; the buffer is static.
        unsafe {
            libc::write(libc::STDERR_FILENO, SHOW_CURSOR.as_ptr().cast(), SHOW_CURSOR.len());
            libc::_exit(i32::from(INTERRUPTED));
        }
    }
    // SAFETY: installs a handler that only calls async-signal-safe functions.
    unsafe {
        libc::signal(libc::SIGINT, on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t);
    }
}

/// `text` shortened to at most `max` cells, ending in `…` when anything was cut.
pub fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attacks_are_shown_escaped() {
        assert_eq!(safe("a\u{1b}]0;pwned\u{7}b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(safe("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(safe("invoice\u{202e}fdp.exe"), "invoice\\u{202e}fdp.exe");
        assert_eq!(safe("csi\u{9b}2J"), "csi\\u{9b}2J");
        assert_eq!(safe("two\nlines\tand\rback"), "two\nlines\\tand\\rback");
        assert_eq!(safe_line("two\nlines"), "two\\nlines");
        assert!(matches!(safe("ترجمة احترافية\u{200f}"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_stays_the_same_value() {
        let value = serde_json::json!({"t": "a\u{9b}b\u{202e}c\u{1b}"});
        let json = serde_json::to_string_pretty(&value).unwrap();
        let json = safe_json(&json);
        assert!(!json.contains('\u{9b}') && !json.contains('\u{202e}'));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&json).unwrap(), value);
    }

    #[test]
    fn widths_follow_the_terminal_grid() {
        assert_eq!(width("لا"), 2); // lam-alef: two cells, not one
        assert_eq!(width("الإنجليزية"), 10);
        assert_eq!(width("مَرْحَبًا"), 5); // harakat take no cell
        assert_eq!(width("翻訳"), 4);
        assert_eq!(width("🎨"), 2);
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("翻訳翻訳", 4), "翻…");
    }
}
