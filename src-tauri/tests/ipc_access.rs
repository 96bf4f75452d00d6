//! The page reaches the app's own commands and nothing else. The app is
//! built on Tauri's mock runtime with its real handlers and its real access
//! control (the app manifest declared by build.rs and the capability in
//! `capabilities/`), so no window, web view or native dialog is involved.

use std::collections::BTreeSet;
use std::path::Path;

use hvemved_core::api::Directory;
use hvemved_desktop::{app_builder, context, DialogAnswer, FileDialogs, COMMANDS};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

const APP_PAGE: &str = "tauri://localhost/index.html";

struct MockApp {
    app: App<MockRuntime>,
    _data_dir: tempfile::TempDir,
}

/// Every file dialog is answered as by a user who cancels.
fn mock_app() -> MockApp {
    mock_app_with(FileDialogs {
        open: DialogAnswer::Given(None),
        save: DialogAnswer::Given(None),
    })
}

fn mock_app_with(dialogs: FileDialogs) -> MockApp {
    let data_dir = tempfile::tempdir().expect("a temporary directory");
    let directory = Directory::open(data_dir.path()).expect("an empty directory opens");
    let app = app_builder(mock_builder(), directory, dialogs)
        .build(context())
        .expect("the app builds on the mock runtime");
    MockApp {
        app,
        _data_dir: data_dir,
    }
}

impl MockApp {
    fn window(&self, label: &str) -> WebviewWindow<MockRuntime> {
        WebviewWindowBuilder::new(&self.app, label, WebviewUrl::App("index.html".into()))
            .build()
            .expect("a mock window")
    }
}

fn invoke(
    window: &WebviewWindow<MockRuntime>,
    page: &str,
    command: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: command.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: page.parse().expect("a URL"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize().expect("a JSON answer"))
}

fn assert_refused(answer: Result<Value, Value>, what: &str) {
    match answer {
        Err(Value::String(message)) if message.contains("not allowed") => {}
        other => panic!("{what} should be refused by the access control, got {other:?}"),
    }
}

type Check = fn(&Result<Value, Value>) -> bool;

/// What each command answers when its handler runs: with every dialog
/// cancelled and no file picked, each has an answer that neither the access
/// control nor a missing handler could give.
fn handler_answers() -> Vec<(&'static str, Value, Check)> {
    vec![
        (
            "api",
            json!({ "cmd": "stats", "args": {} }),
            |answer| matches!(answer, Ok(stats) if stats["people"] == 0 && stats["demo"] == false),
        ),
        (
            "api_import",
            json!({ "cmd": "import_people", "args": {}, "onProgress": "__CHANNEL__:1" }),
            |answer| *answer == Err(json!({ "kind": "invalid_input", "message": "Vælg en fil først." })),
        ),
        ("pick_bundle_file", json!({}), |answer| *answer == Ok(Value::Null)),
        ("pick_import_file", json!({}), |answer| *answer == Ok(Value::Null)),
        ("pick_backup_file", json!({}), |answer| *answer == Ok(Value::Null)),
        ("save_export_file", json!({}), |answer| *answer == Ok(Value::Null)),
        (
            "save_file",
            json!({ "name": "sammendrag.txt", "text": "Hej" }),
            |answer| *answer == Ok(Value::Null),
        ),
    ]
}

#[test]
fn every_declared_command_reaches_its_handler() {
    let app = mock_app();
    let main = app.window("main");
    let answers = handler_answers();
    let tried: Vec<&str> = answers.iter().map(|(name, ..)| *name).collect();
    assert_eq!(tried, COMMANDS, "every command the handler serves is tried here");
    for (command, args, expected) in answers {
        let answer = invoke(&main, APP_PAGE, command, args);
        assert!(expected(&answer), "{command} answered {answer:?}");
    }
}

#[test]
fn the_file_a_dialog_answers_with_is_read_and_written_in_rust() {
    let files = tempfile::tempdir().expect("a temporary directory");
    let picked = files.path().join("bundt.json");
    let saved = files.path().join("sammendrag.txt");
    std::fs::write(&picked, r#"{"people": []}"#).expect("a file to pick");
    let app = mock_app_with(FileDialogs {
        open: DialogAnswer::Given(Some(picked)),
        save: DialogAnswer::Given(Some(saved.clone())),
    });
    let main = app.window("main");

    let bundle = invoke(&main, APP_PAGE, "pick_bundle_file", json!({}));
    assert_eq!(
        bundle,
        Ok(json!({ "name": "bundt.json", "text": r#"{"people": []}"# }))
    );
    let answer = invoke(
        &main,
        APP_PAGE,
        "save_file",
        json!({ "name": "sammendrag.txt", "text": "Hej" }),
    );
    assert_eq!(answer, Ok(json!(saved.display().to_string())));
    assert_eq!(std::fs::read_to_string(&saved).expect("the saved file"), "Hej");
}

#[test]
fn undeclared_commands_are_refused() {
    let app = mock_app();
    let main = app.window("main");
    for command in [
        "plugin:fs|read_file",
        "plugin:fs|write_file",
        "plugin:shell|open",
        "plugin:shell|execute",
        "plugin:http|fetch",
        "plugin:opener|open_url",
        // The dialog plugin runs inside the app, but the page may not call it.
        "plugin:dialog|open",
        "plugin:dialog|save",
        "plugin:dialog|message",
        "plugin:single-instance|anything",
        // Nor Tauri's own: the page needs none of the window, path or event
        // commands.
        "plugin:window|close",
        "plugin:webview|create_webview_window",
        "plugin:path|resolve_directory",
        "plugin:event|emit",
        "plugin:app|app_show",
        "secret",
        "export_bundle",
        "pick_path",
        "API",
        "",
    ] {
        assert_refused(invoke(&main, APP_PAGE, command, json!({})), command);
    }
}

#[test]
fn the_app_commands_are_only_for_the_main_window_and_the_app_page() {
    let app = mock_app();
    let main = app.window("main");
    let other = app.window("other");
    for &command in COMMANDS {
        assert_refused(
            invoke(&other, APP_PAGE, command, json!({})),
            &format!("{command} from another window"),
        );
        assert_refused(
            invoke(&main, "https://example.com/", command, json!({})),
            &format!("{command} from a remote page"),
        );
    }
    let stats = json!({ "cmd": "stats", "args": {} });
    assert!(
        invoke(&main, APP_PAGE, "api", stats).is_ok(),
        "the main window's own page is answered"
    );
}

fn src_tauri() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("a list: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_else(|| panic!("a string: {v}")).to_string())
        .collect()
}

fn sorted(names: &[&str]) -> Vec<String> {
    names
        .iter()
        .map(|name| name.to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The capability grants the page exactly `allow-<command>` for each command
/// the handler serves, in the main window, on the app's own pages.
#[test]
fn the_capability_allows_exactly_the_handled_commands() {
    let capabilities: Vec<_> = std::fs::read_dir(src_tauri().join("capabilities"))
        .expect("capabilities/")
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        capabilities,
        ["default.json"],
        "one capability, so nothing else grants the page more"
    );

    let capability = read_json(&src_tauri().join("capabilities/default.json"));
    assert_eq!(strings(&capability["windows"]), ["main"]);
    assert!(capability.get("webviews").is_none(), "{capability}");
    assert!(
        capability.get("remote").is_none(),
        "no remote page is granted anything: {capability}"
    );
    assert!(
        capability.get("platforms").is_none(),
        "the same on every platform: {capability}"
    );

    let granted = strings(&capability["permissions"]);
    let expected: Vec<String> = COMMANDS
        .iter()
        .map(|command| format!("allow-{}", command.replace('_', "-")))
        .collect();
    assert_eq!(granted, expected);
}

/// The app manifest Tauri compiled from build.rs declares the same commands,
/// the permissions it generated for them are the ones in the repository, and
/// the dialog plugin is the only plugin besides Tauri's core.
#[test]
fn the_manifest_declares_exactly_the_handled_commands() {
    let manifests = read_json(&src_tauri().join("gen/schemas/acl-manifests.json"));
    let plugins: Vec<&str> = manifests
        .as_object()
        .expect("the manifests by plugin")
        .keys()
        .map(String::as_str)
        .filter(|key| *key != "__app-acl__" && *key != "core" && !key.starts_with("core:"))
        .collect();
    assert_eq!(
        plugins,
        ["dialog"],
        "no file system, shell, HTTP or opener plugin is linked"
    );

    let app_manifest = &manifests["__app-acl__"];
    let mut declared: Vec<String> = Vec::new();
    for (identifier, permission) in app_manifest["permissions"]
        .as_object()
        .expect("the app's permissions")
    {
        let allowed = strings(&permission["commands"]["allow"]);
        let denied = strings(&permission["commands"]["deny"]);
        match identifier.split_once('-') {
            Some(("allow", _)) => {
                assert_eq!(allowed.len(), 1, "{identifier} allows one command: {permission}");
                assert!(denied.is_empty(), "{identifier}: {permission}");
                assert_eq!(*identifier, format!("allow-{}", allowed[0].replace('_', "-")));
                declared.push(allowed[0].clone());
            }
            Some(("deny", _)) => assert!(allowed.is_empty(), "{identifier}: {permission}"),
            _ => panic!("an app permission that is neither allow- nor deny-: {identifier}"),
        }
    }
    assert_eq!(
        declared
            .into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>(),
        sorted(COMMANDS)
    );
    assert!(
        app_manifest["default_permission"].is_null(),
        "no default set grants more: {app_manifest}"
    );
    assert!(
        app_manifest["permission_sets"]
            .as_object()
            .is_none_or(|sets| sets.is_empty()),
        "{app_manifest}"
    );

    let generated: Vec<String> = std::fs::read_dir(src_tauri().join("permissions/autogenerated"))
        .expect("permissions/autogenerated/")
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let command = path
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let toml = std::fs::read_to_string(&path).expect("a permission file");
            assert!(
                toml.contains(&format!("commands.allow = [\"{command}\"]")),
                "{}",
                path.display()
            );
            command
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(generated, sorted(COMMANDS));
}
