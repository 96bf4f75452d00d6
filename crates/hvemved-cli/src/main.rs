//! `hvemved`: the command-line face of Hvem ved?. Glue only: every command
//! opens the directory and calls one method of the core's API, then prints
//! the answer for a person or, with `--json`, for a program.

/// mimalloc rather than the system allocator: searches build many small,
/// short-lived buffers, and glibc's allocator spent a fifth of their time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod check;
mod digest;
mod initiatives;
mod map;
mod output;
mod owners;
mod people_import;
mod retention;
mod serve;
mod share_back;
mod suggest;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use base64::Engine as _;
use clap::{Parser, Subcommand};
use hvemved_core::access::Viewer;
use hvemved_core::api::{
    AuditRequest, ConceptListRequest, DemoRequest, Directory, PersonRequest, SaveConceptRequest,
    SkillVisibilityRequest, TermRequest,
};
use hvemved_core::hr_import::{FileContent, PeopleFormat, PeopleImportRequest, RecordsImportRequest};
use hvemved_core::paths::{default_data_dir, DATA_DIR_ENV};
use hvemved_core::people_export::{PeopleExportFormat, PeopleExportRequest};
use hvemved_core::search::{SearchFilters, SearchRequest, DEFAULT_LIMIT};
use hvemved_core::thesaurus::Concept;
use hvemved_core::CoreError;

#[derive(Parser)]
#[command(
    name = "hvemved",
    version,
    about = "Hvem ved? - find the colleague who knows",
    long_about = "Hvem ved? (\"Who knows?\") is a staff competency directory for Danish municipalities.\n\
                  It finds the colleagues who know about something, with the reason why."
)]
struct Cli {
    /// Directory holding the database and search index [default: the per-user data directory]
    #[arg(long, global = true, env = DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Who the command runs for: employee:ID, leader:ID, hr or administrator
    /// (the default); it sees and may do what that user may in the app
    #[arg(long = "as", global = true, value_name = "ROLE[:PERSON]")]
    viewer: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a JSON bundle, or people from an HR system's CSV or an Active
    /// Directory LDIF export (all or nothing)
    Import {
        /// The file: a bundle (.json), a people CSV or an LDIF export
        file: PathBuf,
        /// bundle, csv or ldif (people), skills-csv or attendance-csv; bundle,
        /// csv and ldif are detected from the name and the content when left out
        #[arg(long)]
        format: Option<String>,
        /// CSV: a file of `column header = field` lines saying what a column holds
        /// (fields: employee_id, name, first_name, last_name, title, department,
        /// forvaltning, team, profession, email, phone, location, ignore)
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// CSV: the delimiter (; , or tab); detected when left out
        #[arg(long)]
        delimiter: Option<String>,
        /// utf-8, utf-16 or windows-1252; detected when left out
        #[arg(long)]
        encoding: Option<String>,
        /// Check the file and show what would change, without writing anything
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// Export the whole directory as a JSON bundle, or people as a CSV for
    /// Excel or as vCards for the address book
    Export {
        /// Where to write; "-" writes to standard output
        file: PathBuf,
        /// bundle (the default), csv or vcard
        #[arg(long, default_value = "bundle")]
        format: String,
        /// vCard version: 3 for older Outlook, else 4
        #[arg(long, default_value_t = 4)]
        vcard_version: u8,
        /// Only these people (by id); may be given several times
        #[arg(long = "person")]
        people: Vec<String>,
    },
    /// Find colleagues who know about something
    Search {
        /// What you are looking for, e.g. "mentalisering" or "hvem ved noget om unge og hash"
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Further words of the query, so that quoting is optional
        #[arg(hide = true)]
        more: Vec<String>,
        /// Print the result as JSON
        #[arg(long)]
        json: bool,
        /// Largest number of people to show
        #[arg(long, default_value_t = DEFAULT_LIMIT)]
        limit: usize,
        /// Only people in this unit or its sub-units, e.g. "Børn og Familie / Myndighed"
        #[arg(long, value_name = "UNIT")]
        department: Option<String>,
        /// Only people of this profession, e.g. "Socialrådgiver"
        #[arg(long)]
        profession: Option<String>,
        /// Only people with a matching skill at this level or higher (1-5)
        #[arg(long, value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(1..=5))]
        min_level: Option<u8>,
        /// Only people who speak this language, e.g. "arabisk"
        #[arg(long)]
        language: Option<String>,
        /// Only people willing to be a mentor
        #[arg(long)]
        mentor: bool,
    },
    /// Show people
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// Count people, units, skills and courses
    Stats {
        /// Print the counts as JSON
        #[arg(long)]
        json: bool,
    },
    /// Load the demo municipality into an empty directory
    Demo {
        /// Load it even though the directory already holds data
        #[arg(long, conflicts_with = "if_empty")]
        force: bool,
        /// Load it only when the directory is empty, and otherwise do nothing
        #[arg(long)]
        if_empty: bool,
        /// Number of people (default 300); a larger municipality for trying the app at scale
        #[arg(long)]
        people: Option<usize>,
        /// Number of course reports (default 120)
        #[arg(long)]
        courses: Option<usize>,
    },
    /// Look up, list, add and edit thesaurus concepts
    Thesaurus {
        #[command(subcommand)]
        command: ThesaurusCommand,
    },
    /// Share what was learned after a course: who owes, who is overdue, which sessions are coming
    Shareback {
        #[command(subcommand)]
        command: share_back::ShareBackCommand,
    },
    /// The competence map: skills by unit and level, key-person risks, gaps
    Map {
        /// A unit path, e.g. "Børn og Familie"; its sub-units are the columns
        #[arg(long)]
        unit: Option<String>,
        /// Entries not updated for this many months count as stale
        #[arg(long, default_value_t = hvemved_core::competence_map::DEFAULT_STALE_MONTHS)]
        stale_months: u32,
        /// Write the heat map as CSV for Excel to FILE ("-" for standard output)
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        #[arg(long, conflicts_with = "csv")]
        json: bool,
    },
    /// The newsletter of a period: course takeaways, coming share-backs, new competences and
    /// initiatives (Markdown on standard output unless --html or --markdown names a file)
    Digest {
        /// First day, YYYY-MM-DD
        #[arg(long)]
        from: String,
        /// Last day, YYYY-MM-DD
        #[arg(long)]
        to: String,
        /// Only this unit and those under it
        #[arg(long)]
        unit: Option<String>,
        /// Write one self-contained HTML file ("-" for standard output)
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Write Markdown ("-" for standard output)
        #[arg(long, value_name = "FILE")]
        markdown: Option<PathBuf>,
        #[arg(long, conflicts_with_all = ["html", "markdown"])]
        json: bool,
    },
    /// Meeting across silos: lunch with a colleague you do not know, mentors, job rotation for a day
    Suggest {
        #[command(subcommand)]
        command: suggest::SuggestCommand,
    },
    /// Initiatives, networks and collaboration forums: list, check for similar ones, add, edit
    Initiative {
        #[command(subcommand)]
        command: initiatives::InitiativeCommand,
    },
    /// Knowledge owners (vidensansvarlige): list, name or remove them
    Owner {
        #[command(subcommand)]
        command: owners::OwnerCommand,
    },
    /// Rebuild the search index from the database
    Reindex,
    /// Check the database file and compare the search index with it, document
    /// by document; exits non-zero when they differ
    Check {
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
        /// Also list the uuids of the people, courses and initiatives the index holds documents for
        #[arg(long)]
        list_ids: bool,
    },
    /// How long people who left and course reports are kept: show, set, apply
    Retention {
        #[command(subcommand)]
        command: retention::RetentionCommand,
    },
    /// Who looked up, exported, edited, imported or erased whom, newest first
    Audit {
        /// Only the entries about this person
        #[arg(long)]
        person: Option<String>,
        /// At most this many entries
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Print the entries as JSON
        #[arg(long)]
        json: bool,
    },
    /// Copy the whole directory into one file, while it stays in use
    Backup {
        /// The backup file to write
        file: PathBuf,
    },
    /// Replace the whole directory with a backup and rebuild the search index
    Restore {
        /// A file written by `hvemved backup`
        file: PathBuf,
    },
    /// Measure speed and memory on synthetic directories, with SQLite FTS5 as the peer
    Bench {
        /// Directory sizes to measure, comma separated
        #[arg(long, value_delimiter = ',', default_values_t = [10_000usize, 100_000])]
        people: Vec<usize>,
        /// Timed queries per query class
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        /// Rows of the people CSV whose import is measured first, alone and
        /// with colleagues searching during it (0: neither)
        #[arg(long, default_value_t = 50_000)]
        csv_rows: usize,
        /// Where the synthetic directories are written [default: a temporary directory]
        #[arg(long, value_name = "DIR")]
        work_dir: Option<PathBuf>,
        /// Print the measurements as JSON after the tables
        #[arg(long)]
        json: bool,
    },
    /// Serve the UI and the API over HTTP on this machine (for a browser)
    Serve {
        /// Address to listen on; port 0 picks a free port
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
}

#[derive(Subcommand)]
enum ThesaurusCommand {
    /// The concepts a term names (a label in Danish or English, an abbreviation, or an id)
    Show {
        term: String,
        #[arg(long)]
        json: bool,
    },
    /// Every concept, or those of one category
    List {
        /// Category id, e.g. boern-unge, rusmidler, beskaeftigelse
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a concept, or edit the one with this id (options not given keep their value)
    Set {
        /// Concept id: lowercase letters, digits and hyphens, e.g. "mentaliseringsbaseret-terapi"
        #[arg(long)]
        id: String,
        /// Category id, e.g. boern-unge
        #[arg(long)]
        category: Option<String>,
        /// The preferred Danish term
        #[arg(long)]
        preferred: Option<String>,
        /// A Danish alternative term (repeat for more; replaces the list)
        #[arg(long = "alt", value_name = "TERM")]
        alternatives: Vec<String>,
        /// An abbreviation (repeat for more; replaces the list)
        #[arg(long = "abbr", value_name = "ABBR")]
        abbreviations: Vec<String>,
        /// An English label (repeat for more; replaces the list)
        #[arg(long = "en", value_name = "LABEL")]
        english: Vec<String>,
    },
}

#[derive(Subcommand)]
enum PersonCommand {
    /// Everything the directory shows about one person
    Show {
        /// The person's id (as in the bundle)
        id: String,
        /// Print the profile as JSON
        #[arg(long)]
        json: bool,
    },
    /// "Mine data": everything stored about one person as JSON, with the log
    /// of who looked them up
    Data {
        id: String,
        /// Write to this file instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Show one of a person's skills to everyone (which confirms a skill
    /// imported from the HR system), or with --hide only to them, their
    /// leaders and HR
    Skill {
        id: String,
        skill: String,
        #[arg(long)]
        hide: bool,
    },
    /// Mark a person as having left: out of search at once, erased when the
    /// retention rules say (see `hvemved retention`)
    Leave { id: String },
    /// Erase a person who has left: from the database, its free pages and
    /// the search index; course reports keep their text
    Erase {
        id: String,
        /// Confirm: the erasure cannot be undone
        #[arg(long)]
        yes: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            if error.is_user_error() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

fn run(cli: Cli) -> Result<(), CoreError> {
    // The benchmark works on its own synthetic directories, never the user's.
    if let Command::Bench {
        people,
        queries,
        csv_rows,
        work_dir,
        json,
    } = cli.command
    {
        return bench(people, queries, csv_rows, work_dir, json);
    }
    let data_dir = match cli.data_dir {
        Some(dir) => dir,
        None => default_data_dir()?,
    };
    let viewer = cli.viewer.as_deref().map(Viewer::parse).transpose()?;
    if let Command::Backup { file } = &cli.command {
        if let Some(viewer) = &viewer {
            viewer.require_hr("take a backup")?;
        }
        let stats = hvemved_core::api::backup_database(&data_dir, file)?;
        return finish(writeln!(
            std::io::stdout().lock(),
            "Backed up {} people and {} courses to {}",
            stats.people,
            stats.courses,
            file.display()
        ));
    }
    let mut directory = Directory::open(&data_dir)?;
    // `hvemved serve` is the local user's app in a browser: it runs for
    // whoever they said they are, unless told otherwise. Every other
    // command runs for the administrator unless `--as` names someone.
    match viewer {
        Some(viewer) => directory.act_as(viewer)?,
        None if matches!(cli.command, Command::Serve { .. }) => {}
        None => directory.act_as(Viewer::administrator())?,
    }
    let mut out = std::io::stdout().lock();
    let result = match cli.command {
        Command::Import {
            file,
            format,
            mapping,
            delimiter,
            encoding,
            dry_run,
            json,
        } => {
            if let Some(kind @ ("skills-csv" | "attendance-csv")) = format.as_deref() {
                let request = RecordsImportRequest {
                    file: FileContent {
                        encoding,
                        delimiter,
                        ..FileContent::from_path(&file)
                    },
                    dry_run,
                };
                return finish(if kind == "skills-csv" {
                    let report = directory.import_skills(&request)?;
                    people_import::print_records(&mut out, &file, &report, json, |r| {
                        format!(
                            "{} skill entries added, {} changed, {} unchanged, {} new skills; {} levels the employee set kept",
                            r.added,
                            r.changed,
                            r.unchanged,
                            r.skills_created,
                            r.conflicts.len()
                        )
                    })
                } else {
                    let report = directory.import_attendance(&request)?;
                    people_import::print_records(&mut out, &file, &report, json, |r| {
                        format!(
                            "{} attendances added, {} already recorded, {} new courses",
                            r.attendances_added, r.unchanged, r.courses_created
                        )
                    })
                });
            }
            let format = match format.as_deref() {
                Some("bundle") => None,
                Some(name) => Some(PeopleFormat::parse(name).ok_or_else(|| {
                    CoreError::InvalidInput(format!(
                        "unknown format \"{name}\"; use bundle, csv, ldif, skills-csv or attendance-csv"
                    ))
                })?),
                None if is_bundle(&file) => None,
                None => Some(detect_people_format(&file)?),
            };
            if let Some(format) = format {
                import_people(
                    &mut directory,
                    &mut out,
                    &file,
                    format,
                    mapping,
                    delimiter,
                    encoding,
                    dry_run,
                    json,
                )?
            } else {
                let report = directory.import_bundle_file(&file, dry_run)?;
                output::import_report(&mut out, &file, &report, dry_run)
            }
        }
        Command::Export {
            file,
            format,
            vcard_version,
            people,
        } if format != "bundle" => {
            let format = PeopleExportFormat::parse(&format).ok_or_else(|| {
                CoreError::InvalidInput(format!("unknown format \"{format}\"; use bundle, csv or vcard"))
            })?;
            let exported = directory.export_people(&PeopleExportRequest {
                format,
                vcard_version: Some(vcard_version),
                ids: people,
            })?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(&exported.content_base64)
                .expect("the core encodes its own exports");
            if file == Path::new("-") {
                out.write_all(&bytes)
            } else {
                write_atomically(&file, &bytes)?;
                writeln!(out, "Exported {} people to {}", exported.people, file.display())
            }
        }
        Command::Export { file, .. } => {
            let bundle = directory.export_bundle()?;
            let json = serde_json::to_string_pretty(&bundle).expect("bundles serialise") + "\n";
            if file == Path::new("-") {
                out.write_all(json.as_bytes())
            } else {
                write_atomically(&file, json.as_bytes())?;
                writeln!(
                    out,
                    "Exported {} people and {} courses to {}",
                    bundle.people.len(),
                    bundle.courses.len(),
                    file.display()
                )
            }
        }
        Command::Search {
            query,
            more,
            json,
            limit,
            department,
            profession,
            min_level,
            language,
            mentor,
        } => {
            let response = directory.search(&SearchRequest {
                query: std::iter::once(query).chain(more).collect::<Vec<_>>().join(" "),
                limit,
                filters: SearchFilters {
                    department,
                    profession,
                    min_level,
                    language,
                    can_mentor: mentor,
                },
            })?;
            if json {
                output::json(&mut out, &response)
            } else {
                output::search_results(&mut out, &response)
            }
        }
        Command::Person {
            command: PersonCommand::Show { id, json },
        } => {
            let profile = directory.person(&PersonRequest { id })?;
            if json {
                output::json(&mut out, &profile)
            } else {
                output::profile(&mut out, &profile)
            }
        }
        Command::Person {
            command: PersonCommand::Data { id, out: file },
        } => {
            let data = directory.personal_data(&PersonRequest { id })?;
            let json = serde_json::to_string_pretty(&data).expect("values serialise") + "\n";
            match file {
                Some(file) => {
                    write_atomically(&file, json.as_bytes())?;
                    writeln!(
                        out,
                        "Wrote everything stored about {} to {}",
                        data["person"],
                        file.display()
                    )
                }
                None => out.write_all(json.as_bytes()),
            }
        }
        Command::Person {
            command: PersonCommand::Skill { id, skill, hide },
        } => {
            let request = SkillVisibilityRequest {
                id,
                skill,
                shown: !hide,
            };
            directory.person_skill_visibility(&request)?;
            let seen_by = if hide {
                "only them, their leaders and HR"
            } else {
                "everyone"
            };
            writeln!(
                out,
                "{} of {} is now shown to {seen_by}.",
                request.skill, request.id
            )
        }
        Command::Person {
            command: PersonCommand::Leave { id },
        } => {
            let left = directory.mark_left(&PersonRequest { id })?;
            let rules = directory.retention()?.rules.unwrap_or_default();
            let kept = rules.left_people_days.map_or_else(
                || "kept for good".to_owned(),
                |days| format!("erased {days} days after"),
            );
            writeln!(
                out,
                "{} has left (since {}); they will be {kept}.",
                left.id, left.left_at
            )
        }
        Command::Person {
            command: PersonCommand::Erase { id, yes },
        } => {
            if !yes {
                return Err(CoreError::InvalidInput(format!(
                    "erasing {id} cannot be undone; add --yes to erase them"
                )));
            }
            let report = directory.erase_person(&PersonRequest { id })?;
            writeln!(
                out,
                "Erased {}: {} skills, {} course attendances (the reports now count a former employee), {} initiatives, {} knowledge areas.",
                report.person, report.skills, report.courses, report.initiatives, report.owned_areas
            )
        }
        Command::Audit { person, limit, json } => {
            let entries = directory.audit_log(&AuditRequest {
                person,
                limit: Some(limit),
            })?;
            if json {
                output::json(&mut out, &entries)
            } else {
                entries.iter().try_for_each(|e| {
                    writeln!(
                        out,
                        "{}  {:<16} {:<14} {}{}",
                        e.at,
                        e.actor,
                        e.action,
                        e.person.as_deref().unwrap_or("–"),
                        e.detail
                            .as_deref()
                            .map(|d| format!("  ({d})"))
                            .unwrap_or_default()
                    )
                })
            }
        }
        Command::Stats { json } => {
            let stats = directory.stats()?;
            if json {
                output::json(&mut out, &stats)
            } else {
                output::stats(&mut out, directory.data_dir(), &stats)
            }
        }
        Command::Demo { if_empty: true, .. } if !directory.is_empty()? => Ok(()),
        Command::Demo {
            force,
            people,
            courses,
            ..
        } => {
            let report = directory.load_demo(&DemoRequest {
                force,
                people,
                courses,
            })?;
            writeln!(
                out,
                "Loaded the demo municipality: {} people, {} courses, {} units, {} skills.",
                report.people_created + report.people_updated,
                report.courses_created + report.courses_updated,
                report.units_created,
                report.skills_created
            )
        }
        Command::Thesaurus { command } => thesaurus(&mut directory, command, &mut out)?,
        Command::Shareback { command } => share_back::run(&mut directory, command, &mut out)?,
        Command::Owner { command } => owners::run(&mut directory, command, &mut out)?,
        Command::Retention { command } => retention::run(&mut directory, command, &mut out)?,
        Command::Initiative { command } => initiatives::run(&mut directory, command, &mut out)?,
        Command::Suggest { command } => suggest::run(&mut directory, command, &mut out)?,
        Command::Digest {
            from,
            to,
            unit,
            html,
            markdown,
            json,
        } => digest::run(
            &directory,
            digest::DigestOptions {
                from,
                to,
                unit,
                html,
                markdown,
                json,
            },
            &mut out,
        )?,
        Command::Map {
            unit,
            stale_months,
            csv,
            json,
        } => map::run(
            &directory,
            map::MapOptions {
                unit,
                stale_months,
                csv,
                json,
            },
            &mut out,
        )?,
        Command::Serve { addr } => {
            if let Some(report) = directory.apply_retention_if_due()? {
                if report.removes_anything() {
                    eprintln!(
                        "Retention: removed {} people who left and {} course reports (see `hvemved audit`)",
                        report.people.len(),
                        report.courses.len()
                    );
                }
            }
            serve::serve(&mut directory, addr, |bound| {
                println!("Hvem ved? is served at http://{bound}/ (Ctrl-C stops it)");
                let _ = std::io::stdout().flush();
            })?;
            Ok(())
        }
        Command::Bench { .. } => unreachable!("handled before the directory is opened"),
        Command::Backup { .. } => unreachable!("handled before the directory is opened"),
        Command::Restore { file } => {
            let report = directory.restore(&file)?;
            writeln!(
                out,
                "Restored {}: {} people, {} evidence documents indexed.",
                file.display(),
                report.index.people_indexed,
                report.index.documents_indexed
            )
            .and_then(|()| {
                if report.erased_again.is_empty() {
                    return Ok(());
                }
                writeln!(
                    out,
                    "Erased again, as they were erased after the backup was made: {}",
                    report.erased_again.join(", ")
                )
            })
        }
        Command::Check { json, list_ids } => {
            check::run(&directory, check::CheckOptions { json, list_ids }, &mut out)?
        }
        Command::Reindex => {
            let report = directory.reindex()?;
            writeln!(
                out,
                "Rebuilt the search index: {} people, {} evidence documents (change {}).",
                report.people_indexed, report.documents_indexed, report.change_seq
            )
        }
    };
    finish(result)
}

/// A closed pipe (`hvemved search x | head`) is not an error worth a message.
fn finish(result: std::io::Result<()>) -> Result<(), CoreError> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CoreError::io("standard output", e)),
        _ => Ok(()),
    }
}

fn thesaurus(
    directory: &mut Directory,
    command: ThesaurusCommand,
    out: &mut impl Write,
) -> Result<std::io::Result<()>, CoreError> {
    Ok(match command {
        ThesaurusCommand::Show { term, json } => {
            let concepts = directory.thesaurus_lookup(&TermRequest { term: term.clone() })?;
            if json {
                output::json(out, &concepts)
            } else if concepts.is_empty() {
                writeln!(out, "No thesaurus concept has the label \"{term}\".")
            } else {
                concepts.iter().try_for_each(|c| output::concept(out, c))
            }
        }
        ThesaurusCommand::List { category, json } => {
            let concepts = directory.thesaurus_list(&ConceptListRequest { category })?;
            if json {
                output::json(out, &concepts)
            } else {
                concepts
                    .iter()
                    .try_for_each(|c| writeln!(out, "{:<40} {:<16} {}", c.id, c.category, c.preferred))
            }
        }
        ThesaurusCommand::Set {
            id,
            category,
            preferred,
            alternatives,
            abbreviations,
            english,
        } => {
            let existing = directory
                .thesaurus_list(&ConceptListRequest::default())?
                .into_iter()
                .find(|c| c.id == id);
            let base = existing.clone().unwrap_or(Concept {
                id: id.clone(),
                category: String::new(),
                preferred: String::new(),
                alternatives: Vec::new(),
                abbreviations: Vec::new(),
                english: Vec::new(),
            });
            let pick = |given: Vec<String>, old: Vec<String>| if given.is_empty() { old } else { given };
            let concept = Concept {
                id,
                category: category.unwrap_or(base.category),
                preferred: preferred.unwrap_or(base.preferred),
                alternatives: pick(alternatives, base.alternatives),
                abbreviations: pick(abbreviations, base.abbreviations),
                english: pick(english, base.english),
            };
            let saved = directory.thesaurus_save(&SaveConceptRequest { concept })?;
            let verb = if existing.is_some() { "Updated" } else { "Added" };
            writeln!(
                out,
                "{verb} thesaurus concept \"{}\"; searches use it from now on.",
                saved.id
            )
            .and_then(|()| output::concept(out, &saved))
        }
    })
}

fn bench(
    people: Vec<usize>,
    queries: usize,
    csv_rows: usize,
    work_dir: Option<PathBuf>,
    json: bool,
) -> Result<(), CoreError> {
    let temporary = work_dir.is_none();
    let config = hvemved_bench::BenchConfig {
        people,
        queries_per_class: queries,
        work_dir: work_dir
            .unwrap_or_else(|| std::env::temp_dir().join(format!("hvemved-bench-{}", std::process::id()))),
        ..Default::default()
    };
    let mut out = std::io::stdout();
    // First, while the process is small: its peak memory is the import's.
    if csv_rows > 0 {
        let report = hvemved_bench::people_csv::run(csv_rows, config.seed, &config.work_dir, &mut out)?;
        hvemved_bench::people_csv::print(&report, &mut out)
            .map_err(|e| CoreError::io("standard output", e))?;
        writeln!(out).map_err(|e| CoreError::io("standard output", e))?;
        let searchers = 4;
        let report =
            hvemved_bench::during_import::run(csv_rows, searchers, config.seed, &config.work_dir, &mut out)?;
        hvemved_bench::during_import::print(&report, &mut out)
            .map_err(|e| CoreError::io("standard output", e))?;
        writeln!(out).map_err(|e| CoreError::io("standard output", e))?;
    }
    let reports = hvemved_bench::run(&config, &mut out);
    if temporary {
        let _ = std::fs::remove_dir_all(&config.work_dir);
    }
    let reports = reports?;
    if json {
        output::json(&mut out, &reports).map_err(|e| CoreError::io("standard output", e))?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn import_people(
    directory: &mut Directory,
    out: &mut impl Write,
    file: &Path,
    format: PeopleFormat,
    mapping: Option<PathBuf>,
    delimiter: Option<String>,
    encoding: Option<String>,
    dry_run: bool,
    json: bool,
) -> Result<std::io::Result<()>, CoreError> {
    let mapping = mapping
        .map(|path| std::fs::read_to_string(&path).map_err(|e| CoreError::io(&path, e)))
        .transpose()?;
    let request = PeopleImportRequest {
        file: FileContent {
            encoding,
            delimiter,
            ..FileContent::from_path(file)
        },
        format: Some(format),
        mapping,
        dry_run,
    };
    let bar = people_import::progress_bar();
    let report = directory.import_people_file(file, request, &mut |progress| {
        people_import::show_progress(&bar, progress)
    });
    bar.finish_and_clear();
    let report = report?;
    Ok(if json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&report).expect("reports serialise")
        )
    } else {
        people_import::print_report(out, file, &report, dry_run)
    })
}

/// A bundle by its extension, or by starting with a JSON object.
fn is_bundle(file: &Path) -> bool {
    if file.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        return true;
    }
    let mut head = [0u8; 64];
    let read = std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    head[..read]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

/// CSV or LDIF, from the name and the first few kilobytes.
fn detect_people_format(file: &Path) -> Result<PeopleFormat, CoreError> {
    let mut head = vec![0u8; 4096];
    let read = std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .map_err(|e| CoreError::io(file, e))?;
    let text = String::from_utf8_lossy(&head[..read]);
    let name = file.file_name().map(|n| n.to_string_lossy());
    Ok(hvemved_core::hr_import::detect_format(name.as_deref(), &text))
}

/// Writes beside the target and renames, so an interrupted export never
/// leaves a half-written file where a good one was.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        CoreError::io(path, e)
    })
}
