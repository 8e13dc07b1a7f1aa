//! Access control: API keys, members and roles, invites, sign-out, usage and the
//! organisation's settings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::doctrine::{ApiScope, Role};

/// `POST /org/api-keys`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ApiKeyIn {
    /// 1 to 200 characters.
    pub name: String,
    /// What the key may do; default `read` and `runs:write` (not `approve`).
    #[serde(default)]
    pub scopes: Option<Vec<ApiScope>>,
    /// Days until the key expires (1 to 3650); default never.
    #[serde(default)]
    pub expires_in_days: Option<i64>,
}

/// An API key as listed (never its secret).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    /// The first 12 characters of the key, for recognising it.
    pub key_prefix: String,
    pub scopes: Vec<ApiScope>,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub revoked: bool,
}

/// `POST /org/api-keys` (201): the secret is shown here once and never again.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ApiKeyCreated {
    pub id: String,
    pub name: String,
    pub key_prefix: String,
    pub scopes: Vec<ApiScope>,
    pub expires_at: Option<String>,
    /// `dc_...`: use it as a bearer token (for CI, as `DEFENDABLE_TOKEN`).
    pub secret: String,
    pub created_at: String,
}

/// `GET /org/api-keys`, newest first.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ApiKeyList {
    pub api_keys: Vec<ApiKey>,
}

/// A member of the organisation.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgMember {
    pub id: String,
    pub email: String,
    pub name: Option<String>,
    pub role: Role,
    pub created_at: String,
}

/// `GET /org/members`, oldest first.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgMemberList {
    pub members: Vec<OrgMember>,
}

/// `PUT /org/members/{user_id}/role`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgMemberRoleUpdate {
    pub role: Role,
}

/// `POST /org/invites`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgInviteIn {
    pub email: String,
    /// Default `member`.
    #[serde(default)]
    pub role: Option<Role>,
}

/// `POST /org/invites` (201). The answer is the same whether or not the email
/// already has an account (an invite to such an email cannot be accepted).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgInviteCreated {
    pub id: String,
    pub email: String,
    pub role: Role,
    /// `null` whenever the server sends mail: the single-use link then goes only
    /// to the invitee's mailbox, never to the inviter. Only in development without
    /// mail (like `dev_link`) is it `{APP_BASE_URL}/auth/callback?invite=<token>`,
    /// shown here once.
    #[serde(default)]
    pub invite_url: Option<String>,
    /// The link was mailed to the invitee (SMTP configured and the mail accepted);
    /// `false` with mail configured means the mail was refused: invite again.
    #[serde(default)]
    pub emailed: bool,
    pub expires_at: String,
    pub created_at: String,
}

/// An invite as listed.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgInvite {
    pub id: String,
    pub email: String,
    pub role: Role,
    pub expires_at: String,
    pub accepted_at: Option<String>,
    pub created_at: String,
}

/// `GET /org/invites`, newest first.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgInviteList {
    pub invites: Vec<OrgInvite>,
}

/// `POST /auth/accept-invite`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct AcceptInviteIn {
    /// The `invite` value of the invite link.
    pub token: String,
}

/// `POST /auth/logout`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct LogoutOut {
    pub ok: bool,
}

/// `GET /org/usage`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct UsageStats {
    pub receipts_lifetime: i64,
    /// Since the first of this month, UTC.
    pub receipts_this_month: i64,
    /// The position the next receipt takes.
    pub org_seq: i64,
    /// (agent profile, flight sheet) pairs with three or more `honey` verdicts and no
    /// `propolis` one (0 until agent profiles exist).
    pub earned_lanes: i64,
}

/// The organisation's settings (`GET /org/settings`, `PUT /org/settings`).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct OrgSettings {
    /// When true, whoever posted a run's submission cannot approve it.
    pub require_distinct_approver: bool,
}

/// A member's id in the path.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct MemberPath {
    pub user_id: String,
}

/// An API key's id in the path.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct ApiKeyPath {
    pub key_id: String,
}
