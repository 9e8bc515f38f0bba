//! What a path that is not a regular file is, for the errors of the two
//! readers that only take regular files: the docs check and configuration
//! files.

use std::fs;

/// What a file that is not a regular one is, for the error.
pub(crate) fn kind_of(file_type: fs::FileType) -> &'static str {
    if file_type.is_symlink() {
        return "symbolic link";
    }
    if file_type.is_dir() {
        return "directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return "FIFO";
        }
        if file_type.is_char_device() {
            return "character device";
        }
        if file_type.is_block_device() {
            return "block device";
        }
        if file_type.is_socket() {
            return "socket";
        }
    }
    "special file"
}
