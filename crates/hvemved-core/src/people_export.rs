//! People out to the tools staff use: vCards for the address book (Outlook
//! reads 3.0, newer clients 4.0) and a CSV that Danish Excel opens with æ, ø
//! and å intact and that the people import reads back.

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::bundle::BundlePerson;
use crate::error::{CoreError, Result};
use crate::interchange::excel_csv::write_excel_csv;
use crate::interchange::vcard::{write_vcards, VcardPerson, VcardVersion};
use crate::model::split_unit_path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeopleExportFormat {
    Csv,
    Vcard,
}

impl PeopleExportFormat {
    pub fn parse(name: &str) -> Option<PeopleExportFormat> {
        match name.trim().to_lowercase().as_str() {
            "csv" => Some(PeopleExportFormat::Csv),
            "vcard" | "vcf" => Some(PeopleExportFormat::Vcard),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct PeopleExportRequest {
    pub format: PeopleExportFormat,
    /// 3 (older Outlook) or 4; 4 when left out.
    #[serde(default)]
    pub vcard_version: Option<u8>,
    /// The people to export by id; everyone when empty.
    #[serde(default)]
    pub ids: Vec<String>,
}

/// A file for the user to save.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedFile {
    pub file_name: String,
    pub media_type: String,
    pub content_base64: String,
    pub people: usize,
}

/// The CSV columns, with the Danish headers the people import recognises.
const CSV_HEADER: [&str; 9] = [
    "Medarbejdernummer",
    "Navn",
    "Stilling",
    "Afdeling",
    "Faggruppe",
    "E-mail",
    "Telefon",
    "Arbejdssted",
    "Kompetencer",
];

pub(crate) fn export_people(all: Vec<BundlePerson>, request: &PeopleExportRequest) -> Result<ExportedFile> {
    let people = select(all, &request.ids)?;
    let (file_name, media_type, bytes) = match request.format {
        PeopleExportFormat::Csv => ("medarbejdere.csv", "text/csv", csv(&people)),
        PeopleExportFormat::Vcard => {
            let version = match request.vcard_version {
                None | Some(4) => VcardVersion::V4,
                Some(3) => VcardVersion::V3,
                Some(other) => {
                    return Err(CoreError::InvalidInput(format!(
                        "vCard version {other} is not written; use 3 or 4"
                    )))
                }
            };
            let file_name = if people.len() == 1 {
                "kontakt.vcf"
            } else {
                "kontakter.vcf"
            };
            (file_name, "text/vcard", vcards(&people, version).into_bytes())
        }
    };
    Ok(ExportedFile {
        file_name: file_name.into(),
        media_type: media_type.into(),
        content_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        people: people.len(),
    })
}

/// The people asked for, in the order asked; an unknown id is an error.
fn select(all: Vec<BundlePerson>, ids: &[String]) -> Result<Vec<BundlePerson>> {
    if ids.is_empty() {
        return Ok(all);
    }
    let mut by_id: std::collections::HashMap<String, BundlePerson> =
        all.into_iter().map(|p| (p.id.clone(), p)).collect();
    ids.iter()
        .map(|id| {
            by_id
                .remove(id)
                .ok_or_else(|| CoreError::PersonNotFound(id.clone()))
        })
        .collect()
}

fn skills(person: &BundlePerson) -> String {
    person
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn csv(people: &[BundlePerson]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            vec![
                p.id.clone(),
                p.name.clone(),
                text(&p.title),
                text(&p.department),
                text(&p.profession),
                text(&p.email),
                text(&p.phone),
                text(&p.location),
                skills(p),
            ]
        })
        .collect();
    write_excel_csv(&CSV_HEADER, &rows)
}

fn vcards(people: &[BundlePerson], version: VcardVersion) -> String {
    let cards: Vec<VcardPerson> = people
        .iter()
        .map(|p| {
            let skills = skills(p);
            VcardPerson {
                name: p.name.clone(),
                title: p.title.clone(),
                organisation_units: p.department.as_deref().map(split_unit_path).unwrap_or_default(),
                email: p.email.clone(),
                phone: p.phone.clone(),
                location: p.location.clone(),
                note: (!skills.is_empty()).then(|| format!("Spørg mig om: {skills}")),
                uid: None,
            }
        })
        .collect();
    write_vcards(&cards, version, "")
}
