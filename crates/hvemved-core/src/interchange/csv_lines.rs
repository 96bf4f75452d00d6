//! Line numbers for records of a CSV file read as a stream. Messages name
//! the line a refused row starts on, as the user sees it in a text editor;
//! the csv crate's own line count drifts on CRLF endings and skipped blank
//! lines, so the line breaks are counted here, as the bytes pass on their
//! way to the parser, and only those not yet passed are remembered.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

/// The line breaks of a stream, shared between the reader that sees the
/// bytes and the table that asks for lines.
#[derive(Debug, Clone)]
pub(crate) struct LineBreaks(Rc<RefCell<Breaks>>);

#[derive(Debug)]
struct Breaks {
    /// `\r` and `\n` bytes read but not yet passed, by offset.
    pending: VecDeque<(u64, u8)>,
    passed_to: u64,
    line: usize,
    /// Lines removed before the parser saw the text (Excel's `sep=` line).
    offset: usize,
}

impl LineBreaks {
    pub(crate) fn new(lines_removed: usize) -> LineBreaks {
        LineBreaks(Rc::new(RefCell::new(Breaks {
            pending: VecDeque::new(),
            passed_to: 0,
            line: 1,
            offset: lines_removed,
        })))
    }

    /// Wraps the stream the parser reads, noting its line breaks.
    pub(crate) fn track<R: Read>(&self, source: R) -> Tracked<R> {
        Tracked {
            source,
            breaks: self.clone(),
            position: 0,
        }
    }

    /// The 1-based line of the record whose recorded start is at `byte`.
    /// Positions must come in increasing order, as a parser reads them.
    pub(crate) fn line_at(&self, byte: u64) -> usize {
        let mut breaks = self.0.borrow_mut();
        // A record's recorded start can sit on the line break before it or
        // on skipped blank lines; its first character is past those.
        let mut start = byte;
        for &(at, _) in breaks.pending.iter().skip_while(|&&(at, _)| at < byte) {
            if at != start {
                break;
            }
            start += 1;
        }
        if start >= breaks.passed_to {
            while let Some(&(at, byte)) = breaks.pending.front() {
                if at >= start {
                    break;
                }
                breaks.pending.pop_front();
                // `\r\n` counts once; a lone `\r` ends a line as old Mac
                // files do.
                let crlf = byte == b'\r'
                    && breaks
                        .pending
                        .front()
                        .is_some_and(|&(next, b)| next == at + 1 && b == b'\n');
                if !crlf {
                    breaks.line += 1;
                }
            }
            breaks.passed_to = start;
        }
        breaks.line.saturating_add(breaks.offset)
    }
}

/// A stream whose line breaks are noted in a [`LineBreaks`].
pub(crate) struct Tracked<R> {
    source: R,
    breaks: LineBreaks,
    position: u64,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let read = self.source.read(out)?;
        let mut breaks = self.breaks.0.borrow_mut();
        for (index, &byte) in out[..read].iter().enumerate() {
            if byte == b'\n' || byte == b'\r' {
                breaks.pending.push_back((self.position + index as u64, byte));
            }
        }
        self.position += read as u64;
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str, starts: &[u64]) -> Vec<usize> {
        let breaks = LineBreaks::new(0);
        let mut all = Vec::new();
        breaks.track(text.as_bytes()).read_to_end(&mut all).unwrap();
        starts.iter().map(|&start| breaks.line_at(start)).collect()
    }

    #[test]
    fn line_endings_of_every_kind_count_once() {
        assert_eq!(lines_of("a\nb\nc", &[0, 2, 4]), vec![1, 2, 3]);
        assert_eq!(lines_of("a\r\nb\r\nc", &[0, 3, 6]), vec![1, 2, 3]);
        assert_eq!(lines_of("a\rb\rc", &[0, 2, 4]), vec![1, 2, 3]);
    }

    #[test]
    fn a_start_on_the_break_or_blank_lines_before_a_record_moves_past_them() {
        // The record "b" starts at byte 7, after two blank CRLF lines; the
        // parser may report its start as the break ending "a".
        assert_eq!(lines_of("a\r\n\r\n\r\nb", &[0, 1]), vec![1, 4]);
    }
}
