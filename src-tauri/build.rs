//! Declares the app's own commands, so the capability file can allow exactly
//! these and nothing else to the page.

include!("src/command_list.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(with_app_commands!(command_names))),
    )
    .expect("the Tauri build step succeeds");
}
