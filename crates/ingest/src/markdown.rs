//! Markdown: blocks with their source ranges, front matter as metadata.

use model::{Field, Metadata, Provenance};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::clean::Line;
use crate::meta;

/// Reads Markdown `text` into lines, one per paragraph, heading or list item, each with the
/// byte range of its block in the source.
pub(crate) fn read(text: &str, meta_out: &mut Metadata) -> Vec<Line> {
    let parser =
        Parser::new_ext(text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_TABLES);
    let mut lines = Vec::new();
    let mut current: Option<(String, std::ops::Range<usize>, bool, bool)> = None;
    let mut in_metadata = false;
    let mut list_depth = 0usize;
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => front_matter(&t, meta_out),
            Event::Start(Tag::List(_)) => list_depth += 1,
            Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::TableCell
                | Tag::Item,
            ) => {
                let heading = matches!(event, Event::Start(Tag::Heading { .. }));
                if current.is_none() {
                    current = Some((String::new(), range, heading, list_depth > 0));
                }
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::Item,
            ) => {
                if let Some((body, range, heading, list_item)) = current.take() {
                    let body = body.trim();
                    if !body.is_empty() {
                        lines.push(Line {
                            text: body.to_string(),
                            src: Some(range),
                            para_start: true,
                            heading,
                            list_item,
                            ..Line::default()
                        });
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((body, ..)) = current.as_mut() {
                    body.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((body, ..)) = current.as_mut() {
                    body.push('\n');
                }
            }
            _ => {}
        }
    }
    lines
}

/// `key: value` lines of YAML front matter; only the fields dossier knows are read.
fn front_matter(block: &str, meta_out: &mut Metadata) {
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().trim_matches(['"', '\'']);
        match Field::parse(key.trim().to_ascii_lowercase().as_str()) {
            Some(Field::Published) => {
                if let Some(d) = meta::date_in(value) {
                    meta_out.offer_date(d, Provenance::Text);
                }
            }
            Some(field) => {
                meta_out.offer(field, value, Provenance::Text);
            }
            None => {}
        }
    }
}
