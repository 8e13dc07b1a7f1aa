//! The public receipt page, `GET /r/{token}`: a shared receipt rendered on the
//! server as plain HTML, readable without JavaScript.
//!
//! The page leads with the outcome in plain words (see [`crate::receipts::view`]),
//! then says what the browser checked and what that proves, then the receipt's
//! place in the organisation's signed log, then how to verify it independently
//! (the exact CLI command and a QR code of the page's address), then the
//! receipt's own sections.
//!
//! The page embeds the receipt's exact stored canonical payload (as base64, so
//! the bytes survive HTML unchanged), its signed note and, when the receipt has
//! one, its inclusion proof and signed checkpoint. Its script (`assets/verify.js`,
//! inline under a per-response CSP nonce) re-checks in the browser, trusting
//! nothing the server claims: the SHA-256 of the embedded bytes against the hash
//! shown, the payload against every value shown from it, the Ed25519 signatures
//! of the receipt and of the checkpoint against the keys published at
//! `/.well-known/defendable-keys`, and the receipt's inclusion in the checkpoint.
//!
//! Every payload string is HTML-escaped; the embedded JSON escapes `<`, `>` and
//! `&` so no string can end its `<script>` element.

use base64::Engine as _;
use serde_json::Value;

use defendable_contract::schemas::{ProofFile, PublicReceipt};

use defendable_contract::receipt_kinds::{Section, SectionBody};

use crate::receipts::view::{self, Part, ReceiptView};
use crate::store::receipts::ReceiptRow;

/// The browser check script, served inline under the page's nonce.
const VERIFY_JS: &str = include_str!("../assets/verify.js");

/// Where the script reads the server's public keys.
const KEYS_PATH: &str = "/.well-known/defendable-keys";

const STYLE: &str = "\
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}\
main{max-width:960px;margin:0 auto;padding:24px}\
h1{font-size:2em;line-height:1.2;margin:4px 0 8px}h2{font-size:1.15em;margin:20px 0 8px;border-bottom:1px solid #d8dde3;padding-bottom:4px}\
.meta{color:#57606a;margin:0}.subject{font-size:1.15em;font-weight:600;margin:4px 0 0}\
section,header{background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:4px 16px 12px;margin-top:16px}\
header{border-left:8px solid #8c959f;padding:14px 20px}\
header[data-tone=good]{border-left-color:#1a7f37}header[data-tone=good] h1{color:#1a7f37}\
header[data-tone=caution]{border-left-color:#bf8700}header[data-tone=caution] h1{color:#9a6700}\
header[data-tone=bad]{border-left-color:#cf222e;background:#fff8f8}header[data-tone=bad] h1{color:#cf222e}\
.facts{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px 24px;font-size:1.1em}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}dt{color:#57606a}dd{margin:0;overflow-wrap:break-word;min-width:0}\
.scroll{overflow-x:auto}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}\
th{white-space:nowrap;word-break:keep-all}td{overflow-wrap:break-word;word-break:normal;hyphens:none}\
code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}dd code{overflow-wrap:anywhere}\
#browser-checks{list-style:none;padding:0}#browser-checks li{padding:6px 10px;margin:4px 0;border-radius:4px;background:#eef1f4}\
#browser-checks li[data-ok=true]{background:#dafbe1}#browser-checks li[data-ok=false]{background:#ffebe9}#browser-checks li[data-ok=unchecked]{background:#fff8c5}\
.name{font-weight:600;margin-right:8px}\
#summary{font-weight:600}#summary[data-all-ok=false]{color:#cf222e}\
.note{color:#57606a;font-size:.95em}\
.verify{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}.verify>div{flex:1 1 420px;min-width:0}\
pre{background:#1b1f24;color:#f6f8fa;padding:10px 12px;border-radius:6px;overflow-x:auto;margin:8px 0}\
figure{margin:8px 0;text-align:center}figure svg{width:168px;height:168px;display:block}figcaption{color:#57606a;font-size:.85em}\
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

/// A payload value, escaped, marked with its path so the script can compare
/// what is shown with the hashed payload.
fn field(payload: &Value, path: &str) -> String {
    format!(
        "<span data-payload=\"{}\">{}</span>",
        escape(path),
        escape(&view::text_of(view::lookup(payload, path)))
    )
}

fn row_pair(label: &str, value: String) -> String {
    format!("<dt>{}</dt><dd>{value}</dd>\n", escape(label))
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

/// What the server could establish about the receipt's place in the signed log.
pub enum ChainStatus<'a> {
    /// The proof file `GET /share/{token}/proof` serves.
    Proven(&'a ProofFile),
    /// The server could not build a proof (the reason is shown).
    Unavailable(String),
}

/// A QR code of `url` as inline SVG, or nothing when the URL cannot be encoded.
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(168, 168)
        .quiet_zone(true)
        .build();
    // Drop the XML declaration: inline SVG in HTML starts at its element.
    let start = svg.find("<svg")?;
    Some(svg[start..].replacen(
        "<svg ",
        "<svg role=\"img\" aria-label=\"QR code of this page's address\" ",
        1,
    ))
}

/// The outcome: kind, subject, the verdict in words, and its supporting facts.
fn outcome(view: &ReceiptView, row: &ReceiptRow, payload: &Value) -> String {
    let mut html = format!(
        "<header id=\"outcome\" data-tone=\"{}\">\n<p class=\"meta\">{} <code>{}</code> · {} · issued {}</p>\n",
        view.headline.tone.as_str(),
        escape(view.title),
        escape(&row.receipt_id),
        field(payload, "organization.name"),
        field(payload, "created_at"),
    );
    if let Some(subject) = view.subject {
        html.push_str(&format!(
            "<p class=\"subject\">{}</p>\n",
            field(payload, subject)
        ));
    }
    html.push_str(&format!(
        "<h1 id=\"headline\">{}</h1>\n<ul class=\"facts\">\n",
        escape(&view.headline.words)
    ));
    for fact in &view.headline.facts {
        let parts: String = fact
            .iter()
            .map(|part| match part {
                Part::Text(t) => escape(t),
                Part::Value(path) => field(payload, path),
            })
            .collect();
        html.push_str(&format!("<li>{parts}</li>\n"));
    }
    html.push_str("</ul>\n</header>\n");
    html
}

/// The browser's own checks, and plainly what they prove.
fn verification(public: &PublicReceipt, chain: &ChainStatus<'_>) -> String {
    let mut html = String::from(
        "<section id=\"verification\">\n<h2>What your browser checked</h2>\n\
         <p id=\"summary\" data-all-ok=\"pending\">These checks need JavaScript. Without it, \
         use the command below.</p>\n<ul id=\"browser-checks\">\n",
    );
    let mut checks = vec![
        ("hash", "hash"),
        ("payload", "payload"),
        ("signature", "signature"),
    ];
    if matches!(chain, ChainStatus::Proven(_)) {
        checks.push(("checkpoint", "checkpoint"));
        checks.push(("inclusion", "log inclusion"));
    }
    for (name, label) in checks {
        html.push_str(&format!(
            "<li data-check=\"{name}\" data-ok=\"pending\"><span class=\"name\">{label}:</span>\
             <span class=\"result\">not checked (needs JavaScript)</span></li>\n"
        ));
    }
    html.push_str("</ul>\n");
    let key = match &public.signature {
        Some(s) => format!(
            "Signed with key <code id=\"key-id\">{}</code>. ",
            escape(&s.key_id)
        ),
        None => "This receipt carries no signature. ".to_string(),
    };
    html.push_str(&format!(
        "<p class=\"note\">{key}What these checks prove: the receipt shown here is exactly the \
         one that was hashed{}, unchanged since. The key was fetched from this same server, so \
         they prove integrity, not independence: a server that lies could serve a matching key. \
         To check authenticity, verify with a key you obtained separately (below).</p>\n</section>\n",
        if public.signature.is_some() {
            " and signed"
        } else {
            ""
        }
    ));
    html
}

/// The receipt's place in the organisation's signed log.
fn transparency(row: &ReceiptRow, chain: &ChainStatus<'_>) -> String {
    let mut html = String::from("<section id=\"log\">\n<h2>Checkpoint and inclusion</h2>\n");
    match chain {
        ChainStatus::Proven(proof) => {
            let cp = &proof.checkpoint;
            html.push_str(&format!(
                "<p>This receipt is at org_seq <strong>{}</strong> in its organisation's log \
                 of <strong>{}</strong> receipts, as of the latest signed checkpoint. Your \
                 browser checks the inclusion proof against the checkpoint's root, and the \
                 checkpoint's signature, above.</p>\n<dl>\n",
                row.org_seq, cp.tree_size
            ));
            html.push_str(&row_pair(
                "Checkpoint",
                format!(
                    "size <code id=\"checkpoint-size\">{}</code>, origin <code>{}</code>",
                    cp.tree_size,
                    escape(&cp.origin)
                ),
            ));
            html.push_str(&row_pair(
                "Root hash",
                format!("<code>{}</code>", escape(&cp.root_hash)),
            ));
            html.push_str(&row_pair(
                "Checkpoint key",
                format!("<code>{}</code>", escape(&cp.key_id)),
            ));
            html.push_str(&row_pair(
                "Inclusion proof",
                format!(
                    "{} hash{} from leaf <code>{}</code>",
                    proof.inclusion.proof.len(),
                    if proof.inclusion.proof.len() == 1 {
                        ""
                    } else {
                        "es"
                    },
                    escape(&proof.inclusion.leaf_hash)
                ),
            ));
            html.push_str(
                "</dl>\n<p class=\"note\">A checkpoint shows what the log held when it \
                 was signed. Whether this server shows everyone the same log is established by \
                 comparing checkpoints over time: the CLI remembers the last one it saw.</p>\n",
            );
        }
        ChainStatus::Unavailable(reason) => html.push_str(&format!(
            "<p><strong>The server could not prove this receipt's place in the log:</strong> \
             {}</p>\n",
            escape(reason)
        )),
    }
    html.push_str("</section>\n");
    html
}

/// The exact command to verify independently, the QR code, and the downloads.
fn verify_yourself(token: &str, page_url: &str) -> String {
    let token = escape(token);
    let qr = qr_svg(page_url)
        .map(|svg| format!("<figure>{svg}<figcaption>This page</figcaption></figure>\n"))
        .unwrap_or_default();
    format!(
        "<section id=\"verify-yourself\">\n<h2>Verify it yourself</h2>\n<div class=\"verify\">\n<div>\n\
         <p>With the <code>defendable</code> command-line tool, on your own machine:</p>\n\
         <pre><code id=\"verify-command\">defendable verify {}</code></pre>\n\
         <p class=\"note\">It fetches this receipt, its signature and its proof, recomputes the \
         hash, checks the signature against this server's key (pinned on first use, as ssh does) \
         and the receipt's inclusion in the signed log. To check against a key you already \
         trust, download the proof file and run \
         <code>defendable verify defendable-proof.json --offline --key KEY</code>. The PDF \
         carries the same proof file inside it.</p>\n\
         <p class=\"links\"><a href=\"/share/{token}\">Receipt (JSON)</a>\
         <a href=\"/share/{token}/pdf\">PDF</a>\
         <a href=\"/share/{token}/proof\" download=\"defendable-proof.json\">Proof file</a>\
         <a href=\"/r/{token}\">This page</a></p>\n</div>\n{qr}</div>\n</section>\n",
        escape(page_url)
    )
}

/// A table column's header, from its payload key.
fn column_header(key: &str) -> String {
    if key.contains(|c: char| c.is_ascii_digit()) {
        return key.to_string();
    }
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The HTML `id` of a section, from its heading.
fn section_id(heading: &str) -> String {
    heading
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// One section of the receipt's own values; nothing when the payload has none.
fn section(payload: &Value, section: &Section) -> String {
    let id = section_id(section.heading);
    let heading = escape(section.heading);
    match section.body {
        SectionBody::Fields(fields) => {
            if fields.iter().all(|f| payload.pointer(f.pointer).is_none()) {
                return String::new();
            }
            let mut html = format!("<section id=\"{id}\">\n<h2>{heading}</h2>\n<dl>\n");
            for f in fields {
                html.push_str(&row_pair(
                    f.label,
                    field(payload, &view::path_of(f.pointer)),
                ));
            }
            html.push_str("</dl>\n</section>\n");
            html
        }
        SectionBody::List {
            pointer,
            label_key,
            columns,
        } => {
            let Some(list) = payload.pointer(pointer).and_then(Value::as_array) else {
                return String::new();
            };
            let path = view::path_of(pointer);
            let keys: Vec<&str> = std::iter::once(label_key)
                .chain(columns.iter().copied())
                .collect();
            let mut html =
                format!("<section id=\"{id}\">\n<h2>{heading}</h2>\n<div class=\"scroll\"><table>\n<thead><tr>");
            for key in &keys {
                html.push_str(&format!("<th>{}</th>", escape(&column_header(key))));
            }
            html.push_str("</tr></thead>\n<tbody>\n");
            if list.is_empty() {
                html.push_str(&format!(
                    "<tr><td colspan=\"{}\">none</td></tr>\n",
                    keys.len()
                ));
            }
            for i in 0..list.len() {
                html.push_str("<tr>");
                for key in &keys {
                    let class = if *key == "sha256" {
                        " class=\"hash\""
                    } else {
                        ""
                    };
                    html.push_str(&format!(
                        "<td{class}>{}</td>",
                        field(payload, &format!("{path}.{i}.{key}"))
                    ));
                }
                html.push_str("</tr>\n");
            }
            html.push_str("</tbody>\n</table></div>\n</section>\n");
            html
        }
    }
}

/// Hashes and chain position: what the browser's checks compare against.
fn chain_position(row: &ReceiptRow) -> String {
    let mut html = String::from("<section id=\"hashes\">\n<h2>Hashes</h2>\n<dl>\n");
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
    html.push_str("</dl>\n</section>\n");
    html
}

/// The page for one shared receipt, whose address is `page_url`.
pub fn receipt(
    row: &ReceiptRow,
    public: &PublicReceipt,
    chain: ChainStatus<'_>,
    page_url: &str,
    nonce: &str,
) -> String {
    let payload = &public.payload;
    let view = view::view(payload);
    let subject = view
        .subject
        .and_then(|p| view::lookup(payload, p))
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| row.receipt_id.clone());

    let mut html = head(
        &format!("{} · {subject} · Defendable", view.headline.words),
        nonce,
    );
    html.push_str("<body>\n<main>\n");
    html.push_str(&outcome(&view, row, payload));
    html.push_str(&verification(public, &chain));
    html.push_str(&transparency(row, &chain));
    html.push_str(&verify_yourself(&row.share_token, page_url));
    for s in view.sections {
        html.push_str(&section(payload, s));
    }
    html.push_str(&chain_position(row));
    html.push_str("</main>\n");

    let proof = match &chain {
        ChainStatus::Proven(p) => serde_json::json!({
            "inclusion": p.inclusion,
            "checkpoint": p.checkpoint,
        }),
        _ => Value::Null,
    };
    let data = serde_json::json!({
        "payload_b64": base64::engine::general_purpose::STANDARD.encode(row.canonical_payload.as_bytes()),
        "signature": public.signature,
        "proof": proof,
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
    fn fields_are_marked_with_their_path() {
        let v = json!({"checks": [{"label": "a<b"}]});
        assert_eq!(
            field(&v, "checks.0.label"),
            "<span data-payload=\"checks.0.label\">a&lt;b</span>"
        );
    }

    #[test]
    fn headers_and_ids_come_from_the_registry_names() {
        assert_eq!(column_header("label"), "Label");
        assert_eq!(column_header("sha256"), "sha256");
        assert_eq!(column_header("content_type"), "Content type");
        assert_eq!(section_id("Pinned model"), "pinned-model");
    }

    #[test]
    fn the_qr_code_is_inline_svg_of_the_address() {
        let svg = qr_svg("https://defendable.example/r/Zm9vYmFy").expect("a QR code");
        assert!(svg.starts_with("<svg role=\"img\""), "{svg}");
        assert!(svg.ends_with("</svg>"), "{svg}");
        assert!(!svg.contains("<?xml"));
        assert!(!svg.contains("<script") && !svg.contains("style="));
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
