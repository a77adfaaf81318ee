//! The command line, parsed without clap copying the global options into every command.

use std::ffi::OsString;

use clap::{Arg, CommandFactory, FromArgMatches, Parser};

use crate::Cli;

/// Parses `args` as `Cli::try_parse_from` does, at less cost.
///
/// clap copies each `global = true` option into every subcommand of each command it builds:
/// the 10 global options into the 21 commands, then into every subcommand of the one that runs.
/// For a `gig show` that was 0.56 MB of allocations and a quarter of its page faults, which
/// cost more than its SQL. So a command line whose global options can be moved in front of
/// the command without changing its meaning ([`hoisted`]) is parsed by the tree with those
/// options made local to the top level. Any other command line, and one that fails that way
/// (help, a mistake), is parsed as given by the whole tree: help and errors stay clap's own.
pub fn parse(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let command = Cli::command();
    let front = hoisted(&args, &globals(&command));
    if let Some(front) = front {
        let local = command.mut_args(|arg| arg.global(false));
        if let Some(cli) = local.try_get_matches_from(front).ok().and_then(|m| Cli::from_arg_matches(&m).ok()) {
            return Ok(cli);
        }
    }
    Cli::try_parse_from(args)
}

/// How a global option is written.
struct Global<'a> {
    long: Option<&'a str>,
    short: Option<char>,
    takes_value: bool,
}

impl Global<'_> {
    fn of(arg: &Arg) -> Global<'_> {
        Global { long: arg.get_long(), short: arg.get_short(), takes_value: arg.get_action().takes_values() }
    }
}

fn globals(command: &clap::Command) -> Vec<Global<'_>> {
    command.get_arguments().filter(|a| a.is_global_set()).map(Global::of).collect()
}

/// What a token of the command line is to the hoisting.
enum Token<'a, 'g> {
    /// A global option: `--db`, `-o`, `--db=PATH`.
    Global { global: &'a Global<'g>, value_attached: bool },
    /// Something that starts like an option but is not a global one: it may take the token after
    /// it as its value.
    OtherOption,
    /// A value, a positional argument or a command's name.
    Word,
}

fn classify<'a, 'g>(text: &str, globals: &'a [Global<'g>]) -> Token<'a, 'g> {
    if let Some(long) = text.strip_prefix("--") {
        let (name, value_attached) = long.split_once('=').map_or((long, false), |(name, _)| (name, true));
        if let Some(global) = globals.iter().find(|g| g.long == Some(name)) {
            return Token::Global { global, value_attached };
        }
        return Token::OtherOption;
    }
    let mut chars = text.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some('-'), Some(short), None) => match globals.iter().find(|g| g.short == Some(short)) {
            Some(global) => Token::Global { global, value_attached: false },
            None => Token::OtherOption,
        },
        (Some('-'), Some(_), Some(_)) => Token::OtherOption, // -oyaml, -qy: not unpicked here
        _ => Token::Word,
    }
}

/// `args` with every global option (and its value) moved to just after the program's name, or
/// None when that might change what the command line means: a global option right after
/// another option (it may be that option's value: `--rating -q` is a rating of "-q"), a
/// flag given a value (`--json=yes`), a token that is not UTF-8. Nothing after `--` moves: it
/// is all positional. Short options run together (`-qy`) stay where they are: the tree without
/// global options does not know them there, so such a line is parsed by the whole tree.
fn hoisted(args: &[OsString], globals: &[Global]) -> Option<Vec<OsString>> {
    let (program, tokens) = args.split_first()?;
    let mut front = vec![program.clone()];
    let mut rest = Vec::new();
    let mut tokens = tokens.iter();
    let mut after_option = false;
    while let Some(token) = tokens.next() {
        let text = token.to_str()?;
        if text == "--" {
            rest.push(token.clone());
            rest.extend(tokens.cloned());
            break;
        }
        match classify(text, globals) {
            Token::Global { global, value_attached } => {
                if after_option || (value_attached && !global.takes_value) {
                    return None;
                }
                front.push(token.clone());
                if global.takes_value && !value_attached {
                    front.push(tokens.next()?.clone());
                }
                after_option = false;
            }
            Token::OtherOption => {
                after_option = !text.contains('=');
                rest.push(token.clone());
            }
            Token::Word => {
                after_option = false;
                rest.push(token.clone());
            }
        }
    }
    front.extend(rest);
    Some(front)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Vec<OsString> {
        std::iter::once("souq").chain(line.iter().copied()).map(OsString::from).collect()
    }

    /// The cheap parse, where it applies, means what clap's whole tree means.
    #[test]
    fn hoisting_keeps_the_meaning_of_every_command_line() {
        let taken = [
            &["gig", "show", "1"][..],
            &["gig", "show", "1", "--json"],
            &["--db", "market.db", "gig", "show", "1", "-o", "yaml"],
            &["order", "place", "1", "--as", "buyer1", "--json", "--db=m.db"],
            &["order", "message", "5", "--message", "round 2, formal tone", "--as", "buyer1", "-q"],
            &["wallet", "deposit", "buyer2", "10", "--method", "paypal", "--ref", "PP-1", "--as", "admin"],
            &["gig", "list", "--fields", "id,title", "--output", "csv", "--excel", "--delimiter", ";"],
            &["order", "complete", "7", "--rating", "5", "--yes", "--no-input", "--as", "buyer1"],
            &["gig", "search", "ترجمة", "--json"],
        ];
        let refused = [
            // --rating takes any next token as its value, so that -1 is refused as out of range
            &["order", "complete", "7", "--rating", "-q"][..],
            &["order", "message", "5", "--message", "--json"],
            &["gig", "list", "--json=yes"],
            &["gig", "show", "1", "--db"],
        ];
        let command = Cli::command();
        let globals = globals(&command);
        for line in taken {
            let front = hoisted(&args(line), &globals).unwrap_or_else(|| panic!("not hoisted: {line:?}"));
            let local = Cli::command().mut_args(|arg| arg.global(false));
            let cheap = local.try_get_matches_from(front).map(|m| Cli::from_arg_matches(&m).unwrap());
            let whole = Cli::try_parse_from(args(line));
            match (cheap, whole) {
                (Ok(cheap), Ok(whole)) => assert_eq!(format!("{cheap:?}"), format!("{whole:?}"), "{line:?}"),
                (cheap, whole) => panic!("{line:?}: cheap {:?}, whole {:?}", cheap.err(), whole.err()),
            }
        }
        for line in refused {
            assert!(hoisted(&args(line), &globals).is_none(), "{line:?}");
        }
        let together = parse(args(&["gig", "show", "1", "-qy"])).unwrap();
        assert_eq!(
            format!("{together:?}"),
            format!("{:?}", Cli::try_parse_from(args(&["gig", "show", "1", "-qy"])).unwrap())
        );
    }

    #[test]
    fn global_options_move_in_front_with_their_values_and_nothing_after_double_dash_moves() {
        let command = Cli::command();
        let front =
            hoisted(&args(&["gig", "show", "1", "--db", "x.db", "-q", "--", "-o"]), &globals(&command)).unwrap();
        assert_eq!(front, args(&["--db", "x.db", "-q", "gig", "show", "1", "--", "-o"]));
    }
}
