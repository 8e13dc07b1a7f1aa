//! The one-page PDF rendering of a public receipt (`GET /share/{token}/pdf`).
//!
//! The page is A4 and is always exactly one page: a title (the receipt's kind and
//! subject), the outcome in plain words, a header block with the receipt's
//! identity (id, chain position, schema, time, both hashes, the signing key's id
//! and the link to its page for people), a short "how to verify" section beside
//! a QR code of that link, then the receipt's sections as label/value rows.
//! Values wrap at word boundaries; hex digests are set in a monospaced face small
//! enough that a 64-digit SHA-256 always fits on one line, so a hash is never
//! split. Whatever does not fit on the page is cut off and a final line says so.
//!
//! The paper claims nothing about its own validity: no "verified" line is
//! printed. Instead the PDF carries the receipt's proof file (receipt, signature,
//! inclusion proof and signed checkpoint, exactly as `GET /share/{token}/proof`
//! serves it) as an attached file named [`PROOF_FILE_NAME`], in the catalog's
//! `/Names /EmbeddedFiles` tree, stored unfiltered, so the PDF verifies by itself
//! offline with a trusted key.
//!
//! Text is set in DejaVu Sans (regular and bold) and DejaVu Sans Mono, which
//! are compiled into the binary and embedded as subsetted TrueType fonts
//! (`Type0`/`CIDFontType2`, `Identity-H`) with a `ToUnicode` map, so that text
//! extraction (search, copy, `pdftotext`) returns the original characters,
//! Cyrillic, Greek and accented Latin included. A character the fonts lack
//! (CJK, for one) is drawn as U+FFFD rather than failing the render.

use std::collections::BTreeMap;

use pdf_writer::types::{ActionType, AnnotationType, CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use ttf_parser::{Face, GlyphId};

use super::view::Tone;

/// One titled block of label/value rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfSection {
    pub heading: String,
    pub rows: Vec<(String, String)>,
}

/// Everything the PDF shows about one receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptPdf {
    /// The receipt's kind and subject.
    pub title: String,
    /// The outcome in plain words, and how it reads.
    pub headline: String,
    pub tone: Tone,
    /// Short supporting facts of the outcome.
    pub facts: Vec<String>,
    pub receipt_id: String,
    pub org_seq: i64,
    pub receipt_sha256: String,
    pub parent_hash: String,
    pub created_at: String,
    pub schema: String,
    /// The id of the key that signed the receipt, if it is signed.
    pub key_id: Option<String>,
    /// The receipt's page for people (`/r/{token}`), also drawn as a QR code.
    pub page_url: String,
    pub sections: Vec<PdfSection>,
    /// The proof file, attached as [`PROOF_FILE_NAME`] (none for a receipt
    /// minted before receipts were signed).
    pub proof: Option<Vec<u8>>,
}

/// The name of the attached proof file.
pub const PROOF_FILE_NAME: &str = "defendable-proof.json";

/// Why a PDF could not be rendered. Only the embedded fonts can fail, so in
/// practice this signals a broken build rather than bad input.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font {font} could not be parsed: {detail}")]
    FontParse { font: &'static str, detail: String },
    #[error("the embedded font {font} could not be subset: {detail}")]
    FontSubset { font: &'static str, detail: String },
}

/// The line that ends a page whose content did not fit.
pub const TRUNCATION_NOTE: &str = "… (truncated; see the receipt's page for the full receipt)";

const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
const MONO_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");

// Geometry, in PDF points (1/72 inch). A4 is 210 mm x 297 mm.
const PAGE_W: f32 = 595.276;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 50.0;
const MARGIN_TOP: f32 = 50.0;
const MARGIN_BOTTOM: f32 = 48.0;
const LABEL_W: f32 = 120.0;
const COLUMN_GAP: f32 = 8.0;
const VALUE_X: f32 = MARGIN_X + LABEL_W + COLUMN_GAP;
const VALUE_W: f32 = PAGE_W - MARGIN_X - VALUE_X;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

const TITLE_SIZE: f32 = 12.0;
const TITLE_LEADING: f32 = 15.0;
const HEADLINE_SIZE: f32 = 18.0;
const HEADLINE_LEADING: f32 = 22.0;
const FACT_SIZE: f32 = 10.0;
const FACT_LEADING: f32 = 13.0;
/// The side of the QR code of the page link.
const QR_SIZE: f32 = 96.0;
const HEADING_SIZE: f32 = 11.0;
const HEADING_LEADING: f32 = 14.0;
const HEADING_SPACE_BEFORE: f32 = 9.0;
const TEXT_SIZE: f32 = 8.5;
/// DejaVu Sans Mono advances 0.602 em, so 64 hex digits at 8 pt take 308 pt,
/// well inside [`VALUE_W`].
const MONO_SIZE: f32 = 8.0;
const LEADING: f32 = 11.5;
const ROW_GAP: f32 = 1.5;
/// Rows of at most this many lines are never split by truncation.
const SHORT_ROW_LINES: usize = 3;

const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
const GREY: Rgb = Rgb(0.36, 0.36, 0.36);
const GREEN: Rgb = Rgb(0.0, 0.45, 0.18);
const AMBER: Rgb = Rgb(0.6, 0.4, 0.0);
const RED: Rgb = Rgb(0.75, 0.1, 0.1);

fn tone_color(tone: Tone) -> Rgb {
    match tone {
        Tone::Good => GREEN,
        Tone::Neutral => BLACK,
        Tone::Caution => AMBER,
        Tone::Bad => RED,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rgb(f32, f32, f32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum FontKind {
    Regular,
    Bold,
    Mono,
}

impl FontKind {
    const ALL: [FontKind; 3] = [FontKind::Regular, FontKind::Bold, FontKind::Mono];

    fn index(self) -> usize {
        self as usize
    }

    fn postscript_name(self) -> &'static str {
        match self {
            FontKind::Regular => "DejaVuSans",
            FontKind::Bold => "DejaVuSans-Bold",
            FontKind::Mono => "DejaVuSansMono",
        }
    }

    fn data(self) -> &'static [u8] {
        match self {
            FontKind::Regular => REGULAR_TTF,
            FontKind::Bold => BOLD_TTF,
            FontKind::Mono => MONO_TTF,
        }
    }

    fn resource_name(self) -> Name<'static> {
        match self {
            FontKind::Regular => Name(b"F0"),
            FontKind::Bold => Name(b"F1"),
            FontKind::Mono => Name(b"F2"),
        }
    }
}

/// The three parsed faces.
struct Fonts {
    faces: [Face<'static>; 3],
}

impl Fonts {
    fn load() -> Result<Self, PdfError> {
        let parse = |kind: FontKind| {
            Face::parse(kind.data(), 0).map_err(|e| PdfError::FontParse {
                font: kind.postscript_name(),
                detail: e.to_string(),
            })
        };
        Ok(Fonts {
            faces: [
                parse(FontKind::Regular)?,
                parse(FontKind::Bold)?,
                parse(FontKind::Mono)?,
            ],
        })
    }

    fn face(&self, kind: FontKind) -> &Face<'static> {
        &self.faces[kind.index()]
    }

    /// The glyph that draws `ch`, and the character it stands for in the
    /// text layer: `ch` itself, or U+FFFD (or `?`) when the face lacks it.
    fn glyph(&self, kind: FontKind, ch: char) -> (GlyphId, char) {
        let face = self.face(kind);
        for candidate in [ch, '\u{FFFD}', '?'] {
            if let Some(g) = face.glyph_index(candidate) {
                return (g, candidate);
            }
        }
        (GlyphId(0), '\u{FFFD}')
    }

    fn advance(&self, kind: FontKind, glyph: GlyphId) -> f32 {
        let face = self.face(kind);
        f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) / f32::from(face.units_per_em())
    }

    fn width(&self, kind: FontKind, size: f32, text: &str) -> f32 {
        text.chars()
            .map(|ch| self.advance(kind, self.glyph(kind, ch).0))
            .sum::<f32>()
            * size
    }
}

/// A run of text in one font, size and colour.
#[derive(Debug, Clone)]
struct Segment {
    font: FontKind,
    size: f32,
    color: Rgb,
    text: String,
}

/// A positioned run on the page.
#[derive(Debug, Clone)]
struct Placed {
    x: f32,
    y: f32,
    segment: Segment,
}

/// A text style for wrapping: the base font, and whether hex digests in the
/// text switch to the monospaced face.
#[derive(Debug, Clone, Copy)]
struct Style {
    font: FontKind,
    size: f32,
    color: Rgb,
    mono_digests: bool,
}

const LABEL_STYLE: Style = Style {
    font: FontKind::Regular,
    size: TEXT_SIZE,
    color: GREY,
    mono_digests: false,
};
const VALUE_STYLE: Style = Style {
    font: FontKind::Regular,
    size: TEXT_SIZE,
    color: BLACK,
    mono_digests: true,
};

const COMMAND_STYLE: Style = Style {
    font: FontKind::Mono,
    size: 7.5,
    color: BLACK,
    mono_digests: false,
};

/// A hex string long enough to be a digest (SHA-1 and up).
fn is_digest(word: &str) -> bool {
    word.len() >= 32 && word.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Control characters (other than line breaks) become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || !c.is_control() { c } else { ' ' })
        .collect::<String>()
        .replace("\r\n", "\n")
}

/// Splits `word` into pieces no wider than `max` (at least one character each).
fn hard_break(fonts: &Fonts, font: FontKind, size: f32, word: &str, max: f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut width = 0.0;
    for ch in word.chars() {
        let w = fonts.advance(font, fonts.glyph(font, ch).0) * size;
        if !current.is_empty() && width + w > max {
            pieces.push(std::mem::take(&mut current));
            width = 0.0;
        }
        current.push(ch);
        width += w;
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// One wrapped line: its segments and its width so far.
#[derive(Debug, Default)]
struct Line {
    segments: Vec<Segment>,
    width: f32,
}

impl Line {
    fn push(&mut self, fonts: &Fonts, word: &str, font: FontKind, size: f32, color: Rgb) {
        if let Some(last) = self.segments.last_mut() {
            // The space belongs to the run before it so extraction keeps it.
            last.text.push(' ');
            self.width += fonts.width(last.font, last.size, " ");
            if last.font == font && last.size == size {
                last.text.push_str(word);
                self.width += fonts.width(font, size, word);
                return;
            }
        }
        self.width += fonts.width(font, size, word);
        self.segments.push(Segment {
            font,
            size,
            color,
            text: word.to_string(),
        });
    }

    fn space_needed(&self, fonts: &Fonts) -> f32 {
        self.segments
            .last()
            .map_or(0.0, |s| fonts.width(s.font, s.size, " "))
    }
}

/// Wraps `text` at word boundaries into lines no wider than `max`. A word
/// wider than a whole line is broken between characters; a digest never is
/// unless it cannot fit on a line of its own. Always returns at least one line.
fn wrap(fonts: &Fonts, text: &str, style: Style, max: f32) -> Vec<Vec<Segment>> {
    let mut lines: Vec<Vec<Segment>> = Vec::new();
    for paragraph in clean(text).split('\n') {
        let mut line = Line::default();
        for word in paragraph.split_whitespace() {
            let (font, size) = if style.mono_digests && is_digest(word) {
                (FontKind::Mono, MONO_SIZE)
            } else {
                (style.font, style.size)
            };
            let width = fonts.width(font, size, word);
            if width > max {
                for piece in hard_break(fonts, font, size, word, max) {
                    let w = fonts.width(font, size, &piece);
                    if !line.segments.is_empty() && line.width + line.space_needed(fonts) + w > max
                    {
                        lines.push(std::mem::take(&mut line).segments);
                    }
                    line.push(fonts, &piece, font, size, style.color);
                }
                continue;
            }
            if !line.segments.is_empty() && line.width + line.space_needed(fonts) + width > max {
                lines.push(std::mem::take(&mut line).segments);
            }
            line.push(fonts, word, font, size, style.color);
        }
        lines.push(line.segments);
    }
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    lines
}

/// The page being filled from the top, with a line kept free at the bottom
/// for the truncation note.
struct Page<'f> {
    fonts: &'f Fonts,
    drawing: Drawing,
    /// The baseline of the last line set.
    cursor: f32,
    truncated: bool,
}

/// What is drawn on the page.
#[derive(Debug, Default)]
struct Drawing {
    placed: Vec<Placed>,
    /// Horizontal rules: (x1, x2, y).
    rules: Vec<(f32, f32, f32)>,
    /// Filled black rectangles: (x, y, width, height).
    rects: Vec<(f32, f32, f32, f32)>,
    /// Clickable areas and the URL each opens.
    links: Vec<(Rect, String)>,
}

impl<'f> Page<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Page {
            fonts,
            drawing: Drawing::default(),
            cursor: PAGE_H - MARGIN_TOP,
            truncated: false,
        }
    }

    /// The lowest baseline content may use, keeping one line for the note.
    fn floor() -> f32 {
        MARGIN_BOTTOM + LEADING
    }

    fn fits(&self, advance: f32) -> bool {
        self.cursor - advance >= Self::floor()
    }

    fn place_line(&mut self, x: f32, y: f32, segments: Vec<Segment>) {
        let mut x = x;
        for segment in segments {
            let width = self.fonts.width(segment.font, segment.size, &segment.text);
            self.drawing.placed.push(Placed { x, y, segment });
            x += width;
        }
    }

    fn title(&mut self, text: &str) {
        let style = Style {
            font: FontKind::Bold,
            size: TITLE_SIZE,
            color: BLACK,
            mono_digests: false,
        };
        let lines = wrap(self.fonts, text, style, CONTENT_W);
        // The title gets at most two lines.
        for line in lines.into_iter().take(2) {
            self.cursor -= TITLE_LEADING;
            self.place_line(MARGIN_X, self.cursor, line);
        }
        self.cursor -= 2.0;
    }

    /// The outcome: large, in its tone's colour, at most two lines; then its
    /// facts as one paragraph, and a rule.
    fn headline(&mut self, words: &str, color: Rgb, facts: &str) {
        let style = Style {
            font: FontKind::Bold,
            size: HEADLINE_SIZE,
            color,
            mono_digests: false,
        };
        for line in wrap(self.fonts, words, style, CONTENT_W)
            .into_iter()
            .take(2)
        {
            self.cursor -= HEADLINE_LEADING;
            self.place_line(MARGIN_X, self.cursor, line);
        }
        let style = Style {
            font: FontKind::Regular,
            size: FACT_SIZE,
            color: BLACK,
            mono_digests: true,
        };
        if !facts.trim().is_empty() {
            self.cursor -= 2.0;
            for line in wrap(self.fonts, facts, style, CONTENT_W)
                .into_iter()
                .take(3)
            {
                self.cursor -= FACT_LEADING;
                self.place_line(MARGIN_X, self.cursor, line);
            }
        }
        self.drawing
            .rules
            .push((MARGIN_X, PAGE_W - MARGIN_X, self.cursor - 6.0));
        self.cursor -= 8.0;
    }

    /// Paragraphs set beside a QR code of `url` (when it can be encoded), which
    /// also links to `url`.
    fn beside_qr(&mut self, paragraphs: &[Para], url: &str) {
        let code = qrcode::QrCode::new(url.as_bytes()).ok();
        let text_w = if code.is_some() {
            CONTENT_W - QR_SIZE - 14.0
        } else {
            CONTENT_W
        };
        let top = self.cursor;
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if i > 0 {
                self.cursor -= 3.0;
            }
            let (text, style) = match paragraph {
                Para::Prose(text) => (text, VALUE_STYLE),
                Para::Command(text) => (text, COMMAND_STYLE),
            };
            for line in wrap(self.fonts, text, style, text_w) {
                if !self.fits(LEADING) {
                    self.truncated = true;
                    return;
                }
                self.cursor -= LEADING;
                self.place_line(MARGIN_X, self.cursor, line);
            }
        }
        let Some(code) = code else {
            return;
        };
        let modules = code.width();
        let module = QR_SIZE / modules as f32;
        let (left, top) = (PAGE_W - MARGIN_X - QR_SIZE, top - 4.0);
        let colors = code.to_colors();
        for (r, row) in colors.chunks(modules).enumerate() {
            // Runs of dark modules become one rectangle each.
            let mut c = 0;
            while c < modules {
                if row[c] != qrcode::Color::Dark {
                    c += 1;
                    continue;
                }
                let start = c;
                while c < modules && row[c] == qrcode::Color::Dark {
                    c += 1;
                }
                self.drawing.rects.push((
                    left + start as f32 * module,
                    top - (r + 1) as f32 * module,
                    (c - start) as f32 * module,
                    module,
                ));
            }
        }
        self.drawing.links.push((
            Rect::new(left, top - QR_SIZE, left + QR_SIZE, top),
            url.to_string(),
        ));
        self.cursor = self.cursor.min(top - QR_SIZE - 4.0);
    }

    /// A section heading with a rule under it. Needs room for itself and one
    /// row, or the page is truncated here.
    fn heading(&mut self, text: &str) -> bool {
        if self.truncated {
            return false;
        }
        if !self.fits(HEADING_SPACE_BEFORE + HEADING_LEADING + LEADING) {
            self.truncated = true;
            return false;
        }
        let style = Style {
            font: FontKind::Bold,
            size: HEADING_SIZE,
            color: BLACK,
            mono_digests: false,
        };
        // Headings are kept to one line.
        let line = wrap(self.fonts, text, style, CONTENT_W)
            .into_iter()
            .next()
            .unwrap_or_default();
        self.cursor -= HEADING_SPACE_BEFORE + HEADING_LEADING;
        self.place_line(MARGIN_X, self.cursor, line);
        self.drawing
            .rules
            .push((MARGIN_X, PAGE_W - MARGIN_X, self.cursor - 3.5));
        self.cursor -= 3.0;
        true
    }

    /// A label/value row, line by line until the page is full.
    fn row(&mut self, label: &str, value: &str, value_style: Style) -> bool {
        if self.truncated {
            return false;
        }
        let labels = wrap(self.fonts, label, LABEL_STYLE, LABEL_W);
        let values = wrap(self.fonts, value, value_style, VALUE_W);
        let count = labels.len().max(values.len());
        // A short row is kept whole; a long one is set as far as it fits.
        let height = LEADING * count as f32 + ROW_GAP;
        if count <= SHORT_ROW_LINES && !self.fits(height) {
            self.truncated = true;
            return false;
        }
        let mut labels = labels.into_iter();
        let mut values = values.into_iter();
        for i in 0..count {
            let advance = if i == 0 { LEADING + ROW_GAP } else { LEADING };
            if !self.fits(advance) {
                self.truncated = true;
                return false;
            }
            self.cursor -= advance;
            let y = self.cursor;
            if let Some(line) = labels.next() {
                self.place_line(MARGIN_X, y, line);
            }
            if let Some(line) = values.next() {
                self.place_line(VALUE_X, y, line);
            }
        }
        true
    }

    fn finish(mut self) -> Drawing {
        if self.truncated {
            let style = Style {
                font: FontKind::Regular,
                size: TEXT_SIZE,
                color: GREY,
                mono_digests: false,
            };
            let line = wrap(self.fonts, TRUNCATION_NOTE, style, CONTENT_W)
                .into_iter()
                .next()
                .unwrap_or_default();
            self.cursor = (self.cursor - LEADING - ROW_GAP).max(MARGIN_BOTTOM);
            self.place_line(MARGIN_X, self.cursor, line);
        }
        self.drawing
    }
}

/// A paragraph of the "how to verify" section: prose, or a command to type.
enum Para {
    Prose(String),
    Command(String),
}

/// The "how to verify" paragraphs.
fn how_to_verify(doc: &ReceiptPdf) -> Vec<Para> {
    let mut paragraphs = vec![
        Para::Prose("This paper proves nothing by itself. To check the receipt:".into()),
        Para::Prose(format!(
            "1. Scan the code or open {} to see it checked in your browser.",
            doc.page_url
        )),
        Para::Prose("2. Or run, on your own machine:".into()),
        Para::Command(format!("defendable verify {}", doc.page_url)),
    ];
    if doc.proof.is_some() {
        paragraphs.push(Para::Prose(format!(
            "3. Offline, with a key you trust (the file {PROOF_FILE_NAME} attached to this PDF \
             holds the receipt, its signature, its inclusion proof and the signed checkpoint):"
        )));
        paragraphs.push(Para::Command(
            "defendable verify receipt.pdf --offline --key KEY".into(),
        ));
    } else {
        paragraphs.push(Para::Prose(
            "This receipt was minted before receipts were signed: no proof file is attached, \
             and only its hash can be checked."
                .into(),
        ));
    }
    if let Some(key) = &doc.key_id {
        paragraphs.push(Para::Prose(format!(
            "The signature must be by key {key}: compare it with the issuer's key you obtained \
             separately."
        )));
    }
    paragraphs
}

/// Lays out the receipt on one page.
fn layout(fonts: &Fonts, doc: &ReceiptPdf) -> Drawing {
    let mut page = Page::new(fonts);
    let title = if doc.title.trim().is_empty() {
        "Receipt"
    } else {
        doc.title.as_str()
    };
    page.title(title);
    page.headline(
        &doc.headline,
        tone_color(doc.tone),
        &doc.facts.join("   ·   "),
    );

    let header: [(&str, String); 8] = [
        ("Receipt id", doc.receipt_id.clone()),
        ("Org sequence", doc.org_seq.to_string()),
        ("Schema", doc.schema.clone()),
        ("Created at", doc.created_at.clone()),
        ("Receipt sha256", doc.receipt_sha256.clone()),
        ("Parent hash", doc.parent_hash.clone()),
        (
            "Signing key",
            doc.key_id.clone().unwrap_or_else(|| "not signed".into()),
        ),
        ("Receipt page", doc.page_url.clone()),
    ];
    for (label, value) in &header {
        page.row(label, value, VALUE_STYLE);
    }
    if page.heading("How to verify") {
        page.beside_qr(&how_to_verify(doc), &doc.page_url);
    }

    'sections: for section in &doc.sections {
        if !page.heading(&section.heading) {
            break;
        }
        for (label, value) in &section.rows {
            if !page.row(label, value, VALUE_STYLE) {
                break 'sections;
            }
        }
    }
    page.finish()
}

/// A six-letter subset tag (as PDF requires for subsetted fonts), derived
/// from the glyph set so identical subsets get identical names.
fn subset_tag(kind: FontKind, glyphs: &BTreeMap<u16, char>) -> String {
    // FNV-1a over the font and its glyph ids.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    feed(kind as u8);
    for gid in glyphs.keys() {
        for b in gid.to_be_bytes() {
            feed(b);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
        .collect()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// Renders the receipt as a one-page A4 PDF.
pub fn render_receipt_pdf(doc: &ReceiptPdf) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    let Drawing {
        placed,
        rules,
        rects,
        links,
    } = layout(&fonts, doc);

    // The glyphs each font needs, with the character each stands for.
    let mut used: [BTreeMap<u16, char>; 3] = Default::default();
    for p in &placed {
        for ch in p.segment.text.chars() {
            let (gid, shown) = fonts.glyph(p.segment.font, ch);
            used[p.segment.font.index()].entry(gid.0).or_insert(shown);
        }
    }
    // Subsetting renumbers glyphs; with Identity CID-to-GID the new glyph
    // ids are also the CIDs written in the content stream.
    let remappers: Vec<subsetter::GlyphRemapper> = used
        .iter()
        .map(|glyphs| {
            subsetter::GlyphRemapper::new_from_glyphs_sorted(
                &glyphs.keys().copied().collect::<Vec<_>>(),
            )
        })
        .collect();

    let catalog_id = Ref::new(1);
    let pages_id = Ref::new(2);
    let page_id = Ref::new(3);
    let content_id = Ref::new(4);
    let info_id = Ref::new(5);
    let font_ids = |kind: FontKind| {
        let base = 6 + 5 * kind.index() as i32;
        (
            Ref::new(base),
            Ref::new(base + 1),
            Ref::new(base + 2),
            Ref::new(base + 3),
            Ref::new(base + 4),
        )
    };

    let mut content = Content::new();
    if !rules.is_empty() {
        content.set_stroke_gray(0.7).set_line_width(0.6);
        for (x1, x2, y) in &rules {
            content.move_to(*x1, *y).line_to(*x2, *y);
        }
        content.stroke();
    }
    if !rects.is_empty() {
        content.set_fill_gray(0.0);
        for (x, y, w, h) in &rects {
            content.rect(*x, *y, *w, *h);
        }
        content.fill_nonzero();
    }
    for p in &placed {
        let s = &p.segment;
        let remapper = &remappers[s.font.index()];
        let mut encoded = Vec::with_capacity(s.text.len() * 2);
        for ch in s.text.chars() {
            let gid = fonts.glyph(s.font, ch).0 .0;
            let cid = remapper.get(gid).unwrap_or(0);
            encoded.extend_from_slice(&cid.to_be_bytes());
        }
        content
            .begin_text()
            .set_font(s.font.resource_name(), s.size)
            .set_fill_rgb(s.color.0, s.color.1, s.color.2)
            .set_text_matrix([1.0, 0.0, 0.0, 1.0, p.x, p.y])
            .show(Str(&encoded))
            .end_text();
    }
    let content = deflate(&content.finish());

    // After the fonts: the attachment, its file specification, then the links.
    let file_id = Ref::new(6 + 5 * FontKind::ALL.len() as i32);
    let file_spec_id = Ref::new(file_id.get() + 1);
    let link_ids: Vec<Ref> = (0..links.len() as i32)
        .map(|i| Ref::new(file_spec_id.get() + 1 + i))
        .collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    {
        let mut catalog = pdf.catalog(catalog_id);
        catalog.pages(pages_id);
        if doc.proof.is_some() {
            catalog
                .names()
                .embedded_files()
                .names()
                .insert(Str(PROOF_FILE_NAME.as_bytes()), file_spec_id);
        }
    }
    pdf.pages(pages_id).kids([page_id]).count(1);
    {
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .parent(pages_id)
            .contents(content_id);
        if !link_ids.is_empty() {
            page.annotations(link_ids.iter().copied());
        }
        let mut resources = page.resources();
        let mut font_dict = resources.fonts();
        for kind in FontKind::ALL {
            if !used[kind.index()].is_empty() {
                font_dict.pair(kind.resource_name(), font_ids(kind).0);
            }
        }
        font_dict.finish();
        resources.finish();
        page.finish();
    }
    pdf.stream(content_id, &content).filter(Filter::FlateDecode);
    for ((rect, url), id) in links.iter().zip(&link_ids) {
        let mut link = pdf.annotation(*id);
        link.subtype(AnnotationType::Link)
            .rect(*rect)
            .border(0.0, 0.0, 0.0, None);
        link.action()
            .action_type(ActionType::Uri)
            .uri(Str(url.as_bytes()));
    }
    if let Some(proof) = &doc.proof {
        // Unfiltered: the stream's bytes are the proof file's bytes.
        pdf.embedded_file(file_id, proof)
            .subtype(Name(b"application/json"))
            .params()
            .size(proof.len() as i32);
        pdf.file_spec(file_spec_id)
            .path(Str(PROOF_FILE_NAME.as_bytes()))
            .unic_file(TextStr(PROOF_FILE_NAME))
            .description(TextStr(
                "The receipt's proof file: receipt, signature, inclusion proof and signed checkpoint",
            ))
            .embedded_file_with_unicode(file_id);
    }
    pdf.document_info(info_id)
        .title(TextStr(&doc.title))
        .subject(TextStr(&format!("Receipt {}", doc.receipt_id)))
        .producer(TextStr("defendable-server"));

    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    for kind in FontKind::ALL {
        let glyphs = &used[kind.index()];
        if glyphs.is_empty() {
            continue;
        }
        let remapper = &remappers[kind.index()];
        let face = fonts.face(kind);
        let (type0_id, cid_id, descriptor_id, file_id, cmap_id) = font_ids(kind);
        let base_font = format!("{}+{}", subset_tag(kind, glyphs), kind.postscript_name());
        let base_font = Name(base_font.as_bytes());

        pdf.type0_font(type0_id)
            .base_font(base_font)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_id)
            .to_unicode(cmap_id);

        let per_mille = 1000.0 / f32::from(face.units_per_em());
        let widths: Vec<f32> = remapper
            .remapped_gids()
            .map(|old| f32::from(face.glyph_hor_advance(GlyphId(old)).unwrap_or(0)) * per_mille)
            .collect();
        {
            let mut cid = pdf.cid_font(cid_id);
            cid.subtype(CidFontType::Type2)
                .base_font(base_font)
                .system_info(system_info)
                .font_descriptor(descriptor_id)
                .default_width(0.0)
                .cid_to_gid_map_predefined(Name(b"Identity"));
            cid.widths().consecutive(0, widths);
            cid.finish();
        }

        let bbox = face.global_bounding_box();
        let mut flags = FontFlags::SYMBOLIC;
        if kind == FontKind::Mono {
            flags |= FontFlags::FIXED_PITCH;
        }
        let weight = if kind == FontKind::Bold { 700.0 } else { 400.0 };
        pdf.font_descriptor(descriptor_id)
            .name(base_font)
            .flags(flags)
            .bbox(Rect::new(
                f32::from(bbox.x_min) * per_mille,
                f32::from(bbox.y_min) * per_mille,
                f32::from(bbox.x_max) * per_mille,
                f32::from(bbox.y_max) * per_mille,
            ))
            .italic_angle(0.0)
            .ascent(f32::from(face.ascender()) * per_mille)
            .descent(f32::from(face.descender()) * per_mille)
            .cap_height(f32::from(face.capital_height().unwrap_or(face.ascender())) * per_mille)
            .stem_v(10.0 + 0.244 * (weight - 50.0))
            .font_file2(file_id);

        let subset =
            subsetter::subset(kind.data(), 0, remapper).map_err(|e| PdfError::FontSubset {
                font: kind.postscript_name(),
                detail: e.to_string(),
            })?;
        let compressed = deflate(&subset);
        pdf.stream(file_id, &compressed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), subset.len() as i32);

        let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system_info);
        for (old, ch) in glyphs {
            if let Some(new) = remapper.get(*old) {
                if new != 0 {
                    cmap.pair(new, *ch);
                }
            }
        }
        pdf.cmap(cmap_id, &cmap.finish());
    }

    Ok(pdf.finish())
}

/// The in-process PDF reader the integration tests use too.
#[cfg(test)]
#[path = "../../tests/integration/common/pdf.rs"]
mod reader;

#[cfg(test)]
mod tests;
