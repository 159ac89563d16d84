//! The section a directive sits in: the level of the last heading before
//! it, so that a widget's own headings go one level under it
//! (`archsim_view::contract::Heading::under`) and the page's outline never
//! skips a level.
//!
//! Read line by line as the page's text goes by, between directives:
//! CommonMark's ATX headings (`## Title`, up to three spaces in), not
//! inside fenced code (a shell comment `# …` in a code block is no
//! heading). Setext headings (a title underlined with `===` or `---`) are
//! not seen; the book writes none, and a `---` is more often a rule.

/// The outline so far.
#[derive(Debug, Default)]
pub struct Outline {
    /// The level of the last heading read (0: none yet).
    level: u8,
    /// The fence of the code block read is inside: its character and
    /// length.
    fence: Option<(u8, usize)>,
    /// Whether the next text goes on the line of a directive.
    mid_line: bool,
}

impl Outline {
    /// The level of the last heading read, 1 to 6; 0 before the first.
    pub fn level(&self) -> u8 {
        self.level
    }

    /// Read `text`, the page's text up to the next directive.
    ///
    /// Complexity: O(text).
    pub fn read(&mut self, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            // The rest of the line a directive is on is no heading's start.
            if i > 0 || !self.mid_line {
                self.line(line);
            }
        }
        self.mid_line = false;
    }

    /// Marks that a directive was written: the text after it goes on its
    /// line.
    pub fn directive(&mut self) {
        self.mid_line = true;
    }

    fn line(&mut self, line: &str) {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if indent > 3 {
            return;
        }
        let rest = &line[indent..];
        if let Some((c, len)) = fence(rest) {
            self.fence = match self.fence {
                None => Some((c, len)),
                // Closed by the same character, at least as long, with
                // nothing after it.
                Some((open, at_least))
                    if c == open && len >= at_least && rest[len..].trim().is_empty() =>
                {
                    None
                }
                inside => inside,
            };
            return;
        }
        if self.fence.is_none()
            && let Some(level) = heading(rest)
        {
            self.level = level;
        }
    }
}

/// A code fence's character and length: three or more backticks or tildes.
fn fence(line: &str) -> Option<(u8, usize)> {
    let c = *line.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == c).count();
    (len >= 3).then_some((c, len))
}

/// An ATX heading's level: one to six `#`, then a space, a tab or the end.
fn heading(line: &str) -> Option<u8> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let after = line[hashes..].chars().next();
    ((1..=6).contains(&hashes) && after.is_none_or(|c| c == ' ' || c == '\t'))
        .then(|| u8::try_from(hashes).unwrap_or(6))
}

#[cfg(test)]
mod tests {
    use super::Outline;

    /// The level after reading each text in turn, a directive between them.
    fn levels(texts: &[&str]) -> Vec<u8> {
        let mut outline = Outline::default();
        texts
            .iter()
            .map(|t| {
                outline.read(t);
                let level = outline.level();
                outline.directive();
                level
            })
            .collect()
    }

    #[test]
    fn the_last_heading_before_each_directive() {
        let cases: &[(&[&str], &[u8])] = &[
            (&["intro\n"], &[0]),
            (&["# Title\n\ntext\n"], &[1]),
            (&["# T\n\n## Section\n\n"], &[2]),
            (&["# T\n## A\n### B\n", "\n## C\n"], &[3, 2]),
            (&["   ### three spaces in\n"], &[3]),
            // Not headings: four spaces in, no space after, seven #.
            (&["# T\n    ## code\n#tag\n####### seven\n"], &[1]),
            (&["# T\n##\n"], &[2]),
            // A shell comment in a fenced block, with either fence.
            (&["## S\n```sh\n# comment\n```\n"], &[2]),
            (
                &["## S\n~~~~\n# c\n```\n# still code\n~~~~\n### After\n"],
                &[3],
            ),
            // A fence still open at the directive stays open after it.
            (&["## S\n```\n", "\n# not a heading\n```\n### H\n"], &[2, 3]),
            // The rest of a directive's line is no heading.
            (&["## S\n", " # not\n# Top\ntext ", "\n"], &[2, 1, 1]),
            // A heading with a directive in it.
            (&["# T\n## Foo ", " rest\n", ""], &[2, 2, 2]),
        ];
        for (texts, want) in cases {
            assert_eq!(levels(texts), *want, "{texts:?}");
        }
    }
}
