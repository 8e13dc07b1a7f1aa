//! Newest-first keyset paging shared by the list routes: the opaque cursor
//! (`<created_at>~<id>` of the last row seen), the page-size check, and the
//! split of a `limit + 1` fetch into one page and the next cursor.

use crate::error::Error;

/// A newest-first paging cursor: `<created_at>~<id>` of the last row seen.
pub fn encode_cursor(created_at: &str, id: &str) -> String {
    format!("{created_at}~{id}")
}

/// Reads a cursor this server returned; anything else is a 400.
pub fn decode_cursor(cursor: &str) -> Result<(String, String), Error> {
    let bad = || Error::invalid("cursor is not a cursor this server returned");
    let (at, id) = cursor.split_once('~').ok_or_else(bad)?;
    let at_ok = !at.is_empty()
        && at.len() <= 40
        && at
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | 'T' | 'Z'));
    let id_ok = id.len() == 32 && id.chars().all(|c| c.is_ascii_hexdigit());
    if !(at_ok && id_ok) {
        return Err(bad());
    }
    Ok((at.to_string(), id.to_string()))
}

/// An optional cursor parameter: absent or blank is the first page.
pub fn optional_cursor(cursor: Option<&str>) -> Result<Option<(String, String)>, Error> {
    match cursor.map(str::trim) {
        Some(c) if !c.is_empty() => decode_cursor(c).map(Some),
        _ => Ok(None),
    }
}

/// The page size: `default` when absent, refused outside `1..=max`.
pub fn page_limit(limit: Option<i64>, default: i64, max: i64) -> Result<i64, Error> {
    let limit = limit.unwrap_or(default);
    if !(1..=max).contains(&limit) {
        return Err(Error::invalid(format!("limit must be 1..{max}")));
    }
    Ok(limit)
}

/// The page size: `default` when absent, clamped down to `max` (as the original
/// service capped it), refused below 1.
pub fn clamped_limit(limit: Option<i64>, default: i64, max: i64) -> Result<i64, Error> {
    page_limit(limit.map(|l| l.min(max)), default, max)
}

/// Cuts rows fetched with `limit + 1` down to one page and returns the cursor of
/// the next page (none on the last one).
pub fn split_page<T>(
    rows: &mut Vec<T>,
    limit: i64,
    key: impl Fn(&T) -> (&str, &str),
) -> Option<String> {
    let limit = usize::try_from(limit).unwrap_or(0);
    if rows.len() <= limit {
        return None;
    }
    rows.truncate(limit);
    rows.last().map(|row| {
        let (created_at, id) = key(row);
        encode_cursor(created_at, id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let id = "0123456789abcdef0123456789abcdef";
        let c = encode_cursor("2026-01-01T00:00:00.000001Z", id);
        assert_eq!(
            decode_cursor(&c).unwrap(),
            ("2026-01-01T00:00:00.000001Z".to_string(), id.to_string())
        );
        for bad in [
            "",
            "x",
            "2026~zz",
            "'; DROP~0123456789abcdef0123456789abcdef",
        ] {
            assert!(
                matches!(decode_cursor(bad).unwrap_err(), Error::InvalidInput(_)),
                "{bad}"
            );
        }
    }

    #[test]
    fn limits_are_clamped_above_and_refused_below() {
        assert_eq!(clamped_limit(Some(5000), 50, 200).unwrap(), 200);
        assert_eq!(clamped_limit(None, 50, 200).unwrap(), 50);
        assert!(matches!(
            clamped_limit(Some(0), 50, 200).unwrap_err(),
            Error::InvalidInput(_)
        ));
        assert!(matches!(
            clamped_limit(Some(-1), 50, 200).unwrap_err(),
            Error::InvalidInput(_)
        ));
    }

    #[test]
    fn a_full_fetch_yields_a_page_and_a_cursor() {
        let mut rows = vec![("t3", "c"), ("t2", "b"), ("t1", "a")];
        assert_eq!(
            split_page(&mut rows, 2, |r| (r.0, r.1)).as_deref(),
            Some("t2~b")
        );
        assert_eq!(rows.len(), 2);
        let mut last = vec![("t1", "a")];
        assert_eq!(split_page(&mut last, 2, |r| (r.0, r.1)), None);
    }
}
