//! The connection to a server: the generated client with the session token of that
//! server's origin attached, the context every command runs with, and the wait for an
//! answer (a spinner on a terminal, an error naming the server after `--timeout`).

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, USER_AGENT};

use crate::cli::GlobalArgs;
use crate::client::Client;
use crate::credentials::{origin_of, Store, TokenSource};
use crate::error::{CliError, ErrorDetail};
use crate::output::Printer;

/// How long a server may stay silent when nothing else says.
pub const DEFAULT_TIMEOUT_SECS: u64 = 30;
/// A call this slow gets a spinner on a terminal.
const SPINNER_AFTER: Duration = Duration::from_millis(300);
use crate::ids::Kind;

/// What a command needs: where the server is, the stored credentials, the printer.
pub struct Ctx {
    pub base: String,
    /// `scheme://host[:port]` of `base`: stored credentials are bound to it.
    pub origin: String,
    pub store: Store,
    pub printer: Printer,
    /// How long to wait for the server to answer.
    pub timeout: Duration,
    /// The server as the command line named it (`--api`), repeated in hints.
    explicit_api: Option<String>,
    /// The object the command is about, so a 404 can name it and its list command.
    subject: std::cell::RefCell<Option<(Kind, String)>>,
}

impl Ctx {
    pub fn new(global: &GlobalArgs) -> Result<Ctx, CliError> {
        let store = Store::open(&global.profile())?;
        let base = store.api_base(global.api().as_deref());
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(CliError::usage(format!(
                "the server address must start with http:// or https://: {base}"
            )));
        }
        let origin = origin_of(&base)
            .map_err(|e| CliError::usage(format!("the server address is not a URL: {e}")))?;
        let settings = store.settings();
        crate::style::init(
            global
                .color
                .or(settings.color)
                .unwrap_or(crate::style::ColorChoice::Auto),
        );
        let jq = global
            .jq
            .as_deref()
            .map(crate::jq::JqFilter::compile)
            .transpose()?;
        let timeout = match global.timeout {
            Some(secs) => secs,
            None => match crate::cli::env_value("DEFENDABLE_TIMEOUT") {
                Some(text) => parse_timeout(&text)
                    .ok_or_else(|| CliError::usage(format!("DEFENDABLE_TIMEOUT must be a whole number of seconds (1 or more), got {text:?}")))?,
                None => settings.timeout.unwrap_or(DEFAULT_TIMEOUT_SECS),
            },
        };
        Ok(Ctx {
            base,
            origin,
            store,
            printer: Printer::new(global.json, jq),
            timeout: Duration::from_secs(timeout),
            subject: std::cell::RefCell::new(None),
            explicit_api: global.api.clone(),
        })
    }

    /// The token for this server: `DEFENDABLE_TOKEN`, or the one stored for its origin.
    pub fn token(&self) -> Option<(String, TokenSource)> {
        self.store.token(&self.origin)
    }

    /// A command to type next, with the profile in use when it is not the default and
    /// the server when it was named with `--api`: "`defendable runs ls --profile bob`".
    pub fn hint(&self, command: &str) -> String {
        let mut line = format!("defendable {command}");
        let profile = self.store.profile();
        if profile != "default" {
            line.push_str(&format!(" --profile {profile}"));
        }
        if let Some(api) = &self.explicit_api {
            line.push_str(&format!(" --api {api}"));
        }
        format!("`{line}`")
    }

    /// Names the object the next requests are about: a "not found" from the server
    /// then repeats its id and names the command that lists the valid ones.
    pub fn about(&self, kind: Kind, id: &str) {
        *self.subject.borrow_mut() = Some((kind, id.to_string()));
    }

    /// What to do when the server refused the credential.
    fn sign_in_hint(&self) -> String {
        match self.token() {
            Some((_, TokenSource::Env)) => {
                "DEFENDABLE_TOKEN holds a token the server refused; refresh that variable \
                 (or unset it to use the stored sign-in)"
                    .to_string()
            }
            _ => format!("run {} to sign in", self.hint("auth login")),
        }
    }

    /// A client without credentials (sign-in, public receipts, health).
    pub fn anonymous(&self) -> Result<Client, CliError> {
        self.client_with(None)
    }

    /// A client with the stored session token; exit 4 when there is none.
    pub fn authed(&self) -> Result<Client, CliError> {
        let (token, _) = self.token().ok_or_else(|| self.not_signed_in())?;
        self.client_with(Some(&token))
    }

    /// A client that sends one extra secret header (operator keys, webhook signatures).
    pub fn with_header(&self, name: &'static str, value: &str) -> Result<Client, CliError> {
        let mut value = HeaderValue::from_str(value)
            .map_err(|_| CliError::usage(format!("{name} must be printable text")))?;
        value.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(name, value);
        self.client_with_headers(None, headers)
    }

    /// Exit 4, naming the servers this profile is signed in to instead, if any.
    pub fn not_signed_in(&self) -> CliError {
        let elsewhere = self.store.signed_in_origins();
        let hint = if elsewhere.is_empty() {
            String::new()
        } else {
            format!(
                "; this profile is signed in to {} only, and its token is never sent elsewhere",
                elsewhere.join(", ")
            )
        };
        CliError::auth_required(format!(
            "not signed in to {}{hint} (run {})",
            self.origin,
            self.hint("auth login")
        ))
    }

    fn client_with(&self, token: Option<&str>) -> Result<Client, CliError> {
        self.client_with_headers(token, HeaderMap::new())
    }

    /// A client with this bearer token (if any) and extra headers, for credentials
    /// other than the stored session (runner tokens, the operator's internal key).
    pub fn client_with_headers(
        &self,
        token: Option<&str>,
        mut headers: HeaderMap,
    ) -> Result<Client, CliError> {
        if let Some(token) = token {
            let mut value = HeaderValue::from_str(&format!("Bearer {token}"))
                .map_err(|_| CliError::auth_required("the stored token is not valid text"))?;
            value.set_sensitive(true);
            headers.insert(AUTHORIZATION, value);
        }
        self.build(headers)
    }

    fn build(&self, mut headers: HeaderMap) -> Result<Client, CliError> {
        headers.insert(
            USER_AGENT,
            HeaderValue::from_static(concat!("defendable-cli/", env!("CARGO_PKG_VERSION"))),
        );
        Ok(Client::new_with_client(&self.base, self.http(headers)?))
    }

    /// A plain HTTP client with these default headers and this context's timeouts.
    pub fn http(&self, headers: HeaderMap) -> Result<reqwest::Client, CliError> {
        reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(self.timeout.min(Duration::from_secs(10)))
            .read_timeout(self.timeout)
            .build()
            .map_err(|e| CliError::other(format!("building the HTTP client: {e}")))
    }

    /// Maps a generated-client error against this server.
    pub fn fail<E: ErrorDetail>(&self, error: progenitor_client::Error<E>) -> CliError {
        if let progenitor_client::Error::CommunicationError(e) = &error {
            if e.is_timeout() {
                return self.timed_out();
            }
        }
        self.explain(CliError::from_api(&self.base, error))
    }

    /// Adds the next step to a server's error: how to sign in again after a 401, and
    /// the id and list command after a "not found" of the object in hand.
    pub fn explain(&self, mut error: CliError) -> CliError {
        match error.status {
            Some(401) => error.message = format!("{} ({})", error.message, self.sign_in_hint()),
            Some(404) => {
                if let Some((kind, id)) = self.subject.borrow().as_ref() {
                    if error
                        .message
                        .starts_with(&format!("{} not found", kind.noun))
                    {
                        error = crate::ids::not_found(kind, id, &self.hint(kind.list));
                    }
                }
            }
            _ => {}
        }
        error
    }

    /// The server did not answer within `--timeout`.
    pub fn timed_out(&self) -> CliError {
        CliError::other(format!(
            "the server at {} did not answer within {} s (wait longer with --timeout SECS)",
            self.base,
            self.timeout.as_secs()
        ))
    }

    /// Awaits a call, showing a spinner on a terminal once it takes longer than
    /// [`SPINNER_AFTER`].
    pub async fn waiting<T>(&self, call: impl std::future::Future<Output = T>) -> T {
        tokio::pin!(call);
        tokio::select! {
            done = &mut call => return done,
            () = tokio::time::sleep(SPINNER_AFTER) => {}
        }
        let spinner = crate::output::spinner(&format!("Waiting for {}", self.origin));
        let done = call.await;
        spinner.finish_and_clear();
        done
    }
}

/// A timeout in whole seconds, 1 or more.
pub fn parse_timeout(text: &str) -> Option<u64> {
    text.trim()
        .parse()
        .ok()
        .filter(|s| (1..=86_400).contains(s))
}

/// Awaits a generated request and unwraps its answer, mapping failures against the
/// context's server.
pub trait Answer<T> {
    async fn answer(self, ctx: &Ctx) -> Result<T, CliError>;
}

impl<T, E, F> Answer<T> for F
where
    E: ErrorDetail,
    F: std::future::Future<
        Output = Result<progenitor_client::ResponseValue<T>, progenitor_client::Error<E>>,
    >,
{
    async fn answer(self, ctx: &Ctx) -> Result<T, CliError> {
        ctx.waiting(self)
            .await
            .map(progenitor_client::ResponseValue::into_inner)
            .map_err(|e| ctx.fail(e))
    }
}
