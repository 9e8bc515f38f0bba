//! [`GateConfig::from_path`]: a configuration file, read whole or not at
//! all: a `KubeVirt` CR or its `developerConfiguration` in JSON or YAML, or
//! a flag-form list.

use std::fs::{self, File};
use std::io::Read as _;
use std::path::Path;

use crate::GateConfig;
use crate::config::source_error::{Kind, MAX_FILE_BYTES, SourceError};

/// The syntaxes a configuration file can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Yaml,
    /// `A=true,B=false` or `A,B`, entries also split by newlines, `#` comments.
    Flag,
}

impl GateConfig {
    /// Reads a configuration file: a whole `KubeVirt` CR (its
    /// `spec.configuration.developerConfiguration`), a bare
    /// `developerConfiguration` (`featureGates`, `disabledFeatureGates`), in
    /// JSON (feature `serde`) or YAML (feature `yaml`), or a flag-form list
    /// (`A=true,B=false`, or `A,B`; entries split by commas or newlines,
    /// lines starting with `#` skipped).
    ///
    /// The extension `.json`, `.yaml` or `.yml` names the syntax; otherwise
    /// the text does: `{` first is JSON, a `key:` line or `---` is YAML,
    /// anything else a flag-form list.
    ///
    /// A JSON or YAML document must be of a known shape: a `KubeVirt` CR
    /// (`kind: KubeVirt`, `apiVersion: kubevirt.io/v1` or `v1alpha3`;
    /// without `developerConfiguration` it is empty), an object holding
    /// `developerConfiguration`, a bare `developerConfiguration` (its keys
    /// all fields of `KubeVirt`'s `DeveloperConfiguration`; one with only
    /// its other fields is empty, as `KubeVirt` omits an empty
    /// `featureGates`), or an empty object or file. Anything else is
    /// refused, saying which shapes are read, never read as empty: another
    /// `kind` or `kind: List`, a misplaced level
    /// (`spec.developerConfiguration`), a map of gate names to booleans,
    /// an unknown key, a near miss of a key (`feature_gates`,
    /// `developerconfiguration`, or one with an invisible character), any
    /// explicit YAML tag (`!!binary`, `!custom`), several YAML documents.
    /// Every message is bounded and escaped, and names the line once.
    ///
    /// At most [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES) (1 MiB) are read,
    /// however large the file (or device) is. YAML aliases are bounded, so
    /// an alias bomb is refused in bounded time and memory.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = std::env::temp_dir().join(format!("featuregate-doc-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("gates");
    /// std::fs::write(&path, "# from the operator\nImageVolume=true\nSnapshot=false\n")?;
    /// let config = featuregate::GateConfig::from_path(&path)?;
    /// assert_eq!(config.to_string(), "ImageVolume=true,Snapshot=false");
    ///
    /// std::fs::write(&path, "ImageVolume=yes\n")?;
    /// let err = featuregate::GateConfig::from_path(&path).unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok(()) }
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<GateConfig, SourceError> {
        let path = path.as_ref();
        let text = read_bounded(path)?;
        parse_file(path, &text)
    }
}

/// The file's text, or an error naming it: missing, unreadable, not a
/// regular file (judged from its metadata before it is opened, through
/// symlinks, as a `ConfigMap` volume has them: opening a FIFO would block),
/// over the limit (found by reading one byte more, never the whole file),
/// not UTF-8.
pub(crate) fn read_bounded(path: &Path) -> Result<String, SourceError> {
    let io = |err| SourceError::new(path, None, Kind::Io(err));
    let regular = |metadata: fs::Metadata| {
        if metadata.is_file() {
            Ok(())
        } else {
            let kind = crate::config::file_kind::kind_of(metadata.file_type());
            Err(SourceError::new(path, None, Kind::NotAFile(kind)))
        }
    };
    regular(fs::metadata(path).map_err(io)?)?;
    let file = File::open(path).map_err(io)?;
    // The path may have been swapped between the two calls.
    regular(file.metadata().map_err(io)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(SourceError::new(path, None, Kind::TooBig));
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = line_of(valid.len(), valid);
        SourceError::new(path, Some(line), Kind::NotUtf8(err.utf8_error()))
    })
}

/// The 1-based line of byte `offset` of `text`.
fn line_of(offset: usize, text: &[u8]) -> usize {
    text[..offset].split(|&b| b == b'\n').count()
}

/// Parses the text of the file at `path` (named in errors only).
pub(crate) fn parse_file(path: &Path, text: &str) -> Result<GateConfig, SourceError> {
    // A byte-order mark is the encoding's, not the first name's.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match sniff(path, text) {
        Format::Flag => parse_flag_file(path, text),
        #[cfg(feature = "serde")]
        Format::Json => crate::config::kubevirt_cr::from_json(path, text),
        #[cfg(not(feature = "serde"))]
        Format::Json => Err(SourceError::new(
            path,
            None,
            Kind::FeatureOff {
                format: "JSON",
                feature: "serde",
            },
        )),
        #[cfg(feature = "yaml")]
        Format::Yaml => crate::config::kubevirt_cr::from_yaml(path, text),
        #[cfg(not(feature = "yaml"))]
        Format::Yaml => Err(SourceError::new(
            path,
            None,
            Kind::FeatureOff {
                format: "YAML",
                feature: "yaml",
            },
        )),
    }
}

fn sniff(path: &Path, text: &str) -> Format {
    let first = significant_lines(text).next().map(|(_, line)| line.trim());
    // JSON is also YAML: a `.yaml` file holding JSON reads with the JSON
    // reader, so it needs only `serde`.
    if first.is_some_and(|line| line.starts_with('{')) {
        return Format::Json;
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json") => return Format::Json,
        Some("yaml" | "yml") => return Format::Yaml,
        _ => {}
    }
    let yamlish = |line: &str| {
        let line = line.trim_end();
        line.starts_with("---") || line.starts_with("- ") || looks_like_key(line)
    };
    if significant_lines(text).any(|(_, line)| yamlish(line)) {
        Format::Yaml
    } else {
        Format::Flag
    }
}

/// Whether a line opens a YAML mapping entry, `key:` or `key: value`: a
/// gate name never holds a colon followed by a space or the line's end.
fn looks_like_key(line: &str) -> bool {
    let Some((key, rest)) = line.trim_start().split_once(':') else {
        return false;
    };
    let key = key.trim_matches(|c| c == '"' || c == '\'');
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/'))
        && (rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t'))
}

/// The lines that are neither blank nor `#` comments, with their 1-based numbers.
fn significant_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let trimmed = line.trim();
        (!trimmed.is_empty() && !trimmed.starts_with('#')).then_some((i + 1, line))
    })
}

/// A flag-form file: the lines' entries joined with commas, so the one
/// parser reads them, and its entry positions mapped back to lines.
fn parse_flag_file(path: &Path, text: &str) -> Result<GateConfig, SourceError> {
    let mut joined = String::with_capacity(text.len());
    for (_, line) in significant_lines(text) {
        if !joined.is_empty() {
            joined.push(',');
        }
        joined.push_str(line);
    }
    GateConfig::parse(&joined).map_err(|err| {
        SourceError::from_parse(path, err, |position| Some(line_of_entry(text, position)))
    })
}

/// The line holding the `position`-th (1-based) entry of the joined text.
fn line_of_entry(text: &str, position: usize) -> usize {
    let mut seen = 0;
    let mut last = 1;
    for (number, line) in significant_lines(text) {
        seen += line.split(',').count();
        last = number;
        if seen >= position {
            return number;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_extension_then_text() {
        let p = Path::new;
        assert_eq!(sniff(p("g.json"), "A=true"), Format::Json);
        assert_eq!(sniff(p("g.YML"), "A=true"), Format::Yaml);
        assert_eq!(sniff(p("g.yaml"), "  {\"featureGates\": []}"), Format::Json);
        assert_eq!(
            sniff(p("gates"), "# c\napiVersion: kubevirt.io/v1\n"),
            Format::Yaml
        );
        assert_eq!(sniff(p("gates"), "featureGates:\n- A\n"), Format::Yaml);
        assert_eq!(sniff(p("gates"), "---\n"), Format::Yaml);
        assert_eq!(sniff(p("gates"), "A=true,B=false\nC=true"), Format::Flag);
        assert_eq!(sniff(p("gates"), "# only: a comment\n"), Format::Flag);
        assert_eq!(sniff(p("gates.txt"), "A:b=true"), Format::Flag);
    }

    #[test]
    fn entries_map_to_lines() {
        let text = "# c\nA=true,B=true\n\nC=true\n";
        assert_eq!(line_of_entry(text, 1), 2);
        assert_eq!(line_of_entry(text, 2), 2);
        assert_eq!(line_of_entry(text, 3), 4);
    }
}
