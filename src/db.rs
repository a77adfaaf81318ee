//! One library, two engines: the thin layer through which every module runs its SQL, on a
//! SQLite file or on a PostgreSQL database (docs/design.md, "More than one host").
//!
//! SQL is written once, in the subset both engines speak: numbered parameters `?1`, `?2` ...
//! (rewritten to `$1`, `$2` for PostgreSQL when the statement is first prepared), `INSERT ...
//! RETURNING id`, `ON CONFLICT`, `coalesce`, `CAST(... AS BIGINT)`. Values cross the layer as
//! rusqlite's `ToSql`/`FromSql` types, so the marketplace's own types (Money, Timestamp, the
//! statuses) convert in one place for both engines: on PostgreSQL a parameter is adapted to the
//! type the server asks for (an integer to int8/int4/bool, text to text) and a column is read
//! back as the SQLite value it would have been. Where the engines truly differ (full-text search,
//! pragmas, the file itself) a module asks [`Db::engine`] and runs a second fixed text.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error as StdError;

use postgres::types::{FromSql as PgFromSql, IsNull, ToSql as PgToSql, Type};
use rusqlite::types::{FromSql, ToSql, ToSqlOutput, ValueRef};

use crate::error::{Error, Result};

/// Which engine a [`Db`] runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A connection to the marketplace's database, on either engine.
pub enum Db {
    Sqlite(rusqlite::Connection),
    // boxed: a client is larger than a SQLite handle, and a store holds one or the other
    Postgres(Box<PgSession>),
}

/// Parameters, in `?1 ?2 ...` order: `params![a, b]` (rusqlite's macro) or `&[]`.
pub type Params<'p> = &'p [&'p dyn ToSql];

/// One row of a result, whichever engine produced it.
pub enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `index` (0-based) as `T`: any type rusqlite can read, on either engine.
    pub fn get<T: FromSql>(&self, index: usize) -> Result<T> {
        match self {
            Row::Sqlite(row) => Ok(row.get(index)?),
            Row::Postgres(row) => {
                let cell: Cell = row.try_get(index).map_err(Error::from)?;
                let column = row.columns()[index].name();
                T::column_result(cell.as_value_ref()).map_err(|e| {
                    Error::internal(format!("database: column {column} ({}): {e}", row.columns()[index].type_()))
                })
            }
        }
    }
}

impl Db {
    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// The SQLite connection, for what only SQLite has (its backup API, pragmas, functions).
    pub fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Db::Sqlite(conn) => Some(conn),
            Db::Postgres(_) => None,
        }
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: Params) -> Result<usize> {
        match self {
            Db::Sqlite(conn) => Ok(conn.prepare_cached(sql)?.execute(sqlite_params(params))?),
            Db::Postgres(pg) => pg.execute(sql, params),
        }
    }

    /// Runs an `INSERT ... RETURNING id`: the new row's id.
    pub fn insert(&self, sql: &str, params: Params) -> Result<i64> {
        self.query_row(sql, params, |row| row.get(0))
    }

    /// The first row, read by `read`; an error when there is none.
    pub fn query_row<T>(&self, sql: &str, params: Params, read: impl FnOnce(&Row) -> Result<T>) -> Result<T> {
        self.query_opt(sql, params, read)?
            .ok_or_else(|| Error::internal(format!("database: no row from {}", first_line(sql))))
    }

    /// The first row read by `read`, or None when the query gives no row.
    pub fn query_opt<T>(&self, sql: &str, params: Params, read: impl FnOnce(&Row) -> Result<T>) -> Result<Option<T>> {
        match self {
            Db::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(sql)?;
                let mut rows = statement.query(sqlite_params(params))?;
                match rows.next()? {
                    Some(row) => read(&Row::Sqlite(row)).map(Some),
                    None => Ok(None),
                }
            }
            Db::Postgres(pg) => match pg.query(sql, params)?.first() {
                Some(row) => read(&Row::Postgres(row)).map(Some),
                None => Ok(None),
            },
        }
    }

    /// Every row, each read by `read`. On PostgreSQL all rows arrive before `read` runs, so
    /// `read` may itself query; for results too big to hold, use [`Db::query_each`].
    pub fn query_map<T>(&self, sql: &str, params: Params, mut read: impl FnMut(&Row) -> Result<T>) -> Result<Vec<T>> {
        match self {
            Db::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(sql)?;
                let mut rows = statement.query(sqlite_params(params))?;
                let mut all = Vec::new();
                while let Some(row) = rows.next()? {
                    all.push(read(&Row::Sqlite(row))?);
                }
                Ok(all)
            }
            Db::Postgres(pg) => pg.query(sql, params)?.iter().map(|row| read(&Row::Postgres(row))).collect(),
        }
    }

    /// Streams the rows to `each`, one at a time, without holding the result: for exports of
    /// any size. `each` must not query the database itself (on PostgreSQL the connection is
    /// busy streaming; doing so is an error, not a deadlock).
    pub fn query_each(&self, sql: &str, params: Params, mut each: impl FnMut(&Row) -> Result<()>) -> Result<()> {
        match self {
            Db::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(sql)?;
                let mut rows = statement.query(sqlite_params(params))?;
                while let Some(row) = rows.next()? {
                    each(&Row::Sqlite(row))?;
                }
                Ok(())
            }
            Db::Postgres(pg) => pg.stream(sql, params, |row| each(&Row::Postgres(row))),
        }
    }

    /// Runs fixed SQL with no parameters and no result (several statements allowed).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Db::Postgres(pg) => pg.client()?.batch_execute(sql).map_err(Error::from),
        }
    }
}

fn sqlite_params<'p>(params: Params<'p>) -> impl rusqlite::Params + 'p {
    rusqlite::params_from_iter(params.iter().copied())
}

fn first_line(sql: &str) -> &str {
    sql.trim_start().lines().next().unwrap_or_default()
}

/// A PostgreSQL connection and the statements it has prepared (by their SQL text), so that a
/// loop runs each statement as a bound execution of a prepared one, as SQLite's cache does.
pub struct PgSession {
    client: RefCell<postgres::Client>,
    prepared: RefCell<HashMap<String, postgres::Statement>>,
}

impl PgSession {
    pub fn new(client: postgres::Client) -> PgSession {
        PgSession { client: RefCell::new(client), prepared: RefCell::new(HashMap::new()) }
    }

    fn client(&self) -> Result<std::cell::RefMut<'_, postgres::Client>> {
        self.client.try_borrow_mut().map_err(|_| {
            Error::internal("database: a query ran while another was still streaming rows (a bug in souq)")
        })
    }

    fn statement(&self, client: &mut postgres::Client, sql: &str) -> Result<postgres::Statement> {
        if let Some(statement) = self.prepared.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(&numbered_parameters(sql))?;
        self.prepared.borrow_mut().insert(sql.to_string(), statement.clone());
        Ok(statement)
    }

    fn execute(&self, sql: &str, params: Params) -> Result<usize> {
        let mut client = self.client()?;
        let statement = self.statement(&mut client, sql)?;
        let values = pg_values(params)?;
        Ok(client.execute(&statement, &pg_refs(&values))? as usize)
    }

    fn query(&self, sql: &str, params: Params) -> Result<Vec<postgres::Row>> {
        let mut client = self.client()?;
        let statement = self.statement(&mut client, sql)?;
        let values = pg_values(params)?;
        Ok(client.query(&statement, &pg_refs(&values))?)
    }

    fn stream(&self, sql: &str, params: Params, mut each: impl FnMut(&postgres::Row) -> Result<()>) -> Result<()> {
        use postgres::fallible_iterator::FallibleIterator;
        let mut client = self.client()?;
        let statement = self.statement(&mut client, sql)?;
        let values = pg_values(params)?;
        let mut rows = client.query_raw(&statement, pg_refs(&values))?;
        while let Some(row) = rows.next()? {
            each(&row)?;
        }
        Ok(())
    }

    /// The client itself, for what only PostgreSQL has (COPY, advisory locks, the catalog).
    pub fn with_client<T>(&self, work: impl FnOnce(&mut postgres::Client) -> Result<T>) -> Result<T> {
        work(&mut *self.client()?)
    }
}

/// `?1` becomes `$1`, outside quoted text and comments: SQLite reads both spellings, but only
/// `?N` means "the Nth parameter" there (`$1` is a *named* parameter numbered by first use).
pub fn numbered_parameters(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break; // a doubled quote just reopens the literal on the next turn
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == '\n' {
                        break;
                    }
                }
            }
            '?' if chars.peek().is_some_and(char::is_ascii_digit) => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

/// A parameter as rusqlite would bind it, ready to be sent as the type PostgreSQL asks for.
#[derive(Debug)]
struct PgValue<'a>(ValueRef<'a>);

fn pg_values<'p>(params: Params<'p>) -> Result<Vec<PgOwnedOrBorrowed<'p>>> {
    params.iter().map(|p| Ok(PgOwnedOrBorrowed(p.to_sql()?))).collect()
}

fn pg_refs<'a>(values: &'a [PgOwnedOrBorrowed<'_>]) -> Vec<&'a (dyn PgToSql + Sync)> {
    values.iter().map(|v| v as &(dyn PgToSql + Sync)).collect()
}

/// What rusqlite's `to_sql` gave (borrowed or owned), sent to PostgreSQL.
#[derive(Debug)]
struct PgOwnedOrBorrowed<'a>(ToSqlOutput<'a>);

impl PgOwnedOrBorrowed<'_> {
    fn value_ref(&self) -> ValueRef<'_> {
        match &self.0 {
            ToSqlOutput::Borrowed(v) => *v,
            ToSqlOutput::Owned(v) => ValueRef::from(v),
            _ => ValueRef::Null, // zero-blobs and arrays are SQLite-only features souq does not use
        }
    }
}

type BoxError = Box<dyn StdError + Sync + Send>;

impl PgToSql for PgOwnedOrBorrowed<'_> {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> std::result::Result<IsNull, BoxError> {
        PgToSql::to_sql(&PgValue(self.value_ref()), ty, out)
    }
    fn accepts(_: &Type) -> bool {
        true
    }
    postgres::types::to_sql_checked!();
}

impl PgToSql for PgValue<'_> {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> std::result::Result<IsNull, BoxError> {
        let wrong = || -> BoxError { format!("cannot send {:?} as {ty}", self.0).into() };
        match self.0 {
            ValueRef::Null => Ok(IsNull::Yes),
            ValueRef::Integer(i) => match *ty {
                Type::INT8 => PgToSql::to_sql(&i, ty, out),
                Type::INT4 => PgToSql::to_sql(&i32::try_from(i)?, ty, out),
                Type::INT2 => PgToSql::to_sql(&i16::try_from(i)?, ty, out),
                Type::BOOL => PgToSql::to_sql(&(i != 0), ty, out),
                Type::FLOAT8 => PgToSql::to_sql(&(i as f64), ty, out),
                Type::TEXT | Type::VARCHAR => PgToSql::to_sql(&i.to_string(), ty, out),
                _ => Err(wrong()),
            },
            ValueRef::Real(f) => match *ty {
                Type::FLOAT8 => PgToSql::to_sql(&f, ty, out),
                Type::FLOAT4 => PgToSql::to_sql(&(f as f32), ty, out),
                _ => Err(wrong()),
            },
            ValueRef::Text(bytes) => match *ty {
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    PgToSql::to_sql(&std::str::from_utf8(bytes)?, ty, out)
                }
                _ => Err(wrong()),
            },
            ValueRef::Blob(bytes) => match *ty {
                Type::BYTEA => PgToSql::to_sql(&bytes, ty, out),
                _ => Err(wrong()),
            },
        }
    }
    fn accepts(_: &Type) -> bool {
        true
    }
    postgres::types::to_sql_checked!();
}

/// A PostgreSQL column read back as the SQLite value it stands for: integers (and booleans,
/// and integral numerics such as `sum()` gives) as integers, text as text, bytea as a blob.
enum Cell<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

impl Cell<'_> {
    fn as_value_ref(&self) -> ValueRef<'_> {
        match *self {
            Cell::Null => ValueRef::Null,
            Cell::Integer(i) => ValueRef::Integer(i),
            Cell::Real(f) => ValueRef::Real(f),
            Cell::Text(t) => ValueRef::Text(t),
            Cell::Blob(b) => ValueRef::Blob(b),
        }
    }
}

impl<'a> PgFromSql<'a> for Cell<'a> {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> std::result::Result<Cell<'a>, BoxError> {
        Ok(match *ty {
            Type::INT8 => Cell::Integer(i64::from_sql(ty, raw)?),
            Type::INT4 => Cell::Integer(i32::from_sql(ty, raw)?.into()),
            Type::INT2 => Cell::Integer(i16::from_sql(ty, raw)?.into()),
            Type::OID => Cell::Integer(u32::from_sql(ty, raw)?.into()),
            Type::BOOL => Cell::Integer(bool::from_sql(ty, raw)?.into()),
            Type::FLOAT8 => Cell::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Cell::Real(f32::from_sql(ty, raw)?.into()),
            Type::NUMERIC => numeric(raw)?,
            Type::BYTEA => Cell::Blob(raw),
            // text, varchar, name, json and the like arrive as UTF-8 text
            _ => Cell::Text(<&str>::from_sql(&Type::TEXT, raw)?.as_bytes()),
        })
    }
    fn from_sql_null(_: &Type) -> std::result::Result<Cell<'a>, BoxError> {
        Ok(Cell::Null)
    }
    fn accepts(_: &Type) -> bool {
        true
    }
}

/// PostgreSQL's binary numeric (what `sum(bigint)` and `avg` give): an integer when it is one,
/// else a float (averages, never money).
fn numeric(raw: &[u8]) -> std::result::Result<Cell<'static>, BoxError> {
    let word = |i: usize| -> std::result::Result<i16, BoxError> {
        raw.get(i * 2..i * 2 + 2).map(|b| i16::from_be_bytes([b[0], b[1]])).ok_or_else(|| "short numeric".into())
    };
    let (count, weight, sign, scale) = (word(0)? as usize, word(1)?, word(2)? as u16, word(3)?);
    if sign == 0xC000 {
        return Err("NaN is not a number souq stores".into());
    }
    let negative = sign == 0x4000;
    let mut integer: i128 = 0;
    let mut fraction = 0f64;
    for i in 0..count {
        let digit = word(4 + i)? as i128;
        let power = weight as i32 - i as i32; // this digit is digit * 10000^power
        if power >= 0 {
            integer = integer.checked_mul(10_000).and_then(|v| v.checked_add(digit)).ok_or("numeric out of range")?;
        } else {
            fraction += digit as f64 * 10_000f64.powi(power);
        }
    }
    // digits left out at the end of the integer part are zeros
    let trailing = (weight as i32 + 1 - count as i32).max(0);
    for _ in 0..trailing {
        integer = integer.checked_mul(10_000).ok_or("numeric out of range")?;
    }
    if scale == 0 || fraction == 0.0 {
        let value = i64::try_from(if negative { -integer } else { integer })?;
        return Ok(Cell::Integer(value));
    }
    let value = integer as f64 + fraction;
    Ok(Cell::Real(if negative { -value } else { value }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_parameters_are_rewritten_outside_quotes_and_comments() {
        assert_eq!(
            numbered_parameters("SELECT '?1', \"?2\" FROM t WHERE a = ?1 AND b = ?12 -- ?3\n AND c = ?3"),
            "SELECT '?1', \"?2\" FROM t WHERE a = $1 AND b = $12 -- ?3\n AND c = $3"
        );
        assert_eq!(numbered_parameters("SELECT 'it''s ?1' , ?2"), "SELECT 'it''s ?1' , $2");
    }

    fn numeric_bytes(words: &[i16]) -> Vec<u8> {
        words.iter().flat_map(|w| w.to_be_bytes()).collect()
    }

    #[test]
    fn numerics_read_as_integers_when_integral() {
        // 123456789 = 1|2345|6789 with weight 2
        let cell = numeric(&numeric_bytes(&[3, 2, 0, 0, 1, 2345, 6789])).unwrap();
        assert!(matches!(cell, Cell::Integer(123_456_789)));
        // -50000: one digit 5 with weight 1 (5 * 10000), negative
        let cell = numeric(&numeric_bytes(&[1, 1, 0x4000, 0, 5])).unwrap();
        assert!(matches!(cell, Cell::Integer(-50_000)));
        // 0: no digits
        assert!(matches!(numeric(&numeric_bytes(&[0, 0, 0, 0])).unwrap(), Cell::Integer(0)));
        // 2.5 = 2 . 5000, scale 1
        let cell = numeric(&numeric_bytes(&[2, 0, 0, 1, 2, 5000])).unwrap();
        assert!(matches!(cell, Cell::Real(f) if (f - 2.5).abs() < 1e-9));
    }
}
