//! Parquet output of a table, with the `parquet` crate's column writers (no Arrow).
//!
//! Every column is `OPTIONAL` (a definition level of 0 marks a null): text as
//! `BYTE_ARRAY` annotated `STRING`, integers as `INT64`, floats as `DOUBLE`. Rows are
//! buffered column by column and written as a row group whenever the buffer holds
//! [`GROUP_ROWS`] rows or [`GROUP_BYTES`] bytes of text, so memory stays bounded
//! however large the table. Pages are Snappy-compressed (what pandas and polars
//! write by default).

use std::io::Write;
use std::sync::Arc;

use anyhow::Context;
use parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::sink::TableSink;
use super::tables::{Cell, ColType, Column};

/// Most rows per row group.
const GROUP_ROWS: usize = 50_000;
/// Most buffered text per row group (bytes).
const GROUP_BYTES: usize = 16 << 20;

/// One column's buffered values and definition levels.
enum Buffer {
    Str(Vec<ByteArray>, Vec<i16>),
    Int(Vec<i64>, Vec<i16>),
    Float(Vec<f64>, Vec<i16>),
}

impl Buffer {
    fn new(ty: ColType) -> Self {
        match ty {
            ColType::Str => Buffer::Str(Vec::new(), Vec::new()),
            ColType::Int => Buffer::Int(Vec::new(), Vec::new()),
            ColType::Float => Buffer::Float(Vec::new(), Vec::new()),
        }
    }

    /// Appends a cell; returns the bytes of text it added. A cell of another type
    /// than the column's is a bug in the table definitions.
    fn push(&mut self, cell: &Cell) -> anyhow::Result<usize> {
        match (self, cell) {
            (Buffer::Str(_, d) | Buffer::Int(_, d) | Buffer::Float(_, d), Cell::Null) => {
                d.push(0);
                Ok(0)
            }
            (Buffer::Str(v, d), Cell::Str(s)) => {
                v.push(ByteArray::from(s.as_str()));
                d.push(1);
                Ok(s.len())
            }
            (Buffer::Int(v, d), Cell::Int(i)) => {
                v.push(*i);
                d.push(1);
                Ok(8)
            }
            (Buffer::Float(v, d), Cell::Float(f)) => {
                v.push(*f);
                d.push(1);
                Ok(8)
            }
            (_, other) => anyhow::bail!("a {other:?} does not fit this Parquet column"),
        }
    }

    fn clear(&mut self) {
        match self {
            Buffer::Str(v, d) => {
                v.clear();
                d.clear();
            }
            Buffer::Int(v, d) => {
                v.clear();
                d.clear();
            }
            Buffer::Float(v, d) => {
                v.clear();
                d.clear();
            }
        }
    }
}

/// The Parquet schema of a table.
pub fn schema(columns: &[Column]) -> anyhow::Result<Type> {
    let fields = columns
        .iter()
        .map(|c| {
            let (physical, logical) = match c.ty {
                ColType::Str => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
                ColType::Int => (Physical::INT64, None),
                ColType::Float => (Physical::DOUBLE, None),
            };
            Type::primitive_type_builder(c.name, physical)
                .with_repetition(Repetition::OPTIONAL)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Type::group_type_builder("newsgraph")
        .with_fields(fields)
        .build()?)
}

/// A Parquet writer of one table.
pub struct ParquetSink<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: Vec<Buffer>,
    buffered_rows: usize,
    buffered_bytes: usize,
    rows: u64,
}

impl<W: Write + Send> ParquetSink<W> {
    /// Starts a Parquet file of a table with these columns on `out`.
    pub fn new(out: W, columns: &[Column]) -> anyhow::Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("newsgraph {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = SerializedFileWriter::new(out, Arc::new(schema(columns)?), Arc::new(props))
            .context("cannot start the Parquet file")?;
        Ok(ParquetSink {
            writer,
            columns: columns.iter().map(|c| Buffer::new(c.ty)).collect(),
            buffered_rows: 0,
            buffered_bytes: 0,
            rows: 0,
        })
    }

    /// Writes the buffered rows as one row group.
    fn flush_group(&mut self) -> anyhow::Result<()> {
        if self.buffered_rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for buffer in &mut self.columns {
            let mut col = group
                .next_column()?
                .context("the Parquet schema has fewer columns than the table")?;
            match buffer {
                Buffer::Str(v, d) => {
                    col.typed::<ByteArrayType>().write_batch(v, Some(d), None)?;
                }
                Buffer::Int(v, d) => {
                    col.typed::<Int64Type>().write_batch(v, Some(d), None)?;
                }
                Buffer::Float(v, d) => {
                    col.typed::<DoubleType>().write_batch(v, Some(d), None)?;
                }
            }
            col.close()?;
            buffer.clear();
        }
        group.close()?;
        self.buffered_rows = 0;
        self.buffered_bytes = 0;
        Ok(())
    }
}

impl<W: Write + Send> TableSink for ParquetSink<W> {
    fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()> {
        anyhow::ensure!(
            cells.len() == self.columns.len(),
            "a row of {} cells for a table of {} columns",
            cells.len(),
            self.columns.len()
        );
        for (buffer, cell) in self.columns.iter_mut().zip(cells) {
            self.buffered_bytes += buffer.push(cell)?;
        }
        self.buffered_rows += 1;
        self.rows += 1;
        if self.buffered_rows >= GROUP_ROWS || self.buffered_bytes >= GROUP_BYTES {
            self.flush_group()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> anyhow::Result<u64> {
        self.flush_group()?;
        let rows = self.rows;
        let mut out = self
            .writer
            .into_inner()
            .context("cannot finish the Parquet file")?;
        out.flush().context("cannot write the Parquet file")?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    const COLS: &[Column] = &[
        Column {
            name: "name",
            ty: ColType::Str,
        },
        Column {
            name: "count",
            ty: ColType::Int,
        },
        Column {
            name: "share",
            ty: ColType::Float,
        },
    ];

    #[test]
    fn rows_read_back_with_nulls() {
        let mut buf = Vec::new();
        let mut sink = Box::new(ParquetSink::new(&mut buf, COLS).unwrap());
        sink.row(&[Cell::Str("Oman".into()), Cell::Int(3), Cell::Float(0.25)])
            .unwrap();
        sink.row(&[Cell::Null, Cell::Null, Cell::Float(1.0)])
            .unwrap();
        assert_eq!(sink.finish().unwrap(), 2);
        assert_eq!(&buf[..4], b"PAR1");
        assert_eq!(&buf[buf.len() - 4..], b"PAR1");

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        std::fs::write(&path, &buf).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<_> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let first: Vec<&Field> = rows[0].get_column_iter().map(|(_, f)| f).collect();
        assert_eq!(first[0], &Field::Str("Oman".into()));
        assert_eq!(first[1], &Field::Long(3));
        let second: Vec<&Field> = rows[1].get_column_iter().map(|(_, f)| f).collect();
        assert_eq!(second[0], &Field::Null);
        assert_eq!(second[2], &Field::Double(1.0));
    }

    #[test]
    fn a_cell_of_the_wrong_type_is_an_error() {
        let mut buf = Vec::new();
        let mut sink = ParquetSink::new(&mut buf, COLS).unwrap();
        assert!(sink
            .row(&[Cell::Int(1), Cell::Int(3), Cell::Float(0.25)])
            .is_err());
    }
}
