//! Short ids: tables on a terminal show the shortest unambiguous prefix of each id,
//! and commands accept any unique prefix of an id, picked from the list it belongs to.

use crate::error::CliError;

/// The shortest prefix a table shows (ids are 32 hex characters).
pub const MIN_PREFIX: usize = 8;

/// A kind of object with ids: how messages name it and which command lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    pub noun: &'static str,
    pub plural: &'static str,
    /// The command (after `defendable`) that lists the valid ones.
    pub list: &'static str,
}

pub const RUN: Kind = Kind {
    noun: "run",
    plural: "runs",
    list: "runs ls",
};
pub const PROJECT: Kind = Kind {
    noun: "project",
    plural: "projects",
    list: "projects ls",
};
pub const COOK: Kind = Kind {
    noun: "cook",
    plural: "cooks",
    list: "cooks ls",
};
pub const AGENT: Kind = Kind {
    noun: "agent profile",
    plural: "agent profiles",
    list: "agents ls",
};

/// True for a whole id as the server mints them (32 lowercase hex characters).
pub fn is_full(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The shortest prefix length (at least [`MIN_PREFIX`]) that tells all `ids` apart.
pub fn prefix_len<'a>(ids: impl IntoIterator<Item = &'a str> + Clone) -> usize {
    let longest = ids.clone().into_iter().map(str::len).max().unwrap_or(0);
    let mut len = MIN_PREFIX;
    while len < longest {
        let mut seen = std::collections::HashSet::new();
        let mut whole = std::collections::HashSet::new();
        let unique = ids.clone().into_iter().all(|id| {
            // The same id twice is not ambiguous.
            !whole.insert(id) || seen.insert(id.get(..len).unwrap_or(id))
        });
        if unique {
            return len;
        }
        len += 1;
    }
    len
}

/// Shortens the ids in one column of table rows to their unambiguous prefix.
pub fn shorten_column(rows: &mut [Vec<String>], column: usize) {
    let len = prefix_len(
        rows.iter()
            .filter_map(|r| r.get(column).map(String::as_str)),
    );
    for row in rows {
        if let Some(id) = row.get_mut(column) {
            if id.len() > len && id.is_ascii() {
                id.truncate(len);
            }
        }
    }
}

/// What a prefix matched among the candidates.
#[derive(Debug, PartialEq, Eq)]
pub enum Matched {
    One(String),
    None,
    /// Every match, with its description.
    Many(Vec<(String, String)>),
}

/// The candidates (id, description) whose id starts with `given`; an exact id wins.
pub fn matching(given: &str, candidates: &[(String, String)]) -> Matched {
    let given = given.trim().to_ascii_lowercase();
    if let Some((id, _)) = candidates.iter().find(|(id, _)| *id == given) {
        return Matched::One(id.clone());
    }
    let mut hits: Vec<(String, String)> = candidates
        .iter()
        .filter(|(id, _)| !given.is_empty() && id.starts_with(&given))
        .cloned()
        .collect();
    hits.dedup_by(|a, b| a.0 == b.0);
    match hits.len() {
        0 => Matched::None,
        1 => Matched::One(hits.remove(0).0),
        _ => Matched::Many(hits),
    }
}

/// The id `given` stands for; `hint` turns a command into the one to type (with the
/// profile in use). No match is "not found" (exit 1), several are a usage error
/// (exit 2) listing them.
pub fn pick(
    kind: &Kind,
    given: &str,
    candidates: &[(String, String)],
    hint: impl Fn(&str) -> String,
) -> Result<String, CliError> {
    match matching(given, candidates) {
        Matched::One(id) => Ok(id),
        Matched::None => Err(not_found(kind, given, &hint(kind.list))),
        Matched::Many(hits) => {
            let list: Vec<String> = hits
                .iter()
                .map(|(id, about)| format!("  {id}  {about}"))
                .collect();
            Err(CliError::usage(format!(
                "{} {given} is ambiguous; it starts {} {}:\n{}",
                kind.noun,
                hits.len(),
                kind.plural,
                list.join("\n")
            )))
        }
    }
}

/// "run 1234abcd not found; `defendable runs ls` lists runs".
pub fn not_found(kind: &Kind, given: &str, list_command: &str) -> CliError {
    CliError {
        code: crate::error::EXIT_ERROR,
        message: format!(
            "{} {given} not found; {list_command} lists {}",
            kind.noun, kind.plural
        ),
        status: Some(404),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(ids: &[&str]) -> Vec<(String, String)> {
        ids.iter()
            .map(|i| (i.to_string(), format!("about {i}")))
            .collect()
    }

    #[test]
    fn prefixes_grow_until_the_ids_differ() {
        let a = "0123456789abcdef0123456789abcdef";
        let b = "0123456789ffffff0123456789abcdef";
        assert_eq!(prefix_len([a]), MIN_PREFIX);
        assert_eq!(prefix_len([a, b]), 11);
        assert_eq!(prefix_len([a, a]), MIN_PREFIX);
        let mut rows = vec![vec![a.to_string()], vec![b.to_string()]];
        shorten_column(&mut rows, 0);
        assert_eq!(rows[0][0], "0123456789a");
    }

    #[test]
    fn prefixes_pick_one_none_or_many() {
        let all = c(&["abc111", "abc222", "def333"]);
        assert_eq!(matching("def", &all), Matched::One("def333".into()));
        assert_eq!(matching("ABC1", &all), Matched::One("abc111".into()));
        assert_eq!(matching("zzz", &all), Matched::None);
        assert_eq!(matching("", &all), Matched::None);
        assert!(matches!(matching("abc", &all), Matched::Many(m) if m.len() == 2));
        let err = pick(&RUN, "abc", &all, |c| format!("`defendable {c}`")).unwrap_err();
        assert_eq!(err.code, 2);
        assert!(err.message.contains("abc111") && err.message.contains("abc222"));
        let err = pick(&RUN, "zzz", &all, |c| format!("`defendable {c}`")).unwrap_err();
        assert_eq!(
            err.message,
            "run zzz not found; `defendable runs ls` lists runs"
        );
    }
}
