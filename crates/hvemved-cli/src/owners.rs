//! `hvemved owner`: knowledge owners (vidensansvarlige) — who collects and
//! passes on knowledge in an area, and who covers for them.

use std::io::{Result, Write};

use clap::Subcommand;
use hvemved_core::api::{Directory, OwnedArea, OwnerListRequest, OwnerRemoveRequest, OwnerSetRequest};
use hvemved_core::CoreError;

#[derive(Subcommand)]
pub enum OwnerCommand {
    /// Every area with a knowledge owner
    List {
        /// Only this area
        #[arg(long)]
        area: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Make a person knowledge owner of an area (a thesaurus concept id such as
    /// "mentalisering", or a category id such as "rusmidler")
    Set {
        area: String,
        /// The owner's person id
        person: String,
        /// Who covers when the owner is away
        #[arg(long)]
        deputy: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Remove the knowledge owner of an area
    Remove { area: String },
}

pub fn run(
    directory: &mut Directory,
    command: OwnerCommand,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    Ok(match command {
        OwnerCommand::List { area, json } => {
            let owners = directory.owner_list(&OwnerListRequest { area })?;
            if json {
                crate::output::json(out, &owners)
            } else if owners.is_empty() {
                writeln!(out, "No knowledge owners are named.")
            } else {
                owners.iter().try_for_each(|o| print_owner(out, o))
            }
        }
        OwnerCommand::Set {
            area,
            person,
            deputy,
            json,
        } => {
            let owner = directory.owner_set(&OwnerSetRequest { area, person, deputy })?;
            if json {
                crate::output::json(out, &owner)
            } else {
                print_owner(out, &owner)
            }
        }
        OwnerCommand::Remove { area } => {
            if directory.owner_remove(&OwnerRemoveRequest { area: area.clone() })? {
                writeln!(out, "\"{area}\" no longer has a knowledge owner.")
            } else {
                return Err(CoreError::InvalidInput(format!(
                    "\"{area}\" has no knowledge owner"
                )));
            }
        }
    })
}

fn print_owner(out: &mut impl Write, area: &OwnedArea) -> Result<()> {
    let deputy = area
        .owner
        .deputy
        .as_ref()
        .map(|d| format!(", stedfortræder {} ({})", d.name, d.id))
        .unwrap_or_default();
    writeln!(
        out,
        "{} [{}]: {} ({}){deputy}",
        area.label, area.area, area.owner.owner.name, area.owner.owner.id
    )
}
