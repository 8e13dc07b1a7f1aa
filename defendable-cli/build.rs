//! Generates the HTTP client from the workspace's `openapi.json` with progenitor
//! (builder interface), plus the list of the contract's operations that the command
//! tree must place (see `src/operations.rs`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let spec_path = Path::new(&manifest_dir).join("../openapi.json");
    println!("cargo:rerun-if-changed={}", spec_path.display());
    let text = std::fs::read_to_string(&spec_path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", spec_path.display()));
    let mut spec: Value = serde_json::from_str(&text).expect("openapi.json is JSON");
    let api_version = spec["info"]["version"]
        .as_str()
        .expect("info.version")
        .to_string();

    println!("cargo:rustc-env=DEFENDABLE_API_VERSION={api_version}");
    let operations = drop_multipart_operations(&mut spec);

    let openapi: openapiv3::OpenAPI =
        serde_json::from_value(spec).expect("openapi.json is an OpenAPI 3.0 document");
    let mut generator = progenitor::Generator::new(
        progenitor::GenerationSettings::default()
            .with_interface(progenitor::InterfaceStyle::Builder)
            .with_tag(progenitor::TagStyle::Merged),
    );
    let tokens = generator
        .generate_tokens(&openapi)
        .expect("progenitor generates the client");
    let file: syn::File = syn::parse2(tokens).expect("generated client parses");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("client.rs"), prettyplease::unparse(&file)).expect("write client.rs");

    let mut ops = String::new();
    ops.push_str("/// The API version of the `openapi.json` this CLI was built from.\n");
    ops.push_str(&format!(
        "pub const API_VERSION: &str = {api_version:?};\n\n"
    ));
    ops.push_str("/// Every operation of the contract, by operation id.\n");
    ops.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n");
    ops.push_str("#[allow(clippy::enum_variant_names)]\npub enum Operation {\n");
    for op in &operations {
        ops.push_str(&format!("    {},\n", camel(op)));
    }
    ops.push_str("}\n\nimpl Operation {\n    pub const ALL: &'static [Operation] = &[\n");
    for op in &operations {
        ops.push_str(&format!("        Operation::{},\n", camel(op)));
    }
    ops.push_str("    ];\n\n    /// The operation id in `openapi.json`.\n");
    ops.push_str("    pub fn id(self) -> &'static str {\n        match self {\n");
    for op in &operations {
        ops.push_str(&format!(
            "            Operation::{} => {op:?},\n",
            camel(op)
        ));
    }
    ops.push_str("        }\n    }\n}\n");
    std::fs::write(out.join("operations.rs"), ops).expect("write operations.rs");
}

/// Removes operations whose request body is a multipart form (progenitor cannot
/// generate them; the CLI streams uploads itself) and returns every remaining
/// operation id, sorted.
fn drop_multipart_operations(spec: &mut Value) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let Some(paths) = spec.get_mut("paths").and_then(Value::as_object_mut) else {
        return ids;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for method in METHODS {
            let multipart = item
                .get(method)
                .and_then(|op| op.pointer("/requestBody/content"))
                .and_then(Value::as_object)
                .is_some_and(|content| content.keys().any(|k| k.starts_with("multipart/")));
            if multipart {
                item.remove(method);
            } else if let Some(id) = item
                .get(method)
                .and_then(|op| op.get("operationId"))
                .and_then(Value::as_str)
            {
                ids.insert(id.to_string());
            }
        }
    }
    ids
}

fn camel(id: &str) -> String {
    id.split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}
