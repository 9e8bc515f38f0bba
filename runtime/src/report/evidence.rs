//! The evidence assessment as a report: a row per gate, a column per judged
//! architecture, each cell the declared support, the observed
//! `passes/runs` and the finding. (It lives here, above `evidence/`, so
//! that imports run one way: reports know the assessment, not the reverse.)

use std::fmt::Write as _;

use super::Report;
use super::table::{Cell, Column};
use crate::evidence::{Assessment, FindingKind};

impl Report for Assessment {
    fn title(&self) -> Option<String> {
        let archs: Vec<&str> = self.archs().iter().map(|a| a.as_str()).collect();
        let policy = self.policy();
        let mut title = format!(
            "Evidence on {} (at least {} tests, each {}+ runs at {}% or better):",
            if archs.is_empty() {
                "no architecture".to_owned()
            } else {
                archs.join(", ")
            },
            policy.min_tests,
            policy.min_runs,
            policy.min_pass_rate * 100.0
        );
        let counts = self.counts();
        let mut any = false;
        for kind in FindingKind::ALL {
            if let Some(n) = counts.get(&kind) {
                let _ = write!(title, "{} {n} {kind}", if any { "," } else { "" });
                any = true;
            }
        }
        if !any {
            title.push_str(" no findings");
        }
        Some(title)
    }

    fn columns(&self) -> Vec<Column> {
        [Column::new("name"), Column::new("state")]
            .into_iter()
            .chain(self.archs().iter().map(|arch| Column::new(arch.as_str())))
            .collect()
    }

    fn rows(&self) -> Vec<Vec<Cell>> {
        self.gates()
            .iter()
            .map(|gate| {
                [Cell::text(gate.name()), Cell::text(gate.state().as_str())]
                    .into_iter()
                    .chain(self.archs().iter().map(|&arch| {
                        let observed = self.get(gate.name(), arch);
                        let (passes, runs) = observed.map_or((0, 0), |o| (o.passes, o.runs));
                        let finding = self.finding(gate.name(), arch).map(|f| f.kind.as_str());
                        Cell::evidence(gate.status(arch), passes, runs, finding)
                    }))
                    .collect()
            })
            .collect()
    }

    fn notes(&self) -> Vec<String> {
        self.findings().iter().map(ToString::to_string).collect()
    }
}
