//! File evidence: the request body (raw bytes, or a `multipart/form-data` form
//! with `file` and `label` fields) is streamed into the blob store while it is
//! hashed; the run is checked before a byte is read and locked again before the
//! row is written, and a blob is only kept when its row is stored.

use bytes::Bytes;
use futures::{Stream, StreamExt, TryStreamExt};
use http::HeaderMap;

use defendable_contract::api::UPLOAD_MAX_BYTES;
use defendable_contract::doctrine::EvidenceKind;
use defendable_contract::schemas::{Evidence, EvidenceUploadQuery};

use super::lifecycle::{RunStatus, Step};
use super::{get_run_row, lock_run, require, views};
use crate::auth::Principal;
use crate::blobs::{StageError, StagedBlob};
use crate::context::AppContext;
use crate::error::{db, Error};
use crate::ids;
use crate::store::runs::{self as run_store, EvidenceRow};
use crate::time;
use crate::tx::begin;

const LIMIT: u64 = UPLOAD_MAX_BYTES as u64;

fn stage_error(error: StageError) -> Error {
    match error {
        StageError::TooLarge { .. } => Error::too_large("file too large (25MB max)"),
        StageError::Read(message) => {
            Error::invalid(format!("reading the upload failed: {message}"))
        }
        StageError::Io(e) => crate::error::internal("writing an upload", e),
    }
}

/// A file name kept as metadata: no path, no control characters, at most 255 characters.
fn clean_filename(raw: &str) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(255).collect();
    let cleaned = cleaned.trim().to_string();
    (!cleaned.is_empty() && cleaned != "." && cleaned != "..").then_some(cleaned)
}

struct Upload {
    staged: StagedBlob,
    filename: Option<String>,
    label: Option<String>,
    content_type: Option<String>,
}

async fn read_multipart<S>(ctx: &AppContext, body: S, boundary: String) -> Result<Upload, Error>
where
    S: Stream<Item = Result<Bytes, std::io::Error>> + Send + Unpin + 'static,
{
    let mut form = multer::Multipart::new(body, boundary);
    let mut staged: Option<StagedBlob> = None;
    let mut filename = None;
    let mut content_type = None;
    let mut label = None;
    let result: Result<(), Error> = async {
        while let Some(field) = form.next_field().await.map_err(multipart_error)? {
            match field.name() {
                Some("file") if staged.is_none() => {
                    filename = field.file_name().and_then(clean_filename);
                    content_type = field.content_type().map(|m| m.to_string());
                    let stream = field.map_err(|e| describe(&e));
                    staged = Some(ctx.blobs.stage(stream, LIMIT).await.map_err(stage_error)?);
                }
                Some("file") => return Err(Error::invalid("send exactly one file field")),
                Some("label") => {
                    // Raw bytes, not `text()`: that would replace invalid UTF-8 silently.
                    let bytes = field.bytes().await.map_err(multipart_error)?;
                    let text = String::from_utf8(bytes.to_vec())
                        .map_err(|_| Error::invalid("label is not valid UTF-8"))?;
                    if text.chars().count() > 300 {
                        return Err(Error::invalid("label must be at most 300 characters"));
                    }
                    label = Some(text);
                }
                // Other fields are ignored, but read so the form can continue.
                _ => {
                    let mut field = field;
                    while field.chunk().await.map_err(multipart_error)?.is_some() {}
                }
            }
        }
        Ok(())
    }
    .await;
    match (result, staged) {
        (Ok(()), Some(staged)) => Ok(Upload {
            staged,
            filename,
            label,
            content_type,
        }),
        (Ok(()), None) => Err(Error::invalid("the form has no file field")),
        (Err(e), staged) => {
            if let Some(staged) = staged {
                ctx.blobs.discard(&staged).await;
            }
            Err(e)
        }
    }
}

/// A form error with its cause: multer's "failed to read stream" hides
/// why, e.g. that the body outgrew the upload limit.
fn describe(error: &multer::Error) -> String {
    match std::error::Error::source(error) {
        Some(source) => format!("{error}: {source}"),
        None => error.to_string(),
    }
}

/// A form that cannot be read: 413 when the body outgrew the upload limit, else 400.
fn multipart_error(error: multer::Error) -> Error {
    let message = describe(&error);
    if message.contains("exceeded maximum size") || message.contains("size limit") {
        Error::too_large("file too large (25MB max)")
    } else {
        Error::invalid(format!("malformed multipart form: {message}"))
    }
}

/// `POST /runs/{run_id}/evidence/upload`.
pub async fn upload_evidence(
    ctx: &AppContext,
    principal: &Principal,
    run_id: &str,
    query: EvidenceUploadQuery,
    headers: &HeaderMap,
    body: dropshot::StreamingBody,
) -> Result<Evidence, Error> {
    // Check the run before reading the body: nothing is stored for a run the caller cannot use.
    let run = get_run_row(ctx, principal, run_id).await?;
    let status = RunStatus::parse(&run.status).unwrap_or(RunStatus::Draft);
    require(status, Step::AddEvidence, &run)?;
    let totals = run_store::evidence_totals(&ctx.db.pool, &run.id)
        .await
        .map_err(db("counting evidence"))?;
    super::check_evidence_room(ctx, totals, 0)?;
    let query_label = query
        .label
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    if query_label
        .as_ref()
        .is_some_and(|l| l.chars().count() > 300)
    {
        return Err(Error::invalid("label must be at most 300 characters"));
    }
    let header_type = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let stream = body
        .into_stream()
        .map_err(|e| std::io::Error::other(e.external_message));
    let upload = match header_type.as_deref() {
        Some(ct) if ct.to_ascii_lowercase().starts_with("multipart/form-data") => {
            let boundary = multer::parse_boundary(ct)
                .map_err(|e| Error::invalid(format!("malformed multipart content type: {e}")))?;
            read_multipart(ctx, Box::pin(stream), boundary).await?
        }
        other => {
            let staged = ctx
                .blobs
                .stage(
                    Box::pin(stream.map(|r| r.map_err(|e| e.to_string()))),
                    LIMIT,
                )
                .await
                .map_err(stage_error)?;
            Upload {
                staged,
                filename: query.filename.as_deref().and_then(clean_filename),
                label: None,
                content_type: other
                    .filter(|ct| {
                        !ct.is_empty() && !ct.eq_ignore_ascii_case("application/octet-stream")
                    })
                    .map(str::to_string),
            }
        }
    };
    let label = query_label
        .or(upload
            .label
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty()))
        .or(upload.filename.clone())
        .unwrap_or_else(|| "uploaded file".to_string());
    if let Err(error) = crate::text::reject_nul(&label, "label") {
        ctx.blobs.discard(&upload.staged).await;
        return Err(error);
    }
    let id = ids::new_id();
    let key = format!("orgs/{}/runs/{}/evidence/{}", principal.org_id, run.id, id);
    let row = EvidenceRow {
        id,
        run_id: run.id.clone(),
        kind: EvidenceKind::File.as_str().to_string(),
        label,
        content: None,
        filename: upload.filename.clone(),
        blob_key: Some(key.clone()),
        sha256: Some(upload.staged.sha256.clone()),
        byte_size: Some(upload.staged.byte_size as i64),
        content_type: upload
            .content_type
            .clone()
            .or_else(|| Some("application/octet-stream".into())),
        created_by: principal.user_id.clone(),
        created_at: time::now_micros(),
    };
    let stored = async {
        let mut tx = begin(ctx).await?;
        let (run, status) = lock_run(&mut tx, principal, run_id).await?;
        require(status, Step::AddEvidence, &run)?;
        let totals = super::evidence_totals_tx(&mut tx, &run.id).await?;
        super::check_evidence_room(ctx, totals, upload.staged.byte_size)?;
        crate::runs::reopen_for_evidence(&mut tx, &run, status).await?;
        ctx.blobs
            .commit(&upload.staged, &key)
            .await
            .map_err(|e| crate::error::internal("storing an upload", e))?;
        run_store::insert_evidence(&mut tx, &row)
            .await
            .map_err(db("storing evidence"))?;
        tx.commit().await.map_err(db("committing"))
    }
    .await;
    if let Err(error) = stored {
        ctx.blobs.discard(&upload.staged).await;
        ctx.blobs.delete(&key).await;
        return Err(error);
    }
    Ok(views::evidence(&row))
}

#[cfg(test)]
mod tests {
    use super::clean_filename;

    #[test]
    fn file_names_are_metadata_only() {
        assert_eq!(
            clean_filename("../../etc/passwd").as_deref(),
            Some("passwd")
        );
        assert_eq!(
            clean_filename("C:\\x\\memo.pdf").as_deref(),
            Some("memo.pdf")
        );
        assert_eq!(clean_filename(".."), None);
        assert_eq!(clean_filename("a\u{0}b.txt").as_deref(), Some("ab.txt"));
    }
}
