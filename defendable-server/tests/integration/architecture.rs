//! The server's layering, checked: the module order in ARCHITECTURE.md lists
//! every top-level module of `src/`, lowest first, and no module imports one
//! listed after it. The scan reads every `crate::` path in the code (comments
//! and string literals removed), including grouped imports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The module order between the layer markers of ARCHITECTURE.md.
fn module_order() -> Vec<(String, String)> {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ARCHITECTURE.md");
    let text = std::fs::read_to_string(&doc).expect("reading ARCHITECTURE.md");
    let start = text
        .find("<!-- layers:begin -->")
        .expect("the layers:begin marker");
    let end = text
        .find("<!-- layers:end -->")
        .expect("the layers:end marker");
    let mut order = Vec::new();
    for line in text[start..end].lines() {
        let Some((layer, modules)) = line.split_once(':') else {
            continue;
        };
        if layer.contains(' ') || layer.starts_with('<') {
            continue;
        }
        for module in modules.split_whitespace() {
            order.push((module.to_string(), layer.trim().to_string()));
        }
    }
    order
}

/// `src/` file by file, each with the top-level module it belongs to.
fn sources() -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, top: Option<&str>, out: &mut Vec<(String, PathBuf)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let module = top.map(str::to_string).unwrap_or_else(|| name.clone());
            if path.is_dir() {
                walk(&path, Some(&module), out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((module, path));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        None,
        &mut out,
    );
    out
}

/// Rust source without comments, string and char literals (their text is blanked).
fn code_only(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            i += end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map(|e| e + 2).unwrap_or(rest.len());
            i += end;
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") {
            let hashes = rest[1..].chars().take_while(|c| *c == '#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = 2 + hashes;
            let end = rest[body..].find(&close).map(|e| body + e + close.len());
            i += end.unwrap_or(rest.len());
            out.push_str("\"\"");
        } else if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            i = j + 1;
            out.push_str("\"\"");
        } else if bytes[i] == b'\''
            && rest.len() >= 3
            && (rest.as_bytes()[2] == b'\'' || rest.starts_with("'\\"))
        {
            // A char literal ('x' or '\n'); a lifetime has no closing quote.
            let end = rest[1..].find('\'').map(|e| e + 2).unwrap_or(1);
            i += end;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The first path segment of every `crate::` path in `code`, grouped imports
/// (`crate::{a, b::c}`) included.
fn crate_imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let preceded = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        rest = &rest[at + "crate::".len()..];
        if preceded {
            continue; // e.g. `defendable_crate::`
        }
        let trimmed = rest.trim_start();
        if let Some(group) = trimmed.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if depth == 1 && item_start && !c.is_whitespace() => {
                        found.insert(ident(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(trimmed));
        }
    }
    found.remove("");
    found.remove("self");
    found
}

#[test]
fn the_scan_reads_grouped_imports_and_skips_comments() {
    let code = code_only(
        "use crate::{a, b::{c, d}, e::f};\n// crate::g\nlet s = \"crate::h\";\n/* crate::i */ crate::j::k();",
    );
    let found: Vec<_> = crate_imports(&code).into_iter().collect();
    assert_eq!(found, ["a", "b", "e", "j"]);
}

#[test]
fn modules_import_only_downward() {
    let order = module_order();
    let rank: BTreeMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, (m, _))| (m.as_str(), i))
        .collect();
    assert_eq!(
        rank.len(),
        order.len(),
        "a module is listed twice: {order:?}"
    );
    let files = sources();
    let modules: BTreeSet<&str> = files.iter().map(|(m, _)| m.as_str()).collect();
    let unlisted: Vec<_> = modules.iter().filter(|m| !rank.contains_key(*m)).collect();
    assert!(
        unlisted.is_empty(),
        "modules missing from ARCHITECTURE.md's layer list: {unlisted:?}"
    );
    let gone: Vec<_> = rank.keys().filter(|m| !modules.contains(*m)).collect();
    assert!(gone.is_empty(), "listed modules with no source: {gone:?}");

    let layer_of = |m: &str| order[rank[m]].1.clone();
    let mut upward = Vec::new();
    for (module, path) in &files {
        let code = code_only(&std::fs::read_to_string(path).unwrap());
        for target in crate_imports(&code) {
            if target == *module || !rank.contains_key(target.as_str()) {
                continue;
            }
            if rank[target.as_str()] > rank[module.as_str()] {
                upward.push(format!(
                    "{} ({}) imports {target} ({}), listed after it",
                    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                        .unwrap()
                        .display(),
                    layer_of(module),
                    layer_of(&target),
                ));
            }
        }
    }
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}
