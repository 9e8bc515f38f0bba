//! JSON: an array with one object per row, keyed by column name. Cells keep
//! their types: a count is a number, an unspecified status or absent note
//! `null`, the reasons an object keyed by architecture.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::table::{Cell, Column, Value};
use crate::report::Report;
use crate::{State, Support, Version};

/// Serializes any report in the one JSON shape.
pub(crate) struct Json<'a, R: ?Sized>(pub(crate) &'a R);

impl<R: Report + ?Sized> Serialize for Json<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let columns = self.0.columns();
        let rows = self.0.rows();
        let mut seq = serializer.serialize_seq(Some(rows.len()))?;
        for row in &rows {
            seq.serialize_element(&Row(&columns, row))?;
        }
        seq.end()
    }
}

struct Row<'a>(&'a [Column], &'a [Cell]);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (column, cell) in self.0.iter().zip(self.1) {
            map.serialize_entry(column.name(), cell)?;
        }
        map.end()
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Value::Text(s) => serializer.serialize_str(s),
            Value::Status(status) => status.support().map(Support::as_str).serialize(serializer),
            Value::Count { n, .. } | Value::Number(n) => serializer.serialize_u64(*n as u64),
            Value::Note(note) => note.serialize(serializer),
            Value::Names(names) => names.serialize(serializer),
            Value::History(history) => {
                let mut seq = serializer.serialize_seq(Some(history.len()))?;
                for (state, version) in history {
                    seq.serialize_element(&Stage(*state, *version))?;
                }
                seq.end()
            }
            Value::Evidence {
                declared,
                passes,
                runs,
                finding,
            } => {
                let mut map = serializer.serialize_map(Some(4))?;
                map.serialize_entry("declared", &declared.support().map(Support::as_str))?;
                map.serialize_entry("passes", passes)?;
                map.serialize_entry("runs", runs)?;
                map.serialize_entry("finding", finding)?;
                map.end()
            }
            Value::Reasons(reasons) => {
                let mut map = serializer.serialize_map(Some(reasons.len()))?;
                for (arch, reason) in reasons {
                    map.serialize_entry(arch.as_str(), reason)?;
                }
                map.end()
            }
        }
    }
}

/// `{"state": "Alpha", "version": "v1.6.0"}`.
struct Stage(State, Version);

impl Serialize for Stage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("state", self.0.as_str())?;
        map.serialize_entry("version", &self.1.to_string())?;
        map.end()
    }
}

/// Pretty JSON of a report. Serializing it cannot fail (string keys, no
/// maps with other keys), so an error here is a bug worth a panic.
pub(crate) fn to_string<R: Report + ?Sized>(report: &R) -> String {
    let mut out = serde_json::to_string_pretty(&Json(report)).expect("reports serialize to JSON");
    out.push('\n');
    out
}
