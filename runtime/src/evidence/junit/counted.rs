//! The input of a JUnit read: counted against the size limit and hashed
//! (a file given twice counts once) as it passes.

use std::hash::Hasher;
use std::io::{self, Read};

use super::MAX_EVIDENCE_BYTES;

/// A reader that counts and hashes what passes through it, and fails once
/// more than the limit has been read.
pub(super) struct Counted<R, H> {
    pub(super) inner: R,
    pub(super) read: u64,
    pub(super) over: bool,
    pub(super) hasher: H,
}

impl<R: Read, H: Hasher> Read for Counted<R, H> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > MAX_EVIDENCE_BYTES {
            self.over = true;
            return Err(io::Error::other("over the size limit"));
        }
        self.hasher.write(&buf[..n]);
        Ok(n)
    }
}
