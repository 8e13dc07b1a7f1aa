//! A stand-in for Stripe's API on loopback (Stripe's servers cannot be reached
//! from tests): it answers `POST /v1/checkout/sessions` as Stripe does, records
//! what it was sent, and can be told to refuse. It also signs webhook events
//! the way Stripe does (`Stripe-Signature: t=...,v1=HMAC-SHA256(t.payload)`).

#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use dropshot::{
    endpoint, ApiDescription, Body, ConfigDropshot, ConfigLogging, ConfigLoggingLevel, HttpError,
    HttpServer, RequestContext, ServerBuilder, UntypedBody,
};
use hmac::{Hmac, Mac};
use http::Response;
use serde_json::{json, Value};
use sha2::Sha256;

pub const API_KEY: &str = "sk_test_defendable_fake";
pub const PRICE_ID: &str = "price_membership_year";
pub const WEBHOOK_SECRET: &str = "whsec_defendable_fake";

#[derive(Default)]
pub struct FakeState {
    /// Each checkout request's form fields, in order.
    pub sessions: Mutex<Vec<Vec<(String, String)>>>,
    /// When set, every request is refused with this message (HTTP 400).
    pub refuse_with: Mutex<Option<String>>,
}

pub struct FakeStripe {
    pub base: String,
    pub state: Arc<FakeState>,
    server: Option<HttpServer<Arc<FakeState>>>,
}

impl Drop for FakeStripe {
    fn drop(&mut self) {
        drop(self.server.take());
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).expect("percent escape"));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

fn json_response(status: u16, body: Value) -> Result<Response<Body>, HttpError> {
    Ok(Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap())
}

#[endpoint { method = POST, path = "/v1/checkout/sessions" }]
async fn create_session(
    rqctx: RequestContext<Arc<FakeState>>,
    body: UntypedBody,
) -> Result<Response<Body>, HttpError> {
    let state = rqctx.context();
    let auth = rqctx
        .request
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if auth != format!("Bearer {API_KEY}") {
        return json_response(
            401,
            json!({"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}}),
        );
    }
    if let Some(message) = state.refuse_with.lock().unwrap().clone() {
        return json_response(
            400,
            json!({"error": {"type": "invalid_request_error", "message": message}}),
        );
    }
    let text = std::str::from_utf8(body.as_bytes()).unwrap();
    let fields: Vec<(String, String)> = text
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    let mut sessions = state.sessions.lock().unwrap();
    sessions.push(fields);
    let id = format!("cs_test_{}", sessions.len());
    json_response(
        200,
        json!({
            "id": id,
            "object": "checkout.session",
            "url": format!("https://checkout.stripe.test/c/pay/{id}"),
            "expires_at": chrono::Utc::now().timestamp() + 86400,
            "mode": "payment",
        }),
    )
}

impl FakeStripe {
    pub async fn start() -> FakeStripe {
        let state = Arc::new(FakeState::default());
        let mut api = ApiDescription::new();
        api.register(create_session).unwrap();
        let log = ConfigLogging::StderrTerminal {
            level: ConfigLoggingLevel::Error,
        }
        .to_logger("fake-stripe")
        .unwrap();
        let server = ServerBuilder::new(api, state.clone(), log)
            .config(ConfigDropshot {
                bind_address: "127.0.0.1:0".parse().unwrap(),
                ..Default::default()
            })
            .start()
            .unwrap();
        FakeStripe {
            base: format!("http://{}", server.local_addr()),
            state,
            server: Some(server),
        }
    }

    /// The value of a form field of the n-th (0-based) checkout request.
    pub fn field(&self, n: usize, name: &str) -> Option<String> {
        self.state.sessions.lock().unwrap()[n]
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    /// Server flags pointing a defendable server at this stand-in.
    pub fn flags(&self) -> Vec<String> {
        vec![
            "--stripe-api-key".into(),
            API_KEY.into(),
            "--stripe-price-id".into(),
            PRICE_ID.into(),
            "--stripe-webhook-secret".into(),
            WEBHOOK_SECRET.into(),
            "--stripe-api-base".into(),
            self.base.clone(),
        ]
    }
}

/// A `Stripe-Signature` header for `payload` signed at `t` with `secret`.
pub fn signature(secret: &str, t: i64, payload: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{payload}").as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// A `checkout.session.completed` event as Stripe sends it.
pub fn completed_event(
    event_id: &str,
    session_id: &str,
    org_id: &str,
    payment_intent: &str,
    amount_total: i64,
) -> String {
    json!({
        "id": event_id,
        "object": "event",
        "type": "checkout.session.completed",
        "created": chrono::Utc::now().timestamp(),
        "data": {"object": {
            "id": session_id,
            "object": "checkout.session",
            "client_reference_id": org_id,
            "payment_status": "paid",
            "status": "complete",
            "payment_intent": payment_intent,
            "customer": "cus_test_1",
            "amount_total": amount_total,
            "currency": "usd",
            "metadata": {"org_id": org_id},
        }},
    })
    .to_string()
}
