//! Which receipt-signing keys this CLI trusts: keys read from a file (a saved
//! `/.well-known/defendable-keys` document or verifier keys one a line), keys trusted
//! with `keys trust`, and keys pinned per server origin on first use, as ssh pins host
//! keys in known_hosts. A key a pinned server presents later must be one of its pins.

use std::path::Path;

use defendable_contract::note::Verifier;
use defendable_contract::receipt::ReceiptCheck;
use defendable_contract::transparency::key_id;
use serde_json::Value;

use crate::api::Ctx;
use crate::client::{types, Client};
use crate::commands::interactive;
use crate::error::CliError;
use crate::output::note;

/// The verifier keys in a keys document (`{"keys": [{"verifier": ...}]}`, every key
/// it lists, current and retired) or in plain text, one key a line.
pub fn parse_keys(text: &str) -> Result<Vec<Verifier>, String> {
    let trimmed = text.trim();
    let texts: Vec<String> = if trimmed.starts_with('{') {
        let doc: Value =
            serde_json::from_str(trimmed).map_err(|e| format!("not a keys document: {e}"))?;
        doc.get("keys")
            .and_then(Value::as_array)
            .ok_or("a keys document has a \"keys\" list")?
            .iter()
            .map(|k| {
                k.get("verifier")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .ok_or_else(|| "a listed key has no \"verifier\"".to_string())
            })
            .collect::<Result<_, _>>()?
    } else {
        trimmed
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    if texts.is_empty() {
        return Err("no key in it".into());
    }
    texts
        .iter()
        .map(|t| {
            t.parse::<Verifier>()
                .map_err(|e| format!("not a verifier key ({t}): {e}"))
        })
        .collect()
}

/// The keys in a file, as [`parse_keys`] reads them.
pub fn read_key_file(path: &Path) -> Result<Vec<Verifier>, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::other(format!("reading {}: {e}", path.display())))?;
    parse_keys(&text).map_err(|e| CliError::usage(format!("{}: {e}", path.display())))
}

fn parse_stored(texts: Vec<String>) -> Vec<Verifier> {
    texts.iter().filter_map(|t| t.parse().ok()).collect()
}

/// Every key this CLI trusts for a saved proof (from any server).
pub fn all_trusted(ctx: &Ctx) -> Vec<Verifier> {
    parse_stored(ctx.store.all_trusted_keys())
}

/// The server's published keys, or `None` when it publishes none (404: an older
/// server, or the original service).
pub async fn server_keys(base: &str) -> Result<Option<Vec<types::SigningKey>>, CliError> {
    match Client::new(base).signing_keys().send().await {
        Ok(list) => Ok(Some(list.into_inner().keys)),
        Err(progenitor_client::Error::ErrorResponse(r)) if r.status().as_u16() == 404 => Ok(None),
        Err(progenitor_client::Error::UnexpectedResponse(r)) if r.status().as_u16() == 404 => {
            Ok(None)
        }
        Err(e) => Err(CliError::from_api(base, e)),
    }
}

/// How the keys of one verification were chosen.
pub struct Trust {
    pub keys: Vec<Verifier>,
    /// The `key` check: which key is trusted and why, or why none is.
    pub check: ReceiptCheck,
}

fn check(ok: Option<bool>, detail: String) -> ReceiptCheck {
    ReceiptCheck {
        check: "key".into(),
        ok,
        detail,
    }
}

/// What the user asked for about keys.
pub struct KeyPolicy<'a> {
    pub key_file: Option<&'a Path>,
    pub require_pinned: bool,
}

/// The keys to check a receipt of `origin` with: the key file when given; else the
/// keys pinned for `origin`, which the server's current key must be one of (a
/// changed key fails); else, on first use, the server's current key, pinned now
/// (confirmed with Enter on a terminal, announced on stderr without one), unless
/// `--require-pinned` refuses it.
pub async fn for_origin(
    ctx: &Ctx,
    origin: &str,
    policy: &KeyPolicy<'_>,
) -> Result<Trust, CliError> {
    if let Some(path) = policy.key_file {
        let keys = read_key_file(path)?;
        let ids: Vec<String> = keys.iter().map(key_id).collect();
        return Ok(Trust {
            keys,
            check: check(
                Some(true),
                format!("trusting {} from {}", ids.join(", "), path.display()),
            ),
        });
    }
    let pinned = parse_stored(ctx.store.pinned_keys(origin));
    let mut trusted = pinned.clone();
    for key in parse_stored(ctx.store.trusted_keys()) {
        if !trusted.contains(&key) {
            trusted.push(key);
        }
    }
    let Some(published) = server_keys(origin).await? else {
        let detail = if trusted.is_empty() {
            "skipped: the server publishes no signing keys and none is trusted here".into()
        } else {
            "the server publishes no signing keys; checking with the keys trusted here".into()
        };
        return Ok(Trust {
            check: check(None, detail),
            keys: trusted,
        });
    };
    let Some(current) = published.iter().find(|k| k.status == "current") else {
        return Ok(Trust {
            keys: trusted,
            check: check(
                Some(false),
                format!("{origin} publishes no current signing key"),
            ),
        });
    };
    let current_key: Verifier = current
        .verifier
        .parse()
        .map_err(|e| CliError::verification(format!("{origin} publishes a malformed key: {e}")))?;
    let id = key_id(&current_key);
    if trusted.contains(&current_key) {
        let how = if pinned.contains(&current_key) {
            format!("{id}, pinned for {origin}")
        } else {
            format!("{id}, trusted with `keys trust`")
        };
        return Ok(Trust {
            keys: trusted,
            check: check(Some(true), how),
        });
    }
    if !pinned.is_empty() {
        let was: Vec<String> = pinned.iter().map(key_id).collect();
        note(&format!(
            "WARNING: THE RECEIPT-SIGNING KEY OF {origin} HAS CHANGED.\n\
             pinned: {}\nnow:    {id}\n\
             Someone may be impersonating this server, or its operator rotated the key. \
             Confirm the new key with the operator through another channel; if it is \
             theirs, run `defendable keys trust {origin}` to pin it as well.",
            was.join(", ")
        ));
        return Ok(Trust {
            keys: trusted,
            check: check(
                Some(false),
                format!(
                    "the server now presents {id}, not the pinned {}: the key changed",
                    was.join(", ")
                ),
            ),
        });
    }
    if policy.require_pinned {
        return Ok(Trust {
            keys: trusted,
            check: check(
                Some(false),
                format!(
                    "{id} is not pinned for {origin} and --require-pinned refuses new keys \
                     (pin it with `defendable keys trust {origin}`)"
                ),
            ),
        });
    }
    if interactive() {
        note(&format!(
            "{origin} signs receipts with a key not seen before:\n  {id}\n  {current_key}\n\
             Compare it with the key the operator publishes elsewhere."
        ));
        dialoguer::Input::<String>::new()
            .with_prompt("Press Enter to pin it for this server (Ctrl-C to stop)")
            .allow_empty(true)
            .interact_text()
            .map_err(|e| CliError::other(format!("reading the answer: {e}")))?;
    }
    ctx.store.pin_key(origin, &current_key.to_string())?;
    let detail = format!("{id} pinned for {origin} on first use");
    if !interactive() {
        note(&format!(
            "Pinned {id} for {origin} on first use (no terminal to confirm it). \
             Compare it with the operator's published key; `--require-pinned` refuses unpinned keys."
        ));
    }
    trusted.push(current_key);
    Ok(Trust {
        keys: trusted,
        check: check(Some(true), detail),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_from_documents_and_lines() {
        let a = defendable_contract::note::Signer::from_seed("a", [1; 32])
            .unwrap()
            .verifier()
            .to_string();
        let b = defendable_contract::note::Signer::from_seed("b", [2; 32])
            .unwrap()
            .verifier()
            .to_string();
        let doc = serde_json::json!({"keys": [{"verifier": a, "status": "current"},
            {"verifier": b, "status": "retired"}]});
        assert_eq!(parse_keys(&doc.to_string()).unwrap().len(), 2);
        assert_eq!(parse_keys(&format!("{a}\n\n{b}\n")).unwrap().len(), 2);
        assert_eq!(parse_keys(&a).unwrap().len(), 1);
        assert!(parse_keys("").is_err());
        assert!(parse_keys("{\"keys\": [{}]}").is_err());
        assert!(parse_keys("not a key").is_err());
    }
}
