//! Opening a page for people in the desktop's browser: `$BROWSER` when set, else the
//! platform's opener. When nothing can be opened the URL is printed instead.

use crate::error::CliError;

/// Opens `url` in a browser (the process must start and, for `$BROWSER`, succeed).
pub fn open(url: &str) -> std::io::Result<()> {
    use std::process::{Command, Stdio};
    let mut command = if let Some(browser) = crate::cli::env_value("BROWSER") {
        Command::new(browser)
    } else if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        Command::new("xdg-open")
    };
    let status = command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other(format!(
            "the browser exited with {status}"
        )))
    }
}

/// `--web`: opens the page, or prints its URL on stdout when no browser opens.
pub fn show(url: &str) -> Result<(), CliError> {
    match open(url) {
        Ok(()) => {
            crate::output::note(&format!("Opened {url} in your browser."));
            Ok(())
        }
        Err(_) => crate::output::line(url),
    }
}

/// The page for people of a shared receipt: `/r/{token}` on the server.
pub fn receipt_page(base: &str, share_token: &str) -> String {
    format!("{}/r/{share_token}", base.trim_end_matches('/'))
}
