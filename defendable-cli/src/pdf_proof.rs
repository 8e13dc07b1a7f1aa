//! The proof file a receipt PDF carries: an attachment named `defendable-proof.json`
//! in the document's EmbeddedFiles name tree, holding exactly the bytes of
//! `GET /share/{token}/proof`. Read with lopdf (compressed streams included), so a PDF
//! verifies offline by itself.

use lopdf::{Dictionary, Document, Object};

/// The attachment's file name.
pub const PROOF_ATTACHMENT: &str = "defendable-proof.json";

/// How deep a name tree may nest before it is refused.
const MAX_DEPTH: usize = 16;

/// True when the bytes start like a PDF.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Result<&'a Object, String> {
    doc.dereference(object)
        .map(|(_, o)| o)
        .map_err(|e| format!("a broken reference: {e}"))
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> Result<&'a Dictionary, String> {
    match resolve(doc, object)? {
        Object::Dictionary(d) => Ok(d),
        Object::Stream(s) => Ok(&s.dict),
        _ => Err("a dictionary was expected".into()),
    }
}

/// A PDF text string: UTF-16BE with its byte-order mark, else PDFDocEncoding (read
/// as Latin-1, which agrees on every printable ASCII name).
fn text(object: &Object) -> Option<String> {
    let Object::String(bytes, _) = object else {
        return None;
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    Some(bytes.iter().map(|&b| b as char).collect())
}

/// Every (name, file specification) pair of a name tree node and its kids.
fn name_tree<'a>(
    doc: &'a Document,
    node: &'a Dictionary,
    depth: usize,
    out: &mut Vec<(String, &'a Object)>,
) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err("the attachment tree nests too deeply".into());
    }
    if let Ok(names) = node.get(b"Names") {
        if let Object::Array(items) = resolve(doc, names)? {
            for pair in items.chunks(2) {
                if let [name, spec] = pair {
                    if let Some(name) = text(resolve(doc, name)?) {
                        out.push((name, spec));
                    }
                }
            }
        }
    }
    if let Ok(kids) = node.get(b"Kids") {
        if let Object::Array(kids) = resolve(doc, kids)? {
            for kid in kids {
                name_tree(doc, dict(doc, kid)?, depth + 1, out)?;
            }
        }
    }
    Ok(())
}

/// Whether a file specification names the proof attachment.
fn names_proof(doc: &Document, spec: &Object) -> bool {
    dict(doc, spec).is_ok_and(|d| {
        [b"UF".as_slice(), b"F"]
            .iter()
            .any(|key| d.get(key).ok().and_then(text).as_deref() == Some(PROOF_ATTACHMENT))
    })
}

/// The bytes of the `defendable-proof.json` attachment of a PDF.
pub fn embedded_proof(pdf: &[u8]) -> Result<Vec<u8>, String> {
    let doc = Document::load_mem(pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    let catalog = doc
        .catalog()
        .map_err(|e| format!("the PDF has no catalog: {e}"))?;
    let missing = || format!("the PDF carries no {PROOF_ATTACHMENT} attachment");
    let names = catalog.get(b"Names").map_err(|_| missing())?;
    let embedded = dict(&doc, names)?
        .get(b"EmbeddedFiles")
        .map_err(|_| missing())?;
    let mut files = Vec::new();
    name_tree(&doc, dict(&doc, embedded)?, 0, &mut files)?;
    let spec = files
        .into_iter()
        .find(|(name, spec)| name == PROOF_ATTACHMENT || names_proof(&doc, spec))
        .map(|(_, spec)| spec)
        .ok_or_else(missing)?;
    let no_file = || "the attachment has no embedded file".to_string();
    let ef = dict(&doc, dict(&doc, spec)?.get(b"EF").map_err(|_| no_file())?)?;
    let file = ef
        .get(b"F")
        .or_else(|_| ef.get(b"UF"))
        .map_err(|_| no_file())?;
    match resolve(&doc, file)? {
        Object::Stream(stream) if stream.dict.get(b"Filter").is_ok() => stream
            .decompressed_content()
            .map_err(|e| format!("the attachment cannot be decompressed: {e}")),
        Object::Stream(stream) => Ok(stream.content.clone()),
        _ => Err("the attachment is not a stream".into()),
    }
}
