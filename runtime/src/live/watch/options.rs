//! [`WatchOptions`]: how a watcher evaluates each version, and how long a
//! file must hold still before it is read as a version.

use std::time::Duration;

use crate::Options;

/// The shortest settling time: a version is applied when two reads at
/// least this far apart agree.
pub(crate) const MIN_SETTLE: Duration = Duration::from_millis(100);

/// How [`watch`](super::watch) and
/// [`watch_sources`](super::watch_sources) work: the evaluation
/// [`Options`] of every version, and the settling time. Built from
/// [`Options`] (`Options::default().into()`), or with
/// [`WatchOptions::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchOptions {
    options: Options,
    settle: Duration,
}

impl WatchOptions {
    /// Evaluates with `options`; the settling time is 100 ms.
    #[must_use]
    pub fn new(options: Options) -> WatchOptions {
        WatchOptions {
            options,
            settle: MIN_SETTLE,
        }
    }

    /// These options with the settling time `settle`: a file's content is
    /// applied only when two reads at least `settle` apart agree, so a file
    /// truncated and rewritten in place within that time is never applied
    /// half-written (a slower writer's empty file is an empty
    /// configuration: write by rename). Under 100 ms counts as 100 ms.
    #[must_use]
    pub fn with_settle_time(mut self, settle: Duration) -> WatchOptions {
        self.settle = settle.max(MIN_SETTLE);
        self
    }

    /// The settling time.
    #[must_use]
    pub fn settle_time(&self) -> Duration {
        self.settle
    }

    /// How each version is evaluated.
    #[must_use]
    pub fn options(&self) -> &Options {
        &self.options
    }
}

impl Default for WatchOptions {
    fn default() -> WatchOptions {
        WatchOptions::new(Options::default())
    }
}

impl From<Options> for WatchOptions {
    fn from(options: Options) -> WatchOptions {
        WatchOptions::new(options)
    }
}

impl From<&Options> for WatchOptions {
    fn from(options: &Options) -> WatchOptions {
        WatchOptions::new(options.clone())
    }
}
