//! The commands that read a file the user picked and report how far they
//! have come: the people, skills and attendance imports. The faces call
//! them through [`dispatch_with`]: the desktop app hands over the path from
//! its native dialog (so a large file is streamed from disk, never sent
//! through the page) and forwards progress to the page; the HTTP face
//! streams progress to the browser as lines of JSON.

use std::path::Path;

use serde_json::Value;

use crate::api::{call, dispatch, Directory};
use crate::error::{CoreError, Result};
use crate::hr_import::{FileContent, ImportProgress, PeopleImportRequest, RecordsImportRequest};

/// What a face adds to a command beyond its JSON arguments.
pub struct CallContext<'a> {
    /// A file the user picked on this machine; the command reads it instead
    /// of content in its arguments. Only a face sets it, never a request.
    pub picked_file: Option<&'a Path>,
    /// Told how far a long command has come.
    pub progress: &'a mut dyn FnMut(ImportProgress),
}

struct LongCommand {
    name: &'static str,
    handler: fn(&mut Directory, Value, CallContext) -> Result<Value>,
}

const LONG_COMMANDS: &[LongCommand] = &[
    LongCommand {
        name: "import_people",
        handler: |d, a, c| {
            call(a, |mut r: PeopleImportRequest| {
                r.file = with_picked(r.file, c.picked_file);
                d.import_people_reporting(&r, c.progress)
            })
        },
    },
    LongCommand {
        name: "import_skills",
        handler: |d, a, c| {
            call(a, |mut r: RecordsImportRequest| {
                r.file = with_picked(r.file, c.picked_file);
                d.import_skills(&r)
            })
        },
    },
    LongCommand {
        name: "import_attendance",
        handler: |d, a, c| {
            call(a, |mut r: RecordsImportRequest| {
                r.file = with_picked(r.file, c.picked_file);
                d.import_attendance(&r)
            })
        },
    },
];

/// Names of the commands that can read a picked file and report progress.
pub fn long_command_names() -> impl Iterator<Item = &'static str> {
    LONG_COMMANDS.iter().map(|c| c.name)
}

/// [`dispatch`] with a picked file and progress for the commands that use
/// them; any other command runs as `dispatch` runs it.
pub fn dispatch_with(
    directory: &mut Directory,
    name: &str,
    args: Value,
    context: CallContext,
) -> Result<Value> {
    let Some(command) = LONG_COMMANDS.iter().find(|c| c.name == name) else {
        if context.picked_file.is_some() {
            return Err(CoreError::InvalidInput(format!(
                "the command \"{name}\" reads no file"
            )));
        }
        return dispatch(directory, name, args);
    };
    let args = if args.is_null() {
        Value::Object(Default::default())
    } else {
        args
    };
    (command.handler)(directory, args, context)
}

fn with_picked(file: FileContent, picked: Option<&Path>) -> FileContent {
    match picked {
        Some(path) => FileContent {
            encoding: file.encoding,
            delimiter: file.delimiter,
            ..FileContent::from_path(path)
        },
        None => file,
    }
}
