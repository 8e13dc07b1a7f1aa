//! The dataset and model catalogs: read once at start from `DEFENDABLE_CATALOGS`
//! (or the sample catalogs built into the binary), checked, and turned into the
//! public views the API returns, with hashes anyone can recompute from those
//! views (canonical JSON v1). Internal fields (prices, weights locations, hourly
//! rates) are read here and never leave this module; the source path of each
//! package file only reaches the operator's staging surface.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use serde::Deserialize;
use serde_json::Value;

use defendable_contract::canonical::{sha256_hex, to_canonical_vec};
use defendable_contract::schemas::{
    DatasetCatalog, DatasetCatalogAnchor, DatasetCatalogScorecard, DatasetCatalogVertical,
    DatasetPackage, ModelCard, ModelCatalog, ModelCatalogScorecard,
};

const BUILTIN_DATASETS: &str = include_str!("../catalogs/datasets_v1.json");
const BUILTIN_MODELS: &str = include_str!("../catalogs/models_v1.json");

/// The package files of the built-in sample catalog, by source path.
const BUILTIN_FILES: &[(&str, &[u8])] = &[
    (
        "samples/claims-adjudication-errors.jsonl",
        include_bytes!("../catalogs/samples/claims-adjudication-errors.jsonl"),
    ),
    (
        "samples/contract-clause-review.jsonl",
        include_bytes!("../catalogs/samples/contract-clause-review.jsonl"),
    ),
    (
        "samples/credit-memo-failures.jsonl",
        include_bytes!("../catalogs/samples/credit-memo-failures.jsonl"),
    ),
    (
        "samples/discharge-summary-checks.jsonl",
        include_bytes!("../catalogs/samples/discharge-summary-checks.jsonl"),
    ),
    (
        "samples/dosage-calculation-checks.jsonl",
        include_bytes!("../catalogs/samples/dosage-calculation-checks.jsonl"),
    ),
    (
        "samples/grant-budget-compliance.jsonl",
        include_bytes!("../catalogs/samples/grant-budget-compliance.jsonl"),
    ),
    (
        "samples/grant-narrative-review.jsonl",
        include_bytes!("../catalogs/samples/grant-narrative-review.jsonl"),
    ),
    (
        "samples/lease-abstract-gaps.jsonl",
        include_bytes!("../catalogs/samples/lease-abstract-gaps.jsonl"),
    ),
    (
        "samples/loan-covenant-checks.jsonl",
        include_bytes!("../catalogs/samples/loan-covenant-checks.jsonl"),
    ),
    (
        "samples/maintenance-log-review.jsonl",
        include_bytes!("../catalogs/samples/maintenance-log-review.jsonl"),
    ),
    (
        "samples/procurement-threshold-checks.jsonl",
        include_bytes!("../catalogs/samples/procurement-threshold-checks.jsonl"),
    ),
    (
        "samples/record-citation-checks.jsonl",
        include_bytes!("../catalogs/samples/record-citation-checks.jsonl"),
    ),
    (
        "samples/refund-policy-replies.jsonl",
        include_bytes!("../catalogs/samples/refund-policy-replies.jsonl"),
    ),
    (
        "samples/rent-roll-reconciliation.jsonl",
        include_bytes!("../catalogs/samples/rent-roll-reconciliation.jsonl"),
    ),
    (
        "samples/trade-confirmation-breaks.jsonl",
        include_bytes!("../catalogs/samples/trade-confirmation-breaks.jsonl"),
    ),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDatasets {
    version: String,
    generated_at: String,
    filter_version: String,
    anchor: DatasetCatalogAnchor,
    packages: Vec<RawPackage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPackage {
    slug: String,
    name: String,
    vertical: String,
    tier: String,
    pkg_class: String,
    pairs: i64,
    deed: String,
    description: String,
    /// Internal: never returned.
    #[allow(dead_code)]
    internal_usd: Option<f64>,
    source_path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModels {
    version: String,
    generated_at: String,
    scope: String,
    doctrine_note: String,
    models: Vec<RawModel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    slug: String,
    name: String,
    family: String,
    base: String,
    base_license: String,
    params_b: f64,
    context_window: i64,
    purpose: String,
    trained_on: Vec<String>,
    eval_notes: String,
    compute_class: String,
    status: String,
    deed: Option<String>,
    /// Internal: never returned.
    #[allow(dead_code)]
    weights_location: Option<String>,
    /// Internal: never returned.
    #[allow(dead_code)]
    default_rate_usd_per_hour: Option<f64>,
}

/// Where a package's file comes from and where it lives in the blob store.
#[derive(Clone, Debug)]
pub struct PackageFile {
    pub slug: String,
    /// As written in the catalog (relative to the catalog directory).
    pub source_path: String,
    /// The blob store key: `datasets/<slug>/<file name>`.
    pub key: String,
    /// The file on disk (catalog directory) or built in, when it ships with the catalog.
    source: Source,
}

#[derive(Clone, Debug)]
enum Source {
    Builtin(&'static [u8]),
    Disk(PathBuf),
    /// Not shipped: the operator stages it into the blob store.
    Missing,
}

impl PackageFile {
    /// The file's bytes when they ship with the catalog.
    pub async fn shipped_bytes(&self) -> std::io::Result<Option<Vec<u8>>> {
        match &self.source {
            Source::Builtin(bytes) => Ok(Some(bytes.to_vec())),
            Source::Disk(path) => tokio::fs::read(path).await.map(Some),
            Source::Missing => Ok(None),
        }
    }
}

/// Both catalogs, checked and ready to serve.
#[derive(Debug)]
pub struct Catalogs {
    pub datasets: DatasetCatalog,
    pub models: ModelCatalog,
    pub files: BTreeMap<String, PackageFile>,
}

const TIERS: [&str; 2] = ["core", "pro"];
const CLASSES: [&str; 3] = ["sft", "eval", "preference"];
const DEEDS: [&str; 2] = ["none", "anchored_local"];
const COMPUTE: [&str; 4] = ["edge", "workhorse", "senior", "anchor"];
const STATUSES: [&str; 2] = ["active", "retired"];

fn valid_slug(slug: &str) -> bool {
    (1..=80).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
}

/// SHA-256 (hex) of the canonical JSON of a serialisable value.
pub fn canonical_sha256<T: serde::Serialize>(value: &T) -> String {
    let bytes = to_canonical_vec(value).expect("catalog values are canonicalisable");
    sha256_hex(&bytes)
}

impl Catalogs {
    /// The sample catalogs built into the binary.
    pub fn builtin() -> anyhow::Result<Catalogs> {
        Self::build(BUILTIN_DATASETS, BUILTIN_MODELS, None).context("the built-in sample catalogs")
    }

    /// `datasets_v1.json` and `models_v1.json` from `dir`, whose package files
    /// are named by each package's `source_path` (relative to `dir`).
    pub fn from_dir(dir: &Path) -> anyhow::Result<Catalogs> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name))
                .with_context(|| format!("reading {}", dir.join(name).display()))
        };
        Self::build(
            &read("datasets_v1.json")?,
            &read("models_v1.json")?,
            Some(dir),
        )
        .with_context(|| format!("the catalogs in {}", dir.display()))
    }

    fn build(datasets: &str, models: &str, dir: Option<&Path>) -> anyhow::Result<Catalogs> {
        let raw: RawDatasets = serde_json::from_str(datasets).context("datasets_v1.json")?;
        let raw_models: RawModels = serde_json::from_str(models).context("models_v1.json")?;
        let mut seen = HashSet::new();
        let mut packages = Vec::new();
        let mut files = BTreeMap::new();
        for p in raw.packages {
            let slug = p.slug.clone();
            if !valid_slug(&slug) || !seen.insert(slug.clone()) {
                bail!("package slug {slug:?} is invalid or repeated");
            }
            if !TIERS.contains(&p.tier.as_str()) {
                bail!("package {slug}: tier must be one of {TIERS:?}");
            }
            if !CLASSES.contains(&p.pkg_class.as_str()) {
                bail!("package {slug}: pkg_class must be one of {CLASSES:?}");
            }
            if !DEEDS.contains(&p.deed.as_str()) {
                bail!("package {slug}: deed must be one of {DEEDS:?}");
            }
            if p.pairs < 0 || p.name.trim().is_empty() || p.vertical.trim().is_empty() {
                bail!("package {slug}: name, vertical and a non-negative pairs are required");
            }
            let file_name = p.source_path.rsplit('/').next().unwrap_or("");
            if p.source_path
                .split('/')
                .any(|part| part.is_empty() || part == "." || part == "..")
                || !file_name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            {
                bail!("package {slug}: source_path must be a plain relative path");
            }
            let source = match dir {
                None => BUILTIN_FILES
                    .iter()
                    .find(|(path, _)| *path == p.source_path)
                    .map_or(Source::Missing, |(_, bytes)| Source::Builtin(bytes)),
                Some(dir) => {
                    let path = dir.join(&p.source_path);
                    if path.is_file() {
                        Source::Disk(path)
                    } else {
                        Source::Missing
                    }
                }
            };
            files.insert(
                slug.clone(),
                PackageFile {
                    slug: slug.clone(),
                    source_path: p.source_path.clone(),
                    key: format!("datasets/{slug}/{file_name}"),
                    source,
                },
            );
            packages.push(DatasetPackage {
                deed_anchored: p.deed != "none",
                slug,
                name: p.name,
                vertical: p.vertical,
                tier: p.tier,
                pkg_class: p.pkg_class,
                pairs: p.pairs,
                deed: p.deed,
                description: p.description,
            });
        }
        let mut verticals: BTreeMap<String, DatasetCatalogVertical> = BTreeMap::new();
        for p in &packages {
            let v = verticals
                .entry(p.vertical.clone())
                .or_insert(DatasetCatalogVertical {
                    packages: 0,
                    pairs: 0,
                });
            v.packages += 1;
            v.pairs += p.pairs;
        }
        let mut datasets = DatasetCatalog {
            version: raw.version,
            generated_at: raw.generated_at,
            filter_version: raw.filter_version,
            anchor: raw.anchor,
            scorecard: DatasetCatalogScorecard {
                total_packages: packages.len() as i64,
                total_pairs: packages.iter().map(|p| p.pairs).sum(),
                deed_anchored: packages.iter().filter(|p| p.deed_anchored).count() as i64,
            },
            verticals,
            packages_sha256: canonical_sha256(&packages),
            packages,
            catalog_sha256: String::new(),
        };
        datasets.catalog_sha256 = catalog_hash(&datasets);

        let mut model_slugs = HashSet::new();
        let mut cards = Vec::new();
        for m in raw_models.models {
            if !valid_slug(&m.slug) || !model_slugs.insert(m.slug.clone()) {
                bail!("model slug {:?} is invalid or repeated", m.slug);
            }
            if !COMPUTE.contains(&m.compute_class.as_str())
                || !STATUSES.contains(&m.status.as_str())
            {
                bail!(
                    "model {}: compute_class or status is not one of {COMPUTE:?} / {STATUSES:?}",
                    m.slug
                );
            }
            if !(m.params_b.is_finite() && m.params_b > 0.0) || m.context_window < 1 {
                bail!(
                    "model {}: params_b and context_window must be positive",
                    m.slug
                );
            }
            if let Some(unknown) = m.trained_on.iter().find(|s| !seen.contains(*s)) {
                bail!(
                    "model {}: trained_on names an unknown package {unknown}",
                    m.slug
                );
            }
            let mut card = ModelCard {
                slug: m.slug,
                name: m.name,
                family: m.family,
                base: m.base,
                base_license: m.base_license,
                params_b: m.params_b,
                context_window: m.context_window,
                purpose: m.purpose,
                trained_on: m.trained_on,
                eval_notes: m.eval_notes,
                compute_class: m.compute_class,
                status: m.status,
                deed: m.deed,
                card_sha256: String::new(),
            };
            card.card_sha256 = card_hash(&card);
            cards.push(card);
        }
        cards.sort_by(|a, b| a.slug.cmp(&b.slug));
        let models = ModelCatalog {
            version: raw_models.version,
            generated_at: raw_models.generated_at,
            scope: raw_models.scope,
            doctrine_note: raw_models.doctrine_note,
            models_sha256: canonical_sha256(&cards),
            scorecard: ModelCatalogScorecard {
                total_models: cards.len() as i64,
                in_house_models: cards.iter().filter(|c| c.family == "in-house").count() as i64,
                active_models: cards.iter().filter(|c| c.status == "active").count() as i64,
            },
            models: cards,
        };
        Ok(Catalogs {
            datasets,
            models,
            files,
        })
    }

    pub fn package(&self, slug: &str) -> Option<&DatasetPackage> {
        self.datasets.packages.iter().find(|p| p.slug == slug)
    }

    pub fn file(&self, slug: &str) -> Option<&PackageFile> {
        self.files.get(slug)
    }

    pub fn model(&self, slug: &str) -> Option<&ModelCard> {
        self.models.models.iter().find(|m| m.slug == slug)
    }
}

/// `catalog_sha256`: the catalog without that field.
pub fn catalog_hash(catalog: &DatasetCatalog) -> String {
    let mut value = serde_json::to_value(catalog).expect("the catalog serialises");
    if let Value::Object(map) = &mut value {
        map.remove("catalog_sha256");
    }
    canonical_sha256(&value)
}

/// `card_sha256`: the card without that field.
pub fn card_hash(card: &ModelCard) -> String {
    let mut value = serde_json::to_value(card).expect("the card serialises");
    if let Value::Object(map) = &mut value {
        map.remove("card_sha256");
    }
    canonical_sha256(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_catalogs_load_and_their_hashes_recompute() {
        let c = Catalogs::builtin().unwrap();
        assert!(c.datasets.packages.len() >= 12);
        assert!(c.models.models.len() >= 4);
        let verticals: HashSet<_> = c.datasets.packages.iter().map(|p| &p.vertical).collect();
        assert!(verticals.len() >= 5);
        assert_eq!(
            c.datasets.packages_sha256,
            canonical_sha256(&c.datasets.packages)
        );
        assert_eq!(c.datasets.catalog_sha256, catalog_hash(&c.datasets));
        for card in &c.models.models {
            assert_eq!(card.card_sha256, card_hash(card));
        }
        // Every shipped package file has exactly `pairs` JSON lines.
        for p in &c.datasets.packages {
            let Source::Builtin(bytes) = c.files[&p.slug].source else {
                panic!("{} ships without its file", p.slug);
            };
            let text = std::str::from_utf8(bytes).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len() as i64, p.pairs, "{}", p.slug);
            for line in lines {
                serde_json::from_str::<Value>(line).unwrap();
            }
        }
        // Nothing internal is in the public views.
        let text = serde_json::to_string(&(&c.datasets, &c.models)).unwrap();
        for internal in [
            "internal_usd",
            "source_path",
            "weights_location",
            "default_rate",
            "s3://",
        ] {
            assert!(!text.contains(internal), "{internal}");
        }
    }

    #[test]
    fn bad_catalogs_are_refused_with_a_reason() {
        let models =
            r#"{"version":"v1","generated_at":"x","scope":"s","doctrine_note":"d","models":[]}"#;
        let package = |extra: &str| {
            format!(
                r#"{{"version":"v1","generated_at":"x","filter_version":"f","anchor":{{"label":"l","hash":"h"}},
                "packages":[{{"slug":"a","name":"A","vertical":"v","tier":"core","pkg_class":"sft","pairs":1,
                "deed":"none","description":"d","internal_usd":null,"source_path":"samples/a.jsonl"{extra}}}]}}"#
            )
        };
        assert!(Catalogs::build(&package(""), models, None).is_ok());
        let e = Catalogs::build(&package(r#","price":1"#), models, None).unwrap_err();
        assert!(format!("{e:#}").contains("price"), "{e:#}");
        let bad_path = package("").replace("samples/a.jsonl", "../etc/passwd");
        assert!(Catalogs::build(&bad_path, models, None).is_err());
        let bad_tier = package("").replace("\"core\"", "\"gold\"");
        assert!(format!(
            "{:#}",
            Catalogs::build(&bad_tier, models, None).unwrap_err()
        )
        .contains("tier"));
    }
}
