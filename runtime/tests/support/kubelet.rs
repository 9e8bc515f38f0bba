//! What the kubelet's atomic writer does on an update of a `ConfigMap`
//! volume, for the tests of live reload (this crate's `watch` test and
//! `examples/live`'s, which includes this file by path).

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

/// The new data in a fresh timestamped directory `stamp`, a `..data_tmp`
/// symlink to it renamed over `..data`, the old directory removed. The
/// first time, it also creates the file's symlink (`gates.yaml`) into
/// `..data`.
pub(crate) fn kubelet_update(dir: &Path, stamp: &str, text: &str) {
    let new = dir.join(stamp);
    fs::create_dir(&new).unwrap();
    fs::write(new.join("gates.yaml"), text).unwrap();
    let old = fs::read_link(dir.join("..data")).ok();
    symlink(stamp, dir.join("..data_tmp")).unwrap();
    fs::rename(dir.join("..data_tmp"), dir.join("..data")).unwrap();
    if fs::symlink_metadata(dir.join("gates.yaml")).is_err() {
        symlink("..data/gates.yaml", dir.join("gates.yaml")).unwrap();
    }
    if let Some(old) = old {
        fs::remove_dir_all(dir.join(old)).unwrap();
    }
}
