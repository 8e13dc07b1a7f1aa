//! The connection to a server: the generated client with the session token attached,
//! and the context every command runs with.

use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, USER_AGENT};

use crate::cli::GlobalArgs;
use crate::client::Client;
use crate::credentials::{Store, TokenSource};
use crate::error::{CliError, ErrorDetail};
use crate::output::{note, Printer};

/// What a command needs: where the server is, the stored credentials, the printer.
pub struct Ctx {
    pub base: String,
    pub store: Store,
    pub printer: Printer,
}

impl Ctx {
    pub fn new(global: &GlobalArgs) -> Result<Ctx, CliError> {
        let store = Store::open(&global.profile)?;
        let base = store.api_base(global.api.as_deref());
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(CliError::usage(format!(
                "the server address must start with http:// or https://: {base}"
            )));
        }
        Ok(Ctx {
            base,
            store,
            printer: Printer::new(global.json),
        })
    }

    /// A client without credentials (sign-in, public receipts, health).
    pub fn anonymous(&self) -> Result<Client, CliError> {
        self.client_with(None)
    }

    /// A client with the stored session token; exit 4 when there is none.
    pub fn authed(&self) -> Result<Client, CliError> {
        let (token, source) = self.store.token().ok_or_else(|| {
            CliError::auth_required(format!(
                "not signed in to {} (run `defendable auth login`)",
                self.base
            ))
        })?;
        if let TokenSource::File(path) = &source {
            note(&format!(
                "warning: using the token stored in {} (no OS keyring)",
                path.display()
            ));
        }
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
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(std::time::Duration::from_secs(10))
            .read_timeout(std::time::Duration::from_secs(120))
            .build()
            .map_err(|e| CliError::other(format!("building the HTTP client: {e}")))?;
        Ok(Client::new_with_client(&self.base, http))
    }

    /// Maps a generated-client error against this server.
    pub fn fail<E: ErrorDetail>(&self, error: progenitor_client::Error<E>) -> CliError {
        CliError::from_api(&self.base, error)
    }
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
        self.await
            .map(progenitor_client::ResponseValue::into_inner)
            .map_err(|e| ctx.fail(e))
    }
}
