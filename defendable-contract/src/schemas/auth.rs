//! Sign-in: magic links, the JWT exchange and the current principal.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::doctrine::Role;

/// `POST /auth/request`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct MagicRequestIn {
    pub email: String,
}

/// The answer to a magic-link request. In development, when no email is sent,
/// `dev_link` carries the link itself.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct MagicRequestOut {
    pub ok: bool,
    pub sent: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dev_link: Option<String>,
}

/// `POST /auth/verify`: the one-time token from the link.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct MagicVerifyIn {
    pub token: String,
}

/// The user a token was issued to.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct TokenUser {
    pub id: String,
    pub email: String,
    pub org_id: String,
    pub name: Option<String>,
    pub role: Role,
}

/// A bearer JWT and who it belongs to.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct TokenOut {
    pub access_token: String,
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
    pub user: TokenUser,
}

/// `GET /auth/me`: the signed-in principal.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub name: Option<String>,
    pub role: Role,
    pub org_id: String,
    pub org_name: String,
    pub created_at: String,
    pub is_admin: bool,
}
