//! "Did you mean": the closest of the valid names to a mistyped one.

/// The candidate closest to `given`, when one is close enough to be a typo.
pub fn closest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given = given.trim().to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&given, &c.to_ascii_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// ` (did you mean `x`?)`, or nothing.
pub fn did_you_mean<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(given, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_the_nearest_name_and_nonsense_gets_none() {
        let keys = ["no_secrets", "cites_sources", "tests_pass"];
        assert_eq!(closest("no_secrest", keys), Some("no_secrets"));
        assert_eq!(closest("test_pass", keys), Some("tests_pass"));
        assert_eq!(closest("zzzzzz", keys), None);
        assert_eq!(did_you_mean("zzzzzz", keys), "");
    }
}
