//! Which gates a value uses, by their `used_by` functions.

use std::any::Any;

use crate::{ConfigError, ConfigProblem, Gate, Registry};

impl Registry {
    /// The gates whose `used_by` function says `spec` uses them, in name
    /// order.
    ///
    /// Fails closed: when no gate's function takes values of `S` (an
    /// `Arc<Spec>` or a `Box<Spec>` where the functions take a `Spec`), the
    /// answer is an error naming the type, never an empty list that would
    /// let a wrapped spec through an admission check.
    pub fn used_by<S: Any>(&self, spec: &S) -> Result<Vec<&'static Gate>, ConfigError> {
        let mut checked = false;
        let mut used = Vec::new();
        for gate in self {
            match gate.is_used_by(spec) {
                Some(true) => used.push(gate),
                Some(false) => {}
                None => continue,
            }
            checked = true;
        }
        if checked {
            Ok(used)
        } else {
            Err(ConfigError::new(vec![ConfigProblem::UncheckedType {
                type_name: std::any::type_name::<S>(),
            }]))
        }
    }
}
