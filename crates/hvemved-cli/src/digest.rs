//! `hvemved digest`: the newsletter of a period, as a self-contained HTML
//! file for the intranet or an e-mail, or as Markdown.

use std::io::{Result, Write};
use std::path::PathBuf;

use hvemved_core::api::Directory;
use hvemved_core::digest::DigestRequest;
use hvemved_core::CoreError;

pub struct DigestOptions {
    pub from: String,
    pub to: String,
    pub unit: Option<String>,
    pub html: Option<PathBuf>,
    pub markdown: Option<PathBuf>,
    pub json: bool,
}

pub fn run(
    directory: &Directory,
    options: DigestOptions,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    let output = directory.digest(&DigestRequest {
        from: options.from,
        to: options.to,
        unit: options.unit,
    })?;
    if options.json {
        return Ok(crate::output::json(out, &output.digest));
    }
    let mut wrote = false;
    for (path, text) in [
        (&options.html, &output.html),
        (&options.markdown, &output.markdown),
    ] {
        if let Some(path) = path {
            if path.as_os_str() == "-" {
                out.write_all(text.as_bytes())
                    .map_err(|e| CoreError::io("standard output", e))?;
            } else {
                std::fs::write(path, text).map_err(|e| CoreError::io(path, e))?;
                eprintln!("Wrote {}", path.display());
            }
            wrote = true;
        }
    }
    if !wrote {
        return Ok(out.write_all(output.markdown.as_bytes()));
    }
    let d = &output.digest;
    eprintln!(
        "{} course reports, {} coming share-backs, {} skills added or raised, {} new initiatives.",
        d.courses.len(),
        d.share_backs.len(),
        d.competences.len(),
        d.initiatives.len()
    );
    Ok(Ok(()))
}
