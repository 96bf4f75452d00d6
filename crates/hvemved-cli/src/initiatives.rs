//! `hvemved initiative`: the map of initiatives, networks and collaboration
//! forums. Adding one first shows the existing ones that look like it, and
//! saves only when there are none or `--anyway` is given.

use std::io::{Result, Write};

use clap::Subcommand;
use hvemved_core::api::{Directory, InitiativeRequest, InitiativeSaveRequest};
use hvemved_core::similar_initiatives::{InitiativeDraft, SimilarInitiative};
use hvemved_core::store::{
    Initiative, InitiativeInput, InitiativeKind, InitiativeQuery, MemberInput, MemberRole,
};
use hvemved_core::CoreError;

#[derive(clap::Args)]
pub struct InitiativeFields {
    /// indsats, netværk, samarbejdsforum, koordinationsgruppe or projekt
    #[arg(long, value_parser = parse_kind)]
    kind: InitiativeKind,
    #[arg(long)]
    name: String,
    #[arg(long)]
    purpose: Option<String>,
    #[arg(long)]
    target_group: Option<String>,
    /// YYYY-MM-DD
    #[arg(long)]
    start: Option<String>,
    /// YYYY-MM-DD; leave out for an initiative that keeps running
    #[arg(long)]
    end: Option<String>,
    /// How to reach it: a mailbox, a phone number, a Teams channel
    #[arg(long)]
    contact: Option<String>,
    /// A unit involved, e.g. "Børn og Familie / SSP og Forebyggelse" (repeatable)
    #[arg(long = "unit")]
    units: Vec<String>,
    /// A member's person id, with ":tovholder" for one who convenes it (repeatable)
    #[arg(long = "member", value_parser = parse_member)]
    members: Vec<MemberInput>,
}

#[derive(Subcommand)]
pub enum InitiativeCommand {
    /// Initiatives, networks and forums
    List {
        /// Those involving this unit or one under it
        #[arg(long)]
        unit: Option<String>,
        /// Those this person (id) takes part in
        #[arg(long)]
        person: Option<String>,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<InitiativeKind>,
        /// Words in the name, purpose or target group
        #[arg(long)]
        text: Option<String>,
        /// Only those running today
        #[arg(long)]
        current: bool,
        #[arg(long)]
        json: bool,
    },
    /// One initiative with its units and members
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Existing initiatives like the one described
    Similar {
        #[arg(long)]
        name: String,
        #[arg(long)]
        purpose: Option<String>,
        #[arg(long)]
        target_group: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add an initiative; refused while similar ones exist, unless --anyway
    Add {
        #[command(flatten)]
        fields: InitiativeFields,
        /// Save even though similar initiatives exist
        #[arg(long)]
        anyway: bool,
        #[arg(long)]
        json: bool,
    },
    /// Change an initiative: every field is replaced by what is given
    Edit {
        id: String,
        #[command(flatten)]
        fields: InitiativeFields,
        #[arg(long)]
        json: bool,
    },
    /// Remove an initiative
    Remove { id: String },
}

fn parse_kind(text: &str) -> std::result::Result<InitiativeKind, String> {
    InitiativeKind::parse(text).ok_or_else(|| {
        format!("\"{text}\" is not a kind: indsats, netværk, samarbejdsforum, koordinationsgruppe or projekt")
    })
}

fn parse_member(text: &str) -> std::result::Result<MemberInput, String> {
    let (person, role) = match text.rsplit_once(':') {
        Some((person, role)) => (
            person,
            MemberRole::parse(role)
                .ok_or_else(|| format!("\"{role}\" is not a role: tovholder or medlem"))?,
        ),
        None => (text, MemberRole::Medlem),
    };
    Ok(MemberInput {
        person: person.trim().to_string(),
        role,
    })
}

impl InitiativeFields {
    fn into_input(self, id: Option<String>) -> InitiativeInput {
        InitiativeInput {
            id,
            kind: self.kind,
            name: self.name,
            purpose: self.purpose,
            target_group: self.target_group,
            start_date: self.start,
            end_date: self.end,
            contact: self.contact,
            units: self.units,
            members: self.members,
        }
    }
}

pub fn run(
    directory: &mut Directory,
    command: InitiativeCommand,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    Ok(match command {
        InitiativeCommand::List {
            unit,
            person,
            kind,
            text,
            current,
            json,
        } => {
            let list = directory.initiative_list(&InitiativeQuery {
                unit,
                person,
                kind,
                text,
                current,
            })?;
            if json {
                crate::output::json(out, &list)
            } else if list.is_empty() {
                writeln!(out, "No initiatives match.")
            } else {
                list.iter().try_for_each(|i| print_line(out, i))
            }
        }
        InitiativeCommand::Show { id, json } => {
            let initiative = directory.initiative_show(&InitiativeRequest { id })?;
            if json {
                crate::output::json(out, &initiative)
            } else {
                print_full(out, &initiative)
            }
        }
        InitiativeCommand::Similar {
            name,
            purpose,
            target_group,
            json,
        } => {
            let similar = directory.initiative_similar(&InitiativeDraft {
                id: None,
                name,
                purpose,
                target_group,
            })?;
            if json {
                crate::output::json(out, &similar)
            } else if similar.is_empty() {
                writeln!(out, "No similar initiatives.")
            } else {
                print_similar(out, &similar)
            }
        }
        InitiativeCommand::Add { fields, anyway, json } => {
            let input = fields.into_input(None);
            if !anyway {
                let similar = directory.initiative_similar(&InitiativeDraft {
                    id: None,
                    name: input.name.clone(),
                    purpose: input.purpose.clone(),
                    target_group: input.target_group.clone(),
                })?;
                if !similar.is_empty() {
                    let mut listing = Vec::new();
                    print_similar(&mut listing, &similar).map_err(|e| CoreError::io("output", e))?;
                    return Err(CoreError::InvalidInput(format!(
                        "initiative \"{}\" was not saved: {} similar initiative(s) exist. \
                         Talk to them first, or add --anyway.\n{}",
                        input.name,
                        similar.len(),
                        String::from_utf8_lossy(&listing).trim_end()
                    )));
                }
            }
            save(directory, input, json, out)?
        }
        InitiativeCommand::Edit { id, fields, json } => {
            directory.initiative_show(&InitiativeRequest { id: id.clone() })?;
            save(directory, fields.into_input(Some(id)), json, out)?
        }
        InitiativeCommand::Remove { id } => {
            if directory.initiative_remove(&InitiativeRequest { id: id.clone() })? {
                writeln!(out, "Removed initiative {id}.")
            } else {
                return Err(CoreError::InvalidInput(format!("no initiative with id \"{id}\"")));
            }
        }
    })
}

fn save(
    directory: &mut Directory,
    initiative: InitiativeInput,
    json: bool,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    let saved = directory.initiative_save(&InitiativeSaveRequest { initiative })?;
    Ok(if json {
        crate::output::json(out, &saved)
    } else {
        writeln!(out, "Saved initiative {}.", saved.id).and_then(|()| print_full(out, &saved))
    })
}

fn period(initiative: &Initiative) -> String {
    match (&initiative.start_date, &initiative.end_date) {
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => format!("fra {s}"),
        (None, Some(e)) => format!("til {e}"),
        (None, None) => String::new(),
    }
}

fn print_line(out: &mut impl Write, initiative: &Initiative) -> Result<()> {
    let convener = initiative
        .members
        .iter()
        .find(|m| m.role == MemberRole::Tovholder)
        .map(|m| format!(", tovholder {}", m.name))
        .unwrap_or_default();
    writeln!(
        out,
        "{}  {} ({}){convener}",
        initiative.id, initiative.name, initiative.kind_name
    )
}

fn print_full(out: &mut impl Write, initiative: &Initiative) -> Result<()> {
    writeln!(out, "{} ({})", initiative.name, initiative.kind_name)?;
    let lines = [
        ("Formål", initiative.purpose.clone()),
        ("Målgruppe", initiative.target_group.clone()),
        ("Periode", Some(period(initiative)).filter(|p| !p.is_empty())),
        ("Kontakt", initiative.contact.clone()),
        (
            "Enheder",
            Some(initiative.units.join("; ")).filter(|u| !u.is_empty()),
        ),
    ];
    for (label, value) in lines {
        if let Some(value) = value {
            writeln!(out, "  {label}: {value}")?;
        }
    }
    for member in &initiative.members {
        writeln!(
            out,
            "  {} {} ({}){}",
            if member.role == MemberRole::Tovholder {
                "*"
            } else {
                "-"
            },
            member.name,
            member.id,
            member
                .department
                .as_ref()
                .map(|d| format!(", {d}"))
                .unwrap_or_default()
        )?;
    }
    Ok(())
}

fn print_similar(out: &mut impl Write, similar: &[SimilarInitiative]) -> Result<()> {
    for found in similar {
        writeln!(
            out,
            "{:>3.0} %  {}  {} ({}) — fælles: {}",
            found.score * 100.0,
            found.initiative.id,
            found.initiative.name,
            found.initiative.kind_name,
            found.shared.join(", ")
        )?;
    }
    Ok(())
}
