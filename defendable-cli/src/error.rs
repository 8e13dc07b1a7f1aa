//! The CLI's errors and exit codes: 0 ok, 1 error, 2 usage, 3 verification failed
//! (or a CI gate failed), 4 authentication required, 5 a CI gate is pending (open
//! rules leave the verdict undecided). Server errors keep the server's `detail`.

use crate::client::types;

pub const EXIT_ERROR: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_VERIFY: u8 = 3;
pub const EXIT_AUTH: u8 = 4;
pub const EXIT_PENDING: u8 = 5;

/// An error with the exit code it ends the program with.
#[derive(Debug)]
pub struct CliError {
    pub code: u8,
    pub message: String,
    /// The HTTP status, when the server answered with an error.
    pub status: Option<u16>,
}

impl CliError {
    pub fn other(message: impl Into<String>) -> CliError {
        CliError {
            code: EXIT_ERROR,
            message: message.into(),
            status: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            code: EXIT_USAGE,
            message: message.into(),
            status: None,
        }
    }

    pub fn verification(message: impl Into<String>) -> CliError {
        CliError {
            code: EXIT_VERIFY,
            message: message.into(),
            status: None,
        }
    }

    pub fn auth_required(message: impl Into<String>) -> CliError {
        CliError {
            code: EXIT_AUTH,
            message: message.into(),
            status: Some(401),
        }
    }

    /// A closed stdout: the program ends with success and says nothing.
    pub fn broken_pipe() -> CliError {
        CliError {
            code: 0,
            message: String::new(),
            status: None,
        }
    }

    pub fn is_broken_pipe(&self) -> bool {
        self.code == 0
    }

    pub fn from_io(error: std::io::Error) -> CliError {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::broken_pipe()
        } else {
            CliError::other(format!("writing output: {error}"))
        }
    }

    /// Maps a generated-client error, naming the server when it cannot be reached.
    pub fn from_api<E: ErrorDetail>(base: &str, error: progenitor_client::Error<E>) -> CliError {
        use progenitor_client::Error;
        match error {
            Error::ErrorResponse(response) => {
                let status = response.status().as_u16();
                CliError::from_status(status, response.into_inner().detail())
            }
            Error::UnexpectedResponse(response) => {
                let status = response.status().as_u16();
                CliError::from_status(status, format!("unexpected response ({status})"))
            }
            Error::CommunicationError(e) => CliError::other(format!(
                "could not reach the server at {base}: {}",
                root_cause(&e)
            )),
            Error::InvalidResponsePayload(_, e) => {
                CliError::other(format!("the server at {base} sent a malformed answer: {e}"))
            }
            Error::InvalidRequest(why) | Error::Custom(why) => {
                CliError::usage(format!("invalid request: {why}"))
            }
            Error::InvalidUpgrade(e) | Error::ResponseBodyError(e) => {
                CliError::other(format!("reading the answer of {base}: {}", root_cause(&e)))
            }
        }
    }

    /// A server that refuses to vouch for its chain (409: a receipt in it fails its
    /// checks, or its history was rewritten) fails verification (exit 3).
    pub fn chain_refused(self) -> CliError {
        if self.status == Some(409) {
            CliError {
                code: EXIT_VERIFY,
                ..self
            }
        } else {
            self
        }
    }

    pub fn from_status(status: u16, detail: String) -> CliError {
        if status == 401 {
            return CliError::auth_required(detail);
        }
        CliError {
            code: EXIT_ERROR,
            message: detail,
            status: Some(status),
        }
    }
}

impl From<anyhow::Error> for CliError {
    fn from(error: anyhow::Error) -> CliError {
        CliError::other(format!("{error:#}"))
    }
}

fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    text
}

/// The `detail` of an error body.
pub trait ErrorDetail {
    fn detail(self) -> String;
}

impl ErrorDetail for types::Error {
    fn detail(self) -> String {
        self.detail
    }
}

impl ErrorDetail for progenitor_client::ByteStream {
    fn detail(self) -> String {
        "the server refused the request".to_string()
    }
}
