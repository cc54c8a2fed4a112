//! What the integration tests share: the binary, run in the project's
//! root with none of the user's settings that change its output.

use std::process::Command;

/// `whosaid` with colour, width, terminal and prefilter settings removed.
pub fn whosaid() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("whosaid"));
    for var in [
        "NO_COLOR",
        "TERM",
        "COLUMNS",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "WHOSAID_NO_PREFILTER",
    ] {
        cmd.env_remove(var);
    }
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}
