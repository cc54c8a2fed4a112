//! Where the database file goes: built under a temporary name beside the
//! target (same directory, so the final rename is atomic) and put in
//! place only when it is complete, so that a failure, Ctrl-C or a kill
//! by SIGTERM never leaves a half-written database, nor the temporary file.
//!
//! This module moves files; it knows no SQL and prints nothing.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// Temporary files of the run, removed by the interrupt handler.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

/// Exit status after an interrupt, as a shell reports SIGINT.
const INTERRUPTED: i32 = 130;

/// A database file being built beside its target.
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    done: bool,
}

/// SQLite's companions of a database file.
fn companions(path: &Path) -> [PathBuf; 4] {
    let with = |suffix: &str| {
        let mut s = path.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    [
        path.to_path_buf(),
        with("-journal"),
        with("-wal"),
        with("-shm"),
    ]
}

fn remove_all(path: &Path) {
    for p in companions(path) {
        let _ = std::fs::remove_file(p);
    }
}

/// On Ctrl-C (or SIGTERM, SIGHUP) remove the temporary files, then end the
/// process. Installed once, by the only command that stages files; the
/// main thread may be blocked on a read, so the handler cannot wait for it.
fn install_handler() {
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if let Ok(pending) = PENDING.lock() {
                for path in pending.iter() {
                    remove_all(path);
                }
            }
            std::process::exit(INTERRUPTED);
        });
    });
}

impl Staged {
    /// An empty temporary file beside `target`, created here (never an
    /// existing file: a name taken is tried with the next number).
    pub fn new(target: &Path) -> io::Result<Staged> {
        install_handler();
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "whosaid.db".to_string());
        let mut attempt = 0u32;
        loop {
            // Hidden, so that a walk of the directory does not read it.
            let temp = dir.join(format!(
                ".{name}.whosaid-{}-{attempt}.tmp",
                std::process::id()
            ));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
            {
                Ok(_) => {
                    if let Ok(mut pending) = PENDING.lock() {
                        pending.push(temp.clone());
                    }
                    return Ok(Staged {
                        temp,
                        target: target.to_path_buf(),
                        done: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The temporary file to write.
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// Put the finished file in place (the connection must be closed):
    /// synced first, then renamed over the target when `replace`, else
    /// linked to it, which fails if the target appeared meanwhile.
    pub fn commit(mut self, replace: bool) -> io::Result<()> {
        std::fs::File::open(&self.temp)?.sync_all()?;
        if replace {
            std::fs::rename(&self.temp, &self.target)?;
        } else {
            match std::fs::hard_link(&self.temp, &self.target) {
                Ok(()) => std::fs::remove_file(&self.temp)?,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
                // A file system without hard links: the target was checked
                // to be absent when the run started.
                Err(_) if !self.target.exists() => std::fs::rename(&self.temp, &self.target)?,
                Err(e) => return Err(e),
            }
        }
        self.done = true;
        Ok(())
    }
}

impl Drop for Staged {
    /// A file not committed is removed, with SQLite's companions.
    fn drop(&mut self) {
        if !self.done {
            remove_all(&self.temp);
        }
        if let Ok(mut pending) = PENDING.lock() {
            pending.retain(|p| p != &self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn dropped_leaves_nothing_and_commit_refuses_an_existing_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.db");
        let staged = Staged::new(&target).unwrap();
        std::fs::write(staged.path(), b"half").unwrap();
        drop(staged);
        assert!(entries(dir.path()).is_empty());

        std::fs::write(&target, b"old").unwrap();
        let staged = Staged::new(&target).unwrap();
        std::fs::write(staged.path(), b"new").unwrap();
        let e = staged.commit(false).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(entries(dir.path()), ["out.db"]);
        assert_eq!(std::fs::read(&target).unwrap(), b"old");

        let staged = Staged::new(&target).unwrap();
        std::fs::write(staged.path(), b"new").unwrap();
        staged.commit(true).unwrap();
        assert_eq!(entries(dir.path()), ["out.db"]);
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }
}
