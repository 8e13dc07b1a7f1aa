//! `membership`, `admin` and `policy`: applying for and paying a membership,
//! reviewing applications, and the published training-data policy (whose hash
//! is recomputed here).

use std::io::Read as _;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use defendable_contract::canonical::{sha256_hex, value_to_canonical_vec};

use crate::api::{Answer as _, Ctx};
use crate::cli::{AdminApplicationsCommand, AdminCommand, MembershipCommand, PolicyCommand};
use crate::client::types;
use crate::commands::{interactive, wire};
use crate::error::CliError;
use crate::output::{note, opt};

fn membership_fields(m: &types::Membership) -> Vec<(&'static str, String)> {
    let mut fields = vec![("status", wire(&m.status))];
    if let Some(seat) = m.seat_number {
        fields.push(("seat", seat.to_string()));
    }
    if let Some(position) = m.waitlist_position {
        fields.push(("waitlist position", position.to_string()));
    }
    fields.extend([
        ("applied", opt(m.applied_at.as_deref())),
        ("approved", opt(m.approved_at.as_deref())),
        ("activated", opt(m.activated_at.as_deref())),
        ("renews", opt(m.renewal_at.as_deref())),
        (
            "company",
            opt(m.application.as_ref().map(|a| a.company_name.as_str())),
        ),
        (
            "active memberships",
            format!("{} of {}", m.active_count, m.cap),
        ),
    ]);
    fields
}

/// What to do next, for people reading a terminal.
fn next_step(status: &types::MembershipStatus) -> Option<&'static str> {
    match status {
        types::MembershipStatus::Pending => Some(
            "next: apply with `defendable membership apply` (or wait for an administrator to review it)",
        ),
        types::MembershipStatus::Waitlisted => {
            Some("the service is full; you keep your place on the waitlist")
        }
        types::MembershipStatus::Approved | types::MembershipStatus::Inactive => {
            Some("next: pay with `defendable membership checkout`")
        }
        types::MembershipStatus::Active => None,
    }
}

fn show(ctx: &Ctx, m: &types::Membership) -> Result<(), CliError> {
    ctx.printer.object(m, membership_fields(m))?;
    if ctx.printer.terminal && !ctx.printer.json {
        if let Some(hint) = next_step(&m.status) {
            note(hint);
        }
    }
    Ok(())
}

pub async fn membership(ctx: &Ctx, cmd: MembershipCommand) -> Result<(), CliError> {
    if let MembershipCommand::Approve {
        org_slug,
        internal_key,
    } = &cmd
    {
        let client = ctx.with_header("x-internal-key", internal_key)?;
        let m = client
            .membership_approve()
            .body(types::MembershipApproveIn {
                org_slug: org_slug.clone(),
            })
            .send()
            .answer(ctx)
            .await?;
        return show(ctx, &m);
    }
    let client = ctx.authed()?;
    match cmd {
        MembershipCommand::Status => {
            let m = client.membership_get().send().answer(ctx).await?;
            show(ctx, &m)
        }
        MembershipCommand::Apply {
            company,
            intended_use,
            referral_source,
        } => {
            let company_name = match company {
                Some(c) => c,
                None if interactive() => dialoguer::Input::<String>::new()
                    .with_prompt("Company name")
                    .interact_text()
                    .map_err(|e| CliError::other(format!("reading the company name: {e}")))?,
                None => {
                    return Err(CliError::usage(
                        "pass --company (no terminal to ask on); nothing was recorded",
                    ))
                }
            };
            let m = client
                .membership_apply()
                .body(types::MembershipApplicationIn {
                    company_name,
                    intended_use,
                    referral_source,
                })
                .send()
                .answer(ctx)
                .await?;
            show(ctx, &m)
        }
        MembershipCommand::Checkout { return_to, no_open } => {
            let out = client
                .membership_checkout()
                .body(types::MembershipCheckoutIn {
                    return_to_origin: return_to,
                })
                .send()
                .answer(ctx)
                .await?;
            let expires = chrono::DateTime::from_timestamp(out.expires_at, 0)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                .unwrap_or_else(|| out.expires_at.to_string());
            ctx.printer.object(
                &out,
                vec![
                    ("pay at", out.url.clone()),
                    ("session", out.session_id.clone()),
                    ("link expires", expires),
                ],
            )?;
            if !no_open && !ctx.printer.json && interactive() {
                let open = crate::prompt::confirm("Open the payment page in your browser?", true)
                    .unwrap_or(false);
                if open {
                    if let Err(e) = crate::browser::open(&out.url) {
                        note(&format!(
                            "could not open a browser ({e}); open the link above"
                        ));
                    }
                }
            }
            Ok(())
        }
        MembershipCommand::Approve { .. } => unreachable!("handled above"),
    }
}

pub async fn admin(ctx: &Ctx, cmd: AdminCommand) -> Result<(), CliError> {
    if let AdminCommand::StripeEvent {
        file,
        webhook_secret,
    } = &cmd
    {
        return stripe_event(ctx, file, webhook_secret).await;
    }
    let client = ctx.authed()?;
    match cmd {
        AdminCommand::Applications(AdminApplicationsCommand::Ls) => {
            let list = client.admin_applications().send().answer(ctx).await?;
            let rows = list
                .applications
                .iter()
                .map(|a| {
                    vec![
                        a.org_slug.clone(),
                        wire(&a.status),
                        opt(a.waitlist_position),
                        opt(a.company_name.as_deref()),
                        opt(a.applicant_email.as_deref()),
                        opt(a.applied_at.as_deref()),
                    ]
                })
                .collect();
            ctx.printer.list(
                &list,
                &[
                    "org",
                    "status",
                    "waitlist",
                    "company",
                    "applicant",
                    "applied",
                ],
                rows,
            )
        }
        AdminCommand::Applications(AdminApplicationsCommand::Approve { slug }) => {
            let m = client
                .admin_application_approve()
                .slug(&slug)
                .send()
                .answer(ctx)
                .await?;
            ctx.printer.object(&m, membership_fields(&m))
        }
        AdminCommand::Health => {
            let h = client.admin_health().send().answer(ctx).await?;
            ctx.printer.object(
                &h,
                vec![("admin", h.admin_email.clone()), ("ok", h.ok.to_string())],
            )
        }
        AdminCommand::StripeEvent { .. } => unreachable!("handled above"),
    }
}

/// Signs an event file as Stripe does and posts it to the webhook.
async fn stripe_event(ctx: &Ctx, file: &std::path::Path, secret: &str) -> Result<(), CliError> {
    let mut payload = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut payload)
            .map_err(|e| CliError::other(format!("reading stdin: {e}")))?;
    } else {
        payload = std::fs::read(file)
            .map_err(|e| CliError::other(format!("reading {}: {e}", file.display())))?;
    }
    serde_json::from_slice::<serde_json::Value>(&payload)
        .map_err(|e| CliError::usage(format!("{} is not JSON: {e}", file.display())))?;
    let t = chrono::Utc::now().timestamp();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .map_err(|_| CliError::usage("the webhook secret is not usable"))?;
    mac.update(format!("{t}.").as_bytes());
    mac.update(&payload);
    let signature = format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()));
    let client = ctx.with_header("stripe-signature", &signature)?;
    let result = client
        .stripe_webhook()
        .body(payload)
        .send()
        .answer(ctx)
        .await?;
    ctx.printer.object(
        &result,
        vec![
            ("outcome", result.outcome.clone()),
            ("activated", result.activated.to_string()),
            ("duplicate event", result.duplicate_event.to_string()),
            ("same payment seen before", result.idempotent.to_string()),
            ("org", opt(result.org_id.as_deref())),
            ("seat", opt(result.seat_number)),
        ],
    )
}

pub async fn policy(ctx: &Ctx, cmd: PolicyCommand) -> Result<(), CliError> {
    match cmd {
        PolicyCommand::TrainingData => {
            let client = ctx.anonymous()?;
            let policy = client.policy_training_data().send().answer(ctx).await?;
            let mut value = serde_json::to_value(&policy)
                .map_err(|e| CliError::other(format!("reading the policy: {e}")))?;
            if let Some(map) = value.as_object_mut() {
                map.remove("sha256");
            }
            let recomputed = sha256_hex(&value_to_canonical_vec(&value));
            let matches = recomputed == policy.sha256;
            if ctx.printer.json {
                ctx.printer.json(&policy)?;
            } else {
                let list = |items: &[String]| {
                    items
                        .iter()
                        .map(|i| format!("  - {i}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                crate::output::line(&format!(
                    "Training-data policy {} (effective {})\n\n{}\n\nWe learn from:\n{}\n\nWe don't learn from:\n{}\n\nEnforcement:\n{}\n\nsha256 {} ({})",
                    policy.version,
                    policy.effective_at,
                    policy.statement,
                    list(&policy.we_learn_from),
                    list(&policy.we_dont_learn_from),
                    list(&policy.enforcement),
                    policy.sha256,
                    if matches { "recomputed here: matches" } else { "recomputed here: DOES NOT MATCH" }
                ))?;
            }
            if matches {
                Ok(())
            } else {
                Err(CliError::verification(format!(
                    "the policy's sha256 does not match its content (recomputed {recomputed})"
                )))
            }
        }
    }
}
