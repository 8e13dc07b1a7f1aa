//! `auth`, `server` and `org`: signing in and out, and who and where you are.

use crate::api::{Answer as _, Ctx};
use crate::cli::{AuthCommand, ServerCommand};
use crate::client::types;
use crate::commands::{interactive, wire};
use crate::error::CliError;
use crate::output::opt;

pub async fn auth(ctx: &Ctx, cmd: AuthCommand) -> Result<(), CliError> {
    match cmd {
        AuthCommand::Login { email } => login(ctx, email).await,
        AuthCommand::Verify { token } => verify(ctx, &token).await,
        AuthCommand::Status => status(ctx).await,
        AuthCommand::AcceptInvite { token } => accept_invite(ctx, &token).await,
        AuthCommand::Logout => logout(ctx).await,
        AuthCommand::Token => token(ctx),
    }
}

/// `auth token`: the token this CLI would send to this server, for other tools.
fn token(ctx: &Ctx) -> Result<(), CliError> {
    let (token, source) = ctx.token().ok_or_else(|| ctx.not_signed_in())?;
    if ctx.printer.json {
        return ctx.printer.json(&serde_json::json!({
            "token": token, "server": ctx.origin, "token_source": source.to_string(),
        }));
    }
    crate::output::line(&token)
}

async fn login(ctx: &Ctx, email: Option<String>) -> Result<(), CliError> {
    let email = match email {
        Some(email) => email,
        None if interactive() => dialoguer::Input::<String>::new()
            .with_prompt("Email")
            .interact_text()
            .map_err(|e| CliError::other(format!("reading the email: {e}")))?,
        None => return Err(CliError::usage("pass --email (no terminal to ask on)")),
    };
    let answer = ctx
        .anonymous()?
        .auth_request()
        .body(types::MagicRequestIn {
            email: email.trim().to_string(),
        })
        .send()
        .answer(ctx)
        .await?;
    if ctx.printer.json {
        return ctx.printer.json(&answer);
    }
    ctx.printer.say(&format!(
        "A sign-in link for {} is on its way (valid 30 minutes).",
        email.trim()
    ))?;
    if let Some(link) = &answer.dev_link {
        ctx.printer
            .say(&format!("Development server, so here it is: {link}"))?;
        if let Some(token) = token_of(link) {
            ctx.printer
                .say(&format!("Finish with: defendable auth verify {token}"))?;
        }
    } else {
        ctx.printer
            .say("Then run: defendable auth verify <TOKEN from the link>")?;
    }
    Ok(())
}

/// The `token` query parameter of a magic link, or the text itself when it is a bare token.
fn token_of(link_or_token: &str) -> Option<String> {
    let text = link_or_token.trim();
    if !text.contains("://") {
        return (!text.is_empty()).then(|| text.to_string());
    }
    let query = text.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .map(|t| t.split('#').next().unwrap_or(t).to_string())
}

async fn verify(ctx: &Ctx, token: &str) -> Result<(), CliError> {
    let token = token_of(token).ok_or_else(|| CliError::usage("the token is empty"))?;
    let answer = ctx
        .anonymous()?
        .auth_verify()
        .body(types::MagicVerifyIn { token })
        .send()
        .answer(ctx)
        .await?;
    signed_in(ctx, answer)
}

async fn status(ctx: &Ctx) -> Result<(), CliError> {
    let source = ctx.token().map(|(_, source)| source);
    let me = ctx.authed()?.auth_me().send().answer(ctx).await?;
    let source = source.map(|s| s.to_string()).unwrap_or_default();
    if ctx.printer.json {
        return ctx.printer.json(&serde_json::json!({
            "user": me, "server": ctx.base, "profile": ctx.store.profile(), "token_source": source,
        }));
    }
    ctx.printer.object(
        &me,
        vec![
            ("user", me.email.clone()),
            ("name", opt(me.name.as_deref())),
            ("organisation", format!("{} ({})", me.org_name, me.org_id)),
            ("role", wire(&me.role)),
            ("server", ctx.base.clone()),
            ("profile", ctx.store.profile().to_string()),
            ("token from", source),
        ],
    )
}

/// Stores a new session and says who signed in where.
fn signed_in(ctx: &Ctx, answer: types::TokenOut) -> Result<(), CliError> {
    let source = ctx.store.save_token(&ctx.origin, &answer.access_token)?;
    ctx.store.save_api(&ctx.base)?;
    if ctx.printer.json {
        return ctx.printer.json(&serde_json::json!({
            "user": answer.user,
            "server": ctx.base,
            "profile": ctx.store.profile(),
            "token_stored_in": source.to_string(),
            "expires_in": answer.expires_in,
        }));
    }
    ctx.printer.say(&format!(
        "Signed in to {} as {} ({}). Token stored in {source}; it is sent to {} only.",
        ctx.base,
        answer.user.email,
        wire(&answer.user.role),
        ctx.origin
    ))
}

async fn accept_invite(ctx: &Ctx, token: &str) -> Result<(), CliError> {
    // The server takes the token or the whole invite link.
    let token = token.trim().to_string();
    let answer = ctx
        .anonymous()?
        .auth_accept_invite()
        .body(types::AcceptInviteIn { token })
        .send()
        .answer(ctx)
        .await?;
    signed_in(ctx, answer)
}

async fn logout(ctx: &Ctx) -> Result<(), CliError> {
    // Revoke the stored session on the server first (a stored API key is left alone).
    // The stored one: a DEFENDABLE_TOKEN in the environment is not this sign-in, and
    // revoking it would end someone else's session while this one stayed valid.
    let mut revoked = false;
    if let Some((token, _)) = ctx.store.stored_token(&ctx.origin) {
        if !token.starts_with("dc_") {
            let client = ctx.client_with_headers(Some(&token), Default::default())?;
            match client.auth_logout().send().answer(ctx).await {
                Ok(_) => revoked = true,
                Err(e) if e.code == crate::error::EXIT_AUTH => {}
                Err(e) => crate::output::note(&format!(
                    "warning: the server did not revoke the session: {}",
                    e.message
                )),
            }
        }
    }
    let removed = ctx.store.remove_token(&ctx.origin)?;
    if ctx.printer.json {
        return ctx.printer.json(&serde_json::json!({
            "signed_out": removed, "revoked_on_server": revoked, "profile": ctx.store.profile(),
        }));
    }
    ctx.printer.say(if removed {
        "Signed out: the stored token is gone."
    } else {
        "No stored token for this profile."
    })?;
    if std::env::var_os("DEFENDABLE_TOKEN").is_some() {
        crate::output::note("note: DEFENDABLE_TOKEN is still set in your environment");
    }
    Ok(())
}

pub async fn server(ctx: &Ctx, cmd: ServerCommand) -> Result<(), CliError> {
    let client = ctx.anonymous()?;
    match cmd {
        ServerCommand::Info => {
            let info = client.service_info().send().answer(ctx).await?;
            if info.api_version != crate::operations::API_VERSION {
                crate::output::note(&format!(
                    "warning: the server speaks API {}, this CLI was built for API {}",
                    info.api_version,
                    crate::operations::API_VERSION
                ));
            }
            if ctx.printer.json {
                let commands: serde_json::Map<String, serde_json::Value> =
                    crate::operations::Operation::ALL
                        .iter()
                        .map(|op| {
                            (
                                op.id().to_string(),
                                crate::operations::command_for(*op).into(),
                            )
                        })
                        .collect();
                return ctx.printer.json(&serde_json::json!({
                    "server": info,
                    "cli": {"version": env!("CARGO_PKG_VERSION"), "api_version": crate::operations::API_VERSION,
                            "commands": commands},
                }));
            }
            ctx.printer.object(
                &info,
                vec![
                    ("service", info.service.clone()),
                    ("version", info.version.clone()),
                    ("api version", info.api_version.clone()),
                    ("server", ctx.base.clone()),
                    (
                        "cli built for API",
                        crate::operations::API_VERSION.to_string(),
                    ),
                ],
            )
        }
        ServerCommand::Keys => {
            let keys = client.signing_keys().send().answer(ctx).await?;
            let rows = keys
                .keys
                .iter()
                .map(|k| {
                    vec![
                        k.key_id.clone(),
                        k.status.clone(),
                        k.valid_from.clone(),
                        k.verifier.clone(),
                    ]
                })
                .collect();
            ctx.printer
                .list(&keys.keys, &["KEY", "STATUS", "SINCE", "VERIFIER"], rows)
        }
        ServerCommand::Health => {
            let health = client.healthz().send().answer(ctx).await?;
            ctx.printer.object(
                &health,
                vec![
                    ("ok", health.ok.to_string()),
                    ("database", format!("{} ({})", health.db, health.db_backend)),
                    ("storage", health.storage.to_string()),
                    ("version", health.version.clone()),
                ],
            )?;
            if health.ok {
                Ok(())
            } else {
                Err(CliError::other("the server reports it is unhealthy"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::token_of;

    #[test]
    fn tokens_come_from_links_or_bare_text() {
        assert_eq!(
            token_of("http://x/auth/callback?token=abc&x=1").as_deref(),
            Some("abc")
        );
        assert_eq!(token_of(" abc ").as_deref(), Some("abc"));
        assert_eq!(token_of("http://x/auth/callback"), None);
        assert_eq!(token_of("  "), None);
    }
}
