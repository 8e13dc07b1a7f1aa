//! Names typed on the command line, checked against the server's lists: unique id
//! prefixes, "not found" errors that name the list command, "did you mean" for
//! slugs, and the candidates shell completion offers (value, description).

use crate::api::{Answer as _, Ctx};
use crate::client::Client;
use crate::commands::wire;
use crate::error::CliError;
use crate::ids::{self, Kind};
use crate::paging::{every, Page};

/// An id or slug with what it is, as completion shows it.
pub type Candidate = (String, String);

/// Every run of the organisation: (id, "title · status").
pub async fn runs(ctx: &Ctx, client: &Client) -> Result<Vec<Candidate>, CliError> {
    let all = every(|cursor| {
        let mut request = client.runs_list().limit(200);
        if let Some(cursor) = cursor {
            request = request.cursor(cursor);
        }
        async move {
            let list = request.send().answer(ctx).await?;
            Ok(Page {
                items: list.runs,
                next: list.next_cursor,
            })
        }
    })
    .await?;
    Ok(all
        .into_iter()
        .map(|r| (r.id, format!("{} · {}", r.title, r.status)))
        .collect())
}

/// Every project: (id, name).
pub async fn projects(ctx: &Ctx, client: &Client) -> Result<Vec<Candidate>, CliError> {
    let list = client.projects_list().send().answer(ctx).await?;
    Ok(list
        .projects
        .into_iter()
        .map(|p| (p.id, format!("{} ({} runs)", p.name, p.run_count)))
        .collect())
}

/// Every cook: (id, "status · base model").
pub async fn cooks(ctx: &Ctx, client: &Client) -> Result<Vec<Candidate>, CliError> {
    let all = every(|cursor| {
        let mut request = client.cooks_list();
        if let Some(cursor) = cursor {
            request = request.cursor(cursor);
        }
        async move {
            let list = request.send().answer(ctx).await?;
            Ok(Page {
                items: list.cooks,
                next: list.next_cursor,
            })
        }
    })
    .await?;
    Ok(all
        .into_iter()
        .map(|c| (c.id, format!("{} · {}", wire(&c.status), c.base_model)))
        .collect())
}

/// Every active agent profile: (id, name).
pub async fn agents(ctx: &Ctx, client: &Client) -> Result<Vec<Candidate>, CliError> {
    let all = every(|cursor| {
        let mut request = client.agent_profiles_list();
        if let Some(cursor) = cursor {
            request = request.cursor(cursor);
        }
        async move {
            let list = request.send().answer(ctx).await?;
            Ok(Page {
                items: list.agent_profiles,
                next: list.next_cursor,
            })
        }
    })
    .await?;
    Ok(all.into_iter().map(|p| (p.id, p.name)).collect())
}

/// The active flight sheets: (slug, name).
pub async fn flight_sheets(ctx: &Ctx, client: &Client) -> Result<Vec<Candidate>, CliError> {
    let list = client.flight_sheets_list().send().answer(ctx).await?;
    Ok(list
        .flight_sheets
        .into_iter()
        .map(|s| (s.slug, format!("{} ({})", s.name, wire(&s.lane))))
        .collect())
}

/// The dataset packages: (slug, name).
pub async fn datasets(ctx: &Ctx, client: &Client) -> Result<Vec<Candidate>, CliError> {
    let catalog = client.datasets_catalog().send().answer(ctx).await?;
    Ok(catalog
        .packages
        .into_iter()
        .map(|p| (p.slug, p.name))
        .collect())
}

/// The model cards: (slug, name).
pub async fn models(ctx: &Ctx, client: &Client) -> Result<Vec<Candidate>, CliError> {
    let catalog = client.models_catalog().send().answer(ctx).await?;
    Ok(catalog
        .models
        .into_iter()
        .map(|m| (m.slug, m.name))
        .collect())
}

/// The id a whole id or unique prefix stands for. A whole id is used as given (no
/// extra request); either way a later "not found" names it and its list command.
async fn resolve<F>(ctx: &Ctx, kind: Kind, given: &str, list: F) -> Result<String, CliError>
where
    F: std::future::Future<Output = Result<Vec<Candidate>, CliError>>,
{
    let given = given.trim();
    ctx.about(kind, given);
    if ids::is_full(given) {
        return Ok(given.to_string());
    }
    let id = ids::pick(&kind, given, &list.await?, |c| ctx.hint(c))?;
    ctx.about(kind, &id);
    Ok(id)
}

pub async fn run_id(ctx: &Ctx, client: &Client, given: &str) -> Result<String, CliError> {
    resolve(ctx, ids::RUN, given, runs(ctx, client)).await
}

pub async fn project_id(ctx: &Ctx, client: &Client, given: &str) -> Result<String, CliError> {
    resolve(ctx, ids::PROJECT, given, projects(ctx, client)).await
}

pub async fn cook_id(ctx: &Ctx, client: &Client, given: &str) -> Result<String, CliError> {
    resolve(ctx, ids::COOK, given, cooks(ctx, client)).await
}

pub async fn agent_id(ctx: &Ctx, client: &Client, given: &str) -> Result<String, CliError> {
    resolve(ctx, ids::AGENT, given, agents(ctx, client)).await
}

/// Adds "did you mean" and the list command to a server's "flight sheet not found".
pub async fn explain_flight_sheet(
    ctx: &Ctx,
    client: &Client,
    given: &str,
    error: CliError,
) -> CliError {
    explain_slug(
        ctx,
        given,
        error,
        "flight sheet",
        "flight-sheets ls",
        || flight_sheets(ctx, client),
    )
    .await
}

/// A 404 about a slug (whose message starts with `noun`) gets the nearest valid
/// slug and the command listing them; other errors pass unchanged.
async fn explain_slug<F, Fut>(
    ctx: &Ctx,
    given: &str,
    mut error: CliError,
    noun: &str,
    list_command: &str,
    list: F,
) -> CliError
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Vec<Candidate>, CliError>>,
{
    if error.status != Some(404) || !error.message.starts_with(noun) {
        return error;
    }
    let suggestion = match list().await {
        Ok(all) => crate::suggest::did_you_mean(given, all.iter().map(|(slug, _)| slug.as_str())),
        Err(_) => String::new(),
    };
    error.message = format!(
        "{}{suggestion}; {} lists them",
        error.message,
        ctx.hint(list_command)
    );
    error
}
