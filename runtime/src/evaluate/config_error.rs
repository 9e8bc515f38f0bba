//! [`ConfigError`]: every reason a configuration (or a spec) is refused, at once.

use std::error::Error;
use std::fmt;

use crate::ConfigProblem;
use crate::text::capped::Capped;

/// Why [`Registry::evaluate`](crate::Registry::evaluate),
/// [`configure`](crate::configure) or
/// [`FeatureSet::check_spec`](crate::FeatureSet::check_spec) refused: every
/// problem found, not only the first.
///
/// `Display` gives one problem per line. At most 100 problems of one kind
/// are listed; a last [`ConfigProblem::More`] counts the rest.
///
/// ```
/// use featuregate::{ConfigProblem, GateConfig, Options, Registry};
///
/// let registry = Registry::new(std::iter::empty())?;
/// let config = GateConfig {
///     enabled: vec!["Snapshot".into(), "Sidecar".into()],
///     disabled: vec!["Snapshot".into()],
/// };
/// let err = registry.evaluate(&config, &Options::default().with_strict(true)).unwrap_err();
/// assert_eq!(err.problems().len(), 3);
/// assert!(matches!(err.problems().last(), Some(ConfigProblem::InBothLists { name }) if name == "Snapshot"));
/// assert_eq!(
///     err.to_string(),
///     "unknown feature gate Snapshot\n\
///      unknown feature gate Sidecar\n\
///      feature gate Snapshot is listed both as enabled and as disabled"
/// );
/// # Ok::<(), featuregate::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    problems: Vec<ConfigProblem>,
}

impl ConfigError {
    /// An error of these problems (at least one).
    pub(crate) fn new(problems: Vec<ConfigProblem>) -> ConfigError {
        debug_assert!(!problems.is_empty());
        ConfigError { problems }
    }

    /// Every problem, in the order found: names in list order, then gates
    /// in name order.
    #[must_use = "the problems are the reason for the error"]
    pub fn problems(&self) -> impl ExactSizeIterator<Item = &ConfigProblem> + '_ {
        self.problems.iter()
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::one_per_line::write_lines(f, &self.problems)
    }
}

impl Error for ConfigError {}

impl Capped<ConfigProblem> {
    /// `Err` with every problem, if there is any.
    pub(crate) fn into_result(self) -> Result<(), ConfigError> {
        if self.is_empty() {
            return Ok(());
        }
        Err(ConfigError::new(self.finish()))
    }
}
