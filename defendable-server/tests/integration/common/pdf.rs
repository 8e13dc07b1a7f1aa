//! Reads PDFs back in-process with a Rust PDF parser (lopdf): pages, page size,
//! text, link annotations and attached files. Shared by the integration tests and
//! the PDF renderer's unit tests, so the test suite needs no poppler-utils.

#![allow(dead_code)]

use lopdf::{Dictionary, Document, Object};

/// The parsed document.
pub fn parse(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("a Rust PDF parser reads the PDF")
}

/// The number of pages.
pub fn page_count(pdf: &[u8]) -> usize {
    parse(pdf).get_pages().len()
}

/// The first page's dictionary, in `doc`.
fn first_page(doc: &Document) -> &Dictionary {
    let (_, id) = doc.get_pages().into_iter().next().expect("a page");
    doc.get_dictionary(id).expect("a page dictionary")
}

/// The first page's size in points (from its `/MediaBox`).
pub fn page_size(pdf: &[u8]) -> (f32, f32) {
    let doc = parse(pdf);
    let media = first_page(&doc)
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .expect("a media box");
    let n = |i: usize| media[i].as_float().expect("a number");
    (n(2) - n(0), n(3) - n(1))
}

/// The text of every page, decoded through the fonts' `ToUnicode` maps.
pub fn text(pdf: &[u8]) -> String {
    let doc = parse(pdf);
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text extraction")
}

/// The URIs the first page's link annotations open.
pub fn link_uris(pdf: &[u8]) -> Vec<String> {
    let doc = parse(pdf);
    let Ok(annots) = first_page(&doc).get(b"Annots").and_then(Object::as_array) else {
        return Vec::new();
    };
    annots
        .iter()
        .filter_map(|a| {
            let annot = doc.dereference(a).ok()?.1.as_dict().ok()?;
            let action = annot.get(b"A").ok()?.as_dict().ok()?;
            let uri = action.get(b"URI").ok()?.as_str().ok()?;
            Some(String::from_utf8_lossy(uri).into_owned())
        })
        .collect()
}

/// The bytes of the file attached as `name`: the catalog's `/Names
/// /EmbeddedFiles` name tree maps `name` to a file specification whose `/F` and
/// `/UF` are both `name` and whose `/EF /F` stream holds the bytes, unfiltered.
pub fn attachment(pdf: &[u8], name: &str) -> Option<Vec<u8>> {
    let doc = parse(pdf);
    let resolve =
        |object: &Object| -> Option<Object> { Some(doc.dereference(object).ok()?.1.clone()) };
    let catalog = doc.catalog().ok()?;
    let names = resolve(catalog.get(b"Names").ok()?)?;
    let tree = resolve(names.as_dict().ok()?.get(b"EmbeddedFiles").ok()?)?;
    let entries = tree
        .as_dict()
        .ok()?
        .get(b"Names")
        .ok()?
        .as_array()
        .ok()?
        .clone();
    let spec = entries
        .chunks(2)
        .find(|pair| pair[0].as_str().ok() == Some(name.as_bytes()))?;
    let spec = resolve(&spec[1])?;
    let spec = spec.as_dict().ok()?;
    assert_eq!(spec.get(b"F").ok()?.as_str().ok()?, name.as_bytes(), "/F");
    let unicode = lopdf::decode_text_string(spec.get(b"UF").ok()?).ok()?;
    assert_eq!(unicode, name, "/UF");
    let ef = spec.get(b"EF").ok()?.as_dict().ok()?;
    let stream = resolve(ef.get(b"F").ok()?)?;
    let stream = stream.as_stream().ok()?;
    assert!(
        stream.dict.get(b"Filter").is_err(),
        "the attachment is stored unfiltered"
    );
    Some(stream.content.clone())
}

/// How many rectangles the first page's content draws.
pub fn rectangles(pdf: &[u8]) -> usize {
    let doc = parse(pdf);
    let (_, id) = doc.get_pages().into_iter().next().expect("a page");
    let content = doc.get_page_content(id);
    lopdf::content::Content::decode(&content)
        .expect("page content")
        .operations
        .iter()
        .filter(|op| op.operator == "re")
        .count()
}
