//! Where table rows go: a CSV file (RFC 4180, via the `csv` crate), a tab-separated
//! file in the GDELT manner, or a Parquet file ([`super::parquet`]).

use std::io::Write;

use anyhow::Context;

use super::tables::{Cell, Column};

/// A writer of one table's rows.
pub trait TableSink {
    /// Writes one row (as many cells as the table has columns).
    fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()>;
    /// Flushes and closes the output; returns the number of rows written.
    fn finish(self: Box<Self>) -> anyhow::Result<u64>;
}

/// CSV with a header row; fields quoted when they need it (RFC 4180).
pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
    rows: u64,
}

impl<W: Write> CsvSink<W> {
    /// A CSV writer of a table with these columns; writes the header unless told not to.
    pub fn new(out: W, columns: &[Column], header: bool) -> anyhow::Result<Self> {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        if header {
            out.write_record(columns.iter().map(|c| c.name))
                .context("cannot write the CSV header")?;
        }
        Ok(CsvSink { out, rows: 0 })
    }
}

impl<W: Write> TableSink for CsvSink<W> {
    fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()> {
        self.out
            .write_record(cells.iter().map(|c| c.text().into_owned()))
            .context("cannot write a CSV row")?;
        self.rows += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> anyhow::Result<u64> {
        self.out.flush().context("cannot write CSV")?;
        Ok(self.rows)
    }
}

/// Tab-separated values as GDELT writes them: no quoting, so tabs and line breaks
/// inside a value are replaced by spaces; an optional header row.
pub struct TsvSink<W: Write> {
    out: W,
    rows: u64,
}

impl<W: Write> TsvSink<W> {
    /// A TSV writer; writes `header` as the first line when given.
    pub fn new(mut out: W, header: Option<&[&str]>) -> anyhow::Result<Self> {
        if let Some(names) = header {
            writeln!(out, "{}", names.join("\t")).context("cannot write the TSV header")?;
        }
        Ok(TsvSink { out, rows: 0 })
    }
}

/// A value made safe for a TSV field.
pub fn tsv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

impl<W: Write> TableSink for TsvSink<W> {
    fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()> {
        for (n, c) in cells.iter().enumerate() {
            if n > 0 {
                self.out.write_all(b"\t")?;
            }
            self.out.write_all(tsv_field(&c.text()).as_bytes())?;
        }
        self.out
            .write_all(b"\n")
            .context("cannot write a TSV row")?;
        self.rows += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> anyhow::Result<u64> {
        self.out.flush().context("cannot write TSV")?;
        Ok(self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tables::ColType;

    const COLS: &[Column] = &[
        Column {
            name: "a",
            ty: ColType::Str,
        },
        Column {
            name: "b",
            ty: ColType::Int,
        },
    ];

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut buf = Vec::new();
        let mut sink = Box::new(CsvSink::new(&mut buf, COLS, true).unwrap());
        sink.row(&[Cell::Str("say \"hi\", then\nleave".into()), Cell::Int(3)])
            .unwrap();
        sink.row(&[Cell::Null, Cell::Null]).unwrap();
        assert_eq!(sink.finish().unwrap(), 2);
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "a,b\r\n\"say \"\"hi\"\", then\nleave\",3\r\n,\r\n"
        );
    }

    #[test]
    fn tsv_never_splits_a_row() {
        let mut buf = Vec::new();
        let mut sink = Box::new(TsvSink::new(&mut buf, Some(&["a", "b"])).unwrap());
        sink.row(&[Cell::Str("x\ty\r\nz".into()), Cell::Float(1.5)])
            .unwrap();
        assert_eq!(sink.finish().unwrap(), 1);
        assert_eq!(String::from_utf8(buf).unwrap(), "a\tb\nx y  z\t1.5\n");
    }
}
