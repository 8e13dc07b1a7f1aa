//! A real SMTP server on loopback for tests: it speaks enough of RFC 5321 for
//! lettre (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps every message it
//! accepts, and lets a test wait for the next one to a given address.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// One accepted message.
#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body as sent (dot-unstuffed).
    pub data: String,
}

impl Received {
    /// A header's value (first occurrence, unfolded).
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next()?;
        let mut value: Option<String> = None;
        for line in head.split("\r\n") {
            if let Some(v) = value.as_mut() {
                if line.starts_with(' ') || line.starts_with('\t') {
                    v.push_str(line.trim_start());
                    continue;
                }
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case(name) {
                    value = Some(v.trim().to_string());
                }
            }
        }
        value
    }

    /// The body, decoded from quoted-printable or base64 when so encoded.
    pub fn body(&self) -> String {
        let raw = self.data.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        match self
            .header("Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "quoted-printable" => decode_quoted_printable(raw),
            "base64" => {
                use base64::Engine as _;
                let compact: String = raw.split_whitespace().collect();
                String::from_utf8(
                    base64::engine::general_purpose::STANDARD
                        .decode(compact)
                        .expect("base64 body"),
                )
                .expect("utf-8 body")
            }
            _ => raw.to_string(),
        }
    }

    /// The first `http(s)://` link in the body.
    pub fn link(&self) -> String {
        let body = self.body();
        let start = body.find("http").expect("a link in the mail");
        body[start..].split_whitespace().next().unwrap().to_string()
    }
}

fn decode_quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("utf-8 body")
}

/// The server; dropped, it stops accepting.
pub struct SmtpSink {
    pub port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
    arrived: Arc<Notify>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let arrived = Arc::new(Notify::new());
        let (inbox2, arrived2) = (inbox.clone(), arrived.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let (inbox, arrived) = (inbox2.clone(), arrived2.clone());
                tokio::spawn(async move {
                    let _ = session(socket, inbox, arrived).await;
                });
            }
        });
        SmtpSink {
            port,
            inbox,
            arrived,
            task,
        }
    }

    /// `smtp://127.0.0.1:<port>` (no TLS: loopback only).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message so far.
    pub fn all(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// Waits (up to 10 s) for the next message to `to` whose subject contains
    /// `subject`, removing it from the inbox.
    pub async fn take(&self, to: &str, subject: &str) -> Received {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            let notified = self.arrived.notified();
            {
                let mut inbox = self.inbox.lock().unwrap();
                if let Some(i) = inbox.iter().position(|m| {
                    m.to.iter().any(|t| t.eq_ignore_ascii_case(to))
                        && m.header("Subject").unwrap_or_default().contains(subject)
                }) {
                    return inbox.remove(i);
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!("no mail to {to} about {subject:?}; inbox: {:?}", self.all());
            }
        }
    }
}

fn address(arg: &str) -> String {
    let start = arg.find('<').map_or(0, |i| i + 1);
    let end = arg.rfind('>').unwrap_or(arg.len());
    arg[start..end].to_string()
}

async fn session(
    socket: tokio::net::TcpStream,
    inbox: Arc<Mutex<Vec<Received>>>,
    arrived: Arc<Notify>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink.test ESMTP\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" => {
                write
                    .write_all(b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                    .await?
            }
            "HELO" => write.write_all(b"250 sink.test\r\n").await?,
            "MAIL" => {
                from = address(command.split_once(':').map_or("", |(_, a)| a));
                to.clear();
                write.write_all(b"250 OK\r\n").await?;
            }
            "RCPT" => {
                to.push(address(command.split_once(':').map_or("", |(_, a)| a)));
                write.write_all(b"250 OK\r\n").await?;
            }
            "DATA" => {
                write.write_all(b"354 end with .\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    let text = line.strip_prefix('.').unwrap_or(&line);
                    data.push_str(text);
                }
                inbox.lock().unwrap().push(Received {
                    from: from.clone(),
                    to: std::mem::take(&mut to),
                    data,
                });
                arrived.notify_waiters();
                write.write_all(b"250 OK queued\r\n").await?;
            }
            "RSET" | "NOOP" => write.write_all(b"250 OK\r\n").await?,
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => write.write_all(b"502 not implemented\r\n").await?,
        }
    }
}
