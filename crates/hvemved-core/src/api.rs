//! The one list of commands every face (CLI, desktop shell, HTTP) calls. A
//! command is a name, a JSON request, a JSON response and a handler on
//! [`Directory`]; a new feature is a method here plus one line in
//! [`COMMANDS`], never code in a face.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use base64::Engine as _;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::access::{self, Reach, Role, Tier, Viewer};
use crate::bundle::BundleCourse;
use crate::bundle::{parse_bundle, Bundle};
use crate::competence_map::{self, CompetenceMap, CompetenceMapRequest, UnownedArea};
use crate::digest::{Digest, DigestRequest};
use crate::error::{CoreError, Result};
use crate::hr_import::{
    self, FileContent, ImportProgress, ImportStage, PeopleFileReport, PeopleImportRequest, RecordsFileReport,
    RecordsImportRequest,
};
use crate::interchange::people_csv::{parse_attendance_stream, parse_skills_stream};
use crate::meeting::{LunchSuggestion, MentorMatches, RotationSuggestion};
use crate::model::{DirectoryStats, PersonProfile};
use crate::paths::{database_path, index_path};
use crate::people_export::{self, ExportedFile, PeopleExportRequest};
use crate::search::{
    self, CheckRequest, ConceptMatcher, ConsistencyReport, SearchIndex, SearchRequest, SearchResponse,
};
use crate::search_handle::SearchHandle;
use crate::similar_initiatives::{self, Background, InitiativeDraft, SimilarInitiative};
use crate::store::{
    self, CourseReport, ImportReport, PersonSuggestion, ProfileChanges, RetentionReport, RetentionRules,
    ShareBackItem, ShareBackQuery, ShareBackUpdate, SkillChange, Store,
};
use crate::store::{AttendanceImportReport, AuditAction, AuditEntry, ErasureReport, SkillsImportReport};
use crate::store::{Initiative, InitiativeInput, InitiativeQuery, KnowledgeOwner};
use crate::thesaurus::{Concept, Thesaurus};

/// Largest bundle accepted; a real municipality's directory is a few MB.
pub const MAX_BUNDLE_BYTES: u64 = 256 * 1024 * 1024;

/// Searches still noted only in memory go into the audit log as the
/// directory closes.
impl Drop for Directory {
    fn drop(&mut self) {
        let _ = self.store_searches(true);
    }
}

/// An open directory: the store and its search index, kept in step.
pub struct Directory {
    data_dir: PathBuf,
    store: Store,
    index: SearchIndex,
    /// Shared with the search handle, which suggests skills beside the writer.
    thesaurus: Arc<Thesaurus>,
    concepts: Arc<ConceptMatcher>,
    searches: SearchHandle,
    /// Who the calls are made for; see [`crate::access`].
    viewer: Viewer,
}

/// Where the local user's choice of who they are is kept.
const LOCAL_USER_KEY: &str = "local_user";

/// Who is using the directory, and whether the local user has said so yet.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    pub viewer: Viewer,
    /// False until the local user has picked who they are (first start).
    pub chosen: bool,
    /// The viewer's name, when they are a person of the directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PersonRequest {
    pub id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RestoreRequest {
    /// The backup file's bytes, base64.
    pub content_base64: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AuditRequest {
    /// Only the entries about this person (their id).
    #[serde(default)]
    pub person: Option<String>,
    /// At most this many, newest first (1 000 when left out).
    #[serde(default)]
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImportRequest {
    /// The bundle's JSON text.
    pub bundle: String,
    /// Validate and count what would change, but write nothing.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DemoRequest {
    #[serde(default)]
    pub force: bool,
    /// A bigger (or smaller) municipality than the default, for trying the
    /// app at scale; the same seed, so still deterministic.
    #[serde(default)]
    pub people: Option<usize>,
    #[serde(default)]
    pub courses: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PersonUpdateRequest {
    pub id: String,
    #[serde(flatten)]
    pub changes: ProfileChanges,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SkillSetRequest {
    pub id: String,
    #[serde(flatten)]
    pub change: SkillChange,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SkillVisibilityRequest {
    pub id: String,
    pub skill: String,
    pub shown: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SkillRemoveRequest {
    pub id: String,
    pub skill: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SuggestRequest {
    pub prefix: String,
    #[serde(default = "default_suggestions")]
    pub limit: usize,
}

fn default_suggestions() -> usize {
    10
}

/// A skill to pick while typing: one people already have (`known`), or a
/// thesaurus term nobody has used yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillSuggestion {
    pub name: String,
    pub english: Option<String>,
    pub people: u64,
    pub known: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CourseListRequest {
    #[serde(default)]
    pub query: String,
    #[serde(default = "default_course_limit")]
    pub limit: usize,
}

fn default_course_limit() -> usize {
    100
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShareBackList {
    /// Days attendees have to share after a course.
    pub policy_days: i64,
    pub items: Vec<ShareBackItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShareBackPolicy {
    pub days: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OwnerListRequest {
    /// Only this area (a concept id or a category id).
    #[serde(default)]
    pub area: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OwnerSetRequest {
    /// A thesaurus concept id ("mentalisering") or a category id ("rusmidler").
    pub area: String,
    /// The owner's person id.
    pub person: String,
    #[serde(default)]
    pub deputy: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OwnerRemoveRequest {
    pub area: String,
}

/// The digest with its two printable forms.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DigestOutput {
    pub digest: Digest,
    /// One self-contained HTML file.
    pub html: String,
    pub markdown: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MentorRequest {
    pub person: String,
    /// Only this concept (an id, or a label in any language).
    #[serde(default)]
    pub concept: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MeetingRequest {
    pub person: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InitiativeRequest {
    pub id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InitiativeSaveRequest {
    pub initiative: InitiativeInput,
}

/// Where a bundle comes from: a user's import, which the audit log
/// records, or the app's own generators (the demo, with its extras).
enum BundleSource<'a> {
    Imported,
    Generated(Option<&'a DemoExtras>),
}

/// What the demo municipality has besides its bundle.
struct DemoExtras {
    share_backs: Vec<ShareBackUpdate>,
    /// `(area, owner, deputy)`.
    owners: Vec<(String, String, Option<String>)>,
    initiatives: Vec<InitiativeInput>,
}

/// A knowledge owner with the name of the area as people read it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OwnedArea {
    pub area: String,
    /// The concept's preferred term or the category's name.
    pub label: String,
    /// `concept` or `category`.
    pub kind: String,
    #[serde(flatten)]
    pub owner: KnowledgeOwner,
}

/// A course or conference report as written in the app.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CourseInput {
    /// Empty for a new report; an id is made up for it.
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub provider: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub end_date: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub key_takeaways: Option<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    /// For HR only (set by HR); left out, a saved report keeps its setting.
    #[serde(default)]
    pub hr_only: Option<bool>,
    /// Person ids of everyone who took part.
    #[serde(default)]
    pub attendees: Vec<String>,
    /// Those among the attendees who wrote the report.
    #[serde(default)]
    pub authors: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CourseSaveRequest {
    pub course: CourseInput,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TermRequest {
    /// A label in any language, an abbreviation, or a concept id.
    pub term: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ConceptListRequest {
    /// Only concepts of this category id (e.g. "boern-unge").
    #[serde(default)]
    pub category: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SaveConceptRequest {
    pub concept: Concept,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReindexReport {
    /// Active people the index holds evidence for.
    pub people_indexed: u64,
    /// Evidence documents: skill entries, bios, roles and course reports.
    pub documents_indexed: u64,
    pub change_seq: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    #[serde(flatten)]
    pub index: ReindexReport,
    /// People erased since the backup was made, whom the backup still
    /// held: erased from the restored directory again.
    pub erased_again: Vec<String>,
}

impl Directory {
    /// Opens (creating when needed) the directory in `data_dir` and brings
    /// its search index up to date.
    pub fn open(data_dir: &Path) -> Result<Directory> {
        std::fs::create_dir_all(data_dir).map_err(|e| CoreError::io(data_dir, e))?;
        let store = Store::open(&database_path(data_dir))?;
        let index = SearchIndex::open_in_sync(&index_path(data_dir), &store)?;
        let thesaurus = Arc::new(store.thesaurus()?);
        let concepts = Arc::new(ConceptMatcher::new(
            &thesaurus,
            &mut search::analyzer::danish_analyzer(),
        ));
        let administrator = Viewer::administrator();
        let searches = SearchHandle::new(
            store.path(),
            index.view(),
            Arc::clone(&concepts),
            Arc::clone(&thesaurus),
            &administrator.label(),
        );
        let mut directory = Directory {
            data_dir: data_dir.to_path_buf(),
            store,
            index,
            thesaurus,
            concepts,
            searches,
            viewer: administrator,
        };
        if let Some(chosen) = directory.chosen_local_user()? {
            // A choice naming someone since erased falls back to the start.
            let _ = directory.act_as(chosen);
        }
        Ok(directory)
    }

    /// True when the directory holds no people and no courses.
    pub fn is_empty(&self) -> Result<bool> {
        self.store.is_empty()
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse> {
        let response = search::search(&self.index.view(), &self.store, &self.concepts, request)?;
        self.searches.note(request, &response);
        Ok(response)
    }

    /// Stores the searches noted since the last call in the audit log:
    /// every finished burst of typing, and the last one too when `all`.
    /// Searches that cannot be stored now (a full disk) are kept for the
    /// next call. The faces call this when idle; it runs before every
    /// command and as the directory closes.
    pub fn store_searches(&mut self, all: bool) -> Result<usize> {
        let searches = self.searches.log().take(std::time::Instant::now(), all);
        match self.store.log_searches(&searches) {
            Ok(()) => Ok(searches.len()),
            Err(error) => {
                self.searches.log().restore(searches);
                Err(error)
            }
        }
    }

    /// Makes the calls that follow be made for `viewer` (the CLI's `--as`).
    pub fn act_as(&mut self, viewer: Viewer) -> Result<()> {
        viewer.validate()?;
        if let Some(person) = &viewer.person {
            // Fails with "no person" for an id the directory does not know.
            self.store.person_place(person)?;
        }
        self.store.set_actor(&viewer.label());
        self.searches.set_actor(&viewer.label());
        self.viewer = viewer;
        Ok(())
    }

    fn chosen_local_user(&self) -> Result<Option<Viewer>> {
        Ok(self
            .store
            .meta(LOCAL_USER_KEY)?
            .and_then(|text| serde_json::from_str(&text).ok()))
    }

    /// Who the calls are made for, and whether the local user chose it.
    pub fn session(&self) -> Result<Session> {
        let name = match &self.viewer.person {
            Some(person) => Some(self.store.person_place(person)?.name),
            None => None,
        };
        Ok(Session {
            viewer: self.viewer.clone(),
            chosen: self.chosen_local_user()?.is_some(),
            name,
        })
    }

    /// The local user says who they are (at first start, or to change it);
    /// kept in the directory for the next start. On a single laptop this is
    /// the user's own word; a server takes it from the login instead.
    pub fn set_session(&mut self, viewer: &Viewer) -> Result<Session> {
        self.act_as(viewer.clone())?;
        let text = serde_json::to_string(viewer).expect("viewers serialise");
        self.store.set_meta(LOCAL_USER_KEY, &text)?;
        self.session()
    }

    /// How much of `profile` the viewer sees (see [`crate::access`]).
    fn tier_for(&self, profile: &PersonProfile) -> Result<Tier> {
        Ok(self.reach()?.tier(&profile.id, &profile.units))
    }

    /// What the viewer needs to know about themself to tell, person by
    /// person, how much they see: read once for a whole list.
    fn reach(&self) -> Result<Reach<'_>> {
        let leads = match (self.viewer.role, &self.viewer.person) {
            (Role::Leader, Some(leader)) => self.store.person_place(leader)?.units,
            _ => Vec::new(),
        };
        Ok(Reach {
            viewer: &self.viewer,
            leads,
        })
    }

    /// Withholds the share-back states marked HR-only from a reader who is
    /// neither HR, the attendee nor one of their leaders.
    fn redact_share_backs(&self, reports: &mut [CourseReport]) -> Result<()> {
        let reach = self.reach()?;
        if reach.viewer.role.is_hr() {
            return Ok(());
        }
        for attendee in reports.iter_mut().flat_map(|r| r.attendees.iter_mut()) {
            if attendee.share_back.as_ref().is_some_and(|s| s.hr_only) {
                let units = self.store.person_place(&attendee.id)?.units;
                if !reach.tier(&attendee.id, &units).sees_hidden() {
                    attendee.share_back = None;
                }
            }
        }
        Ok(())
    }

    /// Searches this directory from other threads, also while it is being
    /// written (see [`SearchHandle`]).
    pub fn search_handle(&self) -> SearchHandle {
        self.searches.clone()
    }

    /// Empties SQLite's page caches, the writer's and the idle readers'.
    /// Opening a directory reads every person, which fills them, and a
    /// window left open holds that memory for nothing: a search reads a
    /// few dozen pages, which the operating system's file cache still has.
    pub fn release_caches(&self) -> Result<()> {
        self.store.release_cache()?;
        self.searches.release_caches()
    }

    /// Lets the search handle's searches see the index as it is now.
    fn publish_index(&self) {
        self.searches.publish(
            self.index.view(),
            Arc::clone(&self.concepts),
            Arc::clone(&self.thesaurus),
        );
    }

    /// One person's profile; the look-up is written to the audit log.
    pub fn person(&mut self, request: &PersonRequest) -> Result<PersonProfile> {
        let profile = self.visible_profile(&request.id)?;
        self.store
            .log(AuditAction::ViewedProfile, Some(&request.id), None)?;
        Ok(profile)
    }

    /// A profile with what the viewer may not see taken out.
    fn visible_profile(&self, id: &str) -> Result<PersonProfile> {
        let mut profile = self.store.profile(id)?;
        let tier = self.tier_for(&profile)?;
        access::redact(&mut profile, tier);
        Ok(profile)
    }

    /// "Mine data": everything stored about one person, with the log of who
    /// looked them up (GDPR art. 15). The export itself is logged.
    pub fn personal_data(&mut self, request: &PersonRequest) -> Result<serde_json::Value> {
        self.viewer
            .require_self_or_hr(&request.id, "export everything stored about a person")?;
        let data = self.store.personal_data(&request.id)?;
        self.store
            .log(AuditAction::Exported, Some(&request.id), Some("mine data"))?;
        Ok(data)
    }

    /// Erases a person who has left: from the database (then vacuumed, so no
    /// copy stays in free pages or the write-ahead log) and from the search
    /// index (rebuilt without them). Course reports keep their text.
    pub fn erase_person(&mut self, request: &PersonRequest) -> Result<ErasureReport> {
        self.viewer.require_hr("erase a person")?;
        let report = self.store.erase_person(&request.id)?;
        self.store.compact()?;
        self.reindex()?;
        Ok(report)
    }

    /// Marks a person as having left; answers when (see
    /// [`Store::mark_left`]).
    pub fn mark_left(&mut self, request: &PersonRequest) -> Result<PersonLeft> {
        self.viewer.require_hr("mark a person as having left")?;
        let left_at = self.store.mark_left(&request.id)?;
        self.after_write()?;
        Ok(PersonLeft {
            id: request.id.clone(),
            left_at,
        })
    }

    /// The retention rules, and what they would remove today.
    pub fn retention(&self) -> Result<RetentionReport> {
        self.store.expired(chrono::Utc::now())
    }

    /// Sets how long people who left and course reports are kept; answers
    /// with what the new rules would remove today, before anything is.
    pub fn set_retention_rules(&mut self, rules: &RetentionRules) -> Result<RetentionReport> {
        self.viewer.require_hr("change the retention rules")?;
        self.store.set_retention_rules(*rules)?;
        self.retention()
    }

    /// Applies the retention rules: removes what has expired, then compacts
    /// the file and rebuilds the index, so that no copy is left behind.
    pub fn apply_retention(&mut self) -> Result<RetentionReport> {
        self.viewer.require_hr("apply the retention rules")?;
        self.remove_expired()
    }

    fn remove_expired(&mut self) -> Result<RetentionReport> {
        let report = self.store.remove_expired(chrono::Utc::now())?;
        if report.removes_anything() {
            self.store.compact()?;
            self.reindex()?;
        }
        Ok(report)
    }

    /// [`Self::apply_retention`] when the rules last ran more than a day
    /// ago: the desktop app and `hvemved serve` call this as they start, so
    /// the rules apply without anyone remembering to run them.
    pub fn apply_retention_if_due(&mut self) -> Result<Option<RetentionReport>> {
        let due = match self.store.retention_last_run()? {
            Some(last) => chrono::Utc::now() - last >= chrono::Duration::days(1),
            None => true,
        };
        if due {
            self.remove_expired().map(Some)
        } else {
            Ok(None)
        }
    }

    /// The audit log, newest first; about one person when `person` is given.
    pub fn audit_log(&mut self, request: &AuditRequest) -> Result<Vec<AuditEntry>> {
        self.viewer.require_hr("read the audit log")?;
        // Up to the search just made, so the log HR reads is complete.
        self.store_searches(true)?;
        self.store
            .audit_log(request.person.as_deref(), request.limit.unwrap_or(1_000))
    }

    pub fn stats(&self) -> Result<DirectoryStats> {
        let mut stats = self.store.stats()?;
        stats.index_seq = Some(self.index.applied_seq());
        Ok(stats)
    }

    /// Imports a bundle all or nothing. With `dry_run` the same writes run
    /// and are rolled back, so the counts shown in a preview are exact.
    pub fn import_bundle(&mut self, request: &ImportRequest) -> Result<ImportReport> {
        self.viewer.require_hr("import a bundle")?;
        let known = self.store.person_external_ids()?;
        let bundle = parse_bundle(request.bundle.as_bytes(), &|id| known.contains(id))?;
        self.write_bundle(&bundle, request.dry_run, BundleSource::Imported)
    }

    /// Imports records that are already parsed and valid (the demo generator,
    /// benchmarks, other importers that build a bundle themselves).
    pub fn import_records(&mut self, bundle: &Bundle) -> Result<ImportReport> {
        self.write_bundle(bundle, false, BundleSource::Generated(None))
    }

    /// Reads a bundle file, refusing files too large to be a directory.
    pub fn import_bundle_file(&mut self, path: &Path, dry_run: bool) -> Result<ImportReport> {
        self.viewer.require_hr("import a bundle")?;
        let size = std::fs::metadata(path).map_err(|e| CoreError::io(path, e))?.len();
        if size > MAX_BUNDLE_BYTES {
            return Err(CoreError::InvalidInput(format!(
                "{} is {} MB; a bundle may be at most {} MB",
                path.display(),
                size / 1_000_000,
                MAX_BUNDLE_BYTES / 1_000_000
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| CoreError::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            CoreError::InvalidInput(format!(
                "{} is not UTF-8 text (invalid byte at position {}); save it as UTF-8",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        })?;
        self.import_bundle(&ImportRequest {
            bundle: text,
            dry_run,
        })
    }

    /// Writes a bundle. An import by a user is logged in the same
    /// transaction; the demo's extras (share-back states, knowledge owners,
    /// initiatives) land in it too and mark the directory as demo data.
    fn write_bundle(&mut self, bundle: &Bundle, dry_run: bool, source: BundleSource) -> Result<ImportReport> {
        let actor = self.store.actor().to_string();
        let report = if dry_run {
            let tx = self.store_tx()?;
            let report = store::write_bundle(&tx, bundle)?;
            tx.rollback()?;
            report
        } else {
            self.store.write(|tx| {
                let report = store::write_bundle(tx, bundle)?;
                if let BundleSource::Imported = source {
                    let detail = format!(
                        "bundle: {} people created, {} updated; {} courses created, {} updated",
                        report.people_created,
                        report.people_updated,
                        report.courses_created,
                        report.courses_updated
                    );
                    store::log_in(tx, &actor, AuditAction::Imported, None, Some(&detail))?;
                }
                if let BundleSource::Generated(Some(extras)) = source {
                    store::set_meta(tx, "demo", "true")?;
                    for update in &extras.share_backs {
                        store::set_share_back_in(tx, update)?;
                    }
                    for (area, owner, deputy) in &extras.owners {
                        store::set_knowledge_owner_in(tx, area, owner, deputy.as_deref())?;
                    }
                    for initiative in &extras.initiatives {
                        store::save_initiative_in(tx, initiative)?;
                    }
                    store::backdate_skill_entries_in(tx, chrono::Utc::now(), crate::demo::skill_entry_age)?;
                    // Most of the demo's staff would like to meet colleagues over lunch.
                    tx.execute(
                        "UPDATE people SET lunch_opt_in = ((id * 7919) % 10 < 6)",
                        [],
                    )?;
                    // Mapped when they started, not on the day the demo was loaded.
                    tx.execute(
                        "UPDATE initiatives SET created_at = start_date || 'T08:00:00Z' WHERE start_date IS NOT NULL",
                        [],
                    )?;
                }
                Ok(report)
            })?
        };
        if !dry_run {
            self.store.checkpoint()?;
            self.after_write()?;
        }
        Ok(report)
    }

    /// Imports people from an HR system's CSV or an Active Directory LDIF
    /// export, all or nothing: any row that cannot be used refuses the whole
    /// file. With `dry_run` the same writes run and are rolled back, so the
    /// preview's counts, conflicts and refusals are exact.
    pub fn import_people(&mut self, request: &PeopleImportRequest) -> Result<PeopleFileReport> {
        self.import_people_reporting(request, &mut |_| {})
    }

    /// [`Self::import_people`] with `progress` told how far it has come.
    pub fn import_people_reporting(
        &mut self,
        request: &PeopleImportRequest,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<PeopleFileReport> {
        self.viewer.require_hr("import people")?;
        let parsed = hr_import::read_people_file(request)?;
        let mut report = parsed.report;
        let actor = self.store.actor().to_string();
        let tx = self.store_tx()?;
        let total = parsed.rows.len();
        let mut import = store::import_people_in(&tx, &parsed.rows, &mut |done| {
            progress(ImportProgress {
                stage: ImportStage::Rows,
                done,
                total,
            })
        })?;
        import.refused.extend(parsed.errors);
        import.refused.sort_by_key(|e| e.line);
        let refused = !import.refused.is_empty();
        report.import = import;
        if request.dry_run || refused {
            tx.rollback()?;
            if refused && !request.dry_run {
                return Err(CoreError::InvalidInput(hr_import::refusal_message(
                    &report.import.refused,
                )));
            }
            return Ok(report);
        }
        let detail = import_detail(
            &request.file,
            format!(
                "people: {} created, {} updated",
                report.import.created, report.import.updated
            ),
        );
        store::log_in(&tx, &actor, AuditAction::Imported, None, Some(&detail))?;
        tx.commit()?;
        report.written = true;
        progress(ImportProgress {
            stage: ImportStage::Indexing,
            done: 0,
            total,
        });
        self.store.checkpoint()?;
        self.after_write()?;
        Ok(report)
    }

    /// Imports skill entries (person, skill, level) from a CSV file, all or
    /// nothing; a level the employee declared themselves is kept and listed.
    pub fn import_skills(
        &mut self,
        request: &RecordsImportRequest,
    ) -> Result<RecordsFileReport<SkillsImportReport>> {
        self.viewer.require_hr("import skills")?;
        let file = request.file.open()?;
        let parsed = parse_skills_stream(file.text()?, request.file.chosen_delimiter()?)
            .map_err(|e| hr_import::csv_error(&file.what, e))?;
        let delimiter = parsed.delimiter;
        self.import_records_csv(request, file.shown_encoding, delimiter, parsed.errors, |tx| {
            store::import_skills_in(tx, &parsed.rows)
        })
    }

    /// Imports course attendance (course, person, date) from a CSV file, all
    /// or nothing, creating the courses it names for the first time.
    pub fn import_attendance(
        &mut self,
        request: &RecordsImportRequest,
    ) -> Result<RecordsFileReport<AttendanceImportReport>> {
        self.viewer.require_hr("import course attendance")?;
        let file = request.file.open()?;
        let parsed = parse_attendance_stream(file.text()?, request.file.chosen_delimiter()?)
            .map_err(|e| hr_import::csv_error(&file.what, e))?;
        let delimiter = parsed.delimiter;
        self.import_records_csv(request, file.shown_encoding, delimiter, parsed.errors, |tx| {
            store::import_attendance_in(tx, &parsed.rows)
        })
    }

    /// Runs `import` in one transaction with the parser's refusals added to
    /// its own; commits only a real run with nothing refused.
    fn import_records_csv<R: store::Refusals>(
        &mut self,
        request: &RecordsImportRequest,
        encoding: Option<crate::interchange::text_decode::TextEncoding>,
        delimiter: u8,
        parse_errors: Vec<crate::interchange::RecordError>,
        import: impl FnOnce(&rusqlite::Transaction) -> Result<R>,
    ) -> Result<RecordsFileReport<R>> {
        let actor = self.store.actor().to_string();
        let tx = self.store_tx()?;
        let mut report = import(&tx)?;
        let refused = report.refused_mut();
        refused.extend(parse_errors);
        refused.sort_by_key(|e| e.line);
        if !refused.is_empty() && !request.dry_run {
            tx.rollback()?;
            return Err(CoreError::InvalidInput(hr_import::refusal_message(refused)));
        }
        let mut file_report = RecordsFileReport {
            encoding: encoding.map(|e| e.label().to_string()),
            delimiter: hr_import::delimiter_label(delimiter),
            import: report,
            written: false,
        };
        if request.dry_run {
            tx.rollback()?;
            return Ok(file_report);
        }
        let detail = import_detail(&request.file, file_report.import.summary());
        store::log_in(&tx, &actor, AuditAction::Imported, None, Some(&detail))?;
        tx.commit()?;
        file_report.written = true;
        self.store.checkpoint()?;
        self.after_write()?;
        Ok(file_report)
    }

    /// Reads a people file (CSV or LDIF) from disk, as a stream, for
    /// [`Self::import_people`].
    pub fn import_people_file(
        &mut self,
        path: &Path,
        request: PeopleImportRequest,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<PeopleFileReport> {
        let request = PeopleImportRequest {
            file: FileContent {
                encoding: request.file.encoding,
                delimiter: request.file.delimiter,
                ..FileContent::from_path(path)
            },
            ..request
        };
        self.import_people_reporting(&request, progress)
    }

    fn store_tx(&mut self) -> Result<rusqlite::Transaction<'_>> {
        self.store.begin_immediate()
    }

    pub fn export_bundle(&mut self) -> Result<Bundle> {
        self.viewer.require_hr("export the directory")?;
        let bundle = self.store.export_bundle()?;
        let detail = format!("bundle of {} people", bundle.people.len());
        self.store.log(AuditAction::Exported, None, Some(&detail))?;
        Ok(bundle)
    }

    /// Active people as vCards or as a CSV for Excel, everyone or those asked for.
    pub fn export_people(&mut self, request: &PeopleExportRequest) -> Result<ExportedFile> {
        self.viewer.require_hr("export people")?;
        let file = people_export::export_people(self.store.bundle_people(&request.ids)?, request)?;
        let detail = format!("{} of {} people", file.file_name, file.people);
        let person = (request.ids.len() == 1).then(|| request.ids[0].as_str());
        self.store.log(AuditAction::Exported, person, Some(&detail))?;
        Ok(file)
    }

    /// Loads the built-in demo municipality; refuses to mix it into a
    /// directory that already holds data unless `force` is set.
    pub fn load_demo(&mut self, request: &DemoRequest) -> Result<ImportReport> {
        self.viewer.require_hr("load the demo municipality")?;
        if !request.force && !self.store.is_empty()? {
            return Err(CoreError::DirectoryNotEmpty(self.data_dir.display().to_string()));
        }
        let bundle = crate::demo::generate(
            crate::demo::DEFAULT_SEED,
            request.people.unwrap_or(crate::demo::DEFAULT_PEOPLE),
            request.courses.unwrap_or(crate::demo::DEFAULT_COURSES),
        );
        let extras = DemoExtras {
            share_backs: crate::demo::share_backs(&bundle, today(), crate::demo::DEFAULT_SEED),
            owners: crate::demo::knowledge_owners(&bundle, &self.thesaurus),
            initiatives: crate::demo::initiatives(&bundle, today()),
        };
        self.write_bundle(&bundle, false, BundleSource::Generated(Some(&extras)))
    }

    pub fn person_update(&mut self, request: &PersonUpdateRequest) -> Result<PersonProfile> {
        self.viewer
            .require_self_or_hr(&request.id, "change this profile")?;
        self.store.update_profile(&request.id, &request.changes)?;
        self.after_write()?;
        self.visible_profile(&request.id)
    }

    pub fn person_skill_set(&mut self, request: &SkillSetRequest) -> Result<PersonProfile> {
        self.viewer
            .require_self_or_hr(&request.id, "change this profile")?;
        self.store.set_skill(&request.id, &request.change)?;
        self.after_write()?;
        self.visible_profile(&request.id)
    }

    /// Shows a skill to everyone or hides it; showing an imported skill
    /// confirms it.
    pub fn person_skill_visibility(&mut self, request: &SkillVisibilityRequest) -> Result<PersonProfile> {
        self.viewer
            .require_self_or_hr(&request.id, "change this profile")?;
        self.store
            .set_skill_shown(&request.id, &request.skill, request.shown)?;
        self.after_write()?;
        self.visible_profile(&request.id)
    }

    pub fn person_skill_remove(&mut self, request: &SkillRemoveRequest) -> Result<PersonProfile> {
        self.viewer
            .require_self_or_hr(&request.id, "change this profile")?;
        self.store.remove_skill(&request.id, &request.skill)?;
        self.after_write()?;
        self.visible_profile(&request.id)
    }

    /// Skills people already have first (most held first), then thesaurus
    /// terms, so picking an existing skill is easier than making a new one.
    pub fn skill_suggest(&self, request: &SuggestRequest) -> Result<Vec<SkillSuggestion>> {
        skill_suggestions(&self.store, &self.thesaurus, request)
    }

    pub fn people_suggest(&self, request: &SuggestRequest) -> Result<Vec<PersonSuggestion>> {
        people_suggestions(&self.store, request)
    }

    pub fn course_list(&self, request: &CourseListRequest) -> Result<Vec<CourseReport>> {
        let limit = request.limit.clamp(1, 1000);
        let mut reports = self
            .store
            .course_list(&request.query, limit, self.viewer.role.is_hr())?;
        self.redact_share_backs(&mut reports)?;
        Ok(reports)
    }

    /// Saves a course report in one transaction, validated like a bundle
    /// record; it is evidence for its attendees in search at once.
    pub fn course_save(&mut self, request: &CourseSaveRequest) -> Result<CourseReport> {
        let input = &request.course;
        let id = match input.id.as_deref().map(str::trim).filter(|id| !id.is_empty()) {
            Some(id) => id.to_string(),
            None => format!("c-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]),
        };
        let mut attendees = input.attendees.clone();
        for author in &input.authors {
            if !attendees.contains(author) {
                attendees.push(author.clone());
            }
        }
        let draft = Bundle::new(
            Vec::new(),
            vec![BundleCourse {
                id: id.clone(),
                title: input.title.clone(),
                kind: input.kind.clone(),
                provider: input.provider.clone(),
                date: input.date.clone(),
                end_date: input.end_date.clone(),
                location: input.location.clone(),
                attendees,
                summary: input.summary.clone(),
                key_takeaways: input.key_takeaways.clone(),
                skills: input.skills.clone(),
                // Set below either way: the form also opens a report to everyone.
                hr_only: false,
            }],
        );
        if self.store.course_is_hr_only(&id)? || input.hr_only == Some(true) {
            self.viewer.require_hr("write a report for HR only")?;
        }
        let known = self.store.person_external_ids()?;
        let json = serde_json::to_vec(&draft).expect("bundles serialise");
        let course = parse_bundle(&json, &|id| known.contains(id))?;
        self.store.write(|tx| {
            store::write_bundle(tx, &course)?;
            store::set_course_authors_in(tx, &id, &input.authors)?;
            match input.hr_only {
                Some(hr_only) => store::set_course_hr_only_in(tx, &id, hr_only),
                None => Ok(()),
            }
        })?;
        self.after_write()?;
        let mut report = self.store.course_report(&id)?;
        self.redact_share_backs(std::slice::from_mut(&mut report))?;
        Ok(report)
    }

    /// The share-backs the viewer may see: those of HR-only reports and the
    /// HR-only states only for HR, and the latter for the attendee and their
    /// leaders too.
    pub fn share_back_list(&self, query: &ShareBackQuery) -> Result<ShareBackList> {
        let reach = self.reach()?;
        let mut items = self.store.share_back_list(query, today())?;
        items.retain(|item| reach.sees_share_back(item));
        Ok(ShareBackList {
            policy_days: self.store.share_back_days()?,
            items,
        })
    }

    /// Records a share-back: by the attendee, one of their leaders or HR;
    /// only HR marks one as HR-only or opens it again.
    pub fn share_back_set(&mut self, update: &ShareBackUpdate) -> Result<ShareBackItem> {
        if update.hr_only.is_some() {
            self.viewer
                .require_hr("mark a share-back as HR-only or open it to everyone")?;
        }
        if self.store.course_is_hr_only(&update.course)? {
            self.viewer
                .require_hr("record a share-back of a report for HR only")?;
        }
        let units = self.store.person_place(&update.person)?.units;
        self.reach()?
            .require_close(&update.person, &units, "record their share-back")?;
        self.store.set_share_back(update, today())
    }

    pub fn share_back_policy(&self) -> Result<ShareBackPolicy> {
        Ok(ShareBackPolicy {
            days: self.store.share_back_days()?,
        })
    }

    pub fn share_back_policy_set(&mut self, policy: &ShareBackPolicy) -> Result<ShareBackPolicy> {
        self.viewer.require_hr("set how long attendees have to share")?;
        Ok(ShareBackPolicy {
            days: self.store.set_share_back_days(policy.days)?,
        })
    }

    /// The area's label and kind, or an error naming it when it is neither a
    /// thesaurus concept nor a category.
    fn area(&self, area: &str) -> Result<(String, &'static str)> {
        if let Some(concept) = self.thesaurus.get(area) {
            return Ok((concept.preferred.clone(), "concept"));
        }
        if let Some((_, name, _)) = crate::thesaurus::category(area) {
            return Ok((name.to_string(), "category"));
        }
        Err(CoreError::InvalidInput(format!(
            "knowledge owner of \"{area}\": not a thesaurus concept id or category id"
        )))
    }

    fn owned_area(&self, owner: KnowledgeOwner) -> OwnedArea {
        let (label, kind) = self
            .area(&owner.area)
            .unwrap_or_else(|_| (owner.area.clone(), "removed"));
        OwnedArea {
            area: owner.area.clone(),
            label,
            kind: kind.to_string(),
            owner,
        }
    }

    pub fn owner_list(&self, request: &OwnerListRequest) -> Result<Vec<OwnedArea>> {
        let only = request.area.as_ref().map(|a| vec![a.trim().to_string()]);
        Ok(self
            .store
            .knowledge_owners(only.as_deref())?
            .into_iter()
            .map(|o| self.owned_area(o))
            .collect())
    }

    pub fn owner_set(&mut self, request: &OwnerSetRequest) -> Result<OwnedArea> {
        let area = request.area.trim();
        self.area(area)?;
        let deputy = request.deputy.as_deref().map(str::trim).filter(|d| !d.is_empty());
        let owner = self
            .store
            .set_knowledge_owner(area, request.person.trim(), deputy)?;
        Ok(self.owned_area(owner))
    }

    pub fn owner_remove(&mut self, request: &OwnerRemoveRequest) -> Result<bool> {
        self.store.remove_knowledge_owner(request.area.trim())
    }

    pub fn competence_map(&self, request: &CompetenceMapRequest) -> Result<CompetenceMap> {
        let mut map = competence_map::build(&self.store.skill_holdings()?, request, today());
        let owned: std::collections::HashSet<String> = self
            .store
            .knowledge_owners(None)?
            .into_iter()
            .map(|o| o.area)
            .collect();
        let mut unowned: std::collections::BTreeMap<String, UnownedArea> = Default::default();
        for row in &map.rows {
            for concept in self.thesaurus.lookup(&row.skill) {
                if owned.contains(&concept.id) || owned.contains(&concept.category) {
                    continue;
                }
                unowned
                    .entry(concept.id.clone())
                    .or_insert_with(|| UnownedArea {
                        area: concept.id.clone(),
                        label: concept.preferred.clone(),
                        people: 0,
                    })
                    .people += row.people;
            }
        }
        map.unowned_areas = unowned.into_values().collect();
        map.unowned_areas
            .sort_by(|a, b| b.people.cmp(&a.people).then_with(|| a.label.cmp(&b.label)));
        Ok(map)
    }

    /// What was learned and started in a period, as data, HTML and Markdown.
    pub fn digest(&self, request: &DigestRequest) -> Result<DigestOutput> {
        let digest = crate::digest::build(&self.store, request, today())?;
        Ok(DigestOutput {
            html: crate::digest::to_html(&digest),
            markdown: crate::digest::to_markdown(&digest),
            digest,
        })
    }

    /// A colleague to have lunch with whom the person shares no unit, course
    /// or initiative; remembered, so that the next suggestion is someone
    /// else and everyone gets their turn. None when no one is left.
    pub fn suggest_lunch(&mut self, request: &MeetingRequest) -> Result<Option<LunchSuggestion>> {
        let pool = self.store.lunch_pool(&request.person)?;
        if !pool.opted_in {
            return Err(CoreError::InvalidInput(format!(
                "person \"{}\" has not asked for lunch suggestions (lunch_opt_in)",
                pool.person.id
            )));
        }
        let Some(suggestion) = crate::meeting::pick_lunch(&pool) else {
            return Ok(None);
        };
        let partner = pool
            .candidates
            .iter()
            .find(|c| c.colleague.id == suggestion.partner.id)
            .map(|c| c.row)
            .expect("the partner is one of the candidates");
        self.store.record_lunch_suggestion(pool.row, partner)?;
        Ok(Some(suggestion))
    }

    pub fn suggest_mentor(&self, request: &MentorRequest) -> Result<MentorMatches> {
        let profile = self.store.profile(request.person.trim())?;
        let concept = request
            .concept
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|text| {
                self.thesaurus
                    .get(text)
                    .or_else(|| self.thesaurus.lookup(text).into_iter().next())
                    .map(|c| c.id.clone())
                    .unwrap_or_else(|| text.to_lowercase())
            });
        Ok(crate::meeting::mentor_matches(
            &self.store.skill_holdings()?,
            &self.thesaurus,
            &profile.id,
            concept.as_deref(),
        ))
    }

    pub fn suggest_rotation(&self, request: &MeetingRequest) -> Result<Vec<RotationSuggestion>> {
        let profile = self.store.profile(request.person.trim())?;
        Ok(crate::meeting::rotation(
            &self.store.skill_holdings()?,
            &self.thesaurus,
            &profile.id,
            profile.department.as_deref(),
        ))
    }

    pub fn initiative_list(&self, query: &InitiativeQuery) -> Result<Vec<Initiative>> {
        self.store.initiatives(query, &today().to_string())
    }

    pub fn initiative_show(&self, request: &InitiativeRequest) -> Result<Initiative> {
        self.store.initiative(&request.id)
    }

    /// Existing initiatives that look like the draft in purpose and target
    /// group, most alike first; asked before a new one is saved.
    pub fn initiative_similar(&self, draft: &InitiativeDraft) -> Result<Vec<SimilarInitiative>> {
        let existing = self.store.initiatives(&InitiativeQuery::default(), "")?;
        let doc_freq = |term: &str| self.index.doc_freq(term);
        Ok(similar_initiatives::find_similar(
            draft,
            &existing,
            &mut search::analyzer::danish_analyzer(),
            &self.concepts,
            &Background {
                documents: self.index.num_docs(),
                doc_freq: &doc_freq,
            },
        ))
    }

    /// Saves an initiative in one transaction; its members are found by it
    /// in search at once.
    pub fn initiative_save(&mut self, request: &InitiativeSaveRequest) -> Result<Initiative> {
        let id = self
            .store
            .write(|tx| store::save_initiative_in(tx, &request.initiative))?;
        self.after_write()?;
        self.store.initiative(&id)
    }

    pub fn initiative_remove(&mut self, request: &InitiativeRequest) -> Result<bool> {
        let removed = self.store.remove_initiative(&request.id)?;
        self.after_write()?;
        Ok(removed)
    }

    /// Empties the directory (the demo data, before the real directory is
    /// imported); local thesaurus terms stay.
    pub fn clear_directory(&mut self) -> Result<DirectoryStats> {
        self.viewer.require_hr("empty the directory")?;
        self.store.clear_directory()?;
        self.after_write()?;
        self.stats()
    }

    fn after_write(&mut self) -> Result<()> {
        self.index.catch_up(&index_path(&self.data_dir), &self.store)?;
        self.publish_index();
        Ok(())
    }

    /// The thesaurus concepts a term names: by label (any language, any
    /// spelling of æ/ø/å, hyphens ignored) or by concept id.
    pub fn thesaurus_lookup(&self, request: &TermRequest) -> Result<Vec<Concept>> {
        let mut found: Vec<Concept> = self
            .thesaurus
            .lookup(&request.term)
            .into_iter()
            .cloned()
            .collect();
        if let Some(concept) = self.thesaurus.get(request.term.trim()) {
            if !found.iter().any(|c| c.id == concept.id) {
                found.insert(0, concept.clone());
            }
        }
        Ok(found)
    }

    pub fn thesaurus_list(&self, request: &ConceptListRequest) -> Result<Vec<Concept>> {
        Ok(self
            .thesaurus
            .concepts()
            .iter()
            .filter(|c| request.category.as_ref().is_none_or(|cat| &c.category == cat))
            .cloned()
            .collect())
    }

    /// Adds a concept or replaces the one with the same id. Searches use it
    /// from the next query on; the index needs no rebuild, since queries are
    /// expanded, not documents.
    pub fn thesaurus_save(&mut self, request: &SaveConceptRequest) -> Result<Concept> {
        self.viewer.require_hr("change the thesaurus")?;
        let concept = normalised(&request.concept);
        let problems = self.thesaurus.validate(&concept);
        if !problems.is_empty() {
            return Err(CoreError::InvalidInput(format!(
                "thesaurus concept \"{}\": {}",
                concept.id,
                problems.join("; ")
            )));
        }
        self.store.save_concept(&concept)?;
        Arc::make_mut(&mut self.thesaurus).add_or_replace(concept.clone());
        self.concepts = Arc::new(ConceptMatcher::new(
            &self.thesaurus,
            &mut search::analyzer::danish_analyzer(),
        ));
        self.after_write()?;
        Ok(concept)
    }

    /// Throws the search index away and builds it again from the store.
    /// Writes the whole directory to one file while it stays in use.
    pub fn backup(&self, target: &Path) -> Result<()> {
        self.store.backup_to(target)
    }

    /// A backup as a file for the user to save (the UI's way to
    /// [`Self::backup`]: the page never names paths on this machine).
    pub fn backup_download(&mut self) -> Result<ExportedFile> {
        self.viewer.require_hr("download a backup")?;
        let temp = self
            .data_dir
            .join(format!(".download-{}.backup", std::process::id()));
        let made = self
            .backup(&temp)
            .and_then(|()| std::fs::read(&temp).map_err(|e| CoreError::io(&temp, e)));
        let _ = std::fs::remove_file(&temp);
        let bytes = made?;
        let people = self.store.stats()?.active_people as usize;
        self.store.log(AuditAction::Exported, None, Some("backup"))?;
        Ok(ExportedFile {
            file_name: format!("hvemved-{}.backup", chrono::Local::now().format("%Y-%m-%d")),
            media_type: "application/vnd.sqlite3".into(),
            content_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
            people,
        })
    }

    /// Restores a backup the user picked (the UI's way to [`Self::restore`]).
    pub fn restore_upload(&mut self, request: &RestoreRequest) -> Result<RestoreReport> {
        self.viewer.require_hr("restore a backup")?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(request.content_base64.trim())
            .map_err(|e| CoreError::InvalidInput(format!("the backup is not valid base64 ({e})")))?;
        let temp = self
            .data_dir
            .join(format!(".upload-{}.backup", std::process::id()));
        std::fs::write(&temp, bytes).map_err(|e| CoreError::io(&temp, e))?;
        let restored = self.restore(&temp);
        let _ = std::fs::remove_file(&temp);
        restored
    }

    /// Replaces the whole directory with a backup, then rebuilds the search
    /// index and everything held in memory from it. The audit log and
    /// erasures made since the backup are kept (see [`Store::restore_from`]).
    pub fn restore(&mut self, source: &Path) -> Result<RestoreReport> {
        self.viewer.require_hr("restore a backup")?;
        // The searches not yet written belong to the log that is carried over.
        self.store_searches(true)?;
        let erased_again = self.store.restore_from(source)?;
        if !erased_again.is_empty() {
            // As after any erasure: no copy left in free pages or the log.
            self.store.compact()?;
        }
        self.thesaurus = Arc::new(self.store.thesaurus()?);
        self.concepts = Arc::new(ConceptMatcher::new(
            &self.thesaurus,
            &mut search::analyzer::danish_analyzer(),
        ));
        Ok(RestoreReport {
            index: self.reindex()?,
            erased_again,
        })
    }

    /// Checks the database file and compares the search index, document by
    /// document, with what a rebuild from the database would write.
    pub fn check(&self, request: &CheckRequest) -> Result<ConsistencyReport> {
        search::consistency::check(&self.store, &self.index, request)
    }

    pub fn reindex(&mut self) -> Result<ReindexReport> {
        self.index = SearchIndex::rebuild(&index_path(&self.data_dir), &self.store)?;
        self.publish_index();
        Ok(ReindexReport {
            people_indexed: self.index.people().len() as u64,
            documents_indexed: self.index.num_docs(),
            change_seq: self.index.applied_seq(),
        })
    }
}

/// The audit log's line for a file's import: its name, when the user's
/// program gave one, and what the import wrote.
fn import_detail(file: &FileContent, wrote: String) -> String {
    match &file.file_name {
        Some(name) => format!("{name}: {wrote}"),
        None => wrote,
    }
}

fn normalised(concept: &Concept) -> Concept {
    let clean = |list: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for label in list.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            if !out.iter().any(|o| o == label) {
                out.push(label.to_string());
            }
        }
        out
    };
    Concept {
        id: concept.id.trim().to_string(),
        category: concept.category.trim().to_string(),
        preferred: concept.preferred.trim().to_string(),
        alternatives: clean(&concept.alternatives),
        abbreviations: clean(&concept.abbreviations),
        english: clean(&concept.english),
    }
}

/// A person marked as having left, and since when.
#[derive(Debug, Clone, Serialize)]
pub struct PersonLeft {
    pub id: String,
    pub left_at: String,
}

/// Backs up the directory at `data_dir` without opening its search index,
/// so that it can run beside the app or `hvemved serve` while they write:
/// opening the index would compete with theirs for its lock (the index is
/// rebuilt on restore anyway). Logged as a backup download is.
pub fn backup_database(data_dir: &Path, target: &Path) -> Result<DirectoryStats> {
    let database = database_path(data_dir);
    if !database.exists() {
        return Err(CoreError::InvalidInput(format!(
            "there is no directory at {} to back up",
            data_dir.display()
        )));
    }
    let mut store = Store::open(&database)?;
    store.backup_to(target)?;
    store.log(AuditAction::Exported, None, Some("backup"))?;
    store.stats()
}

/// Skills people already have first (most held first), then thesaurus
/// terms, so picking an existing skill is easier than making a new one.
/// Reads only, so that it can run beside the writer as well.
pub(crate) fn skill_suggestions(
    store: &Store,
    thesaurus: &Thesaurus,
    request: &SuggestRequest,
) -> Result<Vec<SkillSuggestion>> {
    let prefix = request.prefix.trim();
    let limit = request.limit.clamp(1, 50);
    if prefix.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: Vec<SkillSuggestion> = store
        .skill_names_like(prefix, limit)?
        .into_iter()
        .map(|(name, people)| SkillSuggestion {
            english: thesaurus
                .lookup(&name)
                .first()
                .and_then(|c| c.english.first().cloned()),
            name,
            people,
            known: true,
        })
        .collect();
    let key = crate::thesaurus::label_key(prefix);
    for concept in thesaurus.concepts() {
        if found.len() >= limit {
            break;
        }
        let matches = concept
            .all_labels()
            .any(|label| crate::thesaurus::label_key(label).starts_with(&key));
        if matches
            && !found
                .iter()
                .any(|f| f.name.eq_ignore_ascii_case(&concept.preferred))
        {
            found.push(SkillSuggestion {
                name: concept.preferred.clone(),
                english: concept.english.first().cloned(),
                people: 0,
                known: false,
            });
        }
    }
    Ok(found)
}

/// Colleagues whose name starts as typed, for picking people while typing.
pub(crate) fn people_suggestions(store: &Store, request: &SuggestRequest) -> Result<Vec<PersonSuggestion>> {
    if request.prefix.trim().is_empty() {
        return Ok(Vec::new());
    }
    store.people_named_like(&request.prefix, request.limit.clamp(1, 50))
}

/// One entry of the command list.
pub struct Command {
    pub name: &'static str,
    pub summary: &'static str,
    handler: fn(&mut Directory, Value) -> Result<Value>,
}

pub(crate) fn call<Req: DeserializeOwned, Resp: Serialize>(
    args: Value,
    run: impl FnOnce(Req) -> Result<Resp>,
) -> Result<Value> {
    let request: Req =
        serde_json::from_value(args).map_err(|e| CoreError::InvalidInput(format!("bad request: {e}")))?;
    let response = run(request)?;
    Ok(serde_json::to_value(response).expect("responses serialise"))
}

#[derive(Deserialize)]
struct NoArgs {}

pub const COMMANDS: &[Command] = &[
    Command {
        name: "session",
        summary: "Who the calls are made for, and whether the local user has chosen",
        handler: |d, a| call(a, |_: NoArgs| d.session()),
    },
    Command {
        name: "session_set",
        summary: "The local user says who they are: a role and, for employees and leaders, their id",
        handler: |d, a| call(a, |v: Viewer| d.set_session(&v)),
    },
    Command {
        name: "search",
        summary: "Find the colleagues who know about something, with evidence",
        handler: |d, a| call(a, |r: SearchRequest| d.search(&r)),
    },
    Command {
        name: "person_show",
        summary: "Everything the directory shows about one person",
        handler: |d, a| call(a, |r: PersonRequest| d.person(&r)),
    },
    Command {
        name: "person_data",
        summary: "\"Mine data\": everything stored about one person, with who looked them up",
        handler: |d, a| call(a, |r: PersonRequest| d.personal_data(&r)),
    },
    Command {
        name: "person_erase",
        summary: "Erase a person who has left, from the database and the index",
        handler: |d, a| call(a, |r: PersonRequest| d.erase_person(&r)),
    },
    Command {
        name: "audit_log",
        summary: "Who looked up, exported, edited, imported or erased whom, newest first",
        handler: |d, a| call(a, |r: AuditRequest| d.audit_log(&r)),
    },
    Command {
        name: "person_leave",
        summary: "Mark a person as having left: out of search at once, erased when the retention rules say",
        handler: |d, a| call(a, |r: PersonRequest| d.mark_left(&r)),
    },
    Command {
        name: "retention",
        summary: "How long people who left and course reports are kept, and what that removes today",
        handler: |d, a| call(a, |_: NoArgs| d.retention()),
    },
    Command {
        name: "retention_save",
        summary: "Set how long people who left and course reports are kept (null keeps them)",
        handler: |d, a| call(a, |r: RetentionRules| d.set_retention_rules(&r)),
    },
    Command {
        name: "retention_apply",
        summary: "Remove the people who left and the course reports the retention rules say have expired",
        handler: |d, a| call(a, |_: NoArgs| d.apply_retention()),
    },
    Command {
        name: "backup_download",
        summary: "The whole directory as one backup file to save, taken while it stays in use",
        handler: |d, a| call(a, |_: NoArgs| d.backup_download()),
    },
    Command {
        name: "restore_upload",
        summary: "Replace the whole directory with a backup file and rebuild the index",
        handler: |d, a| call(a, |r: RestoreRequest| d.restore_upload(&r)),
    },
    Command {
        name: "stats",
        summary: "Counts of people, units, skills and courses",
        handler: |d, a| call(a, |_: NoArgs| d.stats()),
    },
    Command {
        name: "import_bundle",
        summary: "Import a JSON bundle, all or nothing (or preview it with dry_run)",
        handler: |d, a| call(a, |r: ImportRequest| d.import_bundle(&r)),
    },
    Command {
        name: "import_people",
        summary: "Import people from an HR system's CSV or an Active Directory LDIF export, all or nothing (or preview it with dry_run)",
        handler: |d, a| call(a, |r: PeopleImportRequest| d.import_people(&r)),
    },
    Command {
        name: "import_skills",
        summary: "Import skill entries (person, skill, level) from a CSV file, all or nothing (or preview it with dry_run)",
        handler: |d, a| call(a, |r: RecordsImportRequest| d.import_skills(&r)),
    },
    Command {
        name: "import_attendance",
        summary: "Import course attendance (course, person, date) from a CSV file, all or nothing (or preview it with dry_run)",
        handler: |d, a| call(a, |r: RecordsImportRequest| d.import_attendance(&r)),
    },
    Command {
        name: "export_bundle",
        summary: "The whole directory as a JSON bundle",
        handler: |d, a| call(a, |_: NoArgs| d.export_bundle()),
    },
    Command {
        name: "export_people",
        summary: "People as vCards (3.0 or 4.0) or as a CSV for Excel, everyone or those named",
        handler: |d, a| call(a, |r: PeopleExportRequest| d.export_people(&r)),
    },
    Command {
        name: "load_demo",
        summary: "Load the demo municipality into an empty directory",
        handler: |d, a| call(a, |r: DemoRequest| d.load_demo(&r)),
    },
    Command {
        name: "person_update",
        summary: "Change one's own title, phone, location, \"Spørg mig om\" text or languages",
        handler: |d, a| call(a, |r: PersonUpdateRequest| d.person_update(&r)),
    },
    Command {
        name: "person_skill_set",
        summary: "Add or change one's own skill with level and mentor/learn wishes",
        handler: |d, a| call(a, |r: SkillSetRequest| d.person_skill_set(&r)),
    },
    Command {
        name: "person_skill_visibility",
        summary: "Show one of a person's skills to everyone or hide it (showing an imported one confirms it)",
        handler: |d, a| call(a, |r: SkillVisibilityRequest| d.person_skill_visibility(&r)),
    },
    Command {
        name: "person_skill_remove",
        summary: "Remove a skill from a profile",
        handler: |d, a| call(a, |r: SkillRemoveRequest| d.person_skill_remove(&r)),
    },
    Command {
        name: "skill_suggest",
        summary: "Skills to pick while typing: existing ones first, then thesaurus terms",
        handler: |d, a| call(a, |r: SuggestRequest| d.skill_suggest(&r)),
    },
    Command {
        name: "people_suggest",
        summary: "Colleagues whose name starts with what is typed",
        handler: |d, a| call(a, |r: SuggestRequest| d.people_suggest(&r)),
    },
    Command {
        name: "course_list",
        summary: "Course and conference reports, newest first, optionally filtered by words",
        handler: |d, a| call(a, |r: CourseListRequest| d.course_list(&r)),
    },
    Command {
        name: "course_save",
        summary: "Write or change a course report; its attendees are found by it at once",
        handler: |d, a| call(a, |r: CourseSaveRequest| d.course_save(&r)),
    },
    Command {
        name: "shareback_list",
        summary: "Share-backs after courses: one person's, a unit's, the overdue or the upcoming sessions",
        handler: |d, a| call(a, |r: ShareBackQuery| d.share_back_list(&r)),
    },
    Command {
        name: "shareback_set",
        summary: "Plan a share-back (date and forum) or mark it as shared (date and note)",
        handler: |d, a| call(a, |r: ShareBackUpdate| d.share_back_set(&r)),
    },
    Command {
        name: "shareback_policy_set",
        summary: "How many days attendees have to share what they learned",
        handler: |d, a| call(a, |r: ShareBackPolicy| d.share_back_policy_set(&r)),
    },
    Command {
        name: "owner_list",
        summary: "Knowledge owners (vidensansvarlige) and their deputies, by area",
        handler: |d, a| call(a, |r: OwnerListRequest| d.owner_list(&r)),
    },
    Command {
        name: "owner_set",
        summary: "Make a person knowledge owner of a concept or category, with a deputy",
        handler: |d, a| call(a, |r: OwnerSetRequest| d.owner_set(&r)),
    },
    Command {
        name: "owner_remove",
        summary: "Remove the knowledge owner of an area",
        handler: |d, a| call(a, |r: OwnerRemoveRequest| d.owner_remove(&r)),
    },
    Command {
        name: "competence_map",
        summary: "Skills by unit and level, key-person risks, gaps, profession mix and stale entries",
        handler: |d, a| call(a, |r: CompetenceMapRequest| d.competence_map(&r)),
    },
    Command {
        name: "suggest_lunch",
        summary: "Lunch with a colleague one shares no unit, course or initiative with, taking turns fairly",
        handler: |d, a| call(a, |r: MeetingRequest| d.suggest_lunch(&r)),
    },
    Command {
        name: "suggest_mentor",
        summary: "Mentors for what a person wants to learn, and mentees for what they can teach",
        handler: |d, a| call(a, |r: MentorRequest| d.suggest_mentor(&r)),
    },
    Command {
        name: "suggest_rotation",
        summary: "Units to visit for a day whose work touches a person's skills and wishes",
        handler: |d, a| call(a, |r: MeetingRequest| d.suggest_rotation(&r)),
    },
    Command {
        name: "digest",
        summary: "The newsletter of a period: course takeaways, coming share-backs, new competences and initiatives",
        handler: |d, a| call(a, |r: DigestRequest| d.digest(&r)),
    },
    Command {
        name: "initiative_list",
        summary: "Initiatives, networks and forums, by unit, member, kind, words or running today",
        handler: |d, a| call(a, |r: InitiativeQuery| d.initiative_list(&r)),
    },
    Command {
        name: "initiative_show",
        summary: "One initiative with its units and members",
        handler: |d, a| call(a, |r: InitiativeRequest| d.initiative_show(&r)),
    },
    Command {
        name: "initiative_similar",
        summary: "Existing initiatives like the one being written (purpose and target group)",
        handler: |d, a| call(a, |r: InitiativeDraft| d.initiative_similar(&r)),
    },
    Command {
        name: "initiative_save",
        summary: "Create or change an initiative, network or forum with its units and members",
        handler: |d, a| call(a, |r: InitiativeSaveRequest| d.initiative_save(&r)),
    },
    Command {
        name: "initiative_remove",
        summary: "Remove an initiative",
        handler: |d, a| call(a, |r: InitiativeRequest| d.initiative_remove(&r)),
    },
    Command {
        name: "clear_directory",
        summary: "Remove all people and courses (e.g. the demo data)",
        handler: |d, a| call(a, |_: NoArgs| d.clear_directory()),
    },
    Command {
        name: "thesaurus_lookup",
        summary: "The thesaurus concepts a term names, in any language",
        handler: |d, a| call(a, |r: TermRequest| d.thesaurus_lookup(&r)),
    },
    Command {
        name: "thesaurus_list",
        summary: "Every thesaurus concept, or those of one category",
        handler: |d, a| call(a, |r: ConceptListRequest| d.thesaurus_list(&r)),
    },
    Command {
        name: "thesaurus_save",
        summary: "Add a thesaurus concept or edit one; searches use it at once",
        handler: |d, a| call(a, |r: SaveConceptRequest| d.thesaurus_save(&r)),
    },
    Command {
        name: "check",
        summary: "Check the database file and compare the search index with it, document by document",
        handler: |d, a| call(a, |r: CheckRequest| d.check(&r)),
    },
    Command {
        name: "reindex",
        summary: "Rebuild the search index from the database",
        handler: |d, a| call(a, |_: NoArgs| d.reindex()),
    },
];

/// Runs the named command with JSON arguments; how every face calls the core.
pub fn dispatch(directory: &mut Directory, name: &str, args: Value) -> Result<Value> {
    let command = COMMANDS
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| CoreError::InvalidInput(format!("unknown command \"{name}\"")))?;
    let args = if args.is_null() {
        Value::Object(Default::default())
    } else {
        args
    };
    // Kept for the next call when it fails: the command itself goes on.
    let _ = directory.store_searches(false);
    (command.handler)(directory, args)
}

/// The local calendar day: share-back deadlines are kept by the clock on
/// the wall of the town hall, not by UTC.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
