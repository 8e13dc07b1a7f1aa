//! `defendable api METHOD PATH`: a raw request to the server, printed as JSON (and
//! through `--jq`). The stored token is sent only to the origin it was issued by.

use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, USER_AGENT,
};

use crate::api::Ctx;
use crate::cli::ApiArgs;
use crate::credentials::origin_of;
use crate::error::CliError;

pub async fn api(ctx: &Ctx, args: ApiArgs) -> Result<(), CliError> {
    let method = reqwest::Method::from_bytes(args.method.trim().to_ascii_uppercase().as_bytes())
        .map_err(|_| CliError::usage(format!("{:?} is not an HTTP method", args.method)))?;
    let url = target(ctx, &args.path)?;
    let origin = origin_of(url.as_str()).map_err(CliError::usage)?;
    let mut headers = HeaderMap::new();
    headers.insert(
        USER_AGENT,
        HeaderValue::from_static(concat!("defendable-cli/", env!("CARGO_PKG_VERSION"))),
    );
    let token = if origin == ctx.origin {
        ctx.token().map(|(token, _)| token)
    } else {
        ctx.store.stored_token(&origin).map(|(token, _)| token)
    };
    if let Some(token) = token {
        let mut value = HeaderValue::from_str(&format!("Bearer {token}"))
            .map_err(|_| CliError::auth_required("the stored token is not valid text"))?;
        value.set_sensitive(true);
        headers.insert(AUTHORIZATION, value);
    }
    for header in &args.headers {
        let (name, value) = header
            .split_once(':')
            .ok_or_else(|| CliError::usage(format!("--header wants KEY:VALUE, got {header:?}")))?;
        let name = HeaderName::from_bytes(name.trim().as_bytes())
            .map_err(|_| CliError::usage(format!("{name:?} is not a header name")))?;
        let value = HeaderValue::from_str(value.trim())
            .map_err(|_| CliError::usage(format!("the value of {name} is not header text")))?;
        headers.insert(name, value);
    }
    let http = ctx.http(HeaderMap::new())?;
    let mut request = http.request(method.clone(), url.clone()).headers(headers);
    if let Some(input) = &args.input {
        request = request
            .header(CONTENT_TYPE, "application/json")
            .body(read_input(input)?);
    } else if !args.fields.is_empty() {
        let fields = crate::commands::key_values(&args.fields, "--field")?;
        if method == reqwest::Method::GET || method == reqwest::Method::DELETE {
            let query: Vec<(String, String)> = fields
                .into_iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => (k, s),
                    other => (k, other.to_string()),
                })
                .collect();
            request = request.query(&query);
        } else {
            request = request.json(&fields);
        }
    }
    let response = ctx
        .waiting(async {
            let response = request.send().await?;
            let status = response.status();
            let body = response.bytes().await?;
            Ok::<_, reqwest::Error>((status, body))
        })
        .await;
    let (status, body) = response.map_err(|e| {
        if e.is_timeout() {
            ctx.timed_out()
        } else {
            CliError::other(format!("could not reach the server at {origin}: {e}"))
        }
    })?;
    let json: Option<serde_json::Value> = serde_json::from_slice(&body).ok();
    if !status.is_success() {
        let detail = json
            .as_ref()
            .and_then(|v| v["detail"].as_str().map(str::to_string))
            .unwrap_or_else(|| String::from_utf8_lossy(&body).trim().to_string());
        return Err(CliError::from_status(
            status.as_u16(),
            format!("{method} {url}: {} {detail}", status.as_u16()),
        ));
    }
    match json {
        Some(value) => ctx.printer.json(&value),
        None if body.is_empty() => Ok(()),
        None => crate::output::line(String::from_utf8_lossy(&body).trim_end()),
    }
}

/// The URL a PATH names: a full http(s) URL as is, else a path on this server.
fn target(ctx: &Ctx, path: &str) -> Result<reqwest::Url, CliError> {
    let text = if path.starts_with("http://") || path.starts_with("https://") {
        path.to_string()
    } else {
        format!("{}/{}", ctx.base, path.trim_start_matches('/'))
    };
    reqwest::Url::parse(&text)
        .map_err(|e| CliError::usage(format!("{path:?} is not a path or URL: {e}")))
}

/// The request body from a file, or stdin for `-`.
fn read_input(path: &std::path::Path) -> Result<Vec<u8>, CliError> {
    if path.as_os_str() == "-" {
        let mut body = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut body)
            .map_err(|e| CliError::other(format!("reading stdin: {e}")))?;
        return Ok(body);
    }
    std::fs::read(path).map_err(|e| CliError::usage(format!("reading {}: {e}", path.display())))
}
