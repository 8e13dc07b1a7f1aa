//! The connection to a server: the generated client with the session token attached,
//! and the context every command runs with.

use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, USER_AGENT};

use crate::cli::GlobalArgs;
use crate::client::Client;
use crate::credentials::{Store, TokenSource};
use crate::error::{CliError, ErrorDetail};
use crate::ids::Kind;
use crate::output::{note, Printer};

/// What a command needs: where the server is, the stored credentials, the printer.
pub struct Ctx {
    pub base: String,
    pub store: Store,
    pub printer: Printer,
    /// The object the command is about, so a 404 can name it and its list command.
    subject: std::cell::RefCell<Option<(Kind, String)>>,
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
            subject: std::cell::RefCell::new(None),
        })
    }

    /// A command to type next, with the profile in use when it is not the default:
    /// "`defendable runs ls --profile bob`".
    pub fn hint(&self, command: &str) -> String {
        match self.store.profile() {
            "default" => format!("`defendable {command}`"),
            profile => format!("`defendable {command} --profile {profile}`"),
        }
    }

    /// Names the object the next requests are about: a "not found" from the server
    /// then repeats its id and names the command that lists the valid ones.
    pub fn about(&self, kind: Kind, id: &str) {
        *self.subject.borrow_mut() = Some((kind, id.to_string()));
    }

    /// What to do when the server refused the credential.
    fn sign_in_hint(&self) -> String {
        match self.store.token() {
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
        let (token, source) = self.store.token().ok_or_else(|| {
            CliError::auth_required(format!(
                "not signed in to {} ({})",
                self.base,
                self.sign_in_hint()
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
