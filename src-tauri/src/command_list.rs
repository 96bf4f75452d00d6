// The app's own commands: the only ones the page may call. Both build.rs
// (which declares them in the app manifest, from which Tauri generates the
// `allow-…` permissions the capability grants) and lib.rs (which registers
// their handlers) include this file, so the two cannot drift apart.
macro_rules! with_app_commands {
    ($then:ident) => {
        $then!(
            api,
            api_import,
            pick_bundle_file,
            pick_import_file,
            pick_backup_file,
            save_export_file,
            save_file
        )
    };
}

macro_rules! command_names {
    ($($command:ident),*) => {
        &[$(stringify!($command)),*]
    };
}
