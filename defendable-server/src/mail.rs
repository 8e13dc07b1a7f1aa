//! Outgoing mail: sign-in links, invites and membership notices, sent over SMTP
//! when `SMTP_URL` is set. Without it (development only) each mail is logged
//! instead and callers hand links back inline.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// One mail to one recipient, plain text.
#[derive(Clone, Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// What became of a mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// The SMTP server accepted it.
    Sent,
    /// No SMTP server is configured: it was only logged.
    Logged,
}

/// Sends mail over SMTP, or logs it when no server is configured.
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
}

impl Mailer {
    /// A mailer for `smtp_url` (`smtp://`, `smtp://...?tls=required`, `smtps://`), or
    /// a logging one when there is none.
    pub fn new(smtp_url: Option<&str>, from: &str) -> anyhow::Result<Mailer> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("EMAIL_FROM is not a mailbox ({from}): {e}"))?;
        let transport = match smtp_url {
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("SMTP_URL is not usable: {e}"))?
                    .timeout(Some(Duration::from_secs(15)))
                    .build(),
            ),
            None => None,
        };
        Ok(Mailer { transport, from })
    }

    /// Whether mail really goes out.
    pub fn sends(&self) -> bool {
        self.transport.is_some()
    }

    /// Sends one mail; the error says why the SMTP server did not take it.
    pub async fn send(&self, mail: &Mail) -> Result<Delivery, String> {
        let Some(transport) = &self.transport else {
            tracing::info!(to = %mail.to, subject = %mail.subject, body = %mail.body, "mail (not sent: SMTP_URL is not set)");
            return Ok(Delivery::Logged);
        };
        let to: Mailbox = mail
            .to
            .parse()
            .map_err(|e| format!("bad recipient {}: {e}", mail.to))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| format!("building the message: {e}"))?;
        match transport.send(message).await {
            Ok(_) => {
                tracing::info!(to = %mail.to, subject = %mail.subject, "mail sent");
                Ok(Delivery::Sent)
            }
            Err(e) => {
                tracing::warn!(to = %mail.to, subject = %mail.subject, error = %e, "mail not sent");
                Err(e.to_string())
            }
        }
    }

    /// Sends a mail whose loss is tolerable (notices); failures are logged.
    pub async fn send_best_effort(&self, mail: &Mail) -> bool {
        matches!(self.send(mail).await, Ok(Delivery::Sent))
    }
}

/// Text made safe for a header: control characters (line breaks) become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The sign-in link.
pub fn magic_link(to: &str, link: &str, ttl_minutes: i64) -> Mail {
    Mail {
        to: to.to_string(),
        subject: "Your defendable sign-in link".to_string(),
        body: format!(
            "Sign in to defendable with this link (valid for {ttl_minutes} minutes, once):\n\n{link}\n\nIf you did not ask for it, ignore this mail.\n"
        ),
    }
}

/// An invitation into an organisation.
pub fn invite(to: &str, org_name: &str, role: &str, link: &str, days: i64) -> Mail {
    Mail {
        to: to.to_string(),
        subject: format!("You are invited to {} on defendable", one_line(org_name)),
        body: format!(
            "You are invited to join {org_name} on defendable as {role}.\n\nAccept within {days} days (the link works once):\n\n{link}\n\nAn address that already has a defendable account cannot accept an invite: an account belongs to one organisation.\n"
        ),
    }
}

/// A new application for the review inbox.
pub fn application_received(to: &str, org_slug: &str, company: &str, status: &str) -> Mail {
    Mail {
        to: to.to_string(),
        subject: format!("Membership application: {} ({org_slug})", one_line(company)),
        body: format!(
            "{company} (organisation {org_slug}) applied for membership; it is {status}.\n\nReview it with `defendable admin applications ls`.\n"
        ),
    }
}

/// The membership is paid and active.
pub fn membership_activated(to: &str, org_slug: &str, seat: i64, renewal_at: &str) -> Mail {
    Mail {
        to: to.to_string(),
        subject: format!("Your defendable membership is active (seat {seat})"),
        body: format!(
            "Thank you: the membership of {org_slug} is active with seat number {seat}.\nIt runs until {renewal_at}.\n"
        ),
    }
}

/// A dataset package is staged and can be downloaded.
pub fn dataset_ready(to: &str, package_name: &str, link: &str, expires_at: &str) -> Mail {
    Mail {
        to: to.to_string(),
        subject: format!("Your dataset is ready: {}", one_line(package_name)),
        body: format!(
            "The dataset package {package_name} is ready to download until {expires_at}:\n\n{link}\n"
        ),
    }
}
