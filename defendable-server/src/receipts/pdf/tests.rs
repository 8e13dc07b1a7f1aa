//! The renderer's tests: PDFs are read back in-process with a Rust parser; poppler
//! cross-checks run when `DEFENDABLE_TEST_POPPLER=1` was set at build time.

use super::*;

const HASH_A: &str = "3f2a9c0b7d61e4f58a2b9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b";
const HASH_B: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const SUBMISSION: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a";
const PAGE_URL: &str = "https://defendable.example/r/Zm9vYmFyYmF6cXV4";
const KEY_ID: &str = "defendable.example+1a2b3c4d";

fn sample() -> ReceiptPdf {
    ReceiptPdf {
        title: "Evaluation receipt · Проверка отчёта за третий квартал".into(),
        headline: "Failed its audit".into(),
        tone: Tone::Bad,
        facts: vec![
            "Score 42 out of 100".into(),
            "Approved by reviewer@example.com".into(),
        ],
        receipt_id: "rcpt_0001_7f3a2b".into(),
        org_seq: 42,
        receipt_sha256: HASH_A.into(),
        parent_hash: HASH_B.into(),
        created_at: "2026-11-25T12:00:00Z".into(),
        schema: "defendable.receipt/v1".into(),
        key_id: Some(KEY_ID.into()),
        page_url: PAGE_URL.into(),
        sections: vec![
            PdfSection {
                heading: "Organisation".into(),
                rows: vec![("Name".into(), "Компания «Проверка» — Αθήνα Café".into())],
            },
            PdfSection {
                heading: "Run".into(),
                rows: vec![
                    ("Run id".into(), "run_01HZX".into()),
                    ("Submission sha256".into(), SUBMISSION.into()),
                ],
            },
            PdfSection {
                heading: "Verdict".into(),
                rows: vec![
                    ("Outcome".into(), "fail".into()),
                    ("Severity".into(), "propolis".into()),
                    (
                        "Summary".into(),
                        "Two checks failed. The submitted figures do not reconcile with \
                         the source ledger. Σύνοψη: αποτυχία. 日本語のテキスト 🙂"
                            .into(),
                    ),
                ],
            },
            PdfSection {
                heading: "Approval".into(),
                rows: vec![
                    ("Decision".into(), "approved".into()),
                    ("Approver".into(), "reviewer@example.com".into()),
                    (
                        "Note".into(),
                        "Looks good.\nSecond line\tafter a tab.".into(),
                    ),
                ],
            },
            PdfSection {
                heading: "Evidence".into(),
                rows: vec![("ledger.csv".into(), format!("file · {HASH_A}"))],
            },
        ],
        proof: Some(br#"{"format":"defendable-proof/v1","note":"\u00e9 \n"}"#.to_vec()),
    }
}

use super::reader::{attachment, link_uris, page_count, page_size, rectangles, text as text_of};

fn is_a4(pdf: &[u8]) -> bool {
    let (w, h) = page_size(pdf);
    (w - PAGE_W).abs() < 0.5 && (h - PAGE_H).abs() < 0.5
}

#[test]
fn renders_one_a4_page_with_extractable_text() {
    let pdf = render_receipt_pdf(&sample()).expect("rendering");
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(page_count(&pdf), 1);
    assert!(is_a4(&pdf));

    let text = text_of(&pdf);
    for needle in [
        "Evaluation receipt",
        "Failed its audit",
        "Score 42 out of 100",
        "rcpt_0001_7f3a2b",
        "defendable.receipt/v1",
        "2026-11-25T12:00:00Z",
        PAGE_URL,
        KEY_ID,
        "How to verify",
        "defendable verify receipt.pdf --offline --key KEY",
        PROOF_FILE_NAME,
        "Проверка",
        "Компания",
        "Αθήνα Café",
        "Σύνοψη",
        "Verdict",
        "Approval",
        "approved",
        "reviewer@example.com",
        "Second line after a tab.",
        HASH_A,
        HASH_B,
        SUBMISSION,
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    assert!(!text.contains(TRUNCATION_NOTE));
}

#[test]
fn the_paper_claims_no_verification_of_its_own() {
    let text = text_of(&render_receipt_pdf(&sample()).expect("rendering"));
    let lower = text.to_lowercase();
    assert!(!lower.contains("verified"), "{text}");
    assert!(
        text.contains("This paper proves nothing by itself"),
        "{text}"
    );
}

#[test]
fn the_proof_file_is_attached_byte_for_byte() {
    let doc = sample();
    let pdf = render_receipt_pdf(&doc).expect("rendering");
    assert_eq!(
        attachment(&pdf, PROOF_FILE_NAME).expect("an attached proof file"),
        doc.proof.unwrap()
    );

    let unsigned = ReceiptPdf {
        proof: None,
        key_id: None,
        ..sample()
    };
    let pdf = render_receipt_pdf(&unsigned).expect("rendering");
    assert!(attachment(&pdf, PROOF_FILE_NAME).is_none());
    let text = text_of(&pdf);
    assert!(text.contains("no proof file is attached"), "{text}");
    assert!(text.contains("not signed"), "{text}");
}

#[test]
fn the_page_link_is_drawn_as_a_qr_code_and_clickable() {
    let pdf = render_receipt_pdf(&sample()).expect("rendering");
    assert_eq!(link_uris(&pdf), [PAGE_URL]);
    let rects = rectangles(&pdf);
    assert!(rects > 20, "only {rects} rectangles: no QR code");
}

#[test]
fn typical_receipt_is_small() {
    let pdf = render_receipt_pdf(&sample()).expect("rendering");
    assert!(
        pdf.len() < 300 * 1024,
        "a typical receipt PDF is {} bytes",
        pdf.len()
    );
}

fn overflowing() -> ReceiptPdf {
    let mut doc = sample();
    doc.sections.push(PdfSection {
        heading: "Findings".into(),
        rows: (0..200)
            .map(|i| {
                (
                    format!("Check {i}"),
                    format!("pass (low) finding number {i} — Проверка {i}"),
                )
            })
            .collect(),
    });
    doc.sections.push(PdfSection {
        heading: "Never shown".into(),
        rows: vec![("x".into(), "y".into())],
    });
    doc
}

#[test]
fn overflow_is_truncated_to_one_page() {
    let pdf = render_receipt_pdf(&overflowing()).expect("rendering");
    assert_eq!(page_count(&pdf), 1);
    let text = text_of(&pdf);
    assert!(
        text.contains(TRUNCATION_NOTE),
        "no truncation note in:\n{text}"
    );
    assert!(text.contains("Check 0"));
    assert!(!text.contains("Check 199"));
    assert!(!text.contains("Never shown"));
    // The header and the way to verify survive truncation.
    assert!(text.contains(HASH_A));
    assert!(text.contains("How to verify"));
}

#[test]
fn one_huge_value_is_truncated_to_one_page() {
    let mut doc = sample();
    doc.sections[2].rows[2].1 = "word ".repeat(5000) + &"x".repeat(3000);
    let pdf = render_receipt_pdf(&doc).expect("rendering");
    assert_eq!(page_count(&pdf), 1);
    assert!(text_of(&pdf).contains(TRUNCATION_NOTE));
}

fn odd() -> ReceiptPdf {
    ReceiptPdf {
        title: String::new(),
        headline: String::new(),
        tone: Tone::Neutral,
        facts: vec![String::new()],
        receipt_id: String::new(),
        org_seq: -1,
        receipt_sha256: String::new(),
        parent_hash: "\u{0}\u{7}\r\n".into(),
        created_at: "中文 한국어 🙂 \u{200B}".into(),
        schema: "x".repeat(400),
        key_id: None,
        page_url: "h".repeat(5000),
        sections: vec![
            PdfSection {
                heading: String::new(),
                rows: Vec::new(),
            },
            PdfSection {
                heading: "Пусто".into(),
                rows: vec![(String::new(), String::new())],
            },
        ],
        proof: Some(Vec::new()),
    }
}

#[test]
fn odd_input_does_not_fail() {
    let pdf = render_receipt_pdf(&odd()).expect("rendering");
    assert_eq!(page_count(&pdf), 1);
    let text = text_of(&pdf);
    assert!(text.contains("not signed"), "{text}");
    assert_eq!(attachment(&pdf, PROOF_FILE_NAME), Some(Vec::new()));
}

#[test]
fn digests_fit_the_value_column() {
    let fonts = Fonts::load().expect("fonts");
    let width = fonts.width(FontKind::Mono, MONO_SIZE, HASH_A);
    assert!(width <= VALUE_W, "{width} > {VALUE_W}");
    let lines = wrap(&fonts, &format!("file {HASH_A}"), VALUE_STYLE, VALUE_W);
    assert_eq!(lines.len(), 1);
}

/// Cross-checks with poppler, an independent PDF reader.
mod poppler {
    use super::*;
    use std::io::Write;
    use std::process::Command;

    /// Runs a poppler tool on `pdf` (its path goes after `args`, then `after`).
    fn run(name: &str, args: &[&str], pdf: &[u8], after: &[&str]) -> String {
        let mut file = tempfile::Builder::new()
            .suffix(".pdf")
            .tempfile()
            .expect("creating a temporary file");
        file.write_all(pdf).expect("writing the PDF");
        file.flush().expect("flushing the PDF");
        let out = Command::new(name)
            .args(args)
            .arg(file.path())
            .args(after)
            .output()
            .unwrap_or_else(|e| panic!("`{name}` could not be run ({e}): install poppler-utils"));
        assert!(
            out.status.success(),
            "`{name}` failed on the rendered PDF: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("tool output is UTF-8")
    }

    fn text(pdf: &[u8]) -> String {
        run("pdftotext", &["-layout", "-enc", "UTF-8"], pdf, &["-"])
    }

    fn one_page(pdf: &[u8]) -> bool {
        run("pdfinfo", &[], pdf, &[])
            .lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1"))
    }

    #[test]
    #[cfg_attr(
        not(defendable_test_poppler),
        ignore = "set DEFENDABLE_TEST_POPPLER=1 (needs poppler-utils)"
    )]
    fn poppler_reads_one_a4_page_with_whole_hashes() {
        let pdf = render_receipt_pdf(&sample()).expect("rendering");
        assert!(one_page(&pdf));
        let info = run("pdfinfo", &[], &pdf, &[]);
        assert!(info.contains("(A4)"), "not A4:\n{info}");
        let text = text(&pdf);
        for needle in [
            "Failed its audit",
            "Проверка",
            "Αθήνα Café",
            PAGE_URL,
            KEY_ID,
        ] {
            assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
        }
        for hash in [HASH_A, HASH_B, SUBMISSION] {
            assert!(
                text.lines().any(|l| l.contains(hash)),
                "{hash} not on one line in:\n{text}"
            );
        }
        let files = run("pdfdetach", &["-list"], &pdf, &[]);
        assert!(files.contains(PROOF_FILE_NAME), "{files}");
    }

    #[test]
    #[cfg_attr(
        not(defendable_test_poppler),
        ignore = "set DEFENDABLE_TEST_POPPLER=1 (needs poppler-utils)"
    )]
    fn poppler_sees_truncation_and_odd_input_on_one_page() {
        for doc in [overflowing(), odd()] {
            assert!(one_page(&render_receipt_pdf(&doc).expect("rendering")));
        }
        let text = text(&render_receipt_pdf(&overflowing()).unwrap());
        assert!(text.contains(TRUNCATION_NOTE), "{text}");
    }
}
