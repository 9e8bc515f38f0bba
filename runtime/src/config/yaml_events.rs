//! What the YAML reader would let through silently, refused before it
//! reads: an explicit tag (`!!binary`, `!!str`, `!custom`), which changes
//! what a value means, and a file of several documents. One pass over the
//! parser's events, linear; aliases are not expanded here.

use serde_saphyr::granit_parser::{Event, Parser};

use crate::text::escape::quoted;

/// `Ok` when the text holds at most one document and no tag; otherwise
/// the line and why. A syntax error is left to the reader, which reports
/// it with its own words.
pub(crate) fn check(text: &str) -> Result<(), (Option<usize>, String)> {
    let mut documents = 0_usize;
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else {
            return Ok(());
        };
        let line = Some(span.start.line()).filter(|&l| l > 0);
        let tag = match &event {
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err((
                        line,
                        "a second YAML document starts here: a file holds one document \
                         (split the file, one configuration each)"
                            .to_owned(),
                    ));
                }
                None
            }
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, _, tag)
            | Event::MappingStart(_, _, tag) => tag.as_ref(),
            _ => None,
        };
        if let Some(tag) = tag {
            let written = format!("{}{}", tag.original_handle(), tag.suffix());
            return Err((
                line,
                format!(
                    "the YAML tag `{}` is refused: a tag changes what a value means; write \
                     the plain value (a gate name, a list, a mapping)",
                    quoted(&written)
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn tags_and_documents_are_refused() {
        assert!(check("featureGates: [A, B]\n").is_ok());
        assert!(check("---\nfeatureGates: [A]\n").is_ok());
        assert!(check("a: &x [A]\nfeatureGates: *x\n").is_ok());
        for text in [
            "featureGates: [!!binary RzAwMA==]\n",
            "featureGates: [!custom G005]\n",
            "featureGates: !!seq [A]\n",
            "featureGates: [!!str A]\n",
            "!!map {featureGates: [A]}\n",
        ] {
            let (line, why) = check(text).unwrap_err();
            assert_eq!(line, Some(1), "{text}");
            assert!(why.contains("tag"), "{why}");
        }
        let (line, why) = check("featureGates: [A]\n---\nfeatureGates: [B]\n").unwrap_err();
        assert_eq!(line, Some(2));
        assert!(why.contains("document"), "{why}");
    }
}
