//! Reading and writing the docs check's file safely: a regular file only, a
//! bounded read, an atomic replacement.

use std::fs::{self, File};
use std::io::{self, Read as _, Write as _};
use std::path::Path;

use super::{DocsError, MAX_DOC_BYTES};

/// The text of the regular file at `path` and its permissions, `None` when
/// nothing is there. Anything else is refused from its metadata, before it
/// is opened (opening a FIFO would block), and the read stops one byte past
/// the limit whatever the file claims.
pub(super) fn read_regular(path: &Path) -> Result<Option<(String, fs::Permissions)>, DocsError> {
    let read_error = |source| DocsError::Read {
        path: path.to_owned(),
        source,
    };
    let metadata = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(e)),
    };
    let check = |metadata: &fs::Metadata| {
        if !metadata.file_type().is_file() {
            return Err(DocsError::NotAFile {
                path: path.to_owned(),
                kind: crate::config::file_kind::kind_of(metadata.file_type()),
            });
        }
        if metadata.len() > MAX_DOC_BYTES {
            return Err(DocsError::TooLarge {
                path: path.to_owned(),
            });
        }
        Ok(())
    };
    check(&metadata)?;
    let file = File::open(path).map_err(read_error)?;
    // The path may have been swapped between the two calls.
    check(&file.metadata().map_err(read_error)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_DOC_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_DOC_BYTES {
        return Err(DocsError::TooLarge {
            path: path.to_owned(),
        });
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| read_error(io::Error::new(io::ErrorKind::InvalidData, e)))?;
    Ok(Some((text, metadata.permissions())))
}

/// Writes `contents` to a new file beside `path`, then renames it over
/// `path`: readers see the old file or the new one, never a part, and the
/// rename replaces a symlink rather than writing through it. The new file
/// keeps `permissions` (the old file's), when given.
pub(super) fn write_atomically(
    path: &Path,
    contents: &str,
    permissions: Option<fs::Permissions>,
) -> Result<(), DocsError> {
    let write_error = |source| DocsError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| {
        write_error(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names no file",
        ))
    })?;
    let (temp, mut file) = (0..100)
        .find_map(|attempt| {
            let mut temp_name = std::ffi::OsString::from(".");
            temp_name.push(name);
            temp_name.push(format!(".featuregate-{}-{attempt}.tmp", std::process::id()));
            let temp = dir.join(temp_name);
            match File::options().write(true).create_new(true).open(&temp) {
                Ok(file) => Some(Ok((temp, file))),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
                Err(e) => Some(Err(e)),
            }
        })
        .unwrap_or_else(|| {
            Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "no free temporary file name",
            ))
        })
        .map_err(write_error)?;
    let written = file
        .write_all(contents.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| match permissions {
            Some(permissions) => fs::set_permissions(&temp, permissions),
            None => Ok(()),
        })
        .and_then(|()| fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(write_error(e));
    }
    Ok(())
}
