//! `jsonl`: one JSON object per line per record, `{"kind": K, K: RECORD}`.
//!
//! The record is the report contract's object (DESIGN.md §8) unchanged, under a key
//! named after its kind, because several contract objects have a `kind` field of
//! their own (an actor's or a mention's PERSON, GPE, …) that a flattened line would
//! clobber. Kinds: `article`, `sentence`, `mention`, `timex`, `event`, `quote`,
//! `quantity`, `story`, `merged_event`, `series`, `actor`; an actor line also carries
//! `mentions` and `articles`, its counts in the exported articles.

use std::io::Write;

use serde::Serialize;

use super::walk::Record;

fn line<T: Serialize + ?Sized>(
    out: &mut impl Write,
    kind: &str,
    value: &T,
    extra: &str,
) -> anyhow::Result<()> {
    write!(out, "{{\"kind\":\"{kind}\",\"{kind}\":")?;
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(extra.as_bytes())?;
    out.write_all(b"}\n")?;
    Ok(())
}

/// Writes one record as a line.
pub fn write_record(out: &mut impl Write, record: &Record<'_>) -> anyhow::Result<()> {
    let kind = record.kind();
    match record {
        Record::Article(a, _) => line(out, kind, &a.article, ""),
        Record::Sentence(s) => line(out, kind, s, ""),
        Record::Mention(m) => line(out, kind, m, ""),
        Record::Timex(t) => line(out, kind, t, ""),
        Record::Event(r, _) => line(out, kind, &r.event, ""),
        Record::Quote(q) => line(out, kind, &q.record, ""),
        Record::Quantity(q) => line(out, kind, &q.record, ""),
        Record::Story(ctx) => line(out, kind, &ctx.detail.story, ""),
        Record::Merged(m, _) => line(out, kind, m, ""),
        Record::Series(s) => line(out, kind, s, ""),
        Record::Actor(a, t) => line(
            out,
            kind,
            a,
            &format!(",\"mentions\":{},\"articles\":{}", t.mentions, t.articles),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::walk::Tally;
    use newsgraph_model::{Actor, MentionKind};

    #[test]
    fn a_line_keeps_the_records_own_kind_field() {
        let actor = Actor {
            id: "country:OMN".into(),
            name: "Oman".into(),
            kind: MentionKind::Gpe,
            aliases: vec!["Sultanate of Oman".into()],
            country: Some("OMN".into()),
            roles: vec![],
        };
        let mut buf = Vec::new();
        write_record(
            &mut buf,
            &Record::Actor(
                &actor,
                Tally {
                    mentions: 4,
                    articles: 2,
                },
            ),
        )
        .unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.ends_with("}\n") && text.lines().count() == 1);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["kind"], "actor");
        assert_eq!(v["actor"]["kind"], "GPE");
        assert_eq!(v["actor"]["name"], "Oman");
        assert_eq!(v["mentions"], 4);
        assert_eq!(v["articles"], 2);
    }
}
