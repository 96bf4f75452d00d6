//! Declares the app's own commands, so the capability file can allow exactly
//! these and nothing else to the page.

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "api",
            "api_import",
            "pick_bundle_file",
            "pick_import_file",
            "pick_backup_file",
            "save_export_file",
            "save_file",
        ]),
    ))
    .expect("the Tauri build step succeeds");
}
