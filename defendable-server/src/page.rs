//! The public receipt page, `GET /r/{token}`: a shared receipt rendered on the
//! server as plain HTML, readable without JavaScript.
//!
//! The page embeds the receipt's exact stored canonical payload (as base64, so
//! the bytes survive HTML unchanged) and its signed note. Its script
//! (`assets/verify.js`, inline under a per-response CSP nonce) re-checks in the
//! browser, trusting nothing the server claims: the SHA-256 of the embedded
//! bytes against the hash shown, the payload against every value shown from it,
//! and the Ed25519 signature against the key published at
//! `/.well-known/defendable-keys`.
//!
//! Every payload string is HTML-escaped; the embedded JSON escapes `<`, `>` and
//! `&` so no string can end its `<script>` element.

use base64::Engine as _;
use serde_json::Value;

use defendable_contract::schemas::PublicReceipt;

use crate::store::receipts::ReceiptRow;

/// The browser check script, served inline under the page's nonce.
const VERIFY_JS: &str = include_str!("../assets/verify.js");

/// Where the script reads the server's public keys.
const KEYS_PATH: &str = "/.well-known/defendable-keys";

const STYLE: &str = "\
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}\
main{max-width:960px;margin:0 auto;padding:24px}\
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 8px;border-bottom:1px solid #d8dde3;padding-bottom:4px}\
.meta{color:#57606a;margin:0}\
section{background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:4px 16px 12px;margin-top:16px}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2;vertical-align:top;overflow-wrap:anywhere}\
code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}\
#checks{list-style:none;padding:0}#checks li{padding:6px 10px;margin:4px 0;border-radius:4px;background:#eef1f4}\
#checks li[data-ok=true]{background:#dafbe1}#checks li[data-ok=false]{background:#ffebe9}#checks li[data-ok=unchecked]{background:#fff8c5}\
.name{font-weight:600;margin-right:8px}\
#summary[data-all-ok=true]{color:#1a7f37;font-weight:600}#summary[data-all-ok=false]{color:#cf222e;font-weight:600}\
.links a{margin-right:16px}";

/// A fresh CSP nonce for one response.
pub fn nonce() -> String {
    let bytes: [u8; 18] = rand::random();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The page's Content-Security-Policy: its own inline script and style (by
/// nonce) and same-origin fetches (the public keys); nothing else.
pub fn csp(nonce: &str) -> String {
    format!(
        "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; \
         connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON safe inside a `<script type="application/json">` element: `<`, `>` and
/// `&` (which only occur inside strings) become `\u` escapes.
fn script_json(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The value at a dotted path (`checks.0.label`; numbers index arrays).
fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, part| match v {
        Value::Array(items) => items.get(part.parse::<usize>().ok()?),
        _ => v.get(part),
    })
}

/// A payload value as text: strings as they are, null or absent as `—`.
fn text_of(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "—".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A payload value, escaped, marked with its path so the script can compare
/// what is shown with the hashed payload.
fn field(payload: &Value, path: &str) -> String {
    format!(
        "<span data-payload=\"{}\">{}</span>",
        escape(path),
        escape(&text_of(lookup(payload, path)))
    )
}

fn row(label: &str, value: &str) -> String {
    format!("<dt>{}</dt><dd>{value}</dd>", escape(label))
}

fn head(title: &str, nonce: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>{}</title>\n\
         <style nonce=\"{nonce}\">{STYLE}</style>\n</head>\n",
        escape(title)
    )
}

/// The page for one shared receipt.
pub fn receipt(row: &ReceiptRow, public: &PublicReceipt, nonce: &str) -> String {
    let payload = &public.payload;
    let token = escape(&row.share_token);
    let title_path = ["assignment.title", "run.title", "incident.title"]
        .into_iter()
        .find(|p| matches!(lookup(payload, p), Some(Value::String(_))));
    let title_text = title_path
        .map(|p| text_of(lookup(payload, p)))
        .unwrap_or_else(|| format!("Receipt {}", row.receipt_id));
    let title_html = match title_path {
        Some(p) => field(payload, p),
        None => escape(&title_text),
    };

    let mut html = head(&format!("{title_text} · Defendable receipt"), nonce);
    html.push_str("<body>\n<main>\n<header>\n");
    html.push_str(&format!("<h1>{title_html}</h1>\n"));
    html.push_str(&format!(
        "<p class=\"meta\">Defendable receipt <code>{}</code> · {} · issued {}</p>\n",
        escape(&row.receipt_id),
        field(payload, "organization.name"),
        field(payload, "created_at"),
    ));
    html.push_str("</header>\n");

    // The browser's own checks; without JavaScript they say so.
    html.push_str("<section id=\"verification\">\n<h2>Checked in your browser</h2>\n");
    html.push_str(
        "<p id=\"summary\" data-all-ok=\"pending\">These checks need JavaScript. Without it, \
         download the proof file below and run <code>defendable verify</code>.</p>\n<ul id=\"checks\">\n",
    );
    for (name, label) in [
        ("hash", "hash"),
        ("payload", "payload"),
        ("signature", "signature"),
    ] {
        html.push_str(&format!(
            "<li data-check=\"{name}\" data-ok=\"pending\"><span class=\"name\">{label}:</span>\
             <span class=\"result\">not checked (needs JavaScript)</span></li>\n"
        ));
    }
    html.push_str("</ul>\n</section>\n");

    if payload.get("incident").is_some() {
        html.push_str("<section id=\"incident\">\n<h2>Incident</h2>\n<dl>\n");
        for (label, path) in [
            ("Kind", "incident.kind"),
            ("Tier", "incident.tier"),
            ("Status", "incident.status"),
            ("Lane", "incident.lane"),
            ("Detail", "incident.detail"),
            ("Agent profile", "agent_profile.name"),
            ("Opened", "incident.opened_at"),
            ("Resolved", "incident.resolved_at"),
        ] {
            html.push_str(&row_pair(label, field(payload, path)));
        }
        html.push_str("</dl>\n</section>\n");
    }

    if payload.get("cook").is_some() {
        html.push_str("<section id=\"cook\">\n<h2>Cook</h2>\n<dl>\n");
        for (label, path) in [
            ("Base model", "cook.base_model"),
            ("Dataset", "cook.dataset"),
            ("Pairs", "cook.pairs"),
            ("Eval before", "cook.eval_before"),
            ("Eval after", "cook.eval_after"),
            ("Lift", "cook.lift"),
            ("Runner", "cook.runner"),
            ("Compute (USD)", "cook.compute_usd"),
            ("Pinned model", "pinned_model.slug"),
            ("Pin receipt", "pinned_model.pin_receipt_id"),
        ] {
            html.push_str(&row_pair(label, field(payload, path)));
        }
        html.push_str("</dl>\n</section>\n");
    }

    if payload.get("verdict").is_some() {
        html.push_str("<section id=\"verdict\">\n<h2>Verdict</h2>\n<dl>\n");
        html.push_str(&row_pair("Outcome", field(payload, "verdict.outcome")));
        html.push_str(&row_pair("Severity", field(payload, "verdict.severity")));
        html.push_str(&row_pair(
            "Score",
            format!("{}/100", field(payload, "verdict.score_100")),
        ));
        html.push_str(&row_pair("Summary", field(payload, "verdict.summary")));
        html.push_str("</dl>\n</section>\n");
    }

    let list = ["findings", "checks"]
        .into_iter()
        .find_map(|k| payload.get(k).and_then(Value::as_array).map(|a| (k, a)));
    if let Some((key, items)) = list {
        let heading = if key == "findings" {
            "Findings"
        } else {
            "Checks"
        };
        html.push_str(&format!(
            "<section id=\"findings\">\n<h2>{heading}</h2>\n<table>\n\
             <thead><tr><th>Check</th><th>Status</th><th>Severity</th><th>Detail</th></tr></thead>\n<tbody>\n"
        ));
        if items.is_empty() {
            html.push_str("<tr><td colspan=\"4\">none</td></tr>\n");
        }
        for i in 0..items.len() {
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                field(payload, &format!("{key}.{i}.label")),
                field(payload, &format!("{key}.{i}.status")),
                field(payload, &format!("{key}.{i}.severity")),
                field(payload, &format!("{key}.{i}.detail")),
            ));
        }
        html.push_str("</tbody>\n</table>\n</section>\n");
    }

    if payload.get("approval").is_some() {
        html.push_str("<section id=\"approval\">\n<h2>Approval</h2>\n<dl>\n");
        html.push_str(&row_pair("Decision", field(payload, "approval.decision")));
        html.push_str(&row_pair("Approver", field(payload, "approval.approver")));
        html.push_str(&row_pair("Note", field(payload, "approval.note")));
        html.push_str(&row_pair("Time", field(payload, "approval.approved_at")));
        html.push_str("</dl>\n</section>\n");
    }

    if let Some(items) = payload.get("evidence").and_then(Value::as_array) {
        html.push_str(
            "<section id=\"evidence\">\n<h2>Evidence</h2>\n<table>\n\
             <thead><tr><th>Label</th><th>Kind</th><th>sha256</th></tr></thead>\n<tbody>\n",
        );
        if items.is_empty() {
            html.push_str("<tr><td colspan=\"3\">none</td></tr>\n");
        }
        for i in 0..items.len() {
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"hash\">{}</td></tr>\n",
                field(payload, &format!("evidence.{i}.label")),
                field(payload, &format!("evidence.{i}.kind")),
                field(payload, &format!("evidence.{i}.sha256")),
            ));
        }
        html.push_str("</tbody>\n</table>\n</section>\n");
    }

    html.push_str("<section id=\"hashes\">\n<h2>Hashes</h2>\n<dl>\n");
    html.push_str(&row_pair(
        "Receipt sha256",
        format!(
            "<code id=\"receipt-sha256\">{}</code>",
            escape(&row.receipt_sha256)
        ),
    ));
    html.push_str(&row_pair(
        "Parent hash",
        format!(
            "<code id=\"parent-hash\">{}</code>",
            escape(&row.parent_hash)
        ),
    ));
    html.push_str("</dl>\n</section>\n");

    html.push_str("<section id=\"chain\">\n<h2>Chain position</h2>\n<dl>\n");
    html.push_str(&row_pair(
        "Receipt id",
        format!("<code id=\"receipt-id\">{}</code>", escape(&row.receipt_id)),
    ));
    html.push_str(&row_pair(
        "Organisation sequence",
        format!("<code id=\"org-seq\">{}</code>", row.org_seq),
    ));
    html.push_str(&row_pair("Schema", escape(&row.schema_id)));
    let key = public
        .signature
        .as_ref()
        .map(|s| format!("<code>{}</code>", escape(&s.key_id)))
        .unwrap_or_else(|| "not signed".to_string());
    html.push_str(&row_pair("Signed by", key));
    html.push_str("</dl>\n</section>\n");

    html.push_str(&format!(
        "<section id=\"links\">\n<h2>Share and download</h2>\n<p class=\"links\">\
         <a href=\"/r/{token}\">This page</a>\
         <a href=\"/share/{token}\">Receipt (JSON)</a>\
         <a href=\"/share/{token}/pdf\">PDF</a>\
         <a href=\"/share/{token}/proof\">Proof file</a></p>\n</section>\n"
    ));
    html.push_str("</main>\n");

    let data = serde_json::json!({
        "payload_b64": base64::engine::general_purpose::STANDARD.encode(row.canonical_payload.as_bytes()),
        "signature": public.signature,
        "keys_url": KEYS_PATH,
    });
    html.push_str(&format!(
        "<script type=\"application/json\" id=\"receipt-data\">{}</script>\n",
        script_json(&data)
    ));
    html.push_str(&format!("<script nonce=\"{nonce}\">{VERIFY_JS}</script>\n"));
    html.push_str("</body>\n</html>\n");
    html
}

fn row_pair(label: &str, value: String) -> String {
    row(label, &value) + "\n"
}

/// The page for a token that names no receipt.
pub fn not_found(nonce: &str) -> String {
    let mut html = head("Receipt not found · Defendable", nonce);
    html.push_str(
        "<body>\n<main>\n<h1>Receipt not found</h1>\n\
         <p class=\"meta\">No receipt is shared under this link. Check that the link is complete.</p>\n\
         </main>\n</body>\n</html>\n",
    );
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn embedded_json_cannot_close_its_script_element() {
        let value = json!({"note": "</script><script>alert(1)</script> & more"});
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn lookup_walks_objects_and_arrays() {
        let v = json!({"checks": [{"label": "a"}, {"label": null}], "verdict": {"score_100": 87}});
        assert_eq!(text_of(lookup(&v, "checks.0.label")), "a");
        assert_eq!(text_of(lookup(&v, "checks.1.label")), "—");
        assert_eq!(text_of(lookup(&v, "checks.9.label")), "—");
        assert_eq!(text_of(lookup(&v, "verdict.score_100")), "87");
        assert_eq!(
            field(&v, "checks.0.label"),
            "<span data-payload=\"checks.0.label\">a</span>"
        );
    }

    #[test]
    fn inline_script_cannot_end_early() {
        assert!(!VERIFY_JS.to_ascii_lowercase().contains("</script"));
        assert!(!VERIFY_JS.contains("<!--"));
    }

    #[test]
    fn policy_names_the_nonce_and_nothing_broader() {
        let n = nonce();
        assert_eq!(n.len(), 24);
        assert_ne!(n, nonce());
        let p = csp(&n);
        assert!(p.contains(&format!("script-src 'nonce-{n}'")));
        assert!(!p.contains("unsafe"));
        assert!(p.starts_with("default-src 'none'"));
    }
}
