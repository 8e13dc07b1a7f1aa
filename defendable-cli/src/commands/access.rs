//! `org`, `keys`, `members` and `invites`: the organisation and who may act in it.

use crate::api::{Answer as _, Ctx};
use crate::cli::{InvitesCommand, KeysCommand, MembersCommand, OrgCommand, RoleArg, ScopeArg};
use crate::client::types;
use crate::commands::{interactive, wire};
use crate::error::CliError;
use crate::output::{note, opt};

fn role(arg: RoleArg) -> types::Role {
    match arg {
        RoleArg::Owner => types::Role::Owner,
        RoleArg::Member => types::Role::Member,
    }
}

pub async fn org(ctx: &Ctx, cmd: OrgCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        OrgCommand::Show => {
            let org = client.org_get().send().answer(ctx).await?;
            ctx.printer.object(
                &org,
                vec![
                    ("name", org.name.clone()),
                    ("id", org.id.clone()),
                    ("plan", wire(&org.plan)),
                    ("members", org.member_count.to_string()),
                    ("receipts", org.receipt_count.to_string()),
                ],
            )
        }
        OrgCommand::Usage => {
            let usage = client.org_usage().send().answer(ctx).await?;
            ctx.printer.object(
                &usage,
                vec![
                    ("receipts (lifetime)", usage.receipts_lifetime.to_string()),
                    (
                        "receipts (this month)",
                        usage.receipts_this_month.to_string(),
                    ),
                    ("next chain position", usage.org_seq.to_string()),
                    ("earned lanes", usage.earned_lanes.to_string()),
                ],
            )
        }
        OrgCommand::Settings {
            require_distinct_approver,
        } => {
            let settings = match require_distinct_approver {
                Some(on) => {
                    client
                        .org_settings_set()
                        .body(types::OrgSettings {
                            require_distinct_approver: on,
                        })
                        .send()
                        .answer(ctx)
                        .await?
                }
                None => client.org_settings_get().send().answer(ctx).await?,
            };
            ctx.printer.object(
                &settings,
                vec![(
                    "require distinct approver",
                    settings.require_distinct_approver.to_string(),
                )],
            )
        }
    }
}

fn key_rows(keys: &[types::ApiKey]) -> Vec<Vec<String>> {
    keys.iter()
        .map(|k| {
            vec![
                k.id.clone(),
                k.name.clone(),
                k.key_prefix.clone(),
                k.scopes.iter().map(wire).collect::<Vec<_>>().join(","),
                if k.revoked { "revoked" } else { "active" }.to_string(),
                opt(k.last_used_at.as_deref()),
                opt(k.expires_at.as_deref()),
            ]
        })
        .collect()
}

pub async fn keys(ctx: &Ctx, cmd: KeysCommand) -> Result<(), CliError> {
    if let KeysCommand::Trust { file_or_url, yes } = &cmd {
        return trust(ctx, file_or_url, *yes).await;
    }
    let client = ctx.authed()?;
    match cmd {
        KeysCommand::Create {
            name,
            scopes,
            expires_in_days,
        } => {
            let scopes = (!scopes.is_empty()).then(|| {
                scopes
                    .iter()
                    .map(|s| match s {
                        ScopeArg::Read => types::ApiScope::Read,
                        ScopeArg::RunsWrite => types::ApiScope::RunsWrite,
                        ScopeArg::Approve => types::ApiScope::Approve,
                    })
                    .collect()
            });
            let key = client
                .api_keys_create()
                .body(types::ApiKeyIn {
                    name,
                    scopes,
                    expires_in_days,
                })
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &key,
                vec![
                    ("id", key.id.clone()),
                    ("name", key.name.clone()),
                    (
                        "scopes",
                        key.scopes.iter().map(wire).collect::<Vec<_>>().join(","),
                    ),
                    ("expires", opt(key.expires_at.as_deref())),
                    ("secret", key.secret.clone()),
                ],
            )?;
            if !ctx.printer.json {
                note(
                    "The secret is shown only now. In CI, store it as the secret DEFENDABLE_TOKEN.",
                );
            }
            Ok(())
        }
        KeysCommand::Ls => {
            let list = client.api_keys_list().send().answer(ctx).await?;
            let rows = key_rows(&list.api_keys);
            ctx.printer.list(
                &list.api_keys,
                &[
                    "ID",
                    "NAME",
                    "PREFIX",
                    "SCOPES",
                    "STATE",
                    "LAST USED",
                    "EXPIRES",
                ],
                rows,
            )
        }
        KeysCommand::Trust { .. } => unreachable!("handled before signing in"),
        KeysCommand::Revoke { key_id } => {
            let key = client
                .api_keys_revoke()
                .key_id(key_id)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &key,
                vec![
                    ("id", key.id.clone()),
                    ("name", key.name.clone()),
                    ("revoked", key.revoked.to_string()),
                ],
            )
        }
    }
}

fn member_fields(m: &types::OrgMember) -> Vec<(&'static str, String)> {
    vec![
        ("id", m.id.clone()),
        ("email", m.email.clone()),
        ("role", wire(&m.role)),
    ]
}

pub async fn members(ctx: &Ctx, cmd: MembersCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        MembersCommand::Ls => {
            let list = client.members_list().send().answer(ctx).await?;
            let rows = list
                .members
                .iter()
                .map(|m| {
                    vec![
                        m.id.clone(),
                        m.email.clone(),
                        wire(&m.role),
                        m.created_at.clone(),
                    ]
                })
                .collect();
            ctx.printer
                .list(&list.members, &["ID", "EMAIL", "ROLE", "SINCE"], rows)
        }
        MembersCommand::SetRole { user_id, role: r } => {
            let member = client
                .members_set_role()
                .user_id(user_id)
                .body(types::OrgMemberRoleUpdate { role: role(r) })
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(&member, member_fields(&member))
        }
        MembersCommand::Rm { user_id, yes } => {
            if !yes && interactive() {
                let confirmed = dialoguer::Confirm::new()
                    .with_prompt(format!(
                        "Remove member {user_id}? Their sessions stop working."
                    ))
                    .default(false)
                    .interact()
                    .map_err(|e| CliError::other(format!("reading the answer: {e}")))?;
                if !confirmed {
                    return Err(CliError::other("cancelled; nothing was changed"));
                }
            }
            let member = client
                .members_remove()
                .user_id(user_id)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(&member, member_fields(&member))
        }
    }
}

pub async fn invites(ctx: &Ctx, cmd: InvitesCommand) -> Result<(), CliError> {
    let client = ctx.authed()?;
    match cmd {
        InvitesCommand::Create { email, role: r } => {
            let invite = client
                .invites_create()
                .body(types::OrgInviteIn {
                    email,
                    role: Some(role(r)),
                })
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(
                &invite,
                vec![
                    ("email", invite.email.clone()),
                    ("role", wire(&invite.role)),
                    ("expires", invite.expires_at.clone()),
                    ("link", invite.invite_url.clone()),
                ],
            )?;
            if !ctx.printer.json {
                note("Send the link; it works once. They can also run `defendable auth accept-invite <link>`.");
            }
            Ok(())
        }
        InvitesCommand::Ls => {
            let list = client.invites_list().send().answer(ctx).await?;
            let rows = list
                .invites
                .iter()
                .map(|i| {
                    vec![
                        i.id.clone(),
                        i.email.clone(),
                        wire(&i.role),
                        opt(i.accepted_at.as_deref()),
                        i.expires_at.clone(),
                    ]
                })
                .collect();
            ctx.printer.list(
                &list.invites,
                &["ID", "EMAIL", "ROLE", "ACCEPTED", "EXPIRES"],
                rows,
            )
        }
    }
}

/// `keys trust URL|FILE`: a server URL pins its published keys for that server
/// (shown, and confirmed on a terminal); a saved keys document or a key file trusts
/// its keys for any server.
async fn trust(ctx: &Ctx, file_or_url: &str, yes: bool) -> Result<(), CliError> {
    let is_url = file_or_url.starts_with("http://") || file_or_url.starts_with("https://");
    let (keys, origin) = if is_url {
        let base = file_or_url.trim_end_matches('/');
        let base = base
            .strip_suffix("/.well-known/defendable-keys")
            .unwrap_or(base)
            .to_string();
        let published = crate::trust::server_keys(&base)
            .await?
            .ok_or_else(|| CliError::other(format!("{base} publishes no signing keys")))?;
        let text = serde_json::json!({ "keys": published }).to_string();
        let keys =
            crate::trust::parse_keys(&text).map_err(|e| CliError::other(format!("{base}: {e}")))?;
        // Trust on first use: show what is about to be trusted.
        if !yes && interactive() {
            let listed: Vec<String> = keys
                .iter()
                .map(|k| format!("  {} {k}", defendable_contract::transparency::key_id(k)))
                .collect();
            let confirmed = dialoguer::Confirm::new()
                .with_prompt(format!(
                    "Pin these receipt-signing keys for {base}?\n{}",
                    listed.join("\n")
                ))
                .default(false)
                .interact()
                .map_err(|e| CliError::other(format!("reading the answer: {e}")))?;
            if !confirmed {
                return Err(CliError::other("cancelled; nothing was trusted"));
            }
        }
        (keys, Some(base))
    } else {
        (
            crate::trust::read_key_file(std::path::Path::new(file_or_url))?,
            None,
        )
    };
    let mut trusted = Vec::new();
    for key in &keys {
        let text = key.to_string();
        let added = match &origin {
            Some(base) => ctx.store.pin_key(base, &text)?,
            None => ctx.store.trust_key(&text)?,
        };
        trusted.push((defendable_contract::transparency::key_id(key), text, added));
    }
    let source = origin.clone().unwrap_or_else(|| file_or_url.to_string());
    if ctx.printer.json {
        let first = &trusted[0];
        return ctx.printer.json(&serde_json::json!({
            "key_id": first.0, "verifier": first.1, "source": source, "added": first.2,
            "pinned_for": origin,
            "keys": trusted.iter().map(|(id, verifier, added)| serde_json::json!({
                "key_id": id, "verifier": verifier, "added": added})).collect::<Vec<_>>(),
        }));
    }
    for (key_id, _, added) in &trusted {
        ctx.printer.say(&format!(
            "{} {key_id} (from {source}){}.",
            if *added {
                "Trusting"
            } else {
                "Already trusting"
            },
            origin
                .as_ref()
                .map_or(String::new(), |o| format!(", pinned for {o}"))
        ))?;
    }
    Ok(())
}
