//! Paging of list commands: every `ls` takes `--limit`, `--cursor` and `--all`, walks
//! the server's pages the same way, and says on stderr when more is left.

use std::future::Future;

use clap::Args;
use serde::Serialize;

use crate::api::Ctx;
use crate::error::CliError;
use crate::ids;
use crate::output::{line, note};

/// The paging flags of a list command.
#[derive(Clone, Debug, Default, Args)]
pub struct PageArgs {
    /// How many at most on one page (a server caps it at its largest page).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(1..))]
    pub limit: Option<i64>,
    /// Start after the page that printed this cursor.
    #[arg(long, conflicts_with = "all")]
    pub cursor: Option<String>,
    /// Every page to the end of the list (rows are printed as the pages arrive).
    #[arg(long)]
    pub all: bool,
}

/// One page as a server returned it.
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor of the next page; none on the last one.
    pub next: Option<String>,
}

/// How a list is shown: its table columns and the JSON document of `--json`.
pub struct Listing<'a, T, J> {
    /// The table's column headers; the first column holds ids when `ids` is set.
    pub headers: &'a [&'a str],
    pub row: fn(&T) -> Vec<String>,
    /// The first column holds ids, shown as their shortest unambiguous prefix on a
    /// terminal.
    pub ids: bool,
    /// The `--json` document of the items shown and the cursor left.
    pub json: fn(Vec<T>, Option<String>) -> J,
}

/// Fetches the pages `args` ask for with `fetch(cursor)` and prints them. Without
/// `--all`, one page is printed and, when the list goes on, stderr says how to get
/// the rest.
pub async fn list<T, J, F, Fut>(
    ctx: &Ctx,
    args: &PageArgs,
    listing: Listing<'_, T, J>,
    mut fetch: F,
) -> Result<(), CliError>
where
    J: Serialize,
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Page<T>, CliError>>,
{
    // Piped text is written page by page; tables and JSON need the whole list.
    let stream = args.all && !ctx.printer.json && !ctx.printer.terminal;
    let mut items = Vec::new();
    let mut cursor = args.cursor.clone();
    loop {
        let page = fetch(cursor.take()).await?;
        if stream {
            for item in &page.items {
                line(&(listing.row)(item).join("\t"))?;
            }
        } else {
            items.extend(page.items);
        }
        match page.next {
            Some(next) if args.all => cursor = Some(next),
            next => {
                cursor = next;
                break;
            }
        }
    }
    if stream {
        return Ok(());
    }
    let shown = items.len();
    let mut rows: Vec<Vec<String>> = items.iter().map(listing.row).collect();
    if listing.ids && ctx.printer.terminal && !ctx.printer.json {
        ids::shorten_column(&mut rows, 0);
    }
    ctx.printer.list(
        &(listing.json)(items, cursor.clone()),
        listing.headers,
        rows,
    )?;
    if let Some(next) = cursor {
        note(&format!(
            "{shown} shown and more left: add --cursor {next} for the next page, or --all for every page"
        ));
    }
    Ok(())
}

/// Walks every page and returns every item (for resolving ids and completing them).
pub async fn every<T, F, Fut>(mut fetch: F) -> Result<Vec<T>, CliError>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Page<T>, CliError>>,
{
    let mut items = Vec::new();
    let mut cursor = None;
    loop {
        let page = fetch(cursor.take()).await?;
        items.extend(page.items);
        match page.next {
            Some(next) => cursor = Some(next),
            None => return Ok(items),
        }
    }
}
