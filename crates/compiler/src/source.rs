//! Source positions: byte offsets (ruff's `TextSize`) to lines and columns.

use krait_bytecode::Position;
use ruff_text_size::TextRange;

/// Line-start table of one source text.
pub struct SourceMap<'a> {
    src: &'a str,
    line_starts: Vec<u32>,
}

impl<'a> SourceMap<'a> {
    pub fn new(src: &'a str) -> SourceMap<'a> {
        let mut line_starts = vec![0u32];
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap { src, line_starts }
    }

    pub fn source(&self) -> &'a str {
        self.src
    }

    /// 1-based line and 0-based byte column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.src.len() as u32);
        let idx = self.line_starts.partition_point(|&s| s <= offset) - 1;
        (idx as u32 + 1, offset - self.line_starts[idx])
    }

    /// Position (1-based lines, 0-based UTF-8 byte columns) of a range.
    pub fn position(&self, range: TextRange) -> Position {
        let (line, col) = self.line_col(range.start().to_u32());
        let (end_line, end_col) = self.line_col(range.end().to_u32());
        Position {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// Number of lines (a final line without a newline counts).
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> u32 {
        let idx = (line.max(1) - 1) as usize;
        self.line_starts
            .get(idx)
            .copied()
            .unwrap_or(self.src.len() as u32)
    }

    /// Text of a 1-based line, without its line terminator.
    pub fn line_text(&self, line: u32) -> &'a str {
        let idx = (line.max(1) - 1) as usize;
        let Some(&start) = self.line_starts.get(idx) else {
            return "";
        };
        let end = self
            .line_starts
            .get(idx + 1)
            .copied()
            .unwrap_or(self.src.len() as u32);
        let text = self.src.get(start as usize..end as usize).unwrap_or("");
        text.trim_end_matches(['\n', '\r'])
    }

    /// 1-based character column of a byte column within a line.
    pub fn char_col(&self, line: u32, byte_col: u32) -> u32 {
        let text = self.line_text(line);
        let mut end = (byte_col as usize).min(text.len());
        while end > 0 && !text.is_char_boundary(end) {
            end -= 1;
        }
        let extra = (byte_col as usize).saturating_sub(text.len());
        (text[..end].chars().count() + extra) as u32 + 1
    }
}
